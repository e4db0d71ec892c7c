import ArgumentParser
import FoundationEssentials
import PlaygroundCore

/// `playground-tui data`: a data set's points, to save and edit, or to read back with `--data`.
struct DataCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "Print a data set's points: CSV or JSON.",
        discussion: """
            CSV prints a comment with the state, the header 'x,y,label' and one row per point, \
            every number in its shortest round-trip form. The rows come in the order that \
            '--data' with the same seed and ratio splits into this very split, point for point. \
            JSON prints one object with state, train and test ([x, y, label] each), the split itself.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case csv, json
    }

    enum Purpose: StatePurpose {
        static let help = "The state whose data set to print (a link, a #hash or pairs)."
    }

    @OptionGroup var state: StateOptions<Purpose>

    @Option(help: "Output format: csv or json.")
    var format: Format = .csv

    /// The JSON document: the state and the split, each point `[x, y, label]`.
    struct Document: Codable, Equatable {
        let state: String
        let train: [[Double]]
        let test: [[Double]]
    }

    mutating func run() throws {
        let settings = try state.parsed()
        let data = try InputFile.playground(state: settings, dataFile: nil, fit: false).data
        let serialized = Playground(state: settings).state.serialized
        var output = TextOutput.standardOutput
        switch format {
        case .csv:
            output.writeLine("# " + UserText.url(serialized))  // a comment line is one safe line
            output.writeLine("# \(data.train.count) training and \(data.test.count) test points; with this seed and ratio --data splits them the same way")
            output.write(DataFile.write(data.pointsInOrderToSplit(seed: settings.seed)))
        case .json:
            let triple = { (point: Example) in [point.x, point.y, point.label] }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let document = Document(state: serialized, train: data.train.map(triple), test: data.test.map(triple))
            output.writeLine(String(decoding: try encoder.encode(document), as: UTF8.self))
        }
        try output.flush()
    }
}
