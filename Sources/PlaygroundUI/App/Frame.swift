// The Frame: everything costly the screen shows, computed once after an update, read by render.
import PlaygroundCore

/// One network as the screen shows it: the network, its pictures (the heat map's and the
/// thumbnails' evaluations), its dead edges and its loss series. The widgets draw a `ShownRun`,
/// never the app state, so the same widgets can draw another one (a past epoch, a second run):
/// which network the screen shows is this one value.
public struct ShownRun: Equatable, Sendable {
    public var network: Network
    /// The epoch the network is at.
    public var epoch: Int
    /// Every node's output over the heat map's pixels (the output node, or the inspected one).
    public var heatMap: PictureCache
    /// Every node's output over the thumbnails' pixels.
    public var thumbnails: PictureCache
    /// The edges L1 drove to zero (1), layer after layer of weights, each `node × sources + source`
    /// (empty: none known): `Playground.deadFlags`.
    public var deadEdges: [UInt8]
    /// Both losses since the network was built.
    public var losses: LossHistory
    /// Where each layer's edges start in `deadEdges` (index `layer`).
    private var deadOffsets: [Int] = []

    public init(network: Network, epoch: Int, heatMap: PictureCache = PictureCache(), thumbnails: PictureCache = PictureCache(),
                deadEdges: [UInt8] = [], losses: LossHistory = LossHistory()) {
        self.network = network
        self.epoch = epoch
        self.heatMap = heatMap
        self.thumbnails = thumbnails
        self.deadEdges = deadEdges
        self.losses = losses
        let sizes = network.sizes
        var offset = 0
        deadOffsets = [0] + sizes.indices.dropFirst().map { layer in
            defer { offset += sizes[layer] * sizes[layer - 1] }
            return offset
        }
    }

    /// True when L1 drove the edge from `source` (layer `layer - 1`) to `node` (layer `layer`) to zero.
    public func isDead(layer: Int, node: Int, source: Int) -> Bool {
        guard layer >= 1, layer < deadOffsets.count else { return false }
        let index = deadOffsets[layer] + node * network.sizes[layer - 1] + source
        return deadEdges.indices.contains(index) && deadEdges[index] != 0
    }
}

/// Whether a frame evaluates the pictures again (heat map, thumbnails) or keeps the last ones
/// (the counters, the losses and the chart are always new).
public enum PictureRefresh: Sendable {
    /// Evaluate them when the network or their size changed (the default).
    case refresh
    /// Keep the pictures of the last frame, even if the network changed since.
    case keep
}

/// What render draws, computed by `Frame.build` after each update and on resize (never inside
/// render): the layout for the size and settings, the run to show, the units' health (when the
/// network drawing shows it) and the layers' gradient health (when the panel is open).
public struct Frame: Equatable, Sendable {
    public var layout: Layout
    public var shown: ShownRun
    /// Each unit's health over the training points, per layer from the first hidden one (empty
    /// when no network drawing is shown).
    public var unitHealth: [[UnitDiagnostics]]
    /// Gradient health per layer of weights (empty unless the gradient panel is open).
    public var layerHealth: [LayerDiagnostics]
    /// The last epochs' mean |∂L/∂w| per layer, for the panel's history.
    public var gradientHistory: [[Double]]
    /// The epoch on screen when it is a past one, the run's now, the ghosts' curves (issue 18).
    public var timeline = Timeline()
    /// The comparison's screen and its runs (each with its heat map, when its map shows), while
    /// the comparison is open (`Frame+Compare.swift`).
    public var compareLayout: CompareLayout? = nil
    public var runs: [ShownRun] = []

    /// The frame of `state`, reusing the last frame's pictures (`heatMap`, `thumbnails`: handed
    /// over, not shared, so that evaluating into them copies nothing) where they are still
    /// current, and with `.keep` even where they are not.
    static func build(_ state: AppState, heatMap: consuming PictureCache, thumbnails: consuming PictureCache,
                      runPictures: consuming [PictureCache] = [], pictures: PictureRefresh = .refresh) -> Frame {
        // Looking at the past, everything shown is the kept epoch's: the whole playground as it stood.
        let past = state.viewedEpoch.flatMap { state.playground.past(atKept: $0) }
        let playground = past ?? state.playground
        let layout = Layout(width: state.width, height: state.height, settings: playground.state,
                            gradientPanel: state.showsGradientPanel, table: state.settingTable)
        let features = playground.state.inputFeatures
        // `.keep` keeps pictures of the right size and features; others are evaluated anyway.
        func wanted(_ cache: PictureCache, _ width: Int, _ height: Int) -> Bool {
            pictures == .refresh || cache.pixelWidth != width || cache.pixelHeight != height || cache.features != features
        }
        if !layout.isTooSmall, state.compare == nil {
            let area = layout.heatMap
            if !area.isEmpty, wanted(heatMap, area.width, area.height * 2) {
                heatMap.refresh(network: playground.network, features: features, width: area.width, height: area.height * 2)
            }
            if let diagram = layout.diagram, wanted(thumbnails, diagram.nodeSize.pixelWidth, diagram.nodeSize.pixelHeight) {
                thumbnails.refresh(network: playground.network, features: features,
                                   width: diagram.nodeSize.pixelWidth, height: diagram.nodeSize.pixelHeight)
            }
        }
        // Core's own flags, shared (nothing is computed again for the frame).
        let dead = layout.diagram != nil ? playground.deadFlags : []
        let shown = ShownRun(network: playground.network, epoch: playground.epoch, heatMap: consume heatMap,
                             thumbnails: consume thumbnails,
                             deadEdges: dead, losses: state.losses)
        let onField = !layout.isTooSmall && state.lessons == nil && state.compare == nil
        let showsPanel = onField && !layout.gradientPanel.isEmpty
        let showsUnits = onField && layout.diagram != nil
        var frame = Frame(layout: layout, shown: shown,
                          unitHealth: showsUnits ? playground.unitDiagnostics() : [],
                          layerHealth: showsPanel ? playground.diagnostics() : [],
                          gradientHistory: showsPanel ? playground.gradientHistory : [],
                          timeline: Timeline(state, past: past))
        if let compare = state.compare, !layout.isTooSmall {
            frame.buildCompare(compare, width: state.width, height: state.height, pictures: runPictures, refresh: pictures)
        }
        return frame
    }
}
