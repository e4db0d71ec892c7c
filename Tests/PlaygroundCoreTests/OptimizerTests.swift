import XCTest
@testable import PlaygroundCore

/// Each rule's step worked by hand (the numbers below are written out, not computed by the
/// code under test), then on a 2D bowl where the variations must do what they are known for.
final class OptimizerTests: XCTestCase {
    /// Two steps on one parameter with gradients 1 then 0.5, lr 0.1.
    func run(_ kind: Optimizer.Kind, momentum: Double = 0.9) -> (first: Double, second: Double, state: (Double, Double)) {
        let optimizer = Optimizer(kind, momentum: momentum)
        var m = 0.0, s = 0.0
        let a = optimizer.step(1, first: &m, second: &s, Optimizer.Update(learningRate: 0.1, t: 1))
        let b = optimizer.step(0.5, first: &m, second: &s, Optimizer.Update(learningRate: 0.1, t: 2))
        return (a, b, (m, s))
    }

    func testSGDStepsLearningRateTimesGradient() {
        let r = run(.sgd)
        assertClose(r.first, 0.1, relative: 1e-15)
        assertClose(r.second, 0.05, relative: 1e-15)
    }

    func testMomentumAccumulatesVelocity() {
        // v1 = 1, step 0.1; v2 = 0.9·1 + 0.5 = 1.4, step 0.14.
        let r = run(.momentum)
        assertClose(r.first, 0.1, relative: 1e-15)
        assertClose(r.second, 0.14, relative: 1e-15)
        assertClose(r.state.0, 1.4, relative: 1e-15)
        // β = 0.5: v2 = 0.5 + 0.5 = 1, step 0.1.
        assertClose(run(.momentum, momentum: 0.5).second, 0.1, relative: 1e-15)
    }

    func testNesterovLooksAhead() {
        // v1 = 1, step 0.1·(1 + 0.9) = 0.19; v2 = 1.4, step 0.1·(0.5 + 1.26) = 0.176.
        let r = run(.nesterov)
        assertClose(r.first, 0.19, relative: 1e-15)
        assertClose(r.second, 0.176, relative: 1e-15)
    }

    func testRMSPropDividesByTheRootMeanSquare() {
        // s1 = 0.1, step 0.1 / (√0.1 + 1e-8) = 0.31622766...; s2 = 0.09 + 0.025 = 0.115,
        // step 0.05 / √0.115 = 0.14744195...
        let r = run(.rmsprop)
        assertClose(r.first, 0.1 / (0.31622776601683794 + 1e-8), relative: 1e-15)
        assertClose(r.second, 0.05 / (0.33911649915626340 + 1e-8), relative: 1e-14)
        assertClose(r.state.1, 0.115, relative: 1e-15)
    }

    func testAdamCorrectsItsBias() {
        // t = 1: m = 0.1, s = 0.001, m̂ = 1, ŝ = 1: step 0.1 / (1 + 1e-8).
        // t = 2: m = 0.09 + 0.05 = 0.14, s = 0.000999 + 0.00025 = 0.001249;
        // m̂ = 0.14 / 0.19 = 0.73684210526, ŝ = 0.001249 / 0.001999 = 0.62481240620;
        // step 0.1 · 0.73684210526 / (0.79045076... + 1e-8) = 0.0932180...
        let r = run(.adam)
        assertClose(r.first, 0.1 / (1 + 1e-8), relative: 1e-14)
        assertClose(r.state.0, 0.14, relative: 1e-14)
        assertClose(r.state.1, 0.001249, relative: 1e-12)
        assertClose(r.second, 0.1 * (0.14 / 0.19) / ((0.001249 / 0.001999).squareRoot() + 1e-8), relative: 1e-13)
        assertClose(r.second, 0.093218, absolute: 1e-6)
    }

    func testStateCountsMatchTheRules() {
        XCTAssertEqual(Optimizer.Kind.allCases.map(\.stateCount), [0, 1, 1, 1, 2])
        XCTAssertEqual(Optimizer.Kind(rawValue: "adam"), .adam)
    }

    /// On a badly scaled bowl f = x² + 25 y², from (3, 1) at lr 0.01 for 100 steps, momentum and
    /// Nesterov get far lower than plain gradient descent (its small steps crawl along x).
    func testVariationsBeatPlainDescentOnABadlyScaledBowl() {
        func loss(_ p: (Double, Double)) -> Double { p.0 * p.0 + 25 * p.1 * p.1 }
        func descend(_ kind: Optimizer.Kind) -> Double {
            let optimizer = Optimizer(kind)
            var p = (3.0, 1.0), m = (0.0, 0.0), s = (0.0, 0.0)
            for t in 1...100 {
                let update = Optimizer.Update(learningRate: 0.01, t: t)
                let g = (2 * p.0, 50 * p.1)
                p.0 -= optimizer.step(g.0, first: &m.0, second: &s.0, update)
                p.1 -= optimizer.step(g.1, first: &m.1, second: &s.1, update)
            }
            return loss(p)
        }
        let plain = descend(.sgd)
        XCTAssertLessThan(descend(.momentum), plain / 10)
        XCTAssertLessThan(descend(.nesterov), plain / 10)
    }

    /// Adam and RMSProp rescale each coordinate: on the same bowl their first steps are about lr
    /// along both axes although the gradients differ 25-fold (the y gradient is 50 vs 6).
    func testAdaptiveRulesStepEvenlyAcrossScales() {
        for kind in [Optimizer.Kind.adam, .rmsprop] {
            let optimizer = Optimizer(kind)
            var m = (0.0, 0.0), s = (0.0, 0.0)
            let update = Optimizer.Update(learningRate: 0.01, t: 1)
            let dx = optimizer.step(6, first: &m.0, second: &s.0, update)
            let dy = optimizer.step(50, first: &m.1, second: &s.1, update)
            assertClose(dx, dy, relative: 1e-6, "\(kind)")
            XCTAssertGreaterThan(dx, 0.009, "\(kind)")
        }
    }
}
