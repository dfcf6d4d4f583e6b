import Foundation
import GRDB
import SalesDeskDomain

extension AppDatabase {
    /// Schedules a follow-up on a record; it shows on the owner's agenda.
    @discardableResult
    public func scheduleFollowUp(_ input: NewFollowUp, by user: User) throws -> Activity {
        let at = now()
        return try writer.write { db in try insertFollowUp(db, input, by: user, at: at) }
    }

    /// Logs something already done (a call made, an email sent); it touches the lead's stall clock.
    @discardableResult
    public func logActivity(_ input: NewFollowUp, outcome: String, by user: User) throws -> Activity {
        let at = now()
        let outcome = try FieldRules.text(outcome, field: "outcome")
        return try writer.write { db in
            var activity = try insertFollowUp(db, input, by: user, at: at, state: .done)
            activity.outcome = outcome
            activity.completedAt = at
            try activity.update(db)
            return activity
        }
    }

    /// Completes a follow-up with outcome notes; optionally schedules the next one and moves the lead's stage,
    /// all in one transaction (a refused stage move completes nothing).
    @discardableResult
    public func completeFollowUp(
        _ activityID: Int64, outcome: String, next: NewFollowUp? = nil, moveLeadTo stage: StageKey? = nil,
        lossReason: LossReason? = nil, by user: User
    ) throws -> Activity {
        let at = now()
        let outcome = try FieldRules.text(outcome, field: "outcome")
        return try writer.write { db in
            var activity = try fetchPlannedActivity(db, activityID)
            try require(db, .workFollowUp, by: user, ownerID: activity.ownerID, record: "follow-up #\(activityID)")
            if let record = activity.record { try requireMayWorkOnLead(db, record, by: user) }
            activity.state = .done
            activity.outcome = outcome
            activity.completedAt = at
            try activity.update(db)
            try ScheduledWork.cancel(db, .activity(activityID), kinds: [.reminder, .overdue])
            try AuditLog.changed(db, .activity(activityID), action: "complete", by: user.id, at: at, [
                .init(field: "state", before: ActivityState.planned.rawValue, after: ActivityState.done.rawValue),
                .init(field: "outcome", before: nil, after: outcome.isEmpty ? nil : outcome),
            ])
            try touchRecord(db, activity.record, at: at)
            if let stage, case .lead(let leadID) = activity.record {
                _ = try moveLead(db, leadID, to: stage, reason: lossReason, by: user, at: at)
                if next != nil, !configuration.pipeline.isOpen(stage) {
                    throw DomainError.invalidField(field: "next follow-up",
                                                   reason: "a \(configuration.pipeline.name(of: stage)) lead has no planned follow-ups")
                }
            }
            if var next {
                next.record = next.record ?? activity.record
                try insertFollowUp(db, next, by: user, at: at)
            }
            return activity
        }
    }

    /// Moves a follow-up to a new time; the reason is kept in its history.
    @discardableResult
    public func rescheduleFollowUp(_ activityID: Int64, to dueAt: Date, reason: String, by user: User) throws -> Activity {
        let at = now()
        let reason = try FieldRules.requiredName(reason, field: "reason")
        return try writer.write { db in
            var activity = try fetchPlannedActivity(db, activityID)
            try require(db, .workFollowUp, by: user, ownerID: activity.ownerID, record: "follow-up #\(activityID)")
            let previous = activity.dueAt
            activity.dueAt = dueAt
            try activity.update(db)
            try planReminders(db, activity)
            try db.execute(sql: """
                INSERT INTO activity_reschedule (activity_id, from_due_at, to_due_at, reason, user_id, at) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [activityID, previous.epochSeconds, dueAt.epochSeconds, reason, user.id, at.epochSeconds])
            try AuditLog.changed(db, .activity(activityID), action: "reschedule", by: user.id, at: at, [
                .init(field: "due_at", before: previous.ISO8601Format(), after: dueAt.ISO8601Format()),
                .init(field: "reason", before: nil, after: reason),
            ])
            return activity
        }
    }

    /// Cancels a planned follow-up.
    @discardableResult
    public func cancelFollowUp(_ activityID: Int64, reason: String, by user: User) throws -> Activity {
        let at = now()
        return try writer.write { db in
            var activity = try fetchPlannedActivity(db, activityID)
            try require(db, .workFollowUp, by: user, ownerID: activity.ownerID, record: "follow-up #\(activityID)")
            activity.state = .cancelled
            activity.outcome = reason
            activity.completedAt = at
            try activity.update(db)
            try ScheduledWork.cancel(db, .activity(activityID), kinds: [.reminder, .overdue])
            try AuditLog.changed(db, .activity(activityID), action: "cancel", by: user.id, at: at, [
                .init(field: "state", before: ActivityState.planned.rawValue, after: ActivityState.cancelled.rawValue),
            ])
            return activity
        }
    }

    /// The reschedule history of a follow-up, oldest first.
    public func rescheduleHistory(of activityID: Int64) throws -> [RescheduleEntry] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM activity_reschedule WHERE activity_id = ? ORDER BY id", arguments: [activityID]).map { row in
                RescheduleEntry(
                    activityID: row["activity_id"], fromDueAt: Date(epochSeconds: row["from_due_at"]),
                    toDueAt: Date(epochSeconds: row["to_due_at"]), reason: row["reason"], userID: row["user_id"] ?? 0,
                    at: Date(epochSeconds: row["at"]))
            }
        }
    }

    @discardableResult
    func insertFollowUp(_ db: Database, _ input: NewFollowUp, by user: User, at: Date, state: ActivityState = .planned) throws -> Activity {
        let subject = try FieldRules.requiredName(input.subject, field: "subject")
        let notes = try FieldRules.text(input.notes, field: "notes")
        guard input.durationMinutes > 0, input.durationMinutes <= 24 * 60 else {
            throw DomainError.invalidField(field: "duration", reason: "must be between 1 minute and 24 hours")
        }
        let ownerID = input.ownerID ?? user.id!
        try require(db, .workFollowUp, by: user, ownerID: ownerID, record: "the follow-up's owner")
        guard try User.find(db, id: ownerID) != nil else { throw DomainError.notFound("Owner #\(ownerID)") }
        if let record = input.record {
            try requireExists(db, record)
            try requireMayWorkOnLead(db, record, by: user)
        }
        var activity = Activity(
            type: input.type, subject: subject, notes: notes, dueAt: input.dueAt, durationMinutes: input.durationMinutes,
            ownerID: ownerID, record: input.record, state: state, createdAt: at)
        try activity.insert(db)
        try AuditLog.created(db, .activity(activity.id!), by: user.id, at: at,
                             summary: "\(input.type.label): \(subject) due \(input.dueAt.ISO8601Format())")
        if state == .done { try touchRecord(db, input.record, at: at) } else { try planReminders(db, activity) }
        return activity
    }

    /// Replaces a planned follow-up's reminders with ones for its (new) due time, using its owner's offsets.
    private func planReminders(_ db: Database, _ activity: Activity) throws {
        let handle = try String.fetchOne(db.cachedStatement(sql: "SELECT handle FROM user WHERE id = ?"), arguments: [activity.ownerID]) ?? ""
        try ScheduledWork.planFollowUp(db, activityID: activity.id!, dueAt: activity.dueAt,
                                       plan: configuration.reminderPlan(forHandle: handle),
                                       escalationDelay: configuration.scheduler.overdueEscalationSeconds)
    }

    /// Resets a lead's stall clock: any logged activity counts as a touch.
    func touchRecord(_ db: Database, _ record: RecordReference?, at: Date) throws {
        guard case .lead(let leadID) = record else { return }
        try db.execute(sql: """
            UPDATE lead SET last_activity_at = ?1, last_touched_at = MAX(stage_entered_at, ?1), updated_at = ?1 WHERE id = ?2
            """, arguments: [at.epochSeconds, leadID])
    }

    private func fetchPlannedActivity(_ db: Database, _ activityID: Int64) throws -> Activity {
        guard let activity = try Activity.fetchOne(db, id: activityID) else { throw DomainError.notFound("Follow-up #\(activityID)") }
        guard activity.state == .planned else {
            throw DomainError.invalidField(field: "follow-up", reason: "#\(activityID) is already \(activity.state.rawValue)")
        }
        return activity
    }

    /// A follow-up on a lead touches the lead's stall clock, so only those who may edit the lead (its
    /// owner, managers, admins) may plan or complete one on it.
    private func requireMayWorkOnLead(_ db: Database, _ record: RecordReference, by user: User) throws {
        guard case .lead(let leadID) = record else { return }
        let ownerID = try Int64.fetchOne(db.cachedStatement(sql: "SELECT owner_id FROM lead WHERE id = ?"), arguments: [leadID])
        try require(db, .editLead, by: user, ownerID: ownerID, record: "lead #\(leadID)")
    }

    private func requireExists(_ db: Database, _ record: RecordReference) throws {
        let table: String
        switch record {
        case .lead: table = "lead"
        case .ticket: table = "ticket"
        case .account: table = "account"
        case .contact: table = "contact"
        case .activity: table = "activity"
        case .user: table = "user"
        case .team: table = "team"
        case .importRun: table = "import_run"
        case .rule: table = "automation_rule"
        }
        guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM \(table) WHERE id = ?)"), arguments: [record.id]) == true else {
            throw DomainError.notFound("\(record)")
        }
    }
}
