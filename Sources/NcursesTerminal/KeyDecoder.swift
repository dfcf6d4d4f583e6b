import TerminalUI

/// Turns what `wget_wch` returned into a ``Key``: a character code, or a function-key code.
enum KeyDecoder {
    /// Key codes of ncurses (`KEY_*`), passed in so the table is testable without ncurses.
    struct Codes {
        var up, down, left, right, home, end, pageUp, pageDown, backspace, delete, enter, backTab, f0: Int32
    }

    /// A plain character code (wget_wch returned OK).
    static func character(_ code: UInt32) -> Key? {
        switch code {
        case 10, 13: return .enter
        case 9: return .tab
        case 27: return .escape
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(code + 96)!))
        case 0, 28...31: return nil
        default: return Unicode.Scalar(code).map { .character(Character($0)) }
        }
    }

    /// A function-key code (wget_wch returned KEY_CODE_YES).
    static func function(_ code: Int32, codes: Codes) -> Key? {
        switch code {
        case codes.up: return .up
        case codes.down: return .down
        case codes.left: return .left
        case codes.right: return .right
        case codes.home: return .home
        case codes.end: return .end
        case codes.pageUp: return .pageUp
        case codes.pageDown: return .pageDown
        case codes.backspace: return .backspace
        case codes.delete: return .delete
        case codes.enter: return .enter
        case codes.backTab: return .backTab
        case codes.f0 + 1...codes.f0 + 24: return .function(Int(code - codes.f0))
        default: return nil
        }
    }
}
