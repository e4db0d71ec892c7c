/// A running playground: the state, the seeded stream, the data, the network and what training
/// keeps beside it, and the epoch count. The one place that turns a state into data and a network, so the app, the
/// command line and the tests agree.
public struct Playground: Equatable, Sendable {
    public private(set) var state: PlaygroundState
    /// The stream after the data and the latest network were drawn (rebuilds continue it).
    public private(set) var random: SeededRandom
    public private(set) var data: DataSplit
    /// The points given instead of a data set (drawn, or read from a file), in the order given;
    /// nil for TF's data sets. The state says `data=custom` exactly when there are some.
    public private(set) var customPoints: [Example]?
    /// The parameters: what the network is.
    public internal(set) var network: Network
    /// What training keeps beside the network: gradient sums, dead links, the partial batch,
    /// optimizer state. Rebuilt with the network.
    public internal(set) var training: Training
    /// Epochs trained since the network was built.
    public internal(set) var epoch = 0
    /// Per layer of weights, the last update's mean |g| after each of the last
    /// `gradientHistoryLength` epochs trained while `recordsDiagnostics` was on, oldest first
    /// (for a sparkline). Emptied when the network is rebuilt.
    public internal(set) var gradientHistory: [[Double]] = []
    /// The kept past of this run while `recordsHistory` is on (see Playground+History.swift).
    public internal(set) var history = History()

    /// Inputs (flat, `count × features`) and labels, computed once per data set and features.
    public private(set) var trainInputs: [Double] = []
    public private(set) var trainLabels: [Double] = []
    public private(set) var testInputs: [Double] = []
    public private(set) var testLabels: [Double] = []

    /// Seeds the stream from `state.seed`, draws the data, shuffles and splits it, then draws
    /// the first network: the same data and network as TF Playground for the same state.
    /// A state that says `data=custom` gets the data set: the points are not in the state.
    public init(state: PlaygroundState) {
        self.init(state: state, points: nil)
    }

    /// With `points`: seeds the stream from `state.seed`, shuffles and splits the points as TF
    /// splits its own (noise does not apply to them; the state keeps its value), then draws the
    /// first network from the same stream. With nil, `init(state:)`. The state's `data` key is
    /// set to say which.
    public init(state: PlaygroundState, points: [Example]?) {
        var state = state
        state.data = points == nil ? .builtIn : .custom
        self.state = state
        var random = SeededRandom(seed: state.seed)
        if let points {
            data = DataSplit(points: points, percentTrain: Double(state.percTrainData), using: &random)
        } else {
            data = DataSplit(dataset: state.activeDataset, noisePercent: Double(state.noise),
                             percentTrain: Double(state.percTrainData), using: &random)
        }
        customPoints = points
        network = Playground.makeNetwork(for: state, using: &random)
        training = Training(for: network)
        self.random = random
        computeInputs()
    }

    /// Everything as given (a restored session); the inputs are computed from the data.
    init(restoring state: PlaygroundState, random: SeededRandom, data: DataSplit, customPoints: [Example]?,
         network: Network, training: Training, epoch: Int) {
        self.state = state
        self.random = random
        self.data = data
        self.customPoints = customPoints
        self.network = network
        self.training = training
        self.epoch = epoch
        computeInputs()
    }

    static func makeNetwork(for state: PlaygroundState, using random: inout SeededRandom) -> Network {
        Network(inputCount: state.inputFeatures.count, hiddenLayers: state.networkShape,
                activation: state.activation, outputActivation: state.outputActivation,
                initialization: state.initialization, initZero: state.initZero, using: &random)
    }

    private mutating func computeInputs() {
        let features = state.inputFeatures
        trainInputs = features.inputs(for: data.train)
        testInputs = features.inputs(for: data.test)
        trainLabels = data.train.map(\.label)
        testLabels = data.test.map(\.label)
    }

    /// The learning settings of the current state.
    public var hyperparameters: Training.Hyperparameters {
        Training.Hyperparameters(learningRate: state.learningRate, regularization: state.regularization,
                                 regularizationRate: state.regularizationRate, batchSize: state.batchSize,
                                 optimizer: state.optimizerRule, loss: state.effectiveLoss)
    }

    // MARK: Training

    /// Trains one epoch over the training data.
    public mutating func step() {
        training.trainEpoch(&network, inputs: trainInputs, labels: trainLabels, settings: hyperparameters)
        epoch += 1
        if recordsDiagnostics { recordGradientHistory() }
        if history.isRecording { history.record(network, training, epoch: epoch) }
    }

    /// Trains `count` epochs.
    public mutating func step(epochs count: Int) {
        let settings = hyperparameters, records = recordsDiagnostics, keeps = history.isRecording
        for done in 0..<count {
            training.trainEpoch(&network, inputs: trainInputs, labels: trainLabels, settings: settings)
            if records { recordGradientHistory() }
            if keeps { history.record(network, training, epoch: epoch + done + 1) }
        }
        epoch += count
    }

    /// True while every update records what `diagnostics()` reports of it (the app keeps it on
    /// from the first epoch, so the health panel has its history at once; `train` when it prints
    /// diagnostics); off, an update costs what it did without it.
    /// Kept when the network is rebuilt.
    public var recordsDiagnostics: Bool {
        get { training.recordsDiagnostics }
        set { training.recordsDiagnostics = newValue }
    }

    private mutating func recordGradientHistory() {
        let means = training.lastUpdateStatistics().map(\.meanAbsGradient)
        if gradientHistory.count != means.count { gradientHistory = means.map { _ in [] } }
        for (l, mean) in means.enumerated() {
            gradientHistory[l].append(mean)
            if gradientHistory[l].count > Playground.gradientHistoryLength { gradientHistory[l].removeFirst() }
        }
    }

    /// The mean loss (`state.effectiveLoss`: square, or cross-entropy for a classification
    /// that asks for it) over the training data on the current weights.
    public func trainingLoss() -> Double {
        network.loss(inputs: trainInputs, labels: trainLabels, loss: state.effectiveLoss)
    }

    /// The mean loss (`state.effectiveLoss`) over the test data on the current weights.
    public func testLoss() -> Double { network.loss(inputs: testInputs, labels: testLabels, loss: state.effectiveLoss) }

    /// True when L1 drove the link from `source` in layer `layer - 1` to `node` in `layer` through
    /// zero: its weight is 0 and it no longer trains (until the user sets it).
    public func isDead(layer: Int, node: Int, source: Int) -> Bool {
        training.isDead(layer: layer, node: node, source: source)
    }

    /// Every weight's dead flag (1: L1 drove it through zero), in the network's weight order:
    /// layer after layer, each `node × sources + source`. Shared, not copied.
    public var deadFlags: [UInt8] { training.deadLinks }

    // MARK: Editing parameters (the user types a new weight or bias)

    /// Sets the weight of the link from `source` in layer `layer - 1` to `node` in `layer`;
    /// training continues from it. What training kept for the old value goes: its share of the
    /// partial batch, its optimizer state and its dead flag (a dead L1 link comes back to life).
    public mutating func setWeight(_ value: Double, layer: Int, node: Int, source: Int) {
        network.setWeight(value, layer: layer, node: node, source: source)
        training.forgetWeight(layer: layer, node: node, source: source)
        recordHistory()
    }

    /// Sets the bias of `node` in `layer` (l ≥ 1); training continues from it, without what it
    /// kept for the old value (its share of the partial batch, its optimizer state).
    public mutating func setBias(_ value: Double, layer: Int, node: Int) {
        network.setBias(value, layer: layer, node: node)
        training.forgetBias(layer: layer, node: node)
        recordHistory()
    }

    // MARK: Custom points (adding, removing and loading them: CustomData.swift)

    /// Uses `points` as custom data, split as `init(state:points:)` splits them (a fresh stream
    /// from the seed), keeping the network and what training learned (weights, optimizer state,
    /// dead links, update count, epoch). The partial batch is dropped: its examples may have moved
    /// to the test data or be gone.
    mutating func splitAgain(_ points: [Example]) {
        state.data = .custom
        customPoints = points
        var stream = SeededRandom(seed: state.seed)
        data = DataSplit(points: points, percentTrain: Double(state.percTrainData), using: &stream)
        computeInputs()
        training.clearGradients()
        restartHistory()
    }

    // MARK: Changes, as TF makes them (SPEC §5)

    /// Rebuilds the network on the same data, continuing the stream; epoch back to 0.
    public mutating func resetNetwork() {
        let records = recordsDiagnostics
        network = Playground.makeNetwork(for: state, using: &random)
        training = Training(for: network)
        training.recordsDiagnostics = records
        gradientHistory = []
        epoch = 0
        restartHistory()
    }

    /// True when applying `new` would leave the given points for a data set (see `apply`): the
    /// app asks before it does.
    public func dropsPoints(under new: PlaygroundState) -> Bool {
        customPoints != nil && !keepsPoints(under: new)
    }

    private func keepsPoints(under new: PlaygroundState) -> Bool {
        customPoints != nil && new.data == .custom && new.activeDataset == state.activeDataset
    }

    /// Applies a new state the way TF does: learning rate (and display settings) live; model
    /// settings rebuild the network on the same data; data settings (or a new seed) draw new
    /// data from a fresh stream and rebuild. Returns what happened.
    ///
    /// Custom points stay while the state keeps `data=custom` and the same data set (and so the
    /// same problem): a new seed or ratio splits them again from a fresh stream and rebuilds, as
    /// new data does; noise does not apply to them (a noise change alone changes nothing). Choosing
    /// a data set or another problem, or `data=built-in`, leaves them for the data set. A state
    /// that says `data=custom` where there are no points is taken as `data=built-in`.
    @discardableResult
    public mutating func apply(_ new: PlaygroundState) -> Change {
        var new = new
        let keepsPoints = keepsPoints(under: new)
        new.data = keepsPoints ? .custom : .builtIn
        var old = state
        if keepsPoints { old.noise = new.noise }  // noise does not apply to given points
        let change = Change(from: old, to: new)
        state = new
        switch change {
        case .newData:
            let records = recordsDiagnostics, keeps = recordsHistory
            self = Playground(state: new, points: keepsPoints ? customPoints : nil)
            recordsDiagnostics = records
            recordsHistory = keeps
        case .newNetwork:
            computeInputs()
            resetNetwork()
        case .live:
            break
        }
        return change
    }
}
