import XCTest
@testable import PlaygroundCore

/// Messages quote user input so that nothing typed can reach the terminal as a command.
final class UserTextTests: XCTestCase {
    func testPlainTextIsQuotedAsItIs() {
        XCTAssertEqual(UserText.quoted("xor"), "\"xor\"")
        XCTAssertEqual(UserText.quoted(""), "\"\"")
        XCTAssertEqual(UserText.quoted("Łódź 0.5"), "\"Łódź 0.5\"")
    }

    func testQuotesAndBackslashesAreEscaped() {
        XCTAssertEqual(UserText.quoted(#"a"b\c"#), #""a\"b\\c""#)
    }

    func testControlCharactersAreWrittenOut() {
        XCTAssertEqual(UserText.quoted("\u{1B}[31mRED"), #""\e[31mRED""#)
        XCTAssertEqual(UserText.quoted("a\nb\rc\td"), #""a\nb\rc\td""#)
        XCTAssertEqual(UserText.quoted("\u{7}\u{7F}\u{9B}"), #""\u{7}\u{7F}\u{9B}""#)
        XCTAssertEqual(UserText.quoted("ab\u{202E}cd\u{2066}"), #""ab\u{202E}cd\u{2066}""#)
        XCTAssertEqual(UserText.quoted("a\u{2028}b"), #""a\u{2028}b""#)
    }

    func testNoControlCharacterSurvives() {
        let every = String(String.UnicodeScalarView((0..<0xA0).compactMap(Unicode.Scalar.init)))
        let quoted = UserText.quoted(every, limit: 1000)
        for scalar in quoted.unicodeScalars {
            XCTAssertFalse(scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value), "\(scalar.value) passed through")
        }
    }

    func testALeadingCombiningMarkCannotJoinTheQuote() {
        XCTAssertEqual(UserText.quoted("\u{301}dataset"), #""\u{301}dataset""#)
        // Inside a word a mark is ordinary text.
        XCTAssertEqual(UserText.quoted("e\u{301}"), "\"e\u{301}\"")
    }

    func testLongTextIsShortenedWithItsLength() {
        let long = String(repeating: "a", count: 131_000)
        let quoted = UserText.quoted(long)
        XCTAssertEqual(quoted, "\"" + String(repeating: "a", count: UserText.shownLength) + "…\" (131000 characters)")
        let exact = String(repeating: "b", count: UserText.shownLength)
        XCTAssertEqual(UserText.quoted(exact), "\"\(exact)\"")
        XCTAssertEqual(UserText.quoted("abcdef", limit: 3), "\"abc…\" (6 characters)")
    }

    func testLengthCountsCodePointsNotGraphemes() {
        // "e" + combining acute is one grapheme and two code points.
        XCTAssertEqual(UserText.quoted("e\u{301}e\u{301}", limit: 3), "\"e\u{301}e…\" (4 characters)")
    }
}

/// `UserText.url`: the link's form of text, every unsafe code point percent-encoded.
final class UserTextURLTests: XCTestCase {
    func testEveryControlIsPercentEncodedByteByByte() {
        for value in Array(0...0x1F) + Array(0x7F...0x9F) {
            let scalar = Unicode.Scalar(UInt32(value))!
            let expected = String(scalar).utf8.map { "%" + ($0 < 0x10 ? "0" : "") + String($0, radix: 16, uppercase: true) }.joined()
            XCTAssertEqual(UserText.url("a" + String(scalar) + "b"), "a" + expected + "b", "U+\(String(value, radix: 16))")
        }
        XCTAssertEqual(UserText.url("\u{1B}]2;X\u{07}"), "%1B]2;X%07")
        XCTAssertEqual(UserText.url("a b\u{202E}c"), "a%20b%E2%80%AEc")
    }

    func testSafeTextIsUnchanged() {
        let text = "activation=tanh&seed=a#b_ü%20\"<>"
        XCTAssertEqual(UserText.url(text), text)
    }
}
