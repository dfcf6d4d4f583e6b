import TerminalUI

/// Maps (foreground, background) colour numbers to ncurses colour pairs, allocating each pair once.
///
/// Pure bookkeeping: the allocation itself is a closure, so the cache is tested without a terminal.
struct ColorPairCache {
    private var pairs: [Int64: Int32] = [:]
    private let allocate: (Int32, Int32) -> Int32

    init(allocate: @escaping (Int32, Int32) -> Int32) {
        self.allocate = allocate
    }

    /// The pair for a colour combination; 0 (the terminal default) when none can be allocated.
    mutating func pair(foreground: Int32, background: Int32) -> Int32 {
        if foreground == -1 && background == -1 { return 0 }
        let key = Int64(foreground) << 32 | Int64(UInt32(bitPattern: background))
        if let known = pairs[key] { return known }
        let pair = max(0, allocate(foreground, background))
        pairs[key] = pair
        return pair
    }

    /// The ncurses colour number of a colour: −1 for the default, the index otherwise.
    static func number(of color: Color) -> Int32 {
        switch color {
        case .default: -1
        case .ansi(let index), .indexed(let index): Int32(index)
        case .rgb: number(of: color.adapted(to: .indexed256))
        }
    }
}
