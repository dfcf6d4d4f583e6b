import Foundation
import GRDB
import SalesDeskAutomation
import SalesDeskDomain

extension AppDatabase {
    /// The parser for this desk's words (its pipeline's stage names).
    public var ruleParser: RuleParser { RuleParser(vocabulary: RuleVocabulary(pipeline: configuration.pipeline)) }

    /// Every rule, by name; everyone may read them.
    public func rules() throws -> [StoredRule] {
        try writer.read { db in try RuleRows.fetchAll(db) }
    }

    /// The rule called `name` (case ignored), or a not-found error that lists the names.
    public func rule(named name: String) throws -> StoredRule {
        try writer.read { db in try RuleRows.require(db, named: name) }
    }

    /// Saves a new rule as a draft, version 1. Managers and admins only; the text must parse.
    @discardableResult
    public func addRule(text: String, by user: User) throws -> StoredRule {
        let at = now()
        let rule = try ruleParser.parse(text)
        let canonical = RulePrinter.print(rule)
        return try writer.write { db in
            try require(db, .writeRules, by: user)
            if try RuleRows.fetchOne(db, named: rule.name) != nil {
                throw DomainError.invalidField(field: "rule name", reason: "a rule called \"\(rule.name)\" exists already; edit it instead")
            }
            try db.execute(sql: "INSERT INTO automation_rule (name, state, current_version, created_at) VALUES (?, 'draft', 0, ?)",
                           arguments: [rule.name, at.epochSeconds])
            let id = db.lastInsertedRowID
            try RuleRows.appendVersion(db, ruleID: id, text: canonical, author: user.id, at: at)
            return try RuleRows.require(db, named: rule.name)
        }
    }

    /// Saves `text` as the rule's next version (its state is kept); nothing is saved when the text does not parse.
    @discardableResult
    public func editRule(named name: String, text: String, by user: User) throws -> StoredRule {
        let at = now()
        let rule = try ruleParser.parse(text)
        let canonical = RulePrinter.print(rule)
        return try writer.write { db in
            try require(db, .writeRules, by: user)
            let stored = try RuleRows.require(db, named: name)
            if rule.name.caseInsensitiveCompare(stored.name) != .orderedSame {
                if try RuleRows.fetchOne(db, named: rule.name) != nil {
                    throw DomainError.invalidField(field: "rule name", reason: "a rule called \"\(rule.name)\" exists already")
                }
                try db.execute(sql: "UPDATE automation_rule SET name = ? WHERE id = ?", arguments: [rule.name, stored.id])
            }
            guard canonical != stored.text else { return stored }
            try RuleRows.appendVersion(db, ruleID: stored.id, text: canonical, author: user.id, at: at)
            return try RuleRows.require(db, named: rule.name)
        }
    }

    /// Switches a rule on or pauses it (managers and admins); audited.
    @discardableResult
    public func setRuleState(named name: String, to state: RuleState, by user: User) throws -> StoredRule {
        let at = now()
        return try writer.write { db in
            try require(db, .writeRules, by: user)
            let stored = try RuleRows.require(db, named: name)
            guard stored.state != state else { return stored }
            guard state != .draft else {
                throw DomainError.invalidField(field: "state", reason: "a rule goes back to draft only by editing it")
            }
            try db.execute(sql: "UPDATE automation_rule SET state = ?, paused_reason = NULL WHERE id = ?", arguments: [state.rawValue, stored.id])
            try AuditLog.changed(db, .rule(stored.id), action: "rule_state", by: user.id, at: at, [
                .init(field: "state", before: stored.state.label, after: state.label),
            ])
            return try RuleRows.require(db, named: name)
        }
    }
}

/// Reading and writing `automation_rule` rows inside a caller's transaction.
enum RuleRows {
    static let select = """
        SELECT r.id, r.name, r.state, r.current_version, r.is_default, r.paused_reason, v.text, v.text_hash, v.author_id,
               v.created_at, COALESCE(u.handle, 'salesdesk') AS author_handle
        FROM automation_rule r
        JOIN automation_rule_version v ON v.rule_id = r.id AND v.version = r.current_version
        LEFT JOIN user u ON u.id = v.author_id
        """

    static func fetchAll(_ db: Database) throws -> [StoredRule] {
        try Row.fetchAll(db, sql: select + " ORDER BY r.name").map(decode)
    }

    static func fetchOne(_ db: Database, named name: String) throws -> StoredRule? {
        try Row.fetchOne(db, sql: select + " WHERE r.name = ? COLLATE NOCASE", arguments: [name]).map(decode)
    }

    static func fetchOne(_ db: Database, id: Int64) throws -> StoredRule? {
        try Row.fetchOne(db, sql: select + " WHERE r.id = ?", arguments: [id]).map(decode)
    }

    static func require(_ db: Database, named name: String) throws -> StoredRule {
        if let rule = try fetchOne(db, named: name) { return rule }
        let names = try String.fetchAll(db, sql: "SELECT name FROM automation_rule ORDER BY name")
        throw DomainError.notFound("Rule \"\(name)\" (rules: \(names.joined(separator: ", ")))")
    }

    static func decode(_ row: Row) -> StoredRule {
        StoredRule(
            id: row["id"], name: row["name"], state: RuleState(rawValue: row["state"]) ?? .paused, version: row["current_version"],
            isDefault: row["is_default"], pausedReason: row["paused_reason"], text: row["text"], textHash: row["text_hash"],
            authorID: row["author_id"], authorHandle: row["author_handle"], createdAt: Date(epochSeconds: row["created_at"]))
    }

    /// Adds the next version and records its text hash in the audit chain (`audited: false` only for the shipped
    /// defaults the migration writes: their texts are in the binary, and a migration adds no audit entries).
    static func appendVersion(_ db: Database, ruleID: Int64, text: String, author: Int64?, at: Date, audited: Bool = true) throws {
        let version = (try Int.fetchOne(db, sql: "SELECT current_version FROM automation_rule WHERE id = ?", arguments: [ruleID]) ?? 0) + 1
        let previousHash = try String.fetchOne(db, sql: """
            SELECT text_hash FROM automation_rule_version WHERE rule_id = ? AND version = ?
            """, arguments: [ruleID, version - 1])
        let hash = StoredRule.hash(text)
        try db.execute(sql: """
            INSERT INTO automation_rule_version (rule_id, version, text, text_hash, author_id, created_at) VALUES (?, ?, ?, ?, ?, ?)
            """, arguments: [ruleID, version, text, hash, author, at.epochSeconds])
        try db.execute(sql: "UPDATE automation_rule SET current_version = ? WHERE id = ?", arguments: [version, ruleID])
        guard audited else { return }
        try AuditLog.changed(db, .rule(ruleID), action: "rule_version", by: author, at: at, [
            .init(field: "text_sha256", before: previousHash.map { "v\(version - 1) \($0)" }, after: "v\(version) \(hash)"),
        ])
    }

    /// Ships today's behaviours as rules: built-in ones active (the scheduler keeps doing them), the others as drafts.
    static func seedDefaults(_ db: Database, at: Date) throws {
        for entry in DefaultRules.all {
            try db.execute(sql: """
                INSERT INTO automation_rule (name, state, current_version, is_default, created_at) VALUES (?, ?, 0, 1, ?)
                """, arguments: [entry.name, entry.builtIn != nil ? RuleState.active.rawValue : RuleState.draft.rawValue, at.epochSeconds])
            try appendVersion(db, ruleID: db.lastInsertedRowID, text: entry.text, author: nil, at: at, audited: false)
        }
    }
}
