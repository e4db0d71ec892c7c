import Foundation
import XCTest

/// Issue 8 in a real terminal: the locale rule (ASCII when the user chose a locale that is not
/// UTF-8 or `--ascii`, UTF-8 when no locale is set), and training at a pace a person can watch.
final class LocaleAndPaceTests: EndToEndTestCase {
    /// The characters of `screen` outside ASCII.
    func nonASCII(_ screen: Screen) -> String {
        String(String.UnicodeScalarView(screen.text.unicodeScalars.filter { $0.value > 126 }))
    }

    func assertASCIIScreen(environment: [String: String], arguments: [String] = ["--state", EndToEndTestCase.state],
                           file: StaticString = #filePath, line: UInt = #line) throws {
        let session = try start(environment: environment, arguments: arguments, file: file, line: line)
        let screen = try waitForText(session, "Training loss", "Test loss", file: file, line: line)
        XCTAssertEqual(nonASCII(screen), "", "\(environment) \(arguments): an ASCII screen\n\(screen.text)", file: file, line: line)
        XCTAssertTrue(screen.contains("seed 0.12345"), screen.text, file: file, line: line)
    }

    func testANonUTF8LocaleSetByTheUserGivesASCII() throws {
        try assertASCIIScreen(environment: ["LC_ALL": "C"])
        try assertASCIIScreen(environment: ["LC_ALL": "", "LC_CTYPE": "", "LANG": "en_US.ISO-8859-1"])
    }

    func testAsciiOptionGivesASCIIInAUTF8Locale() throws {
        try assertASCIIScreen(environment: ["LC_ALL": "C.UTF-8"], arguments: ["--state", Self.state, "--ascii"])
    }

    /// The UTF-8 screen, for contrast: the same start with no locale at all draws half blocks.
    func testNoLocaleAtAllGivesUTF8() throws {
        let session = try start(environment: ["LC_ALL": "", "LC_CTYPE": "", "LANG": ""])
        let screen = try waitForText(session, "Training loss", "Test loss")
        XCTAssertTrue(screen.contains("▀") && screen.contains("²"), "half blocks and x²:\n\(screen.text)")
    }

    /// The epoch on the stats line ("Epoch    1,234").
    func epoch(_ screen: Screen) -> Int? {
        let pattern = try! NSRegularExpression(pattern: #"Epoch +([0-9][0-9,]*)"#)
        let text = screen.text
        guard let match = pattern.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)),
              let range = Range(match.range(at: 1), in: text) else { return nil }
        return Int(text[range].replacingOccurrences(of: ",", with: ""))
    }

    /// Space at the default speed trains about 60 epochs a second (two a frame), shown in the
    /// top line, not thousands: the boundary forms slowly enough to watch.
    func testSpaceAtTheDefaultSpeedTrainsAboutSixtyEpochsASecond() throws {
        let session = try start()
        let first = try waitForScreen(session, "epoch 0 and the speed in the top line") { screen in
            epoch(screen) == 0 && screen.lines.first?.contains("60 epochs/s") == true
        }
        XCTAssertTrue(first.lines[0].contains("seed 0.12345"), first.lines[0])
        try session.send("Space")
        var began = (time: 0.0, epoch: 0)
        try waitForScreen(session, "training to start") { screen in
            guard let epoch = epoch(screen), epoch > 0 else { return false }
            began = (Date().timeIntervalSinceReferenceDate, epoch)
            return true
        }
        usleep(1_000_000)
        let later = Screen(try session.capture())
        let seconds = Date().timeIntervalSinceReferenceDate - began.time
        let epochs = try XCTUnwrap(epoch(later), later.text) - began.epoch
        let perSecond = Double(epochs) / seconds
        XCTAssertLessThan(perSecond, 120, "\(epochs) epochs in \(seconds) s: far more than 60 a second\n\(later.text)")
        XCTAssertGreaterThan(perSecond, 10, "\(epochs) epochs in \(seconds) s: training hardly runs\n\(later.text)")
        XCTAssertTrue(later.lines[0].contains("playing") && later.lines[0].contains("60 epochs/s"), later.lines[0])

        // `>` twice: 100 epochs/s, then as fast as it goes, said in the top line.
        try session.type(">>")
        try waitForScreen(session, "max in the top line") { $0.lines.first?.contains("max  seed") == true }
    }
}
