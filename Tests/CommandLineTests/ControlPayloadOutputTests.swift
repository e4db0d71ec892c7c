import Foundation
import XCTest

/// A payload of every C0 and C1 control (and DEL) through every way text reaches the command
/// line's output: the state string, a session file, a CSV file, a file name. Standard output
/// (CSV, JSON) and standard error never carry one raw.
final class ControlPayloadOutputTests: XCTestCase {
    static let payload = String(String.UnicodeScalarView(((0...0x1F).map { $0 } + (0x7F...0x9F).map { $0 }).map { Unicode.Scalar(UInt32($0))! }))

    /// The payload as an argument can carry it (an argument ends at NUL).
    static let argument = payload.replacingOccurrences(of: "\0", with: "")

    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("payload-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// A control character other than the line ends in `text`, if any.
    func rawControl(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { $0 != "\n" && ($0.value < 0x20 || (0x7F...0x9F).contains($0.value)) }
    }

    func assertSafe(_ arguments: [String], status: Int32, file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try ProcessRunner.run(arguments)
        let shown = arguments.map(\.debugDescription).joined(separator: " ")
        XCTAssertEqual(result.status, status, "\(shown): \(result.error)", file: file, line: line)
        XCTAssertNil(rawControl(in: result.output), "\(shown): standard output \(result.output.debugDescription)", file: file, line: line)
        XCTAssertNil(rawControl(in: result.error), "\(shown): standard error \(result.error.debugDescription)", file: file, line: line)
        XCTAssertEqual(result.errorLinesBesidesState.count, status == 0 ? 0 : 1, "one line: \(result.error)", file: file, line: line)
    }

    func testTheIssuesDataCommandPrintsNoRawByte() throws {
        // The issue's reproduction: the `#` comment line carried ESC ] 2 ; X BEL raw.
        for format in ["csv", "json"] {
            try assertSafe(["data", "--state", "seed=1\u{1B}]2;X\u{07}", "--format", format], status: 64)
        }
    }

    func testEveryControlInEachTextKeyAndCommandIsRefusedSafely() throws {
        for key in ["seed", "tutorial"] {
            for command in [["data"], ["data", "--format", "json"], ["train", "--epochs", "1"],
                            ["train", "--epochs", "1", "--format", "json"]] {
                try assertSafe(command + ["--state", "\(key)=a\(Self.argument)b"], status: 64)
            }
        }
    }

    func testASessionFileWithThePayloadInItsStateIsRefusedSafely() throws {
        let saved = path("s.json")
        XCTAssertEqual(try ProcessRunner.run(["train", "--epochs", "1", "--state", "seed=7", "--save", saved]).status, 0)
        var object = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: saved))) as? [String: Any])
        object["state"] = (object["state"] as! String).replacingOccurrences(of: "seed=7", with: "seed=7" + Self.payload)
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: saved))
        try assertSafe(["train", "--resume", saved, "--epochs", "1"], status: 64)
    }

    func testACSVFileAndFileNamesWithThePayloadAreRefusedSafely() throws {
        let csv = path("points.csv")
        try ("# " + Self.payload + "\n1,2,1\n" + Self.payload + ",1,1\n").write(toFile: csv, atomically: false, encoding: .utf8)
        try assertSafe(["train", "--data", csv, "--epochs", "1"], status: 64)
        try assertSafe(["train", "--data", path("no" + Self.argument), "--epochs", "1"], status: 64)
        try assertSafe(["train", "--epochs", "1", "--save", path("missing/" + Self.argument)], status: 1)
    }

    func testTheCSVCommentLineOfAStateWithAHashStaysOneLine() throws {
        let result = try ProcessRunner.run(["data", "--state", "seed=a#b&dataset=xor"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.output.hasPrefix("# activation=tanh"), result.output)
        XCTAssertTrue(result.output.contains("&seed=a#b&"), String(result.output.prefix(300)))
        XCTAssertNil(rawControl(in: result.output))
    }
}
