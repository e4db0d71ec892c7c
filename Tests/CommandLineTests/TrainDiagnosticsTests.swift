import Foundation
import XCTest

/// `train` with the keys beyond TF and its gradient-health output.
final class TrainDiagnosticsTests: XCTestCase {
    struct Document: Decodable {
        struct Health: Decodable, Equatable {
            let meanAbsGradient, updateRatio, saturated, dead: Double
        }
        struct Entry: Decodable {
            let epoch: Int
            let layers: [Health]
        }
        let state: String
        let loss: [[Double]]
        let diagnostics: [Entry]
    }

    let sigmoidDeep = "activation=sigmoid&dataset=spiral&networkShape=8,8,8,8,8,8&seed=0.12345"

    func testJSONHasOneDiagnosticsEntryPerPrintedEpochAndCSVTheSameColumns() throws {
        let json = try ProcessRunner.run(["train", "--state", sigmoidDeep, "--epochs", "7", "--every", "3",
                                          "--format", "json"])
        XCTAssertEqual(json.status, 0, json.error)
        let document = try JSONDecoder().decode(Document.self, from: Data(json.output.utf8))
        XCTAssertEqual(document.diagnostics.map(\.epoch), [0, 3, 6, 7])
        XCTAssertEqual(document.loss.map { Int($0[0]) }, [0, 3, 6, 7])
        for entry in document.diagnostics {
            XCTAssertEqual(entry.layers.count, 7, "six hidden layers and the output")
            for layer in entry.layers {
                XCTAssertTrue((0...1).contains(layer.saturated) && (0...1).contains(layer.dead), "\(layer)")
            }
        }
        XCTAssertEqual(document.diagnostics[0].layers[0].meanAbsGradient, 0, "no update before epoch 1")
        let last = try XCTUnwrap(document.diagnostics.last?.layers)
        XCTAssertGreaterThan(last[6].meanAbsGradient, 10 * last[0].meanAbsGradient, "vanishing gradients")

        let csv = try ProcessRunner.run(["train", "--state", sigmoidDeep, "--epochs", "7", "--every", "3", "--diagnostics"])
        XCTAssertEqual(csv.status, 0, csv.error)
        let lines = csv.output.split(separator: "\n").map(String.init)
        let header = (["epoch", "train_loss", "test_loss"] + (1...7).flatMap { l in
            ["mean_abs_gradient", "update_ratio", "saturated", "dead"].map { "l\(l)_\($0)" }
        }).joined(separator: ",")
        XCTAssertEqual(lines.first, header)
        for (line, entry) in zip(lines.dropFirst(), document.diagnostics) {
            let fields = line.split(separator: ",").map { Double($0)! }
            XCTAssertEqual(fields.count, 3 + 4 * 7, line)
            XCTAssertEqual(Int(fields[0]), entry.epoch)
            let health = stride(from: 3, to: fields.count, by: 4).map {
                Document.Health(meanAbsGradient: fields[$0], updateRatio: fields[$0 + 1], saturated: fields[$0 + 2],
                                dead: fields[$0 + 3])
            }
            XCTAssertEqual(health, entry.layers, "CSV and JSON print the same numbers, exactly")
        }
    }

    func testCSVWithoutTheFlagKeepsItsThreeColumns() throws {
        let csv = try ProcessRunner.run(["train", "--state", "optimizer=adam&seed=0.12345", "--epochs", "1"])
        XCTAssertEqual(csv.status, 0, csv.error)
        XCTAssertEqual(csv.output.split(separator: "\n").first, "epoch,train_loss,test_loss")
    }

    /// The new keys arrive through --state: Adam's run is the oracle's (Tests/Fixtures/oracle),
    /// and the state line writes them back after TF's keys.
    func testTheNewKeysReachTheEngine() throws {
        let url = ProcessRunner.root.appendingPathComponent("Tests/Fixtures/oracle/adam-circle-default.csv")
        let fixture = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
        let result = try ProcessRunner.run(["train", "--state", "optimizer=adam&init=he&loss=crossentropy&momentum=0.5&"
                                                + "seed=0.12345", "--epochs", "0"])
        XCTAssertEqual(result.status, 0, result.error)
        XCTAssertTrue(result.error.hasSuffix("&hideText=false&optimizer=adam&momentum=0.5&loss=crossentropy&init=he\n"),
                      result.error)
        let adam = try ProcessRunner.run(["train", "--state", String(fixture[0].dropFirst(2)), "--epochs", "20"])
        for (line, expected) in zip(adam.output.split(separator: "\n").dropFirst(), fixture.dropFirst(2)) {
            let a = line.split(separator: ",").map { Double($0)! }, e = expected.split(separator: ",").map { Double($0)! }
            XCTAssertEqual(a[0], e[0])
            XCTAssertEqual(a[1], e[1], accuracy: 1e-9 * e[1], line.description)
        }
    }

    func testABadNewKeyIsOneLineNamingTheKeyAndWhatItAccepts() throws {
        let cases = [("optimizer=adagrad", "optimizer", "one of sgd, momentum, nesterov, rmsprop, adam"),
                     ("momentum=1", "momentum", "a number from 0 up to but not including 1 (e.g. 0.9)"),
                     ("loss=hinge", "loss", "one of square, crossentropy"),
                     ("init=glorot", "init", "one of tf, xavier, he")]
        for (state, key, accepts) in cases {
            let result = try ProcessRunner.run(["train", "--state", state])
            XCTAssertEqual(result.status, 64, state)
            XCTAssertEqual(result.output, "", state)
            XCTAssertTrue(result.error.contains("\(key): bad value") && result.error.contains(accepts), result.error)
            XCTAssertEqual(result.error.split(separator: "\n").count, 1, result.error)
        }
    }
}
