import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskScheduler
import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Ticket SLA clocks")
struct TicketSLATests {
    /// A harness whose Customer Success team (where General tickets go) is managed by the fixture's manager.
    private func harness(now: Date = utc(2026, 11, 23, 10), configuration: DeskConfiguration = .standard, teamZone: String = "UTC") throws -> SchedulerHarness {
        let harness = try SchedulerHarness(now: now, configuration: configuration)
        try harness.database.writer.write { db in
            try db.execute(sql: "UPDATE team SET manager_id = ?, time_zone = ? WHERE name = 'Customer Success'",
                           arguments: [harness.desk.manager.id, teamZone])
        }
        return harness
    }

    private func openTicket(_ harness: SchedulerHarness, priority: TicketPriority = .normal) throws -> Ticket {
        let ticket = try harness.database.createTicket(NewTicket(subject: "Sync broken", priority: priority), by: harness.desk.support)
        try harness.database.assignTicket(ticket.id!, to: harness.desk.support.id!, by: harness.desk.support)
        return try harness.database.moveTicket(ticket.id!, to: .inProcess, by: harness.desk.support)
    }

    @Test("the clock pauses while Pending at Customer and resumes with the time already used")
    func pauseAndResume() throws {
        let harness = try harness()
        let ticket = try openTicket(harness)
        harness.clock.set(utc(2026, 11, 23, 10, 30))
        try harness.database.moveTicket(ticket.id!, to: .pendingAtCustomer, by: harness.desk.support)
        try harness.pass(at: utc(2026, 11, 23, 13, 59))
        #expect(try harness.notifications(.slaWarning).isEmpty)
        #expect(try harness.notifications(.slaBreach).isEmpty)
        harness.clock.set(utc(2026, 11, 23, 14))
        try harness.database.moveTicket(ticket.id!, to: .inProcess, by: harness.desk.support)
        try harness.pass(at: utc(2026, 11, 23, 15, 5, 59))
        #expect(try harness.notifications(.slaWarning).isEmpty)
        try harness.pass(at: utc(2026, 11, 23, 15, 6))
        #expect(try harness.notifications(.slaWarning).map(\.userID) == [harness.desk.support.id!])
        try harness.pass(at: utc(2026, 11, 23, 15, 29, 59))
        #expect(try harness.notifications(.slaBreach).isEmpty)
        try harness.pass(at: utc(2026, 11, 23, 15, 30))
        #expect(Set(try harness.notifications(.slaBreach).map(\.userID)) == [harness.desk.support.id!, harness.desk.manager.id!])
        #expect(try harness.notifications(.slaWarning).count == 1)
    }

    @Test("across a weekend, a holiday and the end of summer time in the team's zone, with a pause and resume")
    func weekendHolidayAndDaylightSaving() throws {
        var configuration = DeskConfiguration.standard
        configuration.businessHours.holidays = ["2026-10-26"]
        // Friday 23 October 2026, 16:00 in Berlin (CEST, UTC+2).
        let harness = try harness(now: utc(2026, 10, 23, 14), configuration: configuration, teamZone: "Europe/Berlin")
        let ticket = try openTicket(harness)
        harness.clock.set(utc(2026, 10, 23, 14, 30))
        try harness.database.moveTicket(ticket.id!, to: .pendingAtCustomer, by: harness.desk.support)
        harness.clock.set(utc(2026, 10, 24, 12))
        try harness.database.moveTicket(ticket.id!, to: .inProcess, by: harness.desk.support)
        // 30 minutes used on Friday; 66 more to the warning and 90 to the breach from Tuesday 09:00 CET (08:00 UTC),
        // Monday being a holiday.
        let work = try harness.database.pendingWork(for: .ticket(ticket.id!))
        #expect(work.first { $0.kind == .slaWarning }?.dueAt == utc(2026, 10, 27, 9, 6))
        #expect(work.first { $0.kind == .slaBreach }?.dueAt == utc(2026, 10, 27, 9, 30))
        try harness.pass(at: utc(2026, 10, 27, 9, 5, 59))
        #expect(try harness.notifications(.slaWarning).isEmpty)
        try harness.pass(at: utc(2026, 10, 27, 9, 6))
        #expect(try harness.notifications(.slaWarning).count == 1)
        try harness.pass(at: utc(2026, 10, 27, 9, 29, 59))
        #expect(try harness.notifications(.slaBreach).isEmpty)
        try harness.pass(at: utc(2026, 10, 27, 9, 30))
        #expect(try harness.notifications(.slaBreach).count == 2)
    }

    @Test("a team's own calendar counts: with Saturday 10:00–14:00 open, Friday 16:00 plus two hours breaches Saturday 11:00")
    func teamCalendar() throws {
        var configuration = DeskConfiguration.standard
        var weekendDesk = BusinessHours.standard
        weekendDesk.windows[6] = .init(openMinute: 10 * 60, closeMinute: 14 * 60)
        configuration.teamBusinessHours = ["customer success": weekendDesk]
        let harness = try harness(now: utc(2026, 11, 27, 16), configuration: configuration)
        let ticket = try openTicket(harness)
        #expect(try harness.database.pendingWork(for: .ticket(ticket.id!)).first { $0.kind == .slaBreach }?.dueAt == utc(2026, 11, 28, 11))
    }

    @Test("only a customer-visible reply counts as the first response: an internal note leaves the clock running")
    func customerVisibleReplyStopsTheClock() throws {
        let harness = try harness()
        let ticket = try openTicket(harness)
        harness.clock.set(utc(2026, 11, 23, 10, 30))
        try harness.database.commentOnTicket(ticket.id!, body: "Looking at the logs", customerVisible: false, by: harness.desk.support)
        try harness.pass(at: utc(2026, 11, 23, 11, 36))
        #expect(try harness.notifications(.slaWarning).count == 1)
        harness.clock.set(utc(2026, 11, 23, 11, 40))
        try harness.database.commentOnTicket(ticket.id!, body: "We found it", customerVisible: true, by: harness.desk.support)
        try harness.pass(at: utc(2026, 11, 23, 12))
        #expect(try harness.notifications(.slaBreach).isEmpty)
    }

    @Test("a ticket still New after the untriaged age notifies the team's manager, exactly at that age")
    func untriaged() throws {
        let harness = try harness()
        _ = try harness.database.createTicket(NewTicket(subject: "Nobody looked"), by: harness.desk.support)
        let triaged = try harness.database.createTicket(NewTicket(subject: "Taken"), by: harness.desk.support)
        try harness.database.assignTicket(triaged.id!, to: harness.desk.support.id!, by: harness.desk.support)
        try harness.pass(at: utc(2026, 11, 23, 10, 59, 59))
        #expect(try harness.notifications(.untriaged).isEmpty)
        try harness.pass(at: utc(2026, 11, 23, 11))
        let alerts = try harness.notifications(.untriaged)
        #expect(alerts.map(\.title) == ["Untriaged: \(Ticket.number(for: 1)) Nobody looked"])
        #expect(alerts.first?.userID == harness.desk.manager.id)
    }
}
