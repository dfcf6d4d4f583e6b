/// Today's built-in behaviours written as rules, shipped as editable defaults.
///
/// The texts are in the printer's canonical form, so a stored default prints back unchanged.
public enum DefaultRules {
    /// A shipped default: its name, its text, and the built-in behaviour it describes, if today's code does it.
    public struct Entry: Sendable {
        public let name: String
        public let text: String
        /// The code that performs it today; shipped active, and the engine leaves it to that code while unedited.
        /// A default without one is shipped as a draft, so nothing changes until a manager enables it.
        public let builtIn: BuiltInBehaviour?

        init(name: String, text: String, builtIn: BuiltInBehaviour?) {
            self.name = name
            self.text = text
            self.builtIn = builtIn
        }
    }

    /// The shipped default that describes `behaviour`.
    public static func entry(for behaviour: BuiltInBehaviour) -> Entry {
        guard let entry = all.first(where: { $0.builtIn == behaviour }) else { preconditionFailure("no default rule describes \(behaviour)") }
        return entry
    }

    public static let all: [Entry] = [
        Entry(name: "Nudge a stalled lead", text: """
            rule "Nudge a stalled lead"
            when lead has been in its stage for its stall threshold
            if stage is not in ("Won", "Lost") and not on hold
            then notify owner "{lead.name} has sat in {lead.stage} for {lead.days_in_stage} days"
            """, builtIn: .stallNudge),
        Entry(name: "Escalate a lead stalled twice as long", text: """
            rule "Escalate a lead stalled twice as long"
            when lead has been in its stage for twice its stall threshold
            if stage is not in ("Won", "Lost") and not on hold
            then notify manager "Stalled twice as long: {lead.name} ({owner.name}, {lead.stage})"
            """, builtIn: .stallEscalation),
        Entry(name: "Escalate an overdue follow-up", text: """
            rule "Escalate an overdue follow-up"
            when follow-up is overdue by 1 business day
            then notify manager "{owner.name} has not done: {followup.subject} ({lead.name})"
            """, builtIn: .overdueEscalation),
        Entry(name: "Celebrate a win", text: """
            rule "Celebrate a win"
            when lead stage changes to "Won"
            then notify team of owner "{owner.name} won {lead.name} — {lead.value}"
            """, builtIn: .winCelebration),
        Entry(name: "Untriaged ticket", text: """
            rule "Untriaged ticket"
            when ticket has been in status "New" for 2 business hours
            then notify manager of team "Untriaged: {ticket.number} {ticket.subject}"
            """, builtIn: .untriagedTicket),
        Entry(name: "First call for a captured lead", text: """
            rule "First call for a captured lead"
            when lead is created
            if source is not "manual"
            then create follow-up call "Call {lead.name}" due in 1 business hour for owner
            """, builtIn: .capturedLeadFirstCall),
        Entry(name: "Tell the manager about progress", text: """
            rule "Tell the manager about progress"
            when lead stage changes to "Connected"
            then notify manager "{owner.name} connected with {lead.name}"
            """, builtIn: nil),
    ]
}
