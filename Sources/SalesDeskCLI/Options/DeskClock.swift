import ArgumentParser
import Foundation
import SalesDeskStore
import TerminalUI

/// The process's notion of "now": the real clock, or `SALESDESK_NOW` (ISO 8601) for reproducible runs.
///
/// `SALESDESK_NOW` stamps audit entries, so it is honoured only on a demo database and for the OS account
/// that owns the database file (root included; the tests run so), who could rewrite the file anyway.
/// Anyone else gets the real time and a warning: an environment variable must not backdate the log.
public enum DeskClock {
    private static let fixed = FixedInstant()

    /// The current instant: the honoured `SALESDESK_NOW`, else the real clock.
    public static let now: @Sendable () -> Date = { fixed.value ?? Date() }

    /// Honours `SALESDESK_NOW` for commands on `database` when allowed; prints a warning when it is not,
    /// and refuses a value that is not a time.
    static func honourFixedTime(for database: AppDatabase, environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        guard let text = environment["SALESDESK_NOW"], !text.isEmpty else { return }
        guard try database.isDemoDatabase() || DatabaseOwnership.accountOwnsFile(database.path) else {
            FileHandle.standardError.write(Data("""
                salesdesk: SALESDESK_NOW is ignored: it is honoured only on demo databases and for the database file's owner. \
                Using the real time.\n
                """.utf8))
            return
        }
        try useFixedTime(text)
    }

    /// Uses `text` (ISO 8601) as the current instant: for a demo database this process creates.
    static func useFixedTime(_ text: String?) throws {
        guard let text, !text.isEmpty else { return }
        guard let date = try? Date(text, strategy: .iso8601) else {
            throw ValidationError(TextSanitizer.sanitize("SALESDESK_NOW='\(text.prefix(40))' is not an ISO 8601 time such as 2026-11-23T10:00:00Z."))
        }
        fixed.value = date
    }
}

/// A lock-guarded optional instant.
private final class FixedInstant: @unchecked Sendable {
    private let lock = NSLock()
    private var instant: Date?
    var value: Date? {
        get { lock.withLock { instant } }
        set { lock.withLock { instant = newValue } }
    }
}
