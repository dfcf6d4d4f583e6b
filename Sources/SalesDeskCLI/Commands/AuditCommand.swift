import ArgumentParser
import Foundation
import SalesDeskDomain
import SalesDeskStore

/// `salesdesk audit verify|log`: check the tamper-evident chain and read the history.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Verify the tamper-evident audit log and show its history.",
        subcommands: [Verify.self, Anchor.self, Log.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Walk the audit chain; exit 1 naming the first broken entry if anything was edited, deleted or inserted.",
            discussion: """
                --anchor checks that the log still reaches an anchor taken earlier (salesdesk audit anchor): a hash, or a file of \
                anchor lines (each is checked). --data also compares every lead and ticket with its last audited state.
                """)
        @OptionGroup var options: DeskOptions
        @Option(help: ArgumentHelp("An anchor to reach: the 64-hex hash `audit anchor` printed, or a file it appended to.", valueName: "hash|file"))
        var anchor: String?
        @Flag(help: "Also report leads and tickets changed without an audit entry (their row differs from their last audited state).")
        var data = false

        func run() throws {
            let database = try options.openDatabase(allowReadOnly: true, access: .deskUsersAndFileOwner)
            let report = try database.verifyAuditChain()
            if let broken = report.firstBreak {
                fail("""
                    \(database.path): the audit chain is broken at \(broken). \(report.entriesChecked) entries before it verify.
                    Restore the database from a backup taken before the change, and find out who can write the file.
                    """)
            }
            var problems: [String] = []
            if let anchor {
                for expected in try AnchorArgument.anchors(anchor, in: database) {
                    if let miss = try database.check(expected) { problems.append(miss.description) }
                }
            }
            let head = report.headHash.map { " Newest entry's hash: \($0.map { String(format: "%02x", $0) }.joined())." } ?? ""
            print("\(database.path): audit chain intact (\(report.entriesChecked) entries).\(head)")
            if anchor != nil && problems.isEmpty { print("It reaches the anchor.") }
            if data {
                let check = try database.checkAuditedData()
                problems += check.mismatches.map(\.description)
                print("Data: \(check.checked) leads and tickets match their last audited state"
                      + (check.notCovered > 0 ? "; \(check.notCovered) have no recorded state yet (bulk imports, demo data, or last changed before this check existed)." : "."))
            }
            if !problems.isEmpty {
                fail("\(database.path): " + problems.prefix(20).joined(separator: "\n") + (problems.count > 20 ? "\n… and \(problems.count - 20) more." : "")
                     + "\nRestore the database from a backup taken before the change, and find out who can write the file.")
            }
        }

        private func fail(_ message: String) -> Never {
            FileHandle.standardError.write(Data((message + "\n").utf8))
            Verify.exit(withError: ExitCode(1))
        }
    }

    struct Anchor: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print an anchor of the audit log's newest entry (and append it to a file or syslog) to check later with verify --anchor.",
            discussion: """
                Keep anchors where the desk's users cannot write. Nightly, from the admin's crontab:
                15 2 * * * salesdesk audit anchor --append /var/lib/salesdesk-anchors/anchors.log --syslog
                """)
        @OptionGroup var options: DeskOptions
        @Option(help: ArgumentHelp("Append the anchor line to this file (created 0600 if missing; never a link or device).", valueName: "file"))
        var append: String?
        @Flag(help: "Also send the anchor line to syslog (logger -t salesdesk-audit).")
        var syslog = false

        func run() throws {
            let database = try options.openDatabase(access: .deskUsersAndFileOwner)
            guard let anchor = try database.takeAuditAnchor() else {
                print("The audit log is empty: nothing to anchor yet.")
                return
            }
            if let append { try AnchorArgument.append(anchor.line, to: append) }
            if syslog { try AnchorArgument.sendToSyslog(anchor.line) }
            print(anchor.line)
        }
    }

    struct Log: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show audit entries, newest first.")
        @OptionGroup var options: DeskOptions
        @Option(help: ArgumentHelp("Only this record, e.g. lead:42, ticket:7, user:3.", valueName: "kind:id")) var record: String?
        @Option(help: ArgumentHelp("Only changes by this user.", valueName: "handle")) var user: String?
        @Option(help: ArgumentHelp("Only changes at or after this day or time (2026-11-01, 2026-11-01T09:00:00Z).", valueName: "time")) var since: String?
        @Option(help: "At most this many entries (1–10000).") var limit = 100
        @Flag(help: "Print JSON.") var json = false

        func validate() throws {
            guard (1...10_000).contains(limit) else { throw ValidationError("--limit must be between 1 and 10000.") }
            if let record, RecordReference.parse(record) == nil {
                throw ValidationError("'\(record)' is not a record: write KIND:ID with KIND one of lead, ticket, account, contact, activity, user, team (e.g. lead:42).")
            }
            if let since, Self.parseTime(since) == nil {
                throw ValidationError("'\(since)' is not a day or time: write 2026-11-01 or 2026-11-01T09:00:00Z.")
            }
        }

        func run() throws {
            let database = try options.openDatabase(allowReadOnly: true)
            let userID = try user.map { try Lookup.user($0, in: database).id! }
            let entries = try database.auditEntries(AuditQuery(
                record: record.flatMap(RecordReference.parse), userID: userID, since: since.flatMap(Self.parseTime), limit: limit))
            if json { return try JSONOutput.print(entries) }
            let handles = Dictionary(uniqueKeysWithValues: try database.users().map { ($0.id!, $0.handle) })
            print(TextTable(headers: ["#", "AT (UTC)", "USER", "RECORD", "ACTION", "CHANGE"], rows: entries.map { entry in
                [
                    String(entry.id ?? 0), entry.at.ISO8601Format(),
                    (entry.operatedBy.map { "\($0) as " } ?? "") + (entry.userID.flatMap { handles[$0] } ?? "system"),
                    "\(entry.record.kind):\(entry.record.id)", entry.action,
                    [entry.field.map { "\($0): " }, entry.before.map { "\($0) → " }, entry.after].compactMap { $0 }.joined(),
                ]
            }).render())
        }

        static func parseTime(_ text: String) -> Date? {
            if let date = try? Date(text, strategy: .iso8601) { return date }
            return try? Date(text + "T00:00:00Z", strategy: .iso8601)
        }
    }
}

extension RecordReference {
    /// Parses `lead:42`.
    static func parse(_ text: String) -> RecordReference? {
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        guard parts.count == 2, let id = Int64(parts[1]), id > 0 else { return nil }
        return RecordReference(kind: parts[0].lowercased(), id: id)
    }
}
