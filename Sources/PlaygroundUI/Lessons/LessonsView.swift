import PlaygroundCore

/// The lessons screen: a header, the lessons as tabs, the lesson's title, its body, the footer.
enum LessonsView {
    static func draw(_ state: AppState, into grid: inout CellGrid) {
        guard let lessons = state.lessons else { return }
        let palette = Palette(state.capabilities.colors)
        let width = grid.width, height = grid.height
        header(state, lessons, width: width, into: &grid)
        var x = 0
        for lesson in Lessons.Lesson.allCases {
            let tab = " \(lesson.rawValue) \(lesson.tab) "
            let isOn = lesson == lessons.lesson
            x = grid.put(tab, x: x, y: 1, style: CellStyle(foreground: isOn ? .default : palette.dim, bold: isOn, reverse: isOn)) + 1
        }
        grid.put(" " + lessons.title, x: 0, y: 2, style: CellStyle(foreground: palette.title, bold: true))
        let body = Rect(x: 0, y: 3, width: width, height: height - 4)
        switch lessons.lesson {
        case .chain, .sigmoid, .expression: graphLesson(state, lessons, in: body, into: &grid)
        case .neuron: NeuronView.draw(state, lessons, in: body, into: &grid)
        case .descent: RaceView.draw(state, lessons.race, in: body, into: &grid)
        }
        Chrome.footer(state, in: Rect(x: 0, y: height - 1, width: width, height: 1), into: &grid)
    }

    /// " playground-tui  lessons  ▸ racing   message ............. lesson 2 of 5".
    static func header(_ state: AppState, _ lessons: Lessons, width: Int, into grid: inout CellGrid) {
        let glyphs = Glyphs.forTerminal(unicode: state.capabilities.unicode)
        let line = Rect(x: 0, y: 0, width: width, height: 1)
        var x = grid.put(" playground-tui ", x: 0, y: 0, style: CellStyle(bold: true), clip: line)
        x = grid.put(" lessons ", x: x + 1, y: 0, style: CellStyle(reverse: true), clip: line)
        if state.isPlaying { x = grid.put(" \(glyphs.selected) racing", x: x, y: 0, style: CellStyle(bold: true), clip: line) }
        let right = "lesson \(lessons.lesson.rawValue) of \(Lessons.Lesson.allCases.count) "
        if let status = state.status {
            let room = Rect(x: x + 2, y: 0, width: max(0, width - right.count - 1 - (x + 2)), height: 1)
            grid.put(Chrome.fitted(status, width: room.width, ellipsis: glyphs.ellipsis), x: room.x, y: 0, style: CellStyle(foreground: Palette(state.capabilities.colors).warning), clip: room)
        }
        grid.put(right, x: max(x + 1, width - right.count), y: 0, style: CellStyle(foreground: Palette(state.capabilities.colors).dim),
                 clip: line)
    }

    /// Lessons 1–3: the graph (scrolled to the active node if it does not fit), the table of
    /// local derivatives at the right, and four lines below: the step, its detail, the values
    /// and a hint, or the entry lines with the error's caret.
    static func graphLesson(_ state: AppState, _ lessons: Lessons, in rect: Rect, into grid: inout CellGrid) {
        guard let lesson = lessons.graphLesson else { return }
        let unicode = state.capabilities.unicode
        let palette = Palette(state.capabilities.colors)
        let number = ScalarGraph.rounded(3)
        let table = DerivativeTable.lines(lesson.graph, unicode: unicode)
        let tableWidth = min(rect.width / 3, max(18, (table.map(\.text.unicodeScalars.count).max() ?? 0) + 2))
        let bottom = 4
        let graphRect = Rect(x: rect.x + 1, y: rect.y + 1, width: rect.width - tableWidth - 2, height: rect.height - bottom - 1)
        let picture = GraphPicture(lesson, capabilities: state.capabilities, maxWidth: graphRect.width)
        blit(picture, focus: lesson.activeNode.map { picture.boxes[$0] }, into: graphRect, grid: &grid)

        // The table, with the active gate's rule marked.
        let tableX = rect.maxX - tableWidth
        let activeOperation = lesson.activeNode.map { lesson.graph.nodes[$0].operation }
        let backwardOperation = lesson.lastBackwardStep.map { lesson.graph.nodes[$0.node].operation }
        grid.put("local derivatives", x: tableX, y: rect.y, style: CellStyle(foreground: palette.title, bold: true))
        for (row, line) in table.enumerated() where rect.y + 1 + row < graphRect.maxY {
            let isActive = line.operations.contains { $0 == backwardOperation || (backwardOperation == nil && $0 == activeOperation) }
            grid.put(line.text, x: tableX, y: rect.y + 1 + row, style: CellStyle(bold: isActive, reverse: isActive),
                     clip: Rect(x: tableX, y: rect.y, width: tableWidth, height: rect.height))
        }

        var y = rect.maxY - bottom
        if let entry = lessons.entry {
            entryLines(entry, x: rect.x + 1, y: &y, width: rect.width - 2, state: state, into: &grid)
            return
        }
        grid.put(lesson.stepDescription(unicode: unicode, number: number), x: rect.x + 1, y: y, style: CellStyle(bold: true), clip: rect)
        var detail: String, hint: String? = nil
        if let summary = lesson.gradientSummary(unicode: unicode, number: number) {
            // Two lines when one is too narrow, cut between two gradients.
            (detail, hint) = (summary, nil)
            let parts = summary.components(separatedByDoubleSpace: ())
            if summary.count > rect.width - 2, parts.count > 1 {
                var first = parts[0], index = 1
                while index < parts.count, first.count + 2 + parts[index].count <= rect.width - 2 {
                    first += "  " + parts[index]
                    index += 1
                }
                (detail, hint) = (first, parts[index...].joined(separator: "  "))
            }
        } else if let step = lesson.lastBackwardStep {
            let times = unicode ? "×" : "x"
            detail = "exactly: \(number(step.local)) \(times) \(number(step.upstream)) = \(number(step.contribution)), "
                + "added to \(unicode ? "∂" : "d")\(lesson.graph.nodes[lesson.graph.output].name)/\(unicode ? "∂" : "d")"
                + lesson.graph.nodes[step.input].name
        } else {
            detail = "values above the wires (=), gradients below (\(unicode ? "∂" : "d")) once the backward pass starts"
        }
        grid.put(detail, x: rect.x + 1, y: y + 1, style: CellStyle(foreground: palette.color(full: 209, eight: 3)), clip: rect)
        let selected = lesson.graph.variables.isEmpty ? "" : "   selected: "
            + lesson.graph.nodes[lesson.graph.variables[lesson.selectedVariable]].name
        grid.put("values: " + lesson.values + selected, x: rect.x + 1, y: y + 2, clip: rect)
        let arrows = unicode ? "↑↓" : "Up/Down"
        let form = lessons.lesson == .sigmoid ? ", f other form" : ""
        if let hint {
            grid.put(hint, x: rect.x + 1, y: y + 3, style: CellStyle(foreground: palette.color(full: 209, eight: 3)), clip: rect)
        } else {
            grid.put("\(arrows) variable, Enter its value, v all values, e expression" + form,
                     x: rect.x + 1, y: y + 3, style: CellStyle(foreground: palette.dim), clip: rect)
        }
    }

    /// The entry's fields, each followed by the caret and message of its error, if it has one.
    static func entryLines(_ entry: LessonEntry, x: Int, y: inout Int, width: Int, state: AppState, into grid: inout CellGrid) {
        let palette = Palette(state.capabilities.colors)
        let clip = Rect(x: x, y: 0, width: width, height: grid.height)
        for (index, field) in entry.fields.enumerated() {
            let label = field.label
            let isActive = index == entry.active
            let end = grid.put(label, x: x, y: y, style: CellStyle(foreground: palette.title, bold: true), clip: clip)
            let after = grid.put(entry.texts[index], x: end, y: y, style: CellStyle(bold: isActive), clip: clip)
            if isActive { grid.set(x: after, y: y, Cell(" ", style: CellStyle(reverse: true)), clip: clip) }
            y += 1
            if let error = entry.error, error.field == index {
                grid.put("^", x: end + error.column - 1, y: y, style: CellStyle(foreground: palette.warning, bold: true), clip: clip)
                grid.put("column \(error.column): \(error.message)", x: x, y: y + 1, style: CellStyle(foreground: palette.warning),
                         clip: clip)
                y += 2
            }
        }
    }

    /// Copies the part of `picture` that fits into `rect`, scrolled so that `focus` shows.
    static func blit(_ picture: GraphPicture, focus: Rect?, into rect: Rect, grid: inout CellGrid) {
        let source = picture.grid
        func offset(_ size: Int, _ room: Int, _ start: Int?, _ extent: Int) -> Int {
            guard size > room, let start else { return 0 }
            return min(size - room, max(0, start + extent / 2 - room / 2))
        }
        let dx = offset(source.width, rect.width, focus?.x, (focus?.width ?? 0) + 8)
        let dy = offset(source.height, rect.height, focus.map { $0.y - 1 }, 3)
        for y in 0..<min(rect.height, source.height - dy) {
            for x in 0..<min(rect.width, source.width - dx) {
                grid.set(x: rect.x + x, y: rect.y + y, source[x + dx, y + dy])
            }
        }
    }
}

/// The local derivative of each kind of gate in a graph, one line each, in the order the gates
/// first appear: `eˣ → eˣ`, `a·x → a`, `1/x → −1/x²`, `c + x → 1`.
enum DerivativeTable {
    static func lines(_ graph: ScalarGraph, unicode: Bool) -> [(text: String, operations: [ScalarOperation])] {
        var lines: [(text: String, operations: [ScalarOperation])] = []
        for node in graph.nodes {
            guard node.operation != .variable, let text = rule(node.operation, unicode: unicode) else { continue }
            if let index = lines.firstIndex(where: { $0.text == text }) {
                if !lines[index].operations.contains(node.operation) { lines[index].operations.append(node.operation) }
            } else {
                lines.append((text, [node.operation]))
            }
        }
        return lines
    }

    static func rule(_ operation: ScalarOperation, unicode: Bool) -> String? {
        if case .constant = operation { return nil }
        guard unicode else { return operation.derivativeRule }
        let number = NumberFormat.javaScript
        switch operation {
        case .add: return "x + y  → 1, 1"
        case .subtract: return "x − y  → 1, −1"
        case .multiply: return "x·y    → y, x"
        case .divide: return "x/y    → 1/y, −x/y²"
        case .exp: return "eˣ     → eˣ"
        case .log: return "ln x   → 1/x"
        case .reciprocal: return "1/x    → −1/x²"
        case .addConstant: return "c + x  → 1"
        case .multiplyByConstant: return "a·x    → a"
        case .negate: return "−x     → −1"
        case .power(let c): return "x^\(number(c))    → \(number(c))·x^\(number(c - 1))"
        case .sigmoid: return "σ(x) → (1 − σ(x))·σ(x)"
        case .tanh: return "tanh x → 1 − tanh²x"
        case .relu: return "relu x → 1 if x > 0, else 0"
        case .max: return "max(x,y) → 1 to the larger"
        default: return operation.derivativeRule
        }
    }
}

extension String {
    /// The pieces between runs of two spaces (the gradient summary's separator).
    func components(separatedByDoubleSpace: ()) -> [String] {
        var pieces: [String] = [], current = ""
        var scalars = Array(unicodeScalars)[...]
        while let scalar = scalars.first {
            if scalar == " ", scalars.dropFirst().first == " " {
                pieces.append(current)
                current = ""
                scalars = scalars.dropFirst(2)
            } else {
                current.unicodeScalars.append(scalar)
                scalars = scalars.dropFirst()
            }
        }
        return pieces + [current]
    }
}
