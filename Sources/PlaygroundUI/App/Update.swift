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

/// Applies an action to the state (`update` then builds the frame).
///
/// A change of settings goes through `Playground.apply`, which compares the old and new
/// settings the way TF does: the learning rate and display settings apply live, model settings
/// rebuild the network on the same data, data settings draw new data. The app adds TF's other
/// rule: a data change also draws a new seed.
func reduce(_ state: inout AppState, _ action: Action) -> Effect {
    // The "too small" screen shows nothing to act on: only quitting, a resize and the run
    // loop's training go through (the key map gives no other action there either).
    if state.isTooSmall {
        switch action {
        case .quit, .requestQuit, .resize, .train, .fileResult: break
        default: return []
        }
    }
    if let effect = updateLessons(&state, action) { return effect }
    if let effect = state.updateCompare(action) { return effect }
    // The activation card stays up after a change of activation until the next key.
    switch action {
    case .train, .resize, .saveScreen: break
    default: state.activationJustChanged = false
    }
    if let effect = updateDataMode(&state, action) { return effect }
    if let effect = updateHistory(&state, action) { return effect }
    switch action {
    case .quit:
        return .quit
    case .note(let text):
        state.status = text
    case .requestQuit:
        guard state.unsavedPoints, !state.isTooSmall else { return .quit }
        let count = state.playground.points.count
        state.ask(Question(text: "quit and lose your \(count) unsaved point\(count == 1 ? "" : "s")? (\(KeyMap.key(for: .beginPathEntry(.saveData))) saves them)", onYes: .quit))
    case .resize(let width, let height):
        state.width = width
        state.height = height
    case .train(let epochs):
        guard epochs > 0 else { return [] }
        state.train(epochs: epochs)
    case .togglePlay:
        guard state.isShown(.control(.playButton)) else { break }
        state.isPlaying.toggle()
        if state.isPlaying { state.status = state.batchWarning }
    case .step:
        guard state.isShown(.control(.stepButton)) else { break }
        state.isPlaying = false
        state.status = state.batchWarning
        state.train(epochs: 1)
    case .resetNetwork:
        guard state.isShown(.control(.resetButton)) else { break }
        state.playground.resetNetwork()
        state.startNewHistory(status: nil)
    case .newData:
        var new = state.playground.state
        new.seed = state.nextSeed()
        state.applySettings(new)
    case .adjust(let knob, let delta):
        state.adjust(knob, by: delta)
        if knob == .activation, !knob.isHidden(in: state.settings) { state.activationJustChanged = true }
    case .focus(let knob):
        guard state.isShown(knob) else { break }
        state.focus = knob
        if case .neurons(let layer) = knob { state.selectedLayer = layer }
    case .moveFocus(let delta):
        let knobs = state.settingTable.knobs(for: state.playground.state)
        let index = knobs.firstIndex(of: state.focus) ?? 0
        state.focus = knobs[min(knobs.count - 1, max(0, index + delta))]
        if case .neurons(let layer) = state.focus { state.selectedLayer = layer }
    case .adjustFocused(let delta):
        state.adjust(state.focus, by: delta)
    case .selectLayer(let delta):
        let layers = state.playground.state.networkShape.count
        guard layers > 0 else {
            state.status = "no hidden layer: press \(KeyMap.key(for: .adjust(.hiddenLayers, by: 1))) to add one"
            return .redraw
        }
        state.selectedLayer = ((state.selectedLayer + delta) % layers + layers) % layers
        if case .neurons = state.focus { state.focus = .neurons(layer: state.selectedLayer) }
    case .changeSpeed(let delta):
        state.speed = state.speed.stepped(by: delta)
    case .toggleLogScale:
        state.logScaleLoss.toggle()
    case .toggleHelp:
        state.overlay = state.overlay == .help ? nil : .help
        state.helpPage = 0
    case .turnHelpPage(let delta):
        let pages = Overlays.helpPageCount(state)
        state.helpPage = ((state.helpPage + delta) % pages + pages) % pages
    case .toggleGradientPanel:
        state.showsGradientPanel.toggle()
    case .showLink:
        state.openLinkBox()
        return [.redraw, .copyLink]
    case .scrollLink(let scroll):
        state.scrollLink(scroll)
    case .dismiss:
        state.overlay = nil
        state.status = nil
    case .select(let selection):
        state.entry = nil
        state.selection = selection.flatMap { $0.exists(in: state.playground.network.sizes) ? $0 : nil }
        state.status = nil
    case .toggleInspector:
        state.entry = nil
        let sizes = state.playground.network.sizes
        state.selection = state.selection == nil ? .node(layer: sizes.count - 1, node: 0) : nil
    case .moveSelection(let dx, let dy):
        guard let selection = state.selection else { return [] }
        state.selection = Inspector.moved(selection, dx: dx, dy: dy, sizes: state.playground.network.sizes,
                                          settings: state.settings)
    case .stepEdge(let delta):
        guard let selection = state.selection else { return [] }
        if let edge = Inspector.steppedEdge(selection, by: delta, sizes: state.playground.network.sizes) {
            state.selection = edge
        } else {
            state.status = "an input has no incoming edges: press "
                + KeyMap.key(for: .moveSelection(dx: 1, dy: 0), in: .inspecting, unicode: state.capabilities.unicode)
                + " for the next layer"
        }
    case .beginEdit:
        state.beginEdit()
    case .line(let edit):
        // A file name's Enter hands the file to the run loop: that effect goes back as it is.
        let effect = state.editLine(edit)
        if effect != .redraw { return effect }
    case .setParameter(let target, let value):
        state.setParameter(target, to: value)
    case .saveScreen:
        return state.request(FileRequest(.saveScreen, path: FileRequest.defaultPath(.saveScreen)))
    case .stepTarget(let delta):
        state.stepStop(target: delta)
    case .stepEpochLimit(let delta):
        state.stepStop(limit: delta)
    case .compare:
        break  // updateCompare took them
    case .toggleLessons, .lesson:
        break  // updateLessons took them
    case .history:
        break  // updateHistory took them
    case .toggleDrawing, .moveCrosshair, .addPointAtCrosshair, .addPoint, .stepDrawingLabel, .removeNearestPoint, .askToClearPoints,
         .beginPathEntry, .answer, .fileResult:
        break  // updateDataMode took them
    }
    // Inspecting a hidden node makes its layer the one `-`/`+` change.
    if let layer = state.selection?.layer, layer >= 1, layer <= state.settings.networkShape.count {
        state.selectedLayer = layer - 1
    }
    return .redraw
}

extension AppState {
    /// Trains (pausing at a stop condition, `StopSettings`), then records both losses once
    /// (pausing with a message if they diverged).
    mutating func train(epochs: Int) {
        trainWithStops(epochs: epochs)
    }

    /// A batch larger than the training set never fills within an epoch, so (as in TF) the
    /// weights never change: said when training starts, nil otherwise.
    var batchWarning: String? {
        let count = playground.data.train.count, batch = playground.state.batchSize
        guard count < batch else { return nil }
        return "batch size \(batch) > \(count) training point\(count == 1 ? "" : "s"): no update ever comes (\(KeyMap.key(for: .adjust(.batchSize, by: -1))) lowers it)"
    }

    /// Steps one knob. The speed is the app's own; everything else is a setting.
    mutating func adjust(_ knob: Knob, by delta: Int) {
        guard isShown(knob), let row = settingTable.row(of: knob) else { return }
        if knob == .speed {
            speed = speed.stepped(by: delta)
        } else if let refusal = row.refusal(knob, self) {
            status = refusal
        } else {
            applySettings(row.step(knob, playground.state, delta))
        }
    }

    /// True when the classroom link shows `item`; else false, with a status line saying that
    /// the link hides it (its key does nothing, as the hidden control cannot be used in TF).
    mutating func isShown(_ item: Hideable) -> Bool {
        guard settings.isHidden(item) else { return true }
        status = "the link hides \(item.title) (\(item.key)=true)"
        return false
    }

    mutating func isShown(_ knob: Knob) -> Bool {
        settingTable.row(of: knob)?.hide(knob).map { isShown($0) } ?? true
    }

    /// Applies new settings as TF does (see `update`); a rebuilt network starts a new loss history.
    /// Settings that would leave points the user drew or loaded (another data set or problem)
    /// ask first: nothing the user made goes without a yes.
    mutating func applySettings(_ proposed: PlaygroundState, confirmed: Bool = false) {
        let old = playground.state
        guard proposed != old else { return }
        if !confirmed, playground.dropsPoints(under: proposed) {
            let count = playground.customPoints?.count ?? 0
            ask(Question(text: "leave your \(count) point\(count == 1 ? "" : "s") for the \(proposed.activeDataset.title) data set? (\(KeyMap.key(for: .beginPathEntry(.saveData))) saves them)",
                         onYes: .leavePoints(proposed)))
            return
        }
        var new = proposed
        // TF draws a new seed whenever the data changes (data set, noise, ratio, problem).
        if new.seed == old.seed, Playground.Change(from: old, to: new) == .newData {
            new.seed = nextSeed()
        }
        let change = playground.apply(new)
        clampSelection()
        switch change {
        case .live:
            break
        case .newNetwork:
            startNewHistory(status: nil)
        case .newData:
            startNewHistory(status: "new data: seed \(new.seed)")
        }
    }

    /// After a rebuild: the history restarts from the untrained network's losses.
    mutating func startNewHistory(status message: String?) {
        status = message
        losses.removeAll()
        recordLosses()
    }
}
