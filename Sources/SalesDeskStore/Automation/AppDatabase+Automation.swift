import Foundation
import GRDB
import SalesDeskAutomation
import SalesDeskDomain

extension AppDatabase {
    /// One automation pass: consumes new events exactly once (a leased claim on the event stream, and a unique
    /// run per rule version and event), fires time triggers, and retries failed firings that are due.
    ///
    /// A firing's actions run in one transaction with its run row; a failing firing is rolled back alone and
    /// recorded, never blocking other rules or the write that caused the event.
    ///
    /// - Parameters:
    ///   - watch: what this engine remembers between passes; with it, an idle pass is one query (see ``AutomationWatch``).
    ///   - afterClaim: called after the event stream is claimed (the crash drill holds there).
    @discardableResult
    public func runAutomation(claimer: String, now at: Date, lease: TimeInterval, watch: AutomationWatch? = nil,
                              afterClaim: () throws -> Void = {}) throws -> AutomationReport {
        var report = AutomationReport()
        let marks = try writer.read { db in try AutomationWatch.Marks.read(db) }
        if let watch, watch.isQuiet(marks, at: at) { return report }
        let rules = try activeRules()
        let timeRules = rules.filter { $0.rule.trigger.isTimeBased }
        if marks.hasNews {
            guard try claimEventStream(claimer: claimer, now: at, lease: lease) else {
                report.streamBusy = true
                return report
            }
            try afterClaim()
            let eventRules = rules.filter { !$0.rule.trigger.isTimeBased }
            while true {
                let batch = try consumeEvents(eventRules, claimer: claimer, now: at)
                report.add(batch.report)
                if !batch.more { break }
            }
            try writer.write { db in
                try db.execute(sql: "UPDATE automation_cursor SET claimed_by = NULL, lease_until = NULL WHERE name = 'events' AND claimed_by = ?",
                               arguments: [claimer])
            }
        }
        report.add(try fireTimeTriggers(timeRules, now: at))
        report.add(try retryFailedFirings(rules, now: at))
        if let watch { watch.remember(auditHead: marks.auditHead, nextDue: try nextTimeDue(timeRules, now: at)) }
        return report
    }

    /// Takes the event stream's lease unless another engine holds a live one.
    func claimEventStream(claimer: String, now: Date, lease: TimeInterval) throws -> Bool {
        try writer.write { db in
            try Int64.fetchOne(db, sql: """
                UPDATE automation_cursor SET claimed_by = ?, lease_until = ?
                WHERE name = 'events' AND (claimed_by IS NULL OR claimed_by = ? OR lease_until <= ?) RETURNING position
                """, arguments: [claimer, (now.addingTimeInterval(lease)).epochSeconds, claimer, now.epochSeconds]) != nil
        }
    }

    /// The active rules the engine performs: shipped defaults whose text is unchanged are left to the built-in code.
    func activeRules() throws -> [ActiveRule] {
        let parser = ruleParser
        return try writer.read { db in
            try RuleRows.fetchAll(db).filter { $0.state == .active && !$0.isBuiltInBehaviour }
        }.compactMap { stored in
            ParsedRules.shared.rule(for: stored, parser: parser).map { ActiveRule(stored: stored, rule: $0) }
        }
    }

    /// Reads the next batch of events after the cursor and fires the rules they trigger, all in one transaction that
    /// also moves the cursor (so a batch is done entirely or not at all, and firings share one commit). Returns
    /// whether more events wait, among them those the batch's own firings appended.
    private func consumeEvents(_ rules: [ActiveRule], claimer: String, now: Date) throws -> (report: AutomationReport, more: Bool) {
        var report = AutomationReport()
        let more = try writer.write { db -> Bool in
            guard try String.fetchOne(db.cachedStatement(sql: "SELECT claimed_by FROM automation_cursor WHERE name = 'events'")) == claimer else {
                return false
            }
            if rules.isEmpty {
                try db.execute(sql: "UPDATE automation_cursor SET position = (SELECT COALESCE(MAX(id), position) FROM automation_event) WHERE name = 'events'")
                return false
            }
            let position = try Int64.fetchOne(db.cachedStatement(sql: "SELECT position FROM automation_cursor WHERE name = 'events'")) ?? 0
            let events = try StoredEvent.fetch(db, after: position, limit: AutomationLimits.eventBatch)
            guard let last = events.last?.id else { return false }
            report.events = events.count
            let candidates = events.compactMap { event -> (event: StoredEvent, rules: [ActiveRule])? in
                let matching = rules.filter { $0.rule.trigger.matches(event.ruleEvent) && (event.causeRunID == nil || $0.rule.reactsToRuleChanges) }
                return matching.isEmpty ? nil : (event, matching)
            }
            let subjects = RuleSubjects(configuration: configuration)
            let batch = FiringBatch()
            for (index, candidate) in candidates.enumerated() {
                if index % AutomationLimits.subjectBatch == 0 {
                    let ahead = candidates[index..<min(index + AutomationLimits.subjectBatch, candidates.count)]
                    try subjects.prefetch(db, ahead.lazy.compactMap { candidate in candidate.event.recordKind.map { ($0, candidate.event.recordID) } })
                }
                let event = candidate.event
                let subject = try event.recordKind.map { try subjects.subject(db, $0, event.recordID, now: now) } ?? .noRecord()
                guard let subject else { continue }   // the record is gone
                for active in candidate.rules {
                    let (outcome, changed) = try fire(active, for: event, on: subject, db, now: now, batch: batch)
                    report.count(outcome)
                    // A later event of the batch must see what this firing changed: read its record again.
                    if changed { subjects.forgetPrefetched(lead: subject.kind == .lead ? subject.id : nil) }
                }
            }
            try db.cachedStatement(sql: "UPDATE automation_cursor SET position = ? WHERE name = 'events'").execute(arguments: [last])
            return try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM automation_event WHERE id > ?)"), arguments: [last]) ?? false
        }
        return (report, more)
    }

    /// Fires `active` for `event` if its conditions hold; also says whether the firing may have changed records.
    private func fire(_ active: ActiveRule, for event: StoredEvent, on subject: RuleSubject, _ db: Database, now: Date,
                      batch: FiringBatch) throws -> (outcome: RuleFiring.Outcome?, changed: Bool) {
        let clock = ruleClock(for: subject, now: now)
        guard let plans = RuleDecision.plansIfFiring(active.rule, on: subject, clock: clock) else { return (nil, false) }
        let cause = FiringCause(occurrence: "event:\(event.id)", eventID: event.id, causeRunID: event.causeRunID, depth: event.depth,
                                text: "caused by event #\(event.id)")
        let outcome = try RuleFiring(database: self, active: active, cause: cause, now: now, batch: batch).fire(db, subject: subject, plans: plans)
        return (outcome, outcome != nil && plans.contains { $0.changesRecords })
    }

    /// The calendar a record's rules count business time in: its owner's team's, in the team's time zone.
    func ruleClock(for subject: RuleSubject?, now: Date) -> RuleClock {
        RuleClock(now: now, businessHours: configuration.businessHours(forTeam: subject?.ownerTeam, timeZone: subject?.timeZoneID))
    }

    /// Re-runs firings whose retry time has come, with the rule's current version.
    private func retryFailedFirings(_ rules: [ActiveRule], now: Date) throws -> AutomationReport {
        var report = AutomationReport()
        let due = try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT id, rule_id, version, occurrence, event_id, record_kind, record_id, cause_run_id, depth, attempts FROM automation_run
                WHERE retry_at IS NOT NULL AND retry_at <= ? AND outcome = 'retrying' ORDER BY retry_at LIMIT 500
                """, arguments: [now.epochSeconds])
        }
        for row in due {
            let runID: Int64 = row["id"]
            guard let active = rules.first(where: { $0.stored.id == row["rule_id"] && $0.stored.version == row["version"] }),
                  let kind = RecordKind(storedKind: row["record_kind"] ?? "") else {
                try writer.write { db in
                    try db.execute(sql: "UPDATE automation_run SET outcome = 'failed', retry_at = NULL, error = error || ' (not retried: the rule changed or was paused)' WHERE id = ?",
                                   arguments: [runID])
                }
                report.failed += 1
                continue
            }
            let outcome = try writer.write { db -> RuleFiring.Outcome? in
                guard let subject = try RuleSubjects(configuration: configuration).subject(db, kind, row["record_id"], now: now) else { return nil }
                let plans = ActionPlanner(clock: ruleClock(for: subject, now: now)).plans(for: active.rule, on: subject)
                let cause = FiringCause(occurrence: row["occurrence"], eventID: row["event_id"], causeRunID: row["cause_run_id"], depth: row["depth"],
                                        text: (row["event_id"] as Int64?).map { "caused by event #\($0)" } ?? "retry of run #\(runID)")
                return try RuleFiring(database: self, active: active, cause: cause, now: now)
                    .fire(db, subject: subject, plans: plans, attempt: (row["attempts"] as Int) + 1, existingRunID: runID)
            }
            report.count(outcome)
        }
        return report
    }
}

extension AutomationReport {
    mutating func count(_ outcome: RuleFiring.Outcome?) {
        switch outcome {
        case .done: fired += 1
        case .failed, .retrying: failed += 1
        case .stopped: stopped += 1
        case nil: break
        }
    }
}

/// An `automation_event` row with the depth of the firing that caused it.
struct StoredEvent {
    var id: Int64
    var ruleEvent: RuleEvent
    var recordKind: RecordKind?
    var recordID: Int64
    var causeRunID: Int64?
    var depth: Int

    static func fetch(_ db: Database, after position: Int64, limit: Int) throws -> [StoredEvent] {
        try Row.fetchAll(db, sql: """
            SELECT e.*, r.depth AS cause_depth FROM automation_event e LEFT JOIN automation_run r ON r.id = e.cause_run_id
            WHERE e.id > ? ORDER BY e.id LIMIT ?
            """, arguments: [position, limit]).map(decode)
    }

    static func decode(_ row: Row) -> StoredEvent {
        let kind = RecordKind(storedKind: row["record_kind"])
        let causeDepth: Int? = row["cause_depth"]
        let depth = causeDepth.map { $0 + 1 } ?? 0
        let change: RuleEvent.Change
        switch row["kind"] as String {
        case "created": change = .created
        case "completed": change = .followUpCompleted
        case "import_finished": change = .importFinished
        case "sla_at_risk": change = .sla(.atRisk)
        case "sla_breached": change = .sla(.breached)
        default:
            let field = RuleField(rawValue: row["field"] ?? "") ?? .title
            change = .fieldChanged(field, from: row["before"], to: row["after"])
        }
        let id: Int64 = row["id"]
        return StoredEvent(
            id: id, ruleEvent: RuleEvent(id: id, change: change, record: kind ?? .lead, recordID: row["record_id"],
                                         at: Date(epochSeconds: row["at"]), depth: depth),
            recordKind: kind, recordID: row["record_id"], causeRunID: row["cause_run_id"], depth: depth)
    }
}

/// Parsed rules by text hash, so a pass does not parse every active rule again (the idle pass stays cheap).
final class ParsedRules: @unchecked Sendable {
    static let shared = ParsedRules()
    private let lock = NSLock()
    private var rules: [String: Rule] = [:]

    /// The parsed rule, or nil when the stored text no longer parses with this desk's words.
    func rule(for stored: StoredRule, parser: RuleParser) -> Rule? {
        let key = stored.textHash + "|" + parser.vocabulary.stageNames.joined(separator: "|")
        if let rule = lock.withLock({ rules[key] }) { return rule }
        guard let rule = try? parser.parse(stored.text) else { return nil }
        lock.withLock { rules[key] = rule }
        return rule
    }
}
