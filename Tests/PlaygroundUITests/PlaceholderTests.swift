import XCTest
@testable import PlaygroundUI

final class CellGridTests: XCTestCase {
    func testPutClipsToRect() {
        var grid = CellGrid(width: 6, height: 2, fill: Cell("."))
        grid.put("abcdef", x: 1, y: 0, clip: Rect(x: 0, y: 0, width: 4, height: 1))
        XCTAssertEqual(grid.lines, [".abc..", "......"])
    }
}
