import XCTest
@testable import PlaygroundCore

/// Cross-entropy against its textbook form and against centred differences; the initialisers'
/// ranges and their use of the stream.
final class LossAndInitializationTests: XCTestCase {
    func testCrossEntropyEqualsTheTextbookForm() {
        for z in [-8.0, -4, -0.5, 0, 0.3, 2, 8] {  // where the textbook form is itself accurate
            for label in [-1.0, 1] {
                let p = 1 / (1 + exp(-z)), t = (label + 1) / 2
                let textbook = -(t * log(p) + (1 - t) * log(1 - p))
                assertClose(Loss.crossEntropyError(total: z, label: label), textbook, relative: 1e-9, absolute: 1e-12,
                            "z \(z) label \(label)")
            }
        }
        // Where the textbook form overflows, the stable form is still exact: E ≈ |z| when wrong.
        assertClose(Loss.crossEntropyError(total: -800, label: 1), 800, relative: 1e-15)
        XCTAssertEqual(Loss.crossEntropyError(total: 800, label: 1), 0)
    }

    func testCrossEntropyDerivativeMatchesCentredDifferences() {
        let h = 1e-6
        for z in [-6.0, -1, -0.1, 0, 0.2, 1.5, 7] {
            for label in [-1.0, 1] {
                let numeric = (Loss.crossEntropyError(total: z + h, label: label)
                    - Loss.crossEntropyError(total: z - h, label: label)) / (2 * h)
                assertClose(Loss.crossEntropyDerivative(total: z, label: label), numeric, relative: 1e-6, absolute: 1e-9,
                            "z \(z) label \(label)")
            }
        }
    }

    func testSquareErrorIsTFsExpression() {
        // 0.5 * (d * d), and ∂E/∂out = d, against centred differences.
        for (out, label) in [(0.3, 1.0), (-0.9, -1), (2.5, -1)] {
            let d = out - label
            XCTAssertEqual(Loss.squareError(output: out, label: label), 0.5 * (d * d))
            let h = 1e-6
            let numeric = (Loss.squareError(output: out + h, label: label) - Loss.squareError(output: out - h, label: label)) / (2 * h)
            assertClose(Loss.squareDerivative(output: out, label: label), numeric, relative: 1e-7)
        }
    }

    func testInitialisersStayInTheirRangesAndUseOneDrawPerWeight() {
        XCTAssertEqual(Initialization.tf.limit(fanIn: 2, fanOut: 4), 0.5)
        assertClose(Initialization.xavier.limit(fanIn: 2, fanOut: 4), 1, relative: 1e-15)  // √(6/6)
        assertClose(Initialization.he.limit(fanIn: 6, fanOut: 1), 1, relative: 1e-15)  // √(6/6)
        assertClose(Initialization.he.limit(fanIn: 24, fanOut: 8), 0.5, relative: 1e-15)
        for rule in Initialization.allCases {
            let a = rule.limit(fanIn: 7, fanOut: 8)
            var random = SeededRandom(seed: "init")
            var low = Double.infinity, high = -Double.infinity, sum = 0.0
            for _ in 0..<20_000 {
                let w = rule.weight(draw: random.nextDouble(), limit: a)
                low = min(low, w); high = max(high, w); sum += w * w
            }
            XCTAssertGreaterThanOrEqual(low, -a, "\(rule)")
            XCTAssertLessThan(high, a, "\(rule)")
            XCTAssertLessThan(low, -0.99 * a, "\(rule): the interval is used whole")
            XCTAssertGreaterThan(high, 0.99 * a, "\(rule)")
            assertClose(sum / 20_000, a * a / 3, relative: 0.03, "\(rule): variance of U(−a, a) is a²/3")
        }
        XCTAssertEqual(Initialization.tf.weight(draw: 0.75, limit: 0.5), 0.25)
        XCTAssertEqual(Initialization.tf.weight(draw: 0.1, limit: 0.5), 0.1 - 0.5, "TF's own expression")
        XCTAssertEqual(Initialization.tf.bias, 0.1)
        XCTAssertEqual(Initialization.xavier.bias, 0)
    }
}
