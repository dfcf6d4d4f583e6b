import TerminalUI

/// Where a scrolling dialog stands: how many of its lines fit and which is first. The one home of the
/// dialogs' geometry, so the keys that scroll (update) and the drawing (view) agree on what fits: a dialog
/// scrolls exactly as far as its last line and no further, and a key back up moves it at once.
struct DialogScroll: Equatable {
    /// How many lines the dialog has.
    var count: Int
    /// How many lines show at once.
    var visibleRows: Int
    /// The first line shown (clamped to the lines there are).
    var first: Int

    init(count: Int, visibleRows: Int, offset: Int) {
        self.count = count
        self.visibleRows = max(1, visibleRows)
        self.first = max(0, min(offset, max(0, count - self.visibleRows)))
    }

    /// The furthest first line: the one that shows the last line at the bottom.
    var lastFirst: Int { max(0, count - visibleRows) }
    /// Whether there is more than fits.
    var scrolls: Bool { count > visibleRows }
    /// The indices of the lines on show.
    var shown: Range<Int> { first..<min(count, first + visibleRows) }

    /// "· 21–40 of 84, ↑/↓ scroll" for the title when the dialog scrolls; empty when everything fits.
    var positionText: String {
        scrolls ? " · \(first + 1)–\(shown.upperBound) of \(count), ↑/↓ scroll" : ""
    }

    /// The offset after a scrolling key, or nil when the key does not scroll. The keys are the lists' own
    /// (``ListMove/bindings``); without `letters` only the ones that are not letters (a dialog whose letters are
    /// typed into a filter).
    func offset(after key: Key, letters: Bool) -> Int? {
        if !letters, case .character = key { return nil }
        guard let move = ListMove.bindings.first(where: { $0.keys.contains(key) })?.action else { return nil }
        let page = max(1, visibleRows - 1)
        switch move {
        case .down: return min(lastFirst, first + 1)
        case .up: return max(0, first - 1)
        case .pageDown: return min(lastFirst, first + page)
        case .pageUp: return max(0, first - page)
        case .top: return 0
        case .bottom: return lastFirst
        }
    }
}

/// The message dialog's layout: its width, its text wrapped to it, and what of it shows.
struct MessageLayout {
    /// Rows the dialog spends around its text: top border and a blank; a blank, the closing hint and the
    /// bottom border.
    static let chromeRows = 5

    let width: Int
    let lines: [String]
    let scroll: DialogScroll

    init(_ text: String, offset: Int, terminalWidth: Int, terminalHeight: Int) {
        width = min(terminalWidth - 4, 72)
        lines = TextWrap.lines(text, width: width - 4)
        scroll = DialogScroll(count: lines.count, visibleRows: min(lines.count, terminalHeight - 2 - Self.chromeRows), offset: offset)
    }
}

/// The help dialog's layout: its commands, each wrapped beside its key so no description is cut off, and
/// what of them shows.
struct HelpLayout {
    /// Rows around the list: a border, the filter line and a blank above; the hint and a border below.
    static let chromeRows = 5
    /// The key column's width.
    static let keyWidth = 16

    /// One line of the list: the keys on an entry's first line, nil on its continuation lines.
    struct Line: Equatable {
        var keys: String?
        var text: String
    }

    let width: Int
    let lines: [Line]
    let scroll: DialogScroll

    init(_ entries: [CommandEntry], offset: Int, terminalWidth: Int, terminalHeight: Int) {
        width = min(terminalWidth - 4, 84)
        let textWidth = max(10, width - Self.keyWidth - 4)
        lines = entries.flatMap { entry in
            TextWrap.lines("\(entry.summary)  (:\(entry.name))", width: textWidth).enumerated().map { index, text in
                Line(keys: index == 0 ? entry.keyLabel : nil, text: text)
            }
        }
        scroll = DialogScroll(count: lines.count, visibleRows: terminalHeight - 2 - Self.chromeRows, offset: offset)
    }
}
