/// Where a playground's points come from. The state key `data` says it (`data=custom`, written only
/// when custom), so a link tells the reader that its points were not TF's.
public enum DataOrigin: String, CaseIterable, Sendable {
    /// TF's data set, drawn from the seed.
    case builtIn = "built-in"
    /// Points given: drawn by hand or read from a file.
    case custom
}

/// Drawing and erasing points (the app's drawing mode) and replacing them (a file loaded).
///
/// Every change splits the points again as TF splits its own, with a fresh stream from the
/// state's seed and the state's ratio, and keeps the network and what training learned (see
/// `splitAgain`), so the heat map and the losses follow the points while training runs. The first
/// change to a playground on a data set starts from that data set's points (training, then test).
extension Playground {
    /// True when the points are given (drawn or loaded), not TF's data set.
    public var hasCustomData: Bool { customPoints != nil }

    /// Every point in use: the custom points in the order given, else the training then the test points.
    public var points: [Example] { customPoints ?? data.train + data.test }

    /// Adds a point (x and y in the plane [-6, 6]²; a label of ±1 for classification, any number
    /// in [-1, 1] for regression) and splits the points again.
    public mutating func addPoint(_ point: Example) {
        precondition(point.x.isFinite && point.y.isFinite && point.label.isFinite, "a point is finite")
        splitAgain(points + [point])
    }

    /// Removes the point nearest to (x, y) (the first of equally near ones), if one lies within
    /// `maximumDistance`, and splits the rest again. Returns the point removed; nil changes nothing.
    @discardableResult
    public mutating func removePoint(nearestTo x: Double, _ y: Double,
                                     within maximumDistance: Double = .infinity) -> Example? {
        var remaining = points
        var nearest: (index: Int, squaredDistance: Double)?
        for (index, point) in remaining.enumerated() {
            let dx = point.x - x, dy = point.y - y
            let squared = dx * dx + dy * dy
            if squared <= maximumDistance * maximumDistance, squared < (nearest?.squaredDistance ?? .infinity) {
                nearest = (index, squared)
            }
        }
        guard let nearest else { return nil }
        let removed = remaining.remove(at: nearest.index)
        splitAgain(remaining)
        return removed
    }

    /// Removes every point: custom data with none (the network stays; losses are 0 on no points).
    public mutating func clearPoints() {
        splitAgain([])
    }

    /// Uses `points` (a file loaded into a running playground) as custom data, split again,
    /// keeping the network. `Playground(state:points:)` starts afresh instead.
    public mutating func setPoints(_ points: [Example]) {
        precondition(points.allSatisfy { $0.x.isFinite && $0.y.isFinite && $0.label.isFinite }, "points are finite")
        splitAgain(points)
    }
}
