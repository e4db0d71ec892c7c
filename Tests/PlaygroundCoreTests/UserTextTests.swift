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
