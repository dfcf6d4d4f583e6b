/// An explainable points model for a lead's first score: each rule adds points, the sum is capped at 100.
public struct LeadScoring: Sendable {
    /// One line of a score's breakdown, shown on the lead detail.
    public struct Contribution: Codable, Equatable, Sendable {
        public var reason: String
        public var points: Int

        public init(reason: String, points: Int) {
            self.reason = reason
            self.points = points
        }
    }

    /// What the model looks at.
    public struct Input: Sendable {
        public var source: LeadSource
        public var title: String?
        public var hasEmail: Bool
        public var hasPhone: Bool
        public var hasCompany: Bool
        public var companySize: Int?

        public init(source: LeadSource, title: String?, hasEmail: Bool, hasPhone: Bool, hasCompany: Bool, companySize: Int? = nil) {
            self.source = source
            self.title = title
            self.hasEmail = hasEmail
            self.hasPhone = hasPhone
            self.hasCompany = hasCompany
            self.companySize = companySize
        }
    }

    public init() {}

    /// The contributions for a lead, in the order they are shown.
    public func breakdown(for input: Input) -> [Contribution] {
        var lines = [Contribution(reason: "Source: \(input.source.label)", points: sourcePoints(input.source))]
        let seniority = seniorityPoints(input.title)
        if seniority > 0 { lines.append(Contribution(reason: "Senior title: \(input.title ?? "")", points: seniority)) }
        if input.hasEmail { lines.append(Contribution(reason: "Has email", points: 10)) }
        if input.hasPhone { lines.append(Contribution(reason: "Has phone", points: 10)) }
        if input.hasCompany { lines.append(Contribution(reason: "Has company", points: 5)) }
        if let size = input.companySize {
            let points = size >= 1000 ? 15 : size >= 100 ? 10 : size >= 10 ? 5 : 0
            if points > 0 { lines.append(Contribution(reason: "Company size \(size)", points: points)) }
        }
        return lines
    }

    /// The score 0–100: the capped sum of the breakdown.
    public func score(for input: Input) -> Int {
        min(100, max(0, breakdown(for: input).reduce(0) { $0 + $1.points }))
    }

    private func sourcePoints(_ source: LeadSource) -> Int {
        switch source {
        case .partnerReferral: 35
        case .event: 25
        case .websiteForm: 25
        case .email: 15
        case .manual: 15
        case .facebookAd: 10
        case .bulkUpload: 5
        }
    }

    private func seniorityPoints(_ title: String?) -> Int {
        guard let title = title?.lowercased(), !title.isEmpty else { return 0 }
        let words = title.split(whereSeparator: { !$0.isLetter }).map(String.init)
        if words.contains(where: Self.executiveWords.contains) { return 30 }
        if words.contains(where: Self.vicePresidentWords.contains) { return 20 }
        if words.contains(where: Self.managerWords.contains) { return 10 }
        return 0
    }

    private static let executiveWords: Set<String> = ["ceo", "cto", "cfo", "coo", "cio", "founder", "owner", "president", "chief"]
    private static let vicePresidentWords: Set<String> = ["vp", "vice", "director", "head"]
    private static let managerWords: Set<String> = ["manager", "lead", "principal"]
}
