// The frame computed once: render draws what `update` built, and the picture policy.
import XCTest
import PlaygroundCore
@testable import PlaygroundUI

final class FrameTests: XCTestCase {
    /// Render reads the frame, not the live network: a network changed behind `update`'s back
    /// draws nothing new until the next update builds a frame (so render evaluates nothing).
    func testRenderDrawsTheFrameNotTheLiveNetwork() {
        var app = makeApp("networkShape=4,2", width: 120, height: 40)
        let before = screen(app)
        let evaluations = app.heatMap.evaluations + app.thumbnails.evaluations
        app.playground.setWeight(-5, layer: 1, node: 0, source: 0)
        app.playground.setBias(4, layer: 2, node: 0)
        assertSameGrid(screen(app), before)
        XCTAssertEqual(app.heatMap.evaluations + app.thumbnails.evaluations, evaluations, "render evaluated nothing")
        _ = update(&app, .note("rebuilt"))
        XCTAssertEqual(app.heatMap.evaluations + app.thumbnails.evaluations, evaluations + 2, "update evaluated both pictures")
        XCTAssertNotEqual(screen(app).lines[3...20].joined(), before.lines[3...20].joined(), "the new network shows")
    }

    /// `.keep` keeps the pictures of the last frame while the counters and the chart move on;
    /// the next `.refresh` evaluates the pictures of the network as it is then.
    func testKeptPicturesStayWhileTheCountersMove() {
        var app = makeApp(width: 120, height: 40)
        app.isPlaying = true  // pictures are held back only while training goes on
        let pictures = app.heatMap
        _ = update(&app, .train(epochs: 5), pictures: .keep)
        XCTAssertTrue(app.heatMap == pictures, "the heat map is the one before training")
        XCTAssertEqual(app.frame.shown.epoch, 5, "the epoch counter is live")
        XCTAssertEqual(app.frame.shown.losses.records.last?.epoch, 5, "the chart is live")
        let epochLine = screen(app).lines.first { $0.contains(" Epoch ") }
        XCTAssertEqual(epochLine?.split(separator: " ").suffix(2), ["Epoch", "5"], "the screen counts the epochs")
        _ = update(&app, .train(epochs: 1))
        XCTAssertTrue(app.heatMap.isCurrent(network: app.playground.network, features: app.settings.inputFeatures,
                                            width: app.heatMap.pixelWidth, height: app.heatMap.pixelHeight))
        XCTAssertFalse(app.heatMap == pictures, "a new heat map")
    }

    /// The frame's dead edges are the training's, edge for edge (L1 drives some to zero).
    func testTheFramesDeadEdgesAreTheTrainings() {
        var app = makeApp("networkShape=4,3&regularization=L1&regularizationRate=0.3&learningRate=0.3", width: 200, height: 60)
        _ = update(&app, .train(epochs: 60))
        let sizes = app.playground.network.sizes
        var dead = 0
        for layer in 1..<sizes.count {
            for node in 0..<sizes[layer] {
                for source in 0..<sizes[layer - 1] {
                    let truth = app.playground.isDead(layer: layer, node: node, source: source)
                    XCTAssertEqual(app.frame.shown.isDead(layer: layer, node: node, source: source), truth, "\(layer) \(node) \(source)")
                    if truth { dead += 1 }
                }
            }
        }
        XCTAssertGreaterThan(dead, 0, "L1 drove some edges to zero")
    }

    /// The units' health is the frame's: computed with the frame for the drawing, and only
    /// while a drawing shows it (not in the lessons, where no network drawing is on screen).
    func testUnitHealthIsComputedWithTheFrame() {
        var app = makeApp("networkShape=4,2", width: 120, height: 40)
        XCTAssertEqual(app.frame.unitHealth, app.playground.unitDiagnostics())
        XCTAssertEqual(app.frame.layerHealth, [], "no gradient panel, no layer figures")
        press("h", &app)
        XCTAssertEqual(app.frame.layerHealth, app.playground.diagnostics())
        press("h", &app)
        press("o", &app)
        XCTAssertEqual(app.frame.unitHealth, [], "the lessons show no network drawing")
    }
}

/// The one number formatter: the scientific forms round into the next decade exactly where
/// the rounded mantissa would be written "10.0" (hand-worked values).
final class FormatTests: XCTestCase {
    func testScientificFormsRoundIntoTheNextDecade() {
        XCTAssertEqual(Format.scientific(9.94e-5), "9.9e-5")
        XCTAssertEqual(Format.scientific(9.96e-5), "1.0e-4")
        XCTAssertEqual(Format.scientific(9.6e-5), "9.6e-5")
        XCTAssertEqual(Format.scientific(1e-3), "1.0e-3")
        XCTAssertEqual(Format.decimal(9.994e7, places: 3), "9.99e7")
        XCTAssertEqual(Format.decimal(9.996e7, places: 3), "1.00e8")
        XCTAssertEqual(Format.decimal(-2.5e165, places: 3), "-2.50e165")
        XCTAssertEqual(Format.lossLabel(0.00996), "1e-2")
        XCTAssertEqual(Format.lossLabel(0.0096), "9.6e-3")
        XCTAssertEqual(Format.lossLabel(0.00123), "1.2e-3")
        XCTAssertEqual(Format.decimal(.infinity, places: 3), "inf")
        XCTAssertEqual(Format.percent(0.004), " <1%")
    }
}
