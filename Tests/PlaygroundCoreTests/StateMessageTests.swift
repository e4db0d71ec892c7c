import XCTest
@testable import PlaygroundCore

/// State strings are taken apart on code points, and every message quotes what the user typed
/// through `UserText.quoted`: escaped, on one line, shortened, with the key's name first.
final class StateMessageTests: XCTestCase {
    func message(_ text: String) -> String? {
        do {
            _ = try PlaygroundState.parse(text) { "0.5" }
            return nil
        } catch {
            return error.message
        }
    }

    func testAnEscapeSequenceInAValueIsShownEscaped() {
        XCTAssertEqual(message("seed=1&dataset=\u{1B}[31mRED"),
                       #"state: dataset: bad value "\e[31mRED"; expected one of circle, xor, gauss, spiral"#)
    }

    /// ASCII line breaks are dropped before parsing (a pasted wrapped link); a line separator
    /// beyond ASCII (U+2028) stays in the value, and the message shows it escaped on one line.
    func testALineSeparatorInAValueStaysOnOneLine() throws {
        let text = try XCTUnwrap(message("noise=1\u{2028}0&seed=1"))
        XCTAssertEqual(text, #"state: noise: bad value "1\u{2028}0"; expected a whole number from 0 to 50"#)
        XCTAssertFalse(text.unicodeScalars.contains { $0.properties.isWhitespace && $0 != " " })
    }

    func testAHugeValueIsShortenedWithItsLengthAndTheKeyFirst() throws {
        let value = String(repeating: "1,", count: 65_500)
        XCTAssertEqual(value.utf8.count, 131_000)
        let text = try XCTUnwrap(message("seed=1&networkShape=" + value))
        XCTAssertEqual(text, "state: networkShape: bad value \"1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,1,…\" (131000 characters); "
                       + "expected comma-separated neuron counts, 6 layers at most of 1 to 8 neurons each (e.g. 4,2; empty for none)")
    }

    func testAPairWithoutEqualsIsQuotedToo() {
        XCTAssertEqual(message("seed=1&\u{7}bell"),
                       #"state: "\u{7}bell" is not a key=value pair (pairs are joined by &, e.g. noise=10&dataset=xor)"#)
    }

    /// Split on characters, `&` and a combining mark are one grapheme cluster and the next key
    /// vanishes into the previous value; split on code points it is a key of its own, unknown,
    /// and the warning shows the mark escaped (it would otherwise join the opening quote).
    func testACombiningMarkAfterAnAmpersandIsAnUnknownKeyNotSwallowed() throws {
        let parsed = try PlaygroundState.parse("seed=abc&\u{301}dataset=xor") { "0.5" }
        XCTAssertEqual(parsed.warnings, [#"state: unknown key "\u{301}dataset" ignored"#])
        XCTAssertEqual(parsed.state.seed, "abc")
        XCTAssertEqual(parsed.state.dataset, .circle)
        // The other way round the mark belongs to the value before it.
        let before = try PlaygroundState.parse("seed=abc\u{301}&dataset=xor") { "0.5" }
        XCTAssertEqual(before.state.seed.unicodeScalars.count, 4)
        XCTAssertEqual(before.state.dataset, .xor)
        // After `=`, the mark is part of the value, and the value is refused as it is.
        XCTAssertEqual(message("seed=1&dataset=\u{301}xor"),
                       #"state: dataset: bad value "\u{301}xor"; expected one of circle, xor, gauss, spiral"#)
        // A mark after `#` does not hide the hash either.
        XCTAssertEqual(try PlaygroundState.parse("https://x.org/#\u{301}=1&noise=10&seed=1") { "" }.state.noise, 10)
    }

    func testAnUnknownKeyIsQuotedTheSameWay() throws {
        let long = String(repeating: "k", count: 500)
        let parsed = try PlaygroundState.parse("\u{1B}[2J=1&seed=1&\(long)=2&a\u{85}b=3") { "" }
        XCTAssertEqual(parsed.warnings, [
            #"state: unknown key "\e[2J" ignored"#,
            "state: unknown key \"" + String(repeating: "k", count: 40) + "…\" (500 characters) ignored",
            #"state: unknown key "a\u{85}b" ignored"#,
        ])
    }
}
