import Foundation

/// A scheduled digest of report figures: daily or weekly, per user, at a local time the user sets.
///
/// A rep's digest holds their own figures, a manager's their team's, an admin's the company's (the reader's
/// report scope). Each period's digest is sent once; after downtime the missed periods are caught up as one digest.
public enum ReportDigest {
    /// How often a digest comes.
    public enum Cadence: String, Codable, CaseIterable, Sendable {
        /// Every day at the user's time, covering the day before.
        case daily
        /// Every Monday at the user's time, covering the week before.
        case weekly
    }

    /// The figures a digest reports for its period.
    public struct Figures: Codable, Equatable, Sendable {
        public var leadsCreated: Int
        public var won: Int
        public var wonValue: Money
        public var lost: Int
        public var followUpsDone: Int
        /// Planned follow-ups overdue at sending time.
        public var overdueNow: Int

        public init(leadsCreated: Int, won: Int, wonValue: Money, lost: Int, followUpsDone: Int, overdueNow: Int) {
            self.leadsCreated = leadsCreated
            self.won = won
            self.wonValue = wonValue
            self.lost = lost
            self.followUpsDone = followUpsDone
            self.overdueNow = overdueNow
        }
    }

    /// The period the digest due at or before `now` covers, given where the last digest sent ended, in `timeZone`.
    ///
    /// Daily: the digest due today at `minute` (minutes after local midnight) covers yesterday; weekly: the one due
    /// this Monday covers last week. When periods were missed since `lastSentEnd`, the returned span starts there,
    /// so they are caught up as one digest. Nil when nothing new is due.
    public static func due(_ cadence: Cadence, minute: Int, now: Date, timeZone: TimeZone, lastSentEnd: Date?) -> ReportPeriod? {
        let calendar = ReportPeriod.calendar(timeZone)
        let unit: Calendar.Component = cadence == .daily ? .day : .weekOfYear
        guard var current = calendar.dateInterval(of: unit, for: now)?.start else { return nil }
        // The wall-clock time on that local day (09:00 stays 09:00 on the days summer time starts and ends).
        let sendAt = calendar.date(bySettingHour: minute / 60, minute: minute % 60, second: 0, of: current) ?? current
        if now < sendAt { current = calendar.date(byAdding: unit, value: -1, to: current) ?? current }
        // `current` starts the day (week) whose send time has passed; the digest covers the one before it.
        guard let coveredStart = calendar.date(byAdding: unit, value: -1, to: current) else { return nil }
        guard let lastSentEnd else { return ReportPeriod(start: coveredStart, end: current, timeZoneID: timeZone.identifier) }
        guard lastSentEnd < current else { return nil }
        return ReportPeriod(start: min(lastSentEnd, coveredStart), end: current, timeZoneID: timeZone.identifier)
    }

    /// When the digest after the one that ended at `lastSentEnd` becomes due: the next local day (Monday) at `minute`.
    public static func nextSend(_ cadence: Cadence, minute: Int, lastSentEnd: Date, timeZone: TimeZone) -> Date? {
        let calendar = ReportPeriod.calendar(timeZone)
        let unit: Calendar.Component = cadence == .daily ? .day : .weekOfYear
        guard let day = calendar.date(byAdding: unit, value: 1, to: lastSentEnd) else { return nil }
        return calendar.date(bySettingHour: minute / 60, minute: minute % 60, second: 0, of: day)
    }

    /// The digest's title and body, in the reader's words.
    public static func message(_ cadence: Cadence, period: ReportPeriod, figures: Figures, scope: String) -> (title: String, body: String) {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = period.timeZone
        formatter.dateFormat = "EEE d MMM"
        let last = period.end.addingTimeInterval(-1)
        let days = Int((period.end.timeIntervalSince(period.start) / 86_400).rounded())
        let span = days <= 1 ? formatter.string(from: period.start) : "\(formatter.string(from: period.start)) – \(formatter.string(from: last))"
        let expected = cadence == .daily ? 1 : 7
        let catchUp = days > expected ? " (catching up \(days) days)" : ""
        let title = "\(cadence == .daily ? "Daily" : "Weekly") digest, \(span)\(catchUp): \(scope)"
        let body = [
            "\(figures.won) won (\(figures.wonValue)), \(figures.lost) lost",
            "\(figures.leadsCreated) new lead\(figures.leadsCreated == 1 ? "" : "s")",
            "\(figures.followUpsDone) follow-up\(figures.followUpsDone == 1 ? "" : "s") done, \(figures.overdueNow) overdue now",
        ].joined(separator: "\n")
        return (title, body)
    }
}
