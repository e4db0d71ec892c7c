import ArgumentParser
import FoundationEssentials
import PlaygroundCore

struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train headless and print the losses.",
        discussion: """
            CSV prints 'epoch,train_loss,test_loss' for epoch 0 (the untrained network), every \
            K-th epoch and the last; the canonical state goes to standard error as 'state: ...'. \
            JSON prints one object with state, train, test, initialNetwork and loss, shaped like \
            the reference files. Losses are computed only for the epochs printed. Each CSV row \
            is written as soon as it is computed, so a pipe sees it at once and Ctrl-C keeps it; \
            the JSON object is written at the end (Ctrl-C before then prints nothing). \
            --data trains on the points of a CSV file (x,y,label rows; see the README). --save \
            writes the whole session after training; --resume continues a saved session for \
            --epochs more, rows numbered from its epoch, exactly as if it had never stopped.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    @Option(help: ArgumentHelp("The state to train (a link, a #hash or pairs).", valueName: "state"), completion: StateCompletion.kind)
    var state: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Epochs to train (default: 100).", valueName: "n"),
            transform: wholeNumber(atLeast: 0))
    var epochs: Int = 100

    @Option(parsing: .unconditional, help: ArgumentHelp("Print every K-th epoch and the last (default: 1).", valueName: "k"),
            transform: wholeNumber(atLeast: 1))
    var every: Int = 1

    @Option(help: "Output format: csv or json.")
    var format: Format = .csv

    @Option(help: ArgumentHelp("Train on the points of a CSV file (x,y,label rows).", valueName: "file"))
    var data: String?

    @Flag(help: "With --data: scale the points into the plane [-6, 6] instead of refusing those outside.")
    var fit = false

    @Option(help: ArgumentHelp("Write the session (state, data, network, training, losses) to a file after training.", valueName: "file"))
    var save: String?

    @Option(help: ArgumentHelp("Continue a saved session (its state and data; not with --state or --data).", valueName: "file"))
    var resume: String?

    /// The playground to train and the loss rows before this run: a resumed session, or a new
    /// playground on `--state` (and `--data`).
    func start() throws -> (playground: Playground, losses: [Session.LossRow]) {
        guard let resume else {
            if fit && data == nil { throw ValidationError("--fit: goes with --data FILE") }
            let playground = try InputFile.playground(state: try StateOption.parse(state), dataFile: data, fit: fit)
            return (playground, [])
        }
        if state != nil { throw ValidationError("--state: not with --resume (the session file holds the state)") }
        if data != nil { throw ValidationError("--data: not with --resume (the session file holds the data)") }
        return try SessionFile.load(resume, option: "--resume")
    }

    /// Each CSV row is flushed as soon as it is computed: a pipe sees it at once, and Ctrl-C (the
    /// default SIGINT action, nothing installed here) loses no row already computed. JSON is one
    /// object written at the end, so Ctrl-C before then prints nothing.
    ///
    /// A resumed session prints its first row at its saved epoch and numbers the rest from there.
    mutating func run() throws {
        var (playground, history) = try start()
        let playgroundState = playground.state
        let initial = playground.network
        let first = playground.epoch, last = first + epochs
        var rows: [(Int, Double, Double)] = []
        var output = TextOutput.standardOutput
        if format == .csv {
            Diagnostics.say("state: \(playgroundState.serialized)")
            output.writeLine("epoch,train_loss,test_loss")
        }
        for epoch in first...last {
            if epoch > first { playground.step() }
            guard epoch % every == 0 || epoch == last || epoch == first else { continue }
            let row = (epoch, playground.trainingLoss(), playground.testLoss())
            if epoch > first || history.isEmpty { history.append(Session.LossRow(epoch: row.0, train: row.1, test: row.2)) }
            if format == .csv {
                output.writeLine("\(epoch),\(JSONText.number(row.1)),\(JSONText.number(row.2))")
                try output.flush()
            } else {
                rows.append(row)
            }
        }
        if format == .json {
            output.writeLine(JSONText.document(state: playgroundState, data: playground.data, network: initial, losses: rows))
            try output.flush()
        }
        if let save { try SessionFile.save(playground, losses: history, to: save) }
    }
}

/// The JSON form of a run, shaped like `../shared/reference/*.json`.
enum JSONText {
    /// Shortest round-trip digits (a diverged loss prints as NaN or Infinity in CSV).
    static func number(_ value: Double) -> String { NumberFormat.javaScript(value) }

    /// JSON has no NaN or infinity, so a diverged loss is `null` there.
    static func jsonNumber(_ value: Double) -> String { value.isFinite ? NumberFormat.javaScript(value) : "null" }

    static func string(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\r": escaped += "\\r"
            case "\t": escaped += "\\t"
            case _ where scalar.value < 0x20: escaped += String(format: "\\u%04x", scalar.value)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped + "\""
    }

    static func array(_ items: [String]) -> String { "[" + items.joined(separator: ",") + "]" }

    static func document(state: PlaygroundState, data: DataSplit, network: Network,
                         losses: [(Int, Double, Double)]) -> String {
        let points = { (examples: [Example]) in
            array(examples.map { array([jsonNumber($0.x), jsonNumber($0.y), jsonNumber($0.label)]) })
        }
        let layers = (1..<network.layerCount).map { l in
            "{\"biases\":" + array(network.biases(ofLayer: l).map(jsonNumber)) + ",\"weights\":"
                + array(network.weights(ofLayer: l).map { array($0.map(jsonNumber)) }) + "}"
        }
        let loss = losses.map { array([String($0.0), jsonNumber($0.1), jsonNumber($0.2)]) }
        return "{\"state\":" + string(state.serialized) + ",\"train\":" + points(data.train) + ",\"test\":"
            + points(data.test) + ",\"initialNetwork\":" + array(layers) + ",\"loss\":" + array(loss) + "}"
    }
}
