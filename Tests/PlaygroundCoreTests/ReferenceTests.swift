import Foundation
import XCTest
@testable import PlaygroundCore

/// Every reference file (`Tests/Fixtures/reference`, a copy of `../shared/reference`): the stream
/// and the initial weights exactly, the points within 1e-12, every loss within 1e-9 relative,
/// epochs 0 through 50.
final class ReferenceTests: XCTestCase {
    /// Where `../shared/reference` is beside the package (CI has it), the repository's copy must
    /// be the same files, byte for byte, so the fixtures never drift from the shared numbers.
    func testFixturesEqualTheSharedReferenceWhereItExists() throws {
        let fixtures = try FileManager.default.contentsOfDirectory(atPath: referenceFolder.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertGreaterThanOrEqual(fixtures.count, 9, "fixtures missing from \(referenceFolder.path)")
        guard let shared = sharedReferenceFolder else { return }  // a clone with nothing beside it
        let sharedNames = try FileManager.default.contentsOfDirectory(atPath: shared.path)
            .filter { $0.hasSuffix(".json") }.sorted()
        XCTAssertEqual(fixtures, sharedNames, "Tests/Fixtures/reference and ../shared/reference list different files")
        for name in sharedNames {
            let ours = try Data(contentsOf: referenceFolder.appendingPathComponent(name))
            let theirs = try Data(contentsOf: shared.appendingPathComponent(name))
            XCTAssertEqual(ours, theirs, "\(name) differs from ../shared/reference/\(name): copy it again")
        }
    }

    func testStreamStartsAsSpecified() {
        var random = SeededRandom(seed: "0.12345")
        XCTAssertEqual(random.nextDouble(), 0.9152007406557323)
        XCTAssertEqual(random.nextDouble(), 0.4702753218035592)
        XCTAssertEqual(random.nextDouble(), 0.2736265229359467)
    }

    func testKeyIsUTF16CodeUnitsMaskedTo8Bits() {
        XCTAssertEqual(SeededRandom.key(for: "0.12345"), [48, 46, 49, 50, 51, 52, 53])
        XCTAssertEqual(SeededRandom.key(for: "\u{0141}"), [0x41])  // Ł is U+0141
        XCTAssertEqual(SeededRandom.key(for: ""), [0])
    }

    func testLongSeedsFoldIntoTheKey() {
        // 300 characters: the last 44 fold into the first key bytes with the smear.
        // Expected values from ../shared/oracle/tfp_ref.c --rng 3 on the same seed.
        let seed = String(repeating: "abcdefghij", count: 30)
        var random = SeededRandom(seed: seed)
        XCTAssertEqual(SeededRandom.key(for: seed).count, 256)
        XCTAssertEqual(random.nextDouble(), LongSeed.first)
        XCTAssertEqual(random.nextDouble(), LongSeed.second)
        XCTAssertEqual(random.nextDouble(), LongSeed.third)
    }

    func testEveryReferenceFile() throws {
        for (name, reference) in try Reference.all() {
            try check(reference, name: name)
        }
    }

    private func check(_ reference: Reference, name: String) throws {
        let parsed = try PlaygroundState.parse(reference.state) { XCTFail("\(name): no seed"); return "" }
        XCTAssertEqual(parsed.warnings, [], name)
        let state = parsed.state

        var random = SeededRandom(seed: state.seed)
        for (index, expected) in reference.firstRandoms.enumerated() {
            XCTAssertEqual(random.nextDouble(), expected, "\(name): random \(index)")
        }

        var playground = Playground(state: state)
        for (set, points, expected) in [("train", playground.data.train, reference.train),
                                        ("test", playground.data.test, reference.test)] {
            XCTAssertEqual(points.count, expected.count, "\(name): \(set) count")
            for (index, (point, row)) in zip(points, expected).enumerated() {
                assertClose(point.x, row[0], absolute: 1e-12, "\(name) \(set)[\(index)].x")
                assertClose(point.y, row[1], absolute: 1e-12, "\(name) \(set)[\(index)].y")
                assertClose(point.label, row[2], absolute: 1e-12, "\(name) \(set)[\(index)].label")
            }
        }

        let network = playground.network
        XCTAssertEqual(network.layerCount - 1, reference.initialNetwork.count, "\(name): layers")
        for (offset, layer) in reference.initialNetwork.enumerated() {
            let l = offset + 1
            XCTAssertEqual(network.biases(ofLayer: l), layer.biases, "\(name): biases of layer \(l)")
            XCTAssertEqual(network.weights(ofLayer: l), layer.weights, "\(name): weights of layer \(l)")
        }

        for row in reference.loss {
            let epoch = Int(row[0])
            while playground.epoch < epoch { playground.step() }
            assertClose(playground.trainingLoss(), row[1], relative: 1e-9, "\(name): train loss, epoch \(epoch)")
            assertClose(playground.testLoss(), row[2], relative: 1e-9, "\(name): test loss, epoch \(epoch)")
        }
    }
}

/// The oracle's first three doubles for `"abcdefghij" × 30` (its seed buffer widened to hold it).
private enum LongSeed {
    static let first = 0.33732721695008527
    static let second = 0.047466749765207657
    static let third = 0.16729929099260574
}
