import Foundation
import GRDB
import SalesDeskDomain

/// Tickets in every status and priority, routed to the support teams.
struct DemoTickets {
    let staff: DemoStaff
    let now: Date
    let count: Int

    func insert(into database: AppDatabase, accountCount: Int, random: inout SeededGenerator, progress: (Double) -> Void) throws {
        let nowSeconds = now.epochSeconds
        let routing = database.configuration.ticketRouting
        try database.writer.write { db in
            let insert = try BulkInsert(db, sql: """
                INSERT INTO ticket (id, account_id, subject, description, priority, category, team_id, assignee_id, status,
                    created_at, updated_at, first_response_at, resolved_at, closed_at, satisfaction)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for index in 0..<count {
                let status = random.pick([(TicketStatus.new, 4), (.assigned, 5), (.inProcess, 8), (.pendingAtCustomer, 5), (.resolved, 5), (.deployed, 3), (.closed, 70)])
                let category = random.pick([(TicketCategory.syncIssue, 3), (.productBug, 3), (.featureRequest, 2), (.dataProblem, 2), (.general, 4)])
                let priority = random.pick([(TicketPriority.normal, 7), (.high, 2), (.critical, 1)])
                let teamID = staff.teamByName[routing.team(for: category)]
                let assignee: Int64? = status == .new ? nil : teamID.flatMap { staff.supportByTeam[$0] }.map { random.element($0) }
                let ageHours: Int64 = switch status {
                case .new: Int64.random(in: 0...30, using: &random)
                case .closed: Int64.random(in: 72...(24 * 365), using: &random)
                default: Int64.random(in: 1...(24 * 20), using: &random)
                }
                let created = Self.duringWorkingDay(nowSeconds - ageHours * 3600 - Int64.random(in: 0..<3600, using: &random), now: nowSeconds)
                let responded: Int64? = status == .new || (status == .assigned && random.chance(0.5)) ? nil : created + Int64.random(in: 300...14_400, using: &random)
                let resolved: Int64? = [.resolved, .deployed, .closed].contains(status) ? min(nowSeconds, created + Int64.random(in: 3600...(86_400 * 5), using: &random)) : nil
                let closed: Int64? = status == .closed ? resolved.map { min(nowSeconds, $0 + 86_400) } : nil
                try insert.row { row in
                    row.bind(1, Int64(index + 1))
                    row.bind(2, Int64.random(in: 1...Int64(accountCount), using: &random))
                    row.bind(3, random.element(DemoVocabulary.ticketSubjects))
                    row.bind(4, "Reported by the customer. Steps and screenshots attached.")
                    row.bind(5, priority.rawValue)
                    row.bind(6, category.rawValue)
                    row.bind(7, teamID)
                    row.bind(8, assignee)
                    row.bind(9, status.rawValue)
                    row.bind(10, created)
                    row.bind(11, max(created, closed ?? resolved ?? responded ?? created))
                    row.bind(12, responded)
                    row.bind(13, resolved)
                    row.bind(14, closed)
                    row.bind(15, status == .closed ? Int64.random(in: 1...5, using: &random) : nil)
                }
                if index % 20_000 == 0 { progress(Double(index) / Double(count)) }
            }
        }
        progress(1)
    }

    /// The support teams' calendar (Europe/Berlin, like their business hours in the demo configuration).
    private static let workCalendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Europe/Berlin")!
        return calendar
    }()

    /// Customers write in mostly during the support teams' working day (else most first responses would come before
    /// the day opens, in zero business hours): a generated creation time is moved into Monday–Friday 09:00–17:00
    /// Berlin time of the same week (the hour of day squeezed into those eight, a weekend to the Friday before),
    /// unless that would put it after `now`. No random draws, so the rest of the demo stays the same for a seed.
    static func duringWorkingDay(_ seconds: Int64, now: Int64) -> Int64 {
        let parts = workCalendar.dateComponents([.weekday, .hour], from: Date(timeIntervalSince1970: TimeInterval(seconds)))
        guard let weekday = parts.weekday, let hour = parts.hour else { return seconds }
        let days: Int64 = weekday == 7 ? -1 : weekday == 1 ? -2 : 0
        let moved = seconds + days * 86_400 + Int64(9 + hour / 3 - hour) * 3_600
        return moved <= now - 300 ? moved : seconds
    }
}
