import XCTest
@testable import PlaygroundUI

/// The locale rule as a table: what the user set, what `setlocale(LC_ALL, "")` made of it,
/// `--ascii`; and the decision.
final class LocaleRuleTests: XCTestCase {
    /// The codeset glibc reports for the C locale.
    let cCodeset = "ANSI_X3.4-1968"

    func testTheRuleTable() {
        let rows: [(environment: [String: String], codeset: String, ascii: Bool, decision: LocaleRule.Decision, why: String)] = [
            ([:], cCodeset, false, .tryCUTF8, "no locale at all: UTF-8 through C.UTF-8"),
            (["LANG": "", "LC_ALL": "", "LC_CTYPE": ""], cCodeset, false, .tryCUTF8, "set but empty is no locale"),
            (["LC_ALL": "C"], cCodeset, false, .ascii, "LC_ALL=C asks for ASCII"),
            (["LANG": "POSIX"], cCodeset, false, .ascii, "POSIX is C"),
            (["LANG": "en_US.ISO-8859-1"], "ISO-8859-1", false, .ascii, "a Latin-1 locale"),
            (["LANG": "en_US"], "ISO-8859-1", false, .ascii, "a locale without a codeset in its name, not UTF-8"),
            (["LANG": "en_US.UTF-8"], "UTF-8", false, .unicode, "a UTF-8 locale"),
            (["LC_CTYPE": "C.utf8"], "UTF-8", false, .unicode, "any spelling"),
            (["LANG": "de_DE.UTF-8"], cCodeset, false, .tryCUTF8, "a UTF-8 locale that is not installed: still UTF-8"),
            (["LANG": "de_DE.utf8@euro"], cCodeset, false, .tryCUTF8, "a modifier after the codeset"),
            (["LC_CTYPE": "UTF-8", "LANG": "C"], cCodeset, false, .tryCUTF8, "macOS's LC_CTYPE=UTF-8 over ssh, unknown on Linux"),
            (["LC_ALL": "C", "LANG": "en_US.UTF-8"], cCodeset, false, .ascii, "LC_ALL wins over LANG"),
            (["LC_CTYPE": "C", "LANG": "en_US.UTF-8"], cCodeset, false, .ascii, "LC_CTYPE wins over LANG"),
            (["LC_ALL": "", "LC_CTYPE": "C.UTF-8", "LANG": "C"], "UTF-8", false, .unicode, "an empty LC_ALL is skipped"),
            (["LC_ALL": "", "LANG": "C"], cCodeset, false, .ascii, "an empty LC_ALL is skipped, LANG=C decides"),
            (["LANG": "en_US.UTF-8"], "UTF-8", true, .ascii, "--ascii wins over a UTF-8 locale"),
            ([:], cCodeset, true, .ascii, "--ascii wins over no locale"),
        ]
        for row in rows {
            XCTAssertEqual(LocaleRule.decide(environment: row.environment, codesetAfterSetlocale: row.codeset, asciiRequested: row.ascii),
                           row.decision, "\(row.why): \(row.environment) codeset \(row.codeset) ascii \(row.ascii)")
        }
    }

    func testTheUserLocaleIsTheFirstNonEmptyOfLCALLLCCTYPELANG() {
        XCTAssertNil(LocaleRule.userLocale([:]))
        XCTAssertNil(LocaleRule.userLocale(["LC_MESSAGES": "C", "LANGUAGE": "de"]), "other variables do not choose the characters")
        XCTAssertEqual(LocaleRule.userLocale(["LANG": "a", "LC_CTYPE": "b"]), "b")
        XCTAssertEqual(LocaleRule.userLocale(["LANG": "a", "LC_CTYPE": "b", "LC_ALL": "c"]), "c")
        XCTAssertEqual(LocaleRule.userLocale(["LANG": "a", "LC_CTYPE": "", "LC_ALL": ""]), "a")
    }

    func testCodesetNames() {
        for name in ["UTF-8", "utf-8", "utf8", "UTF8"] { XCTAssertTrue(LocaleRule.isUTF8(name), name) }
        for name in ["ANSI_X3.4-1968", "ISO-8859-1", "UTF-16", ""] { XCTAssertFalse(LocaleRule.isUTF8(name), name) }
        XCTAssertTrue(LocaleRule.namesUTF8("en_US.UTF-8"))
        XCTAssertTrue(LocaleRule.namesUTF8("sr_RS.utf8@latin"))
        XCTAssertFalse(LocaleRule.namesUTF8("C"))
        XCTAssertTrue(LocaleRule.namesUTF8("UTF-8"), "macOS's LC_CTYPE")
        XCTAssertFalse(LocaleRule.namesUTF8("en_US.ISO-8859-15"))
    }
}
