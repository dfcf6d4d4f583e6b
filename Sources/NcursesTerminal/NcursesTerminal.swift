import CNcurses
import Foundation
import TerminalUI

/// The real ``Terminal``: ncursesw in raw mode. The only code in the desk that calls ncurses.
///
/// The terminal is restored (`endwin`) on ``close()``, on deinit, at exit, and on SIGTERM, SIGHUP and
/// SIGINT before the signal's default action runs.
public final class NcursesTerminal: Terminal {
    public let colorCapability: ColorCapability
    /// False when the locale's character set is not UTF-8: cells are then drawn through ``AsciiFallback``.
    public let isUTF8: Bool
    private var pairs: ColorPairCache
    private var isOpen = true
    private let codes = KeyDecoder.Codes(
        up: KEY_UP, down: KEY_DOWN, left: KEY_LEFT, right: KEY_RIGHT, home: KEY_HOME, end: KEY_END, pageUp: KEY_PPAGE,
        pageDown: KEY_NPAGE, backspace: KEY_BACKSPACE, delete: KEY_DC, enter: KEY_ENTER, backTab: KEY_BTAB, f0: sd_key_f0())

    /// Takes over the terminal. `noColor` forces monochrome (as does `NO_COLOR`); `mouse` turns on clicks and
    /// the wheel (off by default: it takes the terminal's own text selection away).
    public init(noColor: Bool = false, mouse: Bool = false, environment: [String: String] = ProcessInfo.processInfo.environment) {
        setlocale(LC_ALL, "")
        isUTF8 = AsciiFallback.localeIsUTF8(codeset: String(cString: nl_langinfo(nl_item(CODESET))))
        setenv("ESCDELAY", "25", 0)
        initscr()
        raw()
        noecho()
        nonl()
        keypad(sd_stdscr(), true)
        curs_set(0)
        var colors: Int32 = 0
        if has_colors() {
            start_color()
            use_default_colors()
            colors = sd_colors()
        }
        colorCapability = ColorCapability.detect(environment: environment, noColorFlag: noColor, colorsReported: Int(colors))
        pairs = ColorPairCache { foreground, background in alloc_pair(foreground, background) }
        TerminalRestorer.install()
        if mouse { _ = sd_enable_mouse() }
    }

    deinit { close() }

    /// Restores the terminal; safe to call more than once.
    public func close() {
        guard isOpen else { return }
        isOpen = false
        TerminalRestorer.restore()
    }

    public var size: (width: Int, height: Int) { (Int(sd_cols()), Int(sd_lines())) }

    public func nextEvent(timeoutMilliseconds: Int?) -> TerminalEvent? {
        wtimeout(sd_stdscr(), Int32(timeoutMilliseconds ?? -1))
        var code: wint_t = 0
        let result = wget_wch(sd_stdscr(), &code)
        switch result {
        case OK:
            return KeyDecoder.character(UInt32(code)).map(TerminalEvent.key)
        case KEY_CODE_YES:
            if Int32(code) == KEY_RESIZE { return .resize(width: Int(sd_cols()), height: Int(sd_lines())) }
            if Int32(code) == sd_key_mouse() {
                var x: Int32 = 0
                var y: Int32 = 0
                let button: MouseEvent.Button? = switch sd_read_mouse(&x, &y) {
                case 1: .left
                case 4: .wheelUp
                case 5: .wheelDown
                default: nil
                }
                return button.map { .mouse(MouseEvent(x: Int(x), y: Int(y), button: $0)) }
            }
            return KeyDecoder.function(Int32(code), codes: codes).map(TerminalEvent.key)
        default:
            return nil
        }
    }

    public func present(_ grid: Grid) {
        let capability = colorCapability == .truecolor ? ColorCapability.indexed256 : colorCapability
        let rows = min(grid.height, Int(sd_lines()))
        let columns = min(grid.width, Int(sd_cols()))
        for y in 0..<rows {
            for x in 0..<columns {
                let cell = grid[x, y]
                if cell.isContinuation { continue }
                let style = cell.style.adapted(to: capability)
                let pair = capability == .monochrome ? 0 : pairs.pair(
                    foreground: ColorPairCache.number(of: style.foreground), background: ColorPairCache.number(of: style.background))
                let text = isUTF8 ? cell.text : AsciiFallback.cell(cell.text)
                if !isUTF8, DisplayWidth.of(cell.text) > 1, x + 1 < columns {
                    // A wide character's continuation cell would be skipped: its second column gets a "?" too.
                    _ = sd_put_cell(Int32(y), Int32(x + 1), [wchar_t(63), 0], attributes(style.attributes), pair)
                }
                var wide = Array(text.unicodeScalars.prefix(4).map { wchar_t(bitPattern: $0.value) })
                wide.append(0)
                // The bottom-right cell cannot be written without scrolling on some terminals; ncurses reports ERR, harmlessly.
                _ = sd_put_cell(Int32(y), Int32(x), wide, attributes(style.attributes), pair)
            }
        }
        wrefresh(sd_stdscr())
    }

    public func bell() { beep() }

    public func suspend() {
        def_prog_mode()
        endwin()
    }

    public func resume() {
        reset_prog_mode()
        wrefresh(sd_stdscr())
    }

    private func attributes(_ attributes: Style.Attributes) -> attr_t {
        var result: attr_t = 0
        if attributes.contains(.bold) { result |= sd_attr_bold() }
        if attributes.contains(.dim) { result |= sd_attr_dim() }
        if attributes.contains(.underline) { result |= sd_attr_underline() }
        if attributes.contains(.reverse) { result |= sd_attr_reverse() }
        if attributes.contains(.italic) { result |= sd_attr_italic() }
        return result
    }
}

/// Restores the terminal at exit and on fatal signals, once.
enum TerminalRestorer {
    nonisolated(unsafe) private static var installed = false

    static func install() {
        guard !installed else { return }
        installed = true
        // A parent may have started us with these blocked; the desk must see resizes and quit signals.
        var handled = sigset_t()
        sigemptyset(&handled)
        for signalNumber in [SIGWINCH, SIGTERM, SIGHUP, SIGINT, SIGQUIT] { sigaddset(&handled, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &handled, nil)
        atexit { TerminalRestorer.restore() }
        for signalNumber in [SIGTERM, SIGHUP, SIGINT, SIGQUIT] {
            signal(signalNumber) { received in
                TerminalRestorer.restore()
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }

    static func restore() {
        if isendwin() == false { endwin() }
    }
}
