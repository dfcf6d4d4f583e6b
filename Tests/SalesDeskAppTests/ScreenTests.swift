import Foundation
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import TerminalUI
import Testing
@testable import SalesDeskApp

@Suite("Screens rendered as text")
struct ScreenTests {
    @Test("every main screen matches its snapshot at 120×40 and 80×24", arguments: [(120, 40), (80, 24)])
    func snapshots(width: Int, height: Int) throws {
        let harness = try DeskHarness(width: width, height: height)
        for (index, name) in ["agenda", "leads", "tickets", "followups", "board", "inbox"].enumerated() {
            harness.press(.character(Character(String(index + 1))))
            try expectSnapshot(harness.screen, named: "\(name)-\(width)x\(height)")
        }
    }

    @Test("the mono theme draws the same text with no colour at all")
    func monoHasNoColour() throws {
        let colour = try DeskHarness(theme: "default")
        let mono = try DeskHarness(theme: "mono", capability: .monochrome)
        for key in ["1", "2", "5"] {
            colour.press(.character(Character(key)))
            mono.press(.character(Character(key)))
            let grid = mono.runtime.render()
            #expect(grid.text == colour.runtime.render().text)
            for y in 0..<grid.height {
                for x in 0..<grid.width {
                    #expect(grid[x, y].style.foreground == .default && grid[x, y].style.background == .default)
                }
            }
        }
    }

    @Test("a CJK name lines up with Latin names in the Leads table")
    func cjkAlignment() throws {
        let harness = try DeskHarness()
        harness.press(.character("2"), .right, .right, .right)
        let lines = harness.screen.split(separator: "\n").map(String.init)
        let cjk = try #require(lines.first { $0.contains("田中太郎") })
        let latin = try #require(lines.first { $0.contains("Jo Buyer") })
        func column(of word: String, in line: String) -> Int { DisplayWidth.of(String(line[..<line.range(of: word)!.lowerBound])) }
        #expect(column(of: "株式会社ミライ", in: cjk) == column(of: "Acme Ltd", in: latin))
        #expect(column(of: "Open", in: cjk) == column(of: "Open", in: latin))
    }

    @Test("a name holding escape sequences renders harmlessly")
    func escapeSequencesAreHarmless() throws {
        let harness = try DeskHarness { desk in
            try desk.lead("Evil\u{1B}]0;pwned\u{07}\u{1B}[2J\u{9B}31m Name", company: "Bad\u{202E}Corp")
        }
        harness.press(.character("2"))
        let grid = harness.runtime.render()
        var scalars: [Unicode.Scalar] = []
        for y in 0..<grid.height { for x in 0..<grid.width { scalars += grid[x, y].text.unicodeScalars } }
        #expect(!scalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) })
        #expect(grid.text.contains("Evil␛]0;pwned␇␛[2J"))
    }

    @Test("resizing to 20×6 shows the too-small message, and growing back restores the screen")
    func tooSmall() throws {
        let harness = try DeskHarness()
        harness.runtime.handle(.resize(width: 20, height: 6))
        let small = harness.runtime.render()
        #expect(small.width == 20 && small.height == 6)
        #expect(small.text.contains("terminal too small"))
        #expect(small.text.contains("have 20×6"))
        harness.runtime.handle(.resize(width: 100, height: 30))
        #expect(harness.screen.contains("My Agenda —"))
    }

    @Test("the footer shows the current screen's keys and ? opens help that filters as you type")
    func footerAndHelp() throws {
        let harness = try DeskHarness()
        let footer = try #require(harness.screen.split(separator: "\n").last)
        #expect(footer.contains("c complete"))
        #expect(footer.hasSuffix("? help"), "help stays pinned at the right end")
        harness.press(.character("?"))
        #expect(harness.screen.contains("Help — My Agenda"))
        harness.type("resch")
        let help = harness.screen
        #expect(help.contains("reschedule"))
        #expect(help.contains("(:reschedule)"))
        #expect(!help.contains("(:snooze)"))
        harness.press(.escape)
        #expect(!harness.screen.contains("Help —"))
    }
}
