// The heat map widget: a run's pictures in TF's shades, with the points over them.
import PlaygroundCore

/// The heat map widget: the output in TF's shades as `▀` half-block pixels (upper pixel the
/// foreground, lower the background), then the points over it, each a whole cell drawn by
/// `PointMarks` (test points when shown, training points on top).
/// Without colour: shading characters per cell, and the points' glyphs.
enum HeatMapWidget {
    /// The app's heat map: its frame's pictures, the inspected node's if one is, its points.
    static func draw(_ state: AppState, in rect: Rect, into grid: inout CellGrid) {
        draw(state.frame.shown.heatMap, node: state.shownNode, data: state.playground.data, settings: state.settings,
             capabilities: state.capabilities, in: rect, into: &grid)
    }

    /// `pictures` as they are (evaluated by `Frame.build`, never here): `node`'s output (TF's
    /// hover), else the network's, with `data`'s points over it.
    static func draw(_ pictures: PictureCache, node: (layer: Int, node: Int)?, data: DataSplit, settings: PlaygroundState,
                     capabilities caps: Capabilities, in rect: Rect, into grid: inout CellGrid) {
        guard !rect.isEmpty else { return }
        let width = rect.width, height = rect.height * 2
        let values = node.map { pictures.outputs(layer: $0.layer, node: $0.node) } ?? pictures.outputs
        let codes = shadeCodes(values: values, count: width * height, discretize: settings.discretize)
        HalfBlocks(caps).draw(codes: codes, values: values, discretize: settings.discretize,
                              width: width, rect: rect, into: &grid)
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
