import Foundation
import GRDB
import SalesDeskDomain

extension AppDatabase {
    /// Sets (or, with nil, stops) `user`'s daily or weekly digest at `minute` after local midnight; their own, or anyone's for admins.
    public func setReportDigest(_ cadence: ReportDigest.Cadence, at minute: Int?, for userID: Int64, by user: User) throws {
        let at = now()
        if let minute, !(0..<1_440).contains(minute) {
            throw DomainError.invalidField(field: "digest time", reason: "must be between 00:00 and 23:59")
        }
        try writer.write { db in
            guard userID == user.id || user.role == .admin else {
                throw DomainError.notPermitted("\(user.name) may set their own digests only.")
            }
            if let minute {
                try db.execute(sql: """
                    INSERT INTO report_digest_setting (user_id, cadence, minute) VALUES (?, ?, ?)
                    ON CONFLICT (user_id, cadence) DO UPDATE SET minute = excluded.minute
                    """, arguments: [userID, cadence.rawValue, minute])
            } else {
                try db.execute(sql: "DELETE FROM report_digest_setting WHERE user_id = ? AND cadence = ?", arguments: [userID, cadence.rawValue])
            }
            try AuditLog.changed(db, .user(userID), action: "digest", by: user.id, at: at, [
                .init(field: "\(cadence.rawValue) digest", before: nil, after: minute.map { String(format: "%02d:%02d", $0 / 60, $0 % 60) } ?? "off"),
            ])
        }
    }

    /// Sends every digest due at `now`, each period once per user (several schedulers may call this at once).
    /// Returns how many were sent.
    @discardableResult
    public func sendDueReportDigests(now: Date) throws -> Int {
        let settings = try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT s.user_id, s.cadence, s.minute,
                       (SELECT MAX(period_end) FROM report_digest_sent d WHERE d.user_id = s.user_id AND d.cadence = s.cadence) AS last_end
                FROM report_digest_setting s JOIN user u ON u.id = s.user_id WHERE u.is_active
                """)
        }
        var sent = 0
        for row in settings {
            guard let cadence = ReportDigest.Cadence(rawValue: row["cadence"]), let user = try self.user(id: row["user_id"]) else { continue }
            let zone = TimeZone(identifier: user.timeZoneID) ?? .gmt
            guard let period = ReportDigest.due(cadence, minute: row["minute"], now: now, timeZone: zone,
                                                lastSentEnd: (row["last_end"] as Int64?).date) else { continue }
            let delivered = try writer.write { db -> Bool in
                try db.execute(sql: """
                    INSERT INTO report_digest_sent (user_id, cadence, period_start, period_end, sent_at) VALUES (?, ?, ?, ?, ?)
                    ON CONFLICT DO NOTHING
                    """, arguments: [user.id, cadence.rawValue, period.start.epochSeconds, period.end.epochSeconds, now.epochSeconds])
                guard db.changesCount == 1 else { return false }
                let scope = try reportScope(db, for: user, team: nil, owner: nil)
                let figures = try digestFigures(db, period: period, scope: scope, now: now)
                let message = ReportDigest.message(cadence, period: period, figures: figures, scope: scope.description)
                _ = try Notifications.send(db, to: user.id!, kind: .reportDigest, record: nil, title: message.title, body: message.body, at: now,
                                       dedupeKey: "report-digest:\(user.id!):\(cadence.rawValue):\(period.start.epochSeconds)")
                return true
            }
            if delivered { sent += 1 }
        }
        return sent
    }

    /// The earliest instant a digest or the next weekly forecast snapshot becomes due (the daemon sleeps until then
    /// when nothing else is due); nil when none is set up yet.
    static func nextCalendarJob(_ db: Database) throws -> Date? {
        var candidates: [Date] = []
        if let week = try Int64.fetchOne(db, sql: "SELECT MAX(week_start) FROM forecast_snapshot_run") {
            candidates.append(Date(epochSeconds: week + 7 * 86_400))
        }
        let rows = try Row.fetchAll(db, sql: """
            SELECT s.cadence, s.minute, u.time_zone,
                   (SELECT MAX(period_end) FROM report_digest_sent d WHERE d.user_id = s.user_id AND d.cadence = s.cadence) AS last_end
            FROM report_digest_setting s JOIN user u ON u.id = s.user_id WHERE u.is_active
            """)
        for row in rows {
            guard let cadence = ReportDigest.Cadence(rawValue: row["cadence"]), let lastEnd = (row["last_end"] as Int64?).date,
                  let next = ReportDigest.nextSend(cadence, minute: row["minute"], lastSentEnd: lastEnd,
                                                   timeZone: TimeZone(identifier: row["time_zone"]) ?? .gmt) else { continue }
            candidates.append(next)
        }
        return candidates.min()
    }

    private func digestFigures(_ db: Database, period: ReportPeriod, scope: ReportScope, now: Date) throws -> ReportDigest.Figures {
        let currency = configuration.defaultCurrency
        var leads = ReportSQL()
        leads.owners(scope, column: "l.owner_id")
        var activities = ReportSQL()
        activities.owners(scope, column: "owner_id")
        let range: StatementArguments = [period.start.epochSeconds, period.end.epochSeconds]
        let created = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM lead l WHERE l.created_at >= ? AND l.created_at < ?\(leads.clause)",
                                       arguments: range + leads.arguments) ?? 0
        let closed = try Row.fetchOne(db, sql: """
            SELECT COALESCE(SUM(c.to_stage = 'won'), 0) AS won, COALESCE(SUM(c.to_stage = 'lost'), 0) AS lost,
                   COALESCE(SUM(CASE WHEN c.to_stage = 'won' AND l.currency = ? THEN l.value_minor END), 0) AS won_value
            FROM lead_stage_change c JOIN lead l ON l.id = c.lead_id
            WHERE c.at >= ? AND c.at < ? AND c.to_stage IN ('won', 'lost')\(leads.clause)
            """, arguments: [currency.rawValue] + range + leads.arguments)
        let done = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM activity WHERE state = 'done' AND completed_at >= ? AND completed_at < ?\(activities.clause)",
                                    arguments: range + activities.arguments) ?? 0
        let overdue = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM activity WHERE state = 'planned' AND due_at < ?\(activities.clause)",
                                       arguments: [now.epochSeconds] + activities.arguments) ?? 0
        return ReportDigest.Figures(leadsCreated: created, won: closed?["won"] ?? 0, wonValue: Money(minorUnits: closed?["won_value"] ?? 0, currency: currency),
                                    lost: closed?["lost"] ?? 0, followUpsDone: done, overdueNow: overdue)
    }
}
