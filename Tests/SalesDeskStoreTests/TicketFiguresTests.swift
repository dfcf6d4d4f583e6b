import Foundation
import GRDB
@testable import SalesDeskStore
import SalesDeskDomain
import SalesDeskTesting
import Testing

/// Each write that changes a ticket's support figures keeps them (`TicketFigures`); after every step the stored
/// figures must equal the ones `TicketFigures.rebuild` works out from the ticket and its status history, and their
/// sums (`TicketSums`) a recomputation from the tickets.
@Suite("Ticket figures are kept by every write")
struct TicketFiguresTests {
    /// response, resolution, finished waits, current wait start, reopens, recorded breach.
    struct Figures: Equatable {
        var response: Int64?
        var resolution: Int64?
        var pending: Int64
        var pendingSince: Int64?
        var reopens: Int
        var breachedAt: Int64?
    }

    static func figures(_ desk: DeskFixture, _ ticketID: Int64) throws -> Figures {
        try desk.database.writer.read { db in
            let row = try #require(try Row.fetchOne(db, sql: """
                SELECT response_seconds, resolution_seconds, pending_seconds, pending_since, reopen_count, first_response_breached_at
                FROM ticket WHERE id = ?
                """, arguments: [ticketID]))
            return Figures(response: row[0], resolution: row[1], pending: row[2], pendingSince: row[3], reopens: row[4], breachedAt: row[5])
        }
    }

    /// The stored figures, then checks that a rebuild from scratch gives the same.
    static func keptAndRebuilt(_ desk: DeskFixture, _ ticketID: Int64, sourceLocation: SourceLocation = #_sourceLocation) throws -> Figures {
        let kept = try figures(desk, ticketID)
        #expect(try desk.database.reportSummaryDrift() == [], "the sums kept by the triggers", sourceLocation: sourceLocation)
        try desk.database.writer.write { db in try TicketFigures.rebuild(db, configuration: desk.database.configuration) }
        #expect(try figures(desk, ticketID) == kept, "rebuilt from the history", sourceLocation: sourceLocation)
        return kept
    }

    @Test("a reply, waits at the customer, a resolution, a reopen and a second resolution each keep the figures a rebuild finds")
    func everyStepMatchesARebuild() throws {
        let desk = try DeskFixture() // Monday 23 Nov 2026 10:00 UTC, business hours 09:00–17:00
        let id = try desk.database.createTicket(NewTicket(subject: "Sync fails"), by: desk.support).id!
        try desk.database.assignTicket(id, to: desk.support.id!, by: desk.support)
        _ = try desk.database.moveTicket(id, to: .inProcess, by: desk.support)
        #expect(try Self.keptAndRebuilt(desk, id) == Figures(response: nil, resolution: nil, pending: 0, pendingSince: nil, reopens: 0, breachedAt: nil))

        desk.clock.advance(by: 1_800)
        _ = try desk.database.moveTicket(id, to: .pendingAtCustomer, by: desk.support)
        let waitStart = Int64(desk.clock.date.timeIntervalSince1970)
        #expect(try Self.keptAndRebuilt(desk, id).pendingSince == waitStart)

        desk.clock.advance(by: 7_200)
        _ = try desk.database.moveTicket(id, to: .inProcess, by: desk.support)
        desk.clock.advance(by: 1_800)
        _ = try desk.database.commentOnTicket(id, body: "Fixed on our side, please retry.", customerVisible: true, by: desk.support)
        // 10:00–13:00 is three business hours; the two at the customer do not count.
        #expect(try Self.keptAndRebuilt(desk, id) == Figures(response: 3_600, resolution: nil, pending: 7_200, pendingSince: nil, reopens: 0, breachedAt: nil))

        desk.clock.advance(by: 3_600)
        _ = try desk.database.moveTicket(id, to: .resolved, by: desk.support)
        #expect(try Self.keptAndRebuilt(desk, id).resolution == Int64(4 * 3_600))

        desk.clock.advance(by: 3_600)
        _ = try desk.database.moveTicket(id, to: .inProcess, by: desk.support)
        #expect(try Self.keptAndRebuilt(desk, id) == Figures(response: 3_600, resolution: nil, pending: 7_200, pendingSince: nil, reopens: 1, breachedAt: nil))

        desk.clock.advance(by: 19 * 3_600) // Tuesday 10:00
        _ = try desk.database.moveTicket(id, to: .resolved, by: desk.support)
        // Monday 10:00–17:00 and Tuesday 09:00–10:00.
        #expect(try Self.keptAndRebuilt(desk, id).resolution == Int64(8 * 3_600))
    }

    @Test("a late reply keeps its business seconds and the breach at the deadline, as a rebuild finds them")
    func lateReply() throws {
        let desk = try DeskFixture()
        let id = try desk.database.createTicket(NewTicket(subject: "Export broken", priority: .normal), by: desk.support).id!
        try desk.database.assignTicket(id, to: desk.support.id!, by: desk.support)
        desk.clock.advance(by: 9 * 3_600) // Monday 19:00: seven business hours used by 17:00
        _ = try desk.database.commentOnTicket(id, body: "Looking into it", customerVisible: true, by: desk.support)
        let kept = try Self.keptAndRebuilt(desk, id)
        #expect(kept.response == Int64(7 * 3_600))
        #expect(kept.breachedAt != nil)
    }

    @Test("a rebuild records the breach of a bulk-loaded ticket answered after its target, at the instant the target was reached")
    func rebuildRecordsMissingBreach() throws {
        let desk = try DeskFixture()
        let id = try desk.database.createTicket(NewTicket(subject: "Import stuck", priority: .normal), by: desk.support).id!
        let created = Int64(desk.clock.date.timeIntervalSince1970)
        // As bulk data arrives: answered at 16:00 with no clock and no breach recorded.
        try desk.database.writer.write { db in
            try db.execute(sql: "UPDATE ticket SET first_response_at = ?, sla_running_since = NULL WHERE id = ?", arguments: [created + 6 * 3_600, id])
            try TicketFigures.rebuild(db, configuration: desk.database.configuration)
        }
        let target = Int64(desk.database.configuration.ticketRouting.firstResponseTarget(for: .normal) * 60)
        let figures = try Self.figures(desk, id)
        #expect(figures.response == Int64(6 * 3_600))
        #expect(figures.breachedAt == (target <= 6 * 3_600 ? created + target : nil))
        #expect(try desk.database.ticketDetail(id).firstResponseRecord == (target <= 6 * 3_600
            ? .breached(at: Date(timeIntervalSince1970: TimeInterval(created + target)), answeredAt: Date(timeIntervalSince1970: TimeInterval(created + 6 * 3_600)))
            : .met(at: Date(timeIntervalSince1970: TimeInterval(created + 6 * 3_600)))))
    }

    @Test("a duration's span never decreases as the duration grows, and the spans below a minute hold exactly their second")
    func spansAreOrdered() throws {
        let desk = try DeskFixture()
        let durations: [Int64] = Array(0...200) + stride(from: 7_000, to: 7_400, by: 7).map { $0 } + [172_799, 172_800, 5_183_999, 5_184_000, 90_000_000]
        let spans = try desk.database.writer.read { db in
            try durations.map { try Int64.fetchOne(db, sql: "SELECT \(TicketSums.span("d")) FROM (SELECT ? AS d)", arguments: [$0])! }
        }
        #expect(zip(spans, spans.dropFirst()).allSatisfy { $0 <= $1 })
        for (duration, span) in zip(durations, spans) {
            #expect(TicketSums.exactSeconds(ofSpan: span) == (duration < 60 ? duration : nil), "\(duration) s")
        }
    }

    @Test("a reply at a fraction of a second keeps the whole seconds the history stores, as a rebuild finds them")
    func fractionalInstants() throws {
        let desk = try DeskFixture()
        let id = try desk.database.createTicket(NewTicket(subject: "Login loop"), by: desk.support).id!
        try desk.database.assignTicket(id, to: desk.support.id!, by: desk.support)
        _ = try desk.database.moveTicket(id, to: .inProcess, by: desk.support)
        desk.clock.advance(by: 1_800.6)
        _ = try desk.database.moveTicket(id, to: .pendingAtCustomer, by: desk.support)
        desk.clock.advance(by: 600.7)
        _ = try desk.database.moveTicket(id, to: .inProcess, by: desk.support)
        desk.clock.advance(by: 600.6)
        _ = try desk.database.commentOnTicket(id, body: "Try now", customerVisible: true, by: desk.support)
        desk.clock.advance(by: 0.9)
        _ = try desk.database.moveTicket(id, to: .resolved, by: desk.support)
        let kept = try Self.keptAndRebuilt(desk, id)
        #expect(kept.response == Int64(1_800 + 600)) // 10:00:00–10:30:00 and 10:40:01–10:50:01 (whole seconds)
        #expect(kept.pending == 601)
    }

    @Test("a ticket resolved before its target without a reply and closed after it is not judged: no breach is recorded")
    func settledBeforeTarget() throws {
        let desk = try DeskFixture()
        let id = try desk.database.createTicket(NewTicket(subject: "Wrong total", priority: .high), by: desk.support).id!
        try desk.database.assignTicket(id, to: desk.support.id!, by: desk.support)
        _ = try desk.database.moveTicket(id, to: .inProcess, by: desk.support)
        desk.clock.advance(by: 1_800) // 10:30, inside the High target
        _ = try desk.database.moveTicket(id, to: .resolved, by: desk.support)
        desk.clock.advance(by: 3 * 3_600) // 13:30, past it
        _ = try desk.database.moveTicket(id, to: .closed, customerConfirmed: true, by: desk.support)
        #expect(try Self.keptAndRebuilt(desk, id).breachedAt == nil)
        #expect(try desk.database.ticketDetail(id).firstResponseRecord == .closedWithoutReply)
        // Raising the priority of the settled ticket plans no SLA jobs and leaves its record alone.
        _ = try desk.database.setTicketPriority(id, .critical, by: desk.support)
        #expect(try desk.database.ticketDetail(id).firstResponseRecord == .closedWithoutReply)
        #expect(try desk.count("scheduled_job", where: "record_kind = 'ticket' AND record_id = \(id) AND kind IN ('sla_warning', 'sla_breach') AND done_at IS NULL") == 0)
    }

    @Test("a reply that met its target stays met on the detail screen and in the report after the priority is raised")
    func metStaysMet() throws {
        let desk = try DeskFixture()
        let id = try desk.database.createTicket(NewTicket(subject: "Slow sync", priority: .normal), by: desk.support).id!
        try desk.database.assignTicket(id, to: desk.support.id!, by: desk.support)
        desk.clock.advance(by: 5_400) // 11:30: inside Normal's target, past Critical's
        _ = try desk.database.commentOnTicket(id, body: "On it", customerVisible: true, by: desk.support)
        _ = try desk.database.setTicketPriority(id, .critical, by: desk.support)
        #expect(try desk.database.ticketDetail(id).firstResponseRecord == .met(at: desk.clock.date))
        let period = ReportPeriod.containing(desk.clock.date, .month, timeZone: TimeZone(identifier: "UTC")!)
        let figures = try desk.database.supportFigures(ReportRequest(period: period), scope: try desk.database.reportScope(for: desk.admin), now: desk.clock.date)
        #expect(figures.groups.map(\.met) == [1])
        #expect(figures.breaches.isEmpty)
    }

    @Test("the support figures of a team without members are empty, not an error")
    func emptyScope() throws {
        let desk = try DeskFixture()
        _ = try desk.database.createTicket(NewTicket(subject: "Crash on start"), by: desk.support)
        let scope = try desk.database.reportScope(for: desk.admin, team: "Data")
        #expect(scope.ownerIDs == [])
        let period = ReportPeriod.containing(desk.clock.date, .month, timeZone: TimeZone(identifier: "UTC")!)
        for reading in [ReportReading.summaries, .rows] {
            let figures = try desk.database.supportFigures(ReportRequest(period: period), scope: scope, now: desk.clock.date, reading: reading)
            #expect(figures.tickets == 0 && figures.breaches.isEmpty)
        }
    }

    @Test("a file whose ticket figures are not filled yet is refused by the read-only open, which would show empty reports")
    func readOnlyOpenRefusesUnfilledFigures() throws {
        let desk = try DeskFixture()
        try desk.database.writer.write { db in
            try db.execute(sql: "INSERT INTO desk_setting (key, value) VALUES (?, '1')", arguments: [TicketFiguresSchema.pendingKey])
        }
        #expect(throws: StoreError.self) { try AppDatabase.openForReadingOnly(path: desk.database.path) }
    }
}
