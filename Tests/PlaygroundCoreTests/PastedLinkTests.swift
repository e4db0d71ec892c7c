import XCTest
@testable import PlaygroundCore

/// A link copied out of a terminal that wrapped it arrives with line breaks, and often
/// indentation, inside it: reading it must give the same state as the link itself.
final class PastedLinkTests: XCTestCase {
    /// A link with every kind of value: names, numbers, a shape, a seed, booleans, classroom keys.
    static let link = "https://playground.tensorflow.org/#activation=relu&regularization=L2&batchSize=7"
        + "&dataset=spiral&regDataset=reg-gauss&learningRate=0.003&regularizationRate=0.001&noise=35"
        + "&networkShape=6,3,2&seed=0.86420&showTestData=true&discretize=true&percTrainData=70&x=true&y=false"
        + "&xTimesY=true&xSquared=false&ySquared=true&cosX=false&sinX=true&cosY=false&sinY=false"
        + "&collectStats=false&problem=classification&initZero=false&hideText=false&noise_hide=true"

    /// `text` cut every `width` code points (inside key names and values alike), the pieces
    /// joined by `separator`.
    static func wrapped(_ text: String, every width: Int, separator: String) -> String {
        let scalars = Array(text.unicodeScalars)
        return stride(from: 0, to: scalars.count, by: width).map { start in
            var piece = String.UnicodeScalarView()
            piece.append(contentsOf: scalars[start..<min(scalars.count, start + width)])
            return String(piece)
        }.joined(separator: separator)
    }

    func parse(_ text: String) throws -> PlaygroundState {
        try PlaygroundState.parse(text) { XCTFail("the seed is given"); return "" }.state
    }

    func testALinkWrappedAt80ColumnsReadsAsTheLinkItself() throws {
        let original = try parse(Self.link)
        // The link's own values, so that a parser that dropped everything would fail here.
        XCTAssertEqual(original.networkShape, [6, 3, 2])
        XCTAssertEqual(original.seed, "0.86420")
        XCTAssertEqual(original.noise, 35)
        XCTAssertTrue(original.isHidden(.control(.noise)))
        XCTAssertEqual(original.link, Self.link, "the link is written back as TF writes it")
        for separator in ["\n", "\r\n", "\n    ", "\n\t", " \n  ", "\n\n"] {
            let pasted = "  " + Self.wrapped(Self.link, every: 80, separator: separator) + "\n"
            XCTAssertEqual(try parse(pasted), original, "wrapped with \(separator.debugDescription)")
            XCTAssertEqual(try parse(pasted).link, Self.link)
        }
        // Cut at every width from 1 to 120: each cut lands somewhere else (inside `true`, `=`, `&`, a number).
        for width in 1...120 {
            XCTAssertEqual(try parse(Self.wrapped(Self.link, every: width, separator: "\n  ")), original, "width \(width)")
        }
    }

    /// The issue's report: `bad value "tru ...` from a pasted link. A value cut by the wrap now
    /// reads whole; a value that is wrong is still refused with the key's name first.
    func testAValueCutByAWrapIsWholeAndABadValueStillNamesItsKey() throws {
        XCTAssertTrue(try parse("seed=1&showTestData=tru\n   e").showTestData)
        XCTAssertEqual(try parse("seed=1&noi\n  se=4\n  5").noise, 45)
        XCTAssertThrowsError(try parse("seed=1&showTestData=tr\n  ux")) { error in
            XCTAssertEqual((error as? StateError)?.message, #"state: showTestData: bad value "trux"; expected true or false"#)
        }
        XCTAssertThrowsError(try parse("seed=1&noise=5\n    5")) { error in
            XCTAssertEqual((error as? StateError)?.message, #"state: noise: bad value "55"; expected a whole number from 0 to 50"#)
        }
    }

    /// TF never decodes the hash: `%20` in a seed is the three characters, here as there. A raw
    /// space cannot come from a browser's link (it writes `%20`), and is dropped like a line
    /// break; so a seed the app holds has no white space and writes and reads back the same.
    func testSeedsKeepPercentEscapesAndLoseRawSpaces() throws {
        XCTAssertEqual(try parse("seed=a%20b").seed, "a%20b")
        XCTAssertEqual(try parse("seed=a b\tc").seed, "abc")
        let state = try parse("seed= my seed &dataset=xor")
        XCTAssertEqual(state.seed, "myseed")
        XCTAssertEqual(try parse(state.serialized), state)
        XCTAssertFalse(state.link.unicodeScalars.contains { $0.properties.isWhitespace })
    }

    /// Only ASCII white space is dropped inside: other code points, even other spaces, stay and
    /// are refused (or kept, in a seed) as they are.
    func testOnlyAsciiWhiteSpaceIsDropped() throws {
        XCTAssertEqual(try parse("seed=a\u{A0}b").seed, "a\u{A0}b")
        XCTAssertThrowsError(try parse("seed=1&noise=1\u{2003}0")) { error in
            XCTAssertEqual((error as? StateError)?.key, "noise")
        }
    }
}
