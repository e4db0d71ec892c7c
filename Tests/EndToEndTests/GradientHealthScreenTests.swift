import Foundation
import XCTest

/// Issue 9 in a real terminal at 80×24: the gradient health panel opens with `h`, shows a deep
/// sigmoid net's vanishing gradients, changes when the activation and the optimizer change.
final class GradientHealthScreenTests: EndToEndTestCase {
    static let deepSigmoid = "seed=0.12345&networkShape=8,8,8,8,8,8&activation=sigmoid&dataset=spiral"
    static let layers = ["h1", "h2", "h3", "h4", "h5", "h6", "out"]

    /// Each layer's mean |dL/dw| as the panel prints it (the first number after the name and the
    /// bar); nil for a row not on screen or not measured yet ("-").
    static func gradients(_ screen: Screen) -> [Double?] {
        layers.map { name in
            guard let line = screen.lines.first(where: { $0.hasPrefix(" " + name + " ") }) else { return nil }
            let rest = line.dropFirst(name.count + 1).split(separator: " ")
            return rest.lazy.compactMap { Double($0) }.first
        }
    }

    static func measured(_ screen: Screen) -> [Double]? {
        let values = gradients(screen)
        guard values.allSatisfy({ ($0 ?? 0) > 0 }) else { return nil }
        return values.map { $0! }
    }

    func testThePanelShowsVanishingGradientsThenReLUAndAdamChangeIt() throws {
        let session = try start(width: 80, height: 24, arguments: ["--state", Self.deepSigmoid])
        try waitForText(session, "Training loss", "Optimizer", "Init")
        try session.type("h")
        let opened = try waitForText(session, "Gradient health", "|dL/dw|", "dead")
        XCTAssertEqual(Self.gradients(opened).count, 7)
        XCTAssertTrue(Self.gradients(opened).allSatisfy { $0 == nil }, "nothing measured before training:\n\(opened.text)")
        XCTAssertTrue(opened.lines.contains { $0.hasPrefix(" out ") }, opened.text)

        // Sigmoid, six layers: the first layer's gradients are orders of magnitude below the last's.
        try session.send("Space")
        let sigmoid = try waitForScreen(session, "every layer's gradient measured") { Self.measured($0) != nil }
        let sigmoidGradients = Self.measured(sigmoid)!
        XCTAssertLessThan(sigmoidGradients[0] * 100, sigmoidGradients[6], "vanishing gradients:\n\(sigmoid.text)")

        // ReLU: the network is rebuilt and the gradients reach the first layer.
        try session.type("AA")
        let relu = try waitForScreen(session, "ReLU's card and the first layer's gradient 10× larger") { screen in
            screen.contains("can die") && Self.measured(screen).map { $0[0] > 10 * sigmoidGradients[0] } ?? false
        }
        XCTAssertTrue(relu.contains("ReLU"), relu.text)

        // Adam: the knob says so and the panel changes with the new network.
        try session.type("uuuu")
        let adam = try waitForScreen(session, "Adam in the Network panel, the panel measuring again") { screen in
            screen.lines.contains { $0.contains("Optimizer") && $0.contains("Adam") } && Self.gradients(screen)[6] != nil
        }
        XCTAssertNotEqual(Self.gradients(adam).map { $0 ?? -1 }, Self.gradients(relu).map { $0 ?? -1 }, adam.text)

        // Everything still fits 80×24: the last knob line and the footer with its pinned keys.
        let lines = adam.lines
        XCTAssertFalse(adam.contains("too small"))
        XCTAssertTrue(lines.contains { $0.contains("Init") && $0.contains("TF") }, adam.text)
        XCTAssertTrue(lines.prefix(24).last { !$0.isEmpty }?.hasSuffix("? help  q quit") ?? false, adam.text)

        // h again: the drawing is back.
        try session.type("h")
        try waitForScreen(session, "the network drawing back") { !$0.contains("Gradient health") && $0.contains("X1") }
    }
}
