// Lesson 5's model: the loss surfaces and the optimizers' race across one.
import PlaygroundCore

/// A loss surface of two variables for lesson 5, with its gradient written out by hand.
public enum LossSurface: Int, CaseIterable, Sendable {
    /// f = (1 − x)² + 100·(y − x²)²: a long, narrow, curved valley with its minimum 0 at (1, 1).
    case rosenbrock
    /// f = x² − y²: a saddle at (0, 0), flat in the middle, falling away along y.
    case saddle
    /// f = x² + 25·y²: a bowl 25 times steeper across than along.
    case bowl

    public var title: String {
        switch self {
        case .rosenbrock: "Rosenbrock's valley (1-x)^2 + 100(y-x^2)^2"
        case .saddle: "a saddle, x^2 - y^2"
        case .bowl: "a badly scaled bowl, x^2 + 25y^2"
        }
    }

    public func value(x: Double, y: Double) -> Double {
        switch self {
        case .rosenbrock: (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x)
        case .saddle: x * x - y * y
        case .bowl: x * x + 25 * y * y
        }
    }

    /// (∂f/∂x, ∂f/∂y).
    public func gradient(x: Double, y: Double) -> (dx: Double, dy: Double) {
        switch self {
        case .rosenbrock: (-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x))
        case .saddle: (2 * x, -2 * y)
        case .bowl: (2 * x, 50 * y)
        }
    }

    /// The part of the plane drawn: x from `minX` to `maxX`, y likewise.
    public var domain: (minX: Double, maxX: Double, minY: Double, maxY: Double) {
        switch self {
        case .rosenbrock: (-2, 2, -1, 3)
        case .saddle, .bowl: (-2, 2, -2, 2)
        }
    }

    /// The lowest point, marked on the map: Rosenbrock's (1, 1) and the bowl's (0, 0); the saddle
    /// has none (its (0, 0) is a saddle point, marked as such).
    public var minimum: (x: Double, y: Double, isMinimum: Bool) {
        switch self {
        case .rosenbrock: (1, 1, true)
        case .saddle: (0, 0, false)
        case .bowl: (0, 0, true)
        }
    }

    /// Where the race starts until the user moves it: Rosenbrock's classic start; a point just
    /// off the saddle's ridge, so that the optimizers crawl before they fall; the bowl's far rim.
    public var defaultStart: (x: Double, y: Double) {
        switch self {
        case .rosenbrock: (-1.5, 2)
        case .saddle: (-1.8, 0.02)
        case .bowl: (-1.8, 1.2)
        }
    }
}

/// Lesson 5's race: the five optimizers of `Optimizer` from one start on one surface, each
/// coordinate updated as `p ← p − step(∂f/∂p)`, the same rule that trains the network.
public struct OptimizerRace: Equatable, Sendable {
    /// One optimizer's run: where it is, its rule's state per coordinate, and its path.
    public struct Runner: Equatable, Sendable {
        public let optimizer: Optimizer
        public private(set) var x: Double
        public private(set) var y: Double
        var first = [0.0, 0.0]
        var second = [0.0, 0.0]
        /// Every position so far, the start first.
        public private(set) var path: [(x: Double, y: Double)]
        /// Left the picture (beyond `OptimizerRace.escape`, or not a finite number): stops moving.
        public private(set) var hasDiverged = false

        init(_ kind: Optimizer.Kind, x: Double, y: Double) {
            optimizer = Optimizer(kind)
            self.x = x
            self.y = y
            path = [(x, y)]
        }

        mutating func step(on surface: LossSurface, _ update: Optimizer.Update) {
            guard !hasDiverged else { return }
            let g = surface.gradient(x: x, y: y)
            x -= optimizer.step(g.dx, first: &first[0], second: &second[0], update)
            y -= optimizer.step(g.dy, first: &first[1], second: &second[1], update)
            if !x.isFinite || !y.isFinite || abs(x) > OptimizerRace.escape || abs(y) > OptimizerRace.escape {
                hasDiverged = true
            }
            path.append((x, y))
        }

        public static func == (a: Runner, b: Runner) -> Bool {
            a.optimizer == b.optimizer && a.x == b.x && a.y == b.y && a.first == b.first && a.second == b.second
                && a.hasDiverged == b.hasDiverged && a.path.count == b.path.count
        }
    }

    /// The learning rates offered, slowest first.
    public static let learningRates = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3]
    /// 0.001: plain gradient descent crawls on Rosenbrock, momentum and Adam get somewhere.
    public static let defaultRateIndex = 2
    /// The race stops here (Home restarts it).
    public static let maxSteps = 1000
    /// A runner this far out (every surface is drawn within ±3) has left the picture for good.
    static let escape = 100.0

    public private(set) var surface: LossSurface = .rosenbrock
    public private(set) var startX: Double
    public private(set) var startY: Double
    public private(set) var rateIndex = OptimizerRace.defaultRateIndex
    public private(set) var steps = 0
    public private(set) var runners: [Runner] = []

    public init(surface: LossSurface = .rosenbrock) {
        self.surface = surface
        (startX, startY) = surface.defaultStart
        restart()
    }

    public var learningRate: Double { Self.learningRates[rateIndex] }
    public var isFinished: Bool { steps >= Self.maxSteps }

    /// Every runner back at the start, step 0.
    public mutating func restart() {
        steps = 0
        runners = Optimizer.Kind.allCases.map { Runner($0, x: startX, y: startY) }
    }

    /// One step of every runner; nothing after `maxSteps`.
    public mutating func step() {
        guard !isFinished else { return }
        steps += 1
        let update = Optimizer.Update(learningRate: learningRate, t: steps)
        for index in runners.indices { runners[index].step(on: surface, update) }
    }

    public mutating func step(times count: Int) {
        for _ in 0..<max(0, count) where !isFinished { step() }
    }

    /// The next or previous surface, from its own start.
    public mutating func changeSurface(by delta: Int) {
        let count = LossSurface.allCases.count
        surface = LossSurface(rawValue: ((surface.rawValue + delta) % count + count) % count)!
        (startX, startY) = surface.defaultStart
        restart()
    }

    /// A learning rate `delta` rungs up or down the ladder (held at the ends); restarts.
    public mutating func changeRate(by delta: Int) {
        rateIndex = min(Self.learningRates.count - 1, max(0, rateIndex + delta))
        restart()
    }

    /// Moves the start by `dx`, `dy` twentieths of the drawn plane, kept inside it; restarts.
    public mutating func moveStart(dx: Int, dy: Int) {
        let d = surface.domain
        let stepX = (d.maxX - d.minX) / 20, stepY = (d.maxY - d.minY) / 20
        startX = min(d.maxX, max(d.minX, ((startX + Double(dx) * stepX) * 1000).rounded() / 1000))
        startY = min(d.maxY, max(d.minY, ((startY + Double(dy) * stepY) * 1000).rounded() / 1000))
        restart()
    }

    /// Sets the start exactly (tests, and a future click); restarts.
    public mutating func setStart(x: Double, y: Double) {
        startX = x
        startY = y
        restart()
    }

    public func loss(of runner: Runner) -> Double { surface.value(x: runner.x, y: runner.y) }
}
