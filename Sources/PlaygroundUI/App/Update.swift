// The reducer: applies an action to the app state, then builds the frame.
import PlaygroundCore

/// Applies an action, then builds the frame render draws (`pictures`: whether the heat map and
/// the thumbnails are evaluated again this time). Pure apart from the training it runs: no I/O,
/// no system randomness.
public func update(_ state: inout AppState, _ action: Action, pictures: PictureRefresh = .refresh) -> Effect {
    let effect = reduce(&state, action)
    state.settleViewedEpoch()
    // Pictures are held back only while training goes on: a step that stopped it (divergence, a
    // pause) shows the network where it stopped, at once.
    if !effect.isEmpty { state.refreshFrame(pictures: state.isPlaying ? pictures : .refresh) }
    return effect
}

/// Applies an action to the state (`update` then builds the frame): first the app's own actions
/// (`reduceApp`), then the mode on top's reducer (`reduce(_:_:in:)`).
func reduce(_ state: inout AppState, _ action: Action) -> Effect {
    if let effect = reduceApp(&state, action) { return effect }
    return reduce(&state, action, in: state.mode)
}

/// The app-wide actions: the "too small" screen's filter, a resize, quitting, the run loop's file
/// reports, and its tick (`.train`), which goes to the mode that trains on screen: the lessons'
/// race, the runs side by side, or the playground. Nil for a mode's own action.
func reduceApp(_ state: inout AppState, _ action: Action) -> Effect? {
    // The "too small" screen shows nothing to act on: only quitting, a resize and the run
    // loop's training go through (the key map gives no other action there either).
    if state.isTooSmall {
        switch action {
        case .quit, .requestQuit, .resize, .train, .fileResult: break
        default: return []
        }
    }
    switch action {
    case .resize(let width, let height):
        state.width = width
        state.height = height
        state.followSelection()
        return .redraw
    case .quit:
        return .quit
    case .requestQuit:
        state.keyArrived(action)
        guard state.unsavedPoints, !state.isTooSmall else { return .quit }
        let count = state.playground.points.count
        state.ask(Question(text: "quit and lose your \(count) unsaved point\(count == 1 ? "" : "s")? (\(KeyMap.key(for: .beginPathEntry(.saveData))) saves them)", onYes: .quit))
        state.followSelection()
        return .redraw
    case .fileResult(let result):
        state.keyArrived(action)
        state.receive(result)
        return .redraw
    case .train:
        switch state.mode.trainer {
        case .lessons(let lessons): return reduceLessons(&state, lessons, action)
        case .compare(let compare): return state.reduceCompare(compare, action)
        case .playground: return reducePlayground(&state, action)
        }
    default:
        return nil
    }
}

/// The action given to `mode`'s own reducer. A mode opened over another passes on what it does
/// not take to the mode under it (a question takes `y`/`n`, the help passes `q` on); the base
/// mode, the playing field or the drawing, takes the rest. The enum is the precedence.
func reduce(_ state: inout AppState, _ action: Action, in mode: Mode) -> Effect {
    switch mode {
    case .overlay(let overlay, let under):
        reduceOverlay(&state, overlay, action) ?? reduce(&state, action, in: under)
    case .question(let question, let under):
        reduceQuestion(&state, question, action) ?? reduce(&state, action, in: under)
    case .pathEntry(let entry, let under):
        reducePathEntry(&state, entry, action) ?? reduce(&state, action, in: under)
    case .lessons(let lessons, let under):
        reduceLessons(&state, lessons, action) ?? reduce(&state, action, in: under)
    case .compare(let compare, let under):
        state.reduceCompare(compare, action) ?? reduce(&state, action, in: under)
    case .drawing(let drawing):
        reduceDrawing(&state, drawing, action) ?? reducePlayground(&state, action)
    case .field(let field):
        reduceField(&state, field, action) ?? reducePlayground(&state, action)
    }
}

/// The help screen's and the link box's actions (the help opens from the playground's reducer).
func reduceOverlay(_ state: inout AppState, _ overlay: Overlay, _ action: Action) -> Effect? {
    switch action {
    case .toggleHelp:
        state.overlay = overlay == .help ? nil : .help
        state.helpPage = 0
    case .turnHelpPage(let delta):
        let pages = Overlays.helpPageCount(state)
        state.helpPage = ((state.helpPage + delta) % pages + pages) % pages
    case .scrollLink(let scroll):
        state.scrollLink(scroll)
    case .dismiss:
        state.overlay = nil
        state.status = nil
    default:
        return nil
    }
    state.keyArrived(action)
    state.followSelection()
    return .redraw
}
