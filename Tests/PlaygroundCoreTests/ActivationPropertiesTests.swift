import XCTest
@testable import PlaygroundCore

/// `Activation.properties` against the formulas themselves, sampled over z.
final class ActivationPropertiesTests: XCTestCase {
    let zs = stride(from: -15.0, through: 15.0, by: 0.125).map { $0 }

    func f(_ activation: Activation, _ z: Double) -> Double { activation.value(z) }
    func slope(_ activation: Activation, _ z: Double) -> Double { activation.derivative(total: z, output: activation.value(z)) }

    /// Zero-centred means odd: f(−z) = −f(z).
    func testZeroCentredMeansOdd() {
        for activation in Activation.allCases {
            let odd = zs.allSatisfy { abs(f(activation, -$0) + f(activation, $0)) <= 1e-12 }
            XCTAssertEqual(activation.properties.zeroCentred, odd, "\(activation)")
        }
    }

    /// Saturation: f' > 0 everywhere and below 0.01 far out on the side(s) named; ReLU's exact
    /// zero below 0 is dying, not saturating.
    func testSaturationSidesFollowTheDerivative() {
        for activation in Activation.allCases {
            let positive = zs.allSatisfy { slope(activation, $0) > 0 }
            let low = positive && slope(activation, -15) < 0.01, high = positive && slope(activation, 15) < 0.01
            let expected: ActivationProperties.Saturation = low && high ? .both : low ? .below : .none
            XCTAssertFalse(high && !low, "\(activation): no activation saturates above only")
            XCTAssertEqual(activation.properties.saturation, expected, "\(activation)")
        }
    }

    /// Can die: output and derivative exactly 0 for every z ≤ 0.
    func testCanDieMeansExactlyFlatBelowZero() {
        for activation in Activation.allCases {
            let flat = zs.filter { $0 <= 0 }.allSatisfy { f(activation, $0) == 0 && slope(activation, $0) == 0 }
            XCTAssertEqual(activation.properties.canDie, flat, "\(activation)")
        }
    }

    /// The range's ends: a finite end is approached within 1e-3 (reached when written "["),
    /// never passed; an infinite end is passed ±10 by z = ±15 (PReLU's slope 0.25: −3.75, so the
    /// check for −∞ is that f keeps falling with a slope at least 0.01).
    func testRangesHoldTheSampledValues() {
        for activation in Activation.allCases {
            let range = activation.properties.asciiRange
            let closedLow = range.hasPrefix("["), closedHigh = range.hasSuffix("]")
            let ends = range.dropFirst().dropLast().split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let values = zs.map { f(activation, $0) }
            let low = values.min()!, high = values.max()!
            switch ends[0] {
            case "-inf": XCTAssertGreaterThanOrEqual(slope(activation, -15), 0.01, "\(activation) falls without end")
            default:
                let bound = Double(ends[0])!
                XCTAssertEqual(low, bound, accuracy: 1e-3, "\(activation) low")
                XCTAssertTrue(closedLow ? low >= bound : low > bound, "\(activation) passes its lower end")
                if closedLow { XCTAssertEqual(low, bound) }
            }
            switch ends[1] {
            case "inf": XCTAssertGreaterThan(high, 10, "\(activation) high")
            default: XCTAssertEqual(high, Double(ends[1])!, accuracy: 1e-3, "\(activation) high")
            }
            XCTAssertEqual(closedHigh, false)
            XCTAssertEqual(activation.properties.range.replacingOccurrences(of: "∞", with: "inf"), range)
        }
    }

    func testTheSummaryLine() {
        XCTAssertEqual(Activation.tanh.properties.summary(), "range (-1, 1), zero-centred, saturates, cannot die")
        XCTAssertEqual(Activation.relu.properties.summary(unicode: false), "range [0, inf), not zero-centred, no saturation, can die")
        XCTAssertEqual(Activation.elu.properties.summary(), "range (-1, ∞), not zero-centred, saturates below 0, cannot die")
    }
}
