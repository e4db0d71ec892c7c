import Foundation
import XCTest
@testable import PlaygroundCore

/// The history of a run: continuing from a kept epoch equals never having stopped, bit for bit;
/// the spacing rule and the memory it takes; branches, ghosts and the same start.
final class HistoryTests: XCTestCase {
    func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

    /// 250 training points in batches of 7 leave 5 pending after each epoch; L1 at this rate
    /// kills links within the first epochs.
    func settings(_ optimizer: Optimizer.Kind) throws -> PlaygroundState {
        try state("optimizer=\(optimizer.rawValue)&batchSize=7&regularization=L1&regularizationRate=0.03"
                  + "&learningRate=0.1&networkShape=3,2&seed=0.5&xSquared=true&activation=relu")
    }

    /// Both losses after every epoch of a run without history, from epoch `from` to `to`.
    func losses(_ playground: inout Playground, to last: Int) -> [[UInt64]] {
        var rows: [[UInt64]] = []
        while playground.epoch < last {
            playground.step()
            rows.append([playground.trainingLoss().bitPattern, playground.testLoss().bitPattern])
        }
        return rows
    }

    /// For every optimizer: a run recorded to epoch 12, branched back to epoch 5 (a partial batch
    /// pending, links dead, moments set) and trained on to 12, gives every loss of epochs 6 to 12
    /// and the final parameters and training state bit for bit as a run that never recorded.
    func testContinuingFromAKeptEpochEqualsAnUninterruptedRun() throws {
        let (branchAt, last) = (5, 12)
        for optimizer in Optimizer.Kind.allCases {
            var straight = Playground(state: try settings(optimizer))
            _ = losses(&straight, to: branchAt)
            let expected = losses(&straight, to: last)

            var recorded = Playground(state: try settings(optimizer))
            recorded.recordsHistory = true
            recorded.step(epochs: last)
            XCTAssertEqual(recorded.network, straight.network, "\(optimizer): recording changes no number")
            try recorded.branch(fromKept: branchAt)
            XCTAssertEqual(recorded.epoch, branchAt)
            XCTAssertEqual(recorded.training.accumulatedExamples, 5, "\(optimizer): the partial batch is back")
            XCTAssertEqual(recorded.training.updateCount, branchAt * 35, "\(optimizer): 35 updates an epoch")
            XCTAssertTrue(recorded.training.deadLinks.contains(1), "\(optimizer): a link L1 killed")
            let moments = recorded.training.firstMoments + recorded.training.secondMoments
            XCTAssertEqual(moments.contains { $0 != 0 }, optimizer != .sgd, "\(optimizer): the moments are back")
            XCTAssertEqual(recorded.history.keptEpochs, Array(0...branchAt), "\(optimizer): later snapshots dropped")
            let continued = losses(&recorded, to: last)
            XCTAssertEqual(continued, expected, "\(optimizer): every loss of epochs 6 to 12")
            XCTAssertEqual(bits(recorded.network.parameters), bits(straight.network.parameters), "\(optimizer)")
            XCTAssertEqual(recorded.training, straight.training, "\(optimizer)")
        }
    }

    /// Far back, among the thinned epochs: 700 epochs recorded, epoch 300 (age 400: every 2nd
    /// epoch kept) restored, and the run to 700 again gives the same losses.
    func testContinuingFromAThinnedEpochEqualsAnUninterruptedRun() throws {
        var straight = Playground(state: try settings(.adam))
        straight.step(epochs: 300)
        let expected = losses(&straight, to: 310)
        var recorded = Playground(state: try settings(.adam))
        recorded.recordsHistory = true
        recorded.step(epochs: 700)
        XCTAssertFalse(recorded.history.contains(301), "odd epochs of age 256 to 511 are dropped")
        XCTAssertThrowsError(try recorded.branch(fromKept: 301)) { error in
            XCTAssertEqual("\(error)", "epoch 301 is not kept; the nearest kept epochs are 300 and 302")
        }
        XCTAssertEqual(recorded.epoch, 700, "a refused branch changes nothing")
        try recorded.branch(fromKept: 300)
        XCTAssertEqual(losses(&recorded, to: 310), expected)
    }

    /// The spacing rule, recorded for 100,000 epochs of the largest network (all 7 features,
    /// 6 hidden layers of 8): the last 256 epochs all kept, then every 2^j-th epoch at level j;
    /// 256 + 8 full levels of 128 + 68 multiples of 512 in 0...34,464 = 1,348 epochs. Memory from
    /// the stored element counts: 384 weights and 56 nodes, so 496 parameters; a slot holds
    /// 4 · 496 doubles, 384 flags and 5 numbers: 16,296 bytes. Well under 64 MiB.
    func testTheSpacingRuleAndTheMemoryItTakesForTheLargestNetworkAt100000Epochs() throws {
        let largest = try state("networkShape=8,8,8,8,8,8&x=true&y=true&xSquared=true&ySquared=true"
                                + "&xTimesY=true&sinX=true&sinY=true&seed=0.5")
        let playground = Playground(state: largest)
        var history = History()
        let epochs = 100_000
        var maximumKept = 0
        for epoch in 0...epochs {
            history.record(playground.network, playground.training, epoch: epoch)
            maximumKept = max(maximumKept, history.count)
        }
        let kept = history.keptEpochs
        XCTAssertEqual(kept.count, 1348)
        XCTAssertEqual(Array(kept.suffix(256)), Array((epochs - 255)...epochs), "every epoch of the last 256")
        XCTAssertEqual(kept.first, 0, "the start stays")
        func level(_ epoch: Int) -> Int { Int(log2(Double(epochs - epoch) / 256)) + 1 }
        for (older, newer) in zip(kept, kept.dropFirst()) where epochs - newer >= 256 {
            XCTAssertEqual(newer % (1 << level(newer)), 0, "epoch \(newer), age \(epochs - newer)")
            XCTAssertLessThanOrEqual(newer - older, 1 << level(older), "no gap wider than the older one's spacing at \(newer)")
        }
        XCTAssertEqual(history.parameterCount, 496)
        XCTAssertEqual(history.weightCount, 384)
        let slotBytes = 4 * 496 * 8 + 384 + 5 * 8
        XCTAssertEqual(slotBytes, 16_296)
        XCTAssertGreaterThanOrEqual(history.slotCount, maximumKept)
        XCTAssertLessThanOrEqual(history.slotCount, maximumKept + maximumKept / 8 + 64, "the pool grows by chunks")
        XCTAssertEqual(history.storedBytes, history.slotCount * slotBytes + 8 * (2 * history.count + history.freeSlots.count))
        XCTAssertLessThanOrEqual(history.allocatedBytes, 64 << 20, "\(history.allocatedBytes) bytes")
        print("history of the largest network at 100,000 epochs: \(kept.count) kept, \(history.slotCount) slots,",
              "\(history.storedBytes) bytes stored, \(history.allocatedBytes) allocated")
    }

    /// In the steady state a record reuses a dropped epoch's slot: 3,000 more epochs after
    /// 10,000 (each one kept, one older dropped) leave the pool and its storage as they were.
    func testRecordingReusesSlotsInsteadOfAllocating() throws {
        let playground = Playground(state: try state("networkShape=8,8,8&seed=0.5"))
        var history = History()
        for epoch in 0...10_000 { history.record(playground.network, playground.training, epoch: epoch) }
        let (slots, bytes, kept) = (history.slotCount, history.allocatedBytes, history.count)
        for epoch in 10_001...13_000 { history.record(playground.network, playground.training, epoch: epoch) }
        XCTAssertEqual(history.slotCount, slots)
        XCTAssertEqual(history.allocatedBytes, bytes)
        XCTAssertLessThanOrEqual(history.count - kept, 64, "a few more kept as the run grows (log-spaced)")
    }

    /// Recording that stops and starts again (a gap) keeps no more than the rule allows.
    func testAGapInRecordingStillThinsByTheRule() throws {
        let playground = Playground(state: try state("seed=0.5"))
        var history = History()
        for epoch in Array(0...300) + Array(2_000...2_600) {
            history.record(playground.network, playground.training, epoch: epoch)
        }
        let expected = (0...2_600).filter { epoch in
            (epoch <= 300 || epoch >= 2_000) && History.keeps(epoch, start: 0, now: 2_600)
        }
        XCTAssertEqual(history.keptEpochs, expected)
        XCTAssertTrue(history.keptEpochs.contains(256) && !history.keptEpochs.contains(258), "age 2,342: every 16th")
    }

    /// A branch keeps the left run's measured losses as a ghost; rewinding to the start gives
    /// the very network and data a fresh playground on the same state draws, not a new draw.
    func testBranchingKeepsAGhostAndRewindingGivesTheSameStart() throws {
        let fresh = Playground(state: try settings(.momentum))
        var playground = fresh
        playground.recordsHistory = true
        var measured: [History.LossPoint] = [playground.measureLosses()]
        for _ in 0..<6 {
            playground.step()
            measured.append(playground.measureLosses())
        }
        XCTAssertEqual(playground.history.lossSeries, measured)
        try playground.branch(fromKept: 3)
        XCTAssertEqual(playground.history.ghosts, [History.Ghost(branchEpoch: 3, losses: measured)])
        XCTAssertEqual(playground.history.lossSeries, Array(measured.prefix(4)), "the kept part keeps its losses")
        playground.step(epochs: 2)
        XCTAssertEqual(playground.losses(atKept: 5)?.training.bitPattern, measured[5].training.bitPattern,
                       "computed from the kept network: the same as measured in the left run")

        try playground.rewindToStart()
        XCTAssertEqual(playground.epoch, 0)
        XCTAssertEqual(playground.network, fresh.network, "the same initial weights")
        XCTAssertEqual(playground.training, fresh.training)
        XCTAssertEqual(playground.data, fresh.data, "the same data")
        XCTAssertEqual(playground.history.ghosts.count, 2)
        XCTAssertEqual(playground.history.ghosts[1].branchEpoch, 0)

        playground.resetNetwork()
        XCTAssertNotEqual(playground.network, fresh.network, "r: a new network")
        XCTAssertEqual(playground.history.keptEpochs, [0], "the history starts again")
        XCTAssertEqual(playground.history.ghosts, [], "ghosts go with the network")
    }

    /// The past as a playground: the network and losses of a kept epoch, and where nothing is kept.
    func testReadingAKeptEpoch() throws {
        var playground = Playground(state: try settings(.sgd))
        playground.recordsHistory = true
        var straight = playground
        straight.recordsHistory = false
        straight.step(epochs: 4)
        playground.step(epochs: 9)
        let past = try XCTUnwrap(playground.past(atKept: 4))
        XCTAssertEqual(past.network, straight.network)
        XCTAssertEqual(past.training, straight.training)
        XCTAssertEqual(past.epoch, 4)
        XCTAssertTrue(past.history.isEmpty)
        XCTAssertEqual(playground.losses(atKept: 4), History.LossPoint(epoch: 4, training: straight.trainingLoss(), test: straight.testLoss()))
        XCTAssertNil(playground.past(atKept: 10))
        XCTAssertEqual(playground.history.nearest(to: 50), 9)
        var thinned = History()
        for epoch in 0...600 { thinned.record(playground.network, playground.training, epoch: epoch) }
        // 0, 4, …, 88 (ages 512 and more), 90, 92, …, 344 (ages 256 to 511), then 345 to 600.
        XCTAssertEqual(thinned.keptEpoch(from: 400, steps: -1), 399)
        XCTAssertEqual(thinned.keptEpoch(from: 346, steps: -3), 342, "345, 344, 342")
        XCTAssertEqual(thinned.keptEpoch(from: 343, steps: -1), 342, "not kept: its neighbour below is one step")
        XCTAssertEqual(thinned.keptEpoch(from: 343, steps: 1), 344, "not kept: its neighbour above is one step")
        XCTAssertEqual(thinned.keptEpoch(from: 343, steps: 10), 353)
        XCTAssertEqual(thinned.keptEpoch(from: 20, steps: -10), 0, "stops at the first")
        XCTAssertEqual(thinned.keptEpoch(from: 20, steps: .min), 0)
        XCTAssertEqual(thinned.keptEpoch(from: 598, steps: .max), 600)
        XCTAssertEqual(thinned.keptEpoch(from: 343, steps: 0), 342, "the nearest, the earlier on a tie")
        XCTAssertNil(History().keptEpoch(from: 3, steps: 1))
        XCTAssertEqual(playground.measureHistoryLosses(limit: 3), 7, "10 kept, 3 measured")
        XCTAssertEqual(playground.history.lossSeries.map(\.epoch), [7, 8, 9], "newest first")
        XCTAssertEqual(playground.measureHistoryLosses(), 0)
        XCTAssertEqual(playground.history.lossSeries[4], playground.losses(atKept: 4))

        playground.setWeight(2, layer: 1, node: 0, source: 0)
        XCTAssertEqual(playground.network(atKept: 9), playground.network, "a weight set by hand: the present epoch's snapshot follows")
        XCTAssertNil(playground.history.measuredLosses(at: 9), "its losses are measured again")
        var unrecorded = Playground(state: try settings(.sgd))
        unrecorded.step()
        XCTAssertThrowsError(try unrecorded.rewindToStart()) { error in
            XCTAssertEqual("\(error)", "epoch 0 is not kept; no epoch is kept (the run was not recorded)")
        }
    }
}
