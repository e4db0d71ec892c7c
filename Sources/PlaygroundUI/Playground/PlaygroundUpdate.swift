// The playground's reducer (the playing field's and the drawing mode's shared actions) and the
// playing field's own: settings, training, the help and the link, inspecting and editing.
import PlaygroundCore

/// The playing field's own actions: inspecting a node or edge, and the entry line for its value.
/// Nil for every other action (`reducePlayground` takes the playground's).
func reduceField(_ state: inout AppState, _ field: Field, _ action: Action) -> Effect? {
    switch action {
    case .select, .toggleInspector, .moveSelection, .stepEdge, .beginEdit, .line: break
    default: return nil
    }
    if let effect = beforePlaygroundAction(&state, action) { return effect }
    switch action {
    case .select(let selection):
        state.entry = nil
        state.selection = selection.flatMap { $0.exists(in: state.playground.network.sizes) ? $0 : nil }
        state.status = nil
    case .toggleInspector:
        state.entry = nil
        let sizes = state.playground.network.sizes
        state.selection = field.selection == nil ? .node(layer: sizes.count - 1, node: 0) : nil
    case .moveSelection(let dx, let dy):
        guard let selection = field.selection else { return [] }
        state.selection = Inspector.moved(selection, dx: dx, dy: dy, sizes: state.playground.network.sizes,
                                          settings: state.settings)
    case .stepEdge(let delta):
        guard let selection = field.selection else { return [] }
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
        let effect = state.editLine(edit)
        if effect != .redraw { return effect }
    default:
        break
    }
    state.followSelection()
    return .redraw
}

/// What comes before any action of the playground's base modes: the activation card goes at
/// the next key; the noise knob is refused on custom data (before it could branch); a change
/// made while a past epoch shows branches from it (`updateHistory`). Nil: go on.
func beforePlaygroundAction(_ state: inout AppState, _ action: Action) -> Effect? {
    state.keyArrived(action)
    switch action {
    case .adjust(.noise, _) where state.playground.hasCustomData,
         .adjustFocused where state.focus == .noise && state.playground.hasCustomData:
        state.status = "noise: n/a for custom data (it applies to the built-in data sets)"
        return .redraw
    default:
        return updateHistory(&state, action)
    }
}

/// The playground's actions, the same on the playing field and in the drawing mode: playing,
/// the settings, a weight or bias set (`.setParameter`), the speed, the chart, opening the help
/// and the link, saving, the past, and opening the other modes. An action of a mode that is not
/// open does nothing.
func reducePlayground(_ state: inout AppState, _ action: Action) -> Effect {
    if let effect = beforePlaygroundAction(&state, action) { return effect }
    switch action {
    case .note(let text):
        state.status = text
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
        state.overlay = .help
        state.helpPage = 0
    case .toggleGradientPanel:
        state.showsGradientPanel.toggle()
    case .showLink:
        state.openLinkBox()
        return [.redraw, .copyLink]
    case .dismiss:
        state.status = nil
    case .setParameter(let target, let value):
        state.setParameter(target, to: value)
    case .saveScreen:
        return state.request(FileRequest(.saveScreen, path: FileRequest.defaultPath(.saveScreen)))
    case .stepTarget(let delta):
        state.stepStop(target: delta)
    case .stepEpochLimit(let delta):
        state.stepStop(limit: delta)
    case .toggleLessons:
        state.openLessons()
        return .redraw
    case .compare(.open):
        state.openCompare()
        return .redraw
    case .toggleDrawing:
        state.enterDrawing()
        return .redraw
    case .beginPathEntry(let kind):
        state.beginPathEntry(kind)
        return .redraw
    default:
        return []
    }
    state.followSelection()
    return .redraw
}

extension AppState {
    /// The activation card stays up after a change of activation until the next key.
    mutating func keyArrived(_ action: Action) {
        switch action {
        case .train, .resize, .saveScreen: break
        default: activationJustChanged = false
        }
    }

    /// Inspecting a hidden node makes its layer the one `-`/`+` change.
    mutating func followSelection() {
        if let layer = selection?.layer, layer >= 1, layer <= settings.networkShape.count {
            selectedLayer = layer - 1
        }
    }

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

    /// Applies new settings as TF does (`Playground.apply` compares the old and new settings: the
    /// learning rate and display settings apply live, model settings rebuild the network on the
    /// same data, data settings draw new data); a rebuilt network starts a new loss history.
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
