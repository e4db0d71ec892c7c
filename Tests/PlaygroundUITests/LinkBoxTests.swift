import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// The link box (`c`): the link on one full-width row that scrolls, with a position indicator;
/// the whole link in full-width rows below; mouse reporting off while it is open; the clipboard.
final class LinkBoxTests: XCTestCase {
    /// The default settings' link (403 characters), as TF writes it.
    static let link = "https://playground.tensorflow.org/#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane"
        + "&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.12345&showTestData=false"
        + "&discretize=false&percTrainData=50&x=true&y=true&xTimesY=false&xSquared=false&ySquared=false&cosX=false"
        + "&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false"

    static func openBox(width: Int, height: Int, capabilities: Capabilities = Capabilities()) -> AppState {
        var app = makeApp(width: width, height: height, capabilities: capabilities)
        XCTAssertTrue(press(.character("c"), &app))
        XCTAssertEqual(app.settings.link, link)
        return app
    }

    func testAt80x24TheBoxShowsTheLinkOnOneRowAndWholeBelow() {
        let app = Self.openBox(width: 80, height: 24)
        let lines = screen(app).lines
        XCTAssertEqual(Array(lines[4...19]), [
            "── TensorFlow Playground link (any key but the arrows closes) ──────────────────",
            String(repeating: " ", count: 80),
            "https://playground.tensorflow.org/#activation=tanh&batchSize=10&dataset=circle&r",
            "  chars 1–80 of 403 ▶                                ← → or h l scroll, Home End",
            String(repeating: " ", count: 80),
            "  the whole link: select these rows to copy it (the terminal joins them)        ",
            "https://playground.tensorflow.org/#activation=tanh&batchSize=10&dataset=circle&r",
            "egDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0&networkShape=",
            "4,2&seed=0.12345&showTestData=false&discretize=false&percTrainData=50&x=true&y=t",
            "rue&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false",
            "&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=fa",
            "lse                                                                             ",
            String(repeating: " ", count: 80),
            "  copied to the clipboard (OSC 52) — if your terminal allows it;                ",
            "  or select the rows above. Also printed on standard output when you quit.      ",
            String(repeating: "─", count: 80),
        ])
        let box = LinkBox(app)!
        XCTAssertEqual(box.viewRow, 6)
        XCTAssertEqual(box.wholeRows, 10..<16, "the rows the run loop writes again as one wrapped line")
        // The link's rows are plain cells: the run loop's second writing of them leaves them so.
        let grid = screen(app)
        XCTAssertTrue((0..<80).allSatisfy { grid[$0, 6].style == .plain && grid[$0, 12].style == .plain })
    }

    func testScrollingMovesTheViewByThreeQuartersOfTheScreenAndStopsAtTheEnds() {
        var app = Self.openBox(width: 80, height: 24)
        func view() -> (link: String, indicator: String) {
            let lines = screen(app).lines
            return (lines[6], lines[7])
        }
        let start = view()
        XCTAssertTrue(press(.right, &app))
        XCTAssertEqual(view().link, "=10&dataset=circle&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&n")
        XCTAssertTrue(view().indicator.hasPrefix("◀ chars 61–140 of 403 ▶ "), view().indicator)
        press("l", &app)
        XCTAssertTrue(view().indicator.hasPrefix("◀ chars 121–200 of 403 ▶ "), view().indicator)
        press("h", &app)
        XCTAssertTrue(press(.left, &app))
        XCTAssertEqual(view().link, start.link)
        XCTAssertEqual(view().indicator, start.indicator)
        XCTAssertTrue(press(.left, &app), "held at the start")
        XCTAssertEqual(app.linkScroll, 0)
        XCTAssertTrue(press(.end, &app))
        let lastScreen = "&sinX=false&cosY=false&sinY=false&collectStats=false&problem=classification&initZero=false&hideText=false"
        XCTAssertEqual(view().link, String(lastScreen.suffix(80)))
        XCTAssertTrue(view().indicator.hasPrefix("◀ chars 324–403 of 403   "), view().indicator)
        XCTAssertTrue(press(.right, &app), "held at the end")
        XCTAssertEqual(app.linkScroll, 323)
        XCTAssertTrue(press(.home, &app))
        XCTAssertEqual(view().indicator, start.indicator)
        XCTAssertEqual(app.overlay, .link, "scrolling keeps the box open")
        XCTAssertTrue(press(.character("x"), &app))
        XCTAssertNil(app.overlay, "any other key closes it")
    }

    func testAt120x40TheViewIsAFullRowAndTheWholeLinkTakesFourRows() {
        var app = Self.openBox(width: 120, height: 40)
        var lines = screen(app).lines
        let box = LinkBox(app)!
        XCTAssertEqual(box.band, Rect(x: 0, y: 13, width: 120, height: 14))
        XCTAssertEqual(lines[15], "https://playground.tensorflow.org/#activation=tanh&batchSize=10&dataset=circle&regDataset=reg-plane&learningRate=0.03&re")
        XCTAssertEqual(lines[16], "  chars 1–120 of 403 ▶" + String(repeating: " ", count: 71) + "← → or h l scroll, Home End")
        XCTAssertEqual(box.wholeRows, 19..<23)
        XCTAssertEqual(lines[19...22].joined(), Self.link + String(repeating: " ", count: 4 * 120 - 403))
        press(.right, &app)
        lines = screen(app).lines
        XCTAssertEqual(lines[15], "reg-plane&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2&seed=0.12345&showTestData=false&discretize=fal")
        XCTAssertTrue(lines[16].hasPrefix("◀ chars 91–210 of 403 ▶ "), lines[16])
        XCTAssertEqual(lines[19...22].joined(), Self.link + String(repeating: " ", count: 4 * 120 - 403), "the whole link stays put")
    }

    /// A screen wider than the link shows it whole on the view row, with nothing to scroll.
    func testAScreenWiderThanTheLinkShowsItWholeOnOneRow() {
        var app = Self.openBox(width: 420, height: 30)
        let lines = screen(app).lines
        let box = LinkBox(app)!
        XCTAssertNil(box.wholeRows)
        XCTAssertEqual(lines[box.viewRow], Self.link + String(repeating: " ", count: 17))
        XCTAssertTrue(lines[box.viewRow + 1].hasPrefix("the whole link (403 characters)   "), lines[box.viewRow + 1])
        XCTAssertTrue(lines.contains { $0.contains("or select the line above.") })
        press(.end, &app)
        XCTAssertEqual(screen(app).lines[box.viewRow], lines[box.viewRow])
    }

    func testWithoutUnicodeTheMarkersAreAscii() {
        var app = Self.openBox(width: 80, height: 24, capabilities: Capabilities(unicode: false))
        press(.right, &app)
        let lines = screen(app).lines
        XCTAssertTrue(lines[7].hasPrefix("< chars 61-140 of 403 > "), lines[7])
        XCTAssertTrue(lines[7].hasSuffix(" Left Right or h l scroll, Home End"), lines[7])
        XCTAssertEqual(lines[17], "  copied to the clipboard (OSC 52) - if your terminal allows it;                ")
    }

    /// Opening the box asks for the clipboard and turns the mouse off; closing turns it back on.
    func testOpeningCopiesAndTurnsMouseReportingOffUntilTheBoxCloses() {
        var app = makeApp(width: 80, height: 24)
        XCTAssertTrue(app.wantsMouseReporting)
        XCTAssertEqual(update(&app, .showLink), [.redraw, .copyLink])
        XCTAssertFalse(app.wantsMouseReporting)
        XCTAssertEqual(update(&app, .scrollLink(.forward)), .redraw, "scrolling does not copy again")
        XCTAssertFalse(app.wantsMouseReporting)
        XCTAssertTrue(press(.escape, &app))
        XCTAssertTrue(app.wantsMouseReporting, "Esc closes the box: mouse back on")
        app.overlay = .help
        XCTAssertTrue(app.wantsMouseReporting, "the help screen keeps the mouse")
        press("c", &app)  // any key closes the help
        press("c", &app)
        XCTAssertFalse(app.wantsMouseReporting)
        XCTAssertEqual(app.linkScroll, 0)
        press(.end, &app)
        XCTAssertEqual(KeyMap.action(for: .character("q"), in: app), .requestQuit, "q quits from the box")
        press("z", &app)
        press("c", &app)
        XCTAssertEqual(app.linkScroll, 0, "the box opens at the link's start")
    }

    /// RFC 4648 section 10's test vectors, and bytes that use the last two characters.
    func testBase64MatchesRfc4648() {
        let vectors = ["": "", "f": "Zg==", "fo": "Zm8=", "foo": "Zm9v", "foob": "Zm9vYg==", "fooba": "Zm9vYmE=", "foobar": "Zm9vYmFy"]
        for (text, encoded) in vectors { XCTAssertEqual(Base64.encode(Array(text.utf8)), encoded, text) }
        XCTAssertEqual(Base64.encode([0xFF, 0xFE, 0xFD, 0xFB, 0xFF]), "//79+/8=")
        XCTAssertEqual(Base64.encode(Array("ü✓".utf8)), "w7zinJM=")
    }

    func testOsc52CarriesTheLinkInBase64() {
        XCTAssertEqual(Clipboard.osc52("https://playground.tensorflow.org/#seed=0.1"),
                       "\u{1B}]52;c;aHR0cHM6Ly9wbGF5Z3JvdW5kLnRlbnNvcmZsb3cub3JnLyNzZWVkPTAuMQ==\u{07}")
    }
}
