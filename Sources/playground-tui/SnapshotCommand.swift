import ArgumentParser
import PlaygroundCore
import PlaygroundUI

/// `playground-tui snapshot`: a picture the app draws itself, as SVG. The screen (what a
/// 256-colour terminal of the given size shows after the epochs and keys), or a figure for
/// slides (the decision boundary at a chosen resolution, or the loss chart).
struct SnapshotCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snapshot",
        abstract: "Write the screen (or a figure) of a state after some epochs as an SVG picture.",
        discussion: """
            The screen is drawn by the app's own views, cell by cell, in the colours a \
            256-colour terminal shows. --keys presses keys after training, e.g. 'o2' for lesson \
            2 ({Right}, {Enter}, {Esc}, {Tab} name the other keys); --keys-before before it, \
            e.g. 'h' so that the gradient health panel records the epochs trained. --figure boundary draws the network's output over the plane at \
            --resolution pixels a side with the points, the axes and the colour scale; --figure \
            loss the loss chart. The same state (with its seed) gives the same bytes.
            """
    )

    enum Figure: String, ExpressibleByArgument, CaseIterable {
        case screen, boundary, loss
    }

    @Option(help: ArgumentHelp("The state to draw (a link, a #hash or pairs; give seed= for the same picture every time).",
                               valueName: "state"), completion: StateCompletion.kind)
    var state: String?

    @Option(parsing: .unconditional, help: ArgumentHelp("Epochs to train first (default: 0).", valueName: "n"),
            transform: wholeNumber(atLeast: 0))
    var epochs: Int = 0

    @Option(help: ArgumentHelp("The terminal's size, COLUMNSxROWS (default: 120x40).", valueName: "size"),
            transform: SnapshotCommand.size)
    var size: TerminalSize = TerminalSize(width: 120, height: 40)

    @Option(help: ArgumentHelp("Keys to press after training ({Name} for a named key).", valueName: "keys"))
    var keys: String = ""

    @Option(name: .customLong("keys-before"),
            help: ArgumentHelp("Keys to press before training (h: the health panel records the gradients).", valueName: "keys"))
    var keysBefore: String = ""

    @Option(help: "What to draw: the screen, or a figure for slides.")
    var figure: Figure = .screen

    @Option(parsing: .unconditional, help: ArgumentHelp("Pixels a side of --figure boundary (default: 200).", valueName: "n"),
            transform: SnapshotCommand.resolution)
    var resolution: Int = 200

    @Option(help: ArgumentHelp("Start on the points of a CSV file (x,y,label rows).", valueName: "file"))
    var data: String?

    @Flag(help: "With --data: scale the points into the plane [-6, 6] instead of refusing those outside.")
    var fit = false

    @Option(help: ArgumentHelp("Start from a saved session at its epoch, with its losses (not with --state or --data).",
                               valueName: "file"))
    var resume: String?

    @Option(help: ArgumentHelp("The SVG file to write (replaced whole if it exists).", valueName: "file"))
    var output: String

    struct TerminalSize: Equatable {
        var width: Int
        var height: Int
    }

    static let smallest = TerminalSize(width: 80, height: 24)
    static let largest = TerminalSize(width: 400, height: 150)

    @Sendable static func size(_ text: String) throws -> TerminalSize {
        let parts = text.split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let width = Int(parts[0]), let height = Int(parts[1]),
              (smallest.width...largest.width).contains(width), (smallest.height...largest.height).contains(height) else {
            throw ValidationError("expected COLUMNSxROWS such as 120x40, from \(smallest.width)x\(smallest.height) "
                                  + "to \(largest.width)x\(largest.height)")
        }
        return TerminalSize(width: width, height: height)
    }

    @Sendable static func resolution(_ text: String) throws -> Int {
        guard let value = Int(text), (8...2000).contains(value) else {
            throw ValidationError("expected a whole number of pixels from 8 to 2000")
        }
        return value
    }

    mutating func run() throws {
        let keyList: [Key], keysBeforeList: [Key]
        do {
            keyList = try Snapshot.keys(keys)
        } catch {
            throw ValidationError("--keys: " + error.message)
        }
        do {
            keysBeforeList = try Snapshot.keys(keysBefore)
        } catch {
            throw ValidationError("--keys-before: " + error.message)
        }
        try SessionFile.checkWritable(output)
        let start = try StartPoint.playground(state: state, data: data, fit: fit, resume: resume)
        let records = start.losses.map { LossHistory.Record(epoch: $0.epoch, training: $0.train, test: $0.test) }
        let app = Snapshot.state(playground: start.playground, losses: records, epochs: epochs,
                                 width: size.width, height: size.height, keysBefore: keysBeforeList, keys: keyList)
        let epoch = app.playground.epoch
        let svg: String
        switch figure {
        case .screen:
            svg = ScreenSVG.document(Snapshot.screen(app), title: "playground-tui at epoch \(epoch)",
                                     description: Snapshot.description(app))
        case .boundary:
            let losses = app.losses.last.map { " · training loss \(FigureSVG.fixed($0.training, 3)) · test loss \(FigureSVG.fixed($0.test, 3))" } ?? ""
            svg = FigureSVG.boundary(app.playground, resolution: resolution, title: "epoch \(epoch)" + losses)
        case .loss:
            svg = FigureSVG.loss(app.losses.records, title: "loss by epoch (\(app.settings.activeDataset.title), epoch \(epoch))")
        }
        do {
            try AtomicFile.write(Array(svg.utf8), to: output, replacing: true)
        } catch {
            Diagnostics.say("playground-tui: " + error.message)
            throw ExitCode.failure
        }
    }
}
