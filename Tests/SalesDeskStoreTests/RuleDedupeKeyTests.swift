@testable import SalesDeskStore
import Testing

@Suite("A rule notification's dedupe key")
struct RuleDedupeKeyTests {
    @Test("hashes the title the same way in every process (FNV-1a 64), not with the per-process seeded hashValue")
    func stableAcrossProcesses() {
        // Published FNV-1a 64-bit values.
        #expect(RuleActionPerformer.stableHash("") == "cbf29ce484222325")
        #expect(RuleActionPerformer.stableHash("a") == "af63dc4c8601ec8c")
        #expect(RuleActionPerformer.stableHash("foobar") == "85944171f73967e8")
    }
}
