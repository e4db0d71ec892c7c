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

/// Two grids are equal; on failure names the first differing row (text and styles) instead of
/// printing both grids whole.
func assertSameGrid(_ a: CellGrid, _ b: CellGrid, file: StaticString = #filePath, line: UInt = #line) {
    guard a != b else { return }
    guard a.width == b.width, a.height == b.height else {
        return XCTFail("sizes differ: \(a.width)×\(a.height) vs \(b.width)×\(b.height)", file: file, line: line)
    }
    for y in 0..<a.height where (0..<a.width).contains(where: { a[$0, y] != b[$0, y] }) {
        let x = (0..<a.width).first { a[$0, y] != b[$0, y] }!
        return XCTFail("row \(y) differs from column \(x): \(a.line(y)) | \(b.line(y)) | cells \(a[x, y]) vs \(b[x, y])",
                       file: file, line: line)
    }
}
