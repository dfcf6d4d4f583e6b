import Testing
@testable import TerminalUI

@Suite("Display width and the sanitiser")
struct TextTests {
    @Test("CJK and fullwidth characters take two columns, combining marks none", arguments: [
        ("abc", 3), ("株式会社", 8), ("Ｆｕｌｌ", 8), ("e\u{301}", 1), ("Nguyễn", 6), ("👍", 2), ("한국어", 6),
        ("491,928,500.00", 14), ("a\r\nb", 3), ("", 0), ("~ ~", 3),
    ])
    func widths(text: String, columns: Int) {
        #expect(DisplayWidth.of(text) == columns)
    }

    @Test("truncating never splits a wide character and marks the cut")
    func truncate() {
        #expect(DisplayWidth.truncate("株式会社ミライ", to: 6) == "株式…")
        #expect(DisplayWidth.of(DisplayWidth.fit("株式会社ミライ", to: 6)) == 6)
        #expect(DisplayWidth.fit("ab", to: 4, alignRight: true) == "  ab")
    }

    @Test("the sanitiser turns every terminal-driving character into a visible placeholder", arguments: [
        "\u{1B}]0;pwned\u{07}", "\u{1B}[2J\u{1B}[H", "\u{1B}]52;c;ZXZpbA==\u{07}", "\u{9B}31m", "a\u{202E}gnp.exe", "x\u{7F}\u{0}y\r\n\t",
        "\u{2066}isolate\u{2069}", "line\u{2028}break",
    ])
    func sanitiser(text: String) {
        let clean = TextSanitizer.sanitize(text)
        let forbidden = clean.unicodeScalars.filter {
            $0.value < 0x20 || (0x7F...0x9F).contains($0.value) || (0x202A...0x202E).contains($0.value) || (0x2066...0x2069).contains($0.value) || $0.value == 0x2028
        }
        #expect(forbidden.isEmpty)
        #expect(clean.unicodeScalars.count == text.unicodeScalars.count)
    }

    @Test("ESC shows as ␛ and ordinary text passes unchanged")
    func placeholders() {
        #expect(TextSanitizer.sanitize("\u{1B}[31mred") == "␛[31mred")
        #expect(TextSanitizer.sanitize("Zoë Müller 株式会社") == "Zoë Müller 株式会社")
    }
}

@Suite("Grid and widgets")
struct GridTests {
    @Test("a wide character occupies two cells, and text clipped at the edge ends in … (half a wide character becomes a space)")
    func wideCells() {
        var grid = Grid(width: 6, height: 1)
        let used = grid.put("株式会社", x: 0, y: 0, style: .plain)
        #expect(used == 6)
        #expect(grid.textLines() == ["株式 …"])
        #expect(grid[1, 0].isContinuation)
        var exact = Grid(width: 6, height: 1)
        exact.put("株式会", x: 0, y: 0, style: .plain)
        #expect(exact.textLines() == ["株式会"], "text that fits exactly is not marked")
    }

    @Test("a wide character that does not fit whole becomes a space, and the cut is marked with …")
    func wideAtEdge() {
        var grid = Grid(width: 5, height: 1)
        grid.put("ab株式", x: 0, y: 0, style: .plain)
        #expect(grid.textLines() == ["ab株…"])
    }

    @Test("text cut at maxWidth ends in … inside its width and leaves the cells after it alone")
    func cutAtMaxWidth() {
        var grid = Grid(width: 10, height: 1)
        grid.put("0123456789", x: 0, y: 0, style: .plain)
        let used = grid.put("abcdef", x: 1, y: 0, style: .plain, maxWidth: 4)
        #expect(used == 4)
        #expect(grid.textLines() == ["0abc…56789"])
    }

    @Test("text drawn into the grid is always sanitised")
    func gridSanitises() {
        var grid = Grid(width: 20, height: 1)
        grid.put("\u{1B}[2Jboom", x: 0, y: 0, style: .plain)
        #expect(grid.textLines() == ["␛[2Jboom"])
    }

    @Test("a table aligns CJK and Latin names in the same columns")
    func tableAlignsWideNames() {
        let table = TableView(columns: [.init(title: "NAME", width: .fixed(10)), .init(title: "VALUE", width: .fixed(6), alignRight: true)])
        var grid = Grid(width: 17, height: 4)
        var offset = 0
        table.render(rows: [[.init("田中太郎"), .init("12")], [.init("Ana"), .init("345")], [.init("株式会社ミライ"), .init("6")]],
                     selected: 0, offset: &offset, in: grid.bounds, grid: &grid, theme: .plain)
        let lines = grid.textLines()
        #expect(lines[1] == "田中太郎       12")
        #expect(lines[2] == "Ana           345")
        #expect(lines[3] == "株式会社…       6")
        #expect(lines.dropFirst().allSatisfy { DisplayWidth.of($0) == 17 })
    }

    @Test("the table scrolls to keep the selection visible")
    func tableScrolls() {
        let table = TableView(columns: [.init(title: "N", width: .flexible(min: 3))])
        var grid = Grid(width: 5, height: 4)
        var offset = 0
        table.render(rows: (0..<10).map { [.init("r\($0)")] }, selected: 7, offset: &offset, in: grid.bounds, grid: &grid, theme: .plain)
        #expect(offset == 5)
        #expect(grid.textLines() == ["N", "r5", "r6", "r7"])
    }

    @Test("the text field edits like a shell line")
    func textField() {
        var field = TextField()
        for key: Key in [.character("h"), .character("e"), .character("y"), .character(" "), .character("y"), .character("o"), .left, .left, .character("!")] {
            field.handle(key)
        }
        #expect(field.text == "hey !yo")
        field.handle(.end)
        field.handle(.ctrl("w"))
        #expect(field.text == "hey ")
        field.handle(.home)
        field.handle(.delete)
        #expect(field.text == "ey ")
        field.handle(.end)
        field.handle(.ctrl("u"))
        #expect(field.text.isEmpty)
    }

    @Test("the too-small message names both sizes")
    func tooSmall() {
        var grid = Grid(width: 20, height: 6)
        TooSmallMessage.render(need: (60, 15), grid: &grid, theme: .plain)
        let text = grid.text
        #expect(text.contains("terminal too small"))
        #expect(text.contains("need 60×15"))
        #expect(text.contains("have 20×6"))
    }
}

@Suite("Colours")
struct ColorTests {
    @Test("capability follows NO_COLOR, the flag, COLORTERM and TERM")
    func detection() {
        #expect(ColorCapability.detect(environment: ["NO_COLOR": "", "COLORTERM": "truecolor"], noColorFlag: false) == .monochrome)
        #expect(ColorCapability.detect(environment: ["COLORTERM": "truecolor"], noColorFlag: true) == .monochrome)
        #expect(ColorCapability.detect(environment: ["COLORTERM": "truecolor", "TERM": "xterm"], noColorFlag: false) == .truecolor)
        #expect(ColorCapability.detect(environment: ["TERM": "screen-256color"], noColorFlag: false) == .indexed256)
        #expect(ColorCapability.detect(environment: ["TERM": "xterm"], noColorFlag: false) == .ansi16)
        #expect(ColorCapability.detect(environment: ["TERM": "dumb"], noColorFlag: false) == .monochrome)
    }

    @Test("true colour falls back to the nearest 256 and 16 colours")
    func downgrade() {
        #expect(Color.rgb(255, 0, 0).adapted(to: .indexed256) == .indexed(196))
        #expect(Color.rgb(255, 0, 0).adapted(to: .ansi16) == .ansi(9))
        #expect(Color.rgb(18, 18, 18).adapted(to: .indexed256) == .indexed(233))
        #expect(Color.indexed(196).adapted(to: .ansi16) == .ansi(9))
        #expect(Color.rgb(1, 2, 3).adapted(to: .monochrome) == .default)
    }

    @Test("in monochrome a coloured selection becomes reverse video")
    func monochromeSelection() {
        let selection = Style(foreground: .ansi(0), background: .ansi(3))
        #expect(selection.adapted(to: .monochrome) == Style(attributes: [.reverse]))
    }

    @Test("colour names parse", arguments: [("#ff8000", Color.rgb(255, 128, 0)), ("red", .ansi(1)), ("bright-blue", .ansi(12)), ("208", .indexed(208)), ("default", .default)])
    func parsing(text: String, color: Color) {
        #expect(Color(text: text) == color)
    }
}

@Suite("ASCII fallback for terminals that are not UTF-8")
struct AsciiFallbackTests {
    @Test("box drawing, markers and arrows become ASCII look-alikes")
    func symbols() {
        #expect(["┌", "─", "│", "▶", "◀", "·", "—", "…", "→", "←"].map { AsciiFallback.cell($0) } == ["+", "-", "|", ">", "<", ".", "-", ".", ">", "<"])
    }

    @Test("accented letters lose their accents; letters that do not fold have a mapping")
    func letters() {
        #expect(["é", "Ü", "ñ", "ç", "ß", "ø", "Ł", "ğ"].map { AsciiFallback.cell($0) } == ["e", "U", "n", "c", "s", "o", "L", "g"])
    }

    @Test("control pictures from the sanitiser stay visible as a caret; anything else is a question mark")
    func placeholders() {
        #expect(AsciiFallback.cell("␛") == "^")
        #expect(AsciiFallback.cell("\u{FFFD}") == "?")
        #expect(AsciiFallback.cell("田") == "?")
        #expect(AsciiFallback.cell("a") == "a")
    }

    @Test("the locale's code set decides", arguments: [("UTF-8", true), ("utf8", true), ("ANSI_X3.4-1968", false), ("ISO-8859-1", false)])
    func codeset(name: String, isUTF8: Bool) {
        #expect(AsciiFallback.localeIsUTF8(codeset: name) == isUTF8)
    }
}
