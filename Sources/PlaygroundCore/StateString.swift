/// Reading and writing TF's URL-hash form through `StateKey.table`.
///
/// The text is taken apart on its code points (Unicode scalars), never on grapheme clusters:
/// a combining mark after `&` or `=` would otherwise join the separator into one character and
/// silently swallow a key.
///
/// ASCII white space (space, tab, CR, LF) is dropped everywhere in the text before it is read: a
/// link copied from a terminal that wrapped it arrives with line breaks and indentation inside.
/// A TF link never holds raw white space (a browser writes a space in the hash as `%20`, and TF,
/// like this parser, keeps `%20` as it is, undecoded), so nothing a link can say is lost; a seed
/// typed with a space reads as the seed without it, and as every value read is free of white
/// space, writing a state and reading it back gives the same state.

/// A state string that cannot be used, with a message naming the key and what it accepts.
public struct StateError: Error, Equatable, CustomStringConvertible, Sendable {
    public let key: String
    public let value: String
    public let message: String
    public var description: String { message }
}

// MARK: - Writing

extension PlaygroundState {
    /// The regular keys in TF's order (those TF writes no value for left out), then the
    /// classroom keys in the order they were given, then this program's own (`StateKey.own`):
    /// `key=value` joined by `&`.
    public var serialized: String { serialized(table: StateKey.table) }

    /// `serialized`, with `table` as the regular keys (a test passes the real table and a
    /// made-up row to see a new key written).
    public func serialized(table: [StateKey]) -> String {
        let regular = table.compactMap { key in key.write(self).map { key.name + "=" + $0 } }
        let classroom = hideSettings.compactMap { setting -> String? in
            guard let key = StateKey.named(setting.item.key), let value = key.write(self) else { return nil }
            return key.name + "=" + value
        }
        let own = StateKey.own.compactMap { key in key.write(self).map { key.name + "=" + $0 } }
        return (regular + classroom + own).joined(separator: "&")
    }
}

// MARK: - Reading

extension PlaygroundState {
    /// The result of reading a state string: the state and the warnings (unknown keys).
    public struct Parsed: Sendable {
        public var state: PlaygroundState
        public var warnings: [String]
    }

    /// Reads a full link (`https://…/#pairs`), a bare hash (`#pairs`) or just the pairs (a `#`
    /// inside them is part of a value, as in TF's hash), as TF's
    /// `deserializeState` does: each pair is split on `=` and its first two parts kept (`seed=a=b`
    /// is seed `a`); a key given twice takes its last value; an empty value leaves the default
    /// (except `networkShape`, where it means no hidden layer). Keys not given take TF's
    /// defaults; with no `seed`, `freshSeed` supplies one and it becomes part of the state.
    /// Unlike TF, a value a key does not accept is a `StateError` naming the key and what it
    /// accepts, and an unknown key is a warning (and ignored).
    /// `keys`: the keys read (nil: `StateKey.every`; a test passes the real ones and a made-up row).
    public static func parse(_ text: String, keys: [StateKey]? = nil, freshSeed: () -> String) throws(StateError) -> Parsed {
        var body = Substring(withoutPastedWhitespace(text)).unicodeScalars.trimmingWhitespace()
        // TF's hash is everything after the first `#` of the address, later `#` included (a seed
        // `a#b` is read whole). Before the first `#` is the page's address when it has no `=` or
        // starts with a scheme (`https://`); otherwise the text is bare pairs (which start with a
        // key's name) and the `#` is inside a value.
        if let hash = body.firstIndex(of: "#") {
            let before = body[..<hash]
            if !before.contains("=") || startsWithScheme(before) { body = body[body.index(after: hash)...] }
        }

        // TF's map from names to values: in the order names first appear, the last value wins.
        var names: [String] = []
        var values: [String: String] = [:]
        for pair in body.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count >= 2 else {
                let shown = UserText.quoted(Substring(pair))
                throw StateError(key: String(Substring(pair)), value: "",
                                 message: "state: \(shown) is not a key=value pair (pairs are joined by &, e.g. noise=10&dataset=xor)")
            }
            let name = String(Substring(parts[0]))
            if values[name] == nil { names.append(name) }
            values[name] = String(Substring(parts[1]))
        }

        var state = PlaygroundState(seed: "")
        var seedGiven = false
        var warnings: [String] = []
        for name in names {
            let value = values[name]!
            guard let key = keys.map({ $0.first { $0.name == name } }) ?? StateKey.named(name) else {
                warnings.append("state: unknown key \(UserText.quoted(name)) ignored")
                continue
            }
            if !key.readsEmpty && value.unicodeScalars[...].trimmingWhitespace().isEmpty { continue }
            guard key.read(&state, value) else {
                let accepted = key.accepts.map { "; expected " + $0 } ?? ""
                throw StateError(key: name, value: value,
                                 message: "state: \(name): bad value \(UserText.quoted(value))" + accepted)
            }
            if name == "seed" { seedGiven = true }
        }
        if !seedGiven { state.seed = freshSeed() }
        return Parsed(state: state, warnings: warnings)
    }
}

/// Whether `text` starts as a URL does: a scheme (a letter, then letters, digits, `+`, `-`, `.`)
/// and `://`.
func startsWithScheme(_ text: Substring.UnicodeScalarView) -> Bool {
    guard let first = text.first, ("a"..."z").contains(first) || ("A"..."Z").contains(first) else { return false }
    let scheme = text.prefix { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || "+-.".unicodeScalars.contains($0) }
    return text.dropFirst(scheme.count).starts(with: "://".unicodeScalars)
}

/// `text` without ASCII space, tab, CR and LF, wherever they are (see the top of this file).
func withoutPastedWhitespace(_ text: String) -> String {
    var kept = String.UnicodeScalarView()
    kept.append(contentsOf: text.unicodeScalars.lazy.filter { !" \t\r\n".unicodeScalars.contains($0) })
    return String(kept)
}

extension Substring.UnicodeScalarView {
    /// Without leading and trailing white space (code points, as everything here).
    func trimmingWhitespace() -> Substring.UnicodeScalarView {
        let start = firstIndex { !$0.properties.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.properties.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<end]
    }
}

// MARK: - Values

/// The value forms keys accept; each returns nil for text it refuses.
enum StateValue {
    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true": true
        case "false": false
        default: nil
        }
    }

    /// A whole number in `range`; TF writes numbers as JavaScript does, so "10" and "10.0"
    /// both mean ten.
    static func integer(_ text: String, in range: ClosedRange<Int>) -> Int? {
        guard isDecimal(text), let number = Double(text), number == number.rounded(),
              let whole = Int(exactly: number), range.contains(whole) else { return nil }
        return whole
    }

    /// A finite number, above 0 when `positive`, else at least 0.
    static func number(_ text: String, positive: Bool) -> Double? {
        guard isDecimal(text), let number = Double(text), number.isFinite,
              positive ? number > 0 : number >= 0 else { return nil }
        return number
    }

    /// Neuron counts joined by commas (empty: no hidden layer), within the UI's limits.
    static func shape(_ text: String) -> [Int]? {
        if text.isEmpty { return [] }
        let parts = text.unicodeScalars.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= PlaygroundState.hiddenLayerRange.upperBound else { return nil }
        var shape: [Int] = []
        for part in parts {
            let digits = String(String.UnicodeScalarView(part))
            guard digits.unicodeScalars.allSatisfy(\.isASCII), let count = Int(digits),
                  PlaygroundState.neuronRange.contains(count) else { return nil }
            shape.append(count)
        }
        return shape
    }

    /// A plain decimal number: optional sign, digits with an optional point, optional exponent
    /// (no hex, no `inf`/`nan`, no spaces).
    static func isDecimal(_ text: String) -> Bool {
        var chars = Substring(text).utf8[...]
        if let first = chars.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { chars = chars.dropFirst() }
        let isDigit = { (c: UInt8) in c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        let integerDigits = chars.prefix(while: isDigit).count
        chars = chars.dropFirst(integerDigits)
        var fractionDigits = 0
        if chars.first == UInt8(ascii: ".") {
            chars = chars.dropFirst()
            fractionDigits = chars.prefix(while: isDigit).count
            chars = chars.dropFirst(fractionDigits)
        }
        guard integerDigits + fractionDigits > 0 else { return false }
        if let e = chars.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            chars = chars.dropFirst()
            if let sign = chars.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { chars = chars.dropFirst() }
            let exponentDigits = chars.prefix(while: isDigit).count
            guard exponentDigits > 0 else { return false }
            chars = chars.dropFirst(exponentDigits)
        }
        return chars.isEmpty
    }
}
