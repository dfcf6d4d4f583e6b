import Foundation
import GRDB
import SalesDeskDomain
import SalesDeskTesting
import Testing
@testable import SalesDeskStore

/// The demo data gives the reports something true to show: deals lost from real stages, stays in every stage,
/// reschedules with reasons, reopened tickets and tickets opened in working hours.
@Suite("Demo data for the reports")
struct DemoReportDataTests {
    let temporary: TemporaryDatabase

    init() throws {
        temporary = try TemporaryDatabase()
        try DemoDataGenerator(size: .small, seed: 42, now: temporary.clock.date).generate(into: temporary.database)
    }

    private func values(_ sql: String) throws -> [String] {
        try temporary.database.writer.read { db in try String.fetchAll(db, sql: sql) }
    }

    @Test("lost deals were lost from the open stages they had reached, not all from Open")
    func lostFromRealStages() throws {
        let lostFrom = try values("SELECT DISTINCT lost_from FROM report_closed_deal WHERE NOT won")
        #expect(Set(lostFrom).count >= 6, "lost from: \(lostFrom)")
        #expect(try values("SELECT DISTINCT from_stage FROM lead_stage_change WHERE to_stage = 'won'") != ["open"])
    }

    @Test("each lead's history walks the pipeline in order, in time, ending in its current stage when it entered it (past Open)")
    func historyIsAWalk() throws {
        let broken = try temporary.database.writer.read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM lead l WHERE
                    (SELECT to_stage FROM lead_stage_change WHERE lead_id = l.id ORDER BY id DESC LIMIT 1) <> l.stage
                    OR (l.stage <> 'open' AND (SELECT at FROM lead_stage_change WHERE lead_id = l.id ORDER BY id DESC LIMIT 1) <> l.stage_entered_at)
                    OR EXISTS (SELECT 1 FROM lead_stage_change c JOIN lead_stage_change p ON p.lead_id = c.lead_id AND p.id = c.id - 1
                               WHERE c.lead_id = l.id AND (c.from_stage IS NOT p.to_stage OR c.at < p.at))
                """)
        }
        #expect(broken == 0)
        #expect(try values("SELECT DISTINCT stage FROM report_stage_stay").count >= 8, "stays in every open stage")
    }

    @Test("most done follow-ups were done on time, some late (the activity report's on-time rate was 0 % for everyone)")
    func onTimeAndLate() throws {
        let onTime = try values("SELECT id FROM activity WHERE state = 'done' AND completed_at <= due_at").count
        let late = try values("SELECT id FROM activity WHERE state = 'done' AND completed_at > due_at").count
        #expect(late > 0)
        #expect(Double(onTime) / Double(onTime + late) > 0.6)
        #expect(Double(onTime) / Double(onTime + late) < 0.9)
    }

    @Test("follow-ups were rescheduled with reasons, and some closed tickets were reopened")
    func reschedulesAndReopens() throws {
        #expect(try values("SELECT DISTINCT reason FROM activity_reschedule").count == DemoReschedules.reasons.count)
        #expect(try values("SELECT ticket_id FROM ticket_status_change WHERE from_status = 'resolved' AND to_status = 'in_process'").count > 5)
    }

    @Test("tickets are opened in the support teams' working day, Monday to Friday 09:00–17:00 Berlin time, as a rule")
    func ticketsInWorkingHours() throws {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin")!
        let created = try temporary.database.writer.read { db in try Int64.fetchAll(db, sql: "SELECT created_at FROM ticket") }
        let inHours = created.filter { seconds in
            let parts = calendar.dateComponents([.weekday, .hour], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
            return (2...6).contains(parts.weekday!) && (9..<17).contains(parts.hour!)
        }
        #expect(Double(inHours.count) / Double(created.count) > 0.9)
    }
}
