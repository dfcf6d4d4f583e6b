import Foundation
import GRDB
import SalesDeskAutomation
import SalesDeskDomain

/// Which built-in behaviours the desk's code still performs: those whose default rule is active with its shipped text.
///
/// The one switch between the old code and the rules: the scheduler, the Won move and the import ask it inside their
/// transaction, and the engine performs every active rule this set leaves out (``StoredRule/isBuiltInBehaviour``).
enum BuiltInBehaviours {
    /// The shipped text's hash of each built-in behaviour, worked out once.
    private static let shippedHashes: [String: BuiltInBehaviour] = Dictionary(
        uniqueKeysWithValues: DefaultRules.all.compactMap { entry in entry.builtIn.map { (StoredRule.hash(entry.text), $0) } })

    /// The behaviours the code performs now (one small read of the rule table).
    static func performed(_ db: Database) throws -> Set<BuiltInBehaviour> {
        let hashes = try String.fetchAll(db.cachedStatement(sql: """
            SELECT v.text_hash FROM automation_rule r JOIN automation_rule_version v ON v.rule_id = r.id AND v.version = r.current_version
            WHERE r.is_default = 1 AND r.state = 'active'
            """))
        return Set(hashes.compactMap { shippedHashes[$0] })
    }

    /// Whether the code performs `behaviour` now.
    static func performs(_ behaviour: BuiltInBehaviour, _ db: Database) throws -> Bool {
        try performed(db).contains(behaviour)
    }

    /// The import's first follow-ups: the configured ones while the code performs them, none once the
    /// "First call for a captured lead" rule was edited or paused (the rule then acts on the leads' created events).
    static func firstFollowUps(_ configured: FirstFollowUpRule, _ db: Database) throws -> FirstFollowUpRule {
        guard try !performs(.capturedLeadFirstCall, db) else { return configured }
        var none = configured
        none.steps = [:]
        return none
    }

    /// Whether a stored rule is one the code performs: a shipped default, active or not, whose text is the shipped text.
    static func isShipped(_ rule: StoredRule) -> Bool {
        rule.isDefault && shippedHashes[rule.textHash] != nil
    }
}

extension DueWork.Kind {
    /// The built-in behaviour this kind of due work performs, if a default rule describes it (reminders and SLA clocks are the engine's own).
    var builtInBehaviour: BuiltInBehaviour? {
        switch self {
        case .overdue: .overdueEscalation
        case .untriaged: .untriagedTicket
        case .reminder, .slaWarning, .slaBreach: nil
        }
    }
}

extension StallLevel {
    /// The built-in behaviour a crossing of this level performs.
    var builtInBehaviour: BuiltInBehaviour {
        switch self {
        case .nudge: .stallNudge
        case .escalation: .stallEscalation
        }
    }
}
