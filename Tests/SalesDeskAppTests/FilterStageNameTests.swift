import Foundation
import SalesDeskDomain
import Testing
@testable import SalesDeskApp

@Suite("Stage names of several words in the / filter")
struct FilterStageNameTests {
    static let session = UpdateAloneTests.state().session

    @Test("stage:demo scheduled without quotes is the stage Demo Scheduled, and later words still search")
    func unquotedStageName() throws {
        let filter = try LeadFilter.parse("stage:demo scheduled acme", session: Self.session)
        #expect(filter.stage == .demoScheduled)
        #expect(filter.words == ["acme"])
    }

    @Test("a word that names no stage with the value stays a search word")
    func wordAfterAStage() throws {
        let filter = try LeadFilter.parse("stage:neg acme", session: Self.session)
        #expect(filter.stage == .negotiation)
        #expect(filter.words == ["acme"])
    }

    @Test("typing the name out narrows as it goes: 'stage:demo s' is already Demo Scheduled")
    func partlyTypedSecondWord() throws {
        #expect(throws: DomainError.self) { try LeadFilter.parse("stage:demo", session: Self.session) }
        #expect(try LeadFilter.parse("stage:demo s", session: Self.session).stage == .demoScheduled)
        #expect(try LeadFilter.parse("stage:demo g", session: Self.session).stage == .demoGiven)
    }
}
