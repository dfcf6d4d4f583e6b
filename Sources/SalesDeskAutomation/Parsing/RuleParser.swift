/// Reads rule text into a ``Rule``, or fails with the line, column and what was expected.
///
/// ```swift
/// do {
///     let rule = try RuleParser(vocabulary: .standard).parse(text)
/// } catch {
///     print(error)   // line 2, column 31: expected a stage name, found "Demo Givn" (did you mean "Demo Given"?)
/// }
/// ```
public struct RuleParser: Sendable {
    public let vocabulary: RuleVocabulary

    public init(vocabulary: RuleVocabulary = .standard) {
        self.vocabulary = vocabulary
    }

    /// Parses one rule.
    public func parse(_ text: String) throws(RuleParseError) -> Rule {
        var cursor = TokenCursor(tokens: try RuleLexer.tokens(text), vocabulary: vocabulary)
        return try cursor.rule()
    }
}

/// The parser's position in the tokens, with one method per grammar rule.
struct TokenCursor {
    var tokens: [RuleToken]
    var index = 0
    let vocabulary: RuleVocabulary

    init(tokens: [RuleToken], vocabulary: RuleVocabulary) {
        self.tokens = tokens
        self.vocabulary = vocabulary
    }

    var current: RuleToken { tokens[index] }

    mutating func next() -> RuleToken {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    func fail(_ expected: String, at token: RuleToken? = nil, suggestion: String? = nil) -> RuleParseError {
        let token = token ?? current
        return RuleParseError(line: token.line, column: token.column, message: "expected \(expected), found \(token.described)",
                              suggestion: suggestion)
    }

    func isWord(_ word: String, ahead: Int = 0) -> Bool {
        let position = min(index + ahead, tokens.count - 1)
        return tokens[position].kind == .word(word)
    }

    /// Consumes the words if they all come next.
    mutating func accept(_ words: String...) -> Bool {
        for (offset, word) in words.enumerated() where !isWord(word, ahead: offset) { return false }
        index = min(index + words.count, tokens.count - 1)
        return true
    }

    /// Consumes a phrase of several words (`a reply is received`) if it comes next.
    mutating func accept(phrase: String) -> Bool {
        let words = phrase.split(separator: " ").map(String.init)
        guard words.enumerated().allSatisfy({ isWord($0.element, ahead: $0.offset) }) else { return false }
        index = min(index + words.count, tokens.count - 1)
        return true
    }

    mutating func expect(_ words: String..., as description: String? = nil) throws(RuleParseError) {
        for word in words {
            guard isWord(word) else {
                let wanted = description ?? "'\(words.joined(separator: " "))'"
                throw fail(wanted, suggestion: suggestion(for: current, among: words))
            }
            _ = next()
        }
    }

    func suggestion(for token: RuleToken, among words: [String]) -> String? {
        guard case .word(let word) = token.kind else { return nil }
        return Suggestion.nearest(to: word, in: words)
    }

    mutating func endOfLine(after what: String) throws(RuleParseError) {
        switch current.kind {
        case .newline: _ = next()
        case .end: break
        default: throw fail("the end of the line after \(what)")
        }
    }

    mutating func string(_ what: String) throws(RuleParseError) -> String {
        guard case .string(let value) = current.kind else { throw fail(what) }
        _ = next()
        return value
    }

    /// A message or subject: a quoted text whose `{merge.fields}` must all be known.
    mutating func message(_ what: String) throws(RuleParseError) -> String {
        let token = current
        let value = try string(what)
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "{") {
            guard let close = rest[open...].firstIndex(of: "}") else {
                throw RuleParseError(line: token.line, column: token.column + 1 + value.distance(from: value.startIndex, to: open),
                                     message: "this merge field has no closing '}'")
            }
            let field = String(rest[rest.index(after: open)..<close])
            if !RuleVocabulary.mergeFields.contains(field) {
                throw RuleParseError(line: token.line, column: token.column + 1 + value.distance(from: value.startIndex, to: open),
                                     message: "expected a merge field such as {lead.name}, found {\(field)}",
                                     suggestion: Suggestion.nearest(to: field, in: RuleVocabulary.mergeFields).map { "{\($0)}" })
            }
            rest = rest[rest.index(after: close)...]
        }
        return value
    }

    mutating func integer(_ what: String) throws(RuleParseError) -> Int {
        guard case .number(let value) = current.kind, value == value.rounded(), value >= 0, value < 1_000_000 else { throw fail(what) }
        _ = next()
        return Int(value)
    }
}

extension TokenCursor {
    mutating func rule() throws(RuleParseError) -> Rule {
        try expect("rule", as: "'rule' followed by the rule's name in quotes")
        let name = try string("the rule's name in quotes")
        guard !name.trimmingCharacters(in: .whitespaces).isEmpty else { throw fail("a rule name that is not blank", at: tokens[index - 1]) }
        try endOfLine(after: "the rule's name")
        var reacts = false
        var catchUp = CatchUpPolicy.once
        while true {
            if accept("also", "when", "caused", "by", "rules") {
                reacts = true
                try endOfLine(after: "'also when caused by rules'")
            } else if accept("catch", "up") {
                guard case .word(let word) = current.kind, let policy = CatchUpPolicy(rawValue: word) else {
                    throw fail("'skip', 'once' or 'each'", suggestion: suggestion(for: current, among: CatchUpPolicy.allCases.map(\.rawValue)))
                }
                _ = next()
                catchUp = policy
                try endOfLine(after: "the catch-up policy")
            } else {
                break
            }
        }
        try expect("when", as: "'when' and what starts the rule")
        let trigger = try self.trigger()
        try endOfLine(after: "the trigger")
        var condition: Condition?
        if accept("if") {
            condition = try self.condition(for: trigger.recordKind)
            try endOfLine(after: "the conditions")
        }
        try expect("then", as: "'then' and what the rule does")
        var actions: [RuleAction] = []
        repeat {
            actions.append(try action())
            try endOfLine(after: "the action")
        } while current.kind != .end
        return Rule(name: name, trigger: trigger, condition: condition, actions: actions, reactsToRuleChanges: reacts, catchUp: catchUp)
    }

    mutating func recordKind() throws(RuleParseError) -> RecordKind {
        guard case .word(let word) = current.kind, let kind = RecordKind(rawValue: word) else {
            throw fail("lead, ticket, follow-up or account", suggestion: suggestion(for: current, among: RecordKind.allCases.map(\.word)))
        }
        _ = next()
        return kind
    }

    mutating func field(of kind: RecordKind?) throws(RuleParseError) -> RuleField {
        let allowed = kind.map(RuleField.fields(of:)) ?? RuleField.allCases
        guard case .word(let word) = current.kind, let field = RuleField(rawValue: word), allowed.contains(field) else {
            let names = allowed.map(\.rawValue)
            throw fail("a field (\(names.joined(separator: ", ")))", suggestion: suggestion(for: current, among: names))
        }
        _ = next()
        return field
    }

    mutating func duration() throws(RuleParseError) -> RuleDuration {
        if accept("its", "stall", "threshold") { return .stallThreshold(times: 1) }
        if accept("twice", "its", "stall", "threshold") { return .stallThreshold(times: 2) }
        let amount = try integer("a duration such as '2 business days' or 'its stall threshold'")
        let business = accept("business")
        guard case .word(let word) = current.kind else { throw fail(business ? "'hours' or 'days'" : "a unit (minutes, hours, days, business hours, business days)") }
        let plural = word.hasSuffix("s") ? word : word + "s"
        let unit = DurationUnit(rawValue: business ? "business \(plural)" : plural)
        guard let unit, unit != .businessHours || business, !(business && unit == .minutes) else {
            let units = business ? ["hours", "days"] : ["minutes", "hours", "days", "business"]
            throw fail(business ? "'hours' or 'days'" : "a unit (minutes, hours, days, business hours, business days)",
                       suggestion: Suggestion.nearest(to: plural, in: units))
        }
        _ = next()
        return .amount(amount, unit)
    }

    /// A value, checked against the field's closed set of words when it has one.
    mutating func value(for field: RuleField?) throws(RuleParseError) -> RuleValue {
        let token = current
        let value: RuleValue
        switch token.kind {
        case .string(let text):
            _ = next()
            value = .text(text)
        case .word(let word) where word != "and" && word != "or" && word != "then":
            _ = next()
            value = .word(token.text)
        case .number(let number):
            _ = next()
            if case .word = current.kind, current.text.count == 3, current.text == current.text.uppercased() {
                value = .money(number, currency: next().text)
            } else {
                value = .number(number)
            }
        case .symbol("("):
            _ = next()
            var items: [RuleValue] = []
            repeat {
                items.append(try self.value(for: field))
            } while acceptSymbol(",")
            guard acceptSymbol(")") else { throw fail("',' or ')' to close the list") }
            return .list(items)
        default:
            throw fail("a value (a quoted text, a word or a number)")
        }
        if let field, let choices = vocabulary.choices(for: field) {
            guard choices.contains(where: { RuleVocabulary.matches(value.textValue, $0) }) else {
                throw RuleParseError(line: token.line, column: token.column,
                                     message: "expected a \(field.rawValue) (\(choices.joined(separator: ", "))), found \(token.described)",
                                     suggestion: Suggestion.nearest(to: value.textValue, in: choices))
            }
        }
        return value
    }

    mutating func acceptSymbol(_ symbol: String) -> Bool {
        guard current.kind == .symbol(symbol) else { return false }
        _ = next()
        return true
    }
}
