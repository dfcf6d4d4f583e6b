import SalesDeskDomain
import SalesDeskStore

/// What the user typed after `/` on Leads, checked against the desk's stages and people: free words search as you
/// type (each must start a word of the lead's name, company, title or tags); `field:value` pairs narrow further.
///
/// `stage:neg owner:ana acme` → stage Negotiation, owner ana, a word starting "acme". Stage values match the stage's
/// display name case-insensitively by prefix (`stage:"proposal sent"`, `stage:prop`); owners match a handle or a
/// name. Anything that matches nothing is an error that lists what would, never silently ignored.
public struct LeadFilter: Sendable, Equatable {
    public var words: [String] = []
    public var stage: StageKey?
    public var ownerID: Int64?
    public var minimumScore: Int?

    /// The fields a filter understands.
    public static let fields = ["stage", "owner", "score"]

    /// Parses filter text; throws a message naming the bad part and the valid values.
    public static func parse(_ text: String, session: DeskSession) throws(DomainError) -> LeadFilter {
        var filter = LeadFilter()
        var tokens = try tokens(text).prefix(20)[...]
        while let token = tokens.popFirst() {
            guard let field = token.field else {
                filter.words.append(token.value)
                continue
            }
            var value = token.value
            guard !value.isEmpty else { throw invalid("'\(field):' needs a value, e.g. \(field):\(example(field, session))") }
            if field == "stage" { value = extendStageName(value, with: &tokens, pipeline: session.pipeline) }
            switch field {
            case "stage": filter.stage = try stage(value, pipeline: session.pipeline)
            case "owner": filter.ownerID = try owner(value, people: session.people)
            case "score":
                guard let score = Int(value), (0...100).contains(score) else {
                    throw invalid("score:\(value) is not a score; give a number from 0 to 100 (leads scoring at least that)")
                }
                filter.minimumScore = score
            default:
                throw invalid("there is no field '\(field):'; use \(fields.map { "\($0):" }.joined(separator: ", ")) or plain words")
            }
        }
        return filter
    }

    /// Words shorter than this are not searched yet: a one-letter prefix has no prefix index and would make the
    /// search index merge the postings of every word starting with that letter (seconds on a million leads).
    public static let shortestWord = 2

    /// The words that are searched (``shortestWord`` letters or more).
    public var searchedWords: [String] { words.filter { $0.count >= Self.shortestWord } }

    /// Narrows a queue's query by this filter.
    public func apply(to query: LeadQuery) -> LeadQuery {
        var query = query
        if !searchedWords.isEmpty { query.searchText = searchedWords.joined(separator: " ") }
        if let stage { query.stages = query.stages.map { $0.filter { $0 == stage } } ?? [stage] }
        if let ownerID { query.ownerIDs = query.ownerIDs.map { $0.filter { $0 == ownerID } } ?? [ownerID] }
        if let minimumScore { query.minimumScore = max(query.minimumScore ?? 0, minimumScore) }
        return query
    }

    /// `stage:demo scheduled` typed without quotes: the words after a stage value that go on naming a stage
    /// belong to it (`demo scheduled` is one stage, where `demo` alone could be two), and are taken from `tokens`;
    /// a word that names no stage with them (`stage:neg acme`) stays a search word.
    static func extendStageName(_ value: String, with tokens: inout ArraySlice<Token>, pipeline: Pipeline) -> String {
        var name = value
        while let next = tokens.first, next.field == nil, !pipeline.stages(matching: name + " " + next.value).isEmpty {
            name += " " + next.value
            tokens.removeFirst()
        }
        return name
    }

    /// The stage whose display name starts with `value`, ignoring case (``Pipeline/stages(matching:)``).
    static func stage(_ value: String, pipeline: Pipeline) throws(DomainError) -> StageKey {
        let matches = pipeline.stages(matching: value)
        if matches.count == 1 { return matches[0] }
        let names = (matches.isEmpty ? pipeline.allKeys : matches).map { pipeline.name(of: $0) }.joined(separator: ", ")
        throw invalid(matches.isEmpty ? "no stage '\(value)'; stages: \(names)" : "stage:\(value) could be \(names); type more of the name")
    }

    /// The user whose handle is `value`, or whose name starts with it, ignoring case.
    static func owner(_ value: String, people: [User]) throws(DomainError) -> Int64 {
        let wanted = value.lowercased()
        if let user = people.first(where: { $0.handle.lowercased() == wanted }), let id = user.id { return id }
        let matches = people.filter { $0.name.lowercased().hasPrefix(wanted) || $0.handle.lowercased().hasPrefix(wanted) }
        if matches.count == 1, let id = matches[0].id { return id }
        let owners = people.filter { $0.role == .rep || $0.role == .manager }.map(\.handle)
        let listed = owners.prefix(12).joined(separator: ", ") + (owners.count > 12 ? ", …" : "")
        throw invalid(matches.isEmpty ? "no desk user '\(value)'; owners: \(listed)" : "owner:\(value) could be \(matches.map(\.handle).joined(separator: ", "))")
    }

    private static func example(_ field: String, _ session: DeskSession) -> String {
        switch field {
        case "stage": "\"\(session.pipeline.name(of: .proposalSent))\""
        case "owner": session.user.handle
        default: "70"
        }
    }

    private static func invalid(_ reason: String) -> DomainError { .invalidField(field: "filter", reason: reason) }

    /// A word or a `field:value` pair; values may be quoted to hold spaces.
    struct Token: Equatable {
        var field: String?
        var value: String
    }

    /// Splits filter text into tokens, honouring double quotes.
    static func tokens(_ text: String) throws(DomainError) -> [Token] {
        var tokens: [Token] = []
        var current = ""
        var field: String?
        var quoted = false
        func finish() {
            if field != nil || !current.isEmpty { tokens.append(Token(field: field, value: current)) }
            current = ""
            field = nil
        }
        for character in text {
            switch character {
            case "\"": quoted.toggle()
            case " " where !quoted: finish()
            case ":" where !quoted && field == nil && !current.isEmpty:
                field = current.lowercased()
                current = ""
            default: current.append(character)
            }
        }
        guard !quoted else { throw invalid("a quote is not closed: \(text)") }
        finish()
        return tokens
    }
}
