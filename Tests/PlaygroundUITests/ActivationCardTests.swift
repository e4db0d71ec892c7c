import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// The activation card against literal lines, and when it shows.
final class ActivationCardTests: XCTestCase {
    func marked(width: Int, height: Int) -> CellGrid { CellGrid(width: width, height: height, fill: Cell("·")) }

    func card(_ activation: Activation, unicode: Bool = true, width: Int = 24, height: Int = 11) -> [String] {
        var grid = marked(width: width + 2, height: height)
        ActivationCard.draw(activation, capabilities: Capabilities(colors: .none, unicode: unicode),
                            in: Rect(x: 1, y: 0, width: width, height: height), into: &grid)
        return grid.lines
    }

    /// Tanh: f (solid) rises from -1 to 1 through 0, f' (dotted) peaks at 1 over z = 0, the
    /// line y = 0 faint across; the axis from -1 to 1; its properties wrapped under it.
    func testTheTanhCard() {
        XCTAssertEqual(card(.tanh), [
            "·Tanh  ⠒⠒ f  ⠂⠂ f'       ·",
            "·1           ⠠⠁⢂⡠⠒⠉⠉⠉⠉⠉⠉⠉·",
            "·           ⠄⠁ ⡜⠂⡀       ·",
            "·   ⠆⠆⠆⠆⠆⠆⠆⠅⠄⠄⡜⠄⠄⠄⠆⠆⠆⠆⠆⠆⠆·",
            "·            ⡰⠁          ·",
            "·-1 ⣀⣀⣀⣀⣀⣀⣀⠤⠊            ·",
            "·z from -5 to 5          ·",
            "·f′ = 1 − f²             ·",
            "·range (-1, 1),          ·",
            "·zero-centred, saturates,·",
            "·cannot die              ·",
        ])
    }

    /// ReLU in ASCII, one character per cell: f (`*`) flat at 0 then the diagonal up to 5, f'
    /// (`.`) at 1 right of zero (at 0 it lies under f, which wins the cell), the zero line (`-`)
    /// where neither is.
    func testTheReLUCardInASCII() {
        XCTAssertEqual(card(.relu, unicode: false), [
            "·ReLU  ** f  .. f'       ·",
            "·5                     **·",
            "·                    **  ·",
            "·                 ***    ·",
            "·             .***.......·",
            "·0 ************----------·",
            "·z from -5 to 5          ·",
            "·f' = 1 if z > 0, else 0 ·",
            "·range [0, inf), not     ·",
            "·zero-centred, no        ·",
            "·saturation, can die     ·",
        ])
    }

    /// The card shows after `a` until the next key, while training goes on, and whenever the
    /// activation knob has the focus; it covers the heat map, not the network.
    func testTheCardShowsAfterAChangeUntilTheNextKeyAndWhileFocused() {
        var app = makeApp(width: 80, height: 24)
        func cardShown(_ app: AppState) -> Bool {
            let map = app.layout.heatMap
            let lines = screen(app).lines
            return (map.y..<map.maxY).contains { lines[$0].contains("z from -5 to 5") }
        }
        XCTAssertFalse(cardShown(app))
        press("a", &app)
        XCTAssertEqual(app.settings.activation, .sigmoid)
        XCTAssertTrue(cardShown(app))
        XCTAssertTrue(screen(app).lines.contains { $0.contains("Sigmoid  ⠒⠒ f") })
        _ = update(&app, .train(epochs: 2))
        XCTAssertTrue(cardShown(app), "training is no key")
        press("n", &app)
        XCTAssertFalse(cardShown(app), "the next key puts it away")
        _ = update(&app, .focus(.activation))
        XCTAssertTrue(cardShown(app), "focused")
        press(.down, &app)
        XCTAssertFalse(cardShown(app))
        XCTAssertNotNil(app.layout.diagram, "the network stays drawn")
    }

    func testEveryActivationHasACardThatFitsTheSmallestHeatMap() {
        let map = makeApp(width: 80, height: 24).layout.heatMap
        for activation in Activation.allCases {
            for unicode in [true, false] {
                let lines = card(activation, unicode: unicode, width: map.width, height: map.height)
                XCTAssertTrue(lines[0].contains(activation.title), "\(activation)")
                let properties = lines.suffix(4).joined(separator: " ")
                XCTAssertTrue(properties.contains(activation.properties.canDie ? "can die" : "cannot die"), "\(activation): \(properties)")
                XCTAssertTrue(properties.contains(activation.properties.saturation.rawValue.split(separator: " ").last!), "\(activation)")
            }
        }
    }
}
