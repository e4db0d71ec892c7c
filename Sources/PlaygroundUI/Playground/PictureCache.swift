// Every node's output over a pixel grid, from one batched evaluation (heat map, thumbnails).
import PlaygroundCore

/// Every node's output over a pixel grid (x, y ∈ [-6, 6], row 0 at the top, y up) from ONE
/// batched evaluation of the network: `GridEvaluation` keeps every node's row, so the main heat
/// map (the output node, or the selected node) and each thumbnail are slices of it. It is
/// evaluated once per change of network or size with `FastMath.tanh` (|error| < 1e-4, far below
/// one of the 31 shades, which are 2/31 ≈ 0.065 wide: a pixel's shade is the exact one or a
/// neighbour, and only when the exact value lies within 1e-4 of a shade boundary). The app keeps
/// two: one at the heat map's size, one at the thumbnails' size.
public struct PictureCache: Equatable, Sendable {
    public private(set) var pixelWidth = 0
    public private(set) var pixelHeight = 0
    private(set) var features: [Feature] = []
    private(set) var columns: [Double] = []
    private(set) var network: Network?
    private(set) var evaluation = GridEvaluation()
    /// Each of the seven features' fixed picture (disabled ones too), in `Feature.allCases` order.
    public private(set) var featurePictures: [[Double]] = []
    /// How many times the network was evaluated over the grid (for tests and the benchmark:
    /// a refresh that should evaluate must move it).
    public private(set) var evaluations = 0

    public init() {}

    public func isCurrent(network: Network, features: [Feature], width: Int, height: Int) -> Bool {
        width == pixelWidth && height == pixelHeight && features == self.features && self.network == network
    }

    /// Holds pictures of some network at this size and these features (a held-back picture
    /// of an earlier network while training is paced: `update(_:_:pictures: .keep)`).
    public func fits(features: [Feature], width: Int, height: Int) -> Bool {
        network != nil && width == pixelWidth && height == pixelHeight && features == self.features
    }

    /// Forgets the evaluated network (keeping the grid), so the next refresh evaluates.
    mutating func invalidate() { network = nil }

    /// Brings the cache up to date; returns true when it evaluated.
    @discardableResult
    public mutating func refresh(network: Network, features: [Feature], width: Int, height: Int) -> Bool {
        if width != pixelWidth || height != pixelHeight || features != self.features {
            pixelWidth = width
            pixelHeight = height
            self.features = features
            columns = features.gridColumns(width: width, height: height)
            let all = Feature.allCases.gridColumns(width: width, height: height)
            let count = width * height
            featurePictures = (0..<Feature.allCases.count).map { Array(all[($0 * count)..<(($0 + 1) * count)]) }
            self.network = nil
        }
        if self.network == network { return false }
        network.evaluate(featureColumns: columns, count: width * height, approximate: true, into: &evaluation)
        self.network = network
        evaluations += 1
        return true
    }

    /// The output node's value per pixel, row-major from the top-left.
    public var outputs: ArraySlice<Double> {
        guard let network, evaluation.count > 0 else { return [] }
        return evaluation.outputs(layer: network.layerCount - 1, node: 0)
    }

    /// One node's values per pixel, row-major from the top-left (empty before an evaluation).
    public func outputs(layer: Int, node: Int) -> ArraySlice<Double> {
        guard let network, evaluation.count > 0, layer < network.layerCount, node < network.sizes[layer] else { return [] }
        return evaluation.outputs(layer: layer, node: node)
    }

    public static func == (a: PictureCache, b: PictureCache) -> Bool {
        // The evaluation count is bookkeeping, not content.
        a.pixelWidth == b.pixelWidth && a.pixelHeight == b.pixelHeight && a.features == b.features
            && a.network == b.network && a.evaluation.values == b.evaluation.values
    }
}
