import Foundation
@testable import SalesDeskStore
import Testing

@Suite("Digests as hex digits")
struct HexDigitsTests {
    @Test func aRuleTextsHashReadsAsTheSHA256PublishedForIt() {
        #expect(StoredRule.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func everyByteIsTwoLowercaseDigitsWithItsLeadingZero() {
        #expect([0x00, 0x0f, 0xa0, 0xff].lowercaseHex == "000fa0ff")
        #expect(Data().lowercaseHex == "")
    }
}
