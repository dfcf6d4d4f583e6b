extension TokenCursor {
    /// `a and b or not (c)`: `and` binds tighter than `or`; a condition may continue on a line that starts with `and` / `or`.
    mutating func condition(for kind: RecordKind?) throws(RuleParseError) -> Condition {
        var result = try conjunction(for: kind)
        while continuesWith("or") {
            result = .or(result, try conjunction(for: kind))
        }
        return result
    }

    mutating func conjunction(for kind: RecordKind?) throws(RuleParseError) -> Condition {
        var result = try unary(for: kind)
        while continuesWith("and") {
            result = .and(result, try unary(for: kind))
        }
        return result
    }

    /// Consumes `word`, also when it starts the next line.
    mutating func continuesWith(_ word: String) -> Bool {
        if current.kind == .newline, index + 1 < tokens.count, tokens[index + 1].kind == .word(word) {
            index += 2
            return true
        }
        return accept(word)
    }

    mutating func unary(for kind: RecordKind?) throws(RuleParseError) -> Condition {
        if accept("not") { return .not(try unary(for: kind)) }
        if acceptSymbol("(") {
            let inner = try condition(for: kind)
            guard acceptSymbol(")") else { throw fail("')' to close the '('") }
            return .group(inner)
        }
        if accept("within", "business", "hours") { return .withinBusinessHours }
        if accept("on", "hold") { return .onHold }
        if accept("no", "activity", "for") { return .noActivity(for: try duration()) }
        if accept("owner", "is", "in", "team") { return .ownerInTeam(try value(for: .team)) }
        let field = try self.field(of: kind)
        if accept("is", "empty") { return .isEmpty(field, negated: false) }
        if accept("is", "not", "empty") { return .isEmpty(field, negated: true) }
        if accept("is", "not", "in") { return .compare(field, .isNotIn, try list(for: field)) }
        if accept("is", "not") { return .compare(field, .isNot, try value(for: field)) }
        if accept("is") { return .compare(field, .isEqual, try value(for: field)) }
        if accept("in") { return .compare(field, .isIn, try list(for: field)) }
        if accept("contains") { return .compare(field, .contains, try value(for: nil)) }
        if case .symbol(let symbol) = current.kind, let comparison = Comparison(rawValue: symbol) {
            _ = next()
            let token = current
            let value = try value(for: nil)
            guard value.numberValue != nil else { throw fail("a number or an amount after '\(symbol)'", at: token) }
            return .compare(field, comparison, value)
        }
        throw fail("'is', 'is not', 'in', 'contains', '>=', '<=', '>' or '<' after \(field.rawValue)")
    }

    mutating func list(for field: RuleField) throws(RuleParseError) -> RuleValue {
        guard current.kind == .symbol("(") else { throw fail("a list in parentheses, such as (\"Won\", \"Lost\")") }
        return try value(for: field)
    }
}
