import Foundation
import XCTest

/// What a person sees and does: the screen at start, playing, the knobs, help, resizing.
final class PlaygroundScreenTests: EndToEndTestCase {
    func testStartShowsLabelsAndAColouredHeatMap() throws {
        let session = try start(width: 120, height: 40)
        let screen = try waitForText(session, "Training loss", "Test loss", "circle")
        XCTAssertTrue(screen.contains("²") && screen.contains("sin"), "the features (x, y, x², y², xy, sin x, sin y):\n\(screen.text)")
        XCTAssertTrue(screen.contains("▀"), "the heat map is drawn with half blocks:\n\(screen.text)")
        XCTAssertFalse(screen.contains("too small"))
        let coloured = try waitForScreen(session, "256-colour escapes of the heat map", colors: true) { $0.paletteEscapes >= 20 }
        XCTAssertGreaterThanOrEqual(coloured.paletteEscapes, 20)
    }

    func testSpacePlaysTheEpochRisesAndTheLossChanges() throws {
        let session = try start()
        let initial = try waitForScreen(session, "epoch 0 and a training loss") { screen in
            screen.numbers(after: "epoch").first == 0 && !screen.numbers(after: "training loss", decimals: true).isEmpty
        }
        let initialLoss = initial.numbers(after: "training loss", decimals: true)[0]
        XCTAssertFalse(initial.numbers(after: "test loss", decimals: true).isEmpty, "a test loss at start:\n\(initial.text)")

        try session.send("Space")
        let playing = try waitForScreen(session, "the epoch to rise and the training loss to change") { screen in
            (screen.numbers(after: "epoch").first ?? 0) > 0
                && screen.numbers(after: "training loss", decimals: true).first.map { $0 != initialLoss } ?? false
        }
        XCTAssertFalse(playing.numbers(after: "test loss", decimals: true).isEmpty, "a test loss while playing:\n\(playing.text)")

        // Space again pauses: the epoch stops moving.
        try session.send("Space")
        var previous = -1.0
        try waitForScreen(session, "the epoch to stop rising after pausing") { screen in
            let epoch = screen.numbers(after: "epoch").first ?? -1
            defer { previous = epoch; usleep(250_000) }
            return epoch == previous && epoch > 0
        }
    }

    /// Starts from unusual values so that each one is easy to tell apart on the screen.
    func testKnobKeysShowTheNewValues() throws {
        let session = try start(arguments: ["--state", "dataset=circle&seed=0.12345&noise=15&batchSize=13&percTrainData=70&networkShape=3,6"])
        let initial = try waitForText(session, "Training loss")
        XCTAssertTrue(Self.noise(initial).contains(15), "noise 15 at start: \(Self.noise(initial))\n\(initial.text)")
        XCTAssertTrue(Self.batch(initial).contains(13), "batch size 13 at start: \(Self.batch(initial))\n\(initial.text)")
        XCTAssertTrue(Self.ratio(initial).contains(70), "ratio 70 at start: \(Self.ratio(initial))\n\(initial.text)")
        let neurons = initial.neuronCounts.reduce(0, +)
        XCTAssertEqual(neurons, 9, "\"3 neurons\" and \"6 neurons\" at start:\n\(initial.text)")

        try expectKnob(session, key: "N", "noise 20", Self.noise, from: 15, to: 20)
        try expectKnob(session, key: "n", "noise 15 again", Self.noise, from: 20, to: 15)
        try expectKnob(session, key: "b", "batch size 12", Self.batch, from: 13, to: 12)
        try expectKnob(session, key: "B", "batch size 13 again", Self.batch, from: 12, to: 13)
        try expectKnob(session, key: "t", "ratio 60", Self.ratio, from: 70, to: 60)
        try expectKnob(session, key: "T", "ratio 70 again", Self.ratio, from: 60, to: 70)

        try session.send("+")
        try waitForScreen(session, "one neuron more (10 in all)") { $0.neuronCounts.reduce(0, +) == neurons + 1 }
        try session.send("-")
        try waitForScreen(session, "one neuron less (9 in all)") { $0.neuronCounts.reduce(0, +) == neurons }
    }

    func testQuestionMarkShowsHelpAndEscapeClosesIt() throws {
        let session = try start()
        let main = try waitForText(session, "Training loss")
        try session.type("?")
        let help = try waitForScreen(session, "the help screen") { screen in
            Self.changedLines(main, screen) >= 5 && screen.contains("quit") && screen.contains("esc")
        }
        XCTAssertTrue(help.contains("play"), "help lists play / pause:\n\(help.text)")
        try session.send("Escape")
        try waitForScreen(session, "the main screen back, as it was before help") { $0.text == main.text }
    }

    func testResizeRelaysOutAtEverySize() throws {
        let session = try start(width: 120, height: 40)
        let original = try waitForText(session, "Training loss", "Test loss")

        try session.resize(width: 80, height: 24)
        let small = try waitForScreen(session, "the 80×24 layout") { screen in
            screen.contains("Training loss") && screen.contains("Test loss") && screen.lines.count <= 25 && screen.usedWidth <= 80
        }
        XCTAssertFalse(small.contains("too small"), "80×24 is the minimum, not too small:\n\(small.text)")

        try session.resize(width: 200, height: 60)
        let large = try waitForScreen(session, "the 200×60 layout using the width") { screen in
            screen.contains("Training loss") && screen.usedWidth > 120
        }
        XCTAssertGreaterThan(Self.halfBlocks(large), Self.halfBlocks(small), "a larger terminal gets a larger heat map")

        try session.resize(width: 120, height: 40)
        try waitForScreen(session, "the 120×40 screen as it was at start") { $0.text == original.text }
    }

    func testTinyWindowSaysTooSmallUntilItGrows() throws {
        let session = try start(width: 40, height: 10)
        try waitForText(session, "too small")
        try session.resize(width: 120, height: 40)
        try waitForScreen(session, "the playground after growing") { $0.contains("Training loss") && !$0.contains("too small") }
    }

    func testNoColorMeansNoColourEscapes() throws {
        let session = try start(environment: ["NO_COLOR": "1"])
        try waitForText(session, "Training loss", "Test loss")
        let screen = Screen(try session.capture(colors: true))
        XCTAssertEqual(screen.colourSettingEscapes, 0, "NO_COLOR=1 must give no colour at all:\n\(screen.text.debugDescription)")
    }

    /// `TERM=xterm` has 8 colours: the 256-colour indices map to the basic ones.
    func testEightColourTerminalGetsBasicColours() throws {
        let session = try start(term: "xterm")
        try waitForText(session, "Training loss", "Test loss")
        let screen = Screen(try session.capture(colors: true))
        XCTAssertEqual(screen.paletteEscapes, 0, "no 256-colour escapes on an 8-colour terminal")
        XCTAssertGreaterThan(screen.colourSettingEscapes, 20, "but basic colours for the heat map and the text")
    }

    /// A click on a knob focuses it, a second click steps it (xterm's SGR mouse reports).
    func testClicksOnAKnobFocusThenChangeIt() throws {
        let session = try start()
        let screen = try waitForText(session, "Noise")
        XCTAssertTrue(Self.noise(screen).contains(0), "noise 0 at start:\n\(screen.text)")
        guard let (column, row) = Self.position(of: "Noise", in: screen) else { return XCTFail("no Noise label") }
        for _ in 0..<2 {
            try session.type("\u{1B}[<0;\(column + 2);\(row + 1)M")
            try session.type("\u{1B}[<0;\(column + 2);\(row + 1)m")
        }
        try waitForScreen(session, "noise 5 after two clicks on it") { Self.noise($0).contains(5) }
        // Over a slow link a click's press and release arrive in one read: still one click.
        try session.type("\u{1B}[<0;\(column + 2);\(row + 1)M\u{1B}[<0;\(column + 2);\(row + 1)m")
        try waitForScreen(session, "noise 10 after a click whose press and release came together") { Self.noise($0).contains(10) }
    }

    // MARK: Reading values

    /// The 0-based column and row where `text` first appears.
    static func position(of text: String, in screen: Screen) -> (Int, Int)? {
        for (row, line) in screen.lines.enumerated() {
            if let range = line.range(of: text) { return (line.distance(from: line.startIndex, to: range.lowerBound), row) }
        }
        return nil
    }

    static func noise(_ screen: Screen) -> [Double] { screen.numbers(after: "noise") }
    static func batch(_ screen: Screen) -> [Double] { screen.numbers(after: "batch size") + screen.numbers(after: "batch") }

    /// TF says "Ratio of training to test data: 50%"; a terminal may say less.
    static func ratio(_ screen: Screen) -> [Double] {
        ["ratio of training to test data", "training to test", "training data", "train ratio", "ratio"]
            .flatMap { screen.numbers(after: $0) }
    }

    static func changedLines(_ one: Screen, _ other: Screen) -> Int {
        zip(one.lines, other.lines).filter { $0 != $1 }.count
    }

    static func halfBlocks(_ screen: Screen) -> Int { screen.text.unicodeScalars.filter { $0 == "▀" }.count }

    /// Presses `key` and waits for a value read by `read` to change from `old` to `new`.
    func expectKnob(_ session: TmuxSession, key: String, _ what: String, _ read: @escaping (Screen) -> [Double],
                    from old: Double, to new: Double, file: StaticString = #filePath, line: UInt = #line) throws {
        try session.type(key)
        try waitForScreen(session, "\(what) after pressing \(key)", file: file, line: line) { screen in
            let values = read(screen)
            return values.contains(new) && !values.contains(old)
        }
    }
}
