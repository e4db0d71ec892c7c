import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// The budget: for the largest net (7 features, 8,8,8,8,8,8) at 200×60, the thumbnails
/// (one batched evaluation of every node) and the drawing (links, bias marks, thumbnails into the
/// grid) add at most 3 ms to a frame, in release. Run with
/// `swift test -c release -Xswiftc -enable-testing --filter NetworkTimingTests`.
final class NetworkTimingTests: XCTestCase {
    func testThumbnailsAndLinksAt200x60() throws {
        var app = makeApp("dataset=spiral&" + NetworkViewTests.largest + "&showTestData=true", width: 200, height: 60)
        let layout = app.layout
        let diagram = try XCTUnwrap(layout.diagram)
        var grid = CellGrid(width: 200, height: 60)
        let clock = ContinuousClock()
        func ms(_ duration: Duration) -> Double {
            Double(duration.components.attoseconds) * 1e-15 + Double(duration.components.seconds) * 1e3
        }
        var drawing: [Double] = [], frames: [Double] = []
        for _ in 0..<60 {
            app.playground.step(epochs: 1)  // a new network: every picture must be evaluated again
            var thumbnails = app.thumbnails
            drawing.append(ms(clock.measure {
                thumbnails.invalidate()
                thumbnails.refresh(network: app.playground.network, features: app.settings.inputFeatures,
                                   width: diagram.nodeSize.pixelWidth, height: diagram.nodeSize.pixelHeight)
                app.thumbnails = thumbnails
                NetworkView.draw(app, layout: layout, into: &grid)
            }))
            frames.append(ms(clock.measure {
                app.refreshPictures()
                render(app, into: &grid)
            }))
        }
        drawing.sort()
        frames.sort()
        func summary(_ samples: [Double]) -> String {
            "median \(Format.decimal(samples[samples.count / 2], places: 3)) ms, best \(Format.decimal(samples[0], places: 3)) ms, "
                + "worst \(Format.decimal(samples.last!, places: 3)) ms"
        }
        print("thumbnails + links + bias marks, 200×60, 7 features 8,8,8,8,8,8: " + summary(drawing))
        print("whole frame (heat map + thumbnails evaluated, every widget), same: " + summary(frames))
        #if !DEBUG
        XCTAssertLessThan(drawing[drawing.count / 2], 3, "thumbnails and links over budget")
        #endif
    }
}
