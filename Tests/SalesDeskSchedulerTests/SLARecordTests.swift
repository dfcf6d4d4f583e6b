import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskScheduler
import SalesDeskStore
import SalesDeskTesting
import Testing

/// Normal priority: a 2-hour first-response target, business hours 09:00–17:00 UTC on weekdays.
@Suite("The SLA record keeps breaches")
struct SLARecordTests {
    private func openTicket(_ harness: SchedulerHarness) throws -> Ticket {
        try harness.database.writer.write { db in
            try db.execute(sql: "UPDATE team SET manager_id = ? WHERE name = 'Customer Success'", arguments: [harness.desk.manager.id])
        }
        let ticket = try harness.database.createTicket(NewTicket(subject: "Sync broken", priority: .normal), by: harness.desk.support)
        try harness.database.assignTicket(ticket.id!, to: harness.desk.support.id!, by: harness.desk.support)
        return try harness.database.moveTicket(ticket.id!, to: .inProcess, by: harness.desk.support)
    }

    private func reply(_ harness: SchedulerHarness, _ ticket: Ticket, at instant: Date) throws {
        harness.clock.set(instant)
        try harness.database.commentOnTicket(ticket.id!, body: "Looking into it", customerVisible: true, by: harness.desk.support)
    }

    @Test("a breach the scheduler announced stays on the record after the late reply")
    func announcedBreachIsKept() throws {
        let harness = try SchedulerHarness()
        let ticket = try openTicket(harness)
        try harness.pass(at: utc(2026, 11, 23, 12, 1))
        #expect(try harness.notifications(.slaBreach).isEmpty == false)
        try reply(harness, ticket, at: utc(2026, 11, 23, 13))
        #expect(try harness.database.ticketDetail(ticket.id!).firstResponseRecord
                == .breached(at: utc(2026, 11, 23, 12), answeredAt: utc(2026, 11, 23, 13)))
    }

    @Test("a late reply with no scheduler running records the breach at the deadline")
    func lateReplyWithoutScheduler() throws {
        let harness = try SchedulerHarness()
        let ticket = try openTicket(harness)
        try reply(harness, ticket, at: utc(2026, 11, 23, 12, 30))
        #expect(try harness.database.ticketDetail(ticket.id!).firstResponseRecord
                == .breached(at: utc(2026, 11, 23, 12), answeredAt: utc(2026, 11, 23, 12, 30)))
    }

    @Test("a ticket resolved with no reply after its target shows the breach, and its timeline says so")
    func resolvedWithoutReplyAfterTarget() throws {
        let harness = try SchedulerHarness()
        let ticket = try openTicket(harness)
        harness.clock.set(utc(2026, 11, 23, 15))
        try harness.database.moveTicket(ticket.id!, to: .resolved, by: harness.desk.support)
        #expect(try harness.database.ticketDetail(ticket.id!).firstResponseRecord == .breached(at: utc(2026, 11, 23, 12), answeredAt: nil))
        let timeline = try harness.database.timeline(for: .ticket(ticket.id!), in: TimeZone(identifier: "UTC")!)
        #expect(timeline.contains { $0.sentence == "Missed the first-response target" && $0.at == utc(2026, 11, 23, 12) })
    }

    @Test("a reply in time is met, and a ticket resolved before its target without a reply says so")
    func metAndClosedWithoutReply() throws {
        let harness = try SchedulerHarness()
        let answered = try openTicket(harness)
        let silent = try openTicket(harness)
        try reply(harness, answered, at: utc(2026, 11, 23, 11))
        try harness.database.moveTicket(silent.id!, to: .resolved, by: harness.desk.support)
        try harness.pass(at: utc(2026, 11, 23, 13))
        #expect(try harness.database.ticketDetail(answered.id!).firstResponseRecord == .met(at: utc(2026, 11, 23, 11)))
        #expect(try harness.database.ticketDetail(silent.id!).firstResponseRecord == .closedWithoutReply)
    }

    @Test("an unanswered open ticket reports its running clock")
    func running() throws {
        let harness = try SchedulerHarness()
        let ticket = try openTicket(harness)
        guard case .running(let due) = try harness.database.ticketDetail(ticket.id!).firstResponseRecord else {
            Issue.record("expected a running clock")
            return
        }
        #expect(due.breachAt == utc(2026, 11, 23, 12))
    }
}

@Suite("Inbox texts and history")
struct InboxHistoryTests {
    @Test("a reminder's body gives the due time in the rep's own time zone, in words")
    func reminderBodyInRepZone() throws {
        let harness = try SchedulerHarness()
        try harness.database.writer.write { db in
            try db.execute(sql: "UPDATE user SET time_zone = 'Asia/Tokyo' WHERE id = ?", arguments: [harness.desk.rep.id])
        }
        _ = try harness.followUp("Call Jo", due: utc(2026, 11, 23, 14))
        try harness.pass(at: utc(2026, 11, 23, 13))
        let body = try harness.database.writer.read { db in
            try String.fetchOne(db, sql: "SELECT body FROM notification WHERE kind = 'reminder'")
        }
        #expect(body == "Due Mon 23 Nov at 23:00")
    }

    @Test("a digest lists every missed item with its record, and acknowledged items stay in the history")
    func digestItemsAndHistory() throws {
        let harness = try SchedulerHarness()
        try harness.pass(at: utc(2026, 11, 23, 10))
        let calls = try (23...24).map { day in try harness.followUp("Call \(day)", due: utc(2026, 11, day, 12)) }
        try harness.pass(at: utc(2026, 11, 26, 10))
        let digest = try #require(try harness.database.unacknowledgedDigest(for: harness.desk.rep.id!))
        let items = try harness.database.digestItems(of: digest.id!)
        #expect(items.count == 4)
        #expect(Set(items.compactMap(\.record)) == Set(calls.map { RecordReference.activity($0.id!) }))
        #expect(items.allSatisfy { $0.kind == .reminder })

        try harness.database.acknowledgeNotification(digest.id!, by: harness.desk.rep)
        #expect(try harness.database.inbox(for: harness.desk.rep, at: harness.clock.date).contains { $0.id == digest.id } == false)
        let earlier = try harness.database.acknowledgedNotifications(for: harness.desk.rep)
        #expect(earlier.rows.map(\.id) == [digest.id])
        #expect(earlier.next == nil)
    }
}

@Suite("A bounded pass")
struct BoundedPassTests {
    @Test("a pass with a limit handles at most that many items, and the next pass carries on")
    func boundedPass() throws {
        let harness = try SchedulerHarness()
        for index in 0..<5 { _ = try harness.followUp("Call \(index)", due: utc(2026, 11, 23, 11)) }
        harness.clock.set(utc(2026, 11, 23, 11, 1))
        let first = try harness.engine.runPass(maxItems: 3)
        #expect(first.firing.handled == 3)
        #expect(first.nextDueAt.map { $0 <= harness.clock.date } == true)
        let second = try harness.engine.runPass(maxItems: 3)
        #expect(second.firing.handled == 3)
        let third = try harness.engine.runPass()
        #expect(third.firing.handled == 4)
        #expect(try harness.notifications(.reminder).count == 5)
    }
}
