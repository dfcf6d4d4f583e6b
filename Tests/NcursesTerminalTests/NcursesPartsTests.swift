import Testing
import TerminalUI
@testable import NcursesTerminal

@Suite("ncurses key and colour bookkeeping")
struct NcursesPartsTests {
    let codes = KeyDecoder.Codes(up: 259, down: 258, left: 260, right: 261, home: 262, end: 360, pageUp: 339, pageDown: 338,
                                 backspace: 263, delete: 330, enter: 343, backTab: 353, f0: 264)

    @Test("control characters decode to named keys")
    func characters() {
        #expect(KeyDecoder.character(13) == .enter)
        #expect(KeyDecoder.character(27) == .escape)
        #expect(KeyDecoder.character(9) == .tab)
        #expect(KeyDecoder.character(127) == .backspace)
        #expect(KeyDecoder.character(3) == .ctrl("c"))
        #expect(KeyDecoder.character(4) == .ctrl("d"))
        #expect(KeyDecoder.character(0x682A) == .character("株"))
        #expect(KeyDecoder.character(0) == nil)
    }

    @Test("function-key codes decode to arrows, paging and F-keys")
    func functionKeys() {
        #expect(KeyDecoder.function(259, codes: codes) == .up)
        #expect(KeyDecoder.function(353, codes: codes) == .backTab)
        #expect(KeyDecoder.function(338, codes: codes) == .pageDown)
        #expect(KeyDecoder.function(265, codes: codes) == .function(1))
        #expect(KeyDecoder.function(9999, codes: codes) == nil)
    }

    @Test("each colour combination allocates one pair, once")
    func pairCache() {
        var allocations: [(Int32, Int32)] = []
        var cache = ColorPairCache { foreground, background in
            allocations.append((foreground, background))
            return Int32(allocations.count)
        }
        #expect(cache.pair(foreground: 1, background: -1) == 1)
        #expect(cache.pair(foreground: 2, background: 0) == 2)
        #expect(cache.pair(foreground: 1, background: -1) == 1)
        #expect(cache.pair(foreground: -1, background: -1) == 0)
        #expect(allocations.count == 2)
        #expect(ColorPairCache.number(of: .rgb(255, 0, 0)) == 196)
        #expect(ColorPairCache.number(of: .default) == -1)
    }
}
