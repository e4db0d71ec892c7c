import ArgumentParser
import Foundation
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
            the JSON object is written at the end (Ctrl-C before then prints nothing).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    @Option(help: ArgumentHelp("The state to train (a link, a #hash or pairs).", valueName: "state"))
    var state: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Epochs to train (default: 100).", valueName: "n"),
            transform: wholeNumber(atLeast: 0))
    var epochs: Int = 100

    @Option(parsing: .unconditional, help: ArgumentHelp("Print every K-th epoch and the last (default: 1).", valueName: "k"),
            transform: wholeNumber(atLeast: 1))
    var every: Int = 1

    @Option(help: "Output format: csv or json.")
    var format: Format = .csv

    /// Each CSV row is flushed as soon as it is computed: a pipe sees it at once, and Ctrl-C (the
    /// default SIGINT action, nothing installed here) loses no row already computed. JSON is one
    /// object written at the end, so Ctrl-C before then prints nothing.
    mutating func run() throws {
        let playgroundState = try StateOption.parse(state)
        var playground = Playground(state: playgroundState)
        let initial = playground.network
        var rows: [(Int, Double, Double)] = []
        var output = TextOutput.standardOutput
        if format == .csv {
            Diagnostics.say("state: \(playgroundState.serialized)")
            output.writeLine("epoch,train_loss,test_loss")
        }
        for epoch in 0...epochs {
            if epoch > 0 { playground.step() }
            guard epoch % every == 0 || epoch == epochs else { continue }
            let row = (epoch, playground.trainingLoss(), playground.testLoss())
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
