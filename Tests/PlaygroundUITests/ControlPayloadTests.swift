import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// Every C0 and C1 control (and DEL) in the free-text state keys, set directly (a link with them
/// is refused, see StateKeyTableTests): the screen, the link printed on `q`, the link box and its
/// OSC 52 copy all show them as harmless text, never as raw bytes a terminal obeys.
final class ControlPayloadTests: XCTestCase {
    static let payload = String(String.UnicodeScalarView(((0...0x1F).map { $0 } + (0x7F...0x9F).map { $0 }).map { Unicode.Scalar(UInt32($0))! }))

    func rawControl(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { UserText.isUnsafe($0) }
    }

    func payloadApp() -> AppState {
        var settings = makeSettings()
        settings.seed = "s" + Self.payload
        settings.tutorial = Self.payload
        return AppState(state: settings, capabilities: Capabilities(), width: 120, height: 40,
                        seedSource: SeededRandom(seed: "test"))
    }

    func testThePayloadIsEveryControl() {
        XCTAssertEqual(Self.payload.unicodeScalars.count, 32 + 1 + 32)
        XCTAssertTrue(Self.payload.unicodeScalars.allSatisfy(UserText.isUnsafe))
    }

    func testTheLinkPercentEncodesEveryControlAsAURLDoes() {
        let link = payloadApp().settings.link
        XCTAssertNil(rawControl(in: link), link.debugDescription)
        XCTAssertTrue(link.contains("seed=s%00%01%02"), link)
        XCTAssertTrue(link.contains("%1B%1C%1D%1E%1F%7F%C2%80%C2%81"), link)
        XCTAssertTrue(link.contains("%C2%9F"), link)
    }

    func testTheClipboardCarriesOnlyTheSafeLink() {
        let app = payloadApp()
        let sequence = Clipboard.osc52(app.settings.link)
        XCTAssertTrue(sequence.hasPrefix("\u{1B}]52;c;") && sequence.hasSuffix("\u{07}"))
        let body = sequence.dropFirst("\u{1B}]52;c;".count).dropLast()
        XCTAssertNil(rawControl(in: String(body)))
        // The base64 inside, decoded, is the link without a control character.
        XCTAssertEqual(String(body), Base64.encode(Array(app.settings.link.utf8)))
        XCTAssertNil(rawControl(in: app.settings.link))
    }

    /// The grid may hold the seed's characters; what reaches the terminal is what the screen
    /// writer writes, and there every control is a blank.
    func testTheScreenAndTheLinkBoxWriteNoRawControl() {
        var app = payloadApp()
        for keys in ["", "c", "?"] {
            var shown = app
            for key in keys { press(key, &shown) }
            var writer = ScreenWriter(unicode: true, colorPairs: ColorPairs(mode: .full, limit: 256, defaultColors: true))
            var surface = RecordingSurface(width: shown.width, height: shown.height)
            writer.draw(screen(shown), on: &surface)
            var written = String.UnicodeScalarView()
            for operation in surface.operations {
                if case .write(let cell) = operation { written.append(cell.scalar) }
            }
            XCTAssertGreaterThan(written.count, 1000, "the screen was written")
            XCTAssertNil(rawControl(in: String(written)), "after \(keys.debugDescription)")
        }
        press("c", &app)
        XCTAssertEqual(app.overlay, .link)
        XCTAssertTrue(screen(app).lines.contains { $0.contains("seed=s%00%01") }, "the link box shows the encoded link")
    }
}
