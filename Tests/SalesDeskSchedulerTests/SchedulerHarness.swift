import Clocks
import Foundation
import GRDB
import Logging
import SalesDeskDomain
import SalesDeskScheduler
import SalesDeskStore
import SalesDeskTesting

/// A desk fixture with a scheduler engine on the fixture's settable clock.
final class SchedulerHarness: @unchecked Sendable {
    let desk: DeskFixture
    let engine: SchedulerEngine
    var database: AppDatabase { desk.database }
    var clock: SettableNow { desk.clock }

    init(now: Date = utc(2026, 11, 23, 10), configuration: DeskConfiguration = .standard) throws {
        desk = try DeskFixture(now: now, configuration: configuration)
        engine = SchedulerEngine(database: desk.database, claimer: "test-engine", now: desk.clock.now, logger: .silent)
    }

    /// Moves the clock to `instant` and runs one pass there.
    @discardableResult
    func pass(at instant: Date) throws -> PassReport {
        clock.set(instant)
        return try engine.runPass()
    }

    /// A daemon on an `ImmediateClock`: every sleep returns at once but moves the clock, and the engine's
    /// calendar time follows the clock, so the passes run exactly at the instants the daemon chose.
    func daemon(changed: @escaping @Sendable () -> Bool = { false }) -> SchedulerDaemon<ImmediateClock<Duration>> {
        let immediate = ImmediateClock()
        let start = immediate.now
        let origin = clock.date
        let now: @Sendable () -> Date = {
            let elapsed = start.duration(to: immediate.now).components
            return origin.addingTimeInterval(TimeInterval(elapsed.seconds) + TimeInterval(elapsed.attoseconds) / 1e18)
        }
        let engine = SchedulerEngine(database: database, claimer: "daemon", now: now, logger: .silent)
        return SchedulerDaemon(engine: engine, clock: immediate, now: now, changed: changed, logger: .silent)
    }

    /// Notifications of `kind` (for `user`, if given), oldest first.
    func notifications(_ kind: SalesDeskDomain.Notification.Kind, for user: User? = nil) throws -> [(title: String, userID: Int64, at: Date)] {
        try database.writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT title, user_id, created_at FROM notification WHERE kind = ? AND (?2 IS NULL OR user_id = ?2) ORDER BY id
                """, arguments: [kind.rawValue, user?.id]).map { ($0["title"], $0["user_id"], Date(timeIntervalSince1970: TimeInterval($0["created_at"] as Int64))) }
        }
    }

    /// Schedules a follow-up for the rep due at `due`.
    func followUp(_ subject: String, due: Date, lead: Lead? = nil) throws -> Activity {
        try database.scheduleFollowUp(NewFollowUp(type: .call, subject: subject, dueAt: due, record: lead.map { .lead($0.id!) }), by: desk.rep)
    }
}

extension Logger {
    /// A logger that drops everything, so test output shows only test results.
    static let silent = Logger(label: "salesdesk.test", factory: { _ in SwiftLogNoOpLogHandler() })
}
