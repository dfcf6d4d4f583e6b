extension TokenCursor {
    mutating func action() throws(RuleParseError) -> RuleAction {
        for extensionAction in ExtensionAction.allCases where accept(phrase: extensionAction.rawValue) {
            return .extensionPoint(extensionAction, try string("the \(extensionAction.rawValue.split(separator: " ").last!) name in quotes"))
        }
        if accept("create", "follow-up") {
            guard case .word(let word) = current.kind, vocabulary.followUpTypes.contains(word) else {
                throw fail("a follow-up type (\(vocabulary.followUpTypes.joined(separator: ", ")))",
                           suggestion: suggestion(for: current, among: vocabulary.followUpTypes))
            }
            _ = next()
            let subject = try message("the follow-up's subject in quotes")
            try expect("due", "in")
            let due = try duration()
            let assignee = accept("for") ? try self.assignee() : .owner
            return .createFollowUp(type: word, subject: subject, due: due, assignee: assignee)
        }
        if accept("assign", "to") { return .assign(try assignee()) }
        if accept("set") {
            let token = current
            let field = try self.field(of: nil)
            guard RuleField.allCases.filter({ f in RecordKind.allCases.contains { RuleField.settable(on: $0).contains(f) } }).contains(field) else {
                throw fail("a field a rule may set (stage, tags, score, priority, category, status)", at: token)
            }
            try expect("to")
            let value = try self.value(for: field)
            let reason = accept("because") ? try string("the reason in quotes") : nil
            if field == .stage, RuleVocabulary.matches(value.textValue, "Lost"), reason == nil {
                throw fail("'because' and the reason: a lead is only lost for a reason")
            }
            return .set(field, value, because: reason)
        }
        if accept("add", "tag") {
            let value = try self.value(for: nil)
            return .addTag(value.textValue)
        }
        if accept("add", "note") { return .addNote(try message("the note in quotes")) }
        if accept("notify") {
            let recipient = try self.recipient()
            return .notify(recipient, message: try message("the message in quotes"))
        }
        if accept("run", "hook") { return .runHook(try string("the hook's name in quotes")) }
        if accept("escalate", "ticket") { return .escalateTicket }
        let verbs = ["create", "assign", "set", "add", "notify", "run", "escalate"]
        throw fail("an action (create follow-up, assign to, set, add tag, add note, notify, run hook, escalate ticket)",
                   suggestion: suggestion(for: current, among: verbs))
    }

    mutating func assignee() throws(RuleParseError) -> Assignee {
        if accept("owner") { return .owner }
        if accept("user") { return .user(try value(for: nil).textValue) }
        if accept("round-robin", "in") { return .roundRobin(team: try value(for: nil).textValue) }
        if accept("least-loaded", "in") { return .leastLoaded(team: try value(for: nil).textValue) }
        if accept("by", "country", "in") { return .byCountry(team: try value(for: nil).textValue) }
        throw fail("'owner', 'user NAME', 'round-robin in TEAM', 'least-loaded in TEAM' or 'by country in TEAM'",
                   suggestion: suggestion(for: current, among: ["owner", "user", "round-robin", "least-loaded"]))
    }

    mutating func recipient() throws(RuleParseError) -> Recipient {
        if accept("team", "of", "owner") { return .ownersTeam }
        if accept("manager", "of", "team") { return .teamManager }
        if accept("owner") { return .owner }
        if accept("manager") { return .manager }
        if accept("team") { return .team(try value(for: nil).textValue) }
        if accept("user") { return .user(try value(for: nil).textValue) }
        throw fail("'owner', 'manager', 'team of owner', 'manager of team', 'team NAME' or 'user NAME'",
                   suggestion: suggestion(for: current, among: ["owner", "manager", "team", "user"]))
    }
}
