extension TokenCursor {
    mutating func trigger() throws(RuleParseError) -> Trigger {
        for extensionTrigger in ExtensionTrigger.allCases where accept(phrase: extensionTrigger.rawValue) {
            return .extensionPoint(extensionTrigger)
        }
        if accept("an", "import", "finishes") { return .importFinishes }
        if accept("every") { return try schedule() }
        if case .number = current.kind {
            let duration = try duration()
            guard case .word(let word) = current.kind, let direction = TimeDirection(rawValue: word) else { throw fail("'before' or 'after'") }
            _ = next()
            let kind = try recordKind()
            for field in DateField.allCases where accept(phrase: field.rawValue) {
                return .relativeToDate(duration, direction, kind, field)
            }
            throw fail("a date (due, created, expected close, last touched)",
                       suggestion: suggestion(for: current, among: DateField.allCases.map(\.rawValue)))
        }
        let kind = try recordKind()
        if accept("is", "created") { return .created(kind) }
        if kind == .followUp, accept("is", "completed") { return .followUpCompleted }
        if kind == .followUp, accept("is", "overdue", "by") { return .followUpOverdue(by: try duration()) }
        if accept("has", "been", "in") {
            if accept("its", "stage", "for") { return .inStageFor(kind, status: nil, try duration()) }
            try expect("status", as: "'its stage' or 'status'")
            let status = try value(for: kind == .ticket ? .status : .stage)
            try expect("for")
            return .inStageFor(kind, status: status, try duration())
        }
        if kind == .ticket, accept("sla", "is") {
            if accept("at", "risk") { return .ticketSLA(.atRisk) }
            if accept("breached") { return .ticketSLA(.breached) }
            throw fail("'at risk' or 'breached'")
        }
        if kind == .lead, accept("score", "crosses") {
            return .scoreCrosses(try integer("a score from 0 to 100"))
        }
        if isWord("is") {
            _ = next()
            let options = kind == .followUp ? ["created", "completed", "overdue"] : ["created"]
            throw fail(options.map { "'\($0)'" }.joined(separator: " or "), suggestion: suggestion(for: current, among: options))
        }
        let field = try self.field(of: kind)
        try expect("changes", as: "'changes'")
        let from = accept("from") ? try value(for: field) : nil
        let to = accept("to") ? try value(for: field) : nil
        return .fieldChanges(kind, field, from: from, to: to)
    }

    mutating func schedule() throws(RuleParseError) -> Trigger {
        guard case .word(let word) = current.kind, let days = ScheduleDays(rawValue: word) else {
            let names = ScheduleDays.allCases.map(\.rawValue)
            throw fail("'day', 'weekday' or a day of the week", suggestion: suggestion(for: current, among: names))
        }
        _ = next()
        try expect("at")
        let hour = try integer("a time such as 9:00")
        guard hour < 24 else { throw fail("an hour from 0 to 23", at: tokens[index - 1]) }
        guard acceptSymbol(":") else { throw fail("':' and the minutes, as in 9:00") }
        let minute = try integer("the minutes, as in 9:00")
        guard minute < 60 else { throw fail("minutes from 00 to 59", at: tokens[index - 1]) }
        return .schedule(days, hour: hour, minute: minute)
    }
}
