/// The `[import]` settings: defaults for captured leads and how they are assigned.
public struct ImportSettings: Equatable, Sendable {
    /// Source of rows without one, and of rows whose source is unknown (flagged).
    public var defaultSource: LeadSource
    public var assignment: AssignmentRules
    public var firstFollowUp: FirstFollowUpRule
    /// Rows per committed transaction.
    public var batchSize: Int

    public init(defaultSource: LeadSource = .bulkUpload, assignment: AssignmentRules = .init(),
                firstFollowUp: FirstFollowUpRule = .standard, batchSize: Int = 5_000) {
        self.defaultSource = defaultSource
        self.assignment = assignment
        self.firstFollowUp = firstFollowUp
        self.batchSize = batchSize
    }

    public static let standard = ImportSettings()
}
