import XCTest
@testable import PlaygroundCore

/// The sweep's pieces in Core: the plan's runs, the stop condition and outcome, and the summary's
/// statistics against hand computations.
final class SweepTests: XCTestCase {
    func state(_ text: String) throws -> PlaygroundState { try PlaygroundState.parse(text) { "unused" }.state }

    // MARK: Quantiles, by hand

    /// Type 7: h = (n − 1)p, Q = x⌊h⌋ + (h − ⌊h⌋)(x⌊h⌋₊₁ − x⌊h⌋).
    func testQuartilesOfAnOddAndAnEvenCountAgreeWithAHandComputation() throws {
        // 1 3 4 7 10: h = 1, 2, 3 fall on values.
        let odd = try XCTUnwrap(Quartiles([7, 1, 3, 10, 4]))
        XCTAssertEqual([odd.lower, odd.median, odd.upper], [3, 4, 7])
        // 1 2 4 8: h = 0.75 → 1 + 0.75·1; h = 1.5 → 2 + 0.5·2; h = 2.25 → 4 + 0.25·4.
        let even = try XCTUnwrap(Quartiles([8, 4, 2, 1]))
        XCTAssertEqual([even.lower, even.median, even.upper], [1.75, 3, 5])
        // One value is every quantile; none is no quantile.
        let one = try XCTUnwrap(Quartiles([42]))
        XCTAssertEqual([one.lower, one.median, one.upper], [42, 42, 42])
        XCTAssertNil(Quartiles([]))
        XCTAssertEqual(Quantile.of(sorted: [1, 2, 4, 8], 0), 1)
        XCTAssertEqual(Quantile.of(sorted: [1, 2, 4, 8], 1), 8)
    }

    /// "Never" (+∞) sorts last; a quantile that would interpolate towards it is +∞; NaN counts as +∞.
    func testNeverSortsLastAndIsNotInterpolated() throws {
        // 5 9 ∞ ∞: h = 0.75 → 5 + 0.75·4 = 8; h = 1.5 lies between 9 and ∞.
        let quartiles = try XCTUnwrap(Quartiles([.infinity, 9, .nan, 5]))
        XCTAssertEqual(quartiles.lower, 8)
        XCTAssertEqual(quartiles.median, .infinity)
        XCTAssertEqual(quartiles.upper, .infinity)
    }

    /// Four runs worked through by hand: epochs to target 12, never, 30, 7; final test losses
    /// 0.1, NaN (diverged), 0.3, 0.2.
    func testASettingsSummaryAgreesWithAHandComputation() throws {
        func outcome(_ toTarget: Int?, _ finalTest: Double) -> RunOutcome {
            RunOutcome(epochs: 50, epochsToTarget: toTarget, best: nil, finalTrainLoss: 0.1, finalTestLoss: finalTest)
        }
        let summary = SettingSummary([outcome(12, 0.1), outcome(nil, .nan), outcome(30, 0.3), outcome(7, 0.2)], hasTarget: true)
        XCTAssertEqual(summary.runs, 4)
        XCTAssertEqual(summary.reached, 3)
        XCTAssertEqual(summary.diverged, 1)
        // 7 12 30 ∞: q1 h = 0.75 → 7 + 0.75·5 = 10.75; median h = 1.5 → 12 + 0.5·18 = 21; q3 between 30 and ∞.
        let epochs = try XCTUnwrap(summary.epochsToTarget)
        XCTAssertEqual(epochs.lower, 10.75)
        XCTAssertEqual(epochs.median, 21)
        XCTAssertEqual(epochs.upper, .infinity)
        // 0.1 0.2 0.3 ∞: the median is (0.2 + 0.3) / 2, as type 7 computes it.
        XCTAssertEqual(summary.medianFinalTestLoss, 0.2 + 0.5 * (0.3 - 0.2))
        XCTAssertNil(SettingSummary([outcome(nil, 0.1)], hasTarget: false).epochsToTarget)
    }

    // MARK: The plan

    func testRunsAreEveryCombinationFirstKeyOutermostThenTheSeeds() throws {
        let base = try state("seed=abc&networkShape=2")
        let plan = try SweepPlan(base: base, variations: [("activation", ["relu", "tanh"]), ("learningRate", ["0.10", "0.3"])],
                                 seedCount: 2)
        XCTAssertEqual(plan.runCount, 8)
        XCTAssertEqual(plan.variations[1].values, ["0.1", "0.3"], "values are kept as the key writes them")
        let described = plan.runs.map { "\($0.state.activation.rawValue) \($0.state.learningRate) \($0.state.seed)" }
        XCTAssertEqual(described, ["relu 0.1 abc-1", "relu 0.1 abc-2", "relu 0.3 abc-1", "relu 0.3 abc-2",
                                   "tanh 0.1 abc-1", "tanh 0.1 abc-2", "tanh 0.3 abc-1", "tanh 0.3 abc-2"])
        XCTAssertEqual(plan.runs.map(\.settingIndex), [0, 0, 1, 1, 2, 2, 3, 3])
        XCTAssertEqual(plan.runs.map(\.seedNumber), [1, 2, 1, 2, 1, 2, 1, 2])
        XCTAssertEqual(plan.label(ofSetting: 2), "activation=tanh learningRate=0.1")
        // Everything else is the base state's: the link of run 6 is the base's with two keys changed.
        var expected = base
        expected.activation = .tanh
        expected.learningRate = 0.3
        expected.seed = "abc-1"
        XCTAssertEqual(plan.run(6).state, expected)
    }

    func testNetworkShapesAndValuesTFLeavesOutOfALinkCanBeVaried() throws {
        let plan = try SweepPlan(base: try state("seed=1"), variations: [("networkShape", ["8,8", "", "3"]),
                                                                          ("regularization", ["none", "L2"])], seedCount: 1)
        XCTAssertEqual(plan.runs.map(\.state.networkShape), [[8, 8], [8, 8], [], [], [3], [3]])
        XCTAssertEqual(plan.runs.map(\.state.regularization), [.none, .l2, .none, .l2, .none, .l2])
    }

    /// Runs side by side from the playground's own start: the base seed kept, or the seed varied.
    func testSeedsAsGivenKeepTheBaseSeedOrTheVariedOne() throws {
        let base = try state("seed=abc")
        let kept = try SweepPlan(base: base, variations: [("activation", ["relu", "tanh"])], seeding: .asGiven)
        XCTAssertEqual(kept.runs.map(\.state.seed), ["abc", "abc"])
        XCTAssertEqual(kept.runs.map(\.state.activation), [.relu, .tanh])
        let seeds = try SweepPlan(base: base, variations: [("seed", ["x", "y", "z"])], seeding: .asGiven)
        XCTAssertEqual(seeds.runs.map(\.state.seed), ["x", "y", "z"])
        XCTAssertEqual(seeds.runCount, 3)
    }

    func testBadVariationsAreRefusedNamingTheKeyOrValue() throws {
        let base = try state("seed=1")
        func refusal(_ variations: [(key: String, values: [String])], seeds: Int = 1) -> String? {
            do {
                _ = try SweepPlan(base: base, variations: variations, seedCount: seeds)
                return nil
            } catch {
                return error.message
            }
        }
        XCTAssertEqual(refusal([("activaton", ["relu"])]),
                       "--vary: unknown key \"activaton\" (a state key, e.g. activation, learningRate, networkShape)")
        XCTAssertEqual(refusal([("activation", [])]), "--vary: \"activation\": no values (e.g. --vary activation=a,b)")
        XCTAssertEqual(refusal([("activation", ["relu", "gelu"])])?.hasPrefix("--vary: activation: bad value \"gelu\"; expected one of relu"), true)
        XCTAssertEqual(refusal([("activation", ["relu", ""])])?.hasPrefix("--vary: activation: bad value \"\""), true)
        XCTAssertEqual(refusal([("learningRate", ["0.1", "0.10"])]), "--vary: learningRate: \"0.10\" listed twice")
        XCTAssertEqual(refusal([("activation", ["relu"]), ("activation", ["tanh"])]),
                       "--vary: \"activation\" given twice (one --vary per key, its values joined by ',')")
        XCTAssertEqual(refusal([("seed", ["1", "2"])]), "--vary: \"seed\" cannot be varied: the seeds come from --seeds")
        XCTAssertEqual(refusal([], seeds: 0), "--seeds: 0: expected a whole number of at least 1")
        XCTAssertNil(refusal([("activation", ["relu"])]))
    }

    // MARK: Stop condition and outcome

    /// The outcome against the plain engine: a playground stepped epoch by epoch, every test loss
    /// read, the first at or under the target found by a loop of the test's own.
    func testTheOutcomeIsWhatTheEngineGivesEpochByEpoch() throws {
        let start = Playground(state: try state("seed=0.5&networkShape=3&activation=relu"))
        var plain = start
        var losses = [plain.testLoss()]
        for _ in 0..<40 {
            plain.step()
            losses.append(plain.testLoss())
        }
        let target = losses[25]  // reached at epoch 25 at the latest
        let firstReached = try XCTUnwrap(losses.firstIndex { $0 <= target })
        let lowest = try XCTUnwrap(losses.min())

        var trained = start
        let outcome = trained.train(until: StopCondition(epochs: 40, targetTestLoss: target))
        XCTAssertEqual(outcome.epochs, 40)
        XCTAssertEqual(outcome.epochsToTarget, firstReached)
        XCTAssertEqual(outcome.best, RunOutcome.Best(epoch: losses.firstIndex(of: lowest)!, testLoss: lowest))
        XCTAssertEqual(outcome.finalTestLoss.bitPattern, losses[40].bitPattern)
        XCTAssertEqual(outcome.finalTrainLoss.bitPattern, plain.trainingLoss().bitPattern)
        XCTAssertEqual(trained.network, plain.network, "reading the losses changes nothing the engine computes")
        XCTAssertFalse(outcome.diverged)

        var stopping = start
        let stopped = stopping.train(until: StopCondition(epochs: 40, targetTestLoss: target, stopsAtTarget: true))
        XCTAssertEqual(stopped.epochs, firstReached)
        XCTAssertEqual(stopping.epoch, firstReached)
        XCTAssertEqual(stopped.finalTestLoss.bitPattern, losses[firstReached].bitPattern)
    }

    /// A learning rate far too large: the losses become NaN or infinite, the run says diverged.
    func testARunWhoseLossesBlowUpSaysDiverged() throws {
        var playground = Playground(state: try state("seed=1&learningRate=10&activation=relu&networkShape=8,8&problem=regression"))
        let outcome = playground.train(until: StopCondition(epochs: 60, targetTestLoss: 0.01))
        XCTAssertTrue(outcome.diverged, "\(outcome)")
        XCTAssertFalse(outcome.finalTestLoss.isFinite && outcome.finalTrainLoss.isFinite)
        let zero = Playground(state: try state("seed=1"))
        var untrained = zero
        let none = untrained.train(until: StopCondition(epochs: 0))
        XCTAssertEqual(none.epochs, 0)
        XCTAssertEqual(none.best?.epoch, 0)
        XCTAssertEqual(none.finalTestLoss, zero.testLoss())
    }
}
