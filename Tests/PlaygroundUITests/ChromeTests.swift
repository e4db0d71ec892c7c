import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// Issue 8's chrome: the footer follows the context and its width, the header keeps the speed
/// and the seed whatever the message, the "too small" screen, the loss chart's log scale.
final class ChromeTests: XCTestCase {
    /// The last line of the whole screen.
    func footer(_ app: AppState) -> String { screen(app).lines.last! }

    func app(width: Int, unicode: Bool = true) -> AppState {
        makeApp(width: width, height: 40, capabilities: Capabilities(unicode: unicode))
    }

    func testTheNormalFooterAt80And120ColumnsPausedAndPlaying() {
        var app = app(width: 80)
        XCTAssertEqual(footer(app), " Space play  s step  r reset  d data  1-7 features  i inspect    ? help  q quit ")
        app.isPlaying = true
        XCTAssertEqual(footer(app), " Space pause  s step  r reset  d data  1-7 features  i inspect   ? help  q quit ")
        app = self.app(width: 120)
        XCTAssertEqual(footer(app), " Space play  s step  r reset  d data  1-7 features  i inspect  a activation  l/L rate  c link"
                       + "  m draw    ? help  q quit ")
        app.isPlaying = true
        XCTAssertEqual(footer(app), " Space pause  s step  r reset  d data  1-7 features  i inspect  a activation  l/L rate  c link"
                       + "  m draw   ? help  q quit ")
    }

    /// Wide enough for every hint of the normal footer, in priority order.
    func testAWideFooterShowsEveryHint() {
        let app = app(width: 250)
        XCTAssertEqual(footer(app), " Space play  s step  r reset  d data  1-7 features  i inspect  a activation  l/L rate  c link"
                       + "  m draw  </> speed  h gradients  g new data  o lessons  [/] layers  X compare  -/+ neurons  n/N noise"
                       + "  y log scale  ↑↓←→ knobs  # picture" + String(repeating: " ", count: 3) + " ? help  q quit ")
    }

    func testTheInspectingFooterListsItsOwnKeysFirst() {
        var app = app(width: 80)
        press("i", &app)
        XCTAssertEqual(footer(app), " ↑↓←→ move  w/W edges  Enter edit  Esc back  Space play  s step  ? help  q quit ")
        app.isPlaying = true
        XCTAssertEqual(footer(app), " ↑↓←→ move  w/W edges  Enter edit  Esc back  Space pause         ? help  q quit ",
                       "\"s step\" no longer fits: it is left out whole")
        var wide = self.app(width: 120)
        press("i", &wide)
        XCTAssertEqual(footer(wide), " ↑↓←→ move  w/W edges  Enter edit  Esc back  Space play  s step  r reset  d data  1-7 features"
                       + "           ? help  q quit ")
        var ascii = self.app(width: 80, unicode: false)
        press("i", &ascii)
        XCTAssertEqual(footer(ascii), " arrows move  w/W edges  Enter edit  Esc back  Space play        ? help  q quit ")
    }

    func testTheEntryFooterListsTheEntryKeysAndHelp() {
        for width in [80, 120] {
            var app = app(width: width)
            press("i", &app)
            press(.enter, &app)
            XCTAssertEqual(footer(app), " Enter set  Esc cancel  0-9 - . e number  Bksp delete "
                           + String(repeating: " ", count: width - 75) + " ? help  Ctrl-C quit ", "\(width) columns")
            // `?` opens the help over the entry line; any key closes it, and the typing goes on.
            press("?", &app)
            XCTAssertEqual(app.overlay, .help)
            XCTAssertTrue(footer(app).hasPrefix(" Enter set  Esc cancel "), "the footer of what is under the help")
            press("5", &app)
            XCTAssertNil(app.overlay)
            XCTAssertEqual(app.entry?.text, "", "the key that closed the help typed nothing")
            press("5", &app)
            XCTAssertEqual(app.entry?.text, "5")
        }
    }

    func testTheHeaderShowsTheSpeedAndTheSeed() {
        var app = app(width: 80)
        XCTAssertEqual(screen(app).lines[0], " playground-tui   paused " + String(repeating: " ", count: 29) + "60 epochs/s  seed 0.12345 ")
        press(">", &app)
        press(">", &app)
        app.isPlaying = true
        XCTAssertEqual(screen(app).lines[0], " playground-tui   ▸ playing " + String(repeating: " ", count: 34) + "max  seed 0.12345 ")
    }

    /// Issue 8: `i ← ← ←` and Enter at 120×40 wrote a message over the seed. A message that fits
    /// the header's room sits there; a longer one is shown whole on the line above the footer,
    /// and the header keeps the speed and the seed either way.
    func testALongMessageMovesAboveTheFooterAndTheSeedStays() {
        var app = makeApp(width: 120, height: 40)
        for key: Key in [.character("i"), .left, .left, .left, .enter] { press(key, &app) }
        let message = "an input has no bias: this sets the weight of its first edge"
        XCTAssertEqual(app.status, message)
        XCTAssertEqual(screen(app).lines[0], " playground-tui   paused   " + message + String(repeating: " ", count: 7)
                       + "60 epochs/s  seed 0.12345 ")
        _ = update(&app, .resize(width: 80, height: 24))
        let lines = screen(app).lines
        XCTAssertEqual(lines[0], " playground-tui   paused" + String(repeating: " ", count: 30) + "60 epochs/s  seed 0.12345 ")
        XCTAssertEqual(lines[22], " " + message + String(repeating: " ", count: 79 - message.count))
        app.status = "short note"
        XCTAssertEqual(screen(app).lines[0], " playground-tui   paused   short note" + String(repeating: " ", count: 17)
                       + "60 epochs/s  seed 0.12345 ")
    }

    func testTheTooSmallScreenSaysTheMinimumAndHowToQuit() {
        let app = makeApp(width: 50, height: 10)
        let lines = screen(app).lines
        XCTAssertEqual(lines[3], "          terminal too small, need 80×24          ")
        XCTAssertEqual(lines[4], "                   (now 50×10)                    ")
        XCTAssertEqual(lines[5], "                     q quits                      ")
    }

    /// Too small: nothing shows to act on, so every key but `q` and Ctrl-C does nothing (not
    /// even unseen); a resize brings the playground back.
    func testTooSmallIgnoresEveryKeyButQuit() {
        var app = makeApp(width: 120, height: 40)
        press("i", &app)
        _ = update(&app, .resize(width: 79, height: 40))
        let before = app
        let keys: [Key] = (32...126).compactMap(Unicode.Scalar.init).map { .character(Character($0)) }
            + KeyPattern.names.map(\.key) + [.click(x: 3, y: 3), .scroll(up: true, x: 3, y: 3)]
        for key in keys {
            let action = KeyMap.action(for: key, in: app)
            XCTAssertEqual(action, key == .character("q") ? .requestQuit : key == .interrupt ? .quit : nil, "\(key)")
        }
        for action: Action in [.togglePlay, .newData, .adjust(.dataset, by: 1), .toggleHelp, .showLink, .beginEdit, .toggleLogScale] {
            XCTAssertEqual(update(&app, action), [], "\(action)")
        }
        XCTAssertEqual(app, before)
        XCTAssertEqual(update(&app, .quit), .quit)
        _ = update(&app, .resize(width: 80, height: 24))
        XCTAssertEqual(KeyMap.action(for: .character(" "), in: app), .togglePlay, "big enough again")
    }

    /// `y` switches the chart to the log scale: the app's own flag, not in the TF link, kept
    /// when the network is rebuilt; the chart then says "log".
    func testYSwitchesTheLossChartToTheLogScale() throws {
        var app = makeApp(width: 120, height: 40)
        _ = update(&app, .train(epochs: 30))
        let link = app.settings.link
        press("y", &app)
        XCTAssertTrue(app.logScaleLoss)
        XCTAssertEqual(app.settings.link, link, "not in the state string")
        let chart = app.layout.chart
        var expected = CellGrid(width: app.width, height: app.height)
        LossChart.draw(app.losses.records, logScale: true, in: chart, capabilities: app.capabilities, into: &expected)
        let shown = screen(app)
        for y in chart.y..<chart.maxY {
            for x in chart.x..<chart.maxX { XCTAssertEqual(shown[x, y], expected[x, y], "chart cell \(x), \(y)") }
        }
        func axis(_ grid: CellGrid) -> String {
            String(String.UnicodeScalarView(grid.line(chart.maxY - 1).unicodeScalars.dropFirst(chart.x).prefix(chart.width)))
        }
        XCTAssertTrue(axis(shown).hasPrefix("epochs 0-30") && axis(shown).hasSuffix("log"), axis(shown))
        press("a", &app)  // a new activation rebuilds the network
        XCTAssertEqual(app.playground.epoch, 0)
        XCTAssertTrue(app.logScaleLoss, "kept across the rebuild")
        press("y", &app)
        XCTAssertFalse(app.logScaleLoss)
        XCTAssertFalse(axis(screen(app)).hasSuffix("log"), axis(screen(app)))
    }
}
