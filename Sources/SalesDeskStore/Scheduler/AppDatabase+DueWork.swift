import Foundation
import GRDB
import SalesDeskDomain

extension AppDatabase {
    /// Claims up to `limit` due jobs for `claimer` until `now + lease`, in one transaction.
    ///
    /// A job is claimable when it is pending and due, and either unclaimed or its lease has run out
    /// (its claimer died mid-action). Two schedulers never hold the same job: the claim is one
    /// `UPDATE … WHERE lease is free` in an `IMMEDIATE` transaction.
    public func claimDueWork(claimer: String, now: Date, lease: TimeInterval, limit: Int = 5_000) throws -> [DueWork] {
        try writer.write { db in
            let rows = try Row.fetchAll(db, sql: """
                UPDATE scheduled_job SET claimed_by = ?1, lease_until = ?2
                WHERE id IN (
                    SELECT id FROM scheduled_job
                    WHERE done_at IS NULL AND due_at <= ?3 AND (lease_until IS NULL OR lease_until <= ?3)
                    ORDER BY due_at LIMIT ?4)
                RETURNING id, kind, record_kind, record_id, level, due_at, event_at
                """, arguments: [claimer, now.addingTimeInterval(lease).epochSeconds, now.epochSeconds, limit])
            return rows.compactMap { row in
                guard let kind = DueWork.Kind(rawValue: row["kind"]),
                      let record = RecordReference(kind: row["record_kind"], id: row["record_id"]) else { return nil }
                return DueWork(id: row["id"], kind: kind, record: record, level: row["level"], dueAt: Date(epochSeconds: row["due_at"]),
                               eventAt: (row["event_at"] as Int64?).map(Date.init(epochSeconds:)))
            }.sorted { $0.dueAt < $1.dueAt }
        }
    }

    /// Fires claimed jobs and newly stalled leads in one transaction.
    ///
    /// A job fires only if it is still claimed by `claimer` and not done (`UPDATE … SET done_at` checks the
    /// change count), and its notification is written in the same transaction, so each job fires exactly
    /// once even when a lease ran out and another scheduler took it over. Work that came due more than
    /// `catchUpAfter` ago and after the last recorded pass (so while no scheduler ran) is counted into one
    /// "while you were away" digest per user instead; work created after its due time fires as itself.
    public func fireDueWork(_ claimed: [DueWork], claimer: String, now: Date, catchUpAfter: TimeInterval) throws -> FiringReport {
        try writer.write { db in
            var report = FiringReport()
            var digests: [Int64: AwayDigest] = [:]
            let lastPassAt = try Int64.fetchOne(db, sql: "SELECT MAX(last_pass_at) FROM scheduler_heartbeat").map(Date.init(epochSeconds:))
            // Work whose default rule was edited or paused is the rule's now: it is dropped here, never sent twice.
            let builtIns = try BuiltInBehaviours.performed(db)
            for work in claimed {
                let firing = work.firing(at: now, catchUpAfter: catchUpAfter, lastPassAt: lastPassAt)
                let performed = work.kind.builtInBehaviour.map(builtIns.contains) ?? true
                let message = firing == .skip || !performed ? nil : try DueWorkMessage.resolve(work, db, withBody: firing != .digest)
                // Cached statements: a catch-up pass runs these once per item, tens of thousands of times.
                try db.cachedStatement(sql: """
                    UPDATE scheduled_job SET done_at = ?, outcome = ? WHERE id = ? AND claimed_by = ? AND done_at IS NULL
                    """).execute(arguments: [now.epochSeconds, message == nil ? "dropped" : (firing == .digest ? "digest" : "notified"), work.id, claimer])
                guard db.changesCount == 1 else { continue }
                if work.kind == .slaBreach, case .ticket(let ticketID) = work.record, let deadline = work.eventAt {
                    try TicketClock.recordBreach(db, ticketID: ticketID, at: deadline)
                }
                guard let message else { report.dropped += 1; continue }
                if firing == .digest {
                    for user in message.recipients {
                        digests[user, default: AwayDigest()].add(message.kind, title: message.title, record: message.record)
                    }
                    report.digested += 1
                } else {
                    for user in message.recipients {
                        try Notifications.send(db, to: user, kind: message.kind, record: message.record, title: message.title,
                                               body: message.body, at: now, dedupeKey: "job:\(work.id):\(user)")
                    }
                    report.notified += 1
                }
            }
            for crossing in try StallScan.advance(db, pipeline: configuration.pipeline, now: now) where builtIns.contains(crossing.level.builtInBehaviour) {
                let recipient = crossing.level == .nudge ? crossing.ownerID : (try Recipients.manager(of: crossing.ownerID, db) ?? crossing.ownerID)
                let title = crossing.level == .nudge ? "Stalled: \(crossing.title)" : "Escalated, stalled twice as long: \(crossing.title)"
                if now.timeIntervalSince(crossing.crossedAt) > catchUpAfter {
                    digests[recipient, default: AwayDigest()].add(crossing.level.notificationKind, title: title, record: .lead(crossing.leadID))
                    report.digested += 1
                } else {
                    try Notifications.send(db, to: recipient, kind: crossing.level.notificationKind, record: .lead(crossing.leadID), title: title,
                                           body: "No activity since \(TimeWords.dayAndTime(Date(epochSeconds: crossing.touchedAt), in: try Recipients.timeZone(of: recipient, db)))", at: now,
                                           dedupeKey: "stall:\(crossing.leadID):\(crossing.level.rawValue):\(crossing.touchedAt)")
                    report.notified += 1
                }
            }
            for (user, digest) in digests.sorted(by: { $0.key < $1.key }) {
                try Notifications.sendDigest(db, to: user, digest, at: now)
                report.digests += 1
            }
            return report
        }
    }

    /// The pending work of one record, earliest first (what the desk and tests inspect).
    public func pendingWork(for record: RecordReference) throws -> [DueWork] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, kind, level, due_at, event_at FROM scheduled_job
                WHERE record_kind = ? AND record_id = ? AND done_at IS NULL ORDER BY due_at, kind
                """, arguments: [record.kind, record.id]).compactMap { row in
                DueWork.Kind(rawValue: row["kind"]).map { kind in
                    DueWork(id: row["id"], kind: kind, record: record, level: row["level"], dueAt: Date(epochSeconds: row["due_at"]),
                            eventAt: (row["event_at"] as Int64?).map(Date.init(epochSeconds:)))
                }
            }
        }
    }

    /// Materialises due work for data that bypassed the named writes (bulk loads, files from before the
    /// scheduler): reminders ahead of `now` and first-response clocks of recent open tickets.
    public func backfillScheduledWork(now: Date) throws {
        try writer.write { db in try ScheduledWork.backfill(db, configuration: configuration, now: now) }
    }
}
