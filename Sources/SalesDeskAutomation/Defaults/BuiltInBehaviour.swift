/// A behaviour the desk's own code performs (the scheduler or a write), shipped as a default rule.
///
/// While its default rule is active with the shipped text, the code does it exactly as before and the engine
/// leaves the rule alone. Once the rule is edited, paused or renamed, the code steps aside and the rule —
/// if active — is the only thing that acts, so a team's change is never doubled by the old behaviour.
public enum BuiltInBehaviour: String, CaseIterable, Sendable {
    /// A lead that sat in its stage for the stage's stall threshold: its owner is told.
    case stallNudge
    /// A lead stalled twice as long: the owner's manager is told.
    case stallEscalation
    /// A follow-up still open a while after its due time: the owner's manager is told.
    case overdueEscalation
    /// A lead moved to Won: the owner's team is told.
    case winCelebration
    /// A ticket still New a while after it came in: the team's manager is told.
    case untriagedTicket
    /// A lead captured by an import gets its first follow-up.
    case capturedLeadFirstCall
}
