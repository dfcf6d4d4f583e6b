import Foundation
import SalesDeskDomain
import SalesDeskStore
import SalesDeskTesting
import TerminalUI
import Testing
@testable import SalesDeskApp

/// Random input for the `/` filter: the parser, the query it builds and the desk that shows the result
/// never crash, and every refusal is a `DomainError` with a message, never a database error.
@Suite("Fuzzing the / filter")
struct FilterFuzzTests {
    static let tokens = ["stage:", "owner:", "score:", "Stage:", ":", "::", "ana", "negotiation", "proposal_sent", "100", "-1",
                         "\"", "'", "%", "_", "*", "(", ")", "AND", "OR", "NOT", "NEAR", "^", "-", " ", "  ", "acme", "\\"]

    @Test("5,000 random filters parse or are refused with a message, and the query they build runs")
    func parserAndQuery() throws {
        let desk = try DeskFixture()
        for index in 0..<10 { try desk.lead("Buyer \(index)", company: "Acme \(index)") }
        var fuzzer = Fuzzer(seed: 2026, tokens: Self.tokens)
        var parsed = 0
        var refused = 0
        let session = DeskSession(user: desk.rep, people: try desk.database.users(), now: desk.clock.date)
        for input in fuzzer.inputs(count: 5_000, maxLength: 40) {
            do {
                let filter = try LeadFilter.parse(input, session: session)
                let query = filter.apply(to: LeadQuery())
                _ = try desk.database.leads(query, limit: 5)
                parsed += 1
            } catch let error as DomainError {
                #expect(!error.description.isEmpty)
                refused += 1
            } catch {
                Issue.record("filter \(input.debugDescription) failed with \(error)")
            }
        }
        #expect(parsed > 500 && refused > 500, "the fuzzer reaches both outcomes (parsed \(parsed), refused \(refused))")
    }

    @Test("a 100,000-character filter is handled (only the first 20 terms count)")
    func hugeInput() throws {
        let desk = try DeskFixture()
        let filter = try LeadFilter.parse(String(repeating: "acme ", count: 20_000), session: DeskSession(user: desk.rep, now: desk.clock.date))
        #expect(filter.words.count == 20)
    }

    @Test("30 random filters typed into the desk leave it running and showing the queue")
    func typedIntoTheDesk() throws {
        let harness = try DeskHarness()
        harness.press(.character("2"))
        var fuzzer = Fuzzer(seed: 7, tokens: Self.tokens)
        for input in fuzzer.inputs(count: 30, maxLength: 12) {
            harness.press(.character("/"))
            harness.type(input)
            harness.press(.enter)
            #expect(harness.screen.contains("2 Leads"))
        }
    }
}
