import Foundation
import XCTest

/// `#` writes the screen as SVG in the working folder, says where, and never replaces a file:
/// a second press writes the next free name.
final class ScreenPictureTests: EndToEndTestCase {
    func testHashSavesTheScreenAsSVGAndSaysWhere() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("ptui-picture-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let app = [try binary(), "--state", Self.state].map(Shell.quote).joined(separator: " ")
        let session = try TmuxSession(tmux: tmux(), width: 120, height: 40) { _ in
            "cd \(Shell.quote(folder.path)) && exec env -u NO_COLOR TERM=xterm-256color \(app)"
        }
        defer { session.kill() }
        try waitForText(session, "Training loss")

        try session.type("#")
        var screen = try waitForText(session, "screen saved as SVG:")
        let first = folder.appendingPathComponent("playground-screen.svg")
        XCTAssertTrue(screen.contains(first.path), "the message names the file by its path:\n\(screen.text)")
        let svg = try String(contentsOf: first, encoding: .utf8)
        XCTAssertTrue(svg.hasPrefix("<?xml"), String(svg.prefix(100)))
        XCTAssertTrue(svg.hasSuffix("</svg>\n"))
        XCTAssertTrue(svg.contains("seed=0.12345"), "the picture says which state it shows")
        XCTAssertTrue(svg.contains(">playground-tui</text>"), "the header's name is drawn")

        try session.type("#")
        screen = try waitForText(session, "playground-screen-2.svg")
        XCTAssertEqual(try String(contentsOf: first, encoding: .utf8), svg, "the first file is left as it was")
        XCTAssertTrue(FileManager.default.fileExists(atPath: folder.appendingPathComponent("playground-screen-2.svg").path))
    }
}
