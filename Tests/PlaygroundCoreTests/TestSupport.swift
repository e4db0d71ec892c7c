import Foundation
import XCTest
@testable import PlaygroundCore

/// Approximate equality in one place: |a - b| <= absolute + relative · max(|a|, |b|).
func assertClose(_ a: Double, _ b: Double, relative: Double = 0, absolute: Double = 0,
                 _ message: @autoclosure () -> String = "", file: StaticString = #filePath, line: UInt = #line) {
    let tolerance = absolute + relative * max(abs(a), abs(b))
    if !(abs(a - b) <= tolerance) {
        XCTFail("\(a) vs \(b): differ by \(abs(a - b)) > \(tolerance). \(message())", file: file, line: line)
    }
}

/// The package root, from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

/// The reference numbers the tests need, kept in the repository (`Tests/Fixtures/reference`,
/// a copy of `../shared/reference`) so that a clone with nothing beside it tests itself.
var referenceFolder: URL { packageRoot.appendingPathComponent("Tests/Fixtures/reference") }

/// `../shared/reference` beside the package, where CI has it (nil elsewhere).
var sharedReferenceFolder: URL? {
    let folder = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/reference")
    return FileManager.default.fileExists(atPath: folder.path) ? folder : nil
}

/// One reference file (see `../shared/reference/README.md`).
struct Reference: Decodable {
    struct Layer: Decodable {
        let biases: [Double]
        let weights: [[Double]]
    }
    let state: String
    let firstRandoms: [Double]
    let train: [[Double]]
    let test: [[Double]]
    let initialNetwork: [Layer]
    let loss: [[Double]]

    static func all(file: StaticString = #filePath, line: UInt = #line) throws -> [(name: String, reference: Reference)] {
        let folder = referenceFolder
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else {
            XCTFail("reference folder missing: expected \(folder.path) (Tests/Fixtures/reference in the repository)", file: file, line: line)
            return []
        }
        let files = names.filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertFalse(files.isEmpty, "no reference files in \(folder.path)", file: file, line: line)
        return try files.map { name in
            let data = try Data(contentsOf: folder.appendingPathComponent(name))
            return (name, try JSONDecoder().decode(Reference.self, from: data))
        }
    }
}

/// Parses a state that must be valid; a test's own states always carry a seed.
func state(_ text: String) throws -> PlaygroundState {
    try PlaygroundState.parse(text) { "0.12345" }.state
}

extension Network {
    /// Moves every parameter off its default, from a seeded stream: biases in ±0.5, PReLU slopes
    /// in [0.1, 0.4], weights in ±1.5, so that no derivative is checked at a special point.
    mutating func scrambleParameters(using random: inout SeededRandom) {
        for l in 1..<layerCount {
            for node in 0..<sizes[l] {
                setBias(random.uniform(-0.5, 0.5), layer: l, node: node)
                setSlope(random.uniform(0.1, 0.4), layer: l, node: node)
                for source in 0..<sizes[l - 1] {
                    setWeight(random.uniform(-1.5, 1.5), layer: l, node: node, source: source)
                }
            }
        }
    }
}
