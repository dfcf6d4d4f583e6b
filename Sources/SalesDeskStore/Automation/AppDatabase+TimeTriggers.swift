import Foundation
import GRDB
import SalesDeskAutomation
import SalesDeskDomain

extension AppDatabase {
    /// Fires time triggers: for each rule version, an index range scan between its saved cursor and the new
    /// cutoff, so each (rule version, record, instant) is considered once. A rule's first pass only sets its
    /// cursor: records already past the instant before the rule was switched on are not swept up.
    func fireTimeTriggers(_ rules: [ActiveRule], now: Date) throws -> AutomationReport {
        var report = AutomationReport()
        for active in rules {
            if case .schedule(let days, let hour, let minute) = active.rule.trigger {
                report.add(try fireSchedule(active, days: days, hour: hour, minute: minute, now: now))
            }
            for scan in timeScans(for: active, now: now) {
                report.add(try run(scan, active, now: now))
            }
        }
        return report
    }

    /// The earliest instant one of `rules` (time rules) has something to fire after `now`: the next record to come due
    /// beyond each scan's cutoff (an index seek per scan), the next instant of each schedule. Nil: nothing ever will
    /// with the records as they are.
    func nextTimeDue(_ rules: [ActiveRule], now: Date) throws -> Date? {
        try writer.read { db in
            var next: Date?
            for active in rules {
                if case .schedule(let days, let hour, let minute) = active.rule.trigger {
                    let instant = nextInstant(of: days, hour: hour, minute: minute, after: now) ?? now.addingTimeInterval(86_400)
                    next = [next, instant].compactMap { $0 }.min()
                }
                for scan in timeScans(for: active, now: now) {
                    guard let anchor = try Int64.fetchOne(db.cachedStatement(sql: scan.nextSQL),
                                                          arguments: StatementArguments(scan.extraArguments + [scan.cutoff])) else { continue }
                    next = [next, scan.instant(anchor)].compactMap { $0 }.min()
                }
            }
            return next
        }
    }

    /// A schedule's first instant after `now`, in the config's time zone.
    private func nextInstant(of days: ScheduleDays, hour: Int, minute: Int, after now: Date) -> Date? {
        let calendar = configuration.businessHours.calendar
        var day = calendar.startOfDay(for: now)
        for _ in 0..<9 {
            if days.includes(weekday: calendar.component(.weekday, from: day)),
               let instant = calendar.date(bySettingHour: hour, minute: minute, second: 0, of: day), instant > now {
                return instant
            }
            guard let following = calendar.date(byAdding: .day, value: 1, to: day) else { return nil }
            day = following
        }
        return nil
    }

    /// One cursor's worth of work: a name, an indexed date column between two instants, and the anchor → instant rule.
    struct TimeScan {
        var cursor: String
        var cutoff: Int64
        var table: String
        /// The indexed date column the instant counts from.
        var column: String
        /// A condition ending in `AND ` (or empty), with its arguments in ``extraArguments``.
        var filter: String = ""
        var extraArguments: [DatabaseValueConvertible]
        var kind: RecordKind
        /// The instant the trigger fires for a record's anchor.
        var instant: (Int64) -> Date

        /// `(id, anchor)` rows with `anchor` in `(?, ?]`, by an index.
        var sql: String { "SELECT id, \(column) FROM \(table) WHERE \(filter)\(column) > ? AND \(column) <= ?" }
        /// The smallest anchor after `?`: the next record to come due.
        var nextSQL: String { "SELECT MIN(\(column)) FROM \(table) WHERE \(filter)\(column) > ?" }
    }

    private func timeScans(for active: ActiveRule, now: Date) -> [TimeScan] {
        let prefix = "time:\(active.stored.id):v\(active.stored.version)"
        let clock = ruleClock(for: nil, now: now)
        switch active.rule.trigger {
        case .inStageFor(.lead, nil, let duration):
            return configuration.pipeline.allKeys.compactMap { stage in
                let stallDays = configuration.pipeline.definition(of: stage)?.stallDays
                if case .stallThreshold = duration, stallDays == nil { return nil }
                let cutoff = clock.latestStart(reaching: now, after: duration, stallDays: stallDays)
                return TimeScan(cursor: "\(prefix):\(stage.rawValue)", cutoff: cutoff.epochSeconds, table: "lead", column: "last_touched_at",
                                filter: "stage = ? AND ", extraArguments: [stage.rawValue], kind: .lead,
                                instant: { clock.instant(after: duration, from: Date(epochSeconds: $0), stallDays: stallDays) })
            }
        case .inStageFor(.ticket, let status?, let duration):
            let key = TicketStatus.allCases.first { RuleVocabulary.matches(status.textValue, $0.label) }?.rawValue ?? status.textValue
            let cutoff = clock.latestStart(reaching: now, after: duration, stallDays: nil)
            return [TimeScan(cursor: prefix, cutoff: cutoff.epochSeconds, table: "ticket", column: "created_at",
                             filter: "status = ? AND ", extraArguments: [key], kind: .ticket,
                             instant: { clock.instant(after: duration, from: Date(epochSeconds: $0), stallDays: nil) })]
        case .followUpOverdue(let duration):
            let cutoff = clock.latestStart(reaching: now, after: duration, stallDays: nil)
            return [TimeScan(cursor: prefix, cutoff: cutoff.epochSeconds, table: "activity", column: "due_at",
                             filter: "state = 'planned' AND ", extraArguments: [], kind: .followUp,
                             instant: { clock.instant(after: duration, from: Date(epochSeconds: $0), stallDays: nil) })]
        case .relativeToDate(let duration, let direction, let kind, let field):
            guard let (table, column, filter) = Self.dateColumn(kind, field) else { return [] }
            let cutoff = direction == .after
                ? clock.latestStart(reaching: now, after: duration, stallDays: nil)
                : clock.instant(after: duration, from: now, stallDays: nil)
            let lead = duration
            return [TimeScan(cursor: prefix, cutoff: cutoff.epochSeconds, table: table, column: column,
                             filter: filter, extraArguments: [], kind: kind,
                             instant: { anchor in
                                 let from = Date(epochSeconds: anchor)
                                 if direction == .after { return clock.instant(after: lead, from: from, stallDays: nil) }
                                 return from.addingTimeInterval(-(clock.instant(after: lead, from: from, stallDays: nil).timeIntervalSince(from)))
                             })]
        default:
            return []
        }
    }

    /// The indexed date column a `before` / `after` trigger counts from.
    private static func dateColumn(_ kind: RecordKind, _ field: DateField) -> (table: String, column: String, filter: String)? {
        switch (kind, field) {
        case (.followUp, .due): ("activity", "due_at", "state = 'planned' AND ")
        case (.lead, .created): ("lead", "created_at", "")
        case (.lead, .expectedClose): ("lead", "expected_close_date", "")
        case (.lead, .lastTouched): ("lead", "last_touched_at", "")
        default: nil
        }
    }

    private func run(_ scan: TimeScan, _ active: ActiveRule, now: Date) throws -> AutomationReport {
        var report = AutomationReport()
        let catchUpBefore = now.addingTimeInterval(-configuration.scheduler.catchUpAfterSeconds)
        try writer.write { db in
            let previous = try Int64.fetchOne(db, sql: "SELECT position FROM automation_cursor WHERE name = ?", arguments: [scan.cursor])
            try db.execute(sql: """
                INSERT INTO automation_cursor (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = MAX(position, excluded.position)
                """, arguments: [scan.cursor, scan.cutoff])
            guard let previous, previous < scan.cutoff else { return }
            let rows = try Row.fetchAll(db, sql: scan.sql, arguments: StatementArguments(scan.extraArguments + [previous, scan.cutoff]))
            let subjects = RuleSubjects(configuration: configuration)
            let digests = RuleDigests()
            let batch = FiringBatch()
            for row in rows {
                let id: Int64 = row[0]
                let anchor: Int64 = row[1]
                let instant = scan.instant(anchor)
                if instant < catchUpBefore, active.rule.catchUp == .skip { continue }
                guard let subject = try subjects.subject(db, scan.kind, id, now: now) else { continue }
                let decision = RuleDecision.decide(active.rule, on: subject, triggered: true, because: "time reached", clock: ruleClock(for: subject, now: now))
                guard decision.fires else { continue }
                let cause = FiringCause(occurrence: "time:\(scan.kind.storedKind):\(id):\(instant.epochSeconds)", eventID: nil, causeRunID: nil,
                                        depth: 0, text: "at \(ISO8601.instant(instant))")
                let missed = instant < catchUpBefore
                report.count(try RuleFiring(database: self, active: active, cause: cause, now: now, digests: missed ? digests : nil, batch: batch)
                    .fire(db, subject: subject, plans: decision.plans))
            }
            try digests.send(db, at: now)
        }
        return report
    }

    /// A schedule's instants since its cursor, in the config's time zone; the catch-up policy decides how many
    /// missed ones fire (`skip`: none, `once`: the latest, `each`: all, at most 100).
    private func fireSchedule(_ active: ActiveRule, days: ScheduleDays, hour: Int, minute: Int, now: Date) throws -> AutomationReport {
        var report = AutomationReport()
        let cursor = "time:\(active.stored.id):v\(active.stored.version)"
        let calendar = configuration.businessHours.calendar
        let catchUpBefore = now.addingTimeInterval(-configuration.scheduler.catchUpAfterSeconds)
        try writer.write { db in
            let previous = try Int64.fetchOne(db, sql: "SELECT position FROM automation_cursor WHERE name = ?", arguments: [cursor])
            try db.execute(sql: """
                INSERT INTO automation_cursor (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = MAX(position, excluded.position)
                """, arguments: [cursor, now.epochSeconds])
            guard let previous, previous < now.epochSeconds else { return }
            var instants: [Date] = []
            var day = calendar.startOfDay(for: Date(epochSeconds: previous))
            while day <= now, instants.count < 1_000 {
                if days.includes(weekday: calendar.component(.weekday, from: day)),
                   let instant = calendar.date(bySettingHour: hour, minute: minute, second: 0, of: day),
                   instant.epochSeconds > previous, instant <= now {
                    instants.append(instant)
                }
                guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { break }
                day = next
            }
            let missed = instants.filter { $0 < catchUpBefore }
            let onTime = instants.filter { $0 >= catchUpBefore }
            let firing: [Date]
            switch active.rule.catchUp {
            case .skip: firing = onTime
            case .once: firing = onTime.isEmpty ? Array(missed.suffix(1)) : onTime
            case .each: firing = Array((missed + onTime).suffix(100))
            }
            let digests = RuleDigests()
            let batch = FiringBatch()
            for instant in firing {
                let subject = RuleSubject.noRecord()
                let decision = RuleDecision.decide(active.rule, on: subject, triggered: true, because: "schedule", clock: ruleClock(for: nil, now: now))
                guard decision.fires else { continue }
                let cause = FiringCause(occurrence: "time:schedule:0:\(instant.epochSeconds)", eventID: nil, causeRunID: nil, depth: 0,
                                        text: "at \(ISO8601.instant(instant))")
                report.count(try RuleFiring(database: self, active: active, cause: cause, now: now, digests: instant < catchUpBefore ? digests : nil, batch: batch)
                    .fire(db, subject: subject, plans: decision.plans))
            }
            try digests.send(db, at: now)
        }
        return report
    }
}
