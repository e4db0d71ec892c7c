// The playing field's own key table: inspecting a node or edge and typing its value.
import PlaygroundCore

extension Field {
    /// The playing field's own keys: `i` and a click on the network start inspecting; the
    /// arrows, `w`/`W`, Enter and Esc act while inspecting; the entry line takes a typed value.
    static let keys: [KeyBinding] = [
        // Inside the network
        .init(.network, ["i": .toggleInspector], "inspect / stop", footer: .init("inspect", 6, in: [.normal])),
        .init(.network, ["↑": .moveSelection(dx: 0, dy: -1), "↓": .moveSelection(dx: 0, dy: 1),
                         "←": .moveSelection(dx: -1, dy: 0), "→": .moveSelection(dx: 1, dy: 0)],
              "move between nodes", in: [.inspecting], footer: .init("move", -4, in: [.inspecting])),
        .init(.network, ["w": .stepEdge(by: 1), "W": .stepEdge(by: -1)], "next / previous edge", in: [.inspecting],
              footer: .init("edges", -3, in: [.inspecting])),
        .init(.network, ["Enter": .beginEdit], "type weight / bias", in: [.inspecting],
              footer: .init("edit", -2, in: [.inspecting])),
        .init(.network, ["Esc": .select(nil)], "back to the output", in: [.inspecting],
              footer: .init("back", -1, in: [.inspecting])),
        .init(.network, ["click"], "inspect node / edge", respond: KeyMap.networkClickAction),
        .init(.network, KeyMap.entryCharacters.map { .key(.character($0)) }, "type the value", in: [.entry],
              footer: .init("number", -2, in: [.entry], keys: (0...9).map(KeyPattern.digit) + ["-", ".", "e"])) { key, _ in
            if case .character(let character) = key { return .line(.type(character)) }
            return nil
        },
        .init(.network, ["Bksp": .line(.deleteBackward)], "delete a character", in: [.entry], footer: .init("delete", -1, in: [.entry])),
        .init(.network, ["Enter": .line(.commit)], "set the typed value", in: [.entry], footer: .init("set", -4, in: [.entry])),
        .init(.network, ["Esc": .line(.cancel)], "cancel the typing", in: [.entry], footer: .init("cancel", -3, in: [.entry])),

    ]
}
