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
    if state.lessons != nil || state.compare != nil {
        if state.lessons != nil { LessonsView.draw(state, into: &grid) } else { CompareView.draw(state, into: &grid) }
        if let overlay = state.overlay { Overlays.draw(overlay, state, into: &grid) }
        return
    }
    Chrome.header(state, in: layout.header, into: &grid)
    Panels.draw(state, layout: layout, into: &grid)
    NetworkView.draw(state, layout: layout, into: &grid)
    GradientPanel.draw(state, in: layout.gradientPanel, into: &grid)
    InspectorView.draw(state, in: layout.inspector, into: &grid)
    OutputPanel.draw(state, layout: layout, into: &grid)
    DataModeView.draw(state, layout: layout, into: &grid)
    if state.showsActivationCard { ActivationCard.draw(state.settings.activation, capabilities: state.capabilities, in: layout.heatMap, into: &grid) }
    Chrome.footer(state, in: layout.footer, into: &grid)
    if let overlay = state.overlay { Overlays.draw(overlay, state, into: &grid) }
}
