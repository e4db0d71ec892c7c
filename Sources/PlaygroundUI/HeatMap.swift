import PlaygroundCore

/// The heat map widget: the output in TF's shades as `▀` half-block pixels (upper pixel the
/// foreground, lower the background), then the points over it, each a whole cell drawn by
/// `PointMarks` (test points when shown, training points on top).
/// Without colour: shading characters per cell, and the points' glyphs.
enum HeatMapWidget {
    static func draw(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        let width = rect.width, height = rect.height * 2
        let settings = state.settings
        let values: ArraySlice<Double>
        var cache = state.heatMap
        let held = !state.picturesFollowTraining && cache.fits(features: settings.inputFeatures, width: width, height: height)
        if !held, !cache.isCurrent(network: state.playground.network, features: settings.inputFeatures,
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
        let codes = shadeCodes(values: values, count: width * height, discretize: settings.discretize)
        let caps = state.capabilities
        HalfBlocks(caps).draw(codes: codes, values: values, discretize: settings.discretize,
                              width: width, rect: rect, into: &grid)
        let data = state.playground.data
        if settings.showTestData {
            PointMarks.draw(data.test, isTest: true, problem: settings.problem, capabilities: caps, in: rect, into: &grid)
        }
        PointMarks.draw(data.train, isTest: false, problem: settings.problem, capabilities: caps, in: rect, into: &grid)
    }

    /// One shade (0–30) per pixel, `count` of them (the middle shade where `values` run short);
    /// with `discretize` only the two ends.
    static func shadeCodes(values: ArraySlice<Double>, count: Int, discretize: Bool) -> [UInt8] {
        var codes = [UInt8](repeating: UInt8(ShadeScale.middle), count: count)
        codes.withUnsafeMutableBufferPointer { out in
            var index = 0
            for value in values where index < out.count {
                let v = discretize ? (value >= 0 ? 1.0 : -1.0) : value
                out[index] = UInt8(ShadeScale.shade(v))
                index += 1
            }
        }
        return codes
    }
}
