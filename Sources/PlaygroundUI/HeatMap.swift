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
        if state.heatMap.isCurrent(network: state.playground.network, features: settings.inputFeatures,
                                   width: width, height: height) {
            values = state.heatMap.outputs
        } else {
            var cache = HeatMapCache()
            cache.refresh(network: state.playground.network, features: settings.inputFeatures, width: width, height: height)
            values = cache.outputs
        }
        let pixels = pixelCodes(values: values, width: width, height: height, state: state)
        if state.capabilities.colors == .none {
            drawShading(pixels: pixels, values: values, width: width, state: state, rect: rect, into: &grid)
        } else {
            drawColored(pixels: pixels, width: width, state: state, rect: rect, into: &grid)
        }
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

    /// Colour: each cell is two pixels.
    static func drawColored(pixels: [UInt8], width: Int, state: AppState, rect: Rect, into grid: inout CellGrid) {
        let palette = Palette(state.capabilities.colors)
        var colors = (0..<ShadeScale.count).map { palette.shade($0) }
        colors += [palette.point(label: -1, isTest: false), palette.point(label: 1, isTest: false),
                   palette.point(label: -1, isTest: true), palette.point(label: 1, isTest: true)]
        let glyphs = Glyphs.forTerminal(unicode: state.capabilities.unicode)
        let clip = rect.intersection(grid.bounds)
        for row in 0..<rect.height {
            let y = rect.y + row
            guard y >= clip.y, y < clip.maxY else { continue }
            for column in 0..<width where rect.x + column >= clip.x && rect.x + column < clip.maxX {
                let upper = pixels[2 * row * width + column], lower = pixels[(2 * row + 1) * width + column]
                let cell: Cell
                if state.capabilities.unicode {
                    cell = Cell(glyphs.upperHalf, style: CellStyle(foreground: colors[Int(upper)], background: colors[Int(lower)]))
                } else {
                    // No half blocks: one colour per cell, a letter for a point.
                    let point = upper > 30 ? upper : (lower > 30 ? lower : nil)
                    if let point {
                        cell = Cell(pointGlyph(point, glyphs), style: CellStyle(foreground: colors[Int(point)],
                                                                                background: colors[Int(min(upper, lower))]))
                    } else {
                        cell = Cell(" ", style: CellStyle(background: colors[Int(upper)]))
                    }
                }
                grid[rect.x + column, y] = cell
            }
        }
    }

    /// No colour: shading characters from the mean of a cell's two values, letters for points.
    static func drawShading(pixels: [UInt8], values: ArraySlice<Double>, width: Int, state: AppState, rect: Rect,
                            into grid: inout CellGrid) {
        let glyphs = Glyphs.forTerminal(unicode: state.capabilities.unicode)
        let start = values.startIndex
        for row in 0..<rect.height {
            for column in 0..<width {
                let upper = pixels[2 * row * width + column], lower = pixels[(2 * row + 1) * width + column]
                let scalar: Unicode.Scalar
                if upper > 30 || lower > 30 {
                    scalar = pointGlyph(upper > 30 ? upper : lower, glyphs)
                } else if values.count == pixels.count {
                    var mean = (values[start + 2 * row * width + column] + values[start + (2 * row + 1) * width + column]) / 2
                    if state.settings.discretize { mean = mean >= 0 ? 1 : -1 }
                    scalar = ShadeScale.rampCharacter(mean, unicode: state.capabilities.unicode)
                } else {
                    scalar = " "
                }
                grid.set(x: rect.x + column, y: rect.y + row, Cell(scalar), clip: rect)
            }
        }
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
