import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskStore

/// The realistic case next to the heavy one: 50 rules spread over the triggers a team uses (stage changes into each
/// stage, value and owner changes, creations, follow-up completions, two time rules), each with conditions, so that an
/// event fires about 0–2 rules; then 2,000 real writes of the kinds a working day brings (stage moves, value edits,
/// reassignments, completed follow-ups, new leads) and the engine over the events they appended.
struct AutomationMix {
    let database: AppDatabase
    static let ruleCount = 50
    static let writes = 2_000

    /// What the engine did over the mix's events.
    struct Outcome {
        var events: Int
        var fired: Int
        var time: EngineTime
    }

    /// Adds (once) and switches on the mix rules, makes the writes, runs the engine over what they appended, and
    /// pauses the rules again.
    func run(by admin: User, now: Date) throws -> Outcome {
        let texts = Self.ruleTexts(stages: stageNames())
        for (number, text) in texts.enumerated() {
            let name = Self.ruleName(number + 1)
            if (try? database.rule(named: name)) == nil { try database.addRule(text: text, by: admin) }
            try database.setRuleState(named: name, to: .active, by: admin)
        }
        defer { for number in 1...texts.count { try? database.setRuleState(named: Self.ruleName(number), to: .paused, by: admin) } }
        // A first pass sets the time rules' cursors and consumes what the switch-on appended.
        try database.runAutomation(claimer: "bench-mix", now: now, lease: 60)
        try makeWrites(by: admin)
        let pending = try database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM automation_event WHERE id > (SELECT position FROM automation_cursor WHERE name = 'events')") ?? 0
        }
        var report: AutomationReport?
        let time = try EngineTime.of { report = try database.runAutomation(claimer: "bench-mix", now: now, lease: 60) }
        return Outcome(events: pending, fired: report?.fired ?? 0, time: time)
    }

    static func ruleName(_ number: Int) -> String { "Mix rule \(number)" }

    /// The open stages after the first, and Won (a move into Lost needs a reason, which a bench does not invent).
    private func stageNames() -> [String] {
        let pipeline = database.configuration.pipeline
        return pipeline.allKeys.dropFirst().filter { $0 != .lost }.map { pipeline.name(of: $0) }
    }

    /// The 50 rules: 21 on stage changes (three per stage, with different conditions), 6 on value changes, 5 on owner
    /// changes, 7 on creations (one per source), 9 on completed follow-ups, 2 on time.
    static func ruleTexts(stages: [String]) -> [String] {
        let conditions = ["value >= 25000", "source is not partner_referral and score >= 60", "tags contains \"vip\" or score >= 90"]
        let actions = ["notify owner \"{lead.name} moved on\"", "notify manager \"{lead.name} reached {lead.stage}\"",
                       "create follow-up call \"Call about {lead.name}\" due in 1 business day for owner"]
        var texts: [String] = []
        for index in 0..<21 {
            texts.append("""
                when lead stage changes to "\(stages[index % stages.count])"
                if \(conditions[index / stages.count % conditions.count])
                then \(actions[index % actions.count])
                """)
        }
        for condition in ["value >= 50000", "value < 5000", "source is event", "source is email", "score >= 90", "tags contains \"vip\""] {
            texts.append("when lead value changes\nif \(condition)\nthen notify manager \"{lead.name} is now {lead.value}\"")
        }
        for condition in ["value >= 20000", "source is partner_referral", "score >= 80", "tags contains \"vip\"", "value < 1000"] {
            texts.append("when lead owner changes\nif \(condition)\nthen notify owner \"{lead.name} is yours now\"")
        }
        for source in LeadSource.allCases {
            texts.append("""
                when lead is created
                if source is \(source.rawValue)
                then create follow-up email "Welcome {lead.name}" due in 1 business day for owner
                """)
        }
        for (index, type) in ["call", "email", "meeting", "task", "whatsapp", "call", "email", "meeting", "task"].enumerated() {
            let condition = index < 5 ? "type is \(type)" : "type is \(type) and role is manager"
            texts.append("when follow-up is completed\nif \(condition)\nthen notify owner \"Done: {followup.subject}\"")
        }
        texts.append("when follow-up is overdue by 1 business day\nthen notify owner \"Overdue: {followup.subject}\"")
        texts.append("when lead has been in its stage for twice its stall threshold\nif not on hold\nthen notify manager \"{lead.name} is stuck\"")
        return texts.enumerated().map { "rule \"\(ruleName($0.offset + 1))\"\n" + $0.element }
    }

    /// 1,000 stage moves, 300 value edits, 200 reassignments, 400 completed follow-ups and 100 new leads, on leads
    /// the heavy case does not touch (the newest ones).
    private func makeWrites(by admin: User) throws {
        let pipeline = database.configuration.pipeline
        let order = pipeline.allKeys.filter { $0 != .lost }
        let leads = try database.writer.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM lead WHERE stage NOT IN ('won', 'lost') ORDER BY id DESC LIMIT 1500")
        }
        let owners = try database.users().filter { $0.isActive && $0.role == .rep }.compactMap { $0.id }
        guard !owners.isEmpty else { return }
        // On a set with fewer open leads (the small one) the same shares of fewer writes.
        for (index, id) in leads.enumerated() {
            guard let lead = try database.lead(id) else { continue }
            switch index * 1_500 / leads.count {
            case ..<1_000:
                let next = order.firstIndex(of: lead.stage).map { order[min($0 + 1, order.count - 1)] } ?? .firstContact
                if next != lead.stage { try database.moveLead(id, to: next, by: admin) }
            case ..<1_300:
                let value = Money(minorUnits: lead.value.minorUnits + 100_000, currency: lead.value.currency)
                try database.updateLead(id, LeadChanges(value: value), by: admin)
            default:
                let owner = owners[index % owners.count]
                if owner != lead.ownerID { try database.assignLead(id, to: owner, by: admin) }
            }
        }
        let planned = try database.writer.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM activity WHERE state = 'planned' ORDER BY id DESC LIMIT 400")
        }
        for id in planned { try database.completeFollowUp(id, outcome: "Done", by: admin) }
        let stamp = Int(Date().timeIntervalSince1970)
        for number in 0..<100 {
            try database.createLead(NewLead(contactName: "Mix contact \(stamp)-\(number)", email: "mix\(stamp)-\(number)@example.com",
                                            source: LeadSource.allCases[number % LeadSource.allCases.count], ownerID: owners[number % owners.count],
                                            value: Money(minorUnits: Int64(number) * 50_000, currency: .usd)), by: admin)
        }
    }
}
