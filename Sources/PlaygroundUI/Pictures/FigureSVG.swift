import PlaygroundCore

/// Figures for slides, drawn from the model rather than from terminal cells: the decision
/// boundary (the network's output over the plane at a chosen resolution, in TF's colour scale,
/// with the points, the axes and the colour scale) and the loss chart (training and test loss by
/// epoch). White background, TF Playground's colours; the same input gives the same bytes.
public enum FigureSVG {
    static let font = "font-family=\"'DejaVu Sans', Helvetica, Arial, sans-serif\""

    // MARK: The decision boundary

    /// The boundary figure: `resolution × resolution` pixels of the output over [-6, 6]² (exact
    /// activations), the training points (white outline), the test points when the state shows
    /// them (dark outline), ticks every 2 units, and the colour scale from -1 to 1.
    public static func boundary(_ playground: Playground, resolution: Int, title: String) -> String {
        precondition(resolution >= 1, "a picture needs at least one pixel")
        let plot = 480.0, left = 52.0, top = 44.0
        let barX = left + plot + 28, barWidth = 16.0
        let width = Int(barX + barWidth + 40), height = Int(top + plot + 44)
        let state = playground.state
        var out = header(width: width, height: height, title: title)
        out += "<text x=\"\(left)\" y=\"26\" \(font) font-size=\"16\" fill=\"#333\">\(ScreenSVG.escaped(title))</text>\n"

        // The output over the plane, one palette index (TF's shade) per pixel.
        let features = state.inputFeatures
        var evaluation = GridEvaluation()
        let count = resolution * resolution
        playground.network.evaluate(featureColumns: features.gridColumns(width: resolution, height: resolution),
                                    count: count, into: &evaluation)
        let outputs = evaluation.outputs(layer: playground.network.layerCount - 1, node: 0)
        let pixels = outputs.map { value -> UInt8 in
            UInt8(ShadeScale.shade(state.discretize ? (value >= 0 ? 1 : -1) : value))
        }
        let palette = (0..<ShadeScale.count).map(ShadeScale.rgb(ofShade:))
        let png = PalettePNG.encode(width: resolution, height: resolution, pixels: pixels, palette: palette)
        out += "<image x=\"\(left)\" y=\"\(top)\" width=\"\(plot)\" height=\"\(plot)\" preserveAspectRatio=\"none\" "
            + "xlink:href=\"data:image/png;base64,\(PalettePNG.base64(png))\"/>\n"

        // The points: training first, test on top, as TF draws them.
        func place(_ point: Example) -> (Double, Double) {
            (left + (point.x + 6) / 12 * plot, top + (6 - point.y) / 12 * plot)
        }
        var sets: [(points: [Example], stroke: String)] = [(playground.data.train, "#ffffff")]
        if state.showTestData { sets.append((playground.data.test, "#000000")) }
        for set in sets {
            out += "<g stroke=\"\(set.stroke)\" stroke-width=\"1\">\n"
            for point in set.points where abs(point.x) <= 6 && abs(point.y) <= 6 {
                let (x, y) = place(point)
                let color = ShadeScale.rgb(ofShade: ShadeScale.shade(point.label))
                out += "<circle cx=\"\(fixed(x, 1))\" cy=\"\(fixed(y, 1))\" r=\"4\" fill=\"\(ScreenSVG.hex(color))\"/>\n"
            }
            out += "</g>\n"
        }

        // Frame, ticks and their labels.
        out += "<rect x=\"\(left)\" y=\"\(top)\" width=\"\(plot)\" height=\"\(plot)\" fill=\"none\" stroke=\"#999\"/>\n"
        out += "<g \(font) font-size=\"12\" fill=\"#555\">\n"
        for tick in stride(from: -6, through: 6, by: 2) {
            let x = left + Double(tick + 6) / 12 * plot, y = top + Double(6 - tick) / 12 * plot
            out += line(x, top + plot, x, top + plot + 5, "#999")
            out += "<text x=\"\(fixed(x, 1))\" y=\"\(fixed(top + plot + 19, 1))\" text-anchor=\"middle\">\(tick)</text>\n"
            out += line(left - 5, y, left, y, "#999")
            out += "<text x=\"\(fixed(left - 8, 1))\" y=\"\(fixed(y + 4, 1))\" text-anchor=\"end\">\(tick)</text>\n"
        }
        out += "</g>\n"

        // The colour scale, +1 at the top.
        let step = plot / Double(ShadeScale.count)
        for shade in 0..<ShadeScale.count {
            let y = top + Double(ShadeScale.count - 1 - shade) * step
            out += "<rect x=\"\(barX)\" y=\"\(fixed(y, 2))\" width=\"\(barWidth)\" height=\"\(fixed(step + 0.5, 2))\" "
                + "fill=\"\(ScreenSVG.hex(ShadeScale.rgb(ofShade: shade)))\"/>\n"
        }
        out += "<rect x=\"\(barX)\" y=\"\(top)\" width=\"\(barWidth)\" height=\"\(plot)\" fill=\"none\" stroke=\"#999\"/>\n"
        out += "<g \(font) font-size=\"12\" fill=\"#555\">\n"
        for (label, y) in [("1", top + 4), ("0", top + plot / 2 + 4), ("-1", top + plot + 4)] {
            out += "<text x=\"\(barX + barWidth + 6)\" y=\"\(fixed(y, 1))\">\(label)</text>\n"
        }
        out += "</g>\n</svg>\n"
        return out
    }

    // MARK: The loss chart

    /// The loss figure: both losses of `records` against the epoch, from 0 to a round number
    /// above the largest finite loss; training loss grey, test loss black (TF's colours).
    public static func loss(_ records: [LossHistory.Record], title: String) -> String {
        let width = 640, height = 380
        let left = 64.0, top = 44.0, plotWidth = 540.0, plotHeight = 280.0
        var out = header(width: width, height: height, title: title)
        out += "<text x=\"\(left)\" y=\"26\" \(font) font-size=\"16\" fill=\"#333\">\(ScreenSVG.escaped(title))</text>\n"
        let finite = records.flatMap { [$0.training, $0.test] }.filter(\.isFinite)
        let largest = max(finite.max() ?? 1, 1e-9)
        let yStep = niceStep(largest / 4), yTop = (largest / yStep).rounded(.up) * yStep
        let first = records.first?.epoch ?? 0, last = max(records.last?.epoch ?? 1, first + 1)
        func x(_ epoch: Int) -> Double { left + Double(epoch - first) / Double(last - first) * plotWidth }
        func y(_ loss: Double) -> Double { top + plotHeight - min(loss, yTop) / yTop * plotHeight }

        out += "<g \(font) font-size=\"12\" fill=\"#555\">\n"
        var value = 0.0
        while value <= yTop + yStep / 2 {
            out += line(left, y(value), left + plotWidth, y(value), "#e4e4e4")
            out += "<text x=\"\(fixed(left - 8, 1))\" y=\"\(fixed(y(value) + 4, 1))\" text-anchor=\"end\">\(decimal(value, step: yStep))</text>\n"
            value += yStep
        }
        let xStep = max(1, Int(niceStep(Double(last - first) / 5)))
        var epoch = (first + xStep - 1) / xStep * xStep
        while epoch <= last {
            out += line(x(epoch), top + plotHeight, x(epoch), top + plotHeight + 5, "#999")
            out += "<text x=\"\(fixed(x(epoch), 1))\" y=\"\(fixed(top + plotHeight + 19, 1))\" text-anchor=\"middle\">\(epoch)</text>\n"
            epoch += xStep
        }
        out += "<text x=\"\(fixed(left + plotWidth / 2, 1))\" y=\"\(height - 8)\" text-anchor=\"middle\">epoch</text>\n"
        out += "</g>\n"
        out += "<rect x=\"\(left)\" y=\"\(top)\" width=\"\(plotWidth)\" height=\"\(plotHeight)\" fill=\"none\" stroke=\"#999\"/>\n"
        for (path, color) in [(\LossHistory.Record.training, "#777777"), (\LossHistory.Record.test, "#000000")] {
            // A diverged (non-finite) loss breaks the line.
            var segments: [[String]] = [[]]
            for record in records {
                let loss = record[keyPath: path]
                if loss.isFinite {
                    segments[segments.count - 1].append("\(fixed(x(record.epoch), 1)),\(fixed(y(loss), 1))")
                } else if !(segments.last?.isEmpty ?? true) {
                    segments.append([])
                }
            }
            for points in segments where !points.isEmpty {
                out += "<polyline fill=\"none\" stroke=\"\(color)\" stroke-width=\"2\" points=\"\(points.joined(separator: " "))\"/>\n"
            }
        }
        // The legend, top right, with the last values.
        let lastRecord = records.last
        for (index, (name, color, loss)) in [("training loss", "#777777", lastRecord?.training),
                                              ("test loss", "#000000", lastRecord?.test)].enumerated() {
            let ly = top + 18 + Double(index) * 18
            let lx = left + plotWidth - 190
            out += line(lx, ly - 4, lx + 24, ly - 4, color, width: 2)
            let text = name + (loss.map { " " + fixed($0, 4) } ?? "")
            out += "<text x=\"\(fixed(lx + 30, 1))\" y=\"\(fixed(ly, 1))\" \(font) font-size=\"13\" fill=\"#333\">\(text)</text>\n"
        }
        out += "</svg>\n"
        return out
    }

    // MARK: Helpers

    static func header(width: Int, height: Int, title: String) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
            + "width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\">\n"
            + "<title>\(ScreenSVG.escaped(title))</title>\n"
            + "<rect width=\"\(width)\" height=\"\(height)\" fill=\"#ffffff\"/>\n"
    }

    static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, _ color: String, width: Double = 1) -> String {
        "<line x1=\"\(fixed(x1, 1))\" y1=\"\(fixed(y1, 1))\" x2=\"\(fixed(x2, 1))\" y2=\"\(fixed(y2, 1))\" stroke=\"\(color)\""
            + (width == 1 ? "" : " stroke-width=\"\(fixed(width, 1))\"") + "/>\n"
    }

    /// 1, 2 or 5 times a power of ten, at least `rough`.
    static func niceStep(_ rough: Double) -> Double {
        guard rough.isFinite, rough > 0 else { return 1 }
        var power = 1.0
        while power > rough { power /= 10 }
        while power * 10 <= rough { power *= 10 }
        for factor in [1.0, 2.0, 5.0, 10.0] where power * factor >= rough { return power * factor }
        return power * 10
    }

    /// A tick value with as many decimals as its step needs.
    static func decimal(_ value: Double, step: Double) -> String {
        var digits = 0, scaled = step
        while scaled < 1 - 1e-9, digits < 8 {
            scaled *= 10
            digits += 1
        }
        return fixed(value, digits)
    }

    /// `value` with exactly `digits` decimals (half away from zero), without Foundation.
    public static func fixed(_ value: Double, _ digits: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<digits { scale *= 10 }
        let scaled = (value.magnitude * scale).rounded()
        guard scaled < 9e15 else { return String(value) }
        let whole = Int(scaled)
        let sign = value < 0 && whole != 0 ? "-" : ""
        let integer = whole / Int(scale), fraction = whole % Int(scale)
        guard digits > 0 else { return sign + String(integer) }
        let fractionText = String(fraction)
        return sign + String(integer) + "." + String(repeating: "0", count: digits - fractionText.count) + fractionText
    }
}
