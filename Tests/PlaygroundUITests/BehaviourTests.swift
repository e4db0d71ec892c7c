import XCTest
import PlaygroundCore
@testable import PlaygroundUI

final class BehaviourTests: XCTestCase {
    func testTrainingRecordsBothLossesOncePerAction() {
        var app = makeApp()
        XCTAssertEqual(app.losses.records.count, 1, "epoch 0 is recorded at start")
        _ = update(&app, .train(epochs: 7))
        XCTAssertEqual(app.losses.records.map(\.epoch), [0, 7])
        let copy = app.playground
        XCTAssertEqual(app.losses.last?.training, copy.trainingLoss())
        XCTAssertEqual(app.losses.last?.test, copy.testLoss())
        XCTAssertTrue(update(&app, .train(epochs: 0)).isEmpty, "zero epochs: nothing to do")
        XCTAssertEqual(app.losses.records.count, 2)
    }

    func testDivergingPausesAndSaysSo() {
        var app = makeApp("problem=regression&learningRate=10&activation=relu&networkShape=8,8,8")
        app.isPlaying = true
        for _ in 0..<50 where app.isPlaying { _ = update(&app, .train(epochs: 10)) }
        XCTAssertFalse(app.isPlaying)
        XCTAssertTrue(app.hasDiverged)
        XCTAssertEqual(app.status, "diverged: lower the learning rate, then reset")
        let text = screen(app).lines
        XCTAssertTrue(text[0].contains("diverged: lower the learning rate, then reset"))
        XCTAssertTrue(text.joined().contains("NaN") || text.joined().contains("inf"))
        // Lower the rate, reset: the message goes, training works again.
        press("l", &app)
        press("r", &app)
        XCTAssertNil(app.status)
        XCTAssertFalse(app.hasDiverged)
        _ = update(&app, .train(epochs: 1))
        XCTAssertTrue(app.losses.last!.training.isFinite)
    }

    func testLossHistoryThinsButKeepsTheRange() {
        var history = LossHistory()
        for epoch in 0..<5000 {
            history.append(.init(epoch: epoch, training: 1 / Double(epoch + 1), test: .nan))
        }
        XCTAssertLessThanOrEqual(history.records.count, LossHistory.capacity)
        XCTAssertEqual(history.records.first?.epoch, 0)
        XCTAssertEqual(history.last?.epoch, 4999)
        XCTAssertEqual(history.range, (1.0 / 5000)...1)
        history.removeAll()
        XCTAssertNil(history.range)
    }

    func testNoColourMeansNoColourAnywhere() {
        for overlay in [nil, Overlay.help, .link] {
            var app = makeApp("showTestData=true", width: 120, height: 40, capabilities: Capabilities(colors: .none))
            _ = update(&app, .train(epochs: 5))
            app.overlay = overlay
            let grid = screen(app)
            for cell in grid.cells {
                XCTAssertEqual(cell.style.foreground, .default)
                XCTAssertEqual(cell.style.background, .default)
            }
            if overlay == nil {
                // The heat map stays readable: shading characters and point glyphs.
                let area = app.layout.heatMap
                var scalars = Set<Unicode.Scalar>()
                for y in area.y..<area.maxY { for x in area.x..<area.maxX { scalars.insert(grid[x, y].scalar) } }
                XCTAssertTrue(scalars.isSubset(of: [" ", "░", "▒", "▓", "█", "+", "−", "⊞", "⊟"]), "\(scalars)")
                XCTAssertGreaterThan(scalars.count, 3)
            }
        }
    }

    func testEightColoursUseOnlyTheBasicEight() {
        var app = makeApp(width: 120, height: 40, capabilities: Capabilities(colors: .eight))
        _ = update(&app, .train(epochs: 5))
        for cell in screen(app).cells {
            for color in [cell.style.foreground, cell.style.background] {
                if case .index(let index) = color { XCTAssertLessThan(index, 8) }
            }
        }
    }

    func testASCIIScreensAreASCII() {
        for size in [(80, 24), (120, 40), (40, 10)] {
            for overlay in [nil, Overlay.help, .link] {
                for colors in [Capabilities.Colors.full, .none] {
                    var app = makeApp("networkShape=8,8,8,8,8,8", width: size.0, height: size.1,
                                      capabilities: Capabilities(colors: colors, unicode: false))
                    _ = update(&app, .train(epochs: 3))
                    app.overlay = overlay
                    for line in screen(app).lines {
                        XCTAssertTrue(line.unicodeScalars.allSatisfy(\.isASCII), line)
                    }
                }
            }
        }
    }

    func testTheScreenShowsTheLabelsTheIssueNames() {
        var app = makeApp("showTestData=true", width: 120, height: 40)
        _ = update(&app, .train(epochs: 3))
        let text = screen(app).lines.joined(separator: "\n")
        for label in ["Data", "Features", "Network", "Output", "Noise", "Batch size", "Training data", "Circle",
                      "Hidden layers", "4 neurons", "2 neurons", "Activation", "Tanh", "Learning rate", "0.03",
                      "Regularization", "Problem", "Classification", "Epoch", "Training loss", "Test loss",
                      "Show test data", "Discretize output", "? help", "X1", "X1²", "sin(X2)"] {
            XCTAssertTrue(text.contains(label), "the screen lacks \(label)")
        }
        // Every feature has its slot in the input column with its picture; off ones dimmed.
        let grid = screen(app)
        let diagram = app.layout.diagram!
        for (slot, feature) in Feature.allCases.enumerated() {
            let node = diagram.columns[0].nodes[slot]
            let isOn = app.settings.features.contains(feature)
            XCTAssertEqual(grid[node.x, node.y].scalar, "▀", "\(feature): drawn on or off")
            let label = diagram.labelRect(slot: slot)
            XCTAssertEqual(grid[label.maxX - 1, label.y].style.foreground, isOn ? .default : Palette(.full).dim, "\(feature)")
        }
    }

}
