import PlaygroundCore

/// Lesson 4's screen: the node and the example, a table of its inputs (x_j, w_j, w_j·x_j and
/// ∂E/∂w_j), then the forward lines and the chain rule backward.
enum NeuronView {
    static func draw(_ state: AppState, _ lessons: Lessons, in rect: Rect, into grid: inout CellGrid) {
        let unicode = state.capabilities.unicode
        let palette = Palette(state.capabilities.colors)
        let sizes = state.playground.network.sizes
        let layer = min(max(1, lessons.neuronLayer), sizes.count - 1)
        let node = min(lessons.neuronNode, sizes[layer] - 1)
        let lesson = NeuronLesson(playground: state.playground, layer: layer, node: node, point: lessons.point, unicode: unicode)
        for (row, line) in lines(lesson, unicode: unicode, examples: state.playground.trainLabels.count).enumerated()
        where rect.y + row < rect.maxY {
            let style: CellStyle = switch line.kind {
            case .heading: CellStyle(foreground: palette.title, bold: true)
            case .forward: CellStyle(foreground: palette.color(full: 114, eight: 2))
            case .backward: CellStyle(foreground: palette.color(full: 209, eight: 3), bold: true)
            case .plain: CellStyle()
            }
            grid.put(line.text, x: rect.x + 1, y: rect.y + row, style: style, clip: rect)
        }
    }

    enum Kind { case heading, forward, backward, plain }

    /// Every line of the lesson, in order.
    static func lines(_ lesson: NeuronLesson, unicode: Bool, examples: Int) -> [(kind: Kind, text: String)] {
        let n = { (value: Double) in Format.decimal(value, places: 4) }
        let d = unicode ? "∂" : "d", times = unicode ? "·" : "*", sum = unicode ? "Σ" : "sum"
        func cell(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
        var lines: [(kind: Kind, text: String)] = []
        let arrows = unicode ? "↑↓←→" : "arrows"
        lines.append((.plain, "node \(lesson.name) (\(lesson.activation.title)) on training point \(lesson.point + 1) of \(examples)"
                      + " (label \(ScalarGraph.rounded(4)(lesson.label))):  \(arrows) node, [ ] point"))
        lines.append((.heading, cell("source", 8) + cell("x_j", 10) + cell("w_j", 10) + cell("w_j\(times)x_j", 10)
                      + "   \(d)E/\(d)w_j = \(d)E/\(d)z \(times) x_j"))
        for j in lesson.inputs.indices {
            lines.append((.forward, cell(lesson.sourceNames[j], 8) + cell(n(lesson.inputs[j]), 10) + cell(n(lesson.weights[j]), 10)
                          + cell(n(lesson.weights[j] * lesson.inputs[j]), 10) + "   "
                          + "\(n(lesson.totalGradient)) \(times) \(n(lesson.inputs[j])) = \(n(lesson.weightGradients[j]))"))
        }
        lines.append((.forward, cell("bias b", 8) + cell("", 10) + cell(n(lesson.bias), 10) + cell("", 10)
                      + "   \(d)E/\(d)b = \(d)E/\(d)z = \(n(lesson.totalGradient))"))
        lines.append((.forward, "z = b + \(sum) w_j\(times)x_j = \(n(lesson.total))"))
        lines.append((.forward, "out = \(lesson.activation.title)(z) = \(n(lesson.output))"))
        let half = unicode ? "½" : "0.5"
        lines.append((.forward, "network output \(n(lesson.networkOutput)), label \(n(lesson.label)): "
                      + "E = \(half)(output \(unicode ? "−" : "-") label)\(unicode ? "²" : "^2") = \(n(lesson.error))"))
        lines.append((.heading, "backward, for this example only (what one example adds to the batch's sums)"))
        if lesson.isOutput {
            lines.append((.backward, "\(d)E/\(d)out = out - label = \(n(lesson.outputGradient))"))
        } else {
            lines.append((.backward, "\(d)E/\(d)out = \(sum)_k w_k\(times)\(d)E/\(d)z_k over the nodes it feeds = \(n(lesson.outputGradient))"))
        }
        lines.append((.backward, "f'(z) = \(derivativeText(lesson.activation, unicode: unicode)) = \(n(lesson.slope))"))
        lines.append((.backward, "\(d)E/\(d)z = \(d)E/\(d)out \(times) f'(z) = \(n(lesson.outputGradient)) \(times) \(n(lesson.slope)) = "
                      + n(lesson.totalGradient)))
        return lines
    }

    /// f'(z) of an activation, as training computes it.
    static func derivativeText(_ activation: Activation, unicode: Bool) -> String {
        switch activation {
        case .tanh: unicode ? "1 − out²" : "1 - out^2"
        case .sigmoid: "out * (1 - out)"
        case .relu: "1 if z > 0, else 0"
        case .linear: "1"
        case .leakyrelu: "1 if z > 0, else 0.01"
        case .prelu: "1 if z > 0, else the slope"
        case .elu: "1 if z > 0, else out + 1"
        case .softplus: "1 / (1 + exp(-z))"
        }
    }
}
