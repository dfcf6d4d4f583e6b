import Testing
@testable import SalesDeskDomain

@Suite("The lead pipeline")
struct PipelineTests {
    let pipeline = Pipeline.standard
    var openKeys: [StageKey] { pipeline.openStages.map(\.key) }

    @Test("every open stage may move to every other open stage, forward or back")
    func openToOpenMovesAreAllowed() throws {
        for from in openKeys {
            for to in openKeys where to != from {
                let move = try pipeline.validateMove(from: from, to: to, reason: nil)
                let steps = openKeys.firstIndex(of: to)! - openKeys.firstIndex(of: from)!
                #expect(move == (steps > 0 ? .forward(steps: steps) : .back(steps: -steps)))
            }
        }
    }

    @Test("every open stage may be won")
    func openStagesCanBeWon() throws {
        for from in openKeys {
            #expect(try pipeline.validateMove(from: from, to: .won, reason: nil) == .toWon)
        }
    }

    @Test("Lost without a reason is refused from every open stage, with the list of reasons")
    func lostNeedsAReason() {
        for from in openKeys {
            #expect(throws: DomainError.lostNeedsReason) { try pipeline.validateMove(from: from, to: .lost, reason: nil) }
        }
        #expect(DomainError.lostNeedsReason.description.contains("Price too high, Went with competitor"))
    }

    @Test("Lost with Other needs text")
    func otherNeedsText() {
        #expect(throws: DomainError.lossReasonNeedsText) { try pipeline.validateMove(from: .open, to: .lost, reason: .other("  ")) }
        #expect(throws: DomainError.lossReasonNeedsText) { try LossReason.parse("other", note: nil) }
    }

    @Test("Lost with a reason is accepted and keeps the reason")
    func lostWithReason() throws {
        #expect(try pipeline.validateMove(from: .negotiation, to: .lost, reason: .priceTooHigh) == .toLost(.priceTooHigh))
    }

    @Test("a Lost lead reactivates into any open stage but cannot jump to Won")
    func reactivation() throws {
        for to in openKeys {
            #expect(try pipeline.validateMove(from: .lost, to: to, reason: nil) == .reactivate)
        }
        #expect(throws: DomainError.reactivateBeforeWinning) { try pipeline.validateMove(from: .lost, to: .won, reason: nil) }
    }

    @Test("Won is final")
    func wonIsFinal() {
        for to in openKeys + [.lost] {
            #expect(throws: DomainError.wonIsFinal) { try pipeline.validateMove(from: .won, to: to, reason: .priceTooHigh) }
        }
    }

    @Test("moving to the same stage or an unknown stage is refused")
    func sameOrUnknownStage() {
        #expect(throws: DomainError.alreadyInStage("Connected")) { try pipeline.validateMove(from: .connected, to: .connected, reason: nil) }
        #expect(throws: DomainError.self) { try pipeline.validateMove(from: .open, to: "nowhere", reason: nil) }
    }

    @Test("only Negotiation deals may be put On Hold")
    func holdOnlyInNegotiation() throws {
        try pipeline.validateHold(in: .negotiation)
        for stage in openKeys where stage != .negotiation {
            #expect(throws: DomainError.holdOnlyIn("Negotiation")) { try pipeline.validateHold(in: stage) }
        }
    }

    @Test("stall thresholds default to the domain page's")
    func defaultThresholds() {
        let days = pipeline.openStages.map(\.stallDays)
        #expect(days == [1, 3, 7, 1, 5, 3, 14, 7])
        #expect(pipeline.definition(of: .demoScheduled)?.stallAnchor == .scheduledMeeting)
    }

    @Test("stages are found by name or key, whatever the case and punctuation")
    func stageLookup() throws {
        #expect(try pipeline.stage(named: "Proposal Sent") == .proposalSent)
        #expect(try pipeline.stage(named: "proposal-sent") == .proposalSent)
        #expect(try pipeline.stage(named: "WON") == .won)
        #expect(throws: DomainError.self) { try pipeline.stage(named: "Maybe") }
    }

    @Test("a pipeline with duplicate or reserved stages is invalid")
    func pipelineValidation() {
        var duplicate = pipeline
        duplicate.openStages.append(duplicate.openStages[0])
        #expect(throws: DomainError.self) { try duplicate.validate() }
        var reserved = pipeline
        reserved.openStages[0].key = .won
        #expect(throws: DomainError.self) { try reserved.validate() }
    }
}
