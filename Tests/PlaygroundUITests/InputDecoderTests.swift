import XCTest
@testable import PlaygroundUI

/// The byte-level input decoder against the byte strings xterm's "Control Sequences" document
/// gives for each key and mouse report, written out by hand. Every case is also fed split at
/// every byte boundary, since a read may end anywhere.
final class InputDecoderTests: XCTestCase {
    static let esc: UInt8 = 0x1B

    /// `text` as bytes, with "^[" standing for ESC so that the cases read like the document.
    static func bytes(_ text: String) -> [UInt8] {
        Array(text.replacingOccurrences(of: "^[", with: "\u{1B}").utf8)
    }

    /// Every key the app binds, in each form terminals send it.
    static let keyCases: [(String, [UInt8], [Key])] = [
        ("printable ASCII", bytes(" az09?[]<>+-~"), " az09?[]<>+-~".map { .character($0) }),
        ("Enter as CR", [0x0D], [.enter]),
        ("Enter as LF", [0x0A], [.enter]),
        ("Tab", [0x09], [.tab]),
        ("Shift-Tab", bytes("^[[Z"), [.backTab]),
        ("Backspace as DEL", [0x7F], [.backspace]),
        ("Backspace as BS", [0x08], [.backspace]),
        ("Ctrl-C", [0x03], [.interrupt]),
        ("arrows, normal mode", bytes("^[[A^[[B^[[C^[[D"), [.up, .down, .right, .left]),
        ("arrows, application mode", bytes("^[OA^[OB^[OC^[OD"), [.up, .down, .right, .left]),
        ("Home/End, CSI", bytes("^[[H^[[F"), [.home, .end]),
        ("Home/End, SS3", bytes("^[OH^[OF"), [.home, .end]),
        ("Home/End, vt220", bytes("^[[1~^[[4~"), [.home, .end]),
        ("Home/End, rxvt", bytes("^[[7~^[[8~"), [.home, .end]),
        ("PgUp/PgDn", bytes("^[[5~^[[6~"), [.pageUp, .pageDown]),
        ("modified keys are the plain keys", bytes("^[[1;2A^[[1;5C^[[1;3H^[[5;5~^[[1;2F"), [.up, .right, .home, .pageUp, .end]),
        ("keypad Enter", bytes("^[OM"), [.enter]),
        ("two-byte UTF-8", [0xC3, 0xA9], [.character("é")]),
        ("three-byte UTF-8", [0xE2, 0x82, 0xAC], [.character("€")]),
        ("four-byte UTF-8", [0xF0, 0x9F, 0x98, 0x80], [.character("😀")]),
        ("X10 left press at column 10, row 5", [esc, 0x5B, 0x4D, 32 + 0, 32 + 10, 32 + 5], [.click(x: 9, y: 4)]),
        ("X10 at its largest column, 223", [esc, 0x5B, 0x4D, 32 + 0, 255, 32 + 1], [.click(x: 222, y: 0)]),
        ("X10 wheel up and down", [esc, 0x5B, 0x4D, 32 + 64, 32 + 7, 32 + 3, esc, 0x5B, 0x4D, 32 + 65, 32 + 7, 32 + 3],
         [.scroll(up: true, x: 6, y: 2), .scroll(up: false, x: 6, y: 2)]),
        ("SGR left press", bytes("^[[<0;10;5M"), [.click(x: 9, y: 4)]),
        ("SGR beyond X10's reach", bytes("^[[<0;300;61M"), [.click(x: 299, y: 60)]),
        ("SGR wheel", bytes("^[[<64;12;3M^[[<65;12;3M"), [.scroll(up: true, x: 11, y: 2), .scroll(up: false, x: 11, y: 2)]),
        ("SGR press and release together are one click", bytes("^[[<0;4;2M^[[<0;4;2m"), [.click(x: 3, y: 1)]),
        ("keys around a sequence", bytes("a^[[Bb"), [.character("a"), .down, .character("b")]),
    ]

    func testEveryKeyWhole() {
        for (name, input, expected) in Self.keyCases {
            var decoder = InputDecoder()
            XCTAssertEqual(decoder.feed(input), expected, name)
            XCTAssertFalse(decoder.isPending, "\(name): nothing left waiting")
        }
    }

    func testEveryKeyFedByteByByte() {
        for (name, input, expected) in Self.keyCases {
            var decoder = InputDecoder()
            let keys = input.flatMap { decoder.feed([$0]) }
            XCTAssertEqual(keys, expected, "\(name), one byte per read")
        }
    }

    func testEveryKeySplitInTwoAtEveryBoundary() {
        for (name, input, expected) in Self.keyCases {
            for cut in 1..<input.count {
                var decoder = InputDecoder()
                let keys = decoder.feed(input[..<cut]) + decoder.feed(input[cut...])
                XCTAssertEqual(keys, expected, "\(name), split after byte \(cut)")
            }
        }
    }

    func testALoneEscapeWaitsForTheTimeout() {
        var decoder = InputDecoder()
        XCTAssertEqual(decoder.feed([Self.esc]), [], "an ESC alone may still start a sequence")
        XCTAssertTrue(decoder.isPending)
        XCTAssertEqual(decoder.flush(), [.escape])
        XCTAssertFalse(decoder.isPending)
        XCTAssertEqual(decoder.flush(), [], "flushed once")
        XCTAssertEqual(decoder.feed(Self.bytes("[A")), [.character("["), .character("A")],
                       "after the timeout the next bytes are keys of their own")
    }

    func testAnEscapePrefixedSequenceIsNotAnEscape() {
        var decoder = InputDecoder()
        XCTAssertEqual(decoder.feed([Self.esc]), [])
        XCTAssertEqual(decoder.feed(Self.bytes("[A")), [.up], "the next read completed the sequence in time")
    }

    func testEscapeFollowedAtOnceByAKeyGivesBoth() {
        var decoder = InputDecoder()
        XCTAssertEqual(decoder.feed(Self.bytes("^[q")), [.escape, .character("q")])
        XCTAssertEqual(decoder.feed(Self.bytes("^[^[")), [.escape], "the second ESC waits in turn")
        XCTAssertEqual(decoder.flush(), [.escape])
        XCTAssertEqual(decoder.feed(Self.bytes("^[\r")), [.escape, .enter])
    }

    /// A slow link may pause inside a sequence for longer than the ESC timeout: its tail must not
    /// become typed keys.
    func testASequenceBegunWaitsForItsEndPastTheTimeout() {
        for (prefix, rest, key) in [("^[[", "B", Key.down), ("^[O", "C", .right), ("^[[<0;7", ";2M", .click(x: 6, y: 1)),
                                    ("^[[5", "~", .pageUp)] {
            var decoder = InputDecoder()
            XCTAssertEqual(decoder.feed(Self.bytes(prefix)), [])
            XCTAssertFalse(decoder.isPending, "\(prefix) is not a lone ESC")
            XCTAssertEqual(decoder.flush(), [], "the timeout leaves \(prefix) alone")
            XCTAssertEqual(decoder.feed(Self.bytes(rest)), [key], prefix + rest)
        }
        var decoder = InputDecoder()
        XCTAssertEqual(decoder.feed([0xE2, 0x82]), [])
        XCTAssertEqual(decoder.flush(), [])
        XCTAssertEqual(decoder.feed([0xAC]), [.character("€")], "a character split by a pause")
    }

    /// Keys and replies the app does not use vanish whole; the key after them survives.
    func testUnknownSequencesAreSwallowedWhole() {
        let unknown = ["^[[2~", "^[[3~", "^[[15~", "^[[24;5~", "^[OP", "^[[?1;2c", "^[[>0;95;0c", "^[[I", "^[[O",
                       "^[[200~", "^[[12;40R", "^[[1 q", "^[[<0;5;5m", "^[[<32;5;5M", "^[[<2;5;5M", "^[[<1;5;5M",
                       "^[[<0;5M"]
        for sequence in unknown {
            var decoder = InputDecoder()
            XCTAssertEqual(decoder.feed(Self.bytes(sequence + "x")), [.character("x")], sequence)
        }
    }

    func testX10ReleasesAndDragsAreIgnored() {
        var decoder = InputDecoder()
        let release: [UInt8] = [Self.esc, 0x5B, 0x4D, 32 + 3, 32 + 10, 32 + 5]
        let drag: [UInt8] = [Self.esc, 0x5B, 0x4D, 32 + 32, 32 + 11, 32 + 5]
        let shiftClick: [UInt8] = [Self.esc, 0x5B, 0x4D, 32 + 4, 32 + 12, 32 + 5]
        XCTAssertEqual(decoder.feed(release + drag + Self.bytes("x")), [.character("x")])
        XCTAssertEqual(decoder.feed(shiftClick), [.click(x: 11, y: 4)], "a modifier does not stop a click")
    }

    /// X10 coordinates are raw bytes: one that looks like ESC or a UTF-8 lead is still a coordinate.
    func testX10CoordinatesAreRawBytes() {
        var decoder = InputDecoder()
        XCTAssertEqual(decoder.feed([Self.esc, 0x5B, 0x4D, 32, 0xC3, 0xA9]), [.click(x: 162, y: 136)])
    }

    func testInvalidUTF8IsDroppedWithoutEatingTheNextCharacter() {
        let invalid: [(String, [UInt8])] = [
            ("lone continuation byte", [0x80]),
            ("cut-short two-byte character", [0xC3]),
            ("overlong NUL", [0xC0, 0x80]),
            ("overlong three-byte form", [0xE0, 0x80, 0x80]),
            ("UTF-16 surrogate", [0xED, 0xA0, 0x80]),
            ("beyond U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
            ("never valid", [0xF5, 0xFE, 0xFF]),
        ]
        for (name, bytes) in invalid {
            var decoder = InputDecoder()
            XCTAssertEqual(decoder.feed(bytes + Self.bytes("x")), [.character("x")], name)
            XCTAssertEqual(decoder.feed([0xC3, 0xA9]), [.character("é")], "\(name): decoding carries on")
        }
    }

    func testOtherControlCharactersAreIgnored() {
        var decoder = InputDecoder()
        XCTAssertEqual(decoder.feed([0x00, 0x01, 0x07, 0x1A, 0x1C, 0x1F, 0x85, 0x9B] + Self.bytes("x")), [.character("x")])
    }

    func testABrokenSequenceGivesWayToWhatFollows() {
        var decoder = InputDecoder()
        XCTAssertEqual(decoder.feed(Self.bytes("^[[1^[[A")), [.up], "a new ESC starts over")
        XCTAssertEqual(decoder.feed(Self.bytes("^[[\r")), [.enter], "a control character ends the broken sequence")
        XCTAssertEqual(decoder.feed(Self.bytes("^[O\u{7F}")), [.backspace])
    }

    /// A runaway sequence is read to its end and dropped; nothing of it comes out.
    func testOverlongSequenceIsDropped() {
        var decoder = InputDecoder()
        let long = "^[[" + String(repeating: "1;", count: 100) + "A"
        XCTAssertEqual(decoder.feed(Self.bytes(long + "x")), [.character("x")])
        XCTAssertEqual(decoder.feed(Self.bytes("^[[1;2A")), [.up], "the next sequence is read normally")
    }
}
