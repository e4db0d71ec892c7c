import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// A state with a fixed seed (the default TF settings unless changed).
func makeSettings(_ pairs: String = "") -> PlaygroundState {
    let text = pairs.isEmpty ? "seed=0.12345" : pairs + "&seed=0.12345"
    return try! PlaygroundState.parse(text, freshSeed: { "0.00000" }).state
}

/// An app at a size, with a fixed seed source.
func makeApp(_ pairs: String = "", width: Int = 120, height: Int = 40,
             capabilities: Capabilities = Capabilities()) -> AppState {
    AppState(state: makeSettings(pairs), capabilities: capabilities, width: width, height: height,
             seedSource: SeededRandom(seed: "test"))
}

/// Applies the key's action (if any); returns whether the key mapped to one.
@discardableResult
func press(_ key: Key, _ app: inout AppState) -> Bool {
    guard let action = KeyMap.action(for: key, in: app) else { return false }
    _ = update(&app, action)
    return true
}

func press(_ character: Character, _ app: inout AppState) {
    XCTAssertTrue(press(.character(character), &app), "no action for \(character)")
}

/// The whole screen as text.
func screen(_ app: AppState) -> CellGrid {
    var grid = CellGrid(width: app.width, height: app.height)
    render(app, into: &grid)
    return grid
}
