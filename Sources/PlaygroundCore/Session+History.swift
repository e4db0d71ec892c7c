/// A history in a session (version 2): its snapshots and ghosts as records, their validation on
/// restore, and `History`'s equality (the kept epochs and every kept number, bit for bit).
extension Session {
    /// The most snapshots a session keeps (`History.keptEpochs(atMost:)` thins a longer history
    /// when it is saved): for the largest network (496 parameters) at most 640 × 4 × 496 numbers,
    /// under 32 MB of JSON, well within the 64 MiB a session file may hold (572 snapshots of an
    /// Adam run with a partial batch wrote 12 MB).
    public static let historyLimit = 640

    /// `History` as saved: the kept epochs, ascending (at most `historyLimit`), and the ghosts.
    public struct HistoryRecord: Codable, Equatable, Sendable {
        public var snapshots: [Snapshot]
        public var ghosts: [GhostRecord]
    }

    /// One kept epoch: the parameters and what training carried (as `TrainingRecord`). Arrays that
    /// are all +0 (sums with no partial batch, SGD's moments, no dead link) are left out.
    public struct Snapshot: Codable, Equatable, Sendable {
        public var epoch: Int
        public var parameters: [Double]
        public var gradientSums: [Double]?
        public var partialBatch: Int
        public var deadLinks: [UInt8]?
        public var updateCount: Int
        public var firstMoments: [Double]?
        public var secondMoments: [Double]?
        /// `[train, test]` when they were measured.
        public var losses: [Double]?
    }

    public struct GhostRecord: Codable, Equatable, Sendable {
        public var branchEpoch: Int
        public var losses: [LossRow]
    }
}

extension Session.HistoryRecord {
    /// The history of `playground` (nil when it keeps nothing).
    init?(_ playground: Playground) {
        let history = playground.history
        guard !history.isEmpty else { return nil }
        func unlessZero<T: FixedWidthInteger>(_ values: [T]) -> [T]? { values.allSatisfy { $0 == 0 } ? nil : values }
        func unlessZero(_ values: [Double]) -> [Double]? { values.allSatisfy { $0.bitPattern == 0 } ? nil : values }
        snapshots = history.keptEpochs(atMost: Session.historyLimit).map { epoch in
            let past = playground.past(atKept: epoch)!
            let training = past.training
            let measured = history.measuredLosses(at: epoch)
            return Session.Snapshot(
                epoch: epoch, parameters: past.network.parameters, gradientSums: unlessZero(training.gradientSums),
                partialBatch: training.accumulatedExamples, deadLinks: unlessZero(training.deadLinks),
                updateCount: training.updateCount, firstMoments: unlessZero(training.firstMoments),
                secondMoments: unlessZero(training.secondMoments), losses: measured.map { [$0.training, $0.test] })
        }
        ghosts = history.ghosts.map { ghost in
            Session.GhostRecord(branchEpoch: ghost.branchEpoch,
                                losses: ghost.losses.map { Session.LossRow(epoch: $0.epoch, train: $0.training, test: $0.test) })
        }
    }
}

extension Playground {
    /// Restores a saved history onto this (restored) playground and turns recording on. Refused:
    /// epochs not ascending, after the session's epoch, or not kept by the spacing rule; arrays
    /// of the wrong length; flags other than 0 and 1; counts out of range; losses not a pair.
    mutating func restoreHistory(_ record: Session.HistoryRecord?, sessionEpoch: Int) throws(SessionError) {
        guard let record else { return }
        let layout = network.layout, counts = Session.countRange
        let shape = layout.sizes.map(String.init).joined(separator: ",")
        let first = record.snapshots.first?.epoch ?? 0, last = record.snapshots.last?.epoch ?? 0
        guard record.snapshots.count <= Session.historyLimit else {
            throw SessionError("history: snapshots: at most \(Session.historyLimit), found \(record.snapshots.count)")
        }
        guard last <= sessionEpoch else {
            throw SessionError("history: snapshots[\(record.snapshots.count - 1)]: epoch \(last) after the session's epoch \(sessionEpoch)")
        }
        var restored = History()
        var previous: Int?
        for (index, snapshot) in record.snapshots.enumerated() {
            let place = "history: snapshots[\(index)]"
            func check<T>(_ values: [T]?, _ name: String, expected: Int) throws(SessionError) {
                guard let values, values.count != expected else { return }
                throw SessionError("\(place): \(name): \(expected) expected for shape \(shape), found \(values.count)")
            }
            guard counts.contains(snapshot.epoch) else {
                throw SessionError("\(place): epoch \(snapshot.epoch) outside 0 to the session's epoch \(sessionEpoch)")
            }
            if let previous, snapshot.epoch <= previous {
                throw SessionError("\(place): epoch \(snapshot.epoch) not after the one before, \(previous)")
            }
            guard History.keeps(snapshot.epoch, start: first, now: last) else {
                throw SessionError("\(place): epoch \(snapshot.epoch) is not one the history keeps (from \(first) to \(last))")
            }
            try check(snapshot.parameters, "parameters", expected: layout.parameterCount)
            try check(snapshot.gradientSums, "gradientSums", expected: layout.parameterCount)
            try check(snapshot.firstMoments, "firstMoments", expected: layout.parameterCount)
            try check(snapshot.secondMoments, "secondMoments", expected: layout.parameterCount)
            try check(snapshot.deadLinks, "deadLinks", expected: layout.weightCount)
            try check(snapshot.losses, "losses", expected: 2)
            if let flag = snapshot.deadLinks?.first(where: { $0 > 1 }) {
                throw SessionError("\(place): deadLinks: expected 0 or 1, found \(flag)")
            }
            guard counts.contains(snapshot.partialBatch), counts.contains(snapshot.updateCount) else {
                throw SessionError("\(place): partialBatch and updateCount: expected \(counts.lowerBound) to \(counts.upperBound)")
            }
            var network = self.network, training = Training(for: network)
            network.parameters = snapshot.parameters
            training.gradientSums = snapshot.gradientSums ?? training.gradientSums
            training.firstMoments = snapshot.firstMoments ?? training.firstMoments
            training.secondMoments = snapshot.secondMoments ?? training.secondMoments
            training.deadLinks = snapshot.deadLinks ?? training.deadLinks
            training.accumulatedExamples = snapshot.partialBatch
            training.updateCount = snapshot.updateCount
            // The same rules as the session's own training state (a branch continues from here).
            let carried = Session.TrainingRecord(gradientSums: training.gradientSums, partialBatch: snapshot.partialBatch,
                                                 deadLinks: [], updateCount: snapshot.updateCount,
                                                 firstMoments: training.firstMoments, secondMoments: training.secondMoments)
            do {
                try Session.checkConsistent(carried, epoch: snapshot.epoch, trainCount: data.train.count, batchSize: state.batchSize)
            } catch {
                throw SessionError("\(place): \(error.message)")
            }
            restored.record(network, training, epoch: snapshot.epoch)
            if let losses = snapshot.losses {
                restored.setLosses(History.LossPoint(epoch: snapshot.epoch, training: losses[0], test: losses[1]))
            }
            previous = snapshot.epoch
        }
        guard record.ghosts.count <= History.ghostLimit else {
            throw SessionError("history: ghosts: at most \(History.ghostLimit), found \(record.ghosts.count)")
        }
        restored.ghosts = try record.ghosts.enumerated().map { (index, ghost) throws(SessionError) in
            guard counts.contains(ghost.branchEpoch), ghost.losses.allSatisfy({ counts.contains($0.epoch) }) else {
                throw SessionError("history: ghosts[\(index)]: an epoch outside 0 to \(counts.upperBound)")
            }
            return History.Ghost(branchEpoch: ghost.branchEpoch,
                                 losses: ghost.losses.map { History.LossPoint(epoch: $0.epoch, training: $0.train, test: $0.test) })
        }
        restored.isRecording = true
        history = restored
    }
}

extension History: Equatable {
    /// The same kept epochs holding the same numbers, bit for bit (a diverged NaN equals itself),
    /// the same measured losses and the same ghosts. Whether it records is not part of it.
    public static func == (a: History, b: History) -> Bool {
        guard a.keptEpochs == b.keptEpochs, a.ghosts == b.ghosts,
              a.parameterCount == b.parameterCount, a.weightCount == b.weightCount else { return false }
        let p = 4 * a.parameterCount, w = a.weightCount
        for (x, y) in zip(a.slotOfKept, b.slotOfKept) {
            guard a.values[(p * x)..<(p * x + p)].elementsEqual(b.values[(p * y)..<(p * y + p)], by: { $0.bitPattern == $1.bitPattern }),
                  a.flags[(w * x)..<(w * x + w)].elementsEqual(b.flags[(w * y)..<(w * y + w)]),
                  a.counts[(3 * x)..<(3 * x + 3)].elementsEqual(b.counts[(3 * y)..<(3 * y + 3)]) else { return false }
            if a.counts[3 * x + 2] != 0,
               !a.losses[(2 * x)..<(2 * x + 2)].elementsEqual(b.losses[(2 * y)..<(2 * y + 2)], by: { $0.bitPattern == $1.bitPattern }) {
                return false
            }
        }
        return true
    }
}
