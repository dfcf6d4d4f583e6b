import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskScheduler
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Scheduled report digests")
struct ScheduledDigestTests {
    @Test("two schedulers passing every 10 minutes deliver the manager's daily digest once a day, at the set time, with the team's figures")
    func oncePerDay() throws {
        let harness = try SchedulerHarness()
        let desk = harness.desk
        let won = try desk.lead("Won Deal", value: 1_000_000)
        try desk.database.moveLead(won.id!, to: .won, by: desk.rep)
        try desk.database.setReportDigest(.daily, at: 8 * 60, for: desk.manager.id!, by: desk.manager)
        let other = try AppDatabase.open(path: desk.temporary.path, now: harness.clock.now)
        let engines = [harness.engine, SchedulerEngine(database: other, claimer: "second-engine", now: harness.clock.now, logger: .silent)]
        for step in 0..<(2 * 24 * 6) {
            harness.clock.set(utc(2026, 11, 23, 10).addingTimeInterval(TimeInterval(step * 600)))
            DispatchQueue.concurrentPerform(iterations: 2) { index in _ = try? engines[index].runPass() }
        }
        let digests = try harness.notifications(.reportDigest, for: desk.manager)
        // First pass (Mon 10:00) sends Sunday's; then Tue 08:00 and Wed 08:00 (UTC zone) send Monday's and Tuesday's.
        #expect(digests.map(\.at) == [utc(2026, 11, 23, 10), utc(2026, 11, 24, 8), utc(2026, 11, 25, 8)])
        #expect(digests[1].title == "Daily digest, Mon 23 Nov: Your team")
        let body = try desk.database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT body FROM notification WHERE kind = 'report_digest' AND title LIKE '%Mon 23 Nov%'")
        }
        #expect(body == "1 won (10,000.00 USD), 0 lost\n1 new lead\n0 follow-ups done, 0 overdue now")
        #expect(try harness.notifications(.reportDigest, for: desk.rep).isEmpty)
    }

    @Test("an idle scheduler's next due instant is the next digest time, so a sleeping daemon wakes for it")
    func daemonWakesForDigest() throws {
        let harness = try SchedulerHarness()
        let desk = harness.desk
        try desk.database.setReportDigest(.daily, at: 8 * 60, for: desk.manager.id!, by: desk.manager)
        let report = try harness.pass(at: utc(2026, 11, 23, 10))
        #expect(report.nextDueAt == utc(2026, 11, 24, 8))
    }

    @Test("a rep may not change someone else's digest, and a time past midnight is refused")
    func digestSettings() throws {
        let desk = try DeskFixture()
        #expect(throws: DomainError.self) { try desk.database.setReportDigest(.daily, at: 480, for: desk.manager.id!, by: desk.rep) }
        #expect(throws: DomainError.self) { try desk.database.setReportDigest(.daily, at: 1_440, for: desk.rep.id!, by: desk.rep) }
    }
}
