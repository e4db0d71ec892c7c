// The lessons screen: header, lesson tabs, title, the lesson's body, footer (and the derivative table).
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
        let ellipsis = Glyphs.forTerminal(unicode: state.capabilities.unicode).ellipsis
        grid.put(" " + Chrome.fitted(lessons.title, width: width - 2, ellipsis: ellipsis), x: 0, y: 2,
                 style: CellStyle(foreground: palette.title, bold: true))
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

    /// Lessons 1–3: the graph (as large as the room allows, centred; scrolled to the active node,
    /// or to the output once the steps are done, when it does not fit), the table of local
    /// derivatives at the right, and four lines below: the step, its detail (or the gradients,
    /// on two lines if need be), the values, and a hint; or the entry lines with the error's caret.
    static func graphLesson(_ state: AppState, _ lessons: Lessons, in rect: Rect, into grid: inout CellGrid) {
        guard let lesson = lessons.graphLesson else { return }
        let unicode = state.capabilities.unicode
        let palette = Palette(state.capabilities.colors)
        let full = lessons.showsEveryDigit
        let number = GraphLesson.number(full: full)
        let table = DerivativeTable.lines(lesson.graph, unicode: unicode)
        let (graphRect, tableWidth, spacing) = graphLayout(lesson, capabilities: state.capabilities, full: full, in: rect)
        let picture = GraphPicture(lesson, capabilities: state.capabilities, full: full, spacing: spacing)
        let focusNode = lesson.step == lesson.stepCount && lesson.step > 0 ? lesson.graph.output : lesson.activeNode
        let shown = blit(picture, focus: focusNode.flatMap { picture.box(of: $0) }, into: graphRect, grid: &grid)
        let dim = CellStyle(foreground: palette.dim)
        // Where the graph goes on beyond the screen: "◂ ▾ more".
        let beyond = [(shown.x > 0, unicode ? "◂" : "<"), (shown.x + graphRect.width < picture.grid.width, unicode ? "▸" : ">"),
                      (shown.y > 0, unicode ? "▴" : "^"), (shown.y + graphRect.height < picture.grid.height, unicode ? "▾" : "v")]
            .filter(\.0).map(\.1)
        if !beyond.isEmpty { grid.put(beyond.joined(separator: " ") + " more", x: graphRect.x, y: rect.y, style: dim) }

        // The table, arrows in line, with the active gate's rule marked.
        let tableX = rect.maxX - tableWidth
        let activeOperation = lesson.activeNode.map { lesson.graph.nodes[$0].operation }
        let backwardOperation = lesson.lastBackwardStep.map { lesson.graph.nodes[$0.node].operation }
        grid.put(tableWidth > 17 ? "local derivatives" : "derivatives", x: tableX, y: rect.y,
                 style: CellStyle(foreground: palette.title, bold: true))
        for (row, line) in table.enumerated() where rect.y + 1 + row < graphRect.maxY {
            let isActive = line.operations.contains { $0 == backwardOperation || (backwardOperation == nil && $0 == activeOperation) }
            grid.put(line.text, x: tableX, y: rect.y + 1 + row, style: CellStyle(bold: isActive, reverse: isActive),
                     clip: Rect(x: tableX, y: rect.y, width: tableWidth, height: rect.height))
        }

        var y = rect.maxY - 4
        if let entry = lessons.entry {
            entryLines(entry, x: rect.x + 1, y: &y, width: rect.width - 2, state: state, into: &grid)
            return
        }
        let textRect = Rect(x: rect.x + 1, y: rect.y, width: rect.width - 2, height: rect.height)
        let ellipsis = Glyphs.forTerminal(unicode: unicode).ellipsis
        grid.put(Chrome.fitted(lesson.stepDescription(unicode: unicode, number: number, full: full), width: textRect.width, ellipsis: ellipsis),
                 x: textRect.x, y: y, style: CellStyle(bold: true), clip: textRect)
        let orange = CellStyle(foreground: palette.color(full: 209, eight: 3))
        var details: [String]
        if let summary = lesson.gradientSummary(unicode: unicode, number: number) {
            // Cut between two gradients onto a second line when one is too narrow.
            details = [""]
            for part in summary.components(separatedByDoubleSpace: ()) {
                let last = details[details.count - 1]
                if last.isEmpty || last.unicodeScalars.count + 2 + part.unicodeScalars.count <= textRect.width {
                    details[details.count - 1] = last.isEmpty ? part : last + "  " + part
                } else {
                    details.append(part)
                }
            }
        } else if let step = lesson.lastBackwardStep {
            let d = unicode ? "∂" : "d"
            let exact = lesson.unrounded(step, full: full).map { " (\($0) unrounded)" } ?? ""
            details = ["local: " + lesson.localText(of: step, unicode: unicode, full: full) + ", added to "
                       + "\(d)\(lesson.graph.nodes[lesson.graph.output].name)/\(d)\(lesson.graph.nodes[step.input].name)" + exact]
        } else {
            details = ["values above the wires (=), gradients below (\(unicode ? "∂" : "d")) once the backward pass starts"]
        }
        for (index, line) in details.prefix(2).enumerated() {
            let text = index == 1 && details.count > 2 ? line + "  " + ellipsis : line
            grid.put(Chrome.fitted(text, width: textRect.width, ellipsis: ellipsis), x: textRect.x, y: y + 1 + index, style: orange,
                     clip: textRect)
        }
        let selected = lesson.graph.variables.isEmpty ? "" : "   selected: "
            + lesson.graph.nodes[lesson.graph.variables[lesson.selectedVariable]].name
        let valuesY = y + 1 + min(2, details.count)
        let end = grid.put(Chrome.fitted("values: " + lesson.values + selected, width: textRect.width, ellipsis: ellipsis),
                           x: textRect.x, y: valuesY, clip: textRect)
        if valuesY == y + 2 {
            let arrows = unicode ? "↑↓" : "Up/Down"
            let key = Lessons.key
            let form = lessons.lesson == .sigmoid ? ", \(key(.switchForm)) form" : ""
            grid.put(Chrome.fitted("\(arrows) variable, \(key(.editSelected)) its value, \(key(.editValues)) all values, "
                                   + "\(key(.editExpression)) expression, \(key(.precision)) digits" + form,
                                   width: textRect.width, ellipsis: ellipsis), x: textRect.x, y: y + 3, style: dim, clip: textRect)
        } else if end + 4 < textRect.maxX {
            grid.put(full ? "  p: two figures" : "  p: every digit", x: end, y: valuesY, style: dim, clip: textRect)
        }
    }

    /// Where a graph lesson draws its graph in the lesson's body `rect`, how wide its table is, and
    /// the graph's spacing there.
    static func graphLayout(_ lesson: GraphLesson, capabilities: Capabilities, full: Bool,
                            in rect: Rect) -> (graph: Rect, tableWidth: Int, spacing: GraphPicture.Spacing) {
        let table = DerivativeTable.lines(lesson.graph, unicode: capabilities.unicode)
        let tableWidth = min(rect.width / 2, max(12, (table.map(\.text.unicodeScalars.count).max() ?? 0) + 1))
        let graphRect = graphArea(in: rect, tableWidth: tableWidth)
        let spacing = GraphPicture.spacing(lesson, capabilities: capabilities, full: full, width: graphRect.width, height: graphRect.height)
        return (graphRect, tableWidth, spacing)
    }

    /// Where a graph lesson draws its graph in the lesson's body `rect`.
    static func graphArea(in rect: Rect, tableWidth: Int) -> Rect {
        Rect(x: rect.x + 1, y: rect.y + 1, width: max(1, rect.width - tableWidth - 2), height: max(1, rect.height - 5))
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

    /// Copies the part of `picture` that fits into `rect`: centred when it fits, else scrolled so
    /// that `focus` shows. Returns the picture's point drawn at the rect's corner (negative when centred).
    @discardableResult
    static func blit(_ picture: GraphPicture, focus: Rect?, into rect: Rect, grid: inout CellGrid) -> (x: Int, y: Int) {
        let source = picture.grid
        func offset(_ size: Int, _ room: Int, _ start: Int?, _ extent: Int) -> Int {
            guard size > room else { return -((room - size) / 2) }
            guard let start else { return 0 }
            return min(size - room, max(0, start + extent / 2 - room / 2))
        }
        let dx = offset(source.width, rect.width, focus?.x, (focus?.width ?? 0) + 8)
        let dy = offset(source.height, rect.height, focus.map { $0.y - 1 }, 3)
        for y in max(0, -dy)..<min(rect.height, source.height - dy) {
            for x in max(0, -dx)..<min(rect.width, source.width - dx) {
                grid.set(x: rect.x + x, y: rect.y + y, source[x + dx, y + dy])
            }
        }
        return (dx, dy)
    }
}

/// The local derivative of each kind of gate in a graph, one line each, in the order the gates
/// first appear, arrows in line: `eˣ   → eˣ`, `−1·x → −1`, `1/x  → −1/x²`. The texts are the
/// operations' own (`ScalarOperation.derivative`).
enum DerivativeTable {
    static func lines(_ graph: ScalarGraph, unicode: Bool) -> [(text: String, operations: [ScalarOperation])] {
        graph.derivativeLines(unicode: unicode)
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
