import Foundation
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import TerminalUI
import Testing
@testable import SalesDeskApp

@Suite("Importing leads and merging contacts from the desk")
struct DeskImportTests {
    private func csv(_ harness: DeskHarness, _ text: String) throws -> String {
        let path = harness.desk.temporary.directory.appendingPathComponent("leads-\(UUID().uuidString).csv").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test("I on Leads previews the mapping and first rows, then Enter imports with the summary in the status line")
    func importFromTheDesk() throws {
        let harness = try DeskHarness(user: \.admin)
        let before = try harness.desk.count("lead")
        let path = try csv(harness, "Name,Email,Company,Favourite Colour\nIda Berg,ida@berg.example,Berg AB,blue\nOle Dahl,ole@dahl.example,Dahl AS,red\n")
        harness.press(.character("2"), .character("I"))
        harness.type(path)
        harness.press(.enter)
        guard case .importPreview(let preview) = harness.state.modal else { Issue.record("no preview"); return }
        #expect(preview.sampleRows.count == 2)
        #expect(preview.unmapped == ["Favourite Colour"])
        let screen = harness.screen
        #expect(screen.contains("Left out: Favourite Colour"))
        #expect(screen.contains("ida@berg.example"))
        #expect(try harness.desk.count("lead") == before, "the preview writes nothing")
        harness.press(.enter)
        guard case .message(_, let summary, false, _) = harness.state.modal else { Issue.record("no summary"); return }
        #expect(summary.contains("2 rows read, 2 imported"))
        #expect(try harness.desk.count("lead") == before + 2)
        #expect(try StoreSoundness.problems(in: harness.desk.database) == [])
    }

    @Test("a rep is not offered the import key, and nothing is written")
    func repCannotImport() throws {
        let harness = try DeskHarness()
        let before = try harness.desk.count("lead")
        harness.press(.character("2"), .character("I"))
        #expect(harness.state.modal == nil)
        #expect(try harness.desk.count("lead") == before)
    }

    @Test("a file that cannot be read is explained in the form")
    func missingFile() throws {
        let harness = try DeskHarness(user: \.admin)
        harness.press(.character("2"), .character("I"))
        harness.type("/nonexistent/leads.csv")
        harness.press(.enter)
        guard case .form(let form) = harness.state.modal else { Issue.record("the form closed"); return }
        #expect(form.error?.contains("/nonexistent/leads.csv") == true)
    }

    @Test("M on a lead merges another lead's contact into this lead's, moving its leads")
    func mergeContacts() throws {
        let harness = try DeskHarness(user: \.manager)
        let keep = try #require(try harness.desk.database.lead(1))
        let twin = try harness.desk.lead("Jo B.", company: "Acme Ltd")
        harness.press(.character("2"), .character("]"), .character("]"), .character("]"), .character("]"), .character("/"))
        harness.type("jo buyer")
        harness.press(.enter, .enter, .character("M"))
        harness.type("\(twin.id!)")
        harness.press(.enter)
        #expect(harness.state.status?.text.contains("Merged lead #\(twin.id!)'s contact") == true)
        #expect(try harness.desk.database.lead(twin.id!)?.contactID == keep.contactID)
        #expect(try harness.desk.count("contact", where: "id = \(twin.contactID)") == 0)
    }
}
