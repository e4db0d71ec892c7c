import XCTest
@testable import PlaygroundUI

final class NetworkDiagramTests: XCTestCase {
    /// Every net from 0 to 6 hidden layers of 8 with 7 inputs, in panels of the sizes the app
    /// gives the drawing at 80×24, 120×40 and 200×60: every node inside, none overlapping, the
    /// names' room kept whole.
    func testLayoutsFitWithoutOverlap() throws {
        let panels = [Rect(x: 0, y: 0, width: 53, height: 9), Rect(x: 3, y: 2, width: 70, height: 30),
                      Rect(x: 10, y: 5, width: 120, height: 45)]
        for panel in panels {
            for hidden in 0...6 {
                let sizes = [7] + Array(repeating: 8, count: hidden) + [1]
                let diagram = try XCTUnwrap(NetworkDiagram.layout(sizes: sizes, in: panel, labelWidth: 9),
                                            "\(sizes) in \(panel)")
                XCTAssertEqual(diagram.labelWidth, 9, "\(sizes) in \(panel): the names never lose room")
                XCTAssertGreaterThanOrEqual(diagram.columns[0].x - diagram.labelWidth, panel.x)
                let nodes = diagram.columns.flatMap(\.nodes)
                XCTAssertEqual(nodes.count, sizes.reduce(0, +))
                for node in nodes {
                    XCTAssertEqual(node.intersection(panel), node, "\(sizes): \(node) outside \(panel)")
                }
                for (a, first) in nodes.enumerated() {
                    for second in nodes[(a + 1)...] {
                        XCTAssertTrue(first.intersection(second).isEmpty, "\(first) overlaps \(second)")
                    }
                }
                // Bias marks sit in the gap, left of their node, inside the panel.
                for column in diagram.columns.dropFirst() {
                    for (index, node) in column.nodes.enumerated() {
                        let mark = try XCTUnwrap(diagram.biasMark(layer: column.layer, node: index))
                        XCTAssertEqual(mark.x, node.x - 1)
                        XCTAssertTrue(panel.contains(x: mark.x, y: mark.y))
                        XCTAssertNil(diagram.node(atX: mark.x, y: mark.y))
                    }
                }
            }
        }
    }

    func testBiggerPanelsGetBiggerNodesAndTheSmallestGetsTheCompactForm() throws {
        let sizes = [7, 8, 8, 8, 8, 8, 8, 1]
        let small = try XCTUnwrap(NetworkDiagram.layout(sizes: sizes, in: Rect(x: 0, y: 0, width: 53, height: 18), labelWidth: 9))
        let medium = try XCTUnwrap(NetworkDiagram.layout(sizes: sizes, in: Rect(x: 0, y: 0, width: 70, height: 30), labelWidth: 7))
        let large = try XCTUnwrap(NetworkDiagram.layout(sizes: sizes, in: Rect(x: 0, y: 0, width: 140, height: 50), labelWidth: 7))
        XCTAssertTrue(small.isCompact)
        XCTAssertGreaterThan(medium.nodeSize.width, small.nodeSize.width)
        XCTAssertGreaterThan(large.nodeSize.width, medium.nodeSize.width)
        XCTAssertNil(NetworkDiagram.layout(sizes: sizes, in: Rect(x: 0, y: 0, width: 20, height: 8), labelWidth: 7))
        XCTAssertNil(NetworkDiagram.layout(sizes: sizes, in: Rect(x: 0, y: 0, width: 52, height: 18), labelWidth: 9),
                     "one column short: no diagram rather than names cut")
    }

    func testHitTesting() throws {
        let diagram = try XCTUnwrap(NetworkDiagram.layout(sizes: [2, 3, 1], in: Rect(x: 0, y: 0, width: 60, height: 20), labelWidth: 3))
        let node = diagram.columns[1].nodes[2]
        XCTAssertEqual(diagram.node(atX: node.x, y: node.y)?.layer, 1)
        XCTAssertEqual(diagram.node(atX: node.maxX - 1, y: node.maxY - 1)?.node, 2)
        XCTAssertNil(diagram.node(atX: node.maxX, y: node.y))
    }

    func testLinkAreaLiesBetweenTheColumns() throws {
        let diagram = try XCTUnwrap(NetworkDiagram.layout(sizes: [2, 3, 1], in: Rect(x: 0, y: 0, width: 60, height: 20), labelWidth: 3))
        let area = diagram.linkArea(intoLayer: 1)
        XCTAssertEqual(area.x, diagram.columns[0].x + diagram.nodeSize.width)
        XCTAssertEqual(area.maxX, diagram.columns[1].x - 1, "the last gap cell is the bias marks'")
    }
}

final class EdgeCanvasTests: XCTestCase {
    func testStrokeGrowsWithTheWeight() {
        XCTAssertEqual(LinkStroke(weight: 0.1), .dotted)
        XCTAssertEqual(LinkStroke(weight: -0.24), .dotted)
        XCTAssertEqual(LinkStroke(weight: 0.5), .solid)
        XCTAssertEqual(LinkStroke(weight: -0.99), .solid)
        XCTAssertEqual(LinkStroke(weight: 1), .thick)
        XCTAssertEqual(LinkStroke(weight: -3), .thick)
    }

    func testAFlatSolidLineFillsTheTopDots() {
        var canvas = EdgeCanvas(area: Rect(x: 1, y: 0, width: 3, height: 1))
        canvas.edge(from: (0, 0), to: (5, 0), weight: 0.5)
        var grid = CellGrid(width: 5, height: 1, fill: Cell("·"))
        canvas.draw(into: &grid, unicode: true) { _ in .index(33) }
        XCTAssertEqual(grid.lines, ["·⠉⠉⠉·"])
        XCTAssertEqual(grid[1, 0].style.foreground, .index(33))
        XCTAssertFalse(grid[1, 0].style.bold)
    }

    func testDottedAndThickLines() {
        var dotted = EdgeCanvas(area: Rect(x: 0, y: 0, width: 3, height: 1))
        dotted.edge(from: (0, 0), to: (5, 0), weight: 0.1)
        var grid = CellGrid(width: 3, height: 1, fill: Cell("·"))
        dotted.draw(into: &grid, unicode: true) { _ in .default }
        XCTAssertEqual(grid.lines, ["⠁⠁⠁"])

        var thick = EdgeCanvas(area: Rect(x: 0, y: 0, width: 2, height: 1))
        thick.edge(from: (0, 1), to: (3, 1), weight: -2)
        grid = CellGrid(width: 2, height: 1, fill: Cell("·"))
        thick.draw(into: &grid, unicode: true) { _ in .default }
        XCTAssertEqual(grid.lines, ["⠶⠶"])
        XCTAssertTrue(grid[0, 0].style.bold)
    }

    func testWhereLinksCrossTheStrongerOneGivesTheColour() {
        var canvas = EdgeCanvas(area: Rect(x: 0, y: 0, width: 4, height: 2))
        canvas.edge(from: (0, 0), to: (7, 7), weight: 0.3)
        canvas.edge(from: (0, 7), to: (7, 0), weight: -0.9)
        canvas.edge(from: (0, 3), to: (7, 3), weight: 0.05, priority: 0.05)
        XCTAssertEqual(canvas.shownWeight(column: 1, row: 0), 0.3)
        XCTAssertEqual(canvas.shownWeight(column: 2, row: 0), -0.9, "the crossing cell shows the stronger link")
        XCTAssertEqual(canvas.shownWeight(column: 1, row: 1), -0.9)
        var reversed = EdgeCanvas(area: Rect(x: 0, y: 0, width: 4, height: 2))
        reversed.edge(from: (0, 7), to: (7, 0), weight: -0.9)
        reversed.edge(from: (0, 0), to: (7, 7), weight: 0.3)
        XCTAssertEqual(reversed.shownWeight(column: 2, row: 0), -0.9, "draw order does not matter")
    }

    func testASCIIShowsDirection() {
        var canvas = EdgeCanvas(area: Rect(x: 0, y: 0, width: 4, height: 3))
        canvas.edge(from: (0, 0), to: (7, 0), weight: 0.5)
        canvas.edge(from: (0, 4), to: (7, 11), weight: 0.5)
        var grid = CellGrid(width: 4, height: 3, fill: Cell(" "))
        canvas.draw(into: &grid, unicode: false) { _ in .default }
        XCTAssertEqual(grid.lines[0], "----")
        XCTAssertTrue(grid.lines[1].contains("\\"))
    }
}
