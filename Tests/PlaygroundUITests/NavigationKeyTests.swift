import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// Overlays, focus, mouse and resize.
final class NavigationKeyTests: XCTestCase {
    func testLinkHelpAndEscape() {
        var app = makeApp()
        press("c", &app)
        XCTAssertEqual(app.overlay, .link)
        XCTAssertTrue(screen(app).lines.joined().contains("https://playground.tensorflow.org/#activation=tanh"))
        press(.escape, &app)
        XCTAssertNil(app.overlay)
        press("?", &app)
        XCTAssertEqual(app.overlay, .help)
        press("?", &app)
        XCTAssertNil(app.overlay, "? closes its own screen")
        press("?", &app)
        press("N", &app)
        XCTAssertNil(app.overlay, "any key closes an overlay")
        XCTAssertEqual(app.settings.noise, 0, "and does nothing else")
        press("?", &app)
        XCTAssertEqual(KeyMap.action(for: .character("q"), in: app), .requestQuit, "q quits even from the help")
    }

    func testArrowsMoveTheFocusAndChangeTheFocusedKnob() {
        var app = makeApp()
        XCTAssertEqual(app.focus, .dataset)
        press(.up, &app)
        XCTAssertEqual(app.focus, .dataset, "the top holds")
        press(.down, &app)
        XCTAssertEqual(app.focus, .noise)
        press(.right, &app)
        XCTAssertEqual(app.settings.noise, 5)
        press(.left, &app)
        XCTAssertEqual(app.settings.noise, 0)
        for _ in 0..<3 { press(.down, &app) }
        XCTAssertEqual(app.focus, .feature(.x))
        press(.enter, &app)
        XCTAssertFalse(app.settings.features.contains(.x))
        for _ in 0..<9 { press(.down, &app) }
        XCTAssertEqual(app.focus, .neurons(layer: 1))
        XCTAssertEqual(app.selectedLayer, 1, "focusing a layer selects it")
        press(.right, &app)
        XCTAssertEqual(app.settings.networkShape, [4, 3])
        for _ in 0..<40 { press(.down, &app) }
        XCTAssertEqual(app.focus, .discretize, "the bottom holds")
    }

    func testClicksFocusThenChangeAndTheWheelSteps() throws {
        var app = makeApp()
        let noise = try XCTUnwrap(app.layout.rect(of: .noise))
        press(.click(x: noise.x + 2, y: noise.y), &app)
        XCTAssertEqual(app.focus, .noise)
        XCTAssertEqual(app.settings.noise, 0)
        press(.click(x: noise.maxX - 2, y: noise.y), &app)
        XCTAssertEqual(app.settings.noise, 5)
        press(.scroll(up: true, x: noise.x, y: noise.y), &app)
        XCTAssertEqual(app.settings.noise, 10)
        press(.scroll(up: false, x: noise.x, y: noise.y), &app)
        XCTAssertEqual(app.settings.noise, 5)
        let feature = try XCTUnwrap(app.layout.rect(of: .feature(.sinX)))
        press(.click(x: feature.x + 1, y: feature.y), &app)
        XCTAssertTrue(app.settings.features.contains(.sinX), "a check box flips on the first click")
        let layer = try XCTUnwrap(app.layout.rect(of: .neurons(layer: 1)))
        press(.click(x: layer.x, y: layer.y), &app)
        XCTAssertEqual(app.selectedLayer, 1)
        XCTAssertFalse(press(.click(x: app.layout.heatMap.x, y: app.layout.heatMap.y), &app), "not a knob")
    }

    func testResizeChangesTheSize() {
        var app = makeApp()
        XCTAssertTrue(update(&app, .resize(width: 200, height: 60)).contains(.redraw))
        XCTAssertEqual(app.width, 200)
        XCTAssertEqual(app.height, 60)
        XCTAssertEqual(app.heatMap.pixelWidth, app.layout.heatMap.width)
    }
}
