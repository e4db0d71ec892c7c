import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// The drawing at whole-screen sizes: nodes, knobs, thumbnails, links.
final class NetworkViewTests: XCTestCase {
    static let screens = [(80, 24), (120, 40), (200, 60)]
    static let largest = "networkShape=8,8,8,8,8,8&" + HeatMapTests.allFeatures

    /// 0 to 6 hidden layers of 8 (all features): every node drawn inside the network panel, none
    /// overlapping, links and bias marks off the nodes, every knob visible on the screen.
    func testNodeLayoutForZeroToSixHiddenLayers() throws {
        for (width, height) in Self.screens {
            for hidden in 0...6 {
                let shape = Array(repeating: "8", count: hidden).joined(separator: ",")
                let app = makeApp("networkShape=\(shape)&" + HeatMapTests.allFeatures, width: width, height: height)
                let context = "\(width)×\(height), \(hidden) hidden"
                let layout = app.layout
                let diagram = try XCTUnwrap(layout.diagram, context)
                let nodes = diagram.columns.flatMap(\.nodes)
                XCTAssertEqual(nodes.count, 7 + 8 * hidden + 1, context)
                for node in nodes {
                    XCTAssertEqual(node.intersection(layout.networkPanel), node, "\(context): \(node) outside")
                }
                for (a, first) in nodes.enumerated() {
                    for second in nodes[(a + 1)...] {
                        XCTAssertTrue(first.intersection(second).isEmpty, "\(context): \(first) overlaps \(second)")
                    }
                }
                for layer in 1..<diagram.columns.count {
                    let area = diagram.linkArea(intoLayer: layer)
                    XCTAssertFalse(area.isEmpty, context)
                    XCTAssertTrue(nodes.allSatisfy { $0.intersection(area).isEmpty }, "\(context): links over a node")
                    for node in diagram.columns[layer].nodes.indices {
                        let mark = try XCTUnwrap(diagram.biasMark(layer: layer, node: node))
                        XCTAssertNil(diagram.node(atX: mark.x, y: mark.y), context)
                        XCTAssertFalse(area.contains(x: mark.x, y: mark.y), context)
                    }
                }
                // Every node is drawn: a thumbnail (half blocks) in each.
                let grid = screen(app)
                for node in nodes { XCTAssertEqual(grid[node.x, node.y].scalar, "▀", "\(context): \(node)") }
                try assertEveryKnobVisible(app, grid: grid, context: context)
            }
        }
    }

    /// Each knob's rectangle shows its value (or its name, for switches and features).
    func assertEveryKnobVisible(_ app: AppState, grid: CellGrid, context: String) throws {
        for (knob, rect) in app.layout.knobs {
            let text = (rect.y..<rect.maxY).map { y in
                String(String.UnicodeScalarView((rect.x..<rect.maxX).map { grid[$0, y].scalar }))
            }.joined(separator: "\n")
            let expected: String
            switch knob {
            case .feature(let feature): expected = feature.label.count <= app.layout.diagram!.labelWidth ? feature.label : "▀"
            case .neurons(let layer): expected = String(app.settings.networkShape[layer])
            default: expected = knob.value(in: app) ?? knob.label
            }
            XCTAssertTrue(text.contains(expected), "\(context): \(knob) shows \(text.debugDescription), not \(expected)")
        }
    }

    /// Every thumbnail is its node's output over the thumbnail grid, computed here directly from
    /// the weights (an independent forward pass, exact tanh) and coloured with the heat map's
    /// shades: the same shade, or a neighbour where the exact value lies within 1e-4 of a boundary.
    func testEachThumbnailIsItsNodesOutput() throws {
        for (width, height) in [(120, 40), (200, 60), (80, 24)] {
            var app = makeApp("dataset=spiral&" + Self.largest, width: width, height: height)
            _ = update(&app, .train(epochs: 20))
            let grid = screen(app)
            let diagram = try XCTUnwrap(app.layout.diagram)
            let network = app.playground.network
            let features = app.settings.inputFeatures
            let (pixelWidth, pixelHeight) = (diagram.nodeSize.pixelWidth, diagram.nodeSize.pixelHeight)
            var checked = 0
            for row in 0..<pixelHeight {
                for column in 0..<pixelWidth {
                    let x = -6 + (Double(column) + 0.5) / Double(pixelWidth) * 12
                    let y = 6 - (Double(row) + 0.5) / Double(pixelHeight) * 12
                    let outputs = Self.forward(network, input: features.map { $0.value(x: x, y: y) })
                    var input = features.map { $0.value(x: x, y: y) }
                    XCTAssertEqual(outputs.last![0], network.output(for: input), accuracy: 1e-12, "the direct pass agrees")
                    input.removeAll()
                    for layer in 0..<network.layerCount {
                        for node in 0..<network.sizes[layer] {
                            let slot = Inspector.row(layer: layer, node: node, settings: app.settings)
                            let rect = diagram.columns[layer].nodes[slot]
                            let cell = grid[rect.x + column, rect.y + row / 2]
                            let shown = row % 2 == 0 ? cell.style.foreground : cell.style.background
                            let value = outputs[layer][node]
                            var allowed = [Palette(.full).shade(ShadeScale.shade(value))]
                            for nudge in [-1e-4, 1e-4] { allowed.append(Palette(.full).shade(ShadeScale.shade(value + nudge))) }
                            XCTAssertTrue(allowed.contains(shown), "\(width)×\(height) layer \(layer) node \(node) pixel \(column),\(row)")
                            checked += 1
                        }
                    }
                }
            }
            XCTAssertEqual(checked, pixelWidth * pixelHeight * 56)
        }
    }

    /// Every node's output at one point, layer by layer, from the public weights and biases.
    static func forward(_ network: Network, input: [Double]) -> [[Double]] {
        var outputs = [input]
        for layer in 1..<network.layerCount {
            let activation = network.activation(ofLayer: layer)
            outputs.append((0..<network.sizes[layer]).map { node in
                var total = network.bias(layer: layer, node: node)
                for source in 0..<network.sizes[layer - 1] {
                    total += network.weight(layer: layer, node: node, source: source) * outputs[layer - 1][source]
                }
                return activation.value(total, slope: network.slope(layer: layer, node: node))
            })
        }
        return outputs
    }

    /// A link's cells take its weight's colour on the heat map's scale and its stroke: dotted
    /// below 0.25, solid, bold from 1; a dead link is not drawn.
    func testLinkColourAndStrokeFollowTheWeight() throws {
        for weight in [-3.0, -1.0, -0.6, -0.1, 0.0, 0.2, 0.5, 0.99, 1.5, 4.0] {
            var app = makeApp("networkShape=1&x=true&y=false", width: 120, height: 40)
            _ = update(&app, .setParameter(.edge(layer: 1, node: 0, source: 0), value: weight))
            let diagram = try XCTUnwrap(app.layout.diagram)
            let canvas = NetworkView.edgeCanvas(into: 1, state: app, diagram: diagram)
            let grid = screen(app)
            let area = canvas.area
            var drawn = 0, dots = 0
            for row in 0..<area.height {
                for column in 0..<area.width where canvas.shownWeight(column: column, row: row) != nil {
                    let cell = grid[area.x + column, area.y + row]
                    XCTAssertEqual(cell.style.foreground, Palette(.full).shade(ShadeScale.shade(weight)), "w \(weight)")
                    XCTAssertEqual(cell.style.bold, abs(weight) >= 1, "w \(weight): bold only when thick")
                    dots += Int(cell.scalar.value - 0x2800).nonzeroBitCount
                    drawn += 1
                }
            }
            XCTAssertGreaterThan(drawn, 0, "w \(weight)")
            let perCell = Double(dots) / Double(drawn)
            switch LinkStroke(weight: weight) {
            case .dotted: XCTAssertLessThanOrEqual(perCell, 1.5, "w \(weight): dotted")
            case .solid: XCTAssertTrue((1.5...2.5).contains(perCell), "w \(weight): solid \(perCell)")
            case .thick: XCTAssertGreaterThanOrEqual(perCell, 3, "w \(weight): thick")
            }
        }
        XCTAssertEqual(Palette(.full).shade(ShadeScale.shade(-1)), .index(ShadeScale.paletteIndices[0]), "orange end")
        XCTAssertEqual(Palette(.full).shade(ShadeScale.shade(1)), .index(ShadeScale.paletteIndices[30]), "blue end")
    }

    /// Eight links out of one node leave from eight different ports and stay apart.
    func testPortsSpreadTheLinksOfANode() throws {
        let app = makeApp("networkShape=8&x=true&y=true", width: 200, height: 60)
        let diagram = try XCTUnwrap(app.layout.diagram)
        let area = diagram.linkArea(intoLayer: 1)
        let node = diagram.columns[0].nodes[0]
        let ports = (0..<8).map { NetworkView.port(of: node, index: $0, count: 8, top: area.y) }
        XCTAssertEqual(Set(ports).count, 8, "\(ports)")
        XCTAssertTrue(ports.allSatisfy { $0 >= (node.y - area.y) * 4 && $0 < (node.maxY - area.y) * 4 })
    }

    func testClickOnALinkCellSelectsTheLinkItsColourShows() throws {
        var app = makeApp("networkShape=3,2&x=true&y=true", width: 120, height: 40)
        let diagram = try XCTUnwrap(app.layout.diagram)
        let canvas = NetworkView.edgeCanvas(into: 2, state: app, diagram: diagram)
        var found: (Int, Int, Int)?
        outer: for row in 0..<canvas.area.height {
            for column in 0..<canvas.area.width {
                if let id = canvas.owner(column: column, row: row) { found = (column, row, id); break outer }
            }
        }
        let (column, row, id) = try XCTUnwrap(found)
        XCTAssertTrue(press(.click(x: canvas.area.x + column, y: canvas.area.y + row), &app))
        XCTAssertEqual(app.selection, .edge(layer: 2, node: id / 3, source: id % 3))
        // The selected link outranks the others and is drawn in reverse.
        let grid = screen(app)
        XCTAssertTrue(grid[canvas.area.x + column, canvas.area.y + row].style.reverse)
        // A click on a hidden node selects it; on an input node toggles its feature.
        let hidden = diagram.columns[1].nodes[2]
        XCTAssertTrue(press(.click(x: hidden.x, y: hidden.y), &app))
        XCTAssertEqual(app.selection, .node(layer: 1, node: 2))
        let xSquared = diagram.columns[0].nodes[2]
        XCTAssertTrue(press(.click(x: xSquared.x, y: xSquared.y), &app))
        XCTAssertTrue(app.settings.features.contains(.xSquared))
    }

    func testNoColourAndASCII() throws {
        let none = makeApp(Self.largest, width: 120, height: 40, capabilities: Capabilities(colors: .none, unicode: true))
        let grid = screen(none)
        XCTAssertTrue(grid.cells.allSatisfy { $0.style.foreground == .default && $0.style.background == .default })
        let node = try XCTUnwrap(none.layout.diagram).columns[1].nodes[0]
        XCTAssertTrue(" ░▒▓█".unicodeScalars.contains(grid[node.x, node.y].scalar), "shading, not half blocks")
        let ascii = makeApp(Self.largest, width: 80, height: 24, capabilities: Capabilities(colors: .full, unicode: false))
        XCTAssertTrue(screen(ascii).lines.allSatisfy { $0.unicodeScalars.allSatisfy(\.isASCII) })
    }
}

final class LinkOwnerTests: XCTestCase {
    /// A cell remembers which link gives it its colour (for clicks), and the highlighted link's
    /// cells are drawn in reverse.
    func testOwnerIsTheStrongestLinkAndTheHighlightIsReversed() {
        var canvas = EdgeCanvas(area: Rect(x: 0, y: 0, width: 4, height: 2))
        canvas.edge(from: (0, 0), to: (7, 7), weight: 0.3, id: 1)
        canvas.edge(from: (0, 7), to: (7, 0), weight: -0.9, id: 2)
        XCTAssertEqual(canvas.owner(column: 0, row: 0), 1)
        XCTAssertEqual(canvas.owner(column: 2, row: 0), 2, "the crossing cell belongs to the stronger link")
        XCTAssertNil(canvas.owner(column: 9, row: 9))
        canvas.edge(from: (0, 0), to: (7, 7), weight: 0.3, priority: 1e9, id: 1)
        XCTAssertEqual(canvas.owner(column: 1, row: 0), 1)
        var grid = CellGrid(width: 4, height: 2)
        canvas.draw(into: &grid, unicode: true, highlighted: 1) { _ in .default }
        XCTAssertTrue(grid[0, 0].style.reverse)
        XCTAssertFalse(grid[0, 1].style.reverse, "link 2's own cell")
    }

    func testRefreshPicturesEvaluatesEvenWhenNothingChanged() {
        var app = makeApp(NetworkViewTests.largest, width: 200, height: 60)
        let network = app.playground.network, features = app.settings.inputFeatures
        var heatMap = app.heatMap, thumbnails = app.thumbnails
        XCTAssertFalse(heatMap.refresh(network: network, features: features, width: heatMap.pixelWidth, height: heatMap.pixelHeight))
        XCTAssertFalse(thumbnails.refresh(network: network, features: features, width: 8, height: 8), "current: no evaluation")
        let before = app
        app.refreshPictures()
        XCTAssertEqual(app.heatMap.evaluations, before.heatMap.evaluations + 1, "the heat map evaluated again")
        XCTAssertEqual(app.thumbnails.evaluations, before.thumbnails.evaluations + 1, "the thumbnails evaluated again")
        XCTAssertEqual(app, before, "the same pictures again")
        XCTAssertEqual(app.thumbnails.outputs(layer: 7, node: 0).count, 64, "8×8 pixels per thumbnail at 200×60")
    }
}
