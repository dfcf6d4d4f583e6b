import ArgumentParser
import Foundation
import SalesDeskDomain
import SalesDeskStore

/// `salesdesk audit verify|log`: check the tamper-evident chain and read the history.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Verify the tamper-evident audit log and show its history.",
        subcommands: [Verify.self, Log.self])

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Walk the audit chain; exit 1 naming the first broken entry if anything was edited, deleted or inserted.")
        @OptionGroup var options: DeskOptions

        func run() throws {
            let database = try options.openDatabase(allowReadOnly: true)
            let report = try database.verifyAuditChain()
            if let broken = report.firstBreak {
                FileHandle.standardError.write(Data("""
                    \(database.path): the audit chain is broken at \(broken). \(report.entriesChecked) entries before it verify.
                    Restore the database from a backup taken before the change, and find out who can write the file.\n
                    """.utf8))
                throw ExitCode(1)
            }
            let head = report.headHash.map { " Newest entry's hash: \($0.map { String(format: "%02x", $0) }.joined())." } ?? ""
            print("\(database.path): audit chain intact (\(report.entriesChecked) entries).\(head)")
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
                    String(entry.id ?? 0), entry.at.ISO8601Format(), entry.userID.flatMap { handles[$0] } ?? "system",
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
