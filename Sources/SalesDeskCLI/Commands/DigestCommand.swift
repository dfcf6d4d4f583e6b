import ArgumentParser
import Foundation
import SalesDeskDomain
import SalesDeskStore

/// `salesdesk digest set [--daily HH:MM|off] [--weekly HH:MM|off] [--for HANDLE]`: scheduled report digests in the Inbox.
struct DigestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "digest", abstract: "Choose when your daily and weekly report digests arrive (in your time zone).", subcommands: [Set.self])

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the local time of your daily digest (yesterday's figures) and weekly digest (Mondays, last week's), or turn them off.")
        @OptionGroup var options: DeskOptions
        @Option(help: "Daily digest time, HH:MM, or off.") var daily: String?
        @Option(help: "Weekly digest time on Mondays, HH:MM, or off.") var weekly: String?
        @Option(help: "Whose digests (admins only; default: yours).") var `for`: String?

        func validate() throws {
            if daily == nil && weekly == nil { throw ValidationError("Give --daily HH:MM, --weekly HH:MM, or off for either.") }
        }

        func run() throws {
            let database = try options.openDatabase()
            let user = try options.currentUser(in: database)
            let target = try `for`.map { try Lookup.user($0, in: database) } ?? user
            for (cadence, text) in [(ReportDigest.Cadence.daily, daily), (.weekly, weekly)] {
                guard let text else { continue }
                try database.setReportDigest(cadence, at: try Self.minute(text, option: cadence.rawValue), for: target.id!, by: user)
                print(TextTable.printable("\(cadence == .daily ? "Daily" : "Weekly") digest for \(target.name): \(text.lowercased() == "off" ? "off" : "\(text) \(target.timeZoneID)")"))
            }
        }

        /// `08:30` → 510; `off` → nil.
        static func minute(_ text: String, option: String) throws -> Int? {
            if text.lowercased() == "off" { return nil }
            let parts = text.split(separator: ":")
            guard parts.count == 2, let hour = Int(parts[0]), let minute = Int(parts[1]), (0..<24).contains(hour), (0..<60).contains(minute) else {
                throw ValidationError("--\(option) '\(TextTable.printable(text))' is not a time; use HH:MM (e.g. 08:30) or off.")
            }
            return hour * 60 + minute
        }
    }
}
