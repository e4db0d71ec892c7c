import Foundation
import XCTest

/// `playground-tui train` and friends run as processes, the way scripts use them.
final class TrainCommandTests: XCTestCase {
    func run(_ arguments: [String]) throws -> ProcessRunner.Result { try ProcessRunner.run(arguments) }

    struct Reference: Decodable {
        let state: String
        let train: [[Double]]
        let test: [[Double]]
        let initialNetwork: [Layer]
        let loss: [[Double]]
        struct Layer: Decodable, Equatable {
            let biases: [Double]
            let weights: [[Double]]
        }
    }

    func reference(_ name: String) throws -> Reference {
        let url = ProcessRunner.root.appendingPathComponent("Tests/Fixtures/reference/\(name)")
        guard let data = try? Data(contentsOf: url) else {
            XCTFail("reference file missing: \(url.path) (Tests/Fixtures/reference in the repository)")
            throw CocoaError(.fileNoSuchFile)
        }
        return try JSONDecoder().decode(Reference.self, from: data)
    }

    func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(abs(a), abs(b)) }

    func testCSVEqualsTheReference() throws {
        let expected = try reference("xor-relu-l1-allfeatures.json")
        let result = try run(["train", "--state", expected.state, "--epochs", "50"])
        XCTAssertEqual(result.status, 0, result.error)
        let lines = result.output.split(separator: "\n")
        XCTAssertEqual(lines.first, "epoch,train_loss,test_loss")
        XCTAssertEqual(lines.count, 52)
        for (line, row) in zip(lines.dropFirst(), expected.loss) {
            let fields = line.split(separator: ",").map { Double($0)! }
            XCTAssertEqual(fields[0], row[0])
            XCTAssertTrue(close(fields[1], row[1]) && close(fields[2], row[2]), "\(line) vs \(row)")
        }
        XCTAssertTrue(result.error.hasPrefix("state: activation=relu&regularization=L1&batchSize=30&dataset=xor&"), result.error)
    }

    func testJSONEqualsTheReference() throws {
        let expected = try reference("spiral-deep-allfeatures.json")
        let result = try run(["train", "--state", expected.state, "--epochs", "50", "--format", "json"])
        XCTAssertEqual(result.status, 0, result.error)
        let actual = try JSONDecoder().decode(Reference.self, from: Data(result.output.utf8))
        XCTAssertEqual(actual.initialNetwork, expected.initialNetwork)
        XCTAssertEqual(actual.train.count, expected.train.count)
        for (a, b) in zip(actual.train + actual.test, expected.train + expected.test) {
            XCTAssertTrue(zip(a, b).allSatisfy { abs($0 - $1) <= 1e-12 }, "\(a) vs \(b)")
        }
        XCTAssertEqual(actual.loss.count, 51)
        for (a, b) in zip(actual.loss, expected.loss) {
            XCTAssertEqual(a[0], b[0])
            XCTAssertTrue(close(a[1], b[1]) && close(a[2], b[2]), "\(a) vs \(b)")
        }
        XCTAssertTrue(actual.state.hasPrefix("activation=tanh&batchSize=10&dataset=spiral&"), actual.state)
        XCTAssertEqual(result.error, "")
    }

    func testEveryKPrintsEpochZeroEveryKthAndTheLast() throws {
        let result = try run(["train", "--state", "seed=0.12345", "--epochs", "10", "--every", "4"])
        XCTAssertEqual(result.status, 0)
        let epochs = result.output.split(separator: "\n").dropFirst().map { $0.split(separator: ",")[0] }
        XCTAssertEqual(epochs, ["0", "4", "8", "10"])
    }

    func testBadInputIsOneLineNamingItAndANonZeroExit() throws {
        let cases: [([String], String)] = [
            (["train", "--epochs", "-3"], "--epochs"),
            (["train", "--epochs", "ten"], "--epochs"),
            (["train", "--every", "0"], "--every"),
            (["train", "--format", "xml"], "--format"),
            (["train", "--state", "noise=7x"], "noise"),
            (["train", "--state", "activation=swish"], "relu, tanh, sigmoid"),
            (["train", "--bogus"], "--bogus"),
        ]
        for (arguments, mention) in cases {
            let result = try run(arguments)
            XCTAssertNotEqual(result.status, 0, "\(arguments)")
            let lines = result.error.split(separator: "\n")
            XCTAssertEqual(lines.count, 1, "\(arguments): \(result.error)")
            XCTAssertTrue(result.error.contains(mention), "\(arguments): \(result.error)")
            XCTAssertEqual(result.output, "", "\(arguments)")
        }
    }

    func testUnknownKeyWarnsAndStillTrains() throws {
        let result = try run(["train", "--state", "seed=1&fancyKnob=2", "--epochs", "1"])
        XCTAssertEqual(result.status, 0)
        XCTAssertTrue(result.error.contains("unknown key \"fancyKnob\" ignored"), result.error)
        XCTAssertEqual(result.output.split(separator: "\n").count, 3)
    }

    func testHelpAndVersion() throws {
        let help = try run(["train", "--help"])
        XCTAssertEqual(help.status, 0)
        XCTAssertTrue(help.output.contains("--epochs"))
        XCTAssertTrue(help.output.contains("--format"))
        let version = try run(["--version"])
        XCTAssertEqual(version.status, 0)
        XCTAssertTrue(version.output.hasPrefix("playground-tui "))
    }
}
