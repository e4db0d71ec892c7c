/// A sweep's summary per setting: how many runs reached the target, the quartiles of their epochs
/// to it, the median final test loss; and the quantile they use.

/// The quantile of sorted numbers by linear interpolation between order statistics ("type 7" in
/// Hyndman & Fan, 1996; R's and NumPy's default): for n values x₀ ≤ … ≤ xₙ₋₁ and p in [0, 1],
/// h = (n − 1)·p and Q(p) = x⌊h⌋ + (h − ⌊h⌋)·(x⌊h⌋₊₁ − x⌊h⌋). The median is Q(0.5) (the middle
/// value, or the mean of the two middle ones); the quartiles are Q(0.25) and Q(0.75).
/// +∞ stands for "never" (a run that did not reach the target, a diverged loss): it sorts after
/// every number, and a quantile that would interpolate towards it is +∞.
public enum Quantile {
    /// nil for no values.
    public static func of(sorted values: [Double], _ p: Double) -> Double? {
        precondition((0...1).contains(p), "a quantile outside [0, 1]")
        precondition(!values.contains { $0.isNaN }, "NaN has no place in an order")
        guard !values.isEmpty else { return nil }
        let h = Double(values.count - 1) * p
        let low = Int(h.rounded(.down))
        let fraction = h - Double(low)
        if fraction == 0 { return values[low] }
        let (a, b) = (values[low], values[low + 1])
        if b == .infinity { return .infinity }
        return a + fraction * (b - a)
    }
}

/// The first quartile, median and third quartile of some numbers (type 7, see `Quantile`).
public struct Quartiles: Sendable, Equatable {
    public let lower, median, upper: Double

    /// nil for no values; NaN counts as +∞.
    public init?(_ values: [Double]) {
        let sorted = values.map { $0.isNaN ? .infinity : $0 }.sorted()
        guard let lower = Quantile.of(sorted: sorted, 0.25), let median = Quantile.of(sorted: sorted, 0.5),
              let upper = Quantile.of(sorted: sorted, 0.75) else { return nil }
        self.lower = lower
        self.median = median
        self.upper = upper
    }
}

/// One setting's runs, summed up.
public struct SettingSummary: Sendable, Equatable {
    public let runs: Int
    /// Runs whose test loss reached the target.
    public let reached: Int
    /// Runs whose final loss is NaN or ±∞.
    public let diverged: Int
    /// Over every run of the setting, a run that never reached the target counting as +∞ (later
    /// than any that did): a median of +∞ says that half the runs or more never reached it. nil
    /// with no target or no runs.
    public let epochsToTarget: Quartiles?
    /// The median final test loss over every run, a diverged one counting as +∞; nil with no runs.
    public let medianFinalTestLoss: Double?

    /// `hasTarget`: whether the sweep had a target (without one, nothing reached it).
    public init(_ outcomes: [RunOutcome], hasTarget: Bool) {
        runs = outcomes.count
        reached = outcomes.filter { $0.epochsToTarget != nil }.count
        diverged = outcomes.filter(\.diverged).count
        epochsToTarget = hasTarget ? Quartiles(outcomes.map { $0.epochsToTarget.map(Double.init) ?? .infinity }) : nil
        medianFinalTestLoss = Quartiles(outcomes.map { $0.finalTestLoss.isFinite ? $0.finalTestLoss : .infinity })?.median
    }
}
