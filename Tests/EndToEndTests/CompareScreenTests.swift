import Foundation
import XCTest

/// Runs side by side in a real terminal: `X` opens the activations at 80×24, an epoch limit
/// stops every run at the same epoch, and Enter makes one the playground, whose numbers are then
/// those of `train` on the same state for as many epochs.
final class CompareScreenTests: EndToEndTestCase {
    func testTheComparisonOpensTrainsToTheLimitAndAPickedRunBecomesThePlayground() throws {
        let session = try start(width: 80, height: 24)
        try waitForText(session, "epoch")
        // An epoch limit of 100: `(` from none to 50,000, then eight rungs down.
        try session.type(String(repeating: "(", count: 9))
        try waitForText(session, "stop at epoch 100")
        try session.type("X")
        var screen = try waitForText(session, "compare activation", "vary (Tab):", "maps 1-6 of 8", "8  Softplus")
        XCTAssertTrue(screen.contains("60 epochs/s: 7.5 each of 8"), screen.text)
        // Flat out: the frame budget shared by the eight runs.
        try session.type(">>")
        try waitForText(session, "max speed, shared by 8")
        try session.type(" ")
        screen = try waitForText(session, "every run stopped: 8 at epoch limit 100")
        XCTAssertTrue(screen.contains("paused"), screen.text)
        for name in ["ReLU", "Tanh", "Sigmoid", "Linear"] {
            XCTAssertTrue(screen.lines.contains { $0.contains(" \(name) ") && $0.contains(" 100 ") }, "\(name) at epoch 100:\n\(screen.text)")
        }
        try session.type("3")
        try session.send("Enter")
        screen = try waitForText(session, "picked activation Sigmoid at epoch 100", "Sigmoid")
        XCTAssertEqual(screen.numbers(after: "Epoch").first, 100, screen.text)
        let train = try Shell.run(binary(), ["train", "--state", Self.state + "&activation=sigmoid", "--epochs", "100"])
        XCTAssertEqual(train.status, 0, train.error)
        let last = try XCTUnwrap(train.output.split(separator: "\n").last).split(separator: ",")
        let testLoss = try XCTUnwrap(Double(String(last[2])))
        let shown = screen.numbers(after: "Test loss", decimals: true)
        XCTAssertEqual(shown.count, 1, screen.text)
        XCTAssertEqual(shown.first ?? -1, testLoss, accuracy: 0.0005, "the picked run's test loss is train's at epoch 100")
        try session.type("q")
        XCTAssertEqual(waitForExit(session), 0)
    }
}
