// Everything that can happen to the app (Action) and what the run loop must do after it (Effect).
/// Everything that can happen to the app.
public enum Action: Equatable, Sendable {
    /// The terminal now has this size.
    case resize(width: Int, height: Int)
    /// Train this many epochs now (the run loop sends it once per frame while playing), then
    /// compute both losses once and record them for the chart. Zero epochs does nothing.
    case train(epochs: Int)
    case quit
    /// A key that does nothing here says where it works (a status line, nothing else).
    case note(String)
    /// `q`: quit, after a question when drawn points are unsaved (Ctrl-C quits at once).
    case requestQuit

    /// Space: play or pause.
    case togglePlay
    /// `s`: pause and train one epoch.
    case step
    /// `r`: new weights on the same data; the loss history starts again.
    case resetNetwork
    /// `g`: a new seed, so new data and a new network.
    case newData
    /// Step a knob by ±1 (its key, the arrows on the focused knob, a click or the wheel).
    case adjust(Knob, by: Int)
    /// Focus a knob (arrow keys, mouse).
    case focus(Knob)
    /// Move the focus up (-1) or down (+1) the knob list.
    case moveFocus(by: Int)
    /// Step the focused knob (Left/Right, Enter).
    case adjustFocused(by: Int)
    /// Tab / Shift-Tab: select the next or previous hidden layer.
    case selectLayer(by: Int)
    /// `<`/`>`: training speed one level down or up.
    case changeSpeed(by: Int)
    /// `?`: open or close the help screen.
    case toggleHelp
    /// `y`: the loss chart's y axis logarithmic or linear.
    case toggleLogScale
    /// `c`: show the state as a TensorFlow Playground link (and copy it: `Effect.copyLink`).
    case showLink
    /// ←/→ `h`/`l` `Home`/`End` in the link box: scroll the link's one-row view.
    case scrollLink(LinkScroll)
    /// Esc: close the help screen or the link box, and clear the message.
    case dismiss
    /// `h`: open or close the gradient health panel (it records diagnostics while open).
    case toggleGradientPanel
    /// PgDn/PgUp in the help: the next or previous page, wrapping around.
    case turnHelpPage(by: Int)
    /// `#`: write the screen as it is to an SVG file (`Effect.file`, `FileRequest.Kind.saveScreen`).
    case saveScreen
    /// The run's past: scrub through the kept epochs, back to now, rewind (`TimeTravel`).
    case history(HistoryAction)
    /// `j`/`J`: the target test loss one rung down or up (none above the top), `StopSettings`.
    case stepTarget(by: Int)
    /// `(`/`)`: the epoch limit one rung down or up (none above the top).
    case stepEpochLimit(by: Int)
    /// A key of the runs side by side (`X`).
    case compare(CompareAction)

    // MARK: Inspecting and editing the network

    /// `i`, a click on a node or edge, Esc: select something (nil: back to the network's output).
    case select(Selection?)
    /// `i`: select the output node, or clear the selection when there is one.
    case toggleInspector
    /// Arrows while inspecting: ←/→ to the neighbouring layer, ↑/↓ within it.
    case moveSelection(dx: Int, dy: Int)
    /// `w`/`W`: the next or previous edge into the selected node.
    case stepEdge(by: Int)
    /// Enter on a selection: open the entry line for its weight or bias.
    case beginEdit
    /// A key on the line being typed (a weight or bias: Enter sets the value if it is a number
    /// in range, else refuses it; a file name; a lesson's value or expression): `LineEditor`.
    case line(LineEdit)
    /// Set a weight (an edge) or a bias (a node) to a value, as a committed entry does.
    case setParameter(Selection, value: Double)

    // MARK: Lessons

    /// `o`: open the lessons, or go back to the playground.
    case toggleLessons
    /// A key inside the lessons.
    case lesson(LessonAction)

    // MARK: Your own data (see `reduceDrawing`)

    /// `m`: the drawing mode on or off (Esc leaves it too).
    case toggleDrawing
    /// The arrows in the drawing mode: the crosshair one cell over.
    case moveCrosshair(dx: Int, dy: Int)
    /// Enter in the drawing mode: a point at the crosshair.
    case addPointAtCrosshair
    /// A click on the heat map in the drawing mode: a point at (x, y) in the plane.
    case addPoint(x: Double, y: Double)
    /// `+`/`-`: the class of new points, or their value a tenth up or down (regression).
    case stepDrawingLabel(by: Int)
    /// `x`: remove the point nearest the crosshair.
    case removeNearestPoint
    /// `C`: ask, then remove every point.
    case askToClearPoints
    /// `S`, `P`, `O`: the entry line for a file name.
    case beginPathEntry(FileRequest.Kind)
    /// `y` (true), `n` or Esc (false) to the question asked.
    case answer(Bool)
    /// The run loop's report on `AppState.fileRequest`.
    case fileResult(FileResult)
}

/// What the run loop must do after an update.
public struct Effect: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// The screen changed: render and draw.
    public static let redraw = Effect(rawValue: 1)
    /// Leave the app (exit status 0).
    public static let quit = Effect(rawValue: 2)
    /// Put the link on the terminal's clipboard (`Clipboard.osc52(state.settings.link)`).
    public static let copyLink = Effect(rawValue: 4)
    /// Write or read `state.fileRequest`, then apply `.fileResult` with how it went.
    public static let file = Effect(rawValue: 8)
}
