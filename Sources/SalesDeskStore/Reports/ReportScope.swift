import Foundation
import GRDB
import SalesDeskDomain

/// Whose figures a report may show a reader, enforced here for every report and export.
///
/// - A **rep** (or support rep) sees their own figures only.
/// - A **manager** sees their team's: the members of their team and the people who report to them.
/// - An **admin** sees everyone's.
///
/// Asking for a team or an owner outside that reach is refused with ``DomainError/notPermitted(_:)``, never
/// answered with an empty report that looks like "no deals".
public struct ReportScope: Equatable, Sendable {
    /// The users whose records count, by id, with their names for the tables.
    public var people: [Int64: String]
    /// The sales reps among ``people`` (the scorecard's and the activity report's lines).
    public var reps: [Int64: String]
    /// Whether the reader asked for nothing narrower than everything they may see (admins: the whole company,
    /// which also includes records whose owner left).
    public var isEveryone: Bool
    /// Names of the teams in the scope (for titles).
    public var description: String

    /// The owner ids for SQL `IN (…)`, nil for everyone.
    public var ownerIDs: [Int64]? { isEveryone ? nil : people.keys.sorted() }
}

/// What a report is asked for: the period and the optional narrowing by team, owner and source.
public struct ReportRequest: Equatable, Sendable {
    public var period: ReportPeriod
    /// A team name (case-insensitive).
    public var team: String?
    /// An owner's handle.
    public var owner: String?
    public var source: LeadSource?

    public init(period: ReportPeriod, team: String? = nil, owner: String? = nil, source: LeadSource? = nil) {
        self.period = period
        self.team = team
        self.owner = owner
        self.source = source
    }
}

extension AppDatabase {
    /// The people whose figures `reader` may see, narrowed to `team` and `owner` when given.
    public func reportScope(for reader: User, team: String? = nil, owner: String? = nil) throws -> ReportScope {
        try writer.read { db in try reportScope(db, for: reader, team: team, owner: owner) }
    }

    func reportScope(_ db: Database, for reader: User, team: String?, owner: String?) throws -> ReportScope {
        guard let readerID = reader.id, let current = try User.fetchOne(db, id: readerID), current.isActive else {
            throw DomainError.notFound("Desk user \(reader.handle)")
        }
        let everyone = try User.fetchAll(db)
        let visible: [User]
        switch current.role {
        case .admin: visible = everyone
        case .manager: visible = everyone.filter { $0.id == readerID || ($0.teamID != nil && $0.teamID == current.teamID) || $0.managerID == readerID }
        case .rep, .support: visible = everyone.filter { $0.id == readerID }
        }
        var chosen = visible
        var label = current.role == .admin ? "Everyone" : current.role == .manager ? "Your team" : current.name
        var narrowed = false
        if let team {
            guard let found = try Team.fetchOne(db, sql: "SELECT * FROM team WHERE name = ? COLLATE NOCASE", arguments: [team]) else {
                throw DomainError.notFound("Team '\(team)'")
            }
            let members = everyone.filter { $0.teamID == found.id }.compactMap(\.id)
            guard current.role == .admin || members.allSatisfy({ id in visible.contains { $0.id == id } }) else {
                throw DomainError.notPermitted("\(current.name) may see the figures of their own team only, not of \(found.name).")
            }
            chosen = chosen.filter { $0.teamID == found.id }
            label = found.name
            narrowed = true
        }
        if let owner {
            guard let found = everyone.first(where: { $0.handle.caseInsensitiveCompare(owner) == .orderedSame }) else {
                throw DomainError.notFound("Desk user '\(owner)'")
            }
            guard visible.contains(where: { $0.id == found.id }) else {
                throw DomainError.notPermitted("\(current.name) may not see \(found.name)'s figures.")
            }
            chosen = chosen.filter { $0.id == found.id }
            label = found.name
            narrowed = true
        }
        return ReportScope(
            people: Dictionary(uniqueKeysWithValues: chosen.compactMap { user in user.id.map { ($0, user.name) } }),
            reps: Dictionary(uniqueKeysWithValues: chosen.filter { $0.role == .rep }.compactMap { user in user.id.map { ($0, user.name) } }),
            isEveryone: current.role == .admin && !narrowed, description: label)
    }
}
