import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// Classroom links as TF's `hideControls()` treats them: a hidden control is gone from the page
/// (`display: none`), a hidden input is gone from the network and its drawing, and the link
/// written back keeps every `_hide` key.
final class ClassroomLinkTests: XCTestCase {
    /// The knobs TF's controls are, with a key that steps each.
    let knobKeys: [(knob: Knob, control: Control, key: Character)] = [
        (.dataset, .dataset, "d"), (.noise, .noise, "N"), (.trainingRatio, .percTrainData, "t"),
        (.batchSize, .batchSize, "B"), (.hiddenLayers, .numHiddenLayers, "]"), (.activation, .activation, "a"),
        (.learningRate, .learningRate, "L"), (.regularization, .regularization, "e"),
        (.regularizationRate, .regularizationRate, "K"), (.problem, .problem, "p"),
        (.showTestData, .showTestData, "x"), (.discretize, .discretize, "z"),
    ]

    func occurrences(of text: String, in app: AppState) -> Int {
        screen(app).lines.map { $0.components(separatedBy: text).count - 1 }.reduce(0, +)
    }

    func testAHiddenControlIsGoneFromTheScreenTheFocusCycleAndTheMouse() {
        XCTAssertEqual(Set(knobKeys.map(\.control)), Set(Control.allCases).subtracting([.playButton, .stepButton, .resetButton]))
        for (knob, control, _) in knobKeys {
            let shown = makeApp(), hidden = makeApp("\(control.rawValue)_hide=true")
            XCTAssertNotNil(shown.layout.rect(of: knob), "\(knob) is drawn without the link")
            XCTAssertNil(hidden.layout.rect(of: knob), "\(knob): no place on the screen, so no click reaches it")
            XCTAssertEqual(occurrences(of: knob.label, in: hidden), occurrences(of: knob.label, in: shown) - 1, "\(knob)")
            XCTAssertFalse(Knob.all(for: hidden.settings).contains(knob))
            // Down through every knob and back up: the hidden one is never focused.
            var app = hidden
            var focused: Set<Knob> = [app.focus]
            for delta in [1, -1] {
                for _ in 0..<40 {
                    _ = update(&app, .moveFocus(by: delta))
                    focused.insert(app.focus)
                }
            }
            XCTAssertFalse(focused.contains(knob), "\(knob) focused")
            XCTAssertEqual(focused.count, Knob.all(for: hidden.settings).count, "every other knob is reached")
        }
    }

    func testTheKnobsUnderAHiddenOneMoveUp() throws {
        let shown = makeApp(), hidden = makeApp("noise_hide=true")
        XCTAssertEqual(hidden.layout.rect(of: .trainingRatio), shown.layout.rect(of: .noise))
        XCTAssertEqual(hidden.layout.rect(of: .batchSize), shown.layout.rect(of: .trainingRatio))
    }

    func testAHiddenControlsKeysDoNothingButSayTheLinkHidesIt() {
        var cases = knobKeys.map { ($0.control, $0.key) }
        cases += [(.playButton, " "), (.stepButton, "s"), (.resetButton, "r")]
        for (control, key) in cases {
            // Without the link the key changes something ...
            var open = makeApp()
            _ = update(&open, .train(epochs: 2))
            let openBefore = open
            press(key, &open)
            XCTAssertFalse(open == openBefore, "\(key) does something")
            // ... with it, nothing but the status line.
            var app = makeApp("\(control.rawValue)_hide=true")
            _ = update(&app, .train(epochs: 2))
            let before = app
            press(key, &app)
            XCTAssertEqual(app.status, "the link hides \(control.title) (\(control.rawValue)_hide=true)")
            app.status = before.status
            XCTAssertTrue(app == before, "\(key) changed something")
        }
        var app = makeApp("learningRate_hide=true")
        press("l", &app)
        XCTAssertEqual(app.status, "the link hides the learning rate (learningRate_hide=true)")
        XCTAssertTrue(screen(app).lines[0].contains("the link hides the learning rate"))
    }

    /// The footer offers no key of a hidden control: "Space play" goes with the play button.
    func testTheFooterOffersNoHiddenControl() {
        func footer(_ pairs: String) -> String { screen(makeApp(pairs, width: 120, height: 40)).lines.last! }
        XCTAssertTrue(footer("").contains("Space play"))
        XCTAssertTrue(footer("").contains("s step"))
        let hidden = footer("playButton_hide=true&stepButton_hide=true&resetButton_hide=true&dataset_hide=true")
        for hint in ["Space play", "s step", "r reset", "d data"] {
            XCTAssertFalse(hidden.contains(hint), "\(hint) in \(hidden)")
        }
        XCTAssertTrue(hidden.contains("i inspect"), hidden)
    }

    func testAControlShownByTheLinkWorks() {
        var app = makeApp("learningRate_hide=false")
        press("L", &app)
        XCTAssertEqual(app.settings.learningRate, 0.1)
        XCTAssertNotNil(app.layout.rect(of: .learningRate))
    }

    func testAHiddenInputIsGoneFromTheNetworkAndTheDrawing() throws {
        let app = makeApp("x_hide=true&xSquared=true")
        XCTAssertEqual(app.playground.network.sizes, [2, 4, 2, 1], "y and x² feed the network; x is on but hidden")
        let diagram = try XCTUnwrap(app.layout.diagram)
        XCTAssertEqual(diagram.columns[0].nodes.count, 6)
        XCTAssertNil(app.layout.rect(of: .feature(.x)))
        // The names beside the slots, top to bottom: every feature but x.
        let grid = screen(app)
        let names = (0..<6).map { slot in
            let rect = diagram.labelRect(slot: slot)
            return String(String.UnicodeScalarView((rect.x..<rect.maxX).map { grid[$0, rect.y].scalar }))
                .trimmingCharacters(in: .whitespaces)
        }
        XCTAssertEqual(names, ["2 X2", "3 X1²", "4 X2²", "5 X1X2", "6 sin(X1)", "7 sin(X2)"], "each with its key")
        // Inputs sit in their slots: y in the first, x² in the second.
        XCTAssertEqual(Inspector.row(layer: 0, node: 0, settings: app.settings), 0)
        XCTAssertEqual(Inspector.row(layer: 0, node: 1, settings: app.settings), 1)
        XCTAssertEqual(grid[diagram.columns[0].nodes[0].x, diagram.columns[0].nodes[0].y].scalar, "▀", "y drawn")
        let ySquared = diagram.columns[0].nodes[2]
        XCTAssertEqual(grid[ySquared.x, ySquared.y].scalar, "▀", "y² off: drawn, faded")
    }

    func testAHiddenInputsKeySaysTheLinkHidesIt() {
        var app = makeApp("x_hide=true")
        let before = app
        press("1", &app)
        XCTAssertEqual(app.status, "the link hides input X1 (x_hide=true)")
        XCTAssertEqual(app.settings, before.settings)
        XCTAssertTrue(app.playground == before.playground)
        press("2", &app)
        XCTAssertFalse(app.settings.features.contains(.y), "another input still switches")
    }

    /// The last shown feature's links end at the last slot, not past it.
    func testEveryInputButTheLastHiddenDrawsWithoutGaps() throws {
        let hideSix = Feature.allCases.dropLast().map { "\($0.rawValue)_hide=true" }.joined(separator: "&")
        let app = makeApp(hideSix + "&sinY=true")
        XCTAssertEqual(app.layout.diagram?.columns[0].nodes.count, 1)
        XCTAssertEqual(Inspector.row(layer: 0, node: 0, settings: app.settings), 0)
        _ = screen(app)
        let all = Feature.allCases.map { "\($0.rawValue)_hide=true" }.joined(separator: "&")
        let none = makeApp(all)
        XCTAssertEqual(none.layout.diagram?.columns[0].nodes.count, 0)
        XCTAssertEqual(none.playground.network.sizes[0], 0)
        XCTAssertFalse(screen(none).lines.joined().contains("Features"), "no heading over no inputs")
    }

    func testTheLinkWrittenBackKeepsEveryHideKey() {
        var app = makeApp("x_hide=true&learningRate_hide=false&playButton_hide=true")
        press("a", &app)
        press("c", &app)
        XCTAssertEqual(app.overlay, .link)
        XCTAssertTrue(app.settings.link.hasPrefix("https://playground.tensorflow.org/#activation=sigmoid&"), app.settings.link)
        XCTAssertTrue(app.settings.link.hasSuffix("&hideText=false&x_hide=true&learningRate_hide=false&playButton_hide=true"),
                      app.settings.link)
    }

    func testTheFirstFocusIsAShownKnob() {
        let app = makeApp("dataset_hide=true")
        XCTAssertEqual(app.focus, .noise)
    }
}
