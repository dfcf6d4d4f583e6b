import Foundation
import GRDB
import SalesDeskAutomation
import SalesDeskDomain

/// An active rule with its parsed form; a class, so a batch's per-event lists of matching rules share it instead of
/// copying its texts and parse tree for every event.
final class ActiveRule {
    let stored: StoredRule
    let rule: Rule

    init(stored: StoredRule, rule: Rule) {
        self.stored = stored
        self.rule = rule
    }
}

/// Why a rule is considered for a record: an event from the log, or an instant reached by time.
struct FiringCause {
    /// The run's unique key per rule version: `event:N` or `time:lead:7:1795795200`.
    var occurrence: String
    var eventID: Int64?
    var causeRunID: Int64?
    var depth: Int
    /// "caused by event #N" / "at 2026-11-24T09:00:00Z".
    var text: String
}

/// One firing in the caller's write transaction: guards, the run row, the actions (all or nothing), the caused events.
struct RuleFiring {
    let database: AppDatabase
    let active: ActiveRule
    let cause: FiringCause
    let now: Date
    /// Where a catch-up firing's notifications go (nil: sent as themselves).
    var digests: RuleDigests? = nil
    /// What the firings of the caller's transaction share (author, audit chain head, loop-guard counts).
    var batch = FiringBatch()

    enum Outcome: String { case done, failed, stopped, retrying }

    /// Fires unless this (rule version, occurrence) already has a run; returns the outcome, nil when skipped.
    ///
    /// The run row is written with the outcome a successful firing has (done, with its plans as the actions), so
    /// the usual firing needs no second write to it; a stopped or failed one updates it.
    func fire(_ db: Database, subject: RuleSubject, plans: [ActionPlan], attempt: Int = 1, existingRunID: Int64? = nil) throws -> Outcome? {
        let stored = active.stored
        guard !batch.pausedRules.contains(stored.id) else { return nil }
        let planned = plans.map { $0.summary() }.joined(separator: "\n")
        let runID: Int64
        if let existingRunID {
            runID = existingRunID
        } else {
            // Cached statements throughout: a batch of events runs these once per firing, thousands of times.
            guard let id = try Int64.fetchOne(db.cachedStatement(sql: """
                INSERT INTO automation_run (rule_id, version, occurrence, event_id, record_kind, record_id, cause_run_id, depth, at, outcome, actions)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'done', ?) ON CONFLICT (rule_id, version, occurrence) DO NOTHING RETURNING id
                """), arguments: [stored.id, stored.version, cause.occurrence, cause.eventID, subject.kind.storedKind, subject.id,
                                 cause.causeRunID, cause.depth, now.epochSeconds, planned]) else { return nil }
            runID = id
        }
        if cause.depth >= AutomationLimits.maxChainDepth {
            batch.noteRun(rule: stored.id, subject.kind, subject.id)
            try finish(db, runID, .stopped, actions: "", error: "chain stopped: \(cause.depth) rule firings deep (the limit is \(AutomationLimits.maxChainDepth))")
            return .stopped
        }
        let recent = try batch.runsBefore(runID, rule: stored.id, subject.kind, subject.id, since: now.addingTimeInterval(-3_600), db)
        if recent >= AutomationLimits.maxFiringsPerRecordPerHour {
            let reason = "fired \(recent) times for \(subject.label) within an hour (the limit is \(AutomationLimits.maxFiringsPerRecordPerHour))"
            try finish(db, runID, .stopped, actions: "", error: "rule paused: \(reason)")
            try pause(db, reason: reason)
            batch.paused(stored.id)
            return .stopped
        }
        guard let author = try batch.author(of: stored, db) else {
            try finish(db, runID, .failed, actions: "", error: "the rule's author is no longer a desk user")
            return .failed
        }
        // Only actions that change records can append events this firing caused; telling people cannot.
        let changes = plans.contains { $0.changesRecords }
        let lastEvent = changes ? try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(id), 0) FROM automation_event")) ?? 0 : nil
        let performer = RuleActionPerformer(database: database, rule: stored, author: author, subject: subject, cause: cause.text, at: now, runID: runID,
                                            batch: batch, digests: digests)
        var failure: Error?
        var prepared: RuleActionPerformer.Prepared?
        do {
            prepared = try performer.prepare(plans, db)
        } catch {
            failure = error
        }
        if let prepared, prepared.onlyInserts {
            // No savepoint for a firing that only inserts rows: nothing is refused after its first write, so the
            // one way it fails half-way is the database failing, which fails (and rolls back) the whole batch.
            try performer.perform(prepared, db)
        } else if let prepared {
            do {
                try db.inSavepoint {
                    try performer.perform(prepared, db)
                    return .commit
                }
            } catch {
                failure = error
            }
        }
        if let failure {
            let retryAt = Self.isRetryable(failure) ? AutomationLimits.retryAt(afterAttempt: attempt, failedAt: now) : nil
            try finish(db, runID, retryAt == nil ? .failed : .retrying, actions: planned,
                       error: Self.describe(failure), attempts: attempt, retryAt: retryAt)
            return retryAt == nil ? .failed : .retrying
        }
        if let lastEvent {
            try db.cachedStatement(sql: "UPDATE automation_event SET cause_run_id = ? WHERE id > ?").execute(arguments: [runID, lastEvent])
        }
        if existingRunID != nil {
            try finish(db, runID, .done, actions: planned, error: nil, attempts: attempt)
        }
        return .done
    }

    private func finish(_ db: Database, _ runID: Int64, _ outcome: Outcome, actions: String, error: String?, attempts: Int = 1, retryAt: Date? = nil) throws {
        try db.cachedStatement(sql: """
            UPDATE automation_run SET outcome = ?, actions = ?, error = ?, attempts = ?, retry_at = ?, at = ? WHERE id = ?
            """).execute(arguments: [outcome.rawValue, actions, error, attempts, retryAt?.epochSeconds, now.epochSeconds, runID])
    }

    /// The loop guard's pause: the rule stops and its author (or the admins, for shipped rules) is told why.
    private func pause(_ db: Database, reason: String) throws {
        let stored = active.stored
        try db.execute(sql: "UPDATE automation_rule SET state = 'paused', paused_reason = ? WHERE id = ?", arguments: [reason, stored.id])
        try AuditLog.changed(db, .rule(stored.id), action: "rule_state", by: nil, at: now, [
            .init(field: "state", before: RuleState.active.label, after: RuleState.paused.label),
        ])
        let told = try stored.authorID.map { [$0] } ?? Int64.fetchAll(db, sql: "SELECT id FROM user WHERE role = 'admin' AND is_active")
        for userID in told {
            try Notifications.send(db, to: userID, kind: .automation, record: .rule(stored.id),
                                   title: "Rule \"\(stored.name)\" was paused", body: reason, at: now)
        }
    }

    /// Refusals and impossible actions are final; anything else (a busy file, a full disk) may pass on retry.
    static func isRetryable(_ error: Error) -> Bool {
        !(error is DomainError || error is RuleActionError)
    }

    static func describe(_ error: Error) -> String {
        String(describing: error)
    }
}
