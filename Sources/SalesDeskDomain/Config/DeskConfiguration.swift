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
    /// Lead capture: default source, assignment rules, first follow-ups, batch size.
    public var importing: ImportSettings

    public init(
        pipeline: Pipeline = .standard, ticketRouting: TicketRouting = .standard,
        businessHours: BusinessHours = .standard, reminderPlan: ReminderPlan = .standard,
        theme: String = "default", defaultCountryCode: String = "+1", defaultCurrency: CurrencyCode = .usd,
        importing: ImportSettings = .standard
    ) {
        self.pipeline = pipeline
        self.ticketRouting = ticketRouting
        self.businessHours = businessHours
        self.reminderPlan = reminderPlan
        self.theme = theme
        self.defaultCountryCode = defaultCountryCode
        self.defaultCurrency = defaultCurrency
        self.importing = importing
    }

    public static let standard = DeskConfiguration()
}
