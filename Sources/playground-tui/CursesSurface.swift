import CNcurses
import PlaygroundUI

/// The screen writer's operations as bytes for this terminal: `EncodingSurface` encodes them with
/// the escape sequences of the terminal's terminfo entry (read once through ncurses), and
/// `TerminalOutput` sends them without ever waiting. ncurses keeps the terminal's modes, the
/// alternate screen and the teardown; it no longer draws, because it sends both colours again
/// at every change of colour pair (three quarters of its bytes on a changing heat map).
struct CursesSurface: TerminalSurface {
    private var encoder: EncodingSurface
    let output: TerminalOutput

    init(output: TerminalOutput) {
        self.output = output
        encoder = EncodingSurface(width: Int(cn_cols()), height: Int(cn_lines()), strings: Self.terminfoStrings(),
                                  columns: { Int(cn_wcwidth($0.value)) })
    }

    var width: Int { Int(cn_cols()) }
    var height: Int { Int(cn_lines()) }

    func columns(of scalar: Unicode.Scalar) -> Int { encoder.columns(of: scalar) }

    mutating func definePair(_ pair: Int32, foreground: Int16, background: Int16) -> Bool {
        // Still defined in ncurses: its teardown and `rewriteWrapped` assume the usual pairs.
        guard init_extended_pair(pair, Int32(foreground), Int32(background)) == OK else { return false }
        return encoder.definePair(pair, foreground: foreground, background: background)
    }

    mutating func clear() {
        encoder.width = width
        encoder.height = height
        encoder.clear()
    }

    mutating func prepare(ink: Int, as cell: TerminalCell) { encoder.prepare(ink: ink, as: cell) }

    mutating func move(x: Int, y: Int) { encoder.move(x: x, y: y) }

    mutating func write(ink: Int) { encoder.write(ink: ink) }

    mutating func present() {
        let bytes = encoder.take()
        presentedBytes = bytes.count
        output.append(bytes)
        output.flush()
    }

    /// What the last `present` handed over.
    private(set) var presentedBytes = 0

    /// Something else wrote to the terminal: nothing is assumed about its attributes and cursor.
    mutating func forget() { encoder.forget() }

    /// Attributes and colours back to normal (before the terminal is given back).
    var resetBytes: [UInt8] { encoder.strings.resetAttributes + encoder.strings.defaultColors }

    /// The terminal's sequences from terminfo, their padding (`$<5>`) removed: the delays are
    /// for hardware terminals, and the bytes would show as text.
    static func terminfoStrings() -> TerminalStrings {
        func string(_ name: String) -> [UInt8] {
            guard let cap = tigetstr(name), Int(bitPattern: cap) != -1 else { return [] }
            return withoutPadding(UnsafePointer(cap))
        }
        let colors = Int(cn_colors())
        let foreground = (0..<min(256, max(0, colors))).map { parameterized("setaf", $0) }
        let background = (0..<min(256, max(0, colors))).map { parameterized("setab", $0) }
        let bold = string("bold"), reverse = string("rev")
        // ECMA-48's "normal intensity" and "reverse off" where the terminal speaks ECMA-48's SGR.
        let ecma = bold == Array("\u{1B}[1m".utf8) && reverse == Array("\u{1B}[7m".utf8)
        let hasColumn = !string("hpa").isEmpty, hasRight = !string("cuf").isEmpty
        let cursorTo: @Sendable (Int, Int) -> [UInt8] = { x, y in parameterized("cup", y, x) }
        let column: (@Sendable (Int) -> [UInt8])? = hasColumn ? { @Sendable x in parameterized("hpa", x) } : nil
        let right: (@Sendable (Int) -> [UInt8])? = hasRight ? { @Sendable n in parameterized("cuf", n) } : nil
        let boldOff: [UInt8] = ecma ? Array("\u{1B}[22m".utf8) : []
        let reverseOff: [UInt8] = ecma ? Array("\u{1B}[27m".utf8) : []
        // SGR 39 and 49 where the terminal's own `op` is made of them.
        let separateDefaults = string("op") == Array("\u{1B}[39;49m".utf8)
        let lastCellWritable = tigetflag("am") <= 0 || tigetflag("xenl") > 0
        func isSGR(_ bytes: [UInt8]) -> Bool { bytes.count > 3 && bytes.starts(with: [0x1B, 0x5B]) && bytes.last == 0x6D }
        let combines = ecma && (foreground + background + [string("op")]).allSatisfy { $0.isEmpty || isSGR($0) }
        return TerminalStrings(
            clear: string("clear"), resetAttributes: string("sgr0"), bold: bold, reverse: reverse,
            boldOff: boldOff, reverseOff: reverseOff, defaultColors: string("op"),
            defaultForeground: separateDefaults ? Array("\u{1B}[39m".utf8) : [],
            defaultBackground: separateDefaults ? Array("\u{1B}[49m".utf8) : [],
            foreground: foreground, background: background, cursorTo: cursorTo, column: column, right: right,
            lastCellWritable: lastCellWritable, combinesAttributes: combines)
    }

    private static func parameterized(_ name: String, _ a: Int, _ b: Int? = nil) -> [UInt8] {
        let text: UnsafePointer<CChar>?
        if let b { text = cn_tiparm2(name, Int32(a), Int32(b)) } else { text = cn_tiparm1(name, Int32(a)) }
        guard let text else { return [] }
        return withoutPadding(text)
    }

    private static func withoutPadding(_ text: UnsafePointer<CChar>) -> [UInt8] {
        var bytes: [UInt8] = []
        var pointer = text
        while pointer.pointee != 0 {
            if pointer.pointee == 0x24, pointer[1] == 0x3C {  // "$<" ... ">"
                var end = pointer + 2
                while end.pointee != 0, end.pointee != 0x3E { end += 1 }
                if end.pointee == 0x3E {
                    pointer = end + 1
                    continue
                }
            }
            bytes.append(UInt8(bitPattern: pointer.pointee))
            pointer += 1
        }
        return bytes
    }
}
