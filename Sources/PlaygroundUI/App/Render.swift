// render: draws the whole screen from the app state and its frame, reading only.
/// Draws the whole screen for `state` into `grid` (already sized `state.width × state.height`).
/// Only reads: the layout, the pictures and the health figures are those of `state.frame`,
/// which `update` built (no layout, no evaluation, no forward pass here).
public func render(_ state: AppState, into grid: inout CellGrid) {
    let layout = state.frame.layout
    if layout.isTooSmall {
        Chrome.tooSmall(state, into: &grid)
        return
    }
    grid.fill(grid.bounds)
    draw(state.mode, state, layout: layout, into: &grid)
}

/// Draws `mode` with its own view: a mode opened over another draws what it was opened over
/// first where that shows (the help and the link box over it; the question and the file name
/// in the footer and the status line of the view under them).
func draw(_ mode: Mode, _ state: AppState, layout: Layout, into grid: inout CellGrid) {
    switch mode {
    case .overlay(let overlay, let under):
        draw(under, state, layout: layout, into: &grid)
        Overlays.draw(overlay, state, into: &grid)
    case .question(_, let under), .pathEntry(_, let under):
        draw(under, state, layout: layout, into: &grid)
    case .lessons:
        LessonsView.draw(state, into: &grid)
    case .compare:
        CompareView.draw(state, into: &grid)
    case .field, .drawing:
        Chrome.header(state, in: layout.header, into: &grid)
        Panels.draw(state, layout: layout, into: &grid)
        NetworkView.draw(state, layout: layout, into: &grid)
        GradientPanel.draw(state, in: layout.gradientPanel, into: &grid)
        InspectorView.draw(state, in: layout.inspector, into: &grid)
        OutputPanel.draw(state, layout: layout, into: &grid)
        DataModeView.draw(state, layout: layout, into: &grid)
        if state.showsActivationCard {
            ActivationCard.draw(state.settings.activation, capabilities: state.capabilities, in: layout.heatMap, into: &grid)
        }
        Chrome.footer(state, in: layout.footer, into: &grid)
    }
}
