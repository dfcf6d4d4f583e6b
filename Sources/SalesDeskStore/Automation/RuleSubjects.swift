import Foundation
import GRDB
import SalesDeskAutomation
import SalesDeskDomain

/// Reads a record into the ``RuleSubject`` rules evaluate: its fields by the desk's names, its owner, the merge texts.
/// The statements are cached, and owners and team time zones are read once per instance (a batch of events, a dry
/// run: one transaction, where no rule action changes a user or a team), since thousands of subjects share a few.
/// Leads and follow-ups can be read ahead, a whole batch in a query or two (``prefetch(_:_:)``): a batch of events or
/// of dry-run moments then reads its subjects from memory instead of two or three lookups per record.
final class RuleSubjects {
    let configuration: DeskConfiguration
    private typealias OwnerPart = (fields: [RuleField: FieldValue], merge: [String: String], team: String?)
    private typealias LeadPart = (lead: Lead, contactName: String)
    private var owners: [Int64: OwnerPart] = [:]
    private var teamZones: [String: String?] = [:]
    private var prefetched: [Int64: LeadPart] = [:]
    private var prefetchedFollowUps: [Int64: Activity] = [:]
    /// Whether leads' merge texts are filled in (plans need them; a dry run's conditions for trials it does not show do not).
    var readsMergeValues = true

    init(configuration: DeskConfiguration) {
        self.configuration = configuration
    }

    /// The subject for `kind` #`id`, or nil when the record is gone.
    func subject(_ db: Database, _ kind: RecordKind, _ id: Int64, now: Date) throws -> RuleSubject? {
        var subject: RuleSubject? = switch kind {
        case .lead: try lead(db, id, now: now)
        case .ticket: try ticket(db, id)
        case .followUp: try followUp(db, id, now: now)
        case .account: try account(db, id)
        }
        if let team = subject?.ownerTeam {
            subject?.timeZoneID = try teamZone(db, team)
        }
        return subject
    }

    /// Reads the follow-ups and leads among `records` ahead — the follow-ups in one query, then the leads (theirs
    /// too) with their contacts' names in one joined query — replacing what an earlier call read ahead (so memory
    /// stays bounded by one batch). A record not found is read (as gone) by ``subject(_:_:_:now:)`` itself.
    func prefetch(_ db: Database, _ records: some Sequence<(kind: RecordKind, id: Int64)>) throws {
        forgetPrefetched()
        var leadIDs: Set<Int64> = []
        var followUpIDs: Set<Int64> = []
        for record in records {
            switch record.kind {
            case .lead: leadIDs.insert(record.id)
            case .followUp: followUpIDs.insert(record.id)
            case .ticket, .account: continue
            }
        }
        if !followUpIDs.isEmpty {
            let activities = try Activity.fetchCursor(db.cachedStatement(sql: "SELECT * FROM activity WHERE id IN (SELECT value FROM json_each(?))"),
                                                      arguments: [Self.jsonList(followUpIDs)])
            while let activity = try activities.next() {
                guard let id = activity.id else { continue }
                prefetchedFollowUps[id] = activity
                if case .lead(let leadID) = activity.record { leadIDs.insert(leadID) }
            }
        }
        guard !leadIDs.isEmpty else { return }
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT lead.*, contact.name AS contact_name FROM lead LEFT JOIN contact ON contact.id = lead.contact_id
            WHERE lead.id IN (SELECT value FROM json_each(?))
            """), arguments: [Self.jsonList(leadIDs)])
        while let row = try rows.next() {
            prefetched[row["id"]] = (try Lead(row: row), row["contact_name"] ?? "")
        }
    }

    /// `[3,7,12]`: ids for `json_each`, sorted so the look-ups walk the table in order.
    private static func jsonList(_ ids: Set<Int64>) -> String {
        "[" + ids.sorted().map(String.init).joined(separator: ",") + "]"
    }

    /// Drops what was read ahead for lead `id` and its follow-ups (a rule action changed the lead, and may have
    /// reassigned or cancelled its follow-ups), or everything when `id` is nil.
    func forgetPrefetched(lead id: Int64? = nil) {
        guard let id else {
            prefetched.removeAll(keepingCapacity: true)
            prefetchedFollowUps.removeAll(keepingCapacity: true)
            return
        }
        prefetched[id] = nil
        prefetchedFollowUps = prefetchedFollowUps.filter { $0.value.record != .lead(id) }
    }

    private func teamZone(_ db: Database, _ team: String) throws -> String? {
        if let zone = teamZones[team] { return zone }
        let zone = try String.fetchOne(db.cachedStatement(sql: "SELECT time_zone FROM team WHERE name = ?"), arguments: [team])
        teamZones[team] = zone
        return zone
    }

    /// The owner's fields, merge texts and team.
    private func owner(_ db: Database, _ userID: Int64?) throws -> OwnerPart {
        guard let userID else { return ([:], [:], nil) }
        if let known = owners[userID] { return known }
        let part = try readOwner(db, userID)
        owners[userID] = part
        return part
    }

    private func readOwner(_ db: Database, _ userID: Int64) throws -> OwnerPart {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT u.handle, u.name, u.role, t.name AS team, m.name AS manager
            FROM user u LEFT JOIN team t ON t.id = u.team_id LEFT JOIN user m ON m.id = COALESCE(u.manager_id, t.manager_id)
            WHERE u.id = ?
            """), arguments: [userID]) else { return ([:], [:], nil) }
        let team: String? = row["team"]
        let role = Role(rawValue: row["role"]) ?? .rep
        return ([.owner: .person(handle: row["handle"], name: row["name"]), .team: team.map(FieldValue.text) ?? FieldValue.missing,
                 .role: .choice(key: role.rawValue, label: role.label)],
                ["owner.name": row["name"], "owner.handle": row["handle"], "manager.name": row["manager"] ?? "—", "team.name": team ?? "—"],
                team)
    }

    private func readLead(_ db: Database, _ id: Int64) throws -> LeadPart? {
        if let known = prefetched[id] { return known }
        guard let lead = try Lead.fetchOne(db.cachedStatement(sql: "SELECT * FROM lead WHERE id = ?"), arguments: [id]) else { return nil }
        let contactName = try String.fetchOne(db.cachedStatement(sql: "SELECT name FROM contact WHERE id = ?"), arguments: [lead.contactID]) ?? ""
        return (lead, contactName)
    }

    private func lead(_ db: Database, _ id: Int64, now: Date) throws -> RuleSubject? {
        guard let (lead, contactName) = try readLead(db, id) else { return nil }
        let pipeline = configuration.pipeline
        let (ownerFields, ownerMerge, team) = try owner(db, lead.ownerID)
        let stageName = pipeline.name(of: lead.stage)
        let major = Double(lead.value.minorUnits) / pow(10, Double(lead.value.currency.minorUnitDigits))
        var fields = ownerFields
        fields[.stage] = .choice(key: lead.stage.rawValue, label: stageName)
        fields[.value] = .number(major)
        fields[.source] = .choice(key: lead.source.rawValue, label: lead.source.label)
        fields[.score] = .number(Double(lead.score))
        fields[.tags] = .list(lead.tags)
        fields[.title] = .text(lead.title)
        fields[.name] = .text(contactName)
        fields[.partner] = lead.partner.map(FieldValue.text) ?? FieldValue.missing
        var merge = ownerMerge
        if readsMergeValues {
            merge["lead.name"] = lead.title
            merge["lead.title"] = lead.title
            merge["lead.value"] = lead.value.description
            merge["lead.stage"] = stageName
            merge["lead.days_in_stage"] = String(max(0, Int(now.timeIntervalSince(lead.lastTouchedAt) / 86_400)))
            merge["lead.source"] = lead.source.label
            merge["lead.score"] = String(lead.score)
        }
        return RuleSubject(kind: .lead, id: id, fields: fields, ownerTeam: team, isOnHold: lead.isOnHold, lastTouchedAt: lead.lastTouchedAt,
                           stallDays: pipeline.definition(of: lead.stage)?.stallDays, mergeValues: merge)
    }

    private func ticket(_ db: Database, _ id: Int64) throws -> RuleSubject? {
        guard let ticket = try Ticket.fetchOne(db, id: id) else { return nil }
        let (ownerFields, ownerMerge, ownerTeam) = try owner(db, ticket.assigneeID)
        let team = try ticket.teamID.flatMap { try String.fetchOne(db, sql: "SELECT name FROM team WHERE id = ?", arguments: [$0]) }
        var fields = ownerFields
        if let assignee = ownerFields[.owner] { fields[.assignee] = assignee }
        fields[.status] = .choice(key: ticket.status.rawValue, label: ticket.status.label)
        fields[.priority] = .choice(key: ticket.priority.rawValue, label: ticket.priority.label)
        fields[.category] = .choice(key: ticket.category.rawValue, label: ticket.category.label)
        fields[.team] = team.map(FieldValue.text) ?? FieldValue.missing
        fields[.subject] = .text(ticket.subject)
        var merge = ownerMerge
        merge["ticket.number"] = ticket.number
        merge["ticket.subject"] = ticket.subject
        merge["ticket.status"] = ticket.status.label
        merge["ticket.priority"] = ticket.priority.label
        merge["team.name"] = team ?? "—"
        return RuleSubject(kind: .ticket, id: id, fields: fields, ownerTeam: ownerTeam, lastTouchedAt: ticket.updatedAt, mergeValues: merge)
    }

    private func followUp(_ db: Database, _ id: Int64, now: Date) throws -> RuleSubject? {
        guard let activity = try prefetchedFollowUps[id] ?? Activity.fetchOne(db, id: id) else { return nil }
        let (ownerFields, ownerMerge, team) = try owner(db, activity.ownerID)
        var fields = ownerFields
        fields[.type] = .choice(key: activity.type.rawValue, label: activity.type.label)
        fields[.subject] = .text(activity.subject)
        var merge = ownerMerge
        if case .lead(let leadID) = activity.record, let lead = try self.lead(db, leadID, now: now) {
            merge.merge(lead.mergeValues) { own, _ in own }
        }
        merge["followup.subject"] = activity.subject
        merge["followup.type"] = activity.type.label
        merge["followup.due"] = ISO8601.instant(activity.dueAt)
        return RuleSubject(kind: .followUp, id: id, fields: fields, ownerTeam: team, mergeValues: merge)
    }

    private func account(_ db: Database, _ id: Int64) throws -> RuleSubject? {
        guard let account = try Account.fetchOne(db, id: id) else { return nil }
        let (ownerFields, ownerMerge, team) = try owner(db, account.ownerID)
        var fields = ownerFields
        fields[.name] = .text(account.name)
        var merge = ownerMerge
        merge["account.name"] = account.name
        return RuleSubject(kind: .account, id: id, fields: fields, ownerTeam: team, mergeValues: merge)
    }
}

extension RecordKind {
    /// The `record_kind` the store writes for this kind (`activity` for follow-ups).
    var storedKind: String { self == .followUp ? "activity" : rawValue }

    /// The rule kind for a stored `record_kind`.
    init?(storedKind: String) {
        self.init(rawValue: storedKind == "activity" ? "follow-up" : storedKind)
    }
}
