// The drawing mode's reducer: the crosshair, the points, the class of new points, its file keys.
import PlaygroundCore

/// The drawing mode's own actions; nil for every other action (the playground's reducer takes
/// them: the settings, saving, quitting act as on the playing field).
func reduceDrawing(_ state: inout AppState, _ drawing: Drawing, _ action: Action) -> Effect? {
    switch action {
    case .toggleDrawing, .moveCrosshair, .addPointAtCrosshair, .addPoint, .stepDrawingLabel, .removeNearestPoint,
         .askToClearPoints, .beginPathEntry:
        state.keyArrived(action)
    default:
        return nil
    }
    switch action {
    case .toggleDrawing:
        state.leaveDrawing()
    case .moveCrosshair(let dx, let dy):
        state.moveCrosshair(dx: dx, dy: dy)
    case .addPointAtCrosshair:
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
    default:
        break
    }
    return .redraw
}
