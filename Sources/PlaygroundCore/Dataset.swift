/// One data point: its position and its label (±1 for classification, [-1, 1] for regression).
public struct Example: Equatable, Sendable {
    public var x: Double
    public var y: Double
    public var label: Double
    public init(x: Double, y: Double, label: Double) {
        self.x = x
        self.y = y
        self.label = label
    }
}

/// The kind of problem: it picks the data set family, the output activation and the point count.
public enum Problem: String, CaseIterable, Sendable {
    case classification, regression

    /// TF draws 500 points for classification and 1200 for regression.
    public var pointCount: Int { self == .classification ? 500 : 1200 }
}

/// TF Playground's six data sets. The raw value is the state-string name.
public enum Dataset: String, CaseIterable, Sendable {
    case circle, xor, gauss, spiral
    case regPlane = "reg-plane"
    case regGauss = "reg-gauss"

    public static let classification: [Dataset] = [.circle, .xor, .gauss, .spiral]
    public static let regression: [Dataset] = [.regPlane, .regGauss]

    public var problem: Problem { Dataset.regression.contains(self) ? .regression : .classification }

    /// A name for people.
    public var title: String {
        switch self {
        case .circle: "Circle"
        case .xor: "Exclusive or"
        case .gauss: "Gaussian"
        case .spiral: "Spiral"
        case .regPlane: "Plane"
        case .regGauss: "Multi gaussian"
        }
    }

    /// Draws `count` points with `noise` in [0, 1] (the state's noise / 100), in TF's draw order
    /// (SPEC §2). Every draw happens even when noise is 0.
    public func generate(count: Int, noise: Double, using rng: inout SeededRandom) -> [Example] {
        var points = [Example]()
        points.reserveCapacity(count)
        switch self {
        case .circle:
            let radius = 5.0
            for pass in 0..<2 {
                for _ in 0..<(count / 2) {
                    let r = pass == 0 ? rng.uniform(0, radius * 0.5) : rng.uniform(radius * 0.7, radius)
                    let angle = rng.uniform(0, 2 * Math.pi)
                    let x = r * Math.sin(angle), y = r * Math.cos(angle)
                    let nx = rng.uniform(-radius, radius) * noise
                    let ny = rng.uniform(-radius, radius) * noise
                    let px = x + nx, py = y + ny
                    let inside = (px * px + py * py).squareRoot() < radius * 0.5
                    points.append(Example(x: x, y: y, label: inside ? 1 : -1))
                }
            }
        case .xor:
            let padding = 0.3
            for _ in 0..<count {
                var x = rng.uniform(-5, 5)
                x += x > 0 ? padding : -padding
                var y = rng.uniform(-5, 5)
                y += y > 0 ? padding : -padding
                let nx = rng.uniform(-5, 5) * noise
                let ny = rng.uniform(-5, 5) * noise
                points.append(Example(x: x, y: y, label: (x + nx) * (y + ny) >= 0 ? 1 : -1))
            }
        case .gauss:
            let t = noise / 0.5
            let variance = 0.5 * (1 - t) + 4 * t
            for (cx, cy, label) in [(2.0, 2.0, 1.0), (-2.0, -2.0, -1.0)] {
                for _ in 0..<(count / 2) {
                    let x = rng.normal(mean: cx, variance: variance)
                    let y = rng.normal(mean: cy, variance: variance)
                    points.append(Example(x: x, y: y, label: label))
                }
            }
        case .spiral:
            let n = count / 2
            for (delta, label) in [(0.0, 1.0), (Math.pi, -1.0)] {
                for i in 0..<n {
                    let r = Double(i) / Double(n) * 5
                    let t = 1.75 * Double(i) / Double(n) * 2 * Math.pi + delta
                    let x = r * Math.sin(t) + rng.uniform(-1, 1) * noise
                    let y = r * Math.cos(t) + rng.uniform(-1, 1) * noise
                    points.append(Example(x: x, y: y, label: label))
                }
            }
        case .regPlane, .regGauss:
            let radius = 6.0
            for _ in 0..<count {
                let x = rng.uniform(-radius, radius)
                let y = rng.uniform(-radius, radius)
                let nx = rng.uniform(-radius, radius) * noise
                let ny = rng.uniform(-radius, radius) * noise
                let label = self == .regPlane
                    ? Dataset.planeLabel(x + nx, y + ny) : Dataset.gaussLabel(x + nx, y + ny)
                points.append(Example(x: x, y: y, label: label))
            }
        }
        return points
    }

    private static func planeLabel(_ x: Double, _ y: Double) -> Double {
        let t = ((x + y) + 10) / 20
        return -1 * (1 - t) + 1 * t
    }

    private static let gaussCentres: [(x: Double, y: Double, sign: Double)] = [
        (-4, 2.5, 1), (0, 2.5, -1), (4, 2.5, 1), (-4, -2.5, -1), (0, -2.5, 1), (4, -2.5, -1),
    ]

    private static func gaussLabel(_ x: Double, _ y: Double) -> Double {
        var label = 0.0
        for centre in gaussCentres {
            let dx = x - centre.x, dy = y - centre.y
            let t = min(max((dx * dx + dy * dy).squareRoot() / 2, 0), 1)
            let candidate = centre.sign * (1 * (1 - t) + 0 * t)
            if abs(candidate) > abs(label) { label = candidate }
        }
        return label
    }
}

extension Array {
    /// TF's in-place shuffle: `len` draws, walking down from the end.
    public mutating func shuffle(using rng: inout SeededRandom) {
        var c = count
        while c > 0 {
            let k = Int((rng.nextDouble() * Double(c)).rounded(.down))
            c -= 1
            swapAt(c, k)
        }
    }
}

/// The shuffled points split into training and test data (training never reshuffles).
public struct DataSplit: Equatable, Sendable {
    public var train: [Example]
    public var test: [Example]

    /// Generates, shuffles and splits as TF does: `s = floor(len * percTrainData / 100)`.
    public init(dataset: Dataset, noisePercent: Double, percentTrain: Double, using rng: inout SeededRandom) {
        let points = dataset.generate(count: dataset.problem.pointCount, noise: noisePercent / 100, using: &rng)
        self.init(points: points, percentTrain: percentTrain, using: &rng)
    }

    /// Shuffles and splits given points as TF does its own (the first `floor(len * percTrainData / 100)`
    /// of the shuffled points train).
    public init(points: [Example], percentTrain: Double, using rng: inout SeededRandom) {
        var points = points
        points.shuffle(using: &rng)
        let split = Int((Double(points.count) * percentTrain / 100).rounded(.down))
        train = Array(points[0..<split])
        test = Array(points[split...])
    }

    /// Every point in the order that `init(points:percentTrain:using:)`, with a fresh stream from
    /// `seed` and the same ratio, splits into exactly this split, point for point: the shuffle's
    /// permutation undone. (A file of these points read with `--data` splits as the data set did.)
    public func pointsInOrderToSplit(seed: String) -> [Example] {
        let split = train + test
        var source = Array(split.indices)
        var stream = SeededRandom(seed: seed)
        source.shuffle(using: &stream)  // position p of the shuffle receives the point given at source[p]
        var given = split
        for (position, index) in source.enumerated() { given[index] = split[position] }
        return given
    }
}
