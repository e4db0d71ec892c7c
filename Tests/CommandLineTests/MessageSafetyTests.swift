import Foundation
import XCTest

/// Error lines repeat user input quoted (`UserText.quoted`): escape sequences and newlines
/// escaped, long values shortened with their length, always one line.
final class MessageSafetyTests: XCTestCase {
    /// A control character other than a newline in `text`, if any.
    func rawControl(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { $0 != "\n" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) }
    }

    func testAnEscapeSequenceOrANewlineInAnArgumentIsShownEscaped() throws {
        let red = "a\u{1B}[31mRED\nnext"
        let cases: [([String], String)] = [
            (["train", "--epochs", red],
             #"playground-tui: The value "a\e[31mRED\nnext" is invalid for '--epochs <n>': expected a whole number of at least 0 (see playground-tui train --help)"#),
            (["train", "--epochs=" + red],
             #"playground-tui: The value "a\e[31mRED\nnext" is invalid for '--epochs <n>': expected a whole number of at least 0 (see playground-tui train --help)"#),
            (["train", "--\u{1B}[2Jx"], #"playground-tui: Unknown option "--\e[2Jx" (see playground-tui train --help)"#),
            (["bench", "--only", "\u{1B}]0;title\u{07}"],
             #"playground-tui: --only: unknown configuration "\e]0;title\u{7}"; expected a, b or c (see playground-tui bench --help)"#),
            (["train", "extra\u{9B}31m"], #"playground-tui: Unexpected argument "extra\u{9B}31m" (see playground-tui train --help)"#),
        ]
        for (arguments, expected) in cases {
            let result = try ProcessRunner.run(arguments)
            XCTAssertEqual(result.status, 64, "\(arguments)")
            XCTAssertEqual(result.output, "")
            XCTAssertEqual(result.error, expected + "\n")
        }
    }

    /// The issue's example: the state string turned the terminal red.
    func testAnEscapeSequenceInTheStateNeverReachesStandardErrorRaw() throws {
        for state in ["dataset=\u{1B}[31mRED", "seed=1&\u{1B}[31m=2", "noise=\u{1B}[2J\u{1B}[H"] {
            let result = try ProcessRunner.run(["train", "--state", state, "--epochs", "1"])
            XCTAssertNil(rawControl(in: result.error), "\(state.debugDescription): \(result.error.debugDescription)")
            let lines = result.errorLinesBesidesState
            XCTAssertFalse(lines.isEmpty, "\(state.debugDescription): no message")
            XCTAssertTrue(lines.allSatisfy { $0.hasPrefix("playground-tui: ") }, result.error.debugDescription)
        }
    }

    func testALongValueIsShortenedWithItsLength() throws {
        let long = String(repeating: "9x", count: 50_000)
        let result = try ProcessRunner.run(["train", "--every", long])
        XCTAssertEqual(result.status, 64)
        let expected = "playground-tui: The value \"" + String(long.prefix(40))
            + "…\" (100000 characters) is invalid for '--every <k>': expected a whole number of at least 1 (see playground-tui train --help)\n"
        XCTAssertEqual(result.error, expected)
    }
}
