/// The seven input features, in TF's order. The raw value is the state-string key.
public enum Feature: String, CaseIterable, Sendable {
    case x, y, xSquared, ySquared, xTimesY, sinX, sinY

    /// The feature's value at a point.
    @inline(__always)
    public func value(x: Double, y: Double) -> Double {
        switch self {
        case .x: x
        case .y: y
        case .xSquared: x * x
        case .ySquared: y * y
        case .xTimesY: x * y
        case .sinX: Math.sin(x)
        case .sinY: Math.sin(y)
        }
    }

    /// The label TF prints under the feature's node.
    public var label: String {
        switch self {
        case .x: "X1"
        case .y: "X2"
        case .xSquared: "X1²"
        case .ySquared: "X2²"
        case .xTimesY: "X1X2"
        case .sinX: "sin(X1)"
        case .sinY: "sin(X2)"
        }
    }

    /// An ASCII name for terminals that cannot show UTF-8.
    public var asciiLabel: String {
        switch self {
        case .x: "x"
        case .y: "y"
        case .xSquared: "x^2"
        case .ySquared: "y^2"
        case .xTimesY: "xy"
        case .sinX: "sin x"
        case .sinY: "sin y"
        }
    }
}

extension Array where Element == Feature {
    /// The enabled features' values for each point, flat and row-major (`count × features`):
    /// computed once per data set so training never recomputes `sin`.
    public func inputs(for points: [Example]) -> [Double] {
        var values = [Double]()
        values.reserveCapacity(points.count * count)
        for point in points {
            for feature in self { values.append(feature.value(x: point.x, y: point.y)) }
        }
        return values
    }
}
