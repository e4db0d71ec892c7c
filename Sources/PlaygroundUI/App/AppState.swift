// The app state: the playground, the mode, the app-wide settings (size, speed, status, losses).
import PlaygroundCore

/// Everything the app shows and remembers. No I/O.
public struct AppState: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var capabilities: Capabilities
    /// What the app is doing: the playing field, the drawing mode, the lessons, a question ...
    /// (see `Mode`; `overlay`, `selection`, `lessons` and the like read and write it).
    public var mode: Mode = .playing
    /// The playground trains (Space toggles); it pauses while the lessons are open.
    public var isTraining = false
    /// The lessons as they were left (lesson, step, expression, values): `o` opens them there again.
    public var keptLessons: Lessons?
    public var playground: Playground
    /// The hidden layer that `-` and `+` change (0-based; 0 when there is none).
    public var selectedLayer = 0
    /// The knob the arrow keys change.
    public var focus: Knob = .dataset
    /// The settings the app offers (`Setting.table`; a test may pass its own with a made-up row).
    public var settingTable: SettingTable = .standard
    /// How fast training runs while playing: by default about TF's pace (TF trains one epoch
    /// per animation frame), so the boundary can be watched as it forms.
    public var speed: Speed = .standard
    /// When training pauses by itself (a target test loss, an epoch limit): the app's own, like the speed.
    public var stop = StopSettings()
    /// The loss chart's y axis is logarithmic (`y`). The app's own, like the speed: not in the
    /// TF state string, and kept when the network is rebuilt.
    public var logScaleLoss = false
    /// Both losses per recorded frame since the network was last built.
    public var losses = LossHistory()
    /// The link box's view: the index of the first code point of the link it shows.
    public var linkScroll = 0
    /// A line for the user: what just happened, or why training stopped.
    public var status: String?
    /// Where new seeds come from (`g`, and data changes): seeded, so tests are repeatable.
    public var seedSource: SeededRandom
    /// What render draws: built by `update` after every action (`refreshFrame`), never by render.
    private var builtFrame: Frame?
    /// Points were drawn, removed or cleared since they were last saved or loaded: `q` and a load
    /// ask before they would lose them.
    public var unsavedPoints = false
    /// The file the run loop must write or read now (`Effect.file`), until its result comes back.
    public var fileRequest: FileRequest?
    /// The last file report, shown in full on the prompt line while it is the status.
    public var fileMessage: String?

    // Issue 9: gradient health, the activation card, the help's pages.
    /// The gradient health panel is open (`h`) in place of the network drawing; the playground
    /// records diagnostics while it is.
    public var showsGradientPanel = false
    /// The activation was just changed: its card shows until the next key.
    public var activationJustChanged = false
    /// The help screen's page (0-based) when it needs more than one.
    public var helpPage = 0
    /// The kept epoch on screen while looking at the past (nil: now). See `TimeTravel.swift`.
    public var viewedEpoch: Int?
    /// The activation card is on screen: the activation knob is focused, or was just changed.
    public var showsActivationCard: Bool { activationJustChanged || focus == .activation }

    public static let divergedMessage = "diverged: lower the learning rate, then reset"

    public init(state: PlaygroundState, capabilities: Capabilities, width: Int, height: Int) {
        self.init(state: state, capabilities: capabilities, width: width, height: height,
                  seedSource: SeededRandom(seed: "playground-tui " + state.seed))
    }

    /// `seedSource` draws the seeds of later data sets.
    public init(state: PlaygroundState, capabilities: Capabilities, width: Int, height: Int, seedSource: SeededRandom) {
        self.width = width
        self.height = height
        self.capabilities = capabilities
        self.seedSource = seedSource
        playground = Playground(state: state)
        // Gradient health is recorded from the first epoch, panel open or not, so `h` shows
        // the history at once (it costs little: see `make bench`, "diagnostics-recorded").
        playground.recordsDiagnostics = true
        playground.recordsHistory = true
        focus = settingTable.knobs(for: state).first ?? .speed
        recordLosses()
        refreshFrame()
    }

    /// Opens on a running playground (custom points, a resumed session) at its epoch, with the
    /// loss records kept before; the current losses are recorded unless the last record is of
    /// this epoch already.
    public init(playground: Playground, losses: [LossHistory.Record], capabilities: Capabilities, width: Int, height: Int) {
        self.init(state: playground.state, capabilities: capabilities, width: width, height: height)
        self.playground = playground
        self.playground.recordsDiagnostics = true
        // A resumed session's history goes on as it was (turning it on again would record the
        // current epoch anew, without the losses measured there).
        if !self.playground.recordsHistory { self.playground.recordsHistory = true }
        self.losses = LossHistory()
        for record in losses { self.losses.append(record) }
        if self.losses.last?.epoch != playground.epoch { recordLosses() }
        refreshPictures()
    }

    /// The current settings.
    public var settings: PlaygroundState { playground.state }

    /// The run loop's clock runs (a tick per frame, `.train`): the playground trains, or, while
    /// the lessons are open, the race of lesson 5 runs. Setting it sets the one on screen.
    public var isPlaying: Bool {
        get { lessons.map(\.raceRuns) ?? compare.map(\.isRunning) ?? isTraining }
        set {
            if lessons != nil { lessons?.raceRuns = newValue } else if compare != nil { compare?.isRunning = newValue } else { isTraining = newValue }
        }
    }

    /// The last losses are not finite: training diverged.
    public var hasDiverged: Bool {
        guard let last = losses.last else { return false }
        return !last.training.isFinite || !last.test.isFinite
    }

    /// What render draws, as the last update left it.
    /// Lent, not copied (`_read`): render reads it a dozen times a frame, and a copy of a frame
    /// retains and releases every array in it (its layout, pictures, network, health figures).
    public var frame: Frame {
        _read {
            if builtFrame == nil { yield Frame.build(self, heatMap: PictureCache(), thumbnails: PictureCache()) }
            else { yield builtFrame! }
        }
    }

    /// The screen's arrangement for the current size and settings (the frame's).
    public var layout: Layout { _read { yield frame.layout } }

    /// The heat map's evaluation (the frame's): `update` keeps it current, `render` only reads it.
    public var heatMap: PictureCache { _read { yield frame.shown.heatMap } }
    /// Every node's thumbnail, from one evaluation over the thumbnail grid (the frame's).
    public var thumbnails: PictureCache { _read { yield frame.shown.thumbnails } }

    /// Below the minimum size only the "too small" screen shows, and only quitting acts.
    public var isTooSmall: Bool { frame.layout.isTooSmall }

    // MARK: Steps used by `update`

    /// Computes both losses once, records them, and pauses with a message if either is not finite.
    mutating func recordLosses() {
        // Measured through the history, so the kept epoch keeps its losses (the chart's ghosts).
        let point = playground.measureLosses()
        let record = LossHistory.Record(epoch: point.epoch, training: point.training, test: point.test)
        losses.append(record)
        if !record.training.isFinite || !record.test.isFinite {
            isTraining = false
            status = AppState.divergedMessage
        }
    }

    /// A fresh `0.ddddd` seed from `seedSource`.
    mutating func nextSeed() -> String { PlaygroundState.freshSeed(using: &seedSource) }

    /// Builds the frame render draws: the layout, the run shown, its pictures (evaluated again
    /// only if the network or their sizes changed, and only with `.refresh`), the health figures.
    public mutating func refreshFrame(pictures: PictureRefresh = .refresh) {
        // The pictures move from the old frame to the new one (no second reference, no copy).
        // A second reference to a picture's buffer would make its next evaluation copy the
        // whole buffer first (copy on write): they are swapped out in place and consumed.
        var heatMap = PictureCache(), thumbnails = PictureCache(), runPictures: [PictureCache] = []
        if builtFrame != nil {
            swap(&heatMap, &builtFrame!.shown.heatMap)
            swap(&thumbnails, &builtFrame!.shown.thumbnails)
            runPictures = builtFrame!.takeRunPictures()
        }
        builtFrame = Frame.build(self, heatMap: consume heatMap, thumbnails: consume thumbnails, runPictures: runPictures,
                                 pictures: pictures)
    }

    /// Evaluates the heat map and every thumbnail again, even if nothing changed (for timing).
    public mutating func refreshPictures() {
        builtFrame?.shown.heatMap.invalidate()
        builtFrame?.shown.thumbnails.invalidate()
        refreshFrame()
    }

    /// Keeps the selected layer and the focus on things that exist.
    mutating func clampSelection() {
        let layers = playground.state.networkShape.count
        selectedLayer = max(0, min(selectedLayer, layers - 1))
        if case .neurons(let layer) = focus, layer >= layers {
            focus = layers > 0 ? .neurons(layer: layers - 1) : .hiddenLayers
        }
        if focus.isHidden(in: playground.state) { focus = settingTable.knobs(for: playground.state).first ?? .speed }
        // β has no knob once the optimizer does not use it.
        if focus == .momentum, !settingTable.knobs(for: playground.state).contains(.momentum) { focus = .optimizer }
        // A selection that no longer exists (fewer neurons, layers or features) goes back to the
        // output; an entry for it closes.
        let sizes = playground.network.sizes
        if let selection, !selection.exists(in: sizes) {
            self.selection = .node(layer: sizes.count - 1, node: 0)
        }
        if let entry, !entry.target.exists(in: sizes) { self.entry = nil }
    }
}

/// What is drawn over the screen.
public enum Overlay: Equatable, Sendable {
    /// Every key.
    case help
    /// The state as a TensorFlow Playground link, to copy.
    case link
}

/// How fast training runs while playing: a few epochs per second to watch, up to flat out.
public enum Speed: Int, CaseIterable, Comparable, Sendable {
    case one, three, ten, thirty, sixty, hundred, fastest

    /// The default: 60 epochs/s, two epochs per 1/30 s frame, about TF's one epoch per animation frame.
    public static let standard = Speed.sixty

    /// Epochs per second; nil for as many as the frame budget allows.
    public var epochsPerSecond: Double? {
        switch self {
        case .one: 1
        case .three: 3
        case .ten: 10
        case .thirty: 30
        case .sixty: 60
        case .hundred: 100
        case .fastest: nil
        }
    }

    public var title: String {
        switch self {
        case .fastest: "max"
        case .one: "1 epoch/s"
        default: "\(Int(epochsPerSecond!)) epochs/s"
        }
    }

    /// `delta` levels faster (or slower), held at the ends.
    public func stepped(by delta: Int) -> Speed {
        Speed(rawValue: min(Speed.fastest.rawValue, max(0, rawValue + delta)))!
    }

    public static func < (a: Speed, b: Speed) -> Bool { a.rawValue < b.rawValue }
}

/// Training and test loss since the network was built, one record per trained frame, thinned
/// to every other record when full so a long run stays bounded. The range covers every
/// finite loss recorded, thinned or not.
public struct LossHistory: Equatable, Sendable {
    /// Both losses at one epoch: the same value the run's history keeps.
    public typealias Record = History.LossPoint

    /// Records kept before thinning.
    public static let capacity = 2048

    public private(set) var records: [Record] = []
    /// The smallest and largest finite loss since the last reset (nil before any).
    public private(set) var range: ClosedRange<Double>?

    public init() {}

    public var last: Record? { records.last }
    public var isEmpty: Bool { records.isEmpty }

    public mutating func append(_ record: Record) {
        records.append(record)
        for value in [record.training, record.test] where value.isFinite {
            range = range.map { min($0.lowerBound, value)...max($0.upperBound, value) } ?? value...value
        }
        if records.count > LossHistory.capacity {
            let last = records[records.count - 1]
            records = stride(from: 0, to: records.count - 1, by: 2).map { records[$0] } + [last]
        }
    }

    public mutating func removeAll() {
        records.removeAll()
        range = nil
    }
}
