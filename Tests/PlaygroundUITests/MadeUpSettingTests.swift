import XCTest
@testable import PlaygroundCore
@testable import PlaygroundUI

/// A new hyperparameter is one Core key and one `Setting` row: a made-up one, passed as the
/// tables' extra row, is parsed, written, drawn in its panel, bound to its keys, offered in the
/// footer, listed in the help and the man page, and hidden by its `_hide` control.
final class MadeUpSettingTests: XCTestCase {
    /// The made-up key keeps its value in a field no knob shows (TF's `collectStats`).
    let coreKey = StateKey.bool("madeUpSwitch", \.collectStats, change: .live)
    let row = Setting(.named("madeUpSwitch"), key: "madeUpSwitch", "Made-up switch", panel: .network,
                      stepper: .toggle(\.collectStats), keys: ["j": 1, "J": 1], help: "the made-up switch",
                      footer: .init("made up", 0), hide: .control(.resetButton))

    func app(_ pairs: String) throws -> AppState {
        let keys = StateKey.every + [coreKey]
        let state = try PlaygroundState.parse(pairs + "&seed=0.12345", keys: keys, freshSeed: { "0" }).state
        var app = AppState(state: state, capabilities: Capabilities(), width: 120, height: 40, seedSource: SeededRandom(seed: "test"))
        app.settingTable = SettingTable(Setting.table + [row])
        app.refreshFrame()
        return app
    }

    func testTheRowIsParsedWrittenDrawnBoundAndListed() throws {
        // Parsed and written by Core's table with the row's key.
        var app = try app("madeUpSwitch=true")
        XCTAssertTrue(app.settings.collectStats)
        XCTAssertThrowsError(try PlaygroundState.parse("madeUpSwitch=maybe", keys: StateKey.every + [coreKey], freshSeed: { "0" }))
        XCTAssertTrue(app.settings.serialized(table: StateKey.table + [coreKey]).contains("madeUpSwitch=true"))
        XCTAssertFalse(app.settings.serialized.contains("madeUpSwitch"), "the real table has no such key")

        // Drawn in the network panel, on its own line, checked.
        let rect = try XCTUnwrap(app.layout.rect(of: .named("madeUpSwitch")))
        XCTAssertTrue(app.layout.settingsPanel.contains(x: rect.x, y: rect.y))
        XCTAssertTrue(screen(app).line(rect.y).contains("[x] Made-up switch"), screen(app).line(rect.y))
        XCTAssertTrue(app.settingTable.knobs(for: app.settings).contains(.named("madeUpSwitch")), "in the focus cycle")

        // Its key flips it; the focus reaches it and Enter flips it back.
        XCTAssertEqual(KeyMap.action(for: .character("j"), in: app), .adjust(.named("madeUpSwitch"), by: 1))
        press("j", &app)
        XCTAssertFalse(app.settings.collectStats)
        XCTAssertTrue(screen(app).line(rect.y).contains("[ ] Made-up switch"))
        _ = update(&app, .focus(.named("madeUpSwitch")))
        _ = update(&app, .adjustFocused(by: 1))
        XCTAssertTrue(app.settings.collectStats)

        // The footer offers it; the help lists it; the man page lists it.
        XCTAssertTrue(screen(app).line(app.height - 1).contains("j/J made up"), screen(app).line(app.height - 1))
        _ = update(&app, .toggleHelp)
        XCTAssertTrue(screen(app).lines.contains { $0.contains("j J") && $0.contains("the made-up switch") })
        let manual = KeyMap.manualKeys(app.settingTable).flatMap(\.rows)
        XCTAssertTrue(manual.contains { $0.keys == "j J" && $0.help == "the made-up switch" })
        XCTAssertFalse(KeyMap.manualKeys().flatMap(\.rows).contains { $0.help == "the made-up switch" })
    }

    func testItsHideControlTakesItOffTheScreenAndItsKeySaysSo() throws {
        var app = try app("madeUpSwitch=true&resetButton_hide=true")
        XCTAssertNil(app.layout.rect(of: .named("madeUpSwitch")))
        XCTAssertFalse(app.settingTable.knobs(for: app.settings).contains(.named("madeUpSwitch")))
        press("j", &app)
        XCTAssertTrue(app.settings.collectStats, "a hidden setting does not change")
        XCTAssertEqual(app.status, "the link hides the reset button (resetButton_hide=true)")
    }

    func testTheStandardAppHasNoSuchSetting() {
        let app = makeApp()
        XCTAssertNil(app.settingTable.row(of: .named("madeUpSwitch")))
        XCTAssertNotEqual(KeyMap.action(for: .character("j"), in: app), .adjust(.named("madeUpSwitch"), by: 1))
    }
}
