import Foundation

/// Everything an admin can tune, with defaults for all of it: no config file is needed.
public struct DeskConfiguration: Equatable, Sendable {
    public var pipeline: Pipeline
    public var ticketRouting: TicketRouting
    public var businessHours: BusinessHours
    /// Calendars of teams with their own hours or holidays, by lower-cased team name.
    public var teamBusinessHours: [String: BusinessHours] = [:]
    public var reminderPlan: ReminderPlan
    /// Theme name (`default`, `light`, `high-contrast`, `mono`).
    public var theme: String
    /// Country calling code used when a phone number has none (`+1`, `+49`).
    public var defaultCountryCode: String
    /// Currency of new leads when none is given.
    public var defaultCurrency: CurrencyCode
    /// Scheduler timing, per-user reminder offsets and notification hooks.
    public var scheduler: SchedulerSettings
    /// Lead capture: default source, assignment rules, first follow-ups, batch size.
    public var importing: ImportSettings
    /// The OS group of a team sharing one database: new database files are created `0660` and their
    /// folder `0770`, owned by this group. Nil: private to the user (`0600`, folder `0700`).
    public var databaseGroup: String?

    public init(
        pipeline: Pipeline = .standard, ticketRouting: TicketRouting = .standard,
        businessHours: BusinessHours = .standard, reminderPlan: ReminderPlan = .standard,
        theme: String = "default", defaultCountryCode: String = "+1", defaultCurrency: CurrencyCode = .usd,
        scheduler: SchedulerSettings = .standard,
        importing: ImportSettings = .standard,
        databaseGroup: String? = nil
    ) {
        self.databaseGroup = databaseGroup
        self.pipeline = pipeline
        self.ticketRouting = ticketRouting
        self.businessHours = businessHours
        self.reminderPlan = reminderPlan
        self.theme = theme
        self.defaultCountryCode = defaultCountryCode
        self.defaultCurrency = defaultCurrency
        self.scheduler = scheduler
        self.importing = importing
    }

    /// The working calendar of a team: its own if configured, else the shared one, in the team's time zone
    /// (the shared calendar's zone for no team).
    public func businessHours(forTeam name: String?, timeZone: String?) -> BusinessHours {
        let calendar = name.flatMap { teamBusinessHours[$0.lowercased()] } ?? businessHours
        return timeZone.map { calendar.inTimeZone($0) } ?? calendar
    }

    /// The reminder offsets of the user with `handle`: their own plan if configured, else the shared one.
    public func reminderPlan(forHandle handle: String) -> ReminderPlan {
        scheduler.reminderPlans[handle.lowercased()] ?? reminderPlan
    }

    public static let standard = DeskConfiguration()
}
