import Foundation
import GRDB
import SalesDeskDomain

extension AppDatabase {
    /// Sets (or replaces) the quota of a rep or a team for one period; managers and admins only.
    ///
    /// A manager sets quotas for their own team and its people; the target cannot be negative.
    public func setQuota(_ quota: Quota, by user: User) throws {
        let at = now()
        guard quota.target.minorUnits >= 0 else { throw DomainError.invalidField(field: "quota", reason: "cannot be negative") }
        guard quota.period.end > quota.period.start else { throw DomainError.invalidField(field: "period", reason: "ends before it starts") }
        try writer.write { db in
            try require(db, .setQuotas, by: user)
            let scope = try reportScope(db, for: user, team: nil, owner: nil)
            let (kind, holderID, holderName): (String, Int64, String)
            switch quota.holder {
            case .rep(let id):
                guard let rep = try User.fetchOne(db, id: id) else { throw DomainError.notFound("Desk user #\(id)") }
                guard scope.isEveryone || scope.people[id] != nil else {
                    throw DomainError.notPermitted("\(user.name) may set quotas for their own team only, not for \(rep.name).")
                }
                (kind, holderID, holderName) = ("rep", id, rep.name)
            case .team(let id):
                guard let team = try Team.fetchOne(db, id: id) else { throw DomainError.notFound("Team #\(id)") }
                guard user.role == .admin || team.id == user.teamID else {
                    throw DomainError.notPermitted("\(user.name) may set quotas for their own team only, not for \(team.name).")
                }
                (kind, holderID, holderName) = ("team", id, team.name)
            }
            let previous = try Int64.fetchOne(db, sql: """
                SELECT target_minor FROM quota WHERE holder_kind = ? AND holder_id = ? AND period_start = ? AND period_end = ?
                """, arguments: [kind, holderID, quota.period.start.epochSeconds, quota.period.end.epochSeconds])
            try db.execute(sql: """
                INSERT INTO quota (holder_kind, holder_id, period_start, period_end, time_zone, target_minor, currency, set_by, set_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (holder_kind, holder_id, period_start, period_end) DO UPDATE SET
                    target_minor = excluded.target_minor, currency = excluded.currency, set_by = excluded.set_by, set_at = excluded.set_at
                """, arguments: [kind, holderID, quota.period.start.epochSeconds, quota.period.end.epochSeconds, quota.period.timeZoneID,
                                 quota.target.minorUnits, quota.target.currency.rawValue, user.id, at.epochSeconds])
            let reference: RecordReference = kind == "team" ? .team(holderID) : .user(holderID)
            try AuditLog.changed(db, reference, action: "set_quota", by: user.id, at: at, [
                .init(field: "quota for \(holderName), \(quota.period.label)",
                      before: previous.map { Money(minorUnits: $0, currency: quota.target.currency).description }, after: quota.target.description),
            ])
        }
    }

    /// Quotas whose period lies within `period` (a quarter holds its months' quotas too), for the given holders.
    public func quotas(within period: ReportPeriod) throws -> [Quota] {
        try writer.read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM quota WHERE period_start >= ? AND period_end <= ? ORDER BY period_start, holder_kind, holder_id
                """, arguments: [period.start.epochSeconds, period.end.epochSeconds])
            .compactMap { row in
                guard let currency = CurrencyCode(rawValue: row["currency"]) else { return nil }
                let id: Int64 = row["holder_id"]
                return Quota(holder: (row["holder_kind"] as String) == "team" ? .team(id) : .rep(id),
                             period: ReportPeriod(start: Date(epochSeconds: row["period_start"]), end: Date(epochSeconds: row["period_end"]),
                                                  timeZoneID: row["time_zone"]),
                             target: Money(minorUnits: row["target_minor"], currency: currency))
            }
        }
    }

    /// Sets the forecast category of a lead (nil: back to its stage's default); its owner, a manager or an admin.
    @discardableResult
    public func setForecastCategory(_ leadID: Int64, _ category: ForecastCategory?, by user: User) throws -> Lead {
        let at = now()
        return try writer.write { db in
            let lead = try fetchLead(db, leadID)
            try require(db, .editLead, by: user, ownerID: lead.ownerID, record: "lead #\(leadID)")
            guard configuration.pipeline.isOpen(lead.stage) else {
                throw DomainError.invalidField(field: "forecast category", reason: "only open deals have one; this deal is \(configuration.pipeline.name(of: lead.stage))")
            }
            guard category != .closed else {
                throw DomainError.invalidField(field: "forecast category", reason: "Closed is for won deals; move the deal to Won instead")
            }
            let before = try String.fetchOne(db, sql: "SELECT forecast_category FROM lead WHERE id = ?", arguments: [leadID])
            try db.execute(sql: "UPDATE lead SET forecast_category = ?, updated_at = ? WHERE id = ?",
                           arguments: [category?.rawValue, at.epochSeconds, leadID])
            let label = { (code: String?) in code.flatMap(ForecastCategory.init(rawValue:))?.label ?? "from stage" }
            try AuditLog.changed(db, .lead(leadID), action: "forecast_category", by: user.id, at: at, [
                .init(field: "forecast category", before: label(before), after: label(category?.rawValue)),
            ])
            return try fetchLead(db, leadID)
        }
    }
}
