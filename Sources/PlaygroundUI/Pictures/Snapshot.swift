import PlaygroundCore

/// The screen of a state after some epochs and keys, made through the app's own entry points
/// (`AppState`, `update` with the run loop's `.train` and the key map's actions, `render`), so
/// that `playground-tui snapshot` shows what the terminal shows. No I/O.
public enum Snapshot {
    /// The app on `playground` (with `losses` recorded before, as a resumed session has) at
    /// `width × height`, a 256-colour UTF-8 terminal: `keysBefore` pressed in order, then
    /// `epochs` epochs trained one per frame (each frame records both losses for the chart, as
    /// the run loop's frames do; in the lessons a frame steps the race instead), then `keys`.
    /// A key's file effect (save, load) is not carried out.
    public static func state(playground: Playground, losses: [LossHistory.Record] = [], epochs: Int,
                             width: Int, height: Int, keysBefore: [Key] = [], keys: [Key] = []) -> AppState {
        var state = AppState(playground: playground, losses: losses, capabilities: Capabilities(colors: .full, unicode: true),
                             width: width, height: height)
        press(keysBefore, &state)
        for _ in 0..<max(0, epochs) {
            _ = update(&state, .train(epochs: 1))
            if state.hasDiverged { break }
        }
        press(keys, &state)
        return state
    }

    static func press(_ keys: [Key], _ state: inout AppState) {
        for key in keys {
            guard let action = KeyMap.action(for: key, in: state) else { continue }
            _ = update(&state, action)
            state.fileRequest = nil
        }
    }

    /// The screen `render` draws for `state`.
    public static func screen(_ state: AppState) -> CellGrid {
        var grid = CellGrid(width: state.width, height: state.height)
        render(state, into: &grid)
        return grid
    }

    /// What the SVG's description says: the state as a link's pairs and the epoch.
    public static func description(_ state: AppState) -> String {
        "playground-tui, epoch \(state.playground.epoch), state \(state.settings.serialized)"
    }

    /// Keys as `--keys` writes them: each character is its key, and `{Name}` a named key
    /// (`{Right}`, `{Enter}`, `{Esc}`, `{Tab}`, as the key tables name them). Throws the message
    /// for a name no key has.
    public static func keys(_ text: String) throws(KeyTextError) -> [Key] {
        var keys: [Key] = []
        var name: String?
        for character in text {
            if var open = name {
                if character == "}" {
                    guard let pattern = KeyPattern(name: open), case .key(let key) = pattern else {
                        throw KeyTextError(message: "no key is named \(UserText.quoted("{" + open + "}")): name one as the key tables do, e.g. {Right}, {Enter}, {Esc}, {Tab}")
                    }
                    keys.append(key)
                    name = nil
                } else {
                    open.append(character)
                    name = open
                }
            } else if character == "{" {
                name = ""
            } else {
                keys.append(character == "\n" ? .enter : .character(character))
            }
        }
        if let name { throw KeyTextError(message: "\(UserText.quoted("{" + name)) is not closed with }") }
        return keys
    }

    public struct KeyTextError: Error, Equatable {
        public let message: String
    }
}
