import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// Selecting nodes and links, showing a node large, and editing weights and biases.
final class InspectorTests: XCTestCase {
    /// x and y on, 3 and 2 neurons: sizes [2, 3, 2, 1].
    func makeInspected() -> AppState { makeApp("networkShape=3,2&x=true&y=true", width: 120, height: 40) }

    func testISelectsTheOutputAndArrowsMoveWithinBounds() {
        var app = makeInspected()
        press("i", &app)
        XCTAssertEqual(app.selection, .node(layer: 3, node: 0))
        press(.right, &app)
        XCTAssertEqual(app.selection, .node(layer: 3, node: 0), "no layer after the output")
        press(.down, &app)
        XCTAssertEqual(app.selection, .node(layer: 3, node: 0), "one node: held")
        press(.left, &app)
        XCTAssertEqual(app.selection, .node(layer: 2, node: 0))
        press(.down, &app); press(.down, &app); press(.down, &app)
        XCTAssertEqual(app.selection, .node(layer: 2, node: 1), "held at the last node")
        press(.left, &app)
        XCTAssertEqual(app.selection, .node(layer: 1, node: 1), "the same row")
        press(.down, &app); press(.down, &app)
        XCTAssertEqual(app.selection, .node(layer: 1, node: 2))
        press(.left, &app)
        XCTAssertEqual(app.selection, .node(layer: 0, node: 1), "the nearest input row (y, slot 1)")
        press(.left, &app); press(.up, &app); press(.up, &app)
        XCTAssertEqual(app.selection, .node(layer: 0, node: 0), "held at the first input")
        press(.right, &app); press(.right, &app); press(.right, &app); press(.right, &app)
        XCTAssertEqual(app.selection, .node(layer: 3, node: 0))
        press("i", &app)
        XCTAssertNil(app.selection, "i again clears")
        press("i", &app)
        press(.escape, &app)
        XCTAssertNil(app.selection, "Esc clears")
        XCTAssertEqual(app.focus, .dataset, "the arrows did not move the knob focus")
    }

    func testWStepsThroughTheIncomingLinks() {
        var app = makeInspected()
        _ = update(&app, .select(.node(layer: 2, node: 1)))
        press("w", &app)
        XCTAssertEqual(app.selection, .edge(layer: 2, node: 1, source: 0))
        press("w", &app); press("w", &app)
        XCTAssertEqual(app.selection, .edge(layer: 2, node: 1, source: 2))
        press("w", &app)
        XCTAssertEqual(app.selection, .edge(layer: 2, node: 1, source: 0), "wraps around")
        press("W", &app)
        XCTAssertEqual(app.selection, .edge(layer: 2, node: 1, source: 2))
        press(.left, &app)
        XCTAssertEqual(app.selection, .node(layer: 1, node: 2), "← goes to the link's source")
        press("w", &app); press(.right, &app)
        XCTAssertEqual(app.selection, .node(layer: 1, node: 2), "→ goes to the link's destination")
        _ = update(&app, .select(.node(layer: 0, node: 0)))
        press("w", &app)
        XCTAssertEqual(app.selection, .node(layer: 0, node: 0), "an input has no incoming link")
        XCTAssertNotNil(app.status)
    }

    func testASelectedNodeIsShownLargeWithItsTitleAndInfo() throws {
        var app = makeInspected()
        _ = update(&app, .train(epochs: 10))
        _ = update(&app, .select(.node(layer: 2, node: 1)))
        let grid = screen(app)
        let area = app.layout.heatMap
        let values = app.heatMap.outputs(layer: 2, node: 1)
        XCTAssertEqual(values.count, area.width * area.height * 2)
        // Away from points, each cell's colours are that node's shades.
        let codes = HeatMapWidget.shadeCodes(values: values, count: values.count, discretize: false)
        var compared = 0
        for row in 0..<area.height {
            for column in 0..<area.width {
                let upper = codes[2 * row * area.width + column]
                guard grid[area.x + column, area.y + row].scalar == "▀" else { continue }  // a point's cell
                XCTAssertEqual(Int(upper), ShadeScale.shade(values[values.startIndex + 2 * row * area.width + column]))
                XCTAssertEqual(grid[area.x + column, area.y + row].style.foreground, Palette(.full).shade(Int(upper)))
                compared += 1
            }
        }
        XCTAssertGreaterThan(compared, area.width * area.height / 2)
        XCTAssertNotEqual(Array(values), Array(app.heatMap.outputs), "not the network's output")
        let text = grid.lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("Node h2.2"), text)
        let bias = Format.decimal(app.playground.network.bias(layer: 2, node: 1), places: 3)
        XCTAssertTrue(text.contains("h2.2 (layer 2, node 2)  Tanh  bias " + bias), text)
        XCTAssertTrue(text.contains("weights in: "), text)
        press(.escape, &app)
        XCTAssertTrue(screen(app).lines.joined().contains("Output"))
        XCTAssertNil(app.shownNode)
    }

    func testEditingAWeightSetsTheTypedValue() throws {
        var app = makeInspected()
        app.isPlaying = true
        _ = update(&app, .select(.edge(layer: 2, node: 1, source: 2)))
        let history = app.losses.records.count
        press(.enter, &app)
        XCTAssertNotNil(app.entry)
        XCTAssertFalse(app.isPlaying, "training waits while a value is typed")
        for character in "-1.25x" { press(.character(character), &app) }
        XCTAssertEqual(app.entry?.text, "-1.25", "x is not part of a number")
        XCTAssertFalse(press(.character("q"), &app), "q does not quit while typing")
        XCTAssertNotNil(app.entry)
        XCTAssertTrue(screen(app).lines.joined().contains("weight h1.3 → h2.2: -1.25"))
        press(.enter, &app)
        XCTAssertNil(app.entry)
        XCTAssertEqual(app.playground.network.weight(layer: 2, node: 1, source: 2), -1.25)
        XCTAssertEqual(app.losses.records.count, history + 1, "the losses are recomputed and recorded")
        XCTAssertTrue(app.isPlaying, "training continues")
        XCTAssertTrue(app.heatMap.isCurrent(network: app.playground.network, features: app.settings.inputFeatures,
                                            width: app.heatMap.pixelWidth, height: app.heatMap.pixelHeight))
        XCTAssertTrue(screen(app).lines.joined().contains("weight h1.3 → h2.2 = -1.250"))
        _ = update(&app, .train(epochs: 1))
        XCTAssertNotEqual(app.playground.network.weight(layer: 2, node: 1, source: 2), -1.25, "and trains on from it")
    }

    func testEditingABias() {
        var app = makeInspected()
        _ = update(&app, .select(.node(layer: 1, node: 0)))
        press(.enter, &app)
        for character in "2e-1" { press(.character(character), &app) }
        press(.backspace, &app)
        press(.character("2"), &app)
        press(.enter, &app)
        XCTAssertEqual(app.playground.network.bias(layer: 1, node: 0), 0.02, "2e-1, Backspace, 2: 2e-2")
    }

    func testABadEntryIsRefusedAndChangesNothing() {
        for text in ["", "-", "1.2.3", "1e", "500", "-100.5", "1e999", "--2"] {
            var app = makeInspected()
            _ = update(&app, .select(.edge(layer: 1, node: 0, source: 1)))
            let before = app.playground
            let losses = app.losses
            press(.enter, &app)
            for character in text { press(.character(character), &app) }
            press(.enter, &app)
            XCTAssertEqual(app.playground, before, "\(text.debugDescription) changed the network")
            XCTAssertEqual(app.losses, losses)
            let message = app.entry?.error ?? ""
            XCTAssertTrue(message.contains("-100 to 100"), "\(text.debugDescription): \(message)")
            if !text.isEmpty { XCTAssertTrue(message.contains(text), "the message names the input: \(message)") }
            XCTAssertTrue(screen(app).lines.joined().contains(message))
            press(.escape, &app)
            XCTAssertNil(app.entry, "Esc cancels")
            XCTAssertEqual(app.playground, before)
        }
    }

    /// Issue 8: `i ← ← ←`, Enter on an input, then a number. Enter used to be refused there,
    /// which left the inspecting keys live: the "5" of "0.5" toggled feature 5 and rebuilt the
    /// network. An input has no bias, so Enter types the weight of its first link instead, and
    /// the number goes into the entry line.
    func testANumberTypedAfterEnterOnAnInputSetsItsFirstLinkAndTogglesNoFeature() {
        var app = makeInspected()
        _ = update(&app, .train(epochs: 10))
        for key: Key in [.character("i"), .left, .left, .left] { press(key, &app) }
        guard case .node(0, let input)? = app.selection else { return XCTFail("not on an input: \(String(describing: app.selection))") }
        let settings = app.settings, epoch = app.playground.epoch, network = app.playground.network
        press(.enter, &app)
        XCTAssertEqual(app.entry?.target, .edge(layer: 1, node: 0, source: input))
        XCTAssertEqual(app.status, "an input has no bias: this sets the weight of its first edge")
        let label = app.settings.inputFeatures[input].label
        XCTAssertEqual(InspectorView.lines(app)[0].text, "weight \(label) → h1.1: ▏", "the entry line names the link")
        for character in "0.5" { press(character, &app) }
        XCTAssertEqual(app.settings, settings, "no feature toggled")
        press(.enter, &app)
        XCTAssertNil(app.entry)
        XCTAssertEqual(app.settings, settings)
        XCTAssertEqual(app.playground.epoch, epoch, "training was not reset")
        XCTAssertEqual(app.playground.network.weight(layer: 1, node: 0, source: input), 0.5)
        for source in 0..<2 where source != input {
            XCTAssertEqual(app.playground.network.weight(layer: 1, node: 0, source: source), network.weight(layer: 1, node: 0, source: source))
        }
    }

    func testChangingTheNetworkKeepsTheSelectionValid() {
        var app = makeInspected()
        _ = update(&app, .select(.node(layer: 2, node: 1)))
        press("[", &app)  // two hidden layers → one: layer 2 is now the output
        XCTAssertEqual(app.selection, .node(layer: 2, node: 0))
        press("i", &app)
        XCTAssertNil(app.selection)
    }
}

/// The drawing's mouse targets and the footer while inspecting.
final class InspectorControlTests: XCTestCase {
    func testNeuronButtonsAndHeadingsAreClickable() throws {
        for (width, height) in [(120, 40), (80, 24)] {
            var app = makeApp("networkShape=3,6&x=true&y=true", width: width, height: height)
            let layout = app.layout
            let plus = try XCTUnwrap(layout.neuronButtons.first { $0.layer == 1 && $0.delta == 1 })
            XCTAssertTrue(press(.click(x: plus.rect.x, y: plus.rect.y), &app))
            XCTAssertEqual(app.settings.networkShape, [3, 7], "\(width)×\(height)")
            let minus = try XCTUnwrap(app.layout.neuronButtons.first { $0.layer == 0 && $0.delta == -1 })
            XCTAssertTrue(press(.click(x: minus.rect.maxX - 1, y: minus.rect.y), &app))
            XCTAssertEqual(app.settings.networkShape, [2, 7])
            let heading = try XCTUnwrap(app.layout.rect(of: .neurons(layer: 1)))
            XCTAssertTrue(press(.click(x: heading.x, y: heading.y), &app))
            XCTAssertEqual(app.focus, .neurons(layer: 1))
            XCTAssertEqual(app.selectedLayer, 1)
            // The drawing follows at once: layer 2 now has 7 nodes.
            XCTAssertEqual(try XCTUnwrap(app.layout.diagram).columns[2].nodes.count, 7)
        }
    }

    func testInspectingAHiddenNodeSelectsItsLayerForMinusAndPlus() {
        var app = makeApp("networkShape=3,6&x=true&y=true")
        _ = update(&app, .select(.node(layer: 2, node: 4)))
        XCTAssertEqual(app.selectedLayer, 1)
        press("-", &app)
        XCTAssertEqual(app.settings.networkShape, [3, 5])
        XCTAssertEqual(app.selection, .node(layer: 2, node: 4), "still there")
        press("-", &app)
        XCTAssertEqual(app.selection, .node(layer: 3, node: 0), "a node that went away: back to the output")
    }

    func testTheFooterShowsTheKeysOfTheMode() {
        var app = makeApp(width: 80, height: 24)
        func footer() -> String { screen(app).lines.last! }
        XCTAssertTrue(footer().contains("i inspect"))
        press("i", &app)
        XCTAssertTrue(footer().contains("move") && footer().contains("w/W edges") && footer().contains("Enter edit"), footer())
        press(.enter, &app)
        XCTAssertTrue(footer().contains("Enter set") && footer().contains("Esc cancel") && footer().contains("Ctrl-C quit"), footer())
        XCTAssertFalse(footer().contains("q quit"), "q types into the entry")
    }
}
