/// Why a session file that is whole JSON still does not decode: a number out of its field's range
/// (`version` 1.5, `epoch` 2^63, a `deadLinks` flag of -1, a parameter of 1e400). JSON's decoder
/// says only "not valid JSON" for these; this walk names the field and the rule instead, so "cut
/// short" is said only of a file that is not one whole JSON document.
extension Session {
    /// The fields that hold whole numbers, by their key (a list's items by the list's key), and
    /// what they accept.
    static let wholeNumberFields: [String: (range: ClosedRange<Int>, shown: String)] = [
        "version": (1...currentVersion, "1 to \(currentVersion)"), "epoch": (countRange, "0 to 2^53"),
        "partialBatch": (countRange, "0 to 2^53"), "updateCount": (countRange, "0 to 2^53"),
        "i": (0...255, "0 to 255"), "j": (0...255, "0 to 255"), "permutation": (0...255, "0 to 255"),
        "deadLinks": (0...1, "0 to 1"), "shape": (countRange, "0 to 2^53"),
    ]

    /// The first number in `bytes` its field cannot hold, as one line naming the field
    /// (`training.deadLinks[3]: expected a whole number from 0 to 255, found -1`); "not a
    /// complete JSON document" when `bytes` is not one; nil when every number fits.
    public static func numberProblem(in bytes: [UInt8]) -> String? {
        guard let numbers = JSONNumbers.scan(bytes) else {
            return "not a complete JSON document (cut short, or not a session file)"
        }
        for number in numbers {
            let place = number.path
            let text = number.text
            if let field = wholeNumberFields[number.key] {
                guard !text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) else {
                    return "\(place): expected a whole number from \(field.shown), found \(text)"
                }
                guard let value = Int(text), field.range.contains(value) else {
                    return "\(place): \(text) is out of range (expected a whole number from \(field.shown))"
                }
            } else if let value = Double(text), !value.isFinite {
                return "\(place): \(text) is out of range (a number's magnitude is at most about 1.8e308)"
            }
        }
        return nil
    }
}

/// A JSON document's numbers, each with where it stands, or nil when the bytes are not one
/// well-formed JSON document (RFC 8259's grammar; nesting deeper than `depthLimit` counts as not).
enum JSONNumbers {
    struct Number {
        /// `training.deadLinks[3]`
        var path: String
        /// The innermost key (`deadLinks`), lists' indices left out.
        var key: String
        var text: String
    }

    static let depthLimit = 256

    static func scan(_ bytes: [UInt8]) -> [Number]? {
        var scanner = Scanner(bytes: bytes)
        guard scanner.value(path: "", key: "", depth: 0) else { return nil }
        scanner.skipSpace()
        return scanner.index == bytes.count ? scanner.numbers : nil
    }

    private struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var numbers: [Number] = []

        init(bytes: [UInt8]) { self.bytes = bytes }

        var current: UInt8? { index < bytes.count ? bytes[index] : nil }

        mutating func skipSpace() {
            while let byte = current, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D { index += 1 }
        }

        mutating func expect(_ byte: UInt8) -> Bool {
            skipSpace()
            guard current == byte else { return false }
            index += 1
            return true
        }

        mutating func value(path: String, key: String, depth: Int) -> Bool {
            guard depth < JSONNumbers.depthLimit else { return false }
            skipSpace()
            guard let byte = current else { return false }
            switch byte {
            case UInt8(ascii: "{"):
                index += 1
                if expect(UInt8(ascii: "}")) { return true }
                repeat {
                    skipSpace()
                    guard let name = string(), expect(UInt8(ascii: ":")) else { return false }
                    guard value(path: path.isEmpty ? name : path + "." + name, key: name, depth: depth + 1) else { return false }
                } while expect(UInt8(ascii: ","))
                return expect(UInt8(ascii: "}"))
            case UInt8(ascii: "["):
                index += 1
                if expect(UInt8(ascii: "]")) { return true }
                var item = 0
                repeat {
                    guard value(path: path + "[\(item)]", key: key, depth: depth + 1) else { return false }
                    item += 1
                } while expect(UInt8(ascii: ","))
                return expect(UInt8(ascii: "]"))
            case UInt8(ascii: "\""):
                return string() != nil
            case UInt8(ascii: "t"): return literal("true")
            case UInt8(ascii: "f"): return literal("false")
            case UInt8(ascii: "n"): return literal("null")
            default:
                return number(path: path, key: key)
            }
        }

        mutating func literal(_ word: String) -> Bool {
            let word = Array(word.utf8)
            guard index + word.count <= bytes.count, Array(bytes[index..<index + word.count]) == word else { return false }
            index += word.count
            return true
        }

        /// A string's text (escapes kept as written: keys here are plain), nil when malformed.
        mutating func string() -> String? {
            guard current == UInt8(ascii: "\"") else { return nil }
            index += 1
            let start = index
            while let byte = current {
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return String(decoding: bytes[start..<index - 1], as: UTF8.self)
                }
                if byte < 0x20 { return nil }
                index += byte == UInt8(ascii: "\\") ? 2 : 1
            }
            return nil
        }

        mutating func number(path: String, key: String) -> Bool {
            let start = index
            func digits() -> Int {
                let first = index
                while let byte = current, byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") { index += 1 }
                return index - first
            }
            if current == UInt8(ascii: "-") { index += 1 }
            guard digits() > 0 else { return false }
            if current == UInt8(ascii: ".") {
                index += 1
                guard digits() > 0 else { return false }
            }
            if let byte = current, byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") {
                index += 1
                if let sign = current, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { index += 1 }
                guard digits() > 0 else { return false }
            }
            numbers.append(Number(path: path, key: key, text: String(decoding: bytes[start..<index], as: UTF8.self)))
            return true
        }
    }
}
