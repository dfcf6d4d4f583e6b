import SalesDeskDomain
import SalesDeskStore

/// What the user typed after `/`: free words search as you type (each must start a word of the lead's name,
/// company, title or tags, through the FTS index); `field:value` pairs narrow further.
///
/// `stage:negotiation owner:ana acme` → stage Negotiation, owner ana, name or company containing "acme".
/// Fields: `stage:`, `owner:`, `score:` (minimum). Unknown fields are reported, never silently ignored.
public struct QueueFilter: Sendable, Equatable {
    public var words: [String] = []
    public var stage: String?
    public var owner: String?
    public var minimumScore: Int?

    /// Parses filter text; throws a message naming the bad part.
    public static func parse(_ text: String) throws(DomainError) -> QueueFilter {
        var filter = QueueFilter()
        for token in text.split(separator: " ").prefix(20).map(String.init) {
            guard let colon = token.firstIndex(of: ":"), colon != token.startIndex else {
                filter.words.append(token)
                continue
            }
            let field = token[..<colon].lowercased()
            let value = String(token[token.index(after: colon)...])
            guard !value.isEmpty else { throw DomainError.invalidField(field: "filter", reason: "'\(field):' needs a value") }
            switch field {
            case "stage": filter.stage = value.replacingOccurrences(of: "_", with: " ")
            case "owner": filter.owner = value
            case "score":
                guard let score = Int(value), (0...100).contains(score) else {
                    throw DomainError.invalidField(field: "filter", reason: "score: needs a number 0–100")
                }
                filter.minimumScore = score
            default:
                throw DomainError.invalidField(field: "filter", reason: "unknown field '\(field):' (use stage:, owner:, score:)")
            }
        }
        return filter
    }

    /// Narrows `query` by this filter; `resolveOwner` maps a handle to a user id.
    public func apply(to query: LeadQuery, pipeline: Pipeline, resolveOwner: (String) -> Int64?) throws(DomainError) -> LeadQuery {
        var query = query
        if !words.isEmpty { query.searchText = words.joined(separator: " ") }
        if let stage { query.stages = [try pipeline.stage(named: stage)] }
        if let owner {
            guard let id = resolveOwner(owner) else { throw DomainError.invalidField(field: "filter", reason: "no user '\(owner)'") }
            query.ownerIDs = [id]
        }
        if let minimumScore { query.minimumScore = max(query.minimumScore ?? 0, minimumScore) }
        return query
    }
}
