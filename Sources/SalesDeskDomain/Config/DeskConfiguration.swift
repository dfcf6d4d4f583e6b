import Foundation

/// Everything an admin can tune, with defaults for all of it: no config file is needed.
public struct DeskConfiguration: Equatable, Sendable {
    public var pipeline: Pipeline
    public var ticketRouting: TicketRouting
    public var businessHours: BusinessHours
    public var reminderPlan: ReminderPlan
    /// Theme name (`default`, `light`, `high-contrast`, `mono`).
    public var theme: String
    /// Country calling code used when a phone number has none (`+1`, `+49`).
    public var defaultCountryCode: String
    /// Currency of new leads when none is given.
    public var defaultCurrency: CurrencyCode
    /// The OS group of a team sharing one database: new database files are created `0660` and their
    /// folder `0770`, owned by this group. Nil: private to the user (`0600`, folder `0700`).
    public var databaseGroup: String?

    public init(
        pipeline: Pipeline = .standard, ticketRouting: TicketRouting = .standard,
        businessHours: BusinessHours = .standard, reminderPlan: ReminderPlan = .standard,
        theme: String = "default", defaultCountryCode: String = "+1", defaultCurrency: CurrencyCode = .usd,
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
    }

    public static let standard = DeskConfiguration()
}
