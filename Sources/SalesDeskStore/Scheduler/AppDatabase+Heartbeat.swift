import Foundation
import GRDB
import SalesDeskDomain

/// One scheduler's last sign of life.
public struct SchedulerHeartbeat: Codable, Equatable, Sendable {
    public var claimer: String
    public var pid: Int32
    public var host: String
    public var startedAt: Date
    public var beatAt: Date
    public var lastPassAt: Date?
    /// Work handled by the last pass.
    public var lastFired: Int
    public var nextDueAt: Date?

    public init(claimer: String, pid: Int32, host: String, startedAt: Date, beatAt: Date, lastPassAt: Date?, lastFired: Int, nextDueAt: Date?) {
        self.claimer = claimer
        self.pid = pid
        self.host = host
        self.startedAt = startedAt
        self.beatAt = beatAt
        self.lastPassAt = lastPassAt
        self.lastFired = lastFired
        self.nextDueAt = nextDueAt
    }
}

/// What `salesdesk scheduler status` reports.
public struct SchedulerStatus: Codable, Equatable, Sendable {
    /// Every scheduler that ever beat, most recent first.
    public var heartbeats: [SchedulerHeartbeat]
    /// The earliest pending job.
    public var nextDueAt: Date?
    /// Pending jobs already due (work nobody has fired yet).
    public var backlog: Int
    /// Hook deliveries waiting for a retry or given up.
    public var hookFailures: [HookFailure]
}

extension AppDatabase {
    /// Records a scheduler's heartbeat and last pass.
    public func recordHeartbeat(_ beat: SchedulerHeartbeat) throws {
        try writer.write { db in
            try db.execute(sql: """
                INSERT INTO scheduler_heartbeat (claimer, pid, host, started_at, beat_at, last_pass_at, last_fired, next_due_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (claimer) DO UPDATE SET beat_at = excluded.beat_at, last_pass_at = excluded.last_pass_at,
                    last_fired = excluded.last_fired, next_due_at = excluded.next_due_at
                """, arguments: [beat.claimer, beat.pid, beat.host, beat.startedAt.epochSeconds, beat.beatAt.epochSeconds,
                                 beat.lastPassAt?.epochSeconds, beat.lastFired, beat.nextDueAt?.epochSeconds])
            // Keep the table small: forget schedulers silent for a week.
            try db.execute(sql: "DELETE FROM scheduler_heartbeat WHERE beat_at < ?", arguments: [beat.beatAt.epochSeconds - 7 * 86_400])
        }
    }

    /// Records that a scheduler is alive at `at` without touching its last pass's figures.
    public func recordBeat(claimer: String, pid: Int32, host: String, startedAt: Date, at: Date) throws {
        try writer.write { db in
            try db.execute(sql: """
                INSERT INTO scheduler_heartbeat (claimer, pid, host, started_at, beat_at, last_fired)
                VALUES (?, ?, ?, ?, ?, 0)
                ON CONFLICT (claimer) DO UPDATE SET beat_at = excluded.beat_at
                """, arguments: [claimer, pid, host, startedAt.epochSeconds, at.epochSeconds])
        }
    }

    /// The most recent heartbeat of any scheduler.
    public func latestHeartbeat() throws -> Date? {
        try writer.read { db in try Int64.fetchOne(db, sql: "SELECT MAX(beat_at) FROM scheduler_heartbeat").map(Date.init(epochSeconds:)) }
    }

    /// The earliest instant anything may need firing: a pending job (or the end of its lease), a stall
    /// crossing, or (for a scheduler that runs hooks) a hook retry. Index seeks only.
    public func nextDueInstant(includingHooks: Bool = true) throws -> Date? {
        try writer.read { db in
            var candidates: [Date] = []
            if let row = try Row.fetchOne(db, sql: "SELECT due_at, lease_until FROM scheduled_job WHERE done_at IS NULL ORDER BY due_at LIMIT 1") {
                candidates.append(Date(epochSeconds: max(row["due_at"] as Int64, row["lease_until"] as Int64? ?? 0)))
            }
            if includingHooks, let row = try Row.fetchOne(db, sql: """
                SELECT next_attempt_at, lease_until FROM hook_delivery WHERE delivered_at IS NULL AND failed_at IS NULL ORDER BY next_attempt_at LIMIT 1
                """) {
                candidates.append(Date(epochSeconds: max(row["next_attempt_at"] as Int64, row["lease_until"] as Int64? ?? 0)))
            }
            if let stall = try StallScan.nextCrossing(db, pipeline: configuration.pipeline) { candidates.append(stall) }
            if let calendarJob = try AppDatabase.nextCalendarJob(db) { candidates.append(calendarJob) }
            return candidates.min()
        }
    }

    /// Heartbeats, the next due job, the backlog at `now`, and failed hook deliveries.
    public func schedulerStatus(now: Date) throws -> SchedulerStatus {
        let failures = try hookFailures()
        return try writer.read { db in
            let beats = try Row.fetchAll(db, sql: "SELECT * FROM scheduler_heartbeat ORDER BY beat_at DESC").map { row in
                SchedulerHeartbeat(
                    claimer: row["claimer"], pid: row["pid"], host: row["host"], startedAt: Date(epochSeconds: row["started_at"]),
                    beatAt: Date(epochSeconds: row["beat_at"]), lastPassAt: (row["last_pass_at"] as Int64?).map(Date.init(epochSeconds:)),
                    lastFired: row["last_fired"], nextDueAt: (row["next_due_at"] as Int64?).map(Date.init(epochSeconds:)))
            }
            let next = try Int64.fetchOne(db, sql: "SELECT due_at FROM scheduled_job WHERE done_at IS NULL ORDER BY due_at LIMIT 1")
            let backlog = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM scheduled_job WHERE done_at IS NULL AND due_at <= ?",
                                           arguments: [now.epochSeconds]) ?? 0
            return SchedulerStatus(heartbeats: beats, nextDueAt: next.map(Date.init(epochSeconds:)), backlog: backlog, hookFailures: failures)
        }
    }
}
