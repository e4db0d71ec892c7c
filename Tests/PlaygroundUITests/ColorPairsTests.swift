import XCTest
@testable import PlaygroundUI

/// The colour-pair table: made on first use, reused, never beyond the terminal's limit, and the
/// nearest made pair once they run out.
final class ColorPairsTests: XCTestCase {
    /// The pairs a terminal was asked to define, in order.
    struct Definitions {
        var made: [(pair: Int32, foreground: Int16, background: Int16)] = []
        var refused: Set<Int32> = []
        mutating func define(_ pair: Int32, _ foreground: Int16, _ background: Int16) -> Bool {
            made.append((pair, foreground, background))
            return !refused.contains(pair)
        }
    }

    func style(_ foreground: Int?, _ background: Int?) -> CellStyle {
        CellStyle(foreground: foreground.map { .index(UInt8($0)) } ?? .default,
                  background: background.map { .index(UInt8($0)) } ?? .default)
    }

    func testAPairIsMadeOnceAndReused() {
        var pairs = ColorPairs(mode: .full, limit: 256, defaultColors: true)
        var terminal = Definitions()
        let red = pairs.pair(for: style(196, nil)) { terminal.define($0, $1, $2) }
        let blue = pairs.pair(for: style(21, 16)) { terminal.define($0, $1, $2) }
        let redAgain = pairs.pair(for: CellStyle(foreground: .index(196), bold: true)) { terminal.define($0, $1, $2) }
        XCTAssertEqual([red, blue, redAgain], [1, 2, 1])
        XCTAssertEqual(terminal.made.map(\.pair), [1, 2])
        XCTAssertEqual(terminal.made.map(\.foreground), [196, 21])
        XCTAssertEqual(terminal.made.map(\.background), [-1, 16])
    }

    func testTheTerminalsOwnColoursArePairZero() {
        var pairs = ColorPairs(mode: .full, limit: 256, defaultColors: true)
        var terminal = Definitions()
        XCTAssertEqual(pairs.pair(for: .plain) { terminal.define($0, $1, $2) }, 0)
        // Without default colours, pair 0 is white on black, and so is .default.
        var fixed = ColorPairs(mode: .eight, limit: 64, defaultColors: false)
        XCTAssertEqual(fixed.pair(for: .plain) { terminal.define($0, $1, $2) }, 0)
        XCTAssertEqual(fixed.pair(for: style(7, 0)) { terminal.define($0, $1, $2) }, 0)
        XCTAssertEqual(fixed.pair(for: style(nil, 4)) { terminal.define($0, $1, $2) }, 1)
        XCTAssertEqual(terminal.made.count, 1)
        XCTAssertEqual(terminal.made.first?.foreground, 7, "the default foreground is white")
    }

    func testWithoutColourEveryStyleIsPairZeroAndNothingIsDefined() {
        var pairs = ColorPairs(mode: .none, limit: 0, defaultColors: false)
        XCTAssertEqual(pairs.pair(for: style(196, 21)) { _, _, _ in XCTFail("defined a pair"); return true }, 0)
    }

    /// A terminal with colours but no pair to spare: everything is drawn in pair 0, nothing asked.
    func testNoPairsToSpareMeansPairZero() {
        var pairs = ColorPairs(mode: .eight, limit: 1, defaultColors: true)
        XCTAssertEqual(pairs.pair(for: style(196, 21)) { _, _, _ in XCTFail("defined a pair"); return true }, 0)
        XCTAssertTrue(pairs.isExhausted)
    }

    /// On eight colours the palette index becomes its nearest basic colour (xterm's RGB):
    /// 196 #ff0000 is red (1), 21 #0000ff blue (4), 231 #ffffff white (7), 16 #000000 black (0).
    func testEightColoursMapToTheNearestBasicColour() {
        var pairs = ColorPairs(mode: .eight, limit: 64, defaultColors: true)
        var terminal = Definitions()
        _ = pairs.pair(for: style(196, 21)) { terminal.define($0, $1, $2) }
        _ = pairs.pair(for: style(231, 16)) { terminal.define($0, $1, $2) }
        XCTAssertEqual(terminal.made.map(\.foreground), [1, 7])
        XCTAssertEqual(terminal.made.map(\.background), [4, 0])
        // 160 #d70000 is red too: the same pair as 196 on 21.
        XCTAssertEqual(pairs.pair(for: style(160, 21)) { terminal.define($0, $1, $2) }, 1)
    }

    /// Worked by hand: pairs 1–3 made for red, blue and green text; then the table is full.
    func testWhenFullTheNearestMadePairIsUsed() {
        var pairs = ColorPairs(mode: .full, limit: 4, defaultColors: true)
        var terminal = Definitions()
        for colour in [196, 21, 46] { _ = pairs.pair(for: style(colour, nil)) { terminal.define($0, $1, $2) } }
        XCTAssertFalse(pairs.isExhausted)
        // 160 #d70000 is nearest red #ff0000; 19 #0000af nearest blue; 34 #00af00 nearest green.
        XCTAssertEqual(pairs.pair(for: style(160, nil)) { terminal.define($0, $1, $2) }, 1)
        XCTAssertTrue(pairs.isExhausted)
        XCTAssertEqual(pairs.pair(for: style(19, nil)) { terminal.define($0, $1, $2) }, 2)
        XCTAssertEqual(pairs.pair(for: style(34, nil)) { terminal.define($0, $1, $2) }, 3)
        // Red on a blue background: no made pair has a background, so keeping the terminal's
        // background beats any colour: red text on the default background.
        XCTAssertEqual(pairs.pair(for: style(196, 21)) { terminal.define($0, $1, $2) }, 1)
        // A background alone: pair 0 keeps the default foreground, which none of 1–3 does.
        XCTAssertEqual(pairs.pair(for: style(nil, 21)) { terminal.define($0, $1, $2) }, 0)
        XCTAssertEqual(terminal.made.map(\.pair), [1, 2, 3], "pair 4 is beyond the limit: never asked for")
    }

    func testARefusedPairEndsTheTableAndFallsBack() {
        var pairs = ColorPairs(mode: .full, limit: 256, defaultColors: true)
        var terminal = Definitions(refused: [2])
        XCTAssertEqual(pairs.pair(for: style(196, nil)) { terminal.define($0, $1, $2) }, 1)
        XCTAssertEqual(pairs.pair(for: style(160, nil)) { terminal.define($0, $1, $2) }, 1, "refused: the nearest, red")
        XCTAssertEqual(pairs.pair(for: style(21, nil)) { terminal.define($0, $1, $2) }, 1, "no more are asked for")
        XCTAssertEqual(terminal.made.map(\.pair), [1, 2])
        XCTAssertEqual(pairs.count, 1)
    }

    /// A plain `xterm`'s 64 pairs and a frame of 300 distinct combinations of the heat map's
    /// shades: 63 pairs made, every answer within the limit, the same answer every time, and each
    /// substitute no farther (sum of squared RGB distances) than any made pair.
    func testThreeHundredCombinationsOnSixtyFourPairs() {
        var pairs = ColorPairs(mode: .full, limit: 64, defaultColors: true)
        var terminal = Definitions()
        // The heat map's distinct shade colours and a spread of the cube and the greys.
        let shades = Array(Set(ShadeScale.paletteIndices.map(Int.init) + Array(stride(from: 16, to: 256, by: 24)))).sorted()
        XCTAssertGreaterThanOrEqual(shades.count * shades.count, 300)
        var combinations: [(Int, Int)] = []
        for foreground in shades { for background in shades where combinations.count < 300 { combinations.append((foreground, background)) } }
        XCTAssertEqual(Set(combinations.map { "\($0.0),\($0.1)" }).count, 300, "distinct")
        var answers: [Int32] = []
        for (foreground, background) in combinations {
            answers.append(pairs.pair(for: style(foreground, background)) { terminal.define($0, $1, $2) })
        }
        XCTAssertTrue(answers.allSatisfy { (0..<64).contains($0) })
        XCTAssertEqual(terminal.made.map(\.pair), Array(1...63), "pairs 1–63, each once, none after the limit")
        XCTAssertEqual(pairs.count, 63)
        func rgb(_ index: Int16) -> (Int, Int, Int) {
            let color = XTermPalette.rgb(ofIndex: Int(index))  // all colours here are 16...255
            return (color.red, color.green, color.blue)
        }
        func distance(_ a: (Int16, Int16), _ b: (Int16, Int16)) -> Int {
            let (f1, f2, b1, b2) = (rgb(a.0), rgb(b.0), rgb(a.1), rgb(b.1))
            let df = (f1.0 - f2.0) * (f1.0 - f2.0) + (f1.1 - f2.1) * (f1.1 - f2.1) + (f1.2 - f2.2) * (f1.2 - f2.2)
            let db = (b1.0 - b2.0) * (b1.0 - b2.0) + (b1.1 - b2.1) * (b1.1 - b2.1) + (b1.2 - b2.2) * (b1.2 - b2.2)
            return df + db
        }
        let made = terminal.made.map { ($0.foreground, $0.background) }
        for (index, (foreground, background)) in combinations.enumerated() {
            let wanted = (Int16(foreground), Int16(background))
            let answer = answers[index]
            XCTAssertEqual(pairs.pair(for: style(foreground, background)) { terminal.define($0, $1, $2) }, answer, "stable")
            XCTAssertNotEqual(answer, 0, "pair 0 (default on default) is farther than any made pair")
            let best = made.map { distance(wanted, $0) }.min()!
            XCTAssertEqual(distance(wanted, made[Int(answer) - 1]), best, "\(wanted) got pair \(answer)")
            if index < 63 { XCTAssertEqual(made[Int(answer) - 1].0, wanted.0); XCTAssertEqual(made[Int(answer) - 1].1, wanted.1) }
        }
        XCTAssertEqual(terminal.made.count, 63, "asking again made nothing")
    }
}
