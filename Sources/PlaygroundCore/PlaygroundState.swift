/// Everything a TF Playground link says: data, features, network and learning settings, and
/// the seed. Parses TF's URL-hash form and writes it back in TF's key order (SPEC §5).
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

    /// The defaults of TF Playground with the given seed.
    public init(seed: String) { self.seed = seed }

    // MARK: Derived

    /// The data set in use: `dataset` for classification, `regDataset` for regression.
    public var activeDataset: Dataset { problem == .classification ? dataset : regDataset }

    /// The enabled features in TF's order: the network's inputs.
    public var inputFeatures: [Feature] { Feature.allCases.filter { features.contains($0) } }

    /// The output node's activation: tanh for classification, linear for regression.
    public var outputActivation: Activation { problem == .classification ? .tanh : .linear }

    /// A TF Playground link to this state.
    public var link: String { "https://playground.tensorflow.org/#" + serialized }

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

// MARK: - Writing

extension PlaygroundState {
    /// The state in TF's key order, `regularization` left out when none, numbers as JavaScript
    /// writes them.
    public var serialized: String {
        var pairs: [(String, String)] = [("activation", activation.rawValue)]
        if regularization != .none { pairs.append(("regularization", regularization.rawValue)) }
        pairs += [
            ("batchSize", String(batchSize)),
            ("dataset", dataset.rawValue),
            ("regDataset", regDataset.rawValue),
            ("learningRate", NumberFormat.javaScript(learningRate)),
            ("regularizationRate", NumberFormat.javaScript(regularizationRate)),
            ("noise", String(noise)),
            ("networkShape", networkShape.map(String.init).joined(separator: ",")),
            ("seed", seed),
            ("showTestData", String(showTestData)),
            ("discretize", String(discretize)),
            ("percTrainData", String(percTrainData)),
            ("x", String(features.contains(.x))),
            ("y", String(features.contains(.y))),
            ("xTimesY", String(features.contains(.xTimesY))),
            ("xSquared", String(features.contains(.xSquared))),
            ("ySquared", String(features.contains(.ySquared))),
            ("cosX", String(cosX)),
            ("sinX", String(features.contains(.sinX))),
            ("cosY", String(cosY)),
            ("sinY", String(features.contains(.sinY))),
            ("collectStats", String(collectStats)),
        ]
        if let tutorial { pairs.append(("tutorial", tutorial)) }
        pairs += [
            ("problem", problem.rawValue),
            ("initZero", String(initZero)),
            ("hideText", String(hideText)),
        ]
        return pairs.map { "\($0.0)=\($0.1)" }.joined(separator: "&")
    }
}

// MARK: - Reading

/// A state string that cannot be used, with a message naming the key and what it accepts.
public struct StateError: Error, Equatable, CustomStringConvertible, Sendable {
    public let key: String
    public let value: String
    public let message: String
    public var description: String { message }
}

extension PlaygroundState {
    /// The result of reading a state string: the state and the warnings (unknown keys).
    public struct Parsed: Sendable {
        public var state: PlaygroundState
        public var warnings: [String]
    }

    /// Reads a full link (`https://…/#pairs`), a bare hash (`#pairs`) or just the pairs.
    /// Keys not given take TF's defaults; with no `seed`, `freshSeed` supplies one and it
    /// becomes part of the state. An unknown key is a warning and is ignored; a bad value is
    /// a `StateError` naming the key and the allowed values.
    public static func parse(_ text: String, freshSeed: () -> String) throws(StateError) -> Parsed {
        var body = Substring(text.trimmingWhitespace())
        if let hash = body.firstIndex(of: "#") { body = body[body.index(after: hash)...] }
        var state = PlaygroundState(seed: "")
        var seedGiven = false
        var warnings: [String] = []
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            guard let equals = pair.firstIndex(of: "=") else {
                throw StateError(key: String(pair), value: "",
                                 message: "state: \"\(pair)\" is not a key=value pair (pairs are joined by &, e.g. noise=10&dataset=xor)")
            }
            let key = String(pair[..<equals]), value = String(pair[pair.index(after: equals)...])
            if key == "seed" { seedGiven = true }
            if !(try state.set(key: key, value: value)) {
                warnings.append("state: unknown key \"\(key)\" ignored")
            }
        }
        if !seedGiven { state.seed = freshSeed() }
        return Parsed(state: state, warnings: warnings)
    }

    /// Sets one key from its string form; false when the key is unknown.
    mutating func set(key: String, value: String) throws(StateError) -> Bool {
        if let feature = Feature(rawValue: key) {
            if try Self.bool(key, value) { features.insert(feature) } else { features.remove(feature) }
            return true
        }
        switch key {
        case "activation": activation = try Self.choice(key, value, Activation.self)
        case "regularization": regularization = try Self.choice(key, value, Regularization.self)
        case "batchSize": batchSize = try Self.integer(key, value, in: Self.batchSizes)
        case "dataset": dataset = try Self.choice(key, value, Dataset.self, among: Dataset.classification)
        case "regDataset": regDataset = try Self.choice(key, value, Dataset.self, among: Dataset.regression)
        case "learningRate": learningRate = try Self.number(key, value, positive: true)
        case "regularizationRate": regularizationRate = try Self.number(key, value, positive: false)
        case "noise": noise = try Self.integer(key, value, in: Self.noiseRange)
        case "percTrainData": percTrainData = try Self.integer(key, value, in: Self.trainingPercentRange)
        case "networkShape": networkShape = try Self.shape(value)
        case "seed": seed = value
        case "showTestData": showTestData = try Self.bool(key, value)
        case "discretize": discretize = try Self.bool(key, value)
        case "cosX": cosX = try Self.bool(key, value)
        case "cosY": cosY = try Self.bool(key, value)
        case "collectStats": collectStats = try Self.bool(key, value)
        case "tutorial": tutorial = value
        case "problem": problem = try Self.choice(key, value, Problem.self)
        case "initZero": initZero = try Self.bool(key, value)
        case "hideText": hideText = try Self.bool(key, value)
        default: return false
        }
        return true
    }

    static func fail(_ key: String, _ value: String, _ expected: String) -> StateError {
        StateError(key: key, value: value, message: "state: bad value \"\(value)\" for \(key): expected \(expected)")
    }

    static func bool(_ key: String, _ value: String) throws(StateError) -> Bool {
        switch value {
        case "true": return true
        case "false": return false
        default: throw fail(key, value, "true or false")
        }
    }

    static func choice<T: RawRepresentable & CaseIterable>(
        _ key: String, _ value: String, _ type: T.Type, among allowed: [T]? = nil
    ) throws(StateError) -> T where T.RawValue == String {
        let options = allowed ?? Array(T.allCases)
        guard let match = options.first(where: { $0.rawValue == value }) else {
            throw fail(key, value, "one of " + options.map(\.rawValue).joined(separator: ", "))
        }
        return match
    }

    static func integer(_ key: String, _ value: String, in range: ClosedRange<Int>) throws(StateError) -> Int {
        let expected = "a whole number from \(range.lowerBound) to \(range.upperBound)"
        // TF writes numbers as JavaScript does; "10" and "10.0" both mean ten.
        guard isDecimal(value), let number = Double(value), number == number.rounded(),
              let whole = Int(exactly: number), range.contains(whole)
        else { throw fail(key, value, expected) }
        return whole
    }

    static func number(_ key: String, _ value: String, positive: Bool) throws(StateError) -> Double {
        let expected = positive ? "a number greater than 0 (e.g. 0.03)" : "a number of at least 0 (e.g. 0.001)"
        guard isDecimal(value), let number = Double(value), number.isFinite,
              positive ? number > 0 : number >= 0
        else { throw fail(key, value, expected) }
        return number
    }

    /// A plain decimal number: optional sign, digits with an optional point, optional exponent
    /// (no hex, no `inf`/`nan`, no spaces).
    static func isDecimal(_ text: String) -> Bool {
        var chars = Substring(text).utf8[...]
        if let first = chars.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") { chars = chars.dropFirst() }
        let isDigit = { (c: UInt8) in c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        let integerDigits = chars.prefix(while: isDigit).count
        chars = chars.dropFirst(integerDigits)
        var fractionDigits = 0
        if chars.first == UInt8(ascii: ".") {
            chars = chars.dropFirst()
            fractionDigits = chars.prefix(while: isDigit).count
            chars = chars.dropFirst(fractionDigits)
        }
        guard integerDigits + fractionDigits > 0 else { return false }
        if let e = chars.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            chars = chars.dropFirst()
            if let sign = chars.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { chars = chars.dropFirst() }
            let exponentDigits = chars.prefix(while: isDigit).count
            guard exponentDigits > 0 else { return false }
            chars = chars.dropFirst(exponentDigits)
        }
        return chars.isEmpty
    }

    static func shape(_ value: String) throws(StateError) -> [Int] {
        let expected = "comma-separated neuron counts, \(hiddenLayerRange.upperBound) layers at most "
            + "of \(neuronRange.lowerBound) to \(neuronRange.upperBound) neurons each (e.g. 4,2; empty for none)"
        if value.isEmpty { return [] }
        let parts = value.split(separator: ",", omittingEmptySubsequences: false)
        guard parts.count <= hiddenLayerRange.upperBound else { throw fail("networkShape", value, expected) }
        var shape: [Int] = []
        for part in parts {
            guard part.allSatisfy(\.isASCII), let count = Int(part), neuronRange.contains(count) else {
                throw fail("networkShape", value, expected)
            }
            shape.append(count)
        }
        return shape
    }
}

extension String {
    func trimmingWhitespace() -> Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<max(start, end)]
    }
}
