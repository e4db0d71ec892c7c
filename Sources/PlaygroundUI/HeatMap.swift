import PlaygroundCore

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
            cache = PictureCache()
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
