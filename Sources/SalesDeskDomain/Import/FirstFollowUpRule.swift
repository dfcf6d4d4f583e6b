import Foundation

/// The first follow-up a captured lead gets, by score band: hot leads are called within the hour.
public struct FirstFollowUpRule: Equatable, Sendable {
    /// What to schedule for one band.
    public struct Step: Equatable, Sendable {
        public var type: ActivityType
        public var subject: String
        /// Seconds after capture.
        public var dueAfter: TimeInterval
    }

    public var steps: [ScoreBand: Step]

    /// Hot: "Call within 1 hour"; warm: "Call within 1 day"; cold: "Send intro email" within 3 days.
    public static let standard = FirstFollowUpRule(steps: [
        .hot: Step(type: .call, subject: "Call within 1 hour", dueAfter: 3_600),
        .warm: Step(type: .call, subject: "Call within 1 day", dueAfter: 86_400),
        .cold: Step(type: .email, subject: "Send intro email", dueAfter: 3 * 86_400),
    ])

    /// The step for a score, if its band has one, honouring the contact's consent: a do-not-call contact
    /// is emailed instead of called, an opted-out one called instead of emailed, and one who refused both gets none.
    public func step(forScore score: Int, consent: Consent = .init()) -> Step? {
        guard var step = steps[ScoreBand(score: score)] else { return nil }
        switch step.type {
        case .call where consent.doNotCall:
            guard !consent.emailOptOut else { return nil }
            step.type = .email
            step.subject = "Send intro email (do not call)"
        case .email where consent.emailOptOut:
            guard !consent.doNotCall else { return nil }
            step.type = .call
            step.subject = "Intro call (opted out of email)"
        default: break
        }
        return step
    }
}
