import Foundation
@testable import SalesDeskApp
import SalesDeskTesting
import Testing
import TerminalUI

@Suite("Reports screen: the export prompt")
struct ReportsExportPromptTests {
    @Test("typing a path at once replaces the suggested file name instead of being appended to it")
    func typingReplacesSuggestion() throws {
        let harness = try DeskHarness(user: \.manager, seed: ReportsScreenTests.seed)
        let path = harness.desk.temporary.directory.appendingPathComponent("typed.md").path
        harness.press(.character("7"), .character("x"))
        #expect(harness.screen.contains("Export to"))
        harness.type(path)
        harness.press(.enter)
        #expect(harness.said.contains("Exported “Forecast against quota” as MD"), "said: \(harness.said)")
        #expect(FileManager.default.fileExists(atPath: path))
    }
}
