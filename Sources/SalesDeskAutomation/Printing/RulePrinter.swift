/// Prints a ``Rule`` back in the language's words; parsing the output gives the same rule.
public enum RulePrinter {
    /// The whole rule, one clause a line; further actions are indented under the first.
    public static func print(_ rule: Rule) -> String {
        var lines = ["rule \(quoted(rule.name))"]
        if rule.reactsToRuleChanges { lines.append("also when caused by rules") }
        if rule.catchUp != .once { lines.append("catch up \(rule.catchUp.rawValue)") }
        lines.append("when \(describe(rule.trigger))")
        if let condition = rule.condition { lines.append("if \(describe(condition))") }
        for (offset, action) in rule.actions.enumerated() {
            lines.append((offset == 0 ? "then " : "     ") + describe(action))
        }
        return lines.joined(separator: "\n")
    }

    /// `"text"`, with inner quotes escaped.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    public static func describe(_ value: RuleValue) -> String {
        switch value {
        case .text(let text): quoted(text)
        case .word(let word): word
        case .number(let number): RuleValue.format(number)
        case .money(let amount, let currency): "\(RuleValue.format(amount)) \(currency)"
        case .list(let values): "(" + values.map(describe).joined(separator: ", ") + ")"
        }
    }

    public static func describe(_ duration: RuleDuration) -> String {
        switch duration {
        case .amount(let count, let unit): "\(count) \(count == 1 ? unit.singular : unit.rawValue)"
        case .stallThreshold(let times): times == 2 ? "twice its stall threshold" : "its stall threshold"
        }
    }

    /// The trigger after `when`.
    public static func describe(_ trigger: Trigger) -> String {
        switch trigger {
        case .created(let kind): "\(kind.word) is created"
        case .fieldChanges(let kind, let field, let from, let to):
            "\(kind.word) \(field.rawValue) changes" + (from.map { " from \(describe($0))" } ?? "") + (to.map { " to \(describe($0))" } ?? "")
        case .followUpCompleted: "follow-up is completed"
        case .followUpOverdue(let duration): "follow-up is overdue by \(describe(duration))"
        case .scoreCrosses(let threshold): "lead score crosses \(threshold)"
        case .inStageFor(let kind, let status, let duration):
            "\(kind.word) has been in " + (status.map { "status \(describe($0))" } ?? "its stage") + " for \(describe(duration))"
        case .relativeToDate(let duration, let direction, let kind, let field):
            "\(describe(duration)) \(direction.rawValue) \(kind.word) \(field.rawValue)"
        case .schedule(let days, let hour, let minute): "every \(days.rawValue) at \(hour):\(minute < 10 ? "0" : "")\(minute)"
        case .importFinishes: "an import finishes"
        case .ticketSLA(let state): "ticket SLA is \(state.rawValue)"
        case .extensionPoint(let trigger): trigger.rawValue
        }
    }

    /// The conditions after `if`.
    public static func describe(_ condition: Condition) -> String {
        switch condition {
        case .compare(let field, let comparison, let value): "\(field.rawValue) \(comparison.rawValue) \(describe(value))"
        case .isEmpty(let field, let negated): "\(field.rawValue) is \(negated ? "not " : "")empty"
        case .ownerInTeam(let team): "owner is in team \(describe(team))"
        case .withinBusinessHours: "within business hours"
        case .noActivity(let duration): "no activity for \(describe(duration))"
        case .onHold: "on hold"
        case .not(let inner): "not \(describe(inner))"
        case .and(let left, let right): "\(describe(left)) and \(describe(right))"
        case .or(let left, let right): "\(describe(left)) or \(describe(right))"
        case .group(let inner): "(\(describe(inner)))"
        }
    }

    /// One action, as on a `then` line.
    public static func describe(_ action: RuleAction) -> String {
        switch action {
        case .createFollowUp(let type, let subject, let due, let assignee):
            "create follow-up \(type) \(quoted(subject)) due in \(describe(due))" + (assignee == .owner ? " for owner" : " for \(describe(assignee))")
        case .assign(let assignee): "assign to \(describe(assignee))"
        case .set(let field, let value, let reason): "set \(field.rawValue) to \(describe(value))" + (reason.map { " because \(quoted($0))" } ?? "")
        case .addTag(let tag): "add tag \(quoted(tag))"
        case .addNote(let note): "add note \(quoted(note))"
        case .notify(let recipient, let message): "notify \(describe(recipient)) \(quoted(message))"
        case .runHook(let name): "run hook \(quoted(name))"
        case .escalateTicket: "escalate ticket"
        case .extensionPoint(let action, let name): "\(action.rawValue) \(quoted(name))"
        }
    }

    public static func describe(_ assignee: Assignee) -> String {
        switch assignee {
        case .owner: "owner"
        case .user(let user): "user \(quoted(user))"
        case .roundRobin(let team): "round-robin in \(quoted(team))"
        case .leastLoaded(let team): "least-loaded in \(quoted(team))"
        case .byCountry(let team): "by country in \(quoted(team))"
        }
    }

    public static func describe(_ recipient: Recipient) -> String {
        switch recipient {
        case .owner: "owner"
        case .manager: "manager"
        case .ownersTeam: "team of owner"
        case .teamManager: "manager of team"
        case .team(let team): "team \(quoted(team))"
        case .user(let user): "user \(quoted(user))"
        }
    }
}
