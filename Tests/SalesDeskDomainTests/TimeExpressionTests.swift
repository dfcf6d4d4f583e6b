import Foundation
import SalesDeskDomain
import Testing

@Suite("Typed times")
struct TimeExpressionTests {
    private let berlin = TimeZone(identifier: "Europe/Berlin")!

    @Test("a time in the spring-forward gap is refused with a sentence saying why, not moved silently to 03:00")
    func daylightSavingGap() {
        #expect {
            try TimeExpression.parse("2026-03-29 02:30", now: utcDate(2026, 3, 20, 9, 0), timeZone: berlin)
        } throws: { error in
            (error as? DomainError)?.description.contains("02:30 does not exist on that day in Europe/Berlin") == true
        }
    }

    @Test("times either side of the gap are read as typed")
    func aroundTheGap() throws {
        #expect(try TimeExpression.parse("2026-03-29 01:30", now: utcDate(2026, 3, 20, 9, 0), timeZone: berlin) == utcDate(2026, 3, 29, 0, 30))
        #expect(try TimeExpression.parse("2026-03-29 03:30", now: utcDate(2026, 3, 20, 9, 0), timeZone: berlin) == utcDate(2026, 3, 29, 1, 30))
    }
}
