import XCTest
@testable import PlaygroundCore

/// CSV points: every refusal with its line and column, both label forms, header and comments,
/// the bit-for-bit round trip and fitting into the plane.
final class DataFileTests: XCTestCase {
    func read(_ text: String, _ problem: Problem = .classification, fit: Bool = false) throws -> DataFile.Contents {
        try DataFile.read(text, file: "points.csv", problem: problem, fit: fit)
    }

    func failure(_ text: String, _ problem: Problem = .classification) -> DataFile.Failure? {
        do {
            _ = try DataFile.read(text, file: "points.csv", problem: problem)
            return nil
        } catch {
            return error
        }
    }

    func testHeaderCommentsBlankLinesAndBothLabelForms() throws {
        let text = "# my points\nx,y,label\n\n1,2,1\r\n -3.5 , 4e-1 ,0\n  # indented comment\n5,-6,-1\n"
        let contents = try read(text)
        XCTAssertEqual(contents.points, [Example(x: 1, y: 2, label: 1), Example(x: -3.5, y: 0.4, label: -1),
                                         Example(x: 5, y: -6, label: -1)])
        XCTAssertEqual(contents.skippedLines, 5)
        XCTAssertEqual(contents.scale, 1)
        XCTAssertEqual(try read("0,0,0.25\n1,1,-3", .regression).points.map(\.label), [0.25, -3])
    }

    func testEveryRefusalNamesLineColumnAndWhatWasExpected() {
        let cases: [(String, Problem, Int, Int, String)] = [
            ("1,2\n", .classification, 1, 4, "expected 3 fields"),
            ("1,2,1\n1,2,1,4\n", .classification, 2, 6, "found 4"),
            ("1,2,1\nx,2,1\n", .classification, 2, 1, "x: expected a number, found \"x\""),
            ("1, abc ,1\n", .classification, 1, 4, "y: expected a number"),
            ("1,2,nan\n", .regression, 1, 5, "label: expected a number"),
            ("1,2,0x1\n", .regression, 1, 5, "label: expected a number"),
            ("1,2,2\n", .classification, 1, 5, "expected 1 or -1"),
            ("1,2,1\n7,0,1\n", .classification, 2, 1, "x = 7 lies outside the plane"),
            ("1,-6.5,1\n", .classification, 1, 3, "y = -6.5 lies outside"),
            ("# only a comment\n\n", .classification, 0, 0, "no points"),
            ("", .classification, 0, 0, "no points"),
        ]
        for (text, problem, line, column, message) in cases {
            guard let failure = failure(text, problem) else { XCTFail("accepted \(text.debugDescription)"); continue }
            XCTAssertEqual(failure.line, line, text.debugDescription)
            XCTAssertEqual(failure.column, column, text.debugDescription)
            XCTAssertTrue(failure.message.contains(message), "\(failure.message) lacks \(message)")
            XCTAssertTrue(failure.description.hasPrefix("points.csv"), failure.description)
        }
        XCTAssertEqual(failure("1,2,1\n1,\u{1B}[31m,1\n")?.message, "y: expected a number, found \"\\e[31m\"")
    }

    func testWritingThenReadingGivesTheSamePointsBitForBit() throws {
        var random = SeededRandom(seed: "csv")
        for problem in Problem.allCases {
            for dataset in Dataset.allCases where dataset.problem == problem {
                let points = dataset.generate(count: 300, noise: 0.3, using: &random)
                let back = try read(DataFile.write(points), problem).points
                XCTAssertEqual(back.count, points.count)
                for (a, b) in zip(points, back) {
                    XCTAssertEqual(a.x.bitPattern, b.x.bitPattern)
                    XCTAssertEqual(a.y.bitPattern, b.y.bitPattern)
                    XCTAssertEqual(a.label.bitPattern, b.label.bitPattern)
                }
            }
        }
        let awkward = [Example(x: -0.0, y: 1e-300, label: 1), Example(x: 5.999999999999999, y: -1.0 / 3, label: -1)]
        let back = try read(DataFile.write(awkward)).points
        XCTAssertEqual(back.map(\.x.bitPattern), awkward.map(\.x.bitPattern))
        XCTAssertEqual(back.map(\.y.bitPattern), awkward.map(\.y.bitPattern))
        XCTAssertTrue(DataFile.write(awkward).hasPrefix("x,y,label\n-0.0,1e-300,1\n"))
    }

    func testFitScalesEveryPointByOneFactor() throws {
        let contents = try read("12,0,1\n-3,24,-1\n0,0,1\n", fit: true)
        XCTAssertEqual(contents.scale, 0.25)
        XCTAssertEqual(contents.points, [Example(x: 3, y: 0, label: 1), Example(x: -0.75, y: 6, label: -1),
                                         Example(x: 0, y: 0, label: 1)])
        XCTAssertEqual(try read("1,1,1\n", fit: true).scale, 1, "points inside are left alone")
    }
}

/// CSV as spreadsheets write it: RFC 4180 quoting, a byte-order mark, CRLF.
final class SpreadsheetCSVTests: XCTestCase {
    let expected = [Example(x: 1.5, y: -2, label: 1), Example(x: -0.25, y: 3, label: -1), Example(x: 4, y: 4.75, label: 1)]

    func read(_ text: String) throws -> [Example] {
        try DataFile.read(text, file: "p.csv", problem: .classification).points
    }

    func failure(_ text: String) -> DataFile.Failure? {
        do {
            _ = try DataFile.read(text, file: "p.csv", problem: .classification)
            return nil
        } catch {
            return error
        }
    }

    func testTheSpreadsheetExportsInTheFixturesLoad() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/spreadsheet")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".csv") }.sorted()
        XCTAssertEqual(names, ["bom-no-header-quoted.csv", "csv-utf8-bom-crlf.csv", "quoted-fields.csv"])
        for name in names {
            let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
            XCTAssertEqual(try read(text), expected, name)
        }
    }

    /// The two: a mark before a file without a header read as `found "1"`, and quoted
    /// numbers read as a header, then "no points".
    func testAByteOrderMarkAndQuotedNumbers() throws {
        XCTAssertEqual(try read("\u{FEFF}1.5,-2,1\n-0.25,3,0\n4,4.75,1"), expected)
        XCTAssertEqual(try read("\"1.5\",\"-2\",\"1\"\n\"-0.25\",\"3\",\"0\"\n\"4\",\"4.75\",\"1\"\n"), expected)
        XCTAssertEqual(try read("\"1.5\" , -2,\"1\"\r\n-0.25,\"3\",0\r4,4.75,1\r\n"), expected, "mixed, blanks, CR and CRLF")
    }

    func testQuotedHeadersWithCommasQuotesAndLineBreaks() throws {
        XCTAssertEqual(try read("\"x, in cm\",\"the \"\"y\"\"\",\"label\nor class\"\n1.5,-2,1\n-0.25,3,0\n4,4.75,1\n"), expected)
        // Lines are counted as the file has them: the record after a two-line header is line 3.
        XCTAssertEqual(failure("\"a\nb\",y,label\n1,2,7\n")?.line, 3)
    }

    func testBrokenQuotingIsRefusedWithItsPlace() {
        let open = failure("1,2,1\n\"1,2,1\n")
        XCTAssertEqual(open?.line, 2)
        XCTAssertEqual(open?.column, 1)
        XCTAssertEqual(open?.message, "a quoted field is never closed (expected a \" before the end of the file)")
        let after = failure("1,2,1\n\"1\"x,2,1\n")
        XCTAssertEqual(after?.line, 2)
        XCTAssertEqual(after?.column, 4)
        XCTAssertEqual(after?.message, "expected a comma after a quoted field's closing \"")
        XCTAssertEqual(failure("1,2,1\n\"1\",\"z\",1\n")?.message, "y: expected a number, found \"z\"")
        XCTAssertEqual(failure("1,2,1\n\"1\",\"z\",1\n")?.column, 6)
    }
}
