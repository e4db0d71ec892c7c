// The lessons' own key table (`o` opens them): the lessons, their steps, the race, the entry line.
import PlaygroundCore

extension Lessons {
    /// The lessons' keys and their entry line's (every other key does nothing there).
    static let keys: [KeyBinding] = [
        // The lessons (the race's keys act in lesson 5; elsewhere they say where they work)
        .init(.lessons, Lessons.Lesson.allCases.map { (.digit($0.rawValue), .lesson(.choose($0))) }, "lesson 1 to 5",
              in: [.lessons], footer: .init("lesson", 1, in: [.lessons])),
        .init(.lessons, ["Tab": .lesson(.nextLesson(by: 1)), "S-Tab": .lesson(.nextLesson(by: -1))], "next / previous lesson",
              in: [.lessons]),
        .init(.lessons, ["Space": .lesson(.space)], "the next step", in: [.lessons],
              footer: .init("step", 2, in: [.lessons]), lessons: KeyMap.graphLessons),
        .init(.lessons, ["Space": .lesson(.space)], "run / pause the race", in: [.lessons],
              footer: .init("run", 2, whilePlaying: "pause", in: [.lessons]), lessons: [.descent]),
        .init(.lessons, ["←": .lesson(.arrow(dx: -1, dy: 0)), "→": .lesson(.arrow(dx: 1, dy: 0))], "step; node; start point",
              in: [.lessons], footer: .init("step", 3, in: [.lessons], keys: ["→"], lessons: KeyMap.graphLessons)),
        .init(.lessons, ["↑": .lesson(.arrow(dx: 0, dy: -1)), "↓": .lesson(.arrow(dx: 0, dy: 1))], "variable; node; start",
              in: [.lessons]),
        .init(.lessons, ["Bksp": .lesson(.back)], "one step back", in: [.lessons], lessons: KeyMap.graphLessons),
        .init(.lessons, ["Home": .lesson(.toStart), "End": .lesson(.toEnd)], "first / last step", in: [.lessons],
              footer: .init("start/end", 6, in: [.lessons]), lessons: KeyMap.graphLessons.union([.descent])),
        .init(.lessons, ["Enter": .lesson(.editSelected)], "type the selected value", in: [.lessons],
              footer: .init("edit", 4, in: [.lessons]), lessons: KeyMap.graphLessons),
        .init(.lessons, ["v": .lesson(.editValues)], "type every value", in: [.lessons], lessons: KeyMap.graphLessons),
        .init(.lessons, ["e": .lesson(.editExpression)], "type an expression", in: [.lessons],
              footer: .init("expression", 5, in: [.lessons]), lessons: KeyMap.graphLessons),
        .init(.lessons, ["f": .lesson(.switchForm)], "sigmoid: gates / one gate", in: [.lessons], lessons: [.sigmoid]),
        .init(.lessons, ["p": .lesson(.precision)], "two figures / every digit", in: [.lessons],
              lessons: KeyMap.graphLessons.union([.neuron])),
        .init(.lessons, ["[": .lesson(.point(by: -1)), "]": .lesson(.point(by: 1))], "previous / next point", in: [.lessons],
              footer: .init("point", 3, in: [.lessons]), lessons: [.neuron]),
        .init(.lessons, ["s": .lesson(.raceStep)], "one step", in: [.lessons], lessons: KeyMap.graphLessons.union([.descent])),
        .init(.lessons, ["l": .lesson(.rate(by: -1)), "L": .lesson(.rate(by: 1))], "learning rate down / up", in: [.lessons],
              lessons: [.descent]),
        .init(.lessons, ["m": .lesson(.surface(by: 1)), "M": .lesson(.surface(by: -1))], "next / previous surface",
              in: [.lessons], lessons: [.descent]),
        .init(.lessons, ["<": .changeSpeed(by: -1), ">": .changeSpeed(by: 1), ",": .changeSpeed(by: -1),
                         ".": .changeSpeed(by: 1)], "race speed down / up", in: [.lessons], lessons: [.descent]),
        .init(.lessons, ["Esc": .lesson(.leave), "o": .toggleLessons], "back to the playground", in: [.lessons],
              footer: .init("playground", 7, in: [.lessons], keys: ["Esc"])),
        .init(.lessons, ["any key"], "type a character", in: [.lessonEntry], lessons: KeyMap.graphLessons) { key, _ in
            if case .character(let character) = key { return .line(.type(character)) }
            return nil
        },
        .init(.lessons, ["Tab": .lesson(.switchField)], "expression / values line", in: [.lessonEntry],
              footer: .init("next line", -2, in: [.lessonEntry]), lessons: KeyMap.graphLessons),
        .init(.lessons, ["Bksp": .line(.deleteBackward)], "delete a character", in: [.lessonEntry],
              footer: .init("delete", -1, in: [.lessonEntry]), lessons: KeyMap.graphLessons),
        .init(.lessons, ["Enter": .line(.commit)], "build the graph", in: [.lessonEntry],
              footer: .init("build", -4, in: [.lessonEntry]), lessons: KeyMap.graphLessons),
        .init(.lessons, ["Esc": .line(.cancel)], "cancel the typing", in: [.lessonEntry],
              footer: .init("cancel", -3, in: [.lessonEntry]), lessons: KeyMap.graphLessons),

    ]
}
