// The drawing mode's reducer: its actions, the file-name line's and the question's.
import PlaygroundCore

/// The actions of the drawing mode, the file-name line, the yes/no question and the run loop's
/// file reports; nil for every other action (`update` goes on with it). Also refuses the noise
/// knob on custom data, where noise does not apply.
func updateDataMode(_ state: inout AppState, _ action: Action) -> Effect? {
    switch action {
    case .toggleDrawing:
        state.toggleDrawing()
    case .moveCrosshair(let dx, let dy):
        state.moveCrosshair(dx: dx, dy: dy)
    case .addPointAtCrosshair:
        guard let drawing = state.drawing else { return [] }
        state.addDrawnPoint(x: drawing.x, y: drawing.y)
    case .addPoint(let x, let y):
        state.addDrawnPoint(x: x, y: y)
    case .stepDrawingLabel(let delta):
        state.stepDrawingLabel(by: delta)
    case .removeNearestPoint:
        state.removeNearestPoint()
    case .askToClearPoints:
        state.askToClearPoints()
    case .beginPathEntry(let kind):
        state.beginPathEntry(kind)
    case .answer(let yes):
        return state.answer(yes)
    case .fileResult(let result):
        state.receive(result)
    case .adjust(.noise, _) where state.playground.hasCustomData,
         .adjustFocused where state.focus == .noise && state.playground.hasCustomData:
        state.status = "noise: n/a for custom data (it applies to the built-in data sets)"
    default:
        return nil
    }
    return .redraw
}
