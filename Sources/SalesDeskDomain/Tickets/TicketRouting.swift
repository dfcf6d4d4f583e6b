/// Category → team routing and first-response targets per priority.
public struct TicketRouting: Codable, Equatable, Sendable {
    /// Team name per category.
    public var teamByCategory: [TicketCategory: String]
    /// First-response target in business minutes per priority.
    public var firstResponseMinutes: [TicketPriority: Int]
    /// Warn when this share of the target is used (0.8 = at 80 %).
    public var warnAtFraction: Double
    /// New tickets older than this many minutes notify the team's manager.
    public var untriagedAlertMinutes: Int

    public init(
        teamByCategory: [TicketCategory: String], firstResponseMinutes: [TicketPriority: Int],
        warnAtFraction: Double = 0.8, untriagedAlertMinutes: Int = 60
    ) {
        self.teamByCategory = teamByCategory
        self.firstResponseMinutes = firstResponseMinutes
        self.warnAtFraction = warnAtFraction
        self.untriagedAlertMinutes = untriagedAlertMinutes
    }

    /// The domain page's routing: Sync issue → Technical Integration, Product bug → Development, ...
    public static let standard = TicketRouting(
        teamByCategory: [
            .syncIssue: "Technical Integration",
            .productBug: "Development",
            .featureRequest: "Product",
            .dataProblem: "Data",
            .general: "Customer Success",
        ],
        firstResponseMinutes: [.normal: 120, .high: 60, .critical: 30]
    )

    /// The team a new ticket of this category goes to.
    public func team(for category: TicketCategory) -> String {
        teamByCategory[category] ?? Self.standard.teamByCategory[category] ?? "Customer Success"
    }

    /// The first-response target of a priority, in business minutes.
    public func firstResponseTarget(for priority: TicketPriority) -> Int {
        firstResponseMinutes[priority] ?? Self.standard.firstResponseMinutes[priority] ?? 120
    }
}
