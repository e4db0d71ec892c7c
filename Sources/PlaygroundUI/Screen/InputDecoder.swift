/// Turns the bytes a terminal sends into `Key`s: a state machine fed whatever each read returned,
/// so that a sequence split across reads decodes as if it had come in one piece.
///
/// What it understands (xterm's conventions, which tmux, screen and most emulators share):
/// - printable ASCII and UTF-8 characters; CR or LF (Enter), HT (Tab), DEL or BS (Backspace),
///   ETX (Ctrl-C, `.interrupt` when the terminal does not turn it into SIGINT);
/// - `ESC [` (CSI) and `ESC O` (SS3) keys: arrows, Home/End, PgUp/PgDn, Shift-Tab (`ESC [ Z`),
///   with or without modifier parameters (`ESC [ 1 ; 2 A` is Up);
/// - mouse reports, X10 (`ESC [ M b x y`, each byte offset by 32) and SGR
///   (`ESC [ < b ; x ; y M` for a press, `m` for a release): a left press is a click, buttons
///   64 and 65 are the wheel; releases, drags and other buttons are dropped.
///
/// Anything else is dropped whole: an unknown sequence never leaks its bytes as typed characters,
/// and invalid UTF-8 is dropped byte by byte without eating the character after it.
///
/// A lone ESC is ambiguous until the next byte: the Escape key, or the start of a sequence. The
/// reader calls `flush()` when `isPending` and nothing followed within `escapeTimeoutMilliseconds`;
/// a longer sequence that has begun (`ESC [`, a UTF-8 lead byte) waits for its end however long it
/// takes, because a slow link that splits it must not turn its tail into keys.
public struct InputDecoder: Sendable {
    /// How long a lone ESC waits for a following byte before it counts as the Escape key.
    public static let escapeTimeoutMilliseconds = 25
    /// Parameter bytes kept for one sequence; a longer one is still read to its end, then dropped.
    static let sequenceLimit = 32

    private enum State: Sendable {
        case ground
        /// ESC seen.
        case escape
        /// `ESC [`: parameter and intermediate bytes in `sequence` until a final byte.
        case controlSequence
        /// `ESC O`: parameter bytes in `sequence` until a final byte.
        case singleShift
        /// `ESC [ M`: the three raw bytes of an X10 mouse report in `sequence`.
        case x10Mouse
        /// A UTF-8 lead byte and some continuation bytes in `sequence`; `remaining` still to come.
        case utf8(remaining: Int)
    }

    private var state = State.ground
    private var sequence: [UInt8] = []
    private var overflowed = false

    public init() {}

    /// True while a lone ESC waits: `flush()` after the timeout turns it into `.escape`.
    public var isPending: Bool {
        if case .escape = state { return true }
        return false
    }

    /// The keys completed by `bytes`; an incomplete sequence at the end is kept for the next call.
    public mutating func feed(_ bytes: some Collection<UInt8>) -> [Key] {
        var keys: [Key] = []
        for byte in bytes { consume(byte, into: &keys) }
        return keys
    }

    /// No byte followed in time: a lone ESC is the Escape key. Sequences already begun stay.
    public mutating func flush() -> [Key] {
        guard isPending else { return [] }
        state = .ground
        return [.escape]
    }

    private mutating func consume(_ byte: UInt8, into keys: inout [Key]) {
        switch state {
        case .ground:
            ground(byte, into: &keys)
        case .escape:
            switch byte {
            case UInt8(ascii: "["): begin(.controlSequence)
            case UInt8(ascii: "O"): begin(.singleShift)
            case 0x1B: keys.append(.escape)  // Esc pressed twice: the first one is complete
            default:
                // Esc followed at once by a key (typed quickly, or Alt-key): both count.
                keys.append(.escape)
                state = .ground
                ground(byte, into: &keys)
            }
        case .controlSequence, .singleShift:
            sequenceByte(byte, into: &keys)
        case .x10Mouse:
            sequence.append(byte)
            if sequence.count == 3 {
                state = .ground
                if let key = Self.mouse(button: Int(sequence[0]) - 32, column: Int(sequence[1]) - 32,
                                        row: Int(sequence[2]) - 32, pressed: true) {
                    keys.append(key)
                }
            }
        case .utf8(let remaining):
            guard byte & 0xC0 == 0x80 else {
                // The character was cut short: drop it, and read this byte on its own.
                state = .ground
                ground(byte, into: &keys)
                return
            }
            sequence.append(byte)
            if remaining > 1 {
                state = .utf8(remaining: remaining - 1)
                return
            }
            state = .ground
            // Validation rejects overlong forms, surrogates and values beyond U+10FFFF.
            if let text = String(validating: sequence, as: UTF8.self), let character = text.first {
                keys.append(.character(character))
            }
        }
    }

    private mutating func begin(_ next: State) {
        state = next
        sequence.removeAll(keepingCapacity: true)
        overflowed = false
    }

    private mutating func ground(_ byte: UInt8, into keys: inout [Key]) {
        switch byte {
        case 0x1B: state = .escape
        case 0x03: keys.append(.interrupt)
        case 0x08, 0x7F: keys.append(.backspace)
        case 0x09: keys.append(.tab)
        case 0x0A, 0x0D: keys.append(.enter)
        case 0x20...0x7E: keys.append(.character(Character(Unicode.Scalar(byte))))
        case 0xC2...0xDF: beginCharacter(byte, remaining: 1)
        case 0xE0...0xEF: beginCharacter(byte, remaining: 2)
        case 0xF0...0xF4: beginCharacter(byte, remaining: 3)
        default: break  // other control characters, and bytes that cannot start UTF-8
        }
    }

    private mutating func beginCharacter(_ lead: UInt8, remaining: Int) {
        begin(.utf8(remaining: remaining))
        sequence.append(lead)
    }

    /// A byte inside `ESC [` or `ESC O`: ECMA-48's parameter (0x30-0x3F) and intermediate
    /// (0x20-0x2F) bytes collect, a final byte (0x40-0x7E) ends the sequence.
    private mutating func sequenceByte(_ byte: UInt8, into keys: inout [Key]) {
        let isControlSequence: Bool
        if case .controlSequence = state { isControlSequence = true } else { isControlSequence = false }
        switch byte {
        case 0x20...0x3F:
            if sequence.count < Self.sequenceLimit { sequence.append(byte) } else { overflowed = true }
        case UInt8(ascii: "M") where isControlSequence && sequence.isEmpty:
            begin(.x10Mouse)
        case 0x40...0x7E:
            state = .ground
            guard !overflowed else { return }
            let key = isControlSequence ? Self.controlSequence(parameters: sequence, final: byte)
                                        : Self.singleShift(final: byte)
            if let key { keys.append(key) }
        case 0x1B:
            begin(.escape)  // a new sequence starts; the broken one is dropped
        default:
            // Not part of any sequence: drop what came so far, read this byte on its own.
            state = .ground
            ground(byte, into: &keys)
        }
    }

    /// `ESC O` + final: the arrows and Home/End in the terminal's application mode, keypad Enter.
    private static func singleShift(final: UInt8) -> Key? {
        switch final {
        case UInt8(ascii: "M"): .enter
        default: cursorKey(final)
        }
    }

    private static func cursorKey(_ final: UInt8) -> Key? {
        switch final {
        case UInt8(ascii: "A"): .up
        case UInt8(ascii: "B"): .down
        case UInt8(ascii: "C"): .right
        case UInt8(ascii: "D"): .left
        case UInt8(ascii: "H"): .home
        case UInt8(ascii: "F"): .end
        default: nil
        }
    }

    /// `ESC [ parameters final`. Modifiers (`1;2A`, `5;5~`) are ignored: Shift-Up is Up.
    private static func controlSequence(parameters: [UInt8], final: UInt8) -> Key? {
        if parameters.first == UInt8(ascii: "<") {
            guard final == UInt8(ascii: "M") || final == UInt8(ascii: "m") else { return nil }
            let numbers = numbers(parameters.dropFirst())
            guard numbers.count == 3, let button = numbers[0], let column = numbers[1], let row = numbers[2] else {
                return nil
            }
            return mouse(button: button, column: column, row: row, pressed: final == UInt8(ascii: "M"))
        }
        // Private (`?`, `=`, `>`) or intermediate bytes: replies and keys the app has no use for.
        guard parameters.allSatisfy({ (0x30...0x3B).contains($0) }) else { return nil }
        let numbers = numbers(parameters[...])
        switch final {
        case UInt8(ascii: "Z"): return .backTab
        case UInt8(ascii: "~"):
            switch numbers.first ?? nil {
            case 1, 7: return .home
            case 4, 8: return .end
            case 5: return .pageUp
            case 6: return .pageDown
            default: return nil
            }
        default: return cursorKey(final)
        }
    }

    /// The `;`-separated numbers of a parameter string; nil for an empty or unreadable one.
    private static func numbers(_ parameters: ArraySlice<UInt8>) -> [Int?] {
        parameters.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false).map { digits in
            guard !digits.isEmpty, digits.count <= 9, digits.allSatisfy({ (0x30...0x39).contains($0) }) else { return nil }
            return digits.reduce(0) { $0 * 10 + Int($1 - 0x30) }
        }
    }

    /// A mouse report with 1-based `column` and `row`. The button's low two bits name it (0 left,
    /// 3 release in X10), +4/+8/+16 are Shift/Meta/Ctrl (ignored), +32 a drag, +64 the wheel.
    private static func mouse(button: Int, column: Int, row: Int, pressed: Bool) -> Key? {
        guard pressed, button >= 0, column >= 1, row >= 1 else { return nil }
        switch button & ~(4 | 8 | 16) {
        case 0: return .click(x: column - 1, y: row - 1)
        case 64: return .scroll(up: true, x: column - 1, y: row - 1)
        case 65: return .scroll(up: false, x: column - 1, y: row - 1)
        default: return nil
        }
    }
}
