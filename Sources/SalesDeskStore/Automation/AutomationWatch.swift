import Foundation
import GRDB

/// What an engine remembers between its passes, so that an idle pass asks the database one question ("anything new?")
/// instead of reading every rule, scanning every time rule's cursor and looking for retries.
///
/// Nothing can be due for rules while all of these hold: no audited write since the last full pass (every named write,
/// rule edits and switches included, appends to the audit chain, so a new or changed record, a rescheduled follow-up or
/// an edited rule all show as a new chain head), no event past the stream's cursor, no retry due, and no time rule's
/// next instant reached. A pass that finds any of them changed does the full work and remembers the new state.
public final class AutomationWatch: @unchecked Sendable {
    private let lock = NSLock()
    private var auditHead: Int64?
    private var quietUntil: Date?

    public init() {}

    /// The state one query reads: the audit chain's head, whether events wait, the earliest retry.
    struct Marks {
        var auditHead: Int64
        var hasNews: Bool
        var nextRetry: Date?

        static func read(_ db: Database) throws -> Marks {
            let row = try Row.fetchOne(db.cachedStatement(sql: """
                SELECT (SELECT COALESCE(MAX(id), 0) FROM audit_entry),
                       EXISTS (SELECT 1 FROM automation_event WHERE id > (SELECT position FROM automation_cursor WHERE name = 'events')),
                       (SELECT MIN(retry_at) FROM automation_run WHERE retry_at IS NOT NULL)
                """))
            return Marks(auditHead: row?[0] ?? 0, hasNews: row?[1] ?? false, nextRetry: (row?[2] as Int64?).map(Date.init(epochSeconds:)))
        }
    }

    /// Whether a pass at `now` with `marks` has nothing to do.
    func isQuiet(_ marks: Marks, at now: Date) -> Bool {
        lock.withLock {
            guard let auditHead, let quietUntil, auditHead == marks.auditHead, !marks.hasNews else { return false }
            return now < quietUntil && (marks.nextRetry.map { now < $0 } ?? true)
        }
    }

    /// Remembers a full pass that started at chain head `auditHead` and found the time rules next due at `nextDue`
    /// (nil: never, with the records as they are).
    func remember(auditHead: Int64, nextDue: Date?) {
        lock.withLock {
            self.auditHead = auditHead
            quietUntil = nextDue ?? .distantFuture
        }
    }

    /// Forgets what was remembered (the next pass does the full work).
    func forget() {
        lock.withLock {
            auditHead = nil
            quietUntil = nil
        }
    }
}
