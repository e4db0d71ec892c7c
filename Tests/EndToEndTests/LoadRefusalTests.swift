import Foundation
import XCTest

/// `O` goes through the same reader as `--data`: a file that is not a regular file (a FIFO no one
/// writes, `/dev/zero`) is refused on the message line at once, and the app runs on unchanged.
/// Before, the FIFO's `open` waited for a writer forever and `/dev/zero` was read until the
/// memory ran out.
final class LoadRefusalTests: EndToEndTestCase {
    func testLoadingAFifoOrDevZeroIsRefusedAndChangesNothing() throws {
        let session = try start(arguments: ["--state", "dataset=xor&seed=0.5"])
        let before = try waitForText(session, "Training loss", "Output")
        let fifo = session.directory.appendingPathComponent("points.fifo").path
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        try session.type("m")
        try waitForText(session, "Draw: + blue")
        for file in [fifo, "/dev/zero"] {
            try session.type("O")
            try waitForText(session, "Load points (CSV) from:")
            for _ in 0..<"playground-data.csv".count { try session.send("BSpace") }
            try session.type(file)
            try session.send("Enter")
            let after = try waitForText(session, "\(file): not a regular file")
            XCTAssertEqual(after.numbers(after: "Training loss", decimals: true), before.numbers(after: "Training loss", decimals: true))
            XCTAssertEqual(after.numbers(after: "Epoch"), before.numbers(after: "Epoch"))
            XCTAssertFalse(after.contains("Custom"), "the data set is still XOR")
        }
        try session.type("q")
        XCTAssertEqual(waitForExit(session), 0)
    }
}
