import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// The data-set picker against literal lines, on grids pre-filled with a marker so clipping shows.
final class DatasetPickerTests: XCTestCase {
    let none = Capabilities(colors: .none)

    func picker(current: Dataset, problem: Problem = .classification, width: Int, height: Int,
                capabilities: Capabilities = Capabilities(colors: .none)) -> CellGrid {
        var grid = CellGrid(width: width + 2, height: height + 1, fill: Cell("·"))
        DatasetPicker.draw(current: current, problem: problem, capabilities: capabilities,
                           in: Rect(x: 1, y: 0, width: width, height: height), into: &grid)
        return grid
    }

    func testSmallPicturesWithoutColour() {
        // 4×2 cells over [-6, 6]²: columns split at x = -3, 0, 3, rows at y = 0. Circle: the ring
        // (−) alone in the outer columns, the inner disc (+) outnumbers the ring in the inner
        // ones. Xor: the sign of x·y. Gauss: + around (2, 2), − around (-2, -2), nothing else.
        let grid = picker(current: .xor, width: 21, height: 3)
        let lines = grid.lines
        XCTAssertEqual(lines[0].prefix(16), "· −++−[−−++]  ++")
        XCTAssertEqual(lines[1].prefix(16), "· −++−[++−−]−−  ")
        XCTAssertEqual(lines[2], "· circ xor  gaus spir ·", "names cut to the pictures' width, no digits (those are the features')")
        XCTAssertEqual(lines[3], String(repeating: "·", count: 23), "nothing below its rect")
        XCTAssertTrue(grid[7, 2].style.reverse && !grid[2, 2].style.reverse, "the current label in reverse video")
        // Spiral: the second arm is the first turned half a turn with the other label, so the
        // picture is antisymmetric under that turn.
        let spiral = (0..<2).map { row in (17..<21).map { grid[$0, row].scalar } }
        for row in 0..<2 {
            for column in 0..<4 {
                let turned = spiral[1 - row][3 - column]
                XCTAssertEqual(spiral[row][column], turned == "+" ? "−" : (turned == "−" ? "+" : " "))
            }
        }
    }

    func testTheMarkFollowsTheCurrentDataSet() {
        for (index, dataset) in Dataset.classification.enumerated() {
            let grid = picker(current: dataset, width: 29, height: 4)
            let left = 1 + index * 7, right = left + 7  // brackets either side of a 6-wide picture
            for row in 0..<3 {
                XCTAssertEqual(grid[left, row].scalar, "[", "\(dataset) row \(row)")
                XCTAssertEqual(grid[right, row].scalar, "]", "\(dataset) row \(row)")
            }
            let brackets = grid.lines.prefix(3).joined().filter { $0 == "[" || $0 == "]" }
            XCTAssertEqual(brackets.count, 6, "one pair per row, only around \(dataset)")
            for column in 0..<6 { XCTAssertTrue(grid[left + 1 + column, 3].style.reverse) }
            XCTAssertEqual(grid.lines[3], "· circle  xor   gauss  spiral ·")
        }
    }

    func testLargeRegressionPicturesCarryNames() {
        let grid = picker(current: .regPlane, problem: .regression, width: 19, height: 5)
        XCTAssertEqual(grid.lines[4], "·  plane    gauss   ·")
        XCTAssertEqual(grid[1, 0].scalar, "[")
        XCTAssertEqual(grid[10, 0].scalar, "]")
        // The plane's label is (x + y) / 10: − in the lower left, + in the upper right.
        XCTAssertEqual(grid[2, 3].scalar, "−")
        XCTAssertEqual(grid[9, 0].scalar, "+")
    }

    func testColourPicturesUseTheMapsShades() {
        // Xor (the second picture, columns 11–18): only − points up left and down right, only +
        // up right and down left, so whole cells of shade 0 or 30.
        let grid = picker(current: .circle, width: 37, height: 5, capabilities: Capabilities())
        let orange = Palette(.full).shade(0), blue = Palette(.full).shade(30)
        XCTAssertEqual(grid[11, 0], Cell("▀", style: CellStyle(foreground: orange, background: orange)))
        XCTAssertEqual(grid[17, 0], Cell("▀", style: CellStyle(foreground: blue, background: blue)))
        XCTAssertEqual(grid[11, 3], Cell("▀", style: CellStyle(foreground: blue, background: blue)))
    }

    func testClicksFindTheDataSetUnderThem() {
        let rect = Rect(x: 3, y: 2, width: 29, height: 4)
        for (index, dataset) in Dataset.classification.enumerated() {
            let left = rect.x + 1 + index * 7
            for (x, y) in [(left, rect.y), (left + 5, rect.y + 2), (left + 2, rect.y + 3)] {
                XCTAssertEqual(DatasetPicker.dataset(atX: x, y: y, in: rect, problem: .classification), dataset)
            }
            XCTAssertNil(DatasetPicker.dataset(atX: left - 1, y: rect.y + 1, in: rect, problem: .classification), "between")
        }
        XCTAssertNil(DatasetPicker.dataset(atX: rect.x + 1, y: rect.y + 4, in: rect, problem: .classification), "below")
        XCTAssertNil(DatasetPicker.dataset(atX: rect.x + 29, y: rect.y, in: rect, problem: .classification), "right")
        XCTAssertEqual(DatasetPicker.dataset(atX: rect.x + 12, y: rect.y, in: rect, problem: .regression), .regGauss)
    }

    func testPreferredSizes() {
        func size(_ problem: Problem, _ width: Int, _ height: Int) -> [Int]? {
            DatasetPicker.preferredSize(problem: problem, width: width, height: height).map { [$0.width, $0.height] }
        }
        XCTAssertEqual(size(.classification, 80, 10), [37, 5])
        XCTAssertEqual(size(.classification, 36, 10), [29, 4])
        XCTAssertEqual(size(.classification, 80, 4), [29, 4], "a label row beats a larger picture")
        XCTAssertEqual(size(.classification, 28, 10), [21, 3])
        XCTAssertEqual(size(.classification, 13, 1), [13, 1])
        XCTAssertNil(size(.classification, 12, 10))
        XCTAssertEqual(size(.regression, 19, 5), [19, 5])
    }

    func testNothingDrawnWhereItDoesNotFit() {
        let grid = picker(current: .circle, width: 12, height: 3)
        XCTAssertEqual(grid.lines[0], "·            ·", "cleared, nothing else")
    }
}
