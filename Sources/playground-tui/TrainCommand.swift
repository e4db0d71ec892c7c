import ArgumentParser
import FoundationEssentials
import PlaygroundCore

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train headless and print the losses.",
        discussion: """
            CSV prints 'epoch,train_loss,test_loss' for epoch 0 (the untrained network), every \
            K-th epoch and the last; with --diagnostics also, per layer of weights L (1 = the \
            first hidden layer, the last = the output), 'lL_mean_abs_gradient,lL_update_ratio,\
            lL_saturated,lL_dead'. The canonical state goes to standard error as 'state: ...'. \
            JSON prints one object with state, train, test, initialNetwork, loss (shaped like \
            the reference files) and diagnostics (per printed epoch: epoch and layers). Losses \
            are the state's loss (cross-entropy when loss=crossentropy and the problem is \
            classification) and are computed only for the epochs printed. Each CSV row is \
            written as soon as it is computed, so a pipe sees it at once and Ctrl-C keeps it; \
            the JSON object is written at the end (Ctrl-C before then prints nothing). \
            --data trains on the points of a CSV file (x,y,label rows; see the README). --save \
            writes the whole session after training; --resume continues a saved session for \
            --epochs more, rows numbered from its epoch, exactly as if it had never stopped.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    enum Purpose: StatePurpose {
        static let help = "The state to train (a link, a #hash or pairs)."
    }
    enum DataPurpose: DataFilePurpose { static let verb = "Train" }

    @OptionGroup var state: StateOptions<Purpose>

    @Option(parsing: .unconditional, help: ArgumentHelp("Epochs to train (default: 100).", valueName: "n"),
            transform: wholeNumber(atLeast: 0))
    var epochs: Int = 100

    @Option(parsing: .unconditional, help: ArgumentHelp("Print every K-th epoch and the last (default: 1).", valueName: "k"),
            transform: wholeNumber(atLeast: 1))
    var every: Int = 1

    @Option(help: "Output format: csv or json.")
    var format: Format = .csv

    @Flag(help: "CSV: add each layer's gradient health (JSON always has it).")
    var diagnostics = false

    @OptionGroup var data: DataFileOptions<DataPurpose>

    @Option(help: ArgumentHelp("Write the session (state, data, network, training, losses) to a file after training.", valueName: "file"))
    var save: String?

    @Option(help: ArgumentHelp("Continue a saved session (its state and data; not with --state or --data).", valueName: "file"))
    var resume: String?

    // Stop condition (issue 19): the test loss is computed after every epoch and the run stops
    // at the first epoch where it is at most X (that epoch's row is printed as the last).
    @Option(parsing: .unconditional, help: ArgumentHelp("Stop at the first epoch whose test loss is at most X (at most --epochs).", valueName: "x"),
            transform: lossTarget)
    var untilLoss: Double?
    // History: --history and --from-epoch (TrainHistory.swift).
    @OptionGroup var past: TrainHistoryOptions

    /// Each CSV row is flushed as soon as it is computed: a pipe sees it at once, and Ctrl-C (the
    /// default SIGINT action, nothing installed here) loses no row already computed. JSON is one
    /// object written at the end, so Ctrl-C before then prints nothing.
    /// A resumed session prints its first row at its saved epoch and numbers the rest from there.
    mutating func run() throws {
        var (playground, history) = try StartPoint.playground(state: state.state, data: data.data, fit: data.fit, resume: resume)
        if let save { try SessionFile.checkWritable(save) }
        TrainWarnings.say(trainingPoints: playground.data.train.count, batchSize: playground.state.batchSize)
        try past.prepare(&playground, losses: &history, resume: resume, save: save)
        let playgroundState = playground.state
        let withDiagnostics = format == .json || diagnostics
        playground.recordsDiagnostics = withDiagnostics
        let initial = playground.network
        let first = playground.epoch
        let (last, overflow) = first.addingReportingOverflow(epochs)
        guard !overflow, Session.countRange.contains(last) else {
            throw ValidationError("--epochs: \(epochs) more after epoch \(first) passes the most epochs a run counts, 2^53")
        }
        var document = TrainJSON(state: playgroundState, data: playground.data, network: initial)
        var output = TextOutput.standardOutput
        if format == .csv {
            Diagnostics.say("state: " + UserText.url(playgroundState.serialized))
            let layers = withDiagnostics ? playground.network.layerCount - 1 : 0
            output.writeLine((["epoch,train_loss,test_loss"] + (0..<layers).map(TrainCSV.diagnosticsHeader)).joined(separator: ","))
        }
        for epoch in first...last {
            if epoch > first { playground.step() }
            let stopsHere = TrainStop.reached(untilLoss, by: playground)
            guard stopsHere || epoch % every == 0 || epoch == last || epoch == first else { continue }
            let train = playground.trainingLoss(), test = playground.testLoss()
            if epoch > first || history.isEmpty { history.append(Session.LossRow(epoch: epoch, train: train, test: test)) }
            let layers = withDiagnostics ? playground.diagnostics() : []
            switch format {
            case .csv:
                output.writeLine(TrainCSV.row(epoch: epoch, train: train, test: test, layers: layers))
                try output.flush()
            case .json:
                document.append(epoch: epoch, train: train, test: test, layers: layers)
            }
            if stopsHere { break }
        }
        TrainStop.report(untilLoss, playground: playground, first: first)
        if format == .json {
            output.writeLine(try document.text())
            try output.flush()
        }
        try past.finish(&playground)
        if let save { try SessionFile.save(playground, losses: history, to: save) }
    }
}

/// Training that cannot do what it seems to: said on standard error before it starts.
enum TrainWarnings {
    static func say(trainingPoints: Int, batchSize: Int) {
        if trainingPoints == 0 {
            Diagnostics.say("playground-tui: warning: no training point (every point is a test point): "
                            + "the network never changes and the training loss shows as 0")
        } else if trainingPoints < batchSize {
            Diagnostics.say("playground-tui: warning: batchSize=\(batchSize) is more than the \(trainingPoints) training points: "
                            + "a batch never fills, so the network is never updated")
        }
    }
}

/// A CSV row: numbers in shortest round-trip form (a diverged loss prints as NaN or Infinity).
enum TrainCSV {
    static func diagnosticsHeader(layer index: Int) -> String {
        let l = "l\(index + 1)_"
        return [l + "mean_abs_gradient", l + "update_ratio", l + "saturated", l + "dead"].joined(separator: ",")
    }

    static func row(epoch: Int, train: Double, test: Double, layers: [LayerDiagnostics]) -> String {
        let health = layers.flatMap { [$0.meanAbsGradient, $0.updateRatio, $0.saturated, $0.dead] }
        return ([String(epoch)] + ([train, test] + health).map(NumberFormat.javaScript)).joined(separator: ",")
    }
}

/// The JSON form of a run, shaped like `../shared/reference/*.json`, plus `diagnostics`. Keys
/// are written sorted (JSONEncoder keeps no order of its own); numbers in shortest round-trip
/// form; JSON has no NaN or infinity, so a diverged number is `null`.
struct TrainJSON: Encodable {
    /// A number, or null when it is not finite.
    struct Number: Encodable {
        let value: Double
        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            if value.isFinite { try container.encode(value) } else { try container.encodeNil() }
        }
    }

    struct Layer: Encodable {
        let biases: [Number]
        let weights: [[Number]]
    }

    /// `[epoch, train, test]`.
    struct LossRow: Encodable {
        let epoch: Int
        let train, test: Number
        func encode(to encoder: any Encoder) throws {
            var container = encoder.unkeyedContainer()
            try container.encode(epoch)
            try container.encode(train)
            try container.encode(test)
        }
    }

    /// `LayerDiagnostics`' four fields, each null when not finite.
    struct LayerHealth: Encodable {
        let meanAbsGradient, updateRatio, saturated, dead: Number
    }

    struct DiagnosticsEntry: Encodable {
        let epoch: Int
        let layers: [LayerHealth]
    }

    let state: String
    let train: [[Number]]
    let test: [[Number]]
    let initialNetwork: [Layer]
    private(set) var loss: [LossRow] = []
    private(set) var diagnostics: [DiagnosticsEntry] = []

    init(state: PlaygroundState, data: DataSplit, network: Network) {
        let points = { (examples: [Example]) in examples.map { [$0.x, $0.y, $0.label].map(Number.init) } }
        self.state = state.serialized
        train = points(data.train)
        test = points(data.test)
        initialNetwork = (1..<network.layerCount).map { l in
            Layer(biases: network.biases(ofLayer: l).map(Number.init),
                  weights: network.weights(ofLayer: l).map { $0.map(Number.init) })
        }
    }

    mutating func append(epoch: Int, train: Double, test: Double, layers: [LayerDiagnostics]) {
        loss.append(LossRow(epoch: epoch, train: Number(value: train), test: Number(value: test)))
        diagnostics.append(DiagnosticsEntry(epoch: epoch, layers: layers.map {
            LayerHealth(meanAbsGradient: Number(value: $0.meanAbsGradient), updateRatio: Number(value: $0.updateRatio),
                        saturated: Number(value: $0.saturated), dead: Number(value: $0.dead))
        }))
    }

    func text() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
