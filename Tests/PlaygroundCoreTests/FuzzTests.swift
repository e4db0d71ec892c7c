import Foundation
import XCTest
@testable import PlaygroundCore

/// A seeded fuzzer kept with the code, so every change is fuzzed too: inputs grown from the seeds
/// in `Tests/Fixtures/fuzz` by random edits (byte flips, cuts, repeats, splices, tokens that
/// matter to each reader), a fixed number per reader, the same inputs every run. Each reader must
/// either accept and round-trip, or refuse with one safe line; never crash or hang.
final class FuzzTests: XCTestCase {
    /// Inputs per reader; raise it locally (FUZZ_INPUTS=100000) for a longer hunt.
    static let inputs = ProcessInfo.processInfo.environment["FUZZ_INPUTS"].flatMap(Int.init) ?? 3000

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fuzz")

    /// SplitMix64: small, seeded, the same sequence everywhere.
    struct Generator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The seeds: one per line of `name`, or the whole file for a JSON one.
    func corpus(_ name: String, lines: Bool = true) throws -> [[UInt8]] {
        let bytes = Array(try Data(contentsOf: Self.folder.appendingPathComponent(name)))
        guard lines else { return [bytes] }
        return bytes.split(separator: UInt8(ascii: "\n")).map(Array.init)
    }

    /// `count` inputs grown from `seeds`, each edited 1 to 8 times.
    func inputs(from seeds: [[UInt8]], tokens: [String], count: Int, seed: UInt64) -> [[UInt8]] {
        var random = Generator(state: seed)
        let tokens = tokens.map { Array($0.utf8) } + [[0x1B], [0x07], [0xC2, 0x9B], [0xEF, 0xBB, 0xBF], [0xFF], [0], [0x0D, 0x0A],
                                                    Array("1e400".utf8), Array("-0".utf8), Array("9223372036854775808".utf8)]
        var result: [[UInt8]] = []
        for _ in 0..<count {
            var input = seeds.randomElement(using: &random)!
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                let at = Int.random(in: 0...input.count, using: &random)
                switch Int.random(in: 0..<7, using: &random) {
                case 0 where !input.isEmpty:  // flip a byte
                    let index = Int.random(in: 0..<input.count, using: &random)
                    input[index] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
                case 1:  // a token
                    input.insert(contentsOf: tokens.randomElement(using: &random)!, at: at)
                case 2:  // cut a stretch
                    let end = min(input.count, at + Int.random(in: 0...16, using: &random))
                    input.removeSubrange(at..<end)
                case 3:  // repeat a stretch
                    let end = min(input.count, at + Int.random(in: 0...8, using: &random))
                    let piece = Array(input[at..<end])
                    for _ in 0..<Int.random(in: 1...64, using: &random) { input.insert(contentsOf: piece, at: at) }
                case 4:  // a splice from another seed
                    let other = seeds.randomElement(using: &random)!
                    let start = Int.random(in: 0...other.count, using: &random)
                    input.insert(contentsOf: other[start..<min(other.count, start + Int.random(in: 0...32, using: &random))], at: at)
                case 5:  // cut short
                    input.removeSubrange(at...)
                default:  // a random byte
                    input.insert(UInt8.random(in: 0...255, using: &random), at: at)
                }
            }
            result.append(input)
        }
        return result
    }

    func assertOneSafeLine(_ message: String, _ input: [UInt8], file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertFalse(message.unicodeScalars.contains { $0 == "\n" || $0 == "\r" || $0.value == 0x1B || $0.value == 0x07 || (0x80...0x9F).contains($0.value) },
                       "\(message.debugDescription) for \(String(decoding: input, as: UTF8.self).debugDescription)", file: file, line: line)
    }

    func testTheStateString() throws {
        var accepted = 0
        for input in inputs(from: try corpus("state.txt"), tokens: ["&", "=", "#", "%1B", ",", "seed=", "networkShape=", "_hide=", "://"],
                            count: Self.inputs, seed: 1) {
            let text = String(decoding: input, as: UTF8.self)
            do {
                let state = try PlaygroundState.parse(text) { "0.5" }.state
                accepted += 1
                XCTAssertEqual(try PlaygroundState.parse(state.serialized) { "x" }.state, state, text.debugDescription)
                XCTAssertEqual(try PlaygroundState.parse(state.link) { "x" }.state, state, text.debugDescription)
                XCTAssertFalse(state.link.unicodeScalars.contains(where: UserText.isUnsafe))
            } catch {
                assertOneSafeLine(error.message, input)
            }
        }
        print("fuzz: state string: \(Self.inputs) inputs, \(accepted) accepted")
    }

    func testTheCSVReader() throws {
        var accepted = 0
        for input in inputs(from: try corpus("csv.txt"), tokens: ["\"", "\"\"", ",", "\n", "#", "x,y,label", "1e308", "nan", " "],
                            count: Self.inputs, seed: 2) {
            let text = String(decoding: input, as: UTF8.self)
            for problem in Problem.allCases {
                do {
                    let points = try DataFile.read(text, file: "f.csv", problem: problem).points
                    accepted += 1
                    XCTAssertTrue(points.allSatisfy { $0.x.isFinite && $0.y.isFinite && $0.label.isFinite && abs($0.x) <= 6 && abs($0.y) <= 6 })
                    let back = try DataFile.read(DataFile.write(points), file: "f.csv", problem: problem).points
                    XCTAssertEqual(back.map(\.x.bitPattern), points.map(\.x.bitPattern))
                    XCTAssertEqual(back.map(\.label.bitPattern), points.map(\.label.bitPattern))
                } catch {
                    assertOneSafeLine(error.description, input)
                }
            }
        }
        print("fuzz: CSV reader: \(Self.inputs) inputs (each as classification and regression), \(accepted) accepted")
    }

    /// Whatever loads saves again and loads again as the same playground.
    func testTheSessionReader() throws {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        var accepted = 0, named = 0
        let count = Self.inputs / 3
        for input in inputs(from: try corpus("session.json", lines: false), tokens: ["-1", "1.5", "0", "[]", "{}", "null", "\"NaN\"", ",", "]", "}"],
                            count: count, seed: 3) {
            if let problem = Session.numberProblem(in: input) { assertOneSafeLine(problem, input); named += 1 }
            guard let session = try? decoder.decode(Session.self, from: Data(input)) else { continue }
            do {
                let playground = try Playground(session: session)
                accepted += 1
                let again = try decoder.decode(Session.self, from: encoder.encode(Session(playground, losses: session.losses)))
                XCTAssertNoThrow(try Playground(session: again))
            } catch {
                assertOneSafeLine("\(error)", input)
            }
        }
        print("fuzz: session reader: \(count) inputs, \(named) named by the number walk, \(accepted) restored")
    }

    func testTheExpressionParser() throws {
        var accepted = 0
        for input in inputs(from: try corpus("expression.txt"), tokens: ["(", ")", "^", "-", "*", "/", ",", "=", "max(", "exp(", "1e999", "x"],
                            count: Self.inputs, seed: 4) {
            let text = String(decoding: input, as: UTF8.self)
            do {
                _ = try ScalarExpression.parse(text)
                accepted += 1
            } catch {
                assertOneSafeLine(error.description, input)
            }
            do {
                _ = try ExpressionValues.parse(text)
            } catch {
                assertOneSafeLine(error.description, input)
            }
        }
        print("fuzz: expression parser: \(Self.inputs) inputs, \(accepted) accepted")
    }

    /// Nesting far deeper than anyone types: refused or read, never a stack overflow.
    func testDeepNesting() throws {
        let depth = 100_000
        let expression = String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth)
        do { _ = try ScalarExpression.parse(expression) } catch { assertOneSafeLine(error.description, []) }
        do { _ = try ScalarExpression.parse(String(repeating: "-", count: depth) + "x") } catch { assertOneSafeLine(error.description, []) }
        do { _ = try ScalarExpression.parse(String(repeating: "x^", count: depth) + "x") } catch { assertOneSafeLine(error.description, []) }
        XCTAssertEqual(Session.numberProblem(in: Array(String(repeating: "[", count: depth).utf8)),
                       "not a complete JSON document (cut short, or not a session file)")
        let json = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        XCTAssertNil(try? JSONDecoder().decode(Session.self, from: Data(json.utf8)))
    }
}
