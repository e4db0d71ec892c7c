// The comparison's own key table (`X` opens it from the playing field).
import PlaygroundCore

extension Compare {
    /// The keys of the runs side by side, after `X` that opens them (Space, < >, y, j J, ( ),
    /// ?, #, q act as in the playground).
    static let keys: [KeyBinding] = [
        // Runs side by side (`X` opens them; Space, < >, y, j J, ( ), ?, #, q act as in the playground)
        .init(.compare, ["X": .compare(.open)], "runs side by side", footer: .init("compare", 12)),
        .init(.compare, ["Tab": .compare(.nextSetting(by: 1)), "S-Tab": .compare(.nextSetting(by: -1))], "next / previous setting",
              in: [.compare]),
        .init(.compare, ["←": .compare(.moveCursor(by: -1)), "→": .compare(.moveCursor(by: 1))], "previous / next run",
              in: [.compare], footer: .init("run", 3, in: [.compare], keys: ["→"])),
        .init(.compare, (1...CompareSetting.maxRuns).map { (.digit($0), .compare(.choose($0))) }, "run 1 to 9", in: [.compare]),
        .init(.compare, ["Enter": .compare(.pick)], "make it the playground's", in: [.compare],
              footer: .init("pick", 4, in: [.compare])),
        .init(.compare, ["+": .compare(.addValue), "=": .compare(.addValue)], "add a value", in: [.compare],
              footer: .init("add", 5, in: [.compare], keys: ["+"])),
        .init(.compare, ["-": .compare(.dropValue), "_": .compare(.dropValue)], "drop the run", in: [.compare],
              footer: .init("drop", 6, in: [.compare], keys: ["-"])),
        .init(.compare, ["Esc": .compare(.leave)], "back to the playground", in: [.compare],
              footer: .init("leave", 0, in: [.compare])),
    ]
}
