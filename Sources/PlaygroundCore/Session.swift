/// A whole session as a value to save: everything a playground needs to carry on training exactly
/// where it stopped, and the losses recorded so far. Coding it (JSON, in the executable) and
/// decoding it back gives, through `Playground(session:)`, a playground equal to the one saved, so
/// training after a resume gives bit for bit what it would have given without the save.
///
/// Kept: the state string; the points (the custom ones in their given order, and the training and
/// test points as split); the network's shape and parameters; what training carries (gradient sums
/// of the partial batch and its count, dead links, update count, both optimizer moments; not the
/// scratch, which every example rewrites first); the epoch; the seeded stream where it stood (later
/// rebuilds draw from it); the loss rows; since version 2, the history (`Session+History.swift`),
/// absent when nothing was kept. A change to `Training`'s state needs a field here and a new
/// `version`.
public struct Session: Codable, Equatable, Sendable {
    /// The format this program writes; it reads this one and older ones. 2: the history.
    public static let currentVersion = 2

    public var version: Int
    /// The state in TF's link form (`activation=tanh&…&seed=0.12345`).
    public var state: String
    /// Epochs trained since the network was built.
    public var epoch: Int
    /// Custom points, `[x, y, label]`, in the order given (nil for a data set): a new seed or
    /// ratio splits them again from this order.
    public var points: [[Double]]?
    public var train: [[Double]]
    public var test: [[Double]]
    public var network: NetworkRecord
    public var training: TrainingRecord
    /// The seeded stream after the data and the latest network were drawn.
    public var random: SeededRandom
    /// Loss rows recorded so far (`train` prints them; the app charts them).
    public var losses: [LossRow]
    /// The kept past (version 2; nil when nothing was kept, and in version 1).
    public var history: HistoryRecord?

    public struct NetworkRecord: Codable, Equatable, Sendable {
        /// Nodes per layer: inputs, hidden layers, output (`2,4,2,1`).
        public var shape: [Int]
        /// Every weight (layer after layer, destination by destination, source by source), then a
        /// bias per node, then a PReLU slope per node, input nodes included.
        public var parameters: [Double]
    }

    /// `Training`'s carried state, in the parameters' order.
    public struct TrainingRecord: Codable, Equatable, Sendable {
        public var gradientSums: [Double]
        /// Examples summed into `gradientSums` and not yet applied (the partial batch).
        public var partialBatch: Int
        /// 1 for a link L1 drove through zero, one per weight.
        public var deadLinks: [UInt8]
        public var updateCount: Int
        public var firstMoments: [Double]
        public var secondMoments: [Double]
    }

    public struct LossRow: Codable, Equatable, Sendable {
        public var epoch: Int
        public var train: Double
        public var test: Double
        public init(epoch: Int, train: Double, test: Double) {
            self.epoch = epoch
            self.train = train
            self.test = test
        }
    }

    /// The session of `playground` with the loss rows recorded so far.
    public init(_ playground: Playground, losses: [LossRow]) {
        let triple = { (point: Example) in [point.x, point.y, point.label] }
        version = Session.currentVersion
        state = playground.state.serialized
        epoch = playground.epoch
        points = playground.customPoints?.map(triple)
        train = playground.data.train.map(triple)
        test = playground.data.test.map(triple)
        network = NetworkRecord(shape: playground.network.sizes, parameters: playground.network.parameters)
        let training = playground.training
        self.training = TrainingRecord(gradientSums: training.gradientSums, partialBatch: training.accumulatedExamples,
                                       deadLinks: training.deadLinks, updateCount: training.updateCount,
                                       firstMoments: training.firstMoments, secondMoments: training.secondMoments)
        random = playground.random
        self.losses = losses
        history = HistoryRecord(playground)
    }
}

/// A session that cannot be restored, and what is wrong with it.
public struct SessionError: Error, Equatable, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    /// `session: network: 36 parameters expected for shape 2,4,2,1, found 30`
    public var description: String { "session: " + message }
}

extension Session {
    /// Refuses a version this program does not read: written by a newer program, or not a version.
    public static func check(version: Int) throws(SessionError) {
        guard version >= 1 else { throw SessionError("version \(version) is not a session version (1 to \(currentVersion))") }
        guard version <= currentVersion else {
            throw SessionError("version \(version) was written by a newer playground-tui; this one reads up to version \(currentVersion)")
        }
    }
}
