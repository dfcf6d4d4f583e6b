/// Something a desk user may or may not do; the rows of ``PermissionTable``.
public enum DeskAction: String, CaseIterable, Codable, Sendable {
    /// Capture a lead (reps: only for themselves).
    case createLead
    /// Edit, move or put on hold a lead.
    case editLead
    /// Give a lead to someone else.
    case assignLead
    /// Schedule, log, complete, reschedule or cancel a follow-up.
    case workFollowUp
    /// Open a ticket.
    case createTicket
    /// Move, comment on, re-prioritise or re-categorise a ticket.
    case workTicket
    /// Give a ticket to someone.
    case assignTicket
    /// Deactivate a user and hand their open work to someone else in one go.
    case reassignWork
    /// Add and change users.
    case manageUsers
    /// Add and change teams.
    case manageTeams
    /// Change pipeline stages, thresholds and routing.
    case configurePipeline
    /// Bulk-load records (CSV/XLSX import).
    case importRecords
    /// Restore the database from a backup.
    case restoreBackup
    /// See every team's queues, boards and reports (reps and support see their own work and team queues read-only).
    case seeEveryBoard
    /// Set sales quotas for reps and teams.
    case setQuotas
    /// Add, edit, enable and pause automation rules (everyone may read them).
    case writeRules

    /// The phrase used in messages: "may not *edit leads*".
    public var phrase: String {
        switch self {
        case .createLead: "create leads"
        case .editLead: "edit leads"
        case .assignLead: "reassign leads"
        case .workFollowUp: "change follow-ups"
        case .createTicket: "open tickets"
        case .workTicket: "work tickets"
        case .assignTicket: "assign tickets"
        case .reassignWork: "deactivate users or reassign their work"
        case .manageUsers: "manage users"
        case .manageTeams: "manage teams"
        case .configurePipeline: "change pipeline settings"
        case .importRecords: "import records"
        case .restoreBackup: "restore a backup"
        case .seeEveryBoard: "see every team's boards and reports"
        case .setQuotas: "set quotas"
        case .writeRules: "add, edit, enable or pause automation rules"
        }
    }
}
