import SalesDeskDomain
import Testing
@testable import SalesDeskAutomation

@Suite("Matching the desk's words")
struct VocabularyMatchTests {
    static let samples = [
        "Demo Given", "demo given", "demo_given", "  Demo--Given ", "DemoGiven", "Demo Given 2", "partner_referral", "Partner referral",
        "_", "", " ", "é Demo", "Démo Given", "demo — given", "Demo Given —", "42", "a b", "ab", "A_B_", "__a__b", "Z9", "z 9",
    ]

    @Test("a word matches exactly when the stage normaliser says the two are the same: case, spaces and punctuation ignored, ASCII or not")
    func agreesWithTheNormaliser() {
        for left in Self.samples {
            for right in Self.samples {
                #expect(RuleVocabulary.matches(left, right) == (StageKey.normalised(left) == StageKey.normalised(right)), "\(left) vs \(right)")
            }
        }
    }

    @Test("random ASCII texts match exactly when the normaliser says so")
    func agreesOnRandomText() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("aAbB zZ09_-.,é")
        for _ in 0..<2_000 {
            let left = String((0..<Int.random(in: 0...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let right = String((0..<Int.random(in: 0...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(RuleVocabulary.matches(left, right) == (StageKey.normalised(left) == StageKey.normalised(right)), "\(left) vs \(right)")
        }
    }
}
