extension Playground {
    /// The playground a session saved, exactly: the same state, points, parameters, training
    /// state, epoch and stream. A session that could not have been saved (a newer version, a state
    /// that does not read, shapes that do not fit the state's network, points that are not finite
    /// or not in the plane, counts below zero) is refused with what is wrong. Numbers that training
    /// can make non-finite (parameters, sums, moments, losses) are taken as they are.
    public init(session: Session) throws(SessionError) {
        try Session.check(version: session.version)
        let state: PlaygroundState
        do {
            state = try PlaygroundState.parse(session.state) { "" }.state
        } catch {
            throw SessionError(error.message)
        }
        guard !state.seed.isEmpty else { throw SessionError("state: no seed (the state must give seed=…)") }

        let problem = state.problem
        let train = try Session.examples(session.train, named: "train", problem: problem)
        let test = try Session.examples(session.test, named: "test", problem: problem)
        var customPoints: [Example]?
        if let given = session.points {
            guard state.data == .custom else {
                throw SessionError("points: given, but the state does not say data=custom")
            }
            let points = try Session.examples(given, named: "points", problem: problem)
            guard points.count == train.count + test.count else {
                throw SessionError("points: \(points.count) points, but train and test hold \(train.count + test.count)")
            }
            // The split's points are the given ones, each once: a new seed or ratio splits again from them.
            let key = { (point: Example) in [point.x.bitPattern, point.y.bitPattern, point.label.bitPattern] }
            guard (train + test).map(key).sorted(by: { $0.lexicographicallyPrecedes($1) })
                    == points.map(key).sorted(by: { $0.lexicographicallyPrecedes($1) }) else {
                throw SessionError("train and test: not a split of points (the same points, each once)")
            }
            customPoints = points
        } else if state.data == .custom {
            throw SessionError("points: missing, but the state says data=custom")
        }

        let shape = [state.inputFeatures.count] + state.networkShape + [1]
        let shown = shape.map(String.init).joined(separator: ",")
        guard session.network.shape == shape else {
            let found = session.network.shape.map(String.init).joined(separator: ",")
            throw SessionError("network: shape \(found) does not match the state's network \(shown)")
        }
        var unused = SeededRandom(seed: "")
        var network = Playground.makeNetwork(for: state, using: &unused)
        let layout = network.layout
        func check<T>(_ values: [T], _ name: String, expected: Int, per what: String) throws(SessionError) {
            guard values.count == expected else {
                throw SessionError("\(name): \(expected) \(what) expected for shape \(shown), found \(values.count)")
            }
        }
        try check(session.network.parameters, "network", expected: layout.parameterCount, per: "parameters")
        network.parameters = session.network.parameters

        let record = session.training
        var training = Training(for: network)
        try check(record.gradientSums, "training: gradientSums", expected: layout.parameterCount, per: "numbers")
        try check(record.firstMoments, "training: firstMoments", expected: layout.parameterCount, per: "numbers")
        try check(record.secondMoments, "training: secondMoments", expected: layout.parameterCount, per: "numbers")
        try check(record.deadLinks, "training: deadLinks", expected: layout.weightCount, per: "flags (one per weight)")
        if let flag = record.deadLinks.first(where: { $0 > 1 }) {
            throw SessionError("training: deadLinks: expected 0 or 1, found \(flag)")
        }
        let counts = Session.countRange, range = "\(counts.lowerBound) to \(counts.upperBound)"
        guard counts.contains(record.partialBatch) else {
            throw SessionError("training: partialBatch: expected \(range), found \(record.partialBatch)")
        }
        guard counts.contains(record.updateCount) else {
            throw SessionError("training: updateCount: expected \(range), found \(record.updateCount)")
        }
        try Session.checkConsistent(record, epoch: session.epoch, trainCount: train.count, batchSize: state.batchSize)
        training.gradientSums = record.gradientSums
        training.firstMoments = record.firstMoments
        training.secondMoments = record.secondMoments
        training.deadLinks = record.deadLinks
        training.accumulatedExamples = record.partialBatch
        training.updateCount = record.updateCount

        guard counts.contains(session.epoch) else { throw SessionError("epoch: expected \(range), found \(session.epoch)") }
        if let row = session.losses.first(where: { !(0...session.epoch).contains($0.epoch) }) {
            throw SessionError("losses: a row for epoch \(row.epoch), outside 0 to the session's epoch \(session.epoch)")
        }
        self.init(restoring: state, random: session.random, data: DataSplit(train: train, test: test),
                  customPoints: customPoints, network: network, training: training, epoch: session.epoch)
        try restoreHistory(session.history, sessionEpoch: session.epoch)
    }
}

extension Session {
    /// What training's carried state can be after `epoch` epochs over `trainCount` points in
    /// batches of `batchSize` (an update after each full batch of an epoch, TF's rule):
    /// - the partial batch is below the batch size; where the points cannot fill one batch, no
    ///   update ever happens and it holds every example seen, at most `epoch × trainCount`;
    /// - no update before the first epoch (drawing new points keeps the update count and the
    ///   epoch, so the count is not bounded by today's points);
    /// - the second moments (squared gradients' averages) are never below 0 (NaN, from a
    ///   diverged run, is kept as it is);
    /// - before the first update both moments are 0.
    static func checkConsistent(_ record: TrainingRecord, epoch: Int, trainCount: Int, batchSize: Int) throws(SessionError) {
        if trainCount >= batchSize {
            guard record.partialBatch < batchSize else {
                throw SessionError("training: partialBatch: expected below the batch size \(batchSize), found \(record.partialBatch)")
            }
        } else {
            let seen = epoch.multipliedReportingOverflow(by: trainCount)
            guard !seen.overflow, record.partialBatch <= seen.partialValue else {
                throw SessionError("training: partialBatch: expected at most \(epoch) epochs × \(trainCount) points "
                                   + "(a batch of \(batchSize) never fills), found \(record.partialBatch)")
            }
        }
        guard epoch > 0 || record.updateCount == 0 else {
            throw SessionError("training: updateCount: expected 0 at epoch 0 (updates come with epochs), found \(record.updateCount)")
        }
        if let index = record.secondMoments.firstIndex(where: { $0 < 0 }) {
            throw SessionError("training: secondMoments[\(index)]: expected 0 or more (an average of squares), found \(record.secondMoments[index])")
        }
        if record.updateCount == 0 {
            for (name, moments) in [("firstMoments", record.firstMoments), ("secondMoments", record.secondMoments)] {
                if let index = moments.firstIndex(where: { $0 != 0 }) {
                    throw SessionError("training: \(name)[\(index)]: expected 0 before the first update (updateCount 0), found \(moments[index])")
                }
            }
        }
    }

    /// What an epoch, update or example count may be: at most 2^53 (exact in a Double, far beyond
    /// any run), so that counting on from a session can never overflow.
    public static let countRange = 0...(1 << 53)

    /// `[x, y, label]` rows as points: finite, in the plane, labels ±1 for classification.
    static func examples(_ rows: [[Double]], named name: String, problem: Problem) throws(SessionError) -> [Example] {
        var examples: [Example] = []
        examples.reserveCapacity(rows.count)
        for (index, row) in rows.enumerated() {
            let place = "\(name)[\(index)]"
            guard row.count == 3 else { throw SessionError("\(place): expected 3 numbers x,y,label, found \(row.count)") }
            guard row.allSatisfy(\.isFinite) else { throw SessionError("\(place): expected finite numbers") }
            guard abs(row[0]) <= DataFile.extent, abs(row[1]) <= DataFile.extent else {
                throw SessionError("\(place): the point lies outside the plane [-6, 6]")
            }
            if problem == .classification, abs(row[2]) != 1 {
                throw SessionError("\(place): label: expected 1 or -1 for classification")
            }
            examples.append(Example(x: row[0], y: row[1], label: row[2]))
        }
        return examples
    }
}

extension DataSplit {
    /// Training and test points as they are (a restored session).
    init(train: [Example], test: [Example]) {
        self.train = train
        self.test = test
    }
}
