import Foundation
import GRDB
import SalesDeskDomain

/// Writes one batch of validated leads inside the caller's transaction: dedupe look-ups, merge,
/// account, contact, lead with its score breakdown, search row and first follow-up.
///
/// Contacts are deduplicated, deals are not: a row whose contact exists (same email or phone) but whose
/// deal is new (another title, another external id) becomes a new lead on that contact. A row is a
/// duplicate when its external id is already imported, or its contact exists and either the row carries
/// no deal of its own or the contact already has the same open deal.
///
/// Prepared statements are bound through SQLite's C API (``BulkInsert``, ``PreparedLookup``), so a
/// row costs a few index look-ups and inserts; the board totals are summed per batch
/// (``SuspendedTotalsTrigger``) and added by ``finish()``, which the caller runs before committing.
/// In a dry run nothing is inserted and within-file duplicates are found through ``seenKeys``
/// instead of the rows the batch would have written.
struct ImportBatchWriter {
    /// What happened to one validated row.
    enum Outcome: Equatable {
        case imported(ownerID: Int64, possibleDuplicate: Bool)
        case merged
        case skipped
    }

    let db: Database
    let policy: DuplicatePolicy
    let dryRun: Bool
    let at: Date
    let userID: Int64
    let followUps: FirstFollowUpRule
    /// The reminder offsets of a follow-up's owner, by owner id (the scheduler's due work for first follow-ups).
    let reminderPlan: (Int64) -> ReminderPlan
    /// A planned follow-up still open this long after its due time escalates to the owner's manager.
    let overdueEscalation: TimeInterval
    private let byEmail: PreparedLookup
    private let byPhone: PreparedLookup
    private let byMatchKey: PreparedLookup
    private let accountByName: PreparedLookup
    private let byExternalID: PreparedLookup
    private var inserts: Inserts?
    private var totals: SuspendedTotalsTrigger?
    /// The report summaries' triggers, suspended the same way for the batch.
    private var summaries: SuspendedSummaryTriggers?

    private struct Inserts {
        let account: BulkInsert
        let contact: BulkInsert
        let lead: BulkInsert
        let search: BulkInsert
        let activity: BulkInsert
        let customer: BulkInsert
        let job: BulkInsert
        let stageHistory: BulkInsert
        /// The lead's "created" event for the rules (an import writes no audit entry per lead).
        let created: BulkInsert
        /// Sets an account's yearly revenue when it has none yet.
        let revenue: BulkInsert
        init(_ db: Database) throws {
            account = try BulkInsert(db, sql: "INSERT INTO account (name, status, owner_id, created_at) VALUES (?, 'prospect', ?, ?)")
            contact = try BulkInsert(db, sql: """
                INSERT INTO contact (name, email, email_key, phone, title, account_id, created_at, match_key, do_not_call, email_opt_out, country)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            lead = try BulkInsert(db, sql: """
                INSERT INTO lead (contact_id, account_id, title, source, partner, owner_id, stage, value_minor, currency,
                    expected_close_date, score, tags, stage_entered_at, last_touched_at, loss_reason, loss_note, created_at, updated_at,
                    score_breakdown, external_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            revenue = try BulkInsert(db, sql: """
                UPDATE account SET annual_revenue_minor = ?, annual_revenue_currency = ? WHERE id = ? AND annual_revenue_minor IS NULL
                """)
            search = try BulkInsert(db, sql: "INSERT INTO search (rowid, title, body) VALUES (?, ?, ?)")
            activity = try BulkInsert(db, sql: """
                INSERT INTO activity (type, subject, notes, due_at, owner_id, record_kind, record_id, created_at)
                VALUES (?, ?, ?, ?, ?, 'lead', ?, ?)
                """)
            customer = try BulkInsert(db, sql: "UPDATE account SET status = 'customer' WHERE id = ?")
            job = try BulkInsert(db, sql: """
                INSERT INTO scheduled_job (kind, record_kind, record_id, level, due_at, event_at) VALUES (?, 'activity', ?, ?, ?, ?)
                """)
            stageHistory = try BulkInsert(db, sql: "INSERT INTO lead_stage_change (lead_id, from_stage, to_stage, at, user_id) VALUES (?, NULL, ?, ?, ?)")
            created = try BulkInsert(db, sql: "INSERT INTO automation_event (kind, record_kind, record_id, at) VALUES ('created', 'lead', ?, ?)")
        }
    }

    init(_ db: Database, policy: DuplicatePolicy, dryRun: Bool, at: Date, userID: Int64, followUps: FirstFollowUpRule,
         reminderPlan: @escaping (Int64) -> ReminderPlan, overdueEscalation: TimeInterval) throws {
        self.reminderPlan = reminderPlan
        self.overdueEscalation = overdueEscalation
        self.db = db
        self.policy = policy
        self.dryRun = dryRun
        self.at = at
        self.userID = userID
        self.followUps = followUps
        byEmail = try PreparedLookup(db, sql: "SELECT id FROM contact WHERE email_key = ? LIMIT 1")
        byPhone = try PreparedLookup(db, sql: "SELECT id FROM contact WHERE phone = ? LIMIT 1")
        byMatchKey = try PreparedLookup(db, sql: "SELECT id FROM contact WHERE match_key = ? LIMIT 1")
        accountByName = try PreparedLookup(db, sql: "SELECT id FROM account WHERE name = ? COLLATE NOCASE LIMIT 1")
        byExternalID = try PreparedLookup(db, sql: "SELECT id FROM lead WHERE external_id = ? LIMIT 1")
        // The trigger goes before the statements are prepared, so none of them is compiled with it.
        totals = dryRun ? nil : try SuspendedTotalsTrigger(db)
        summaries = dryRun ? nil : try SuspendedSummaryTriggers(db)
        inserts = dryRun ? nil : try Inserts(db)
    }

    /// Adds the batch's leads to the board totals and restores their trigger; call once, after the last ``write(_:ownerID:)``.
    mutating func finish() throws {
        inserts = nil
        try totals?.finish(db)
        totals = nil
        try summaries?.finish(db)
        summaries = nil
    }

    /// Dry runs only: keys of rows accepted earlier in the file.
    var seenKeys = Set<String>()

    /// Writes (or, in a dry run, judges) one lead owned by `ownerID`.
    mutating func write(_ validated: ValidatedBatch.Row, ownerID: @autoclosure () -> Int64) throws -> Outcome {
        let lead = validated.lead
        var knownContact: Int64?
        if let existing = try existingContact(lead) {
            let newDeal = try isNewDeal(lead, contactID: existing)
            switch policy {
            case .skip where !newDeal: return .skipped
            case .merge:
                if !dryRun { try merge(lead, into: existing) }
                if !newDeal { return .merged }
            default: break
            }
            // A new deal for a known contact is a new lead on that contact (unless --on-duplicate create).
            if newDeal && policy != .create { knownContact = existing }
        } else if try isKnownDeal(lead) {
            if policy != .create { return .skipped }
        }
        let matchKey = validated.matchKey
        // A new deal on a known contact is that contact's, not a possible duplicate of it.
        let possibleDuplicate = try knownContact != nil ? false : matchKey.map { key in
            try byMatchKey.int64(key) != nil || (dryRun && !seenKeys.insert("m:" + key).inserted)
        } ?? false
        let owner = ownerID()
        guard let inserts else { return .imported(ownerID: owner, possibleDuplicate: possibleDuplicate) }
        let seconds = at.epochSeconds
        let accountID = try lead.company.map { try account(named: $0, ownerID: owner, inserts: inserts) }
        if let accountID, let revenue = lead.annualRevenue {
            try inserts.revenue.row { row in
                row.bind(1, revenue.minorUnits)
                row.bind(2, revenue.currency.rawValue)
                row.bind(3, accountID)
            }
        }
        let contactID = try knownContact ?? insertContact(lead, accountID: accountID, matchKey: matchKey, inserts: inserts)
        let score = validated.score
        let tags = (lead.tags + (possibleDuplicate ? ["possible-duplicate"] : [])).joined(separator: ",")
        try inserts.lead.row { row in
            row.bind(1, contactID)
            row.bind(2, accountID)
            row.bind(3, lead.dealTitle)
            row.bind(4, lead.source.rawValue)
            row.bind(5, lead.partner)
            row.bind(6, owner)
            row.bind(7, lead.stage.rawValue)
            row.bind(8, lead.value.minorUnits)
            row.bind(9, lead.value.currency.rawValue)
            row.bind(10, lead.expectedCloseDate?.epochSeconds)
            row.bind(11, score)
            row.bind(12, tags)
            row.bind(13, seconds)
            row.bind(14, seconds)
            row.bind(15, lead.lossReason?.code)
            row.bind(16, lead.lossReason?.note)
            row.bind(17, lead.createdAt?.epochSeconds ?? seconds)
            row.bind(18, seconds)
            row.bind(19, ScoreBreakdownJSON.encode(validated.breakdown))
            row.bind(20, lead.externalID)
        }
        let leadID = inserts.lead.lastInsertedRowID
        // An imported lead starts its history in the stage the file gives (see History).
        try inserts.stageHistory.row { row in
            row.bind(1, leadID)
            row.bind(2, lead.stage.rawValue)
            row.bind(3, seconds)
            row.bind(4, userID)
        }
        try inserts.created.row { row in
            row.bind(1, leadID)
            row.bind(2, seconds)
        }
        try totals?.add(stage: lead.stage.rawValue, ownerID: owner, currency: lead.value.currency.rawValue, valueMinor: lead.value.minorUnits)
        if lead.stage == .won, let accountID {
            // A won deal's account is a customer (history only: no handoff ticket or team notification).
            try inserts.customer.row { row in row.bind(1, accountID) }
        }
        try inserts.search.row { row in
            row.bind(1, SearchIndex.rowID(.lead, leadID))
            row.bind(2, lead.contactName)
            row.bind(3, SearchIndex.leadBody(title: lead.dealTitle, company: lead.company, tags: tags))
        }
        if lead.stage != .won, lead.stage != .lost, let step = followUps.step(forScore: score, consent: lead.consent) {
            try inserts.activity.row { row in
                row.bind(1, step.type.rawValue)
                row.bind(2, step.subject)
                row.bind(3, lead.notes ?? "")
                row.bind(4, seconds + Int64(step.dueAfter))
                row.bind(5, owner)
                row.bind(6, leadID)
                row.bind(7, seconds)
            }
            // The first follow-up gets its reminders and overdue escalation like any scheduled one
            // (a new follow-up has no jobs to replace, so they are plain inserts).
            let activityID = inserts.activity.lastInsertedRowID
            let dueAt = Date(epochSeconds: seconds + Int64(step.dueAfter))
            for job in ScheduledWork.followUpJobs(dueAt: dueAt, plan: reminderPlan(owner), escalationDelay: overdueEscalation) {
                try inserts.job.row { row in
                    row.bind(1, job.kind.rawValue)
                    row.bind(2, activityID)
                    row.bind(3, job.level)
                    row.bind(4, job.dueAt.epochSeconds)
                    row.bind(5, dueAt.epochSeconds)
                }
            }
        }
        return .imported(ownerID: owner, possibleDuplicate: possibleDuplicate)
    }

    private func insertContact(_ lead: ImportedLead, accountID: Int64?, matchKey: String?, inserts: Inserts) throws -> Int64 {
        try inserts.contact.row { row in
            row.bind(1, lead.contactName)
            row.bind(2, lead.email)
            row.bind(3, lead.emailKey)
            row.bind(4, lead.phone)
            row.bind(5, lead.jobTitle)
            row.bind(6, accountID)
            row.bind(7, at.epochSeconds)
            row.bind(8, matchKey)
            row.bind(9, lead.consent.doNotCall ? 1 : 0)
            row.bind(10, lead.consent.emailOptOut ? 1 : 0)
            row.bind(11, lead.country)
        }
        return inserts.contact.lastInsertedRowID
    }

    /// Whether the row's external id was imported before (by an earlier run or row).
    private mutating func isKnownDeal(_ lead: ImportedLead) throws -> Bool {
        guard let externalID = lead.externalID else { return false }
        if try byExternalID.int64(externalID) != nil { return true }
        return dryRun && !seenKeys.insert("x:" + externalID).inserted
    }

    /// Whether the row brings a deal the known contact does not have yet: it names a deal of its own
    /// (a deal title or an external id) and neither its external id nor an open lead of the same title exists.
    private mutating func isNewDeal(_ lead: ImportedLead, contactID: Int64) throws -> Bool {
        guard lead.namesDeal, try !isKnownDeal(lead) else { return false }
        if dryRun {
            let contactKey = lead.emailKey ?? lead.phone ?? ""
            guard seenKeys.insert("t:\(contactKey)|\(lead.dealTitle)").inserted else { return false }
            return try contactID == 0 || !hasOpenDeal(contactID: contactID, title: lead.dealTitle)
        }
        return try !hasOpenDeal(contactID: contactID, title: lead.dealTitle)
    }

    private func hasOpenDeal(contactID: Int64, title: String) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: """
            SELECT EXISTS (SELECT 1 FROM lead WHERE contact_id = ? AND title = ? AND stage NOT IN ('won', 'lost'))
            """), arguments: [contactID, title]) ?? false
    }

    private mutating func existingContact(_ lead: ImportedLead) throws -> Int64? {
        if let key = lead.emailKey, let id = try byEmail.int64(key) { return id }
        if let phone = lead.phone, let id = try byPhone.int64(phone) { return id }
        guard dryRun else { return nil }
        // A dry run writes nothing, so earlier rows of the file are remembered here instead.
        let keys = [lead.emailKey.map { "e:" + $0 }, lead.phone.map { "p:" + $0 }].compactMap { $0 }
        let seen = keys.contains { seenKeys.contains($0) }
        if !seen || policy == .create { keys.forEach { seenKeys.insert($0) } }
        return seen ? 0 : nil
    }

    private func account(named name: String, ownerID: Int64, inserts: Inserts) throws -> Int64 {
        if let id = try accountByName.int64(name) { return id }
        try inserts.account.row { row in
            row.bind(1, name)
            row.bind(2, ownerID)
            row.bind(3, at.epochSeconds)
        }
        let id = inserts.account.lastInsertedRowID
        try inserts.search.row { row in
            row.bind(1, SearchIndex.rowID(.account, id))
            row.bind(2, name)
            row.bind(3, "")
        }
        return id
    }

    /// Fills the contact's empty fields from the row; never overwrites a value, never writes a blank.
    private func merge(_ lead: ImportedLead, into contactID: Int64) throws {
        guard let contact = try Contact.fetchOne(db, id: contactID) else { return }
        var changes: [AuditLog.Change] = []
        var updated = contact
        if contact.email == nil, let email = lead.email {
            updated.email = email
            changes.append(.init(field: "email", before: nil, after: email))
        }
        if contact.phone == nil, let phone = lead.phone {
            updated.phone = phone
            changes.append(.init(field: "phone", before: nil, after: phone))
        }
        if contact.title == nil, let title = lead.jobTitle {
            updated.title = title
            changes.append(.init(field: "title", before: nil, after: title))
        }
        if contact.accountID == nil, let company = lead.company, let inserts {
            updated.accountID = try account(named: company, ownerID: userID, inserts: inserts)
            changes.append(.init(field: "company", before: nil, after: company))
        }
        guard !changes.isEmpty else { return }
        try db.execute(sql: "UPDATE contact SET email = ?, email_key = ?, phone = ?, title = ?, account_id = ? WHERE id = ?",
                       arguments: [updated.email, updated.email.map(DedupeKey.email), updated.phone, updated.title, updated.accountID, contactID])
        try AuditLog.changed(db, .contact(contactID), action: "import_merge", by: userID, at: at, changes)
    }
}

/// The score breakdown as stored in `lead.score_breakdown`: `[{"reason":"Has email","points":10}]`.
enum ScoreBreakdownJSON {
    static func encode(_ lines: [LeadScoring.Contribution]) -> String {
        "[" + lines.map { "{\"reason\":\"\(escape($0.reason))\",\"points\":\($0.points)}" }.joined(separator: ",") + "]"
    }

    static func decode(_ text: String?) -> [LeadScoring.Contribution]? {
        guard let data = text?.data(using: .utf8) else { return nil }
        return try? JSONDecoder().decode([LeadScoring.Contribution].self, from: data)
    }

    private static func escape(_ text: String) -> String {
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20: result += String(format: "\\u%04x", scalar.value)
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
