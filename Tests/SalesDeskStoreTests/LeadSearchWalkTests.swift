import Foundation
import GRDB
import SalesDeskDomain
@testable import SalesDeskStore
import SalesDeskTesting
import Testing

@Suite("Search within a queue by walking it")
struct LeadSearchWalkTests {
    /// Thirty leads, a third named Ana, between two reps; the first rep's queue searched for "an", and its
    /// matches as the ordinary query returns them.
    static func thirtyLeads() throws -> (DeskFixture, LeadQuery, [Int64]) {
        let desk = try DeskFixture()
        for index in 0..<30 {
            desk.clock.advance(by: 60)
            try desk.lead(index % 3 == 0 ? "Ana Buyer\(index)" : "Bob Buyer\(index)", owner: index % 2 == 0 ? desk.rep : desk.otherRep)
        }
        let queue = LeadQuery(ownerIDs: [desk.rep.id!], searchText: "an", sort: .staleness)
        return (desk, queue, try desk.database.leads(queue, limit: 100).rows.map(\.id))
    }

    @Test("walking a few leads per call still returns every match of the queue once, in the queue's order")
    func walkedPagesCoverTheQueue() throws {
        let (desk, queue, expected) = try Self.thirtyLeads()
        #expect(expected.count == 5)

        var seen: [Int64] = []
        var cursor: PageCursor?
        var calls = 0
        repeat {
            let page = try desk.database.writer.read { db in
                try LeadSearchWalk.page(db, queue, pattern: try #require(SearchIndex.prefixQuery("an")), pipeline: .standard,
                                         page: cursor.map(PageRequest.after) ?? .first, limit: 2, budget: 4)
            }
            #expect(page.rows.count <= 2)
            seen += page.rows.map(\.id)
            cursor = page.next
            calls += 1
        } while cursor != nil && calls < 50
        #expect(seen == expected)
        #expect(calls > 3)
    }

    @Test("walking backwards from the end returns the queue's last matches, in the queue's order")
    func walkedPagesFromTheEnd() throws {
        let (desk, queue, expected) = try Self.thirtyLeads()
        var seen: [Int64] = []
        var request = PageRequest.last
        var calls = 0
        repeat {
            let page = try desk.database.writer.read { db in
                try LeadSearchWalk.page(db, queue, pattern: try #require(SearchIndex.prefixQuery("an")), pipeline: .standard,
                                         page: request, limit: 2, budget: 4)
            }
            seen = page.rows.map(\.id) + seen
            guard let previous = page.previous else { break }
            request = .before(previous)
            calls += 1
        } while calls < 50
        #expect(seen == expected, "the pages read backwards put together are the queue")
    }

    @Test("a common word of four letters or more (no prefix list in the index) finds what collecting finds")
    func longCommonWords() throws {
        let desk = try DeskFixture()
        for index in 0..<40 {
            desk.clock.advance(by: 60)
            let name = ["Tyrell Corp", "Tyrone Ames", "Bob Tyres", "Ana Tyrell-Smith"][index % 4] + " \(index)"
            try desk.lead(name, owner: index % 3 == 0 ? desk.rep : desk.otherRep)
        }
        let queue = LeadQuery(ownerIDs: [desk.rep.id!, desk.otherRep.id!], searchText: "tyre", sort: .staleness)
        let collected = try desk.database.leads(queue, limit: 100).rows.map(\.id)
        let walked = try desk.database.writer.read { db in
            try LeadSearchWalk.page(db, queue, pattern: try #require(SearchIndex.prefixQuery("tyre")), pipeline: .standard, page: .first, limit: 100)
        }
        #expect(collected.count == 30)
        #expect(walked.rows.map(\.id) == collected)
        #expect(walked.next == nil, "the queue ended before the budget")
    }
}
