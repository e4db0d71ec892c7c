// The drawing mode's own key table, the file-name line's and the yes/no question's.
import PlaygroundCore

extension Drawing {
    /// The drawing mode's own keys (every other key acts as on the playing field: `KeyMap.action`).
    static let keys: [KeyBinding] = [
        .init(.drawing, ["↑": .moveCrosshair(dx: 0, dy: -1), "↓": .moveCrosshair(dx: 0, dy: 1),
                         "←": .moveCrosshair(dx: -1, dy: 0), "→": .moveCrosshair(dx: 1, dy: 0)],
              "move the crosshair", in: [.drawing], footer: .init("move", 1, in: [.drawing])),
        .init(.drawing, ["Enter": .addPointAtCrosshair], "add a point there", in: [.drawing],
              footer: .init("add", 2, in: [.drawing])),
        .init(.drawing, ["click"], "add a point (map)", in: [.drawing], respond: DrawMode.clickAction),
        .init(.drawing, ["+": .stepDrawingLabel(by: 1), "-": .stepDrawingLabel(by: -1), "=": .stepDrawingLabel(by: 1),
                         "_": .stepDrawingLabel(by: -1)], "class ±, value ±0.1", in: [.drawing],
              footer: .init("class", 3, in: [.drawing], keys: ["+", "-"])),
        .init(.drawing, ["x": .removeNearestPoint, "Bksp": .removeNearestPoint], "remove nearest point", in: [.drawing],
              footer: .init("remove", 4, in: [.drawing], keys: ["x"])),
        .init(.drawing, ["C": .askToClearPoints], "clear every point", in: [.drawing], footer: .init("clear", 5, in: [.drawing])),
        .init(.drawing, ["O": .beginPathEntry(.loadData)], "load points (CSV)", in: [.drawing],
              footer: .init("load", 7, in: [.drawing])),
        .init(.drawing, ["Esc": .toggleDrawing], "leave the drawing", in: [.drawing], footer: .init("done", 0, in: [.drawing])),
    ]
}

extension PathEntry {
    /// The file-name line's keys: it takes every character.
    static let keys: [KeyBinding] = [
        .init(.drawing, ["any key"], "type the file name", in: [.pathEntry]) { key, _ in
            if case .character(let character) = key { return .line(.type(character)) }
            return nil
        },
        .init(.drawing, ["Bksp": .line(.deleteBackward)], "delete a character", in: [.pathEntry], footer: .init("delete", -1, in: [.pathEntry])),
        .init(.drawing, ["Enter": .line(.commit)], "save / load the file", in: [.pathEntry], footer: .init("ok", -3, in: [.pathEntry])),
        .init(.drawing, ["Esc": .line(.cancel)], "cancel the typing", in: [.pathEntry], footer: .init("cancel", -2, in: [.pathEntry])),
    ]
}

extension Question {
    /// The question's keys: yes, no, cancel.
    static let keys: [KeyBinding] = [
        .init(.drawing, ["y": .answer(true)], "yes", in: [.question], footer: .init("yes", -3, in: [.question])),
        .init(.drawing, ["n": .answer(false)], "no", in: [.question], footer: .init("no", -2, in: [.question])),
        .init(.drawing, ["Esc": .answer(false)], "no (cancel)", in: [.question], footer: .init("cancel", -1, in: [.question])),
    ]
}
