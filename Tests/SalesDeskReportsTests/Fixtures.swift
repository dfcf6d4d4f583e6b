import Foundation
import SalesDeskDomain

/// Instants and money for the hand-computed report fixtures.
func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Date {
    local(year, month, day, hour, minute, "UTC")
}

func local(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ zone: String) -> Date {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = TimeZone(identifier: zone)!
    return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute))!
}

func usd(_ major: Int64) -> Money { Money(minorUnits: major * 100, currency: .usd) }
func eur(_ major: Int64) -> Money { Money(minorUnits: major * 100, currency: .eur) }

/// The fourth quarter of 2026 in UTC.
let q4 = ReportPeriod.containing(utc(2026, 11, 23), .quarter, timeZone: TimeZone(identifier: "UTC")!)
