import Testing
@testable import TerminalUI

@Suite("Flow diagram and sparkline")
struct FlowDiagramTests {
    let flow = FlowDiagram(
        chain: [
            .init(title: "When", lines: ["lead stage changes to \"Demo Given\""]),
            .init(title: "If", lines: ["value >= 10000", "and source is not partner_referral"]),
        ],
        branches: [
            .init(title: "Then", lines: ["create follow-up email"]),
            .init(title: "Then", lines: ["notify manager"]),
        ])

    @Test func aFlowDrawsItsBoxesJoinedByArrowsAsText() {
        var grid = Grid(width: 48, height: 16)
        let rows = flow.render(into: &grid, area: grid.bounds, style: .plain)
        #expect(rows == 14)
        #expect(grid.textLines() == [
            "┌─ When ─────────────────────────────┐",
            "│ lead stage changes to \"Demo Given\" │",
            "└───────────┬────────────────────────┘",
            "            ↓",
            "┌─ If ───────────────────────────────┐",
            "│ value >= 10000                     │",
            "│ and source is not partner_referral │",
            "└───────────┬────────────────────────┘",
            "            ├─→ ┌─ Then ─────────────────┐",
            "            │   │ create follow-up email │",
            "            │   └────────────────────────┘",
            "            └─→ ┌─ Then ─────────┐",
            "                │ notify manager │",
            "                └────────────────┘",
            "",
            "",
        ])
    }

    @Test func aNarrowAreaWrapsTheBoxTextInsteadOfCuttingIt() {
        var grid = Grid(width: 20, height: 30)
        flow.render(into: &grid, area: grid.bounds, style: .plain)
        let text = grid.text
        #expect(text.contains("│ lead stage       │"))
        #expect(text.contains("│ partner_referral │"))
        #expect(grid.textLines().allSatisfy { DisplayWidth.of($0) <= 20 })
    }

    @Test func theHeightMatchesWhatRenderDraws() {
        #expect(flow.height(width: 48) == 14)
    }

    @Test func aFlowCutAtTheBottomOfItsAreaDrawsNothingBelowIt() {
        var grid = Grid(width: 48, height: 10)
        flow.render(into: &grid, area: Rect(x: 0, y: 0, width: 48, height: 6), style: .plain)
        let below = grid.textLines()[6...].filter { !$0.isEmpty }
        #expect(below.isEmpty)
    }

}
