/// Everything that can happen to the app.
public enum Action: Equatable, Sendable {
    /// The terminal now has this size.
    case resize(width: Int, height: Int)
    /// Train this many epochs now (the run loop sends it once per frame while playing), then
    /// compute both losses once and record them for the chart. Zero epochs does nothing.
    case train(epochs: Int)
    case quit

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
    /// `c`: show the state as a TensorFlow Playground link.
    case showLink
    /// Esc: close the help screen or the link box, and clear the message.
    case dismiss
}

/// What the run loop must do after an update.
public struct Effect: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// The screen changed: render and draw.
    public static let redraw = Effect(rawValue: 1)
    /// Leave the app (exit status 0).
    public static let quit = Effect(rawValue: 2)
}
