// Lesson 4's screen: the node's inputs table, the forward lines and the chain rule backward.
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
        if let missing = NeuronLesson.missing(state.playground) {
            grid.put(missing, x: rect.x + 1, y: rect.y + 1, style: CellStyle(foreground: palette.warning, bold: true), clip: rect)
            return
        }
        let lesson = NeuronLesson(playground: state.playground, layer: layer, node: node, point: lessons.point, unicode: unicode)
        let text = lines(lesson, unicode: unicode, examples: state.playground.trainLabels.count, full: lessons.showsEveryDigit)
        for (row, line) in text.enumerated()
        where rect.y + row < rect.maxY {
            let style: CellStyle = switch line.kind {
            case .heading: CellStyle(foreground: palette.title, bold: true)
            case .forward: CellStyle(foreground: palette.color(full: 114, eight: 2))
            case .backward: CellStyle(foreground: palette.color(full: 209, eight: 3), bold: true)
            case .plain: CellStyle()
            }
            // The first line's keys give way when it is wider than the screen.
            var text = line.text
            if row == 0, text.count > rect.width - 2, let keys = text.firstRange(of: ":  ") { text = String(text[..<keys.lowerBound]) }
            grid.put(text, x: rect.x + 1, y: rect.y + row, style: style, clip: rect)
        }
    }

    enum Kind { case heading, forward, backward, plain }

    /// A number of lesson 4: four decimals, exponent notation below 0.001 (`-5.3e-6`, as the
    /// gradient panel writes small gradients), every digit when `full`.
    static func number(full: Bool) -> (Double) -> String {
        { value in
            if full { return NumberFormat.javaScript(value) }
            return value != 0 && value.magnitude < 1e-3 ? ScalarGraph.significant(2)(value) : Format.decimal(value, places: 4)
        }
    }

    /// Every line of the lesson, in order.
    static func lines(_ lesson: NeuronLesson, unicode: Bool, examples: Int, full: Bool = false) -> [(kind: Kind, text: String)] {
        let n = number(full: full)
        let d = unicode ? "∂" : "d", times = unicode ? "·" : "*", sum = unicode ? "Σ" : "sum", minus = unicode ? "−" : "-"
        let prime = unicode ? "′" : "'"
        func cell(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
        var lines: [(kind: Kind, text: String)] = []
        let arrows = unicode ? "↑↓←→" : "arrows"
        lines.append((.plain, "node \(lesson.name) (\(lesson.activation.title)) on training point \(lesson.point + 1) of \(examples)"
                      + " (label \(ScalarGraph.rounded(4)(lesson.label))):  \(arrows) node, [ ] point"))
        let width = full ? 22 : 10
        lines.append((.heading, cell("source", 8) + cell("x_j", width) + cell("w_j", width) + cell("w_j\(times)x_j", width)
                      + "   \(d)E/\(d)w_j = \(d)E/\(d)z \(times) x_j"))
        for j in lesson.inputs.indices {
            lines.append((.forward, cell(lesson.sourceNames[j], 8) + cell(n(lesson.inputs[j]), width) + cell(n(lesson.weights[j]), width)
                          + cell(n(lesson.weights[j] * lesson.inputs[j]), width) + "   "
                          + "\(n(lesson.totalGradient)) \(times) \(n(lesson.inputs[j])) = \(n(lesson.weightGradients[j]))"))
        }
        lines.append((.forward, cell("bias b", 8) + cell("", width) + cell(n(lesson.bias), width) + cell("", width)
                      + "   \(d)E/\(d)b = \(d)E/\(d)z = \(n(lesson.totalGradient))"))
        lines.append((.forward, "z = b + \(sum) w_j\(times)x_j = \(n(lesson.total))"))
        lines.append((.forward, "out = \(lesson.activation.title)(z) = \(n(lesson.output))"))
        let half = unicode ? "½" : "0.5"
        lines.append((.forward, "network output \(n(lesson.networkOutput)), label \(n(lesson.label)): "
                      + "E = \(half)(output \(minus) label)\(unicode ? "²" : "^2") = \(n(lesson.error))"))
        lines.append((.heading, "backward, for this example only (what one example adds to the batch's sums)"))
        if lesson.isOutput {
            lines.append((.backward, "\(d)E/\(d)out = out \(minus) label = \(n(lesson.outputGradient))"))
        } else {
            lines.append((.backward, "\(d)E/\(d)out = \(sum)_k w_k\(times)\(d)E/\(d)z_k over the nodes it feeds = \(n(lesson.outputGradient))"))
        }
        lines.append((.backward, "f\(prime)(z) = \(derivativeText(lesson.activation, unicode: unicode)) = \(n(lesson.slope))"))
        lines.append((.backward, "\(d)E/\(d)z = \(d)E/\(d)out \(times) f\(prime)(z) = \(n(lesson.outputGradient)) \(times) \(n(lesson.slope)) = "
                      + n(lesson.totalGradient)))
        return lines
    }

    /// f'(z) of an activation, as training computes it: the activation's own text.
    static func derivativeText(_ activation: Activation, unicode: Bool) -> String {
        let text = activation.derivativeText(output: "out", total: "z")
        return unicode ? text : DerivativeText.ascii(text)
    }
}
