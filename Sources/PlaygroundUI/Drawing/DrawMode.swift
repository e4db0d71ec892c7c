// The drawing mode (`m`): the crosshair, the class of new points, adding and removing points.
import PlaygroundCore

/// The drawing mode (`m`): a crosshair on the heat map places points of a chosen class (or, in
/// regression, a chosen value) in the plane; the data becomes custom. Training goes on meanwhile.
public struct Drawing: Equatable, Sendable {
    /// The crosshair, in the plane [-6, 6]²: the centre of a heat-map cell (see `DrawMode.centre`).
    /// Kept in the plane, not as a cell, so that a resize keeps it over the same place.
    public var x: Double
    public var y: Double
    /// The class of new points in classification: +1 (blue) or −1 (orange).
    public var label: Double = 1
    /// The value of new points in regression, in tenths: −10…10 for −1…1.
    public var tenths: Int = 10

    public init(x: Double = 0, y: Double = 0) {
        self.x = x
        self.y = y
    }

    /// The label a new point gets for `problem`.
    public func newLabel(_ problem: Problem) -> Double {
        problem == .classification ? label : Double(tenths) / 10
    }
}

/// How heat-map cells and the plane correspond: the inverse of `PointMarks.cellPosition`.
enum DrawMode {
    /// The plane point at the centre of cell (`column`, `row`) of a map `width` × `height` cells:
    /// x = −6 + (column + ½) · 12 / width, y = 6 − (row + ½) · 12 / height (y up). A point there
    /// falls in that cell: ⌊(x + 6) / 12 · width⌋ = ⌊column + ½⌋ = column, and likewise for y.
    static func centre(column: Int, row: Int, width: Int, height: Int) -> (x: Double, y: Double) {
        (-6 + (Double(column) + 0.5) * 12 / Double(width), 6 - (Double(row) + 0.5) * 12 / Double(height))
    }

    /// The cell (relative to the map) that the plane point falls in, held inside the map.
    static func cell(x: Double, y: Double, width: Int, height: Int) -> (column: Int, row: Int) {
        let column = Int(((x + 6) / 12 * Double(width)).rounded(.down))
        let row = Int(((6 - y) / 12 * Double(height)).rounded(.down))
        return (max(0, min(width - 1, column)), max(0, min(height - 1, row)))
    }

    /// Removal reaches this many cells from the crosshair (in the plane, by the larger cell side).
    static let removalReach = 2.0

    /// The message of the first change that makes the data custom.
    static let customWarning = "custom data: a link cannot carry the points (S saves the session, P the points)"

    /// A click on the heat map in the drawing mode: a point there (the crosshair moves to it).
    static func clickAction(_ key: Key, _ state: AppState) -> Action? {
        guard case .click(let x, let y) = key else { return nil }
        let map = state.layout.heatMap
        guard !map.isEmpty, x >= map.x, x < map.maxX, y >= map.y, y < map.maxY else { return nil }
        let point = centre(column: x - map.x, row: y - map.y, width: map.width, height: map.height)
        return .addPoint(x: point.x, y: point.y)
    }
}

extension AppState {
    /// `m` on the playing field: the drawing mode takes the field's place (the crosshair in the
    /// middle); the field, with what it inspected or typed, goes with it.
    mutating func enterDrawing() {
        let map = layout.heatMap
        let middle = DrawMode.centre(column: map.width / 2, row: map.height / 2, width: max(1, map.width), height: max(1, map.height))
        drawing = Drawing(x: middle.x, y: middle.y)
        status = playground.hasCustomData ? nil : "drawing: the first point makes the data custom"
    }

    /// `m` or Esc in the drawing mode: back to a playing field with nothing inspected.
    mutating func leaveDrawing() {
        drawing = nil
        status = nil
    }

    /// The arrows: the crosshair one cell over, held on the map.
    mutating func moveCrosshair(dx: Int, dy: Int) {
        guard let drawing else { return }
        let map = layout.heatMap
        guard !map.isEmpty else { return }
        let cell = DrawMode.cell(x: drawing.x, y: drawing.y, width: map.width, height: map.height)
        let column = max(0, min(map.width - 1, cell.column + dx)), row = max(0, min(map.height - 1, cell.row + dy))
        let point = DrawMode.centre(column: column, row: row, width: map.width, height: map.height)
        self.drawing?.x = point.x
        self.drawing?.y = point.y
    }

    /// `+`/`-`: the class of new points (classification), or their value a tenth up or down.
    mutating func stepDrawingLabel(by delta: Int) {
        guard var drawing else { return }
        if settings.problem == .classification {
            drawing.label = delta > 0 ? 1 : -1
        } else {
            drawing.tenths = max(-10, min(10, drawing.tenths + delta))
        }
        self.drawing = drawing
    }

    /// Adds a point of the chosen class or value at (x, y) and moves the crosshair there; the
    /// points split again and both losses are recorded at once (the chart shows the change).
    mutating func addDrawnPoint(x: Double, y: Double) {
        guard let drawing, abs(x) <= DataFile.extent, abs(y) <= DataFile.extent else { return }
        let wasCustom = playground.hasCustomData
        let label = drawing.newLabel(settings.problem)
        playground.addPoint(Example(x: x, y: y, label: label))
        unsavedPoints = true
        self.drawing?.x = x
        self.drawing?.y = y
        recordLosses()
        guard wasCustom else {
            status = DrawMode.customWarning
            return
        }
        let mark = settings.problem == .classification ? (label > 0 ? "+" : "-") : Format.decimal(label, places: 1)
        status = "\(playground.points.count) points; \(mark) at \(Format.decimal(x, places: 2)), \(Format.decimal(y, places: 2))"
    }

    /// `x`: removes the point nearest the crosshair, if one is within two cells of it.
    mutating func removeNearestPoint() {
        guard let drawing else { return }
        let map = layout.heatMap
        let cellSide = 12 / Double(max(1, min(map.width, map.height)))
        let wasCustom = playground.hasCustomData
        guard let removed = playground.removePoint(nearestTo: drawing.x, drawing.y, within: DrawMode.removalReach * cellSide) else {
            status = "no point within two cells of the crosshair"
            return
        }
        unsavedPoints = true
        recordLosses()
        status = wasCustom ? "\(playground.points.count) points; removed the one at \(Format.decimal(removed.x, places: 2)), "
            + Format.decimal(removed.y, places: 2) : DrawMode.customWarning
    }

    /// `C` asks first; a yes removes every point.
    mutating func askToClearPoints() {
        let count = playground.points.count
        guard count > 0 else {
            status = "no points to clear"
            return
        }
        ask(Question(text: "clear all \(count) points?", onYes: .clearPoints))
    }

    mutating func clearAllPoints() {
        let wasCustom = playground.hasCustomData
        let count = playground.points.count
        playground.clearPoints()
        unsavedPoints = true
        recordLosses()
        status = wasCustom ? "cleared \(count) points" : DrawMode.customWarning
    }
}
