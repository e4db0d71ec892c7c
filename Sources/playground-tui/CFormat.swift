import Glibc

/// The two pieces of Foundation's string formatting this program uses, on the C library alone.
///
/// The executable links FoundationEssentials and no more (the full Foundation brings about 40 MB
/// of ICU data into a static binary), and FoundationEssentials has neither `String(format:)` nor a
/// public `padding(toLength:withPad:startingAt:)`. These behave like Foundation's for the plain
/// `printf` conversions used here (`%f`, `%g`, `%x`, widths, `-`), in the C locale that a Swift
/// program runs in unless it calls `setlocale`.
extension String {
    /// `printf`-style formatting through `vsnprintf`: measured once, then written.
    init(format: String, _ arguments: CVarArg...) {
        let needed = withVaList(arguments) { vsnprintf(nil, 0, format, $0) }
        guard needed > 0 else {
            self = ""
            return
        }
        var buffer = [CChar](repeating: 0, count: Int(needed) + 1)
        _ = buffer.withUnsafeMutableBufferPointer { bytes in
            withVaList(arguments) { vsnprintf(bytes.baseAddress, bytes.count, format, $0) }
        }
        self = String(decoding: buffer.prefix(Int(needed)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// The string cut or padded to `length` characters; the padding repeats `pad` from its
    /// character `start` on, as Foundation's does.
    func padding(toLength length: Int, withPad pad: String, startingAt start: Int) -> String {
        guard count < length else { return String(prefix(length)) }
        let padCharacters = Array(pad)
        guard !padCharacters.isEmpty else { return self }
        var result = self
        var index = start % padCharacters.count
        while result.count < length {
            result.append(padCharacters[index])
            index = (index + 1) % padCharacters.count
        }
        return result
    }
}
