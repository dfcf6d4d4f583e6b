import Foundation
import Testing
@testable import SalesDeskStore

@Suite("iCalendar text")
struct ICalendarTextTests {
    @Test("C1 controls, bidi overrides and ESC are stripped from iCalendar text")
    func controlsAreStripped() {
        let escaped = ICalendarWriter.escape("Call \u{9B}31m Jo\u{202E}evil\u{2066} \u{1B}]52;c;x\u{07}done")
        #expect(escaped == "Call 31m Joevil ]52\\;c\\;xdone")
    }
}
