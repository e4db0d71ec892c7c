import ArgumentParser
import FoundationEssentials
import PlaygroundCore

/// `train`'s history options (owns `--history` and `--from-epoch`): which runs record their
/// past, branching a resumed session from one of its kept epochs, and the JSON lines file.
struct TrainHistoryOptions: ParsableArguments {
    @Option(name: .customLong("history"),
            help: ArgumentHelp("Write the kept epochs (epoch, train, test, parameters) as JSON lines to a file after training.",
                               valueName: "file"))
    var historyFile: String?

    @Option(name: .customLong("from-epoch"), parsing: .unconditional,
            help: ArgumentHelp("With --resume: continue from this kept epoch of the session (a branch).", valueName: "k"),
            transform: wholeNumber(atLeast: 0))
    var fromEpoch: Int?

    /// Before training: refuses a `--history` file that cannot be written; with `--from-epoch`,
    /// branches the resumed playground back to that epoch (rows after it go: they belong to the
    /// run left); turns recording on when the run is saved or its history written (a resumed
    /// history records on by itself).
    func prepare(_ playground: inout Playground, losses: inout [Session.LossRow], resume: String?, save: String?) throws {
        if let historyFile { try SessionFile.checkWritable(historyFile) }
        if let fromEpoch {
            guard let resume else { throw ValidationError("--from-epoch: goes with --resume SESSION") }
            guard !playground.history.isEmpty else {
                throw ValidationError("--from-epoch: \(resume): the session keeps no history (saved by version 1, "
                                      + "or before its run was recorded)")
            }
            do {
                try playground.branch(fromKept: fromEpoch)
            } catch {
                throw ValidationError("--from-epoch: \(error.description)")
            }
            losses.removeAll { $0.epoch > fromEpoch }
        }
        if save != nil || historyFile != nil { playground.recordsHistory = true }
    }

    /// After training: the kept epochs as JSON lines, oldest first, every loss measured; a
    /// failure is one line and exit status 1.
    func finish(_ playground: inout Playground) throws {
        guard let historyFile else { return }
        playground.measureHistoryLosses()
        var text = ""
        for epoch in playground.history.keptEpochs {
            guard let losses = playground.history.measuredLosses(at: epoch),
                  let network = playground.network(atKept: epoch) else { continue }
            text += try HistoryLine(epoch: epoch, train: .init(value: losses.training), test: .init(value: losses.test),
                                    parameters: network.parameterValues.map(TrainJSON.Number.init)).text() + "\n"
        }
        do {
            try AtomicFile.write(text, to: historyFile)
        } catch {
            Diagnostics.say("playground-tui: " + error.message)
            throw ExitCode.failure
        }
    }
}

/// One line of `--history`: `{"epoch":…,"parameters":[…],"test":…,"train":…}`, numbers in
/// shortest round-trip form, a diverged one `null`.
struct HistoryLine: Encodable {
    let epoch: Int
    let train, test: TrainJSON.Number
    let parameters: [TrainJSON.Number]

    func text() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}
