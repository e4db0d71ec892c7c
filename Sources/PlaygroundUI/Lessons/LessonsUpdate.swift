// The lessons' reducer: what each lesson key does to the lessons' state.
import PlaygroundCore

extension AppState {
    /// One lesson key. A key that means nothing in the lesson on screen says so in the status
    /// line instead of doing nothing.
    mutating func applyLesson(_ action: LessonAction) {
        guard var lessons else { return }
        if action == .leave, lessons.entry == nil { return closeLessons() }
        defer { self.lessons = lessons }
        if lessons.entry != nil {
            applyEntry(action, &lessons)
            return
        }
        let lesson = lessons.lesson
        switch action {
        case .choose(let chosen):
            choose(chosen, &lessons)
        case .nextLesson(let delta):
            let count = Lessons.Lesson.allCases.count
            choose(Lessons.Lesson(rawValue: ((lesson.rawValue - 1 + delta) % count + count) % count + 1)!, &lessons)
        case .space where lesson.isGraph, .raceStep where lesson.isGraph:
            if let graph = lessons.graphLesson, graph.step == graph.stepCount {
                let restart = "the end: \(Lessons.key(.toStart)) restarts, "
                status = restart + (lesson == .expression ? "\(Lessons.key(.editExpression)) new expression"
                    : "\(Lessons.key(.nextLesson(by: 1))) lesson \(lesson.rawValue + 1)")
            }
            lessons.graphLesson?.step(by: 1)
        case .precision:
            lessons.showsEveryDigit.toggle()
            status = lessons.showsEveryDigit ? "every digit (\(Lessons.key(.precision)): two figures)" : "two figures, as the lecture"
        case .back where lesson.isGraph:
            lessons.graphLesson?.step(by: -1)
        case .toStart where lesson.isGraph:
            lessons.graphLesson?.toStart()
        case .toEnd where lesson.isGraph:
            lessons.graphLesson?.toEnd()
        case .arrow(let dx, let dy) where lesson.isGraph:
            if dx != 0 { lessons.graphLesson?.step(by: dx) }
            if dy != 0, var graph = lessons.graphLesson {
                let count = graph.graph.variables.count
                if count > 0 { graph.selectedVariable = ((graph.selectedVariable + dy) % count + count) % count }
                lessons.graphLesson = graph
            }
        case .editSelected where lesson.isGraph:
            guard let graph = lessons.graphLesson, !graph.graph.variables.isEmpty else {
                status = "no variable to edit"
                return
            }
            let node = graph.graph.nodes[graph.graph.variables[graph.selectedVariable]]
            lessons.entry = LessonEntry([(.variable(node.name), NumberFormat.javaScript(node.value))])
        case .editValues where lesson.isGraph:
            lessons.entry = LessonEntry([(.values, lessons.graphLesson!.values)])
        case .editExpression where lesson == .expression:
            lessons.entry = LessonEntry([(.expression, lessons.custom.expression), (.values, lessons.custom.values)])
        case .editExpression where lesson.isGraph:
            // The course's example becomes the user's, ready to change.
            let graph = lessons.graphLesson!
            lessons.lesson = .expression
            lessons.entry = LessonEntry([(.expression, graph.expression), (.values, graph.values)])
        case .switchForm where lesson == .sigmoid:
            lessons.showsGateForm.toggle()
        case .arrow(let dx, let dy) where lesson == .neuron:
            moveNeuron(dx: dx, dy: dy, &lessons)
        case .point(let delta) where lesson == .neuron:
            let count = playground.trainLabels.count
            if count > 0 { lessons.point = ((lessons.point + delta) % count + count) % count }
        case .space where lesson == .descent:
            if lessons.race.isFinished { lessons.race.restart() }
            lessons.raceRuns.toggle()
        case .raceStep where lesson == .descent:
            lessons.raceRuns = false
            lessons.race.step()
        case .toStart where lesson == .descent:
            lessons.race.restart()
        case .toEnd where lesson == .descent:
            lessons.raceRuns = false
            lessons.race.step(times: OptimizerRace.maxSteps)
        case .arrow(let dx, let dy) where lesson == .descent:
            lessons.race.moveStart(dx: dx, dy: -dy)
        case .rate(let delta) where lesson == .descent:
            lessons.race.changeRate(by: delta)
        case .surface(let delta) where lesson == .descent:
            lessons.race.changeSurface(by: delta)
        default:
            status = Self.unavailable(action, in: lesson)
        }
    }

    private mutating func choose(_ lesson: Lessons.Lesson, _ lessons: inout Lessons) {
        if lesson != .descent { lessons.raceRuns = false }
        lessons.lesson = lesson
    }

    /// Arrows in lesson 4: ↑/↓ within the layer, ←/→ to the neighbouring layer (hidden or output).
    private func moveNeuron(dx: Int, dy: Int, _ lessons: inout Lessons) {
        let sizes = playground.network.sizes
        let layer = min(sizes.count - 1, max(1, lessons.neuronLayer + dx))
        let count = sizes[layer]
        lessons.neuronLayer = layer
        lessons.neuronNode = ((min(lessons.neuronNode, count - 1) + dy) % count + count) % count
    }

    /// Why a key does nothing in this lesson, and where it does something.
    static func unavailable(_ action: LessonAction, in lesson: Lessons.Lesson) -> String {
        switch action {
        case .switchForm: return "f switches the form of lesson 2's neuron"
        case .precision: return "p sets the digits of lessons 1-4"
        case .point: return "[ and ] choose the training point in lesson 4"
        case .rate: return "l and L change the learning rate of lesson 5's race"
        case .surface: return "m and M change the surface of lesson 5's race"
        case .editSelected, .editValues, .editExpression: return "values and expressions are typed in lessons 1-3"
        case .space, .back, .toStart, .toEnd, .raceStep:
            return lesson == .neuron ? "lesson 4 shows every number at once: arrows choose the node, [ ] the point"
                : "nothing to step here"
        default: return "not in this lesson"
        }
    }

    /// Keys while an entry line is open.
    private mutating func applyEntry(_ action: LessonAction, _ lessons: inout Lessons) {
        guard var entry = lessons.entry else { return }
        switch action {
        case .type(let character):
            entry.texts[entry.active].append(character)
            entry.error = nil
        case .deleteCharacter:
            if !entry.texts[entry.active].isEmpty { entry.texts[entry.active].removeLast() }
            entry.error = nil
        case .switchField:
            entry.active = (entry.active + 1) % entry.fields.count
        case .cancel:
            lessons.entry = nil
            return
        case .commit:
            if let refusal = commit(entry, &lessons) {
                entry.error = refusal
                entry.active = refusal.field
                status = "column \(refusal.column): \(refusal.message)"
            } else {
                lessons.entry = nil
                return
            }
        default:
            return
        }
        lessons.entry = entry
    }

    /// Builds the typed graph, or says where the text is wrong (the lesson unchanged).
    private func commit(_ entry: LessonEntry, _ lessons: inout Lessons) -> (field: Int, column: Int, message: String)? {
        guard var graph = lessons.graphLesson else { return nil }
        func field(_ wanted: LessonEntry.Field) -> Int { entry.fields.firstIndex(of: wanted) ?? 0 }
        do {
            switch entry.fields.first! {
            case .expression:
                try graph.setExpression(entry.texts[field(.expression)], values: entry.texts[field(.values)])
            case .values:
                try graph.setValues(entry.texts[0])
            case .variable(let name):
                let text = entry.texts[0].trimmingSpaces()
                guard let value = Double(text), value.isFinite else {
                    return (0, 1, "\(UserText.quoted(text)) is not a number: expected one such as -2, 0.5 or 1e-3")
                }
                try graph.setValues(graph.values(setting: name, to: value))
            }
        } catch {
            let index = error.source == .expression ? field(.expression) : field(.values)
            // A variable's own line has no column of the value list: point at its start.
            if case .variable = entry.fields.first! { return (0, 1, error.message) }
            return (index, error.column, error.message)
        }
        lessons.graphLesson = graph
        return nil
    }
}
