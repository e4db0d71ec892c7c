import XCTest
import PlaygroundCore
@testable import PlaygroundUI

final class ScreenPreviewTests: XCTestCase {
    /// Prints screens when PREVIEW is set (for looking, not for checking).
    func testPreview() throws {
        guard let sizes = ProcessInfo.processInfo.environment["PREVIEW"] else { throw XCTSkip("set PREVIEW=WxH") }
        for size in sizes.split(separator: ",") {
            let parts = size.split(separator: "x").map { Int($0)! }
            var app = makeApp(ProcessInfo.processInfo.environment["PREVIEW_STATE"] ?? "dataset=spiral&networkShape=8,8,8&x=true&y=true&xSquared=true&ySquared=true&xTimesY=true&sinX=true&sinY=true&showTestData=true",
                              width: parts[0], height: parts[1],
                              capabilities: Capabilities(colors: ProcessInfo.processInfo.environment["PREVIEW_NO_COLOR"] != nil ? .none : .full,
                                                         unicode: ProcessInfo.processInfo.environment["PREVIEW_ASCII"] == nil))
            _ = update(&app, .train(epochs: Int(ProcessInfo.processInfo.environment["PREVIEW_EPOCHS"] ?? "30")!))
            if ProcessInfo.processInfo.environment["PREVIEW_HELP"] != nil { app.overlay = .help }
            print(screen(app).lines.joined(separator: "\n"))
        }
    }
}
