import Foundation
import SalesDeskDomain
import SalesDeskStore

/// What the parameter bar of the Reports screen (and the `report` command's options) hold.
public struct ReportParameters: Equatable, Sendable {
    /// A named period around `now`, or explicit days.
    public enum Span: Equatable, Sendable {
        case current(ReportPeriod.Kind)
        /// The one before the current one (last week, last month, last quarter).
        case previous(ReportPeriod.Kind)
        case days(from: DateComponents, through: DateComponents)
    }

    public var report: ReportName
    public var span: Span
    public var team: String?
    public var owner: String?
    public var source: LeadSource?

    public init(report: ReportName, span: Span? = nil, team: String? = nil, owner: String? = nil, source: LeadSource? = nil) {
        self.report = report
        self.span = span ?? .current(report.defaultPeriod)
        self.team = team
        self.owner = owner
        self.source = source
    }

    /// The period the span names, cut in `timeZone` around `now`.
    public func period(now: Date, timeZone: TimeZone) throws -> ReportPeriod {
        switch span {
        case .current(let kind): return ReportPeriod.containing(now, kind, timeZone: timeZone)
        case .previous(let kind): return ReportPeriod.containing(now, kind, timeZone: timeZone).previous(kind)
        case .days(let from, let through):
            guard let period = ReportPeriod.days(from: from, through: through, timeZone: timeZone) else {
                throw DomainError.invalidField(field: "period", reason: "the first day must not be after the last one")
            }
            return period
        }
    }

    /// Parses `YYYY-MM-DD` into a calendar day (no time zone yet: periods are cut in the reader's zone).
    public static func day(_ text: String) -> DateComponents? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-")
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
              (1...12).contains(month), (1...31).contains(day) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let components = DateComponents(year: year, month: month, day: day)
        guard let date = calendar.date(from: components), calendar.component(.day, from: date) == day else { return nil }
        return components
    }
}
