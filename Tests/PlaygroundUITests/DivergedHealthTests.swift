import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// After the network diverges (NaN), the health panel says so; it said "100% dead" (every z NaN,
/// so no ReLU ever positive) and "train to measure the gradients".
final class DivergedHealthTests: XCTestCase {
    func app(parameter: Double) throws -> AppState {
        let state = try PlaygroundState.parse("activation=relu&seed=0.5") { "" }.state
        var session = Session(Playground(state: state), losses: [])
        session.network.parameters[0] = parameter
        var app = AppState(playground: try Playground(session: session), losses: [], capabilities: Capabilities(),
                           width: 160, height: 48)
        press("h", &app)
        press("s", &app)
        _ = update(&app, .train(epochs: 2))
        return app
    }

    func testTheHealthPanelSaysDivergedNotDead() throws {
        let text = screen(try app(parameter: .nan)).lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("Gradient health"), text)
        XCTAssertTrue(text.contains("diverged: the weights are NaN or infinite"), text)
        XCTAssertFalse(text.contains("100%"), text)
        XCTAssertFalse(text.contains("to measure the gradients"), text)
    }

    func testAHealthyNetworkShowsItsFractions() throws {
        let text = screen(try app(parameter: 0.25)).lines.joined(separator: "\n")
        XCTAssertTrue(text.contains("Gradient health"), text)
        XCTAssertFalse(text.contains("diverged"), text)
        XCTAssertTrue(text.contains("dead: ReLU with z<=0"), text)
    }
}
