/// Everything a TF Playground link says: data, features, network and learning settings, the
/// seed, and what a classroom link hides. `StateKey.table` reads it from TF's URL-hash form,
/// writes it back in TF's key order (SPEC §5) and says what a change of each key does; the
/// defaults here are TF's.
public struct PlaygroundState: Equatable, Sendable {
    public var activation: Activation = .tanh
    public var regularization: Regularization = .none
    public var batchSize = 10
    public var dataset: Dataset = .circle
    public var regDataset: Dataset = .regPlane
    public var learningRate = 0.03
    public var regularizationRate = 0.0
    /// Percent, 0–50.
    public var noise = 0
    /// Neurons per hidden layer; empty means no hidden layer.
    public var networkShape = [4, 2]
    public var seed: String
    public var showTestData = false
    public var discretize = false
    /// Percent of the points used for training, 10–90.
    public var percTrainData = 50
    /// The input features switched on.
    public var features: Set<Feature> = [.x, .y]
    /// TF's cosine keys: accepted and kept, never fed to the network.
    public var cosX = false
    public var cosY = false
    public var collectStats = false
    public var tutorial: String?
    public var problem: Problem = .classification
    public var initZero = false
    public var hideText = false
    /// Where the points come from: TF's data set, or points given (drawn, or read from a file).
    /// Written `data=custom`, only when custom: TF ignores the key, so the link still opens there,
    /// but a link cannot carry the points (`Playground(state:)` alone falls back to the data set).
    public var data: DataOrigin = .builtIn
    /// The classroom keys (`x_hide=true`, `learningRate_hide=false`) in the order TF writes them
    /// back: the link's order, a key set later last. See `hiddenInputs`, `hiddenControls`.
    public var hideSettings: [HideSetting] = []

    // Beyond TF (written only when not the default, so TF still opens the link):
    /// How each parameter moves at an update (`sgd`: TF's own rule).
    public var optimizer: Optimizer.Kind = .sgd
    /// β of `momentum` and `nesterov`, in [0, 1).
    public var momentum = Optimizer.defaultMomentum
    /// The loss asked for; see `effectiveLoss` for the one used.
    public var loss: Loss = .square
    /// How the first weights and biases are drawn (state key `init`).
    public var initialization: Initialization = .tf

    /// The defaults of TF Playground with the given seed.
    public init(seed: String) { self.seed = seed }

    // MARK: Derived

    /// The data set in use: `dataset` for classification, `regDataset` for regression.
    public var activeDataset: Dataset { problem == .classification ? dataset : regDataset }

    /// The enabled features in TF's order, less those a classroom link hides: the network's inputs.
    public var inputFeatures: [Feature] { shownFeatures.filter { features.contains($0) } }

    /// The output node's activation: tanh for classification, linear for regression.
    public var outputActivation: Activation { problem == .classification ? .tanh : .linear }

    /// The loss training uses: `loss` for classification; regression always uses square loss
    /// (a probability of a real-valued target means nothing), whatever `loss` asks for.
    public var effectiveLoss: Loss { problem == .classification ? loss : .square }

    /// The optimizer the update applies: `optimizer` with `momentum`'s β.
    public var optimizerRule: Optimizer { Optimizer(optimizer, momentum: momentum) }

    /// A TF Playground link to this state, safe to print and copy (`UserText.url`).
    public var link: String { "https://playground.tensorflow.org/#" + UserText.url(serialized) }

    // MARK: Limits (what the UI offers and what parsing accepts)

    public static let batchSizes = 1...30
    public static let noiseRange = 0...50
    public static let trainingPercentRange = 10...90
    public static let hiddenLayerRange = 0...6
    public static let neuronRange = 1...8
    /// TF's learning-rate ladder.
    public static let learningRates = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]
    /// TF's regularization-rate ladder.
    public static let regularizationRates = [0, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10]

    /// TF's fresh seed: `Math.random().toFixed(5)`, i.e. `0.` and five digits.
    public static func freshSeed<G: RandomNumberGenerator>(using generator: inout G) -> String {
        let digits = Int.random(in: 0..<100_000, using: &generator)
        let text = String(digits)
        return "0." + String(repeating: "0", count: 5 - text.count) + text
    }
}
