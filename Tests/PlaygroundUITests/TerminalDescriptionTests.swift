import XCTest
@testable import PlaygroundUI

/// The terminal description rule against machines described by the entries they have.
final class TerminalDescriptionTests: XCTestCase {
    /// What Debian 12's minbase system has (ncurses-base): no kitty, alacritty, foot, ghostty or
    /// wezterm entry.
    let minbase: Set<String> = ["xterm", "xterm-256color", "screen", "screen-256color", "tmux", "tmux-256color",
                                "linux", "vt100", "dumb"]

    func choose(_ term: String?, on machine: Set<String>) -> TerminalDescription.Choice {
        TerminalDescription.choose(term: term, exists: { machine.contains($0) })
    }

    func testAnEntryThatExistsIsUsedAsNamed() {
        XCTAssertEqual(choose("xterm-256color", on: minbase), .asNamed("xterm-256color"))
        XCTAssertEqual(choose("linux", on: minbase), .asNamed("linux"))
        XCTAssertEqual(choose("xterm-kitty", on: minbase.union(["xterm-kitty"])), .asNamed("xterm-kitty"))
    }

    func testModernTerminalsFallBackToXterm256color() {
        for term in ["xterm-kitty", "alacritty", "foot", "xterm-ghostty", "wezterm"] {
            XCTAssertEqual(choose(term, on: minbase), .fallback(missing: term, entry: "xterm-256color"), term)
        }
    }

    func testPlainXtermWhenThe256ColourEntryIsMissingToo() {
        XCTAssertEqual(choose("alacritty", on: ["xterm", "dumb"]), .fallback(missing: "alacritty", entry: "xterm"))
        XCTAssertEqual(choose("xterm-256color", on: ["xterm"]), .fallback(missing: "xterm-256color", entry: "xterm"))
    }

    func testTmuxAndScreenFallBackWithinTheirFamilyFirst() {
        let old: Set<String> = ["screen", "screen-256color", "xterm", "xterm-256color"]
        XCTAssertEqual(choose("tmux-256color", on: old), .fallback(missing: "tmux-256color", entry: "screen-256color"))
        XCTAssertEqual(choose("screen.xterm-256color", on: ["screen", "xterm"]), .fallback(missing: "screen.xterm-256color", entry: "screen"))
        XCTAssertEqual(choose("tmux-direct", on: ["xterm"]), .fallback(missing: "tmux-direct", entry: "xterm"))
    }

    func testRefusalOnlyWhenNothingUsableExists() {
        XCTAssertEqual(choose("xterm-kitty", on: ["dumb", "vt100"]), .nothingUsable(missing: "xterm-kitty"))
        XCTAssertEqual(choose("foot", on: []), .nothingUsable(missing: "foot"))
        XCTAssertNil(choose("foot", on: []).entry)
        XCTAssertEqual(choose(nil, on: minbase), .unset)
        XCTAssertEqual(choose("", on: minbase), .unset)
    }

    func testOnlyAFallbackHasANoticeNamingBothEntries() {
        XCTAssertNil(choose("xterm", on: minbase).notice)
        let notice = choose("xterm-kitty", on: minbase).notice
        XCTAssertEqual(notice, "no terminal description for TERM=xterm-kitty here: drawing as xterm-256color")
        XCTAssertEqual(choose("xterm-kitty", on: minbase).entry, "xterm-256color")
    }

    func testEveryFamilyEndsInXtermAndTheLastRowTakesEveryName() {
        XCTAssertEqual(TerminalDescription.fallbacks.last?.prefix, "")
        for row in TerminalDescription.fallbacks {
            XCTAssertEqual(row.entries.suffix(2), ["xterm-256color", "xterm"], row.prefix)
        }
    }
}
