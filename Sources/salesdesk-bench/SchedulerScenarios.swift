import Foundation
import GRDB
import Logging
import SalesDeskScheduler
import SalesDeskStore

/// The scheduler's costs on a large database: an idle pass, a pass with 1,000 due items, the next-due
/// look-up, and the CPU an idle daemon uses.
struct SchedulerScenarios {
    let database: AppDatabase
    let runs: Int
    let daemonSeconds: Int

    func run() async throws -> (results: [BenchmarkResult], daemonCPUPercent: Double?) {
        let now = Date()
        let engine = SchedulerEngine(database: database, claimer: "bench", now: { now }, logger: Self.quiet)
        try engine.runPass() // catch up once: what a first start after the migration does
        var results: [BenchmarkResult] = []
        results.append(.init(name: "scheduler: idle pass (nothing due)", deskMilliseconds: try Measurement.median(runs: runs) { try engine.runPass() }, sqliteMilliseconds: nil))
        results.append(.init(name: "scheduler: next due instant", deskMilliseconds: try Measurement.median(runs: runs) { _ = try database.nextDueInstant() }, sqliteMilliseconds: nil))
        if let busy = try busyPass() { results.append(busy) }
        let cpu = daemonSeconds > 0 ? try await idleDaemonCPU() : nil
        return (results, cpu)
    }

    /// A pass at the instant when exactly 1,000 pending jobs are due; the jobs, their notifications and
    /// the stall cursors are restored before each run so every run fires the same 1,000.
    private func busyPass() throws -> BenchmarkResult? {
        let snapshot = try database.writer.read { db -> (Int64, [Int64], Int64, [Row])? in
            let ids = try Int64.fetchAll(db, sql: "SELECT id FROM scheduled_job WHERE done_at IS NULL ORDER BY due_at LIMIT 1000")
            guard ids.count == 1000, let last = try Int64.fetchOne(db, sql: "SELECT MAX(due_at) FROM scheduled_job WHERE id IN (\(ids.map(String.init).joined(separator: ",")))")
            else { return nil }
            return (last, ids, try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM notification") ?? 0,
                    try Row.fetchAll(db, sql: "SELECT name, value FROM scheduler_cursor"))
        }
        guard let (dueAt, ids, lastNotification, cursors) = snapshot else { return nil }
        let at = Date(timeIntervalSince1970: TimeInterval(dueAt))
        let engine = SchedulerEngine(database: database, claimer: "bench-busy", now: { at }, logger: Self.quiet)
        // Warm-up: also moves the stall cursors to this instant, so the measured runs fire only the 1,000 jobs.
        try restore(ids: ids, notificationsAfter: lastNotification, cursors: cursors)
        let stalls = try engine.runPass().firing.handled - ids.count
        let cursorsAtInstant = try database.writer.read { db in try Row.fetchAll(db, sql: "SELECT name, value FROM scheduler_cursor") }
        var samples: [Double] = []
        var fired = 0
        for _ in 0..<runs {
            try restore(ids: ids, notificationsAfter: lastNotification, cursors: cursorsAtInstant)
            let start = DispatchTime.now().uptimeNanoseconds
            fired = try engine.runPass().firing.handled
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        try restore(ids: ids, notificationsAfter: lastNotification, cursors: cursors)
        print("busy pass instant \(at.ISO8601Format()): the warm-up also fired \(stalls) stall crossings between now and then")
        let median = samples.sorted()[runs / 2]
        return BenchmarkResult(name: "scheduler: pass with 1,000 due jobs (handled \(fired))", deskMilliseconds: median, sqliteMilliseconds: nil)
    }

    private func restore(ids: [Int64], notificationsAfter lastNotification: Int64, cursors: [Row]) throws {
        try database.writer.write { db in
            try db.execute(sql: """
                UPDATE scheduled_job SET done_at = NULL, outcome = NULL, claimed_by = NULL, lease_until = NULL
                WHERE id IN (\(ids.map(String.init).joined(separator: ",")))
                """)
            try db.execute(sql: "DELETE FROM notification WHERE id > ?", arguments: [lastNotification])
            for cursor in cursors {
                try db.execute(sql: "UPDATE scheduler_cursor SET value = ? WHERE name = ?", arguments: [cursor["value"] as Int64, cursor["name"] as String])
            }
        }
    }

    /// CPU time (user + system, `getrusage`) of this process while a daemon idles for `daemonSeconds`, as a percentage.
    private func idleDaemonCPU() async throws -> Double {
        let engine = SchedulerEngine(database: database, claimer: "bench-daemon", now: { Date() }, logger: Self.quiet)
        let monitor = try ChangeMonitor(path: database.path)
        let daemon = SchedulerDaemon(engine: engine, clock: ContinuousClock(), now: { Date() }, changed: { try monitor.hasChanged() }, logger: Self.quiet)
        let before = Self.cpuSeconds()
        let task = Task { try await daemon.run() }
        try await Task.sleep(for: .seconds(daemonSeconds))
        task.cancel()
        _ = try? await task.value
        return (Self.cpuSeconds() - before) / Double(daemonSeconds) * 100
    }

    private static let quiet = Logger(label: "salesdesk.bench", factory: { _ in SwiftLogNoOpLogHandler() })

    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
