import Foundation
import GRDB
import SalesDeskAutomation
import SalesDeskDomain

/// What the firings of one write transaction share, so that a batch of thousands of firings does not read the same
/// things once per firing: each rule's author, the audit chain's head and the loop guard's counts of recent runs.
///
/// Only valid inside the one transaction it was made for: nothing else writes there, and what the firings
/// themselves change is kept up to date here (runs counted as they are inserted; the chain head checked against
/// the table's last entry, so an action that audits through another path is noticed).
final class FiringBatch {
    private var authors: [Int64: User?] = [:]
    private var chain: AuditChainAppender?
    private var lastAppended: Int64 = 0
    private var recentRuns: [RecentKey: Int] = [:]
    /// Rules the loop guard paused in this batch: the batch's later events do not fire them.
    private(set) var pausedRules: Set<Int64> = []

    private struct RecentKey: Hashable {
        var ruleID: Int64
        var kind: RecordKind
        var recordID: Int64
    }

    /// The user a rule acts as: its author, or for shipped rules the first active admin; nil when that user is gone.
    func author(of rule: StoredRule, _ db: Database) throws -> User? {
        if let known = authors[rule.id] { return known }
        let author: User? = if let id = rule.authorID {
            try User.find(db, id: id)
        } else {
            try User.fetchOne(db.cachedStatement(sql: "SELECT * FROM user WHERE role = 'admin' AND is_active ORDER BY id LIMIT 1"))
        }
        authors[rule.id] = author
        return author
    }

    /// Appends `entry` to the audit chain, reading the chain's head only when an entry was added by someone else
    /// since this batch's last one (one indexed look-up instead of the head and the operator per firing).
    func appendAudit(_ db: Database, _ entry: AuditEntry) throws {
        let head = try Int64.fetchOne(db.cachedStatement(sql: "SELECT COALESCE(MAX(id), 0) FROM audit_entry")) ?? 0
        if chain == nil || head != lastAppended {
            chain = try AuditChainAppender(db)
        }
        lastAppended = try chain!.append(db, entry)
    }

    /// How many other runs `rule` had for the record since `since`, the run `runID` just inserted excluded; the
    /// first question per (rule, record) reads the table, later ones count the batch's own runs in memory.
    func runsBefore(_ runID: Int64, rule: Int64, _ kind: RecordKind, _ recordID: Int64, since: Date, _ db: Database) throws -> Int {
        let key = RecentKey(ruleID: rule, kind: kind, recordID: recordID)
        if let known = recentRuns[key] {
            recentRuns[key] = known + 1
            return known
        }
        let counted = try Int.fetchOne(db.cachedStatement(sql: """
            SELECT COUNT(*) FROM automation_run WHERE rule_id = ? AND record_kind = ? AND record_id = ? AND at > ? AND id <> ?
            """), arguments: [rule, kind.storedKind, recordID, since.epochSeconds, runID]) ?? 0
        recentRuns[key] = counted + 1
        return counted
    }

    /// Notes that the loop guard paused `rule`.
    func paused(_ rule: Int64) {
        pausedRules.insert(rule)
    }

    /// Counts a run inserted without asking ``runsBefore(_:rule:_:_:since:_:)`` (a chain stopped at its depth).
    func noteRun(rule: Int64, _ kind: RecordKind, _ recordID: Int64) {
        let key = RecentKey(ruleID: rule, kind: kind, recordID: recordID)
        if let known = recentRuns[key] { recentRuns[key] = known + 1 }
    }
}

extension ActionPlan {
    /// Whether performing the plan changes records (and may append events): telling people, noting and running a
    /// hook do not.
    var changesRecords: Bool {
        switch self {
        case .notify, .addNote, .runHook, .unavailable: false
        default: true
        }
    }
}
