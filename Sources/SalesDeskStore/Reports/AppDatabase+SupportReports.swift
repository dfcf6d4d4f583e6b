import Foundation
import GRDB
import SalesDeskDomain

extension AppDatabase {
    /// The support figures of the tickets created in the period that the scope's people are assigned to (everyone's
    /// for admins), from each ticket's stored figures (``TicketFigures``).
    ///
    /// A ticket's first response is judged by the breach its clock recorded (by the scheduler, a late reply or closing
    /// late without one — what its detail screen shows); a ticket still unanswered and open with no breach recorded
    /// yet is judged by its running clock at `now`, as its detail screen does.
    ///
    /// From the summaries: the counts, waits and median histograms are summed from `report_ticket_sum` and
    /// `report_ticket_span` over the period's pieces (``SummaryBuckets``), and each median is read exactly from its
    /// span's tickets. From `.rows` (or a period not cut on whole UTC hours): the period's tickets are summed. Both agree.
    public func supportFigures(_ request: ReportRequest, scope: ReportScope, now: Date, reading: ReportReading = .summaries) throws -> SupportFigures {
        if scope.ownerIDs?.isEmpty == true {
            // Nobody in scope (a team without members): nothing to count.
            return SupportFigures(groups: [], breaches: [], medianFirstResponseSeconds: nil, medianResolutionSeconds: nil,
                                  reopened: 0, resolved: 0, pendingSeconds: 0)
        }
        let period = (start: request.period.start.epochSeconds, end: request.period.end.epochSeconds)
        let pieces = reading == .summaries ? SummaryBuckets.pieces(from: period.start, to: period.end) : nil
        let configuration = configuration
        return try writer.read { db in
            var reader = try SupportFiguresReader(db, configuration: configuration, start: period.start, end: period.end, scope: scope, now: now)
            if let pieces { try reader.sum(pieces) } else { try reader.sumRows() }
            try reader.addBreaches()
            return try reader.figures(pieces: pieces)
        }
    }

    /// Open tickets (not Resolved, Deployed or Closed) of the scope, counted by status and category: a range of
    /// `ticket_backlog` per open status.
    public func ticketBacklog(scope: ReportScope) throws -> [BacklogCount] {
        var sql = ReportSQL()
        sql.owners(scope, column: "assignee_id")
        let open = TicketStatus.allCases.filter { !$0.isSettled }.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        return try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT status, category, COUNT(*) AS tickets FROM ticket INDEXED BY ticket_backlog
                WHERE status IN (\(open))\(sql.clause) GROUP BY status, category
                """, arguments: sql.arguments)
            .compactMap { row in
                guard let status = TicketStatus(rawValue: row["status"]), let category = TicketCategory(rawValue: row["category"]) else { return nil }
                return BacklogCount(status: status, category: category, tickets: row["tickets"])
            }
        }
    }
}
