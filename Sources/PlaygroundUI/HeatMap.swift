import PlaygroundCore

/// The network's output over the heat map's pixel grid, evaluated once per change of network
/// or size with `FastMath.tanh` (|error| < 1e-4, far below one of the 31 shades, which are
/// 2/31 ≈ 0.065 wide: a pixel's shade is the exact one or a neighbour, and only when the exact
/// value lies within 1e-4 of a shade boundary).
public struct HeatMapCache: Equatable, Sendable {
    /// The pixel grid: `width × height` over x, y ∈ [-6, 6], row 0 at the top (y up).
    public private(set) var pixelWidth = 0
    public private(set) var pixelHeight = 0
    private(set) var features: [Feature] = []
    /// The grid's feature columns, kept while the size and the features stay.
    private(set) var columns: [Double] = []
    /// The network as evaluated (compared with the current one to decide a re-evaluation).
    private(set) var network: Network?
    private(set) var evaluation = GridEvaluation()

    public init() {}

    /// True when the cache holds this network's output over this grid.
    public func isCurrent(network: Network, features: [Feature], width: Int, height: Int) -> Bool {
        width == pixelWidth && height == pixelHeight && features == self.features && self.network == network
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
            self.network = nil
        }
        if self.network == network { return false }
        network.evaluate(featureColumns: columns, count: width * height, approximate: true, into: &evaluation)
        self.network = network
        return true
    }

    /// The output node's value per pixel, row-major from the top-left.
    public var outputs: ArraySlice<Double> {
        guard let network, evaluation.count > 0 else { return [] }
        return evaluation.outputs(layer: network.layerCount - 1, node: 0)
    }

    /// Any node's value per pixel (the evaluation keeps every node's row).
    public func outputs(layer: Int, node: Int) -> ArraySlice<Double> {
        guard let network, evaluation.count > 0, layer < network.layerCount, node < network.sizes[layer] else { return [] }
        return evaluation.outputs(layer: layer, node: node)
    }

    public static func == (a: HeatMapCache, b: HeatMapCache) -> Bool {
        a.pixelWidth == b.pixelWidth && a.pixelHeight == b.pixelHeight && a.features == b.features
            && a.network == b.network && a.evaluation.values == b.evaluation.values
    }
}

/// The heat map widget: the output in TF's shades as `▀` half-block pixels (upper pixel the
/// foreground, lower the background), training points on top, test points when shown.
/// Without colour: shading characters per cell and letters for points (o x train, O X test).
enum HeatMapWidget {
    /// Point codes after the 31 shades in a pixel buffer.
    static let trainingNegative: UInt8 = 31, trainingPositive: UInt8 = 32
    static let testNegative: UInt8 = 33, testPositive: UInt8 = 34

    static func draw(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        let width = rect.width, height = rect.height * 2
        let settings = state.settings
        let values: ArraySlice<Double>
        var cache = state.heatMap
        if !cache.isCurrent(network: state.playground.network, features: settings.inputFeatures,
                            width: width, height: height) {
            cache = HeatMapCache()
            cache.refresh(network: state.playground.network, features: settings.inputFeatures, width: width, height: height)
        }
        // The inspected node's own output (TF's hover), else the network's.
        if let node = state.shownNode {
            values = cache.outputs(layer: node.layer, node: node.node)
        } else {
            values = cache.outputs
        }
        let pixels = pixelCodes(values: values, width: width, height: height, state: state)
        HalfBlocks(state.capabilities).draw(codes: pixels, values: values, discretize: state.settings.discretize,
                                            width: width, rect: rect, into: &grid)
    }

    /// One code per pixel: the shade (0–30), or a point code where a point lies.
    static func pixelCodes(values: ArraySlice<Double>, width: Int, height: Int, state: AppState) -> [UInt8] {
        let settings = state.settings
        var codes = [UInt8](repeating: UInt8(ShadeScale.middle), count: width * height)
        codes.withUnsafeMutableBufferPointer { out in
            var index = 0
            for value in values where index < out.count {
                let v = settings.discretize ? (value >= 0 ? 1.0 : -1.0) : value
                out[index] = UInt8(ShadeScale.shade(v))
                index += 1
            }
        }
        func mark(_ points: [Example], negative: UInt8, positive: UInt8) {
            for point in points {
                let column = Int(((point.x + 6) / 12 * Double(width)).rounded(.down))
                let row = Int(((6 - point.y) / 12 * Double(height)).rounded(.down))
                guard column >= 0, column < width, row >= 0, row < height else { continue }
                codes[row * width + column] = point.label >= 0 ? positive : negative
            }
        }
        if settings.showTestData { mark(state.playground.data.test, negative: testNegative, positive: testPositive) }
        mark(state.playground.data.train, negative: trainingNegative, positive: trainingPositive)
        return codes
    }

    static func pointGlyph(_ code: UInt8, _ glyphs: Glyphs) -> Unicode.Scalar {
        switch code {
        case trainingNegative: glyphs.trainingNegative
        case trainingPositive: glyphs.trainingPositive
        case testNegative: glyphs.testNegative
        default: glyphs.testPositive
        }
    }
}
