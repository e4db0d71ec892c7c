import Foundation
import XCTest

/// `playground-tui bench`: its table's shape, its losses against `train`'s, and `--only`.
final class BenchCommandTests: XCTestCase {
    /// The three configurations as the README and `bench --help` describe them.
    static let configurations: [(name: String, state: String)] = [
        ("a", "seed=0.12345"),
        ("b", "dataset=spiral&networkShape=8,8,8&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true&seed=0.12345"),
        ("c", "dataset=spiral&networkShape=8,8,8,8,8,8&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true&seed=0.12345"),
    ]

    static let speedHeader = "config  epochs  train_only_eps  with_losses_eps  grid_200x120_ms  grid_fast_ms  train_loss"
    static let frameHeader = "frame                                         size     median_ms  best_ms  worst_ms"

    /// The final training loss `train` prints for `state` after `epochs`.
    func trainLoss(state: String, epochs: Int) throws -> Double {
        let result = try ProcessRunner.run(["train", "--state", state, "--epochs", String(epochs), "--every", String(epochs)])
        XCTAssertEqual(result.status, 0, result.error)
        let last = try XCTUnwrap(result.output.split(separator: "\n").last)
        return try XCTUnwrap(Double(last.split(separator: ",")[1]))
    }

    func testTheTableHasItsShapeAndTheLossesOfTrain() throws {
        let result = try ProcessRunner.run(["bench", "--epochs", "20", "--repeat", "1"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertEqual(result.error, "")
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // Header, a, b, c, a blank line, (b)'s variants (header and eight rows), a blank line, the
        // frame header, nine frames (whole frames, the network drawing, render alone, a key to the
        // screen), and the final newline.
        XCTAssertEqual(lines.count, 26, result.output)
        guard lines.count == 26 else { return }
        XCTAssertEqual(lines[0], Self.speedHeader)
        for (line, configuration) in zip(lines[1...3], Self.configurations) {
            let fields = line.split(separator: " ")
            XCTAssertEqual(fields.count, 7, line)
            XCTAssertEqual(fields.first.map(String.init), configuration.name, line)
            XCTAssertEqual(fields.dropFirst().first, "20", line)
            let numbers = fields.dropFirst(2).compactMap { Double($0) }
            XCTAssertEqual(numbers.count, 5, line)
            XCTAssertTrue(numbers.allSatisfy { $0 > 0 && $0.isFinite }, line)
            // The loss is printed to 6 decimals: it must be train's loss, rounded.
            let trained = try trainLoss(state: configuration.state, epochs: 20)
            let benched = try XCTUnwrap(numbers.last)
            XCTAssertEqual(benched, trained, accuracy: 5.000001e-7, "\(configuration.name): bench \(benched), train \(trained)")
        }
        XCTAssertEqual(lines[4], "")
        try checkVariants(Array(lines[5...13]))
        XCTAssertEqual(lines[14], "")
        XCTAssertEqual(lines[15], Self.frameHeader)
        let frames = ["whole frame, (b) 120x40", "whole frame, (b) 200x60", "whole frame, (c) 200x60",
                      "network drawing (thumbnails + edges), (c) 200x60",
                      "render only, frame built, (b) 120x40", "render only, frame built, (b) 200x60",
                      "key to screen (l L ↓ ↑), (b) 80x24", "key to screen (l L ↓ ↑), (b) 120x40",
                      "key to screen (l L ↓ ↑), (b) 200x60"]
        XCTAssertEqual(lines[16...24].count, frames.count)
        for (line, frame) in zip(lines[16...24], frames) {
            let words = line.split(separator: " ")
            XCTAssertEqual(words.dropLast(3).joined(separator: " "), frame, line)
            let times = words.suffix(3).compactMap { Double($0) }
            XCTAssertEqual(times.count, 3, line)
            // median, best, worst: best <= median <= worst.
            if times.count == 3 { XCTAssertTrue(times[1] <= times[0] && times[0] <= times[2], line) }
        }
        XCTAssertEqual(lines[25], "")
    }

    /// (b) under each optimizer, with the diagnostics and with the history: each row's loss is
    /// `train`'s with that optimizer (the diagnostics and the history only watch: SGD's loss),
    /// and SGD's speed ratio is 1.
    func checkVariants(_ lines: [String]) throws {
        XCTAssertEqual(lines[0], "variant (b)               train_only_eps  vs_sgd  train_loss")
        let b = Self.configurations[1].state
        let variants = [("sgd", "sgd"), ("momentum", "momentum"), ("nesterov", "nesterov"), ("rmsprop", "rmsprop"),
                        ("adam", "adam"), ("diagnostics-recorded", "sgd"), ("diagnostics-every-epoch", "sgd"),
                        ("history-recorded", "sgd")]
        XCTAssertEqual(lines.count, variants.count + 1)
        for (line, (name, optimizer)) in zip(lines.dropFirst(), variants) {
            let fields = line.split(separator: " ")
            XCTAssertEqual(fields.count, 4, line)
            XCTAssertEqual(fields.first.map(String.init), "b/" + name, line)
            let numbers = fields.dropFirst().compactMap { Double($0) }
            XCTAssertEqual(numbers.count, 3, line)
            XCTAssertTrue(numbers.allSatisfy { $0 > 0 && $0.isFinite }, line)
            if name == "sgd" { XCTAssertEqual(numbers.dropFirst().first, 1, line) }
            let trained = try trainLoss(state: "optimizer=\(optimizer)&" + b, epochs: 20)
            XCTAssertEqual(numbers.last ?? 0, trained, accuracy: 5.000001e-7, "\(name): \(line), train \(trained)")
        }
    }

    func testOnlyRunsTheNamedConfigurationsWithoutFrames() throws {
        let result = try ProcessRunner.run(["bench", "--only", "c,a", "--epochs", "2", "--repeat", "1"])
        XCTAssertEqual(result.status, 0, result.error)
        let names = result.output.split(separator: "\n").dropFirst().map { $0.split(separator: " ")[0] }
        XCTAssertEqual(names, ["a", "c"], result.output)
    }

    func testOnlyRefusesAnUnknownConfigurationInOneLine() throws {
        let cases: [(String, String)] = [("x", #""x""#), ("a,z", #""z""#), ("", #""""#), ("a,\u{301}b", #""\u{301}b""#)]
        for (only, quoted) in cases {
            let result = try ProcessRunner.run(["bench", "--only", only, "--epochs", "1", "--repeat", "1"])
            XCTAssertEqual(result.status, 64, only)
            XCTAssertEqual(result.output, "", only)
            XCTAssertEqual(result.error,
                           "playground-tui: --only: unknown configuration \(quoted); expected a, b or c (see playground-tui bench --help)\n")
        }
    }
}
