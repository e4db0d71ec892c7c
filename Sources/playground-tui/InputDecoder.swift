import CNcurses
import PlaygroundUI

/// What one read from the terminal produced.
enum InputEvent: Equatable {
    case key(Key)
    /// The window changed size (ncurses has already resized its screen).
    case resize
}

/// Turns what `wget_wch` returns into `Key`s.
enum InputDecoder {
    /// `isFunctionKey`: `wget_wch` returned `KEY_CODE_YES`, so `code` is a `KEY_*` value;
    /// otherwise `code` is a character. `mouse` reads the pending mouse event (`getmouse`).
    /// Returns nil for input the app has no use for.
    static func decode(isFunctionKey: Bool, code: UInt32, mouse: () -> MEVENT?) -> InputEvent? {
        if isFunctionKey { return decodeFunctionKey(Int32(bitPattern: code), mouse: mouse) }
        switch code {
        case 3: return .key(.interrupt)
        case 8, 127: return .key(.backspace)
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)  // nonl: Enter arrives as CR
        case 27: return .key(.escape)
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .key(.character(Character(scalar)))
        }
    }

    private static func decodeFunctionKey(_ code: Int32, mouse: () -> MEVENT?) -> InputEvent? {
        switch code {
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return mouse().flatMap(decodeMouse)
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE: return .key(.pageUp)
        case KEY_NPAGE: return .key(.pageDown)
        case KEY_HOME: return .key(.home)
        case KEY_END: return .key(.end)
        case KEY_BTAB: return .key(.backTab)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_ENTER: return .key(.enter)
        default: return nil
        }
    }

    /// A left press is a click, buttons 4 and 5 are the wheel; releases and drags are ignored.
    static func decodeMouse(_ event: MEVENT) -> InputEvent? {
        let x = Int(event.x), y = Int(event.y)
        if event.bstate & (cn_button1_pressed() | cn_button1_clicked()) != 0 { return .key(.click(x: x, y: y)) }
        if event.bstate & cn_button4_pressed() != 0 { return .key(.scroll(up: true, x: x, y: y)) }
        if event.bstate & cn_button5_pressed() != 0 { return .key(.scroll(up: false, x: x, y: y)) }
        return nil
    }
}
