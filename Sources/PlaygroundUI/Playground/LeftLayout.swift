// The left side's arrangement: the knob panels beside or under the network drawing.
import PlaygroundCore

/// The left side's arithmetic (see `Layout`): the knob panels as a column beside the network
/// drawing, or side by side under it; whichever draws the nodes larger, beside when equal.
struct LeftLayout {
    private(set) var diagram: NetworkDiagram?
    private(set) var beside = false
    private(set) var network: Rect
    private(set) var inspector: Rect
    /// The data, network and display panels (title row and knob lines; empty for an empty group).
    private(set) var panels: [Rect]
    private(set) var picker: Rect

    /// The smallest width of a knob column: "Problem  Classification" with its marker and margin.
    static let minimumColumn = 24
    /// The tallest the picker gets (8×4-cell pictures and their names).
    static let pickerRows = 5

    /// `groups`: the shown knobs of the data panel, the network panel and (when it lives on the
    /// left) the display panel; each group that is not empty gets a title row.
    init(left: Rect, settings: PlaygroundState, groups: [[Knob]], showsPicker: Bool) {
        let empty = Rect(x: 0, y: 0, width: 0, height: 0)
        (network, inspector, panels, picker) = (empty, empty, [empty, empty, empty], empty)
        let sizes = [settings.shownFeatures.count] + settings.networkShape + [1]
        let rows = groups.map { $0.isEmpty ? 0 : 1 + $0.count }
        let free = left.height - Layout.inspectorRows
        let labels = Layout.featureLabelWidth

        // Beside: one column of every panel, the drawing right of it over the whole height.
        let column = Layout.knobColumnWidth
        let base = rows.reduce(0, +)
        let besideRoom = Rect(x: column + 1, y: left.y, width: left.width - column - 2, height: free)
        let besideDiagram = base <= free ? NetworkDiagram.layout(sizes: sizes, in: besideRoom, labelWidth: labels) : nil

        // Stacked: the panels side by side under the drawing (the display panel third when
        // there is room, else under the network panel, or under the data panel when that column
        // is then shorter: the network panel's knobs beyond TF make it the taller one).
        let three = !groups[2].isEmpty && left.width >= 3 * LeftLayout.minimumColumn + 2
        let width = min(Layout.knobColumnWidth, three ? (left.width - 2) / 3 : (left.width - 1) / 2)
        let dataColumn = rows[0] + (showsPicker ? 2 : 0)
        let underData = !three && max(rows[1], dataColumn + rows[2]) < max(rows[1] + rows[2], dataColumn)
        let firstColumn = dataColumn + (underData ? rows[2] : 0)
        let secondColumn = rows[1] + (three || underData ? 0 : rows[2])
        var panelRows = max(secondColumn, firstColumn, three ? rows[2] : 0)
        if showsPicker, left.height >= 36 { panelRows = max(panelRows, firstColumn + LeftLayout.pickerRows - 2) }
        let stackRoom = Rect(x: 0, y: left.y, width: left.width - 1, height: free - panelRows)
        let stackDiagram = NetworkDiagram.layout(sizes: sizes, in: stackRoom, labelWidth: labels)

        // Larger nodes win; then room for "8 neurons" headings; then the column beside.
        func rank(_ diagram: NetworkDiagram?) -> [Int] { diagram.map { [$0.nodeSize.width, $0.headingRows] } ?? [0, 0] }
        if besideDiagram != nil, !rank(besideDiagram).lexicographicallyPrecedes(rank(stackDiagram)) {
            beside = true
            diagram = besideDiagram
            network = Rect(x: column + 1, y: left.y, width: left.width - column - 1, height: free)
            inspector = Rect(x: 0, y: left.y + free, width: left.width, height: Layout.inspectorRows)
            let pickerRows = showsPicker ? min(LeftLayout.pickerRows, free - base) : 0
            let pictures = placePicker(at: Rect(x: 0, y: left.y + 1, width: column, height: pickerRows), settings: settings)
            let groupCount = rows.filter { $0 > 0 }.count
            let gap = free - base - pictures >= groupCount - 1 ? 1 : 0
            var y = left.y
            for (index, count) in rows.enumerated() where count > 0 {
                let height = count + (index == 0 ? pictures : 0)
                panels[index] = Rect(x: 0, y: y, width: column, height: height)
                y += height + gap
            }
        } else {
            diagram = stackDiagram
            let used = stackDiagram?.usedHeight ?? stackRoom.height
            network = Rect(x: 0, y: left.y, width: left.width, height: used + (stackRoom.height - used >= 1 ? 1 : 0))
            inspector = Rect(x: 0, y: network.maxY, width: left.width, height: Layout.inspectorRows)
            let top = inspector.maxY
            let pickerRows = showsPicker ? min(LeftLayout.pickerRows, panelRows - rows[0] - (underData ? rows[2] : 0)) : 0
            let pictures = placePicker(at: Rect(x: 0, y: top + 1, width: width, height: pickerRows), settings: settings)
            if rows[0] > 0 { panels[0] = Rect(x: 0, y: top, width: width, height: rows[0] + pictures) }
            if rows[1] > 0 { panels[1] = Rect(x: width + 1, y: top, width: width, height: rows[1]) }
            if rows[2] > 0 {
                panels[2] = three ? Rect(x: 2 * (width + 1), y: top, width: width, height: rows[2])
                    : underData ? Rect(x: 0, y: top + rows[0] + pictures, width: width, height: rows[2])
                    : Rect(x: width + 1, y: top + rows[1], width: width, height: rows[2])
            }
        }
    }

    /// The picker in `room` at its preferred size; returns the rows it takes.
    private mutating func placePicker(at room: Rect, settings: PlaygroundState) -> Int {
        guard room.height > 0,
              let size = DatasetPicker.preferredSize(problem: settings.problem, width: room.width, height: room.height)
        else { return 0 }
        picker = Rect(x: room.x, y: room.y, width: size.width, height: size.height)
        return size.height
    }
}
