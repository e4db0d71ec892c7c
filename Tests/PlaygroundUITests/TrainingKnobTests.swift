import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// The knobs beyond TF: optimizer, β, loss, initialisation. Each changes the state, and the
/// network is rebuilt or not as `StateKey.table` says (optimizer, loss, init rebuild; β is live).
final class TrainingKnobTests: XCTestCase {
    /// Trained a little, so a rebuild (epoch back to 0) shows.
    func trainedApp(_ pairs: String = "") -> AppState {
        var app = makeApp(pairs, width: 80, height: 24)
        _ = update(&app, .train(epochs: 3))
        return app
    }

    func testUCyclesTheOptimizerAndRebuilds() {
        var app = trainedApp()
        var seen: [Optimizer.Kind] = []
        for _ in Optimizer.Kind.allCases {
            press("u", &app)
            seen.append(app.settings.optimizer)
            XCTAssertEqual(app.playground.epoch, 0, "a new optimizer rebuilds the network")
            _ = update(&app, .train(epochs: 1))
        }
        XCTAssertEqual(seen, [.momentum, .nesterov, .rmsprop, .adam, .sgd])
        press("U", &app)
        XCTAssertEqual(app.settings.optimizer, .adam)
        XCTAssertTrue(app.settings.link.contains("optimizer=adam"))
    }

    func testTheMomentumKnobShowsOnlyForMomentumAndNesterovAndAppliesLive() {
        var app = trainedApp()
        XCTAssertFalse(Knob.all(for: app.settings).contains(.momentum))
        press("v", &app)
        XCTAssertEqual(app.settings.momentum, 0.9, "sgd has no β to change")
        XCTAssertEqual(app.status, "momentum is the β of the momentum and nesterov optimizers: u picks one")
        press("u", &app)
        XCTAssertTrue(Knob.all(for: app.settings).contains(.momentum))
        XCTAssertNotNil(app.layout.rect(of: .momentum))
        _ = update(&app, .train(epochs: 4))
        let network = app.playground.network
        press("v", &app)
        XCTAssertEqual(app.settings.momentum, 0.8)
        XCTAssertEqual(app.playground.epoch, 4, "β applies live")
        XCTAssertEqual(app.playground.network, network)
        press("V", &app)
        press("V", &app)
        XCTAssertEqual(app.settings.momentum, 0.95)
        XCTAssertTrue(screen(app).lines.contains { $0.contains("Momentum") && $0.contains("0.95") })
        // The focus on β moves to the optimizer when β goes away.
        _ = update(&app, .focus(.momentum))
        press("u", &app)
        press("u", &app)
        XCTAssertEqual(app.settings.optimizer, .rmsprop)
        XCTAssertEqual(app.focus, .optimizer)
    }

    func testFSwitchesTheLossRebuildsAndTheLossesSaySo() {
        var app = trainedApp()
        XCTAssertTrue(screen(app).lines.contains { $0.contains(" Training loss ") })
        press("f", &app)
        XCTAssertEqual(app.settings.loss, .crossentropy)
        XCTAssertEqual(app.playground.epoch, 0)
        let lines = screen(app).lines
        XCTAssertTrue(lines.contains { $0.contains("Train loss (CE)") }, "80×24: the short label")
        XCTAssertTrue(lines.contains { $0.contains("Test loss (CE)") })
        XCTAssertTrue(lines.contains { $0.contains("Loss") && $0.contains("Cross-entropy") })
        var wide = app
        _ = update(&wide, .resize(width: 120, height: 40))
        XCTAssertTrue(screen(wide).lines.contains { $0.contains("Training loss (CE)") })
        // The number shown is the mean cross-entropy: ln 2 ≈ 0.693 is its value at z = 0.
        let shown = app.losses.last!.training
        XCTAssertEqual(shown, app.playground.network.loss(inputs: app.playground.trainInputs, labels: app.playground.trainLabels,
                                                         loss: .crossentropy))
        press("f", &app)
        XCTAssertEqual(app.settings.loss, .square)
    }

    func testARegressionRefusesCrossEntropyAndSaysSo() {
        var app = trainedApp("problem=regression&regDataset=reg-plane")
        let before = app.settings
        press("f", &app)
        XCTAssertEqual(app.settings, before, "nothing changes")
        XCTAssertEqual(app.status, "a regression keeps square loss: cross-entropy needs classes (p)")
        XCTAssertEqual(app.playground.epoch, 3)
        XCTAssertTrue(screen(app).lines.contains { $0.contains("Loss") && $0.contains("Square (regression)") })
        // A classification's cross-entropy becomes square loss in a regression, and says so.
        var classification = trainedApp("loss=crossentropy")
        press("p", &classification)
        XCTAssertEqual(classification.settings.effectiveLoss, .square)
        XCTAssertTrue(screen(classification).lines.contains { $0.contains("Square (regression)") })
        XCTAssertTrue(screen(classification).lines.contains { $0.contains(" Training loss ") })
    }

    func testICyclesTheInitialisationAndRebuilds() {
        var app = trainedApp()
        press("I", &app)
        XCTAssertEqual(app.settings.initialization, .xavier)
        XCTAssertEqual(app.playground.epoch, 0)
        XCTAssertEqual(app.playground.network.bias(layer: 1, node: 0), 0, "Xavier's biases are 0")
        press("I", &app)
        XCTAssertEqual(app.settings.initialization, .he)
        press("I", &app)
        XCTAssertEqual(app.settings.initialization, .tf)
        XCTAssertEqual(app.playground.network.bias(layer: 1, node: 0), 0.1)
        var ascii = app
        ascii.capabilities = Capabilities(unicode: false)
        XCTAssertTrue(screen(ascii).lines.contains { $0.contains("TF (+-0.5)") })
    }

    /// A click on a knob beyond TF focuses it, a second click changes it; the loss flips at once.
    func testClicksWorkOnTheNewKnobs() throws {
        var app = makeApp(width: 80, height: 24)
        let optimizer = try XCTUnwrap(app.layout.rect(of: .optimizer))
        XCTAssertTrue(press(.click(x: optimizer.x + 2, y: optimizer.y), &app))
        XCTAssertEqual(app.focus, .optimizer)
        press(.click(x: optimizer.x + 2, y: optimizer.y), &app)
        XCTAssertEqual(app.settings.optimizer, .momentum)
        let loss = try XCTUnwrap(app.layout.rect(of: .loss))
        press(.click(x: loss.x + 2, y: loss.y), &app)
        XCTAssertEqual(app.settings.loss, .crossentropy)
    }

    /// At 80×24 every knob still has its own line, nothing overlaps, and the network keeps its
    /// seven input slots, with β shown or not.
    func testEverythingFitsAt80x24() {
        for pairs in ["", "optimizer=momentum", "optimizer=nesterov&networkShape=8,8,8,8,8,8"] {
            let layout = makeApp(pairs, width: 80, height: 24).layout
            let knobs = Knob.all(for: makeSettings(pairs)).filter { if case .neurons = $0 { false } else { true } }
            for knob in knobs { XCTAssertNotNil(layout.rect(of: knob), "\(pairs): \(knob) has no line") }
            let lines = layout.knobs.map(\.rect).filter { $0.height == 1 && $0.width > 10 }
            for (index, a) in lines.enumerated() {
                for b in lines[(index + 1)...] { XCTAssertTrue(a.intersection(b).isEmpty, "\(pairs): \(a) and \(b) overlap") }
            }
            XCTAssertEqual(layout.diagram?.columns[0].nodes.count, 7, pairs)
            for (name, rect) in layout.regions where !rect.isEmpty {
                XCTAssertLessThanOrEqual(rect.maxY, 24, name)
                XCTAssertLessThanOrEqual(rect.maxX, 80, name)
            }
        }
    }
}
