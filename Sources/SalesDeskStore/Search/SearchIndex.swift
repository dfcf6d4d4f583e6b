import GRDB
import SalesDeskDomain

/// Keeps the FTS5 `search` table in step with leads, tickets and accounts.
///
/// Each record owns one row whose rowid encodes its kind: `id * 4 + kind`.
enum SearchIndex {
    enum Kind: Int64, CaseIterable {
        case lead = 0, ticket = 1, account = 2

        var name: String {
            switch self {
            case .lead: "lead"
            case .ticket: "ticket"
            case .account: "account"
            }
        }
    }

    static func rowID(_ kind: Kind, _ id: Int64) -> Int64 { id * 4 + kind.rawValue }

    /// Replaces the row of a record.
    static func put(_ db: Database, _ kind: Kind, id: Int64, title: String, body: String) throws {
        let rowID = rowID(kind, id)
        try db.execute(sql: "DELETE FROM search WHERE rowid = ?", arguments: [rowID])
        try db.execute(sql: "INSERT INTO search (rowid, title, body) VALUES (?, ?, ?)", arguments: [rowID, title, body])
    }

    /// Re-indexes a lead from its current row, contact and account.
    static func indexLead(_ db: Database, id: Int64) throws {
        guard let row = try Row.fetchOne(db, sql: """
            SELECT contact.name AS name, account.name AS company, lead.title AS title, lead.tags AS tags
            FROM lead JOIN contact ON contact.id = lead.contact_id LEFT JOIN account ON account.id = lead.account_id
            WHERE lead.id = ?
            """, arguments: [id]) else { return }
        try put(db, .lead, id: id, title: row["name"], body: leadBody(title: row["title"], company: row["company"], tags: row["tags"]))
    }

    /// A lead row's searchable body: the deal title, the company when the title does not name it, and the tags.
    static func leadBody(title: String, company: String?, tags: String) -> String {
        [company.flatMap { containsIgnoringCase(title, $0) ? nil : $0 }, title, tags]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// `title.lowercased().contains(part.lowercased())`, byte by byte when both are ASCII.
    static func containsIgnoringCase(_ title: String, _ part: String) -> Bool {
        guard !part.isEmpty, title.utf8.allSatisfy({ $0 < 0x80 }), part.utf8.allSatisfy({ $0 < 0x80 }) else {
            return title.lowercased().contains(part.lowercased())
        }
        let lower = { (byte: UInt8) in (0x41...0x5A).contains(byte) ? byte | 0x20 : byte }
        let haystack = title.utf8.map(lower), needle = part.utf8.map(lower)
        guard needle.count <= haystack.count else { return false }
        return (0...(haystack.count - needle.count)).contains { start in
            haystack[start] == needle[0] && haystack[start..<(start + needle.count)].elementsEqual(needle)
        }
    }

    /// Re-indexes a ticket: its title holds its number, subject and contact's name (what ticket search matches,
    /// `T-000123 Sync broken · Ana Müller`), its body the description. (Its account's name is searched through the
    /// account's own row and `ticket_account`.)
    static func indexTicket(_ db: Database, _ ticket: Ticket) throws {
        guard let id = ticket.id else { return }
        let contact = try ticket.contactID.flatMap { try String.fetchOne(db, sql: "SELECT name FROM contact WHERE id = ?", arguments: [$0]) }
        try put(db, .ticket, id: id, title: ticketTitle(number: ticket.number, subject: ticket.subject, contact: contact), body: ticket.description)
    }

    /// `T-000123 Sync broken`, with ` · Contact Name` when the ticket has a contact.
    static func ticketTitle(number: String, subject: String, contact: String?) -> String {
        "\(number) \(subject)" + (contact.map { " · \($0)" } ?? "")
    }

    /// Re-indexes every ticket that has a contact, so its contact's name is searchable (migration v6).
    static func reindexTicketsWithContacts(_ db: Database) throws {
        try db.execute(sql: """
            DELETE FROM search WHERE rowid IN (SELECT id * 4 + \(Kind.ticket.rawValue) FROM ticket WHERE contact_id IS NOT NULL);
            INSERT INTO search (rowid, title, body)
            SELECT ticket.id * 4 + \(Kind.ticket.rawValue), printf('T-%06d ', ticket.id) || ticket.subject || ' · ' || contact.name, ticket.description
            FROM ticket JOIN contact ON contact.id = ticket.contact_id;
            """)
    }

    /// Re-indexes an account.
    static func indexAccount(_ db: Database, _ account: Account) throws {
        guard let id = account.id else { return }
        try put(db, .account, id: id, title: account.name, body: [account.domain, account.industry].compactMap { $0 }.joined(separator: " "))
    }

    /// Turns what a user typed into an FTS5 query matching every word as a prefix: `ana sil` → `"ana"* AND "sil"*`;
    /// with `column`, every word must be in that column (`title : "ana"* AND title : "sil"*`).
    ///
    /// Quotes are doubled, so no input can inject FTS syntax. A single ASCII letter or digit is not searched
    /// until a second one is typed: as a prefix it matches most of a million rows and says little.
    static func prefixQuery(_ text: String, column: String? = nil) -> String? {
        let words = searchWords(text)
        guard !words.isEmpty else { return nil }
        let filter = column.map { "\($0) : " } ?? ""
        return words.map { "\(filter)\(quoted($0))*" }.joined(separator: " AND ")
    }

    /// The words of `text` a search looks for (at most eight; a lone ASCII letter or digit is left out).
    static func searchWords(_ text: String) -> [String] {
        let allWords: [Substring] = text.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        return allWords.filter { word in word.count > 1 || !(word.first?.isASCII ?? true) }.prefix(8).map(String.init)
    }

    /// `word` as an FTS5 string: in double quotes, its own quotes doubled.
    static func quoted(_ word: String) -> String {
        "\"" + word.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
