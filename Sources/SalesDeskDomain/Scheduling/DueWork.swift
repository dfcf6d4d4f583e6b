import Foundation

/// One piece of materialised due work: a reminder, an escalation or an SLA clock going off.
public struct DueWork: Equatable, Sendable {
    /// What goes off.
    public enum Kind: String, Codable, CaseIterable, Sendable {
        /// A follow-up reminder; `level` is its offset from the due time in seconds.
        case reminder
        /// A follow-up still planned after the escalation delay: tell the owner's manager.
        case overdue
        /// A ticket's first-response clock at the warning share of its target.
        case slaWarning = "sla_warning"
        /// A ticket's first-response clock at its target.
        case slaBreach = "sla_breach"
        /// A ticket still New after the untriaged age: tell the team's manager.
        case untriaged
    }

    /// What a scheduler does with a claimed piece of work.
    public enum Firing: Equatable, Sendable {
        /// Write its notification now.
        case notify
        /// It was missed during downtime: count it in the user's "while you were away" digest.
        case digest
        /// It no longer makes sense (a "1 hour before" reminder whose event has passed): drop it.
        case skip
    }

    public var id: Int64
    public var kind: Kind
    public var record: RecordReference
    public var level: Int
    public var dueAt: Date
    /// The instant the work is about (a follow-up's due time), when there is one.
    public var eventAt: Date?

    public init(id: Int64, kind: Kind, record: RecordReference, level: Int, dueAt: Date, eventAt: Date?) {
        self.id = id
        self.kind = kind
        self.record = record
        self.level = level
        self.dueAt = dueAt
        self.eventAt = eventAt
    }

    /// Decides how the work fires at `now`: work that came due while no scheduler ran (after the last
    /// pass, `lastPassAt`, and more than `catchUpAfter` ago) goes into a digest, and a reminder meant for
    /// before an event that has already happened is dropped. Work already due at the last pass but not
    /// claimed by it did not exist then: it was created after its due time and fires now as itself.
    public func firing(at now: Date, catchUpAfter: TimeInterval, lastPassAt: Date? = nil) -> Firing {
        if kind == .reminder, level < 0, let eventAt, eventAt <= now { return .skip }
        let late = now.timeIntervalSince(dueAt) > catchUpAfter
        let cameDueSinceLastPass = lastPassAt.map { dueAt > $0 } ?? true
        return late && cameDueSinceLastPass ? .digest : .notify
    }
}
