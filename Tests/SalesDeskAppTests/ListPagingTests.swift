import Foundation
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import TerminalUI
import Testing
@testable import SalesDeskApp

/// Lists longer than a page: the desk reads pages as you go, in both directions, and never stops at a page boundary.
@Suite("Lists longer than a page")
struct ListPagingTests {
    /// 250 leads for Ana, one created a minute apart so "days in stage" orders them.
    static func manyLeads(_ desk: DeskFixture) throws {
        for index in 0..<250 {
            desk.clock.advance(by: 60)
            try desk.lead(String(format: "Buyer %03d", index), company: "Co \(index)")
        }
    }

    func allMine(_ harness: DeskHarness) {
        harness.press(.character("2"), .character("]"), .character("]"), .character("]"))
    }

    @Test("holding j walks past row 100 and on to the last of 250 leads")
    func jWalksPastThePage() throws {
        let harness = try DeskHarness(height: 24, seed: Self.manyLeads)
        allMine(harness)
        for _ in 0..<260 { harness.press(.character("j")) }
        #expect(harness.leads.list.selectedRow?.contactName == "Buyer 249")
        #expect(harness.leads.list.next == nil, "the end of the list was reached")
    }

    @Test("G selects the true last lead without reading every page before it, and g goes back to the first")
    func bottomIsTheTrueEnd() throws {
        let harness = try DeskHarness(height: 24, seed: Self.manyLeads)
        allMine(harness)
        harness.press(.character("G"))
        #expect(harness.leads.list.selectedRow?.contactName == "Buyer 249")
        #expect(harness.leads.list.rows.count <= ListState<LeadRow>.pageSize, "only the last page was read")
        #expect(harness.leads.list.previous != nil, "and the list knows there is more above")
        #expect(harness.screen.contains("Buyer 249"))
        harness.press(.character("g"))
        #expect(harness.leads.list.selectedRow?.contactName == "Buyer 000")
    }

    @Test("k after scrolling moves the highlight up, not the list under a pinned highlight")
    func kMovesTheHighlight() throws {
        let harness = try DeskHarness(height: 24, seed: Self.manyLeads)
        allMine(harness)
        for _ in 0..<40 { harness.press(.character("j")) }
        let offset = harness.leads.list.offset
        let line = { (name: String) in harness.runtime.render().textLines().firstIndex { $0.contains(name) } }
        let before = try #require(line("Buyer 040"))
        harness.press(.character("k"))
        #expect(harness.leads.list.offset == offset, "the list did not scroll")
        #expect(harness.leads.list.selected == 39)
        #expect(line("Buyer 040") == before, "the rows stayed where they were")
        #expect(line("Buyer 039") == before - 1, "and the highlight moved up onto the row above")
    }

    @Test("scrolling up from the end reads the pages before it and keeps the selection on its lead")
    func upFromTheEnd() throws {
        let harness = try DeskHarness(height: 24, seed: Self.manyLeads)
        allMine(harness)
        harness.press(.character("G"))
        for _ in 0..<200 { harness.press(.character("k")) }
        #expect(harness.leads.list.selectedRow?.contactName == "Buyer 049")
        for _ in 0..<60 { harness.press(.character("k")) }
        #expect(harness.leads.list.selectedRow?.contactName == "Buyer 000")
        #expect(harness.leads.list.previous == nil)
    }

    @Test("a reload after a change elsewhere keeps the place far down the list, and the selected lead")
    func reloadKeepsThePlace() throws {
        let harness = try DeskHarness(height: 24, seed: Self.manyLeads)
        allMine(harness)
        for _ in 0..<180 { harness.press(.character("j")) }
        let selected = try #require(harness.selectedLeadID)
        let other = try AppDatabase.open(path: harness.desk.temporary.path, now: harness.desk.clock.now)
        try other.createLead(NewLead(contactName: "Arrived Elsewhere", ownerID: harness.desk.rep.id!), by: harness.desk.rep)
        harness.runtime.tick()
        #expect(harness.selectedLeadID == selected, "a reload does not drop the user back to the first page")
    }

    @Test("a new sort shows the top of the list")
    func sortShowsTheTop() throws {
        let harness = try DeskHarness(height: 24, seed: Self.manyLeads)
        allMine(harness)
        for _ in 0..<120 { harness.press(.character("j")) }
        harness.press(.character("o"))
        #expect(harness.leads.list.selected == 0)
        #expect(harness.leads.list.offset == 0)
    }
}

@Suite("The list component alone")
struct ListStateTests {
    struct Item: Identifiable, Sendable { var id: Int64 }

    func page(_ ids: ClosedRange<Int64>, next: Bool, previous: Bool) -> Page<Item> {
        let cursors = ids.map { PageCursor(sortValue: .integer($0), id: $0) }
        return Page(rows: ids.map(Item.init), next: next ? cursors.last : nil, previous: previous ? cursors.first : nil, cursors: cursors)
    }

    @Test("moving near the end asks for the next page once, and applying it appends")
    func asksForTheNextPage() {
        var list = ListState<Item>()
        list.apply(page(1...100, next: true, previous: false), for: .first, viewport: 20)
        var asked: [PageRequest] = []
        for _ in 0..<85 { if let request = list.move(.down, viewport: 20) { asked.append(request) } }
        #expect(asked.count == 1)
        guard case .after(let cursor)? = asked.first else { Issue.record("no next page asked"); return }
        #expect(cursor.id == 100)
        list.apply(page(101...200, next: false, previous: true), for: .after(cursor), viewport: 20)
        #expect(list.rows.count == 200)
        #expect(list.selectedRow?.id == 86)
    }

    @Test("a refresh while G's read of the end is in flight reads the end too, so the key is not lost")
    func refreshDuringAJumpToTheEnd() {
        var list = ListState<Item>()
        list.apply(page(1...100, next: true, previous: false), for: .first, viewport: 20)
        #expect(list.move(.bottom, viewport: 20) == .last)
        #expect(list.refreshRequest == .last, "the refresh goes where G was going")
        // The refresh's page arrives (G's own read was made obsolete by it): the last row is selected.
        list.apply(page(901...1_000, next: false, previous: true), for: list.refreshRequest,
                   mode: ListLoading.mode(.refresh, .last), viewport: 20)
        #expect(list.selectedRow?.id == 1_000)
        #expect(list.next == nil)
        #expect(list.refreshRequest == .from(PageCursor(sortValue: .integer(901), id: 901)), "later refreshes keep the place")
    }

    @Test("a window past its limit drops rows from the far end and can read them back")
    func windowStaysBounded() {
        var list = ListState<Item>()
        list.apply(page(1...100, next: true, previous: false), for: .first, viewport: 20)
        var last: Int64 = 100
        while last < 1_000 {
            for _ in 0..<100 { _ = list.move(.down, viewport: 20) }
            let cursor = PageCursor(sortValue: .integer(last), id: last)
            list.apply(page((last + 1)...(last + 100), next: true, previous: true), for: .after(cursor), viewport: 20)
            last += 100
        }
        #expect(list.rows.count <= ListState<Item>.windowLimit)
        #expect(list.previous != nil, "dropped rows are still reachable upwards")
        #expect(list.selectedRow?.id == 900, "the selection stayed on its row while rows were dropped")
    }

    @Test("a reload keeps the selected record selected even when rows arrive above it")
    func reloadFollowsTheRecord() {
        var list = ListState<Item>(rows: (1...10).map(Item.init))
        _ = list.move(.down, viewport: 5)
        _ = list.move(.down, viewport: 5)
        list.replaceAll(with: ([0] + Array(1...10)).map(Item.init))
        #expect(list.selectedRow?.id == 3)
    }
}
