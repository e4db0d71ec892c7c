/// The bytes a frame costs on the wire: `EncodingSurface` turns the screen writer's operations
/// into the terminal's own escape sequences, changing an attribute only when it differs from the
/// one in force (ncurses, by contrast, sends both colours again whenever the colour pair changes,
/// and resets everything to leave bold: three quarters of its bytes on a changing heat map).

/// The escape sequences of one terminal type, from its terminfo entry (the backend fills this
/// in; `xterm` is the ANSI/xterm set most terminals take, for tests).
public struct TerminalStrings: Sendable {
    /// Clears the screen and puts the cursor top left (terminfo `clear`).
    public var clear: [UInt8]
    /// Every attribute and colour back to normal (`sgr0`).
    public var resetAttributes: [UInt8]
    public var bold: [UInt8]
    public var reverse: [UInt8]
    /// Bold off, reverse off alone (ECMA-48's SGR 22 and 27), for terminals that take them;
    /// empty: leave them with `resetAttributes` (then the colours are sent again).
    public var boldOff: [UInt8]
    public var reverseOff: [UInt8]
    /// Both colours back to the terminal's default (`op`); empty when the terminal has none.
    public var defaultColors: [UInt8]
    /// One colour back to the default (ECMA-48's SGR 39, 49) where the terminal takes them;
    /// empty: `defaultColors` resets both.
    public var defaultForeground: [UInt8]
    public var defaultBackground: [UInt8]
    /// Foreground and background colour `n` (`setaf`, `setab`), by palette index.
    public var foreground: [[UInt8]]
    public var background: [[UInt8]]
    /// The cursor to column x, row y, 0-based (`cup`).
    public var cursorTo: @Sendable (_ x: Int, _ y: Int) -> [UInt8]
    /// The cursor to column x in its row (`hpa`); nil when the terminal has none.
    public var column: (@Sendable (_ x: Int) -> [UInt8])?
    /// The cursor n columns right (`cuf`); nil when the terminal has none.
    public var right: (@Sendable (_ n: Int) -> [UInt8])?
    /// Writing the screen's bottom-right cell does not scroll (`xenl`, or no automatic margins);
    /// when false that one cell is left alone.
    public var lastCellWritable: Bool
    /// Every attribute sequence above is one ECMA-48 SGR (`ESC [ ... m`), so that two in a row
    /// can be sent as one (`ESC [ 38;5;31;48;5;74 m`, three bytes fewer).
    public var combinesAttributes: Bool

    public init(clear: [UInt8], resetAttributes: [UInt8], bold: [UInt8], reverse: [UInt8], boldOff: [UInt8],
                reverseOff: [UInt8], defaultColors: [UInt8], defaultForeground: [UInt8], defaultBackground: [UInt8],
                foreground: [[UInt8]], background: [[UInt8]],
                cursorTo: @escaping @Sendable (Int, Int) -> [UInt8], column: (@Sendable (Int) -> [UInt8])?,
                right: (@Sendable (Int) -> [UInt8])?, lastCellWritable: Bool, combinesAttributes: Bool) {
        self.clear = clear
        self.resetAttributes = resetAttributes
        self.bold = bold
        self.reverse = reverse
        self.boldOff = boldOff
        self.reverseOff = reverseOff
        self.defaultColors = defaultColors
        self.defaultForeground = defaultForeground
        self.defaultBackground = defaultBackground
        self.foreground = foreground
        self.background = background
        self.cursorTo = cursorTo
        self.column = column
        self.right = right
        self.lastCellWritable = lastCellWritable
        self.combinesAttributes = combinesAttributes
    }

    /// xterm-256color's sequences, written out (what `infocmp xterm-256color` lists).
    public static let xterm: TerminalStrings = {
        func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }
        func color(_ base: Int, _ n: Int) -> [UInt8] {
            n < 8 ? bytes("\u{1B}[\(base + n)m") : n < 16 ? bytes("\u{1B}[\(base + 60 + n - 8)m")
                : bytes("\u{1B}[\(base + 8);5;\(n)m")
        }
        return TerminalStrings(
            clear: bytes("\u{1B}[H\u{1B}[2J"), resetAttributes: bytes("\u{1B}(B\u{1B}[m"), bold: bytes("\u{1B}[1m"),
            reverse: bytes("\u{1B}[7m"), boldOff: bytes("\u{1B}[22m"), reverseOff: bytes("\u{1B}[27m"),
            defaultColors: bytes("\u{1B}[39;49m"), defaultForeground: bytes("\u{1B}[39m"),
            defaultBackground: bytes("\u{1B}[49m"), foreground: (0..<256).map { color(30, $0) },
            background: (0..<256).map { color(40, $0) },
            cursorTo: { x, y in Array("\u{1B}[\(y + 1);\(x + 1)H".utf8) },
            column: { x in Array("\u{1B}[\(x + 1)G".utf8) }, right: { n in Array("\u{1B}[\(n)C".utf8) },
            lastCellWritable: true, combinesAttributes: true)
    }()
}

/// The screen writer's surface as bytes: it keeps what the terminal has in force (colours,
/// bold, reverse, the cursor's place) and sends only the changes. `take()` hands over the bytes
/// so far; the backend writes them.
public struct EncodingSurface: TerminalSurface {
    public var width: Int
    public var height: Int
    public let strings: TerminalStrings
    private let columnsOf: @Sendable (Unicode.Scalar) -> Int

    /// How a cell looks on the terminal: colours (-1: the default) and attributes.
    struct Look: Equatable {
        var foreground: Int16 = -1, background: Int16 = -1
        var bold = false, reverse = false
        static let normal = Look()
    }
    private struct Ink {
        var utf8: [UInt8]
        var look: Look
    }

    private var pairs: [Int32: (Int16, Int16)] = [:]
    private var inks: [Ink] = []
    private var output: [UInt8] = []
    /// Where the last attribute sequence sent ends in `output` (to join the next one to it).
    private var attributesEnd = -1
    /// In force on the terminal; nil when unknown (before the first clear).
    private var look: Look?
    /// The cursor's place; nil when unknown (after the last column of a row).
    private var cursor: (x: Int, y: Int)?

    /// `columns`: the terminal's width of a scalar (`wcwidth`).
    public init(width: Int, height: Int, strings: TerminalStrings,
                columns: @escaping @Sendable (Unicode.Scalar) -> Int = { _ in 1 }) {
        self.width = width
        self.height = height
        self.strings = strings
        columnsOf = columns
        output.reserveCapacity(1 << 16)
    }

    /// The bytes encoded since the last call.
    public mutating func take() -> [UInt8] {
        defer {
            output.removeAll(keepingCapacity: true)
            attributesEnd = -1
        }
        return output
    }

    /// What the terminal has in force is unknown (something else wrote to it): the next write
    /// sets everything, the next move is absolute.
    public mutating func forget() {
        look = nil
        cursor = nil
    }

    public func columns(of scalar: Unicode.Scalar) -> Int { columnsOf(scalar) }

    public mutating func definePair(_ pair: Int32, foreground: Int16, background: Int16) -> Bool {
        pairs[pair] = (foreground, background)
        return true
    }

    public mutating func clear() {
        output += strings.resetAttributes
        output += strings.clear
        look = .normal
        cursor = (0, 0)
    }

    public mutating func prepare(ink: Int, as cell: TerminalCell) {
        let (foreground, background) = cell.pair == 0 ? (-1, -1) : pairs[cell.pair] ?? (-1, -1)
        let value = Ink(utf8: Array(String(Character(cell.scalar)).utf8),
                        look: Look(foreground: foreground, background: background, bold: cell.bold, reverse: cell.reverse))
        precondition(ink <= inks.count, "inks are numbered from 0 without gaps")
        if ink == inks.count { inks.append(value) } else { inks[ink] = value }
    }

    public mutating func move(x: Int, y: Int) {
        if let cursor, cursor == (x, y) { return }
        var best = strings.cursorTo(x, y)
        if let cursor, cursor.y == y {
            if let column = strings.column?(x), column.count < best.count { best = column }
            if x > cursor.x, let right = strings.right?(x - cursor.x), right.count < best.count { best = right }
        }
        output += best
        cursor = (x, y)
    }

    public mutating func write(ink: Int) {
        guard let (x, y) = cursor else { return }
        if x == width - 1, y == height - 1, !strings.lastCellWritable {
            self.cursor = nil
            return
        }
        let cell = inks[ink]
        // The text stays the frame's own: a "▀" of two equal colours would look the same as a
        // space, but a capture of the screen would differ.
        change(to: cell.look, blank: cell.utf8 == [0x20])
        output += cell.utf8
        cursor = x + 1 < width ? (x + 1, y) : nil
    }

    public mutating func present() {}

    /// Sends what differs between the look in force and `target`, and nothing else. A `blank`
    /// (a space, not in reverse) shows no foreground: it keeps the one in force.
    private mutating func change(to wanted: Look, blank: Bool) {
        var now: Look
        if let look {
            now = look
        } else {
            send(strings.resetAttributes)
            now = .normal
        }
        var target = wanted
        if blank, !target.reverse { target.foreground = now.foreground }
        look = target
        if now == target { return }
        let boldOff = now.bold && !target.bold, reverseOff = now.reverse && !target.reverse
        if (boldOff && strings.boldOff.isEmpty) || (reverseOff && strings.reverseOff.isEmpty) {
            send(strings.resetAttributes)
            now = .normal
        } else {
            if boldOff { send(strings.boldOff) }
            if reverseOff { send(strings.reverseOff) }
        }
        if target.bold && !now.bold { send(strings.bold) }
        if target.reverse && !now.reverse { send(strings.reverse) }
        now.bold = target.bold
        now.reverse = target.reverse
        // Back to a default colour: alone where the terminal can, else `op` resets both (sgr0
        // where there is no `op`).
        if !strings.defaultForeground.isEmpty, !strings.defaultBackground.isEmpty {
            if target.foreground < 0 && now.foreground >= 0 {
                send(strings.defaultForeground)
                now.foreground = -1
            }
            if target.background < 0 && now.background >= 0 {
                send(strings.defaultBackground)
                now.background = -1
            }
        }
        if (target.foreground < 0 && now.foreground >= 0) || (target.background < 0 && now.background >= 0) {
            if strings.defaultColors.isEmpty {
                send(strings.resetAttributes)
                if target.bold { send(strings.bold) }
                if target.reverse { send(strings.reverse) }
            } else {
                send(strings.defaultColors)
            }
            now.foreground = -1
            now.background = -1
        }
        if target.foreground != now.foreground { send(Self.color(strings.foreground, target.foreground)) }
        if target.background != now.background { send(Self.color(strings.background, target.background)) }
    }

    /// Appends an attribute sequence, joined to the one just before it where the terminal allows.
    private mutating func send(_ sequence: [UInt8]) {
        guard !sequence.isEmpty else { return }
        if strings.combinesAttributes, attributesEnd == output.count, sequence.count > 3,
           sequence[0] == 0x1B, sequence[1] == 0x5B, sequence.last == 0x6D, output.last == 0x6D {
            output[output.count - 1] = 0x3B  // "m" becomes ";"
            output += sequence[2...]
        } else {
            output += sequence
        }
        attributesEnd = output.count
    }

    private static func color(_ table: [[UInt8]], _ index: Int16) -> [UInt8] {
        Int(index) < table.count ? table[Int(index)] : []
    }
}
