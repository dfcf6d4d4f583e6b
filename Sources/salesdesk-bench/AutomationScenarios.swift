import Foundation
import GRDB
import Logging
import SalesDeskDomain
import SalesDeskScheduler
import SalesDeskStore

/// The automation engine's costs with 50 active rules: what the event log adds to a user's write (p99 with and
/// without the event trigger), events evaluated per second, a 30-day dry run of a stage-change rule, and an idle
/// scheduler pass. The bench rules are paused again at the end, so the other groups are not affected.
struct AutomationScenarios {
    let database: AppDatabase
    let runs: Int
    static let ruleCount = 50
    static let writes = 2_000

    func run() throws -> [BenchmarkResult] {
        let now = Date()
        let scheduler = SchedulerEngine(database: database, claimer: "bench-automation", now: { now },
                                        logger: Logger(label: "bench", factory: { _ in SwiftLogNoOpLogHandler() }))
        guard let admin = try database.users().first(where: { $0.role == .admin && $0.isActive }) else { return [] }
        try addBenchRules(by: admin)
        defer { try? pauseBenchRules(by: admin) }
        try scheduler.runPass()
        let leads = try database.writer.read { db in
            try Int64.fetchAll(db, sql: "SELECT id FROM lead WHERE stage IN ('open', 'first_contact') ORDER BY id LIMIT ?", arguments: [Self.writes * 2])
        }
        let writes = leads.count / 2
        guard writes >= 100 else { return [] }
        let withEvents = try p99OfMoves(Array(leads.prefix(writes)), by: admin)
        let withoutEvents = try withoutEventTrigger { try p99OfMoves(Array(leads.suffix(writes)), by: admin) }
        let pending = try database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM automation_event WHERE id > (SELECT position FROM automation_cursor WHERE name = 'events')") ?? 0
        }
        var engine = AutomationReport()
        let engineTime = try EngineTime.of { engine = try database.runAutomation(claimer: "bench-engine", now: now, lease: 60) }
        let engineSeconds = engineTime.wallSeconds
        let rule = try database.ruleParser.parse(Self.ruleText(1))
        let dryRun = try Measurement.median(runs: max(1, runs / 2)) { _ = try database.dryRun(rule, days: 30, now: now) }
        try scheduler.runPass()   // the first pass after the engine takes in its writes; the idle ones follow
        let idle = try Measurement.median(runs: runs) { try scheduler.runPass() }
        try pauseBenchRules(by: admin)
        let mix = try AutomationMix(database: database).run(by: admin, now: now)
        let mixIdle = try withMixRules(by: admin, passing: scheduler) { try Measurement.median(runs: runs) { try scheduler.runPass() } }
        print("automation heavy: " + engineTime.rates(events: pending, fired: engine.fired))
        print("automation mix: " + mix.time.rates(events: mix.events, fired: mix.fired))
        return [
            .init(name: "automation: move lead p99, event log on (\(writes) moves)", deskMilliseconds: withEvents, sqliteMilliseconds: nil),
            .init(name: "automation: move lead p99, event log off (\(writes) moves)", deskMilliseconds: withoutEvents, sqliteMilliseconds: nil),
            .init(name: "automation: engine, heavy: \(pending) events, \(engine.fired) firings, \(Self.ruleCount) rules", deskMilliseconds: engineSeconds * 1_000,
                  sqliteMilliseconds: nil),
            .init(name: "automation: engine, mix: \(mix.events) events, \(mix.fired) firings, \(AutomationMix.ruleCount) rules", deskMilliseconds: mix.time.wallSeconds * 1_000,
                  sqliteMilliseconds: nil),
            .init(name: "automation: 30-day dry run of a stage-change rule", deskMilliseconds: dryRun, sqliteMilliseconds: nil),
            .init(name: "automation: idle scheduler pass with \(Self.ruleCount) active stage rules", deskMilliseconds: idle, sqliteMilliseconds: nil),
            .init(name: "automation: idle scheduler pass with the \(AutomationMix.ruleCount) mix rules (2 time rules)", deskMilliseconds: mixIdle, sqliteMilliseconds: nil),
        ]
    }

    /// Runs `body` with the mix rules switched on (a pass first takes in the switch-on), then pauses them again.
    private func withMixRules<T>(by admin: User, passing scheduler: SchedulerEngine, _ body: () throws -> T) throws -> T {
        for number in 1...AutomationMix.ruleCount { try database.setRuleState(named: AutomationMix.ruleName(number), to: .active, by: admin) }
        defer { for number in 1...AutomationMix.ruleCount { try? database.setRuleState(named: AutomationMix.ruleName(number), to: .paused, by: admin) } }
        try scheduler.runPass()
        return try body()
    }

    /// Rule N: a stage-change rule with a value condition and a notification (a mix of stages, so some fire).
    static func ruleText(_ number: Int) -> String {
        let stages = ["First Contact", "Connected", "Demo Scheduled", "Demo Given", "Proposal Sent"]
        return """
            rule "Bench rule \(number)"
            when lead stage changes to "\(stages[number % stages.count])"
            if value >= \(number * 1_000) and source is not partner_referral
            then notify owner "Bench \(number): {lead.name}"
            """
    }

    private func addBenchRules(by admin: User) throws {
        for number in 1...Self.ruleCount {
            let name = "Bench rule \(number)"
            if (try? database.rule(named: name)) == nil { try database.addRule(text: Self.ruleText(number), by: admin) }
            try database.setRuleState(named: name, to: .active, by: admin)
        }
    }

    private func pauseBenchRules(by admin: User) throws {
        for number in 1...Self.ruleCount { try database.setRuleState(named: "Bench rule \(number)", to: .paused, by: admin) }
    }

    /// The 99th percentile of single-lead stage moves, in ms.
    private func p99OfMoves(_ leads: [Int64], by user: User) throws -> Double {
        var samples: [Double] = []
        for lead in leads {
            let current = try database.lead(lead)?.stage ?? .open
            let start = DispatchTime.now().uptimeNanoseconds
            try database.moveLead(lead, to: current == .open ? .firstContact : .connected, by: user)
            samples.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000)
        }
        return samples.sorted()[min(samples.count - 1, samples.count * 99 / 100)]
    }

    /// Runs `body` with the audit → event trigger dropped, then puts it back exactly as it was.
    private func withoutEventTrigger<T>(_ body: () throws -> T) throws -> T {
        let sql = try database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'automation_event_from_audit'")
        }
        guard let sql else { return try body() }
        try database.writer.write { db in try db.execute(sql: "DROP TRIGGER automation_event_from_audit") }
        defer { try? database.writer.write { db in try db.execute(sql: sql) } }
        return try body()
    }
}
