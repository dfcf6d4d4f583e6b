import Foundation
import GRDB
import SalesDeskAutomation
import SalesDeskDomain

extension AppDatabase {
    /// Creates a contact, finds or creates the company's account, scores the lead and puts it in Open.
    ///
    /// Validation errors (blank name, bad email, unknown owner) throw ``DomainError`` and write nothing.
    @discardableResult
    public func createLead(_ input: NewLead, by user: User) throws -> Lead {
        let at = now()
        let name = try FieldRules.requiredName(input.contactName, field: "name")
        let email = try FieldRules.email(input.email)
        let phone = try input.phone.map { raw throws(DomainError) -> String in
            guard let normalised = PhoneNumber.e164(raw, defaultCountryCode: configuration.defaultCountryCode) else {
                throw DomainError.invalidField(field: "phone", reason: "'\(raw)' is not a phone number")
            }
            return normalised
        }
        let company = try FieldRules.optionalName(input.company, field: "company")
        let jobTitle = try FieldRules.optionalName(input.jobTitle, field: "job title")
        let dealTitle = try FieldRules.optionalName(input.dealTitle, field: "deal title") ?? "\(company ?? name) deal"
        let value = input.value ?? .zero(configuration.defaultCurrency)
        guard value.minorUnits >= 0 else { throw DomainError.invalidField(field: "value", reason: "cannot be negative") }
        let breakdown = LeadScoring().breakdown(for: .init(
            source: input.source, title: jobTitle, hasEmail: email != nil, hasPhone: phone != nil, hasCompany: company != nil))
        let score = min(100, max(0, breakdown.reduce(0) { $0 + $1.points }))

        return try writer.write { db in
            try require(db, .createLead, by: user, ownerID: input.ownerID, record: "the new lead's owner")
            guard let owner = try User.fetchOne(db, id: input.ownerID) else { throw DomainError.notFound("Owner #\(input.ownerID)") }
            try permissions.checkCanHold(.lead, owner)
            let accountID = try company.map { try findOrCreateAccount(db, named: $0, ownerID: input.ownerID, by: user, at: at) }
            var contact = Contact(name: name, email: email, phone: phone, title: jobTitle, accountID: accountID, createdAt: at)
            try contact.insert(db)
            var lead = Lead(
                contactID: contact.id!, accountID: accountID, title: dealTitle, source: input.source, partner: input.partner,
                ownerID: input.ownerID, value: value, expectedCloseDate: input.expectedCloseDate, score: score,
                tags: input.tags, stageEnteredAt: at, createdAt: at)
            try lead.insert(db)
            try db.execute(sql: "UPDATE lead SET score_breakdown = ? WHERE id = ?", arguments: [ScoreBreakdownJSON.encode(breakdown), lead.id])
            try db.execute(sql: "UPDATE contact SET match_key = ? WHERE id = ?",
                           arguments: [DedupeKey.nameAndCompany(name: name, company: company), contact.id])
            let reference = RecordReference.lead(lead.id!)
            try AuditLog.created(db, reference, by: user.id, at: at, summary: "\(name) (\(dealTitle))")
            try History.leadStage(db, lead: lead.id!, from: nil, to: lead.stage, at: at, by: user.id)
            try SearchIndex.indexLead(db, id: lead.id!)
            if var followUp = input.firstFollowUp {
                followUp.record = reference
                followUp.ownerID = followUp.ownerID ?? input.ownerID
                try insertFollowUp(db, followUp, by: user, at: at)
            }
            if input.ownerID != user.id {
                try Notifications.send(db, to: input.ownerID, kind: .assignment, record: reference,
                                       title: "New lead assigned: \(name)", body: dealTitle, at: at)
            }
            return lead
        }
    }

    /// Changes a lead's own fields and records each changed field in the audit log.
    @discardableResult
    public func updateLead(_ leadID: Int64, _ changes: LeadChanges, by user: User) throws -> Lead {
        let at = now()
        let title = try FieldRules.optionalName(changes.title, field: "deal title")
        return try writer.write { db in
            var lead = try fetchLead(db, leadID)
            try require(db, .editLead, by: user, ownerID: lead.ownerID, record: "lead #\(leadID)")
            let before = lead
            if let title { lead.title = title }
            if let value = changes.value {
                guard value.minorUnits >= 0 else { throw DomainError.invalidField(field: "value", reason: "cannot be negative") }
                lead.value = value
            }
            if let date = changes.expectedCloseDate { lead.expectedCloseDate = date }
            if let tags = changes.tags { lead.tags = tags }
            if let partner = changes.partner { lead.partner = partner }
            lead.updatedAt = at
            try lead.update(db)
            try AuditLog.changed(db, .lead(leadID), action: "update", by: user.id, at: at, [
                .init(field: "title", before: before.title, after: lead.title),
                .init(field: "value", before: before.value.description, after: lead.value.description),
                .init(field: "expected_close_date", before: before.expectedCloseDate.map(ISO8601.day), after: lead.expectedCloseDate.map(ISO8601.day)),
                .init(field: "tags", before: before.tags.joined(separator: ","), after: lead.tags.joined(separator: ",")),
                .init(field: "partner", before: before.partner, after: lead.partner),
            ])
            try SearchIndex.indexLead(db, id: leadID)
            return lead
        }
    }

    /// Moves a lead to another stage, enforcing the pipeline's rules.
    ///
    /// Lost needs a reason; Won turns the account into a customer, hands it to Customer Success
    /// with an onboarding ticket and tells the owner's team. Won and Lost cancel the lead's planned
    /// follow-ups (and their reminders), with one note on the lead's timeline.
    @discardableResult
    public func moveLead(_ leadID: Int64, to target: StageKey, reason: LossReason? = nil, by user: User) throws -> Lead {
        let at = now()
        return try writer.write { db in
            try moveLead(db, leadID, to: target, reason: reason, by: user, at: at)
        }
    }

    /// Moves a lead one stage forward ("next stage"): Open → First Contact → … → Integration Approved.
    ///
    /// The last open stage has no next one (Won or Lost is a choice), and neither have Won and Lost: those
    /// throw ``DomainError/invalidField(field:reason:)`` saying so, and nothing is written.
    @discardableResult
    public func advanceLead(_ leadID: Int64, by user: User) throws -> Lead {
        let at = now()
        let pipeline = configuration.pipeline
        return try writer.write { db in
            let stage = try fetchLead(db, leadID).stage
            guard let next = pipeline.nextStage(after: stage) else {
                let reason = pipeline.isOpen(stage)
                    ? "\(pipeline.name(of: stage)) is the last open stage: move the lead to Won or Lost"
                    : "a \(pipeline.name(of: stage)) lead has no next stage"
                throw DomainError.invalidField(field: "stage", reason: reason)
            }
            return try moveLead(db, leadID, to: next, reason: nil, by: user, at: at)
        }
    }

    func moveLead(_ db: Database, _ leadID: Int64, to target: StageKey, reason: LossReason?, by user: User, at: Date) throws -> Lead {
        var lead = try fetchLead(db, leadID)
        try require(db, .editLead, by: user, ownerID: lead.ownerID, record: "lead #\(leadID)")
        let move = try configuration.pipeline.validateMove(from: lead.stage, to: target, reason: reason)
        let before = lead
        lead.stage = target
        lead.stageEnteredAt = at
        lead.updatedAt = at
        lead.isOnHold = false
        if case .toLost(let reason) = move { lead.lossReason = reason } else { lead.lossReason = nil }
        // Only the columns that changed: a full-row UPDATE rewrites every one of the lead's index entries.
        try lead.updateChanges(db, from: before)
        let pipeline = configuration.pipeline
        try AuditLog.changed(db, .lead(leadID), action: "move_stage", by: user.id, at: at, [
            .init(field: "stage", before: pipeline.name(of: before.stage), after: pipeline.name(of: target)),
            .init(field: "loss_reason", before: before.lossReason?.description, after: lead.lossReason?.description),
            .init(field: "on_hold", before: before.isOnHold ? "yes" : "no", after: "no"),
        ])
        if !pipeline.isOpen(target) {
            try ClosedLeadFollowUps.cancel(db, leadID: leadID, stageName: pipeline.name(of: target), by: user.id, at: at)
        }
        try History.leadStage(db, lead: leadID, from: before.stage, to: target, at: at, by: user.id)
        if move == .toWon { try celebrateWin(db, lead, by: user, at: at) }
        return lead
    }

    /// Puts a lead in the hold stage On Hold (customer needs time), or takes it off hold.
    @discardableResult
    public func setLeadOnHold(_ leadID: Int64, _ onHold: Bool, by user: User) throws -> Lead {
        let at = now()
        return try writer.write { db in
            var lead = try fetchLead(db, leadID)
            try require(db, .editLead, by: user, ownerID: lead.ownerID, record: "lead #\(leadID)")
            if onHold { try configuration.pipeline.validateHold(in: lead.stage) }
            guard lead.isOnHold != onHold else { return lead }
            lead.isOnHold = onHold
            lead.updatedAt = at
            lead.lastActivityAt = at
            try lead.update(db)
            try AuditLog.changed(db, .lead(leadID), action: "hold", by: user.id, at: at, [
                .init(field: "on_hold", before: onHold ? "no" : "yes", after: onHold ? "yes" : "no"),
            ])
            return lead
        }
    }

    /// Gives a lead to another user and tells them.
    @discardableResult
    public func assignLead(_ leadID: Int64, to ownerID: Int64, by user: User) throws -> Lead {
        let at = now()
        return try writer.write { db in try assignLead(db, leadID, to: ownerID, by: user, at: at) }
    }

    @discardableResult
    func assignLead(_ db: Database, _ leadID: Int64, to ownerID: Int64, by user: User, at: Date) throws -> Lead {
        var lead = try fetchLead(db, leadID)
        try require(db, .assignLead, by: user, ownerID: lead.ownerID, record: "lead #\(leadID)")
        guard let owner = try User.fetchOne(db, id: ownerID), owner.isActive else {
            throw DomainError.notFound("Active user #\(ownerID)")
        }
        try permissions.checkCanHold(.lead, owner)
        guard lead.ownerID != ownerID else { return lead }
        let previous = try User.fetchOne(db, id: lead.ownerID)
        lead.ownerID = ownerID
        lead.updatedAt = at
        try lead.update(db)
        try AuditLog.changed(db, .lead(leadID), action: "assign", by: user.id, at: at, [
            .init(field: "owner", before: previous?.handle, after: owner.handle),
        ])
        try db.execute(sql: "UPDATE activity SET owner_id = ? WHERE record_kind = 'lead' AND record_id = ? AND state = 'planned'",
                       arguments: [ownerID, leadID])
        if ownerID != user.id {
            try Notifications.send(db, to: ownerID, kind: .assignment, record: .lead(leadID),
                                   title: "Lead assigned to you: \(lead.title)", body: "by \(user.handle)", at: at)
        }
        return lead
    }

    func fetchLead(_ db: Database, _ leadID: Int64) throws -> Lead {
        guard let lead = try Lead.fetchOne(db, id: leadID) else { throw DomainError.notFound("Lead #\(leadID)") }
        return lead
    }

    private func findOrCreateAccount(_ db: Database, named name: String, ownerID: Int64, by user: User, at: Date) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM account WHERE name = ? COLLATE NOCASE LIMIT 1", arguments: [name]) {
            return id
        }
        var account = Account(name: name, ownerID: ownerID, createdAt: at)
        try account.insert(db)
        try AuditLog.created(db, .account(account.id!), by: user.id, at: at, summary: name)
        try SearchIndex.indexAccount(db, account)
        return account.id!
    }

    private func celebrateWin(_ db: Database, _ lead: Lead, by user: User, at: Date) throws {
        if let accountID = lead.accountID, var account = try Account.fetchOne(db, id: accountID), account.status != .customer {
            account.status = .customer
            try account.update(db)
            try AuditLog.changed(db, .account(accountID), action: "won", by: user.id, at: at, [
                .init(field: "status", before: Account.Status.prospect.rawValue, after: Account.Status.customer.rawValue),
            ])
            let handoff = NewTicket(
                subject: "Onboard \(account.name) (won: \(lead.title))",
                description: "Handoff from sales: lead #\(lead.id!) won by owner #\(lead.ownerID). See the lead's timeline for its history.",
                priority: .normal, category: .general, accountID: accountID, contactID: lead.contactID)
            _ = try insertTicket(db, handoff, by: user, at: at)
        }
        guard try BuiltInBehaviours.performs(.winCelebration, db) else { return }   // the edited or paused rule decides
        let teamMates = try Int64.fetchAll(db, sql: """
            SELECT id FROM user WHERE is_active AND team_id = (SELECT team_id FROM user WHERE id = ?)
            """, arguments: [lead.ownerID])
        for mate in Set(teamMates + [lead.ownerID]) {
            try Notifications.send(db, to: mate, kind: .won, record: .lead(lead.id!),
                                   title: "Won: \(lead.title)", body: lead.value.description, at: at)
        }
    }
}

/// Day-precision ISO dates for audit text.
enum ISO8601 {
    static func day(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: date)
    }

    /// `2026-11-23T10:00:00Z`.
    static func instant(_ date: Date) -> String {
        date.formatted(.iso8601)   // the same text as ISO8601DateFormatter's, without making a formatter per call
    }
}
