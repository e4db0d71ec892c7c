// Files and questions: the file-name line, the yes/no question, the run loop's file reports.
import PlaygroundCore

/// A file the run loop must write or read (`Effect.file`): the app itself does no I/O. The run
/// loop reports how it went with `Action.fileResult`.
public struct FileRequest: Equatable, Sendable {
    public enum Kind: Equatable, Sendable {
        /// The points in use, as CSV (`DataFile.write`).
        case saveData
        /// The whole session, as JSON (`Session`).
        case saveSession
        /// Points from a CSV file, to use instead of the current ones.
        case loadData
        /// The screen as it is, as SVG (`ScreenSVG`), under the first free name like the path.
        case saveScreen
    }

    public var kind: Kind
    public var path: String
    /// Replace a file that exists (the user said yes); without it an existing file is reported.
    public var overwrite: Bool

    public init(_ kind: Kind, path: String, overwrite: Bool = false) {
        self.kind = kind
        self.path = path
        self.overwrite = overwrite
    }

    /// The name the entry line starts with.
    public static func defaultPath(_ kind: Kind) -> String {
        kind == .saveSession ? "playground-session.json" : kind == .saveScreen ? "playground-screen.svg" : "playground-data.csv"
    }
}

/// How a `FileRequest` went.
public enum FileResult: Equatable, Sendable {
    /// The file was written whole (renamed into place).
    case written(FileRequest)
    /// A write was not made: the file exists and the request did not say to overwrite it.
    case exists(FileRequest)
    /// The points of a CSV file (in the plane, with labels for the current problem).
    case loaded(FileRequest, points: [Example])
    /// One line saying why: "cannot write x.csv: Permission denied", "x.csv:3:3: y: expected …".
    case failed(FileRequest, message: String)
}

/// The line where a file name is typed (`S`, `P`, `O`), prefilled with the default name.
public struct PathEntry: Equatable, Sendable {
    public var kind: FileRequest.Kind
    public var text: String

    /// What the line says before the name.
    var prompt: String {
        switch kind {
        case .saveData: "Save the points as: "
        case .saveSession: "Save the session as: "
        case .loadData: "Load points (CSV) from: "
        case .saveScreen: "Save the screen as: "
        }
    }

    /// A file name may hold any printable character (spaces too); not control characters.
    static func accepts(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { $0.value >= 32 && $0.value != 127 && !(0x80..<0xA0).contains($0.value) }
    }
}

/// A yes/no question the app waits on; any answer but yes changes nothing.
public struct Question: Equatable, Sendable {
    public enum Consequence: Equatable, Sendable {
        /// Write the file after all.
        case overwrite(FileRequest)
        /// Remove every point.
        case clearPoints
        /// Apply settings that leave the given points for a built-in data set.
        case leavePoints(PlaygroundState)
        /// Replace the points with those read from a file.
        case loadPoints([Example], path: String)
        /// Quit although drawn points are unsaved.
        case quit
    }

    public var text: String
    public var onYes: Consequence
}

extension AppState {
    /// `S`, `P`, `O`: the entry line for the file's name.
    mutating func beginPathEntry(_ kind: FileRequest.Kind) {
        pathEntry = PathEntry(kind: kind, text: FileRequest.defaultPath(kind))
    }

    /// Enter: ask the run loop for the file (an empty name is refused, the line stays open).
    mutating func commitPath() -> Effect {
        guard let pathEntry else { return [] }
        let path = pathEntry.text.trimmingSpaces()
        guard !path.isEmpty else {
            status = "no file name typed: type one, or Esc"
            return .redraw
        }
        self.pathEntry = nil
        return request(FileRequest(pathEntry.kind, path: path))
    }

    /// `y` carries out the question's consequence; `n` and Esc drop it.
    mutating func answer(_ yes: Bool) -> Effect {
        guard let question else { return [] }
        self.question = nil
        guard yes else {
            status = "nothing changed"
            return .redraw
        }
        switch question.onYes {
        case .overwrite(let request):
            return self.request(request)
        case .clearPoints:
            clearAllPoints()
            return .redraw
        case .leavePoints(let settings):
            applySettings(settings, confirmed: true)
            return .redraw
        case .loadPoints(let points, let path):
            load(points, from: path)
            return .redraw
        case .quit:
            return .quit
        }
    }

    /// Hands `request` to the run loop.
    mutating func request(_ request: FileRequest) -> Effect {
        fileRequest = request
        return [.redraw, .file]
    }

    /// Waits on `question`, which the status line and the prompt line both ask.
    mutating func ask(_ question: Question) {
        self.question = question
        status = question.text + " y/n"
    }

    /// The points of a file in place of those in use.
    mutating func load(_ points: [Example], from path: String) {
        let wasCustom = playground.hasCustomData
        playground.setPoints(points)
        unsavedPoints = false
        recordLosses()
        status = "loaded \(points.count) points from \(path)" + (wasCustom ? "" : ": a link cannot carry them")
    }

    /// The run loop's report: a message; for an existing file, the question; for points read, the
    /// points in use. A failure changes nothing but the message.
    mutating func receive(_ result: FileResult) {
        fileRequest = nil
        switch result {
        case .written(let request) where request.kind == .saveScreen:
            status = "screen saved as SVG: \(request.path)"
        case .written(let request):
            unsavedPoints = false
            status = request.kind == .saveSession
                ? "saved the session at epoch \(Format.grouped(playground.epoch)) to \(request.path)"
                : "saved \(playground.points.count) points to \(request.path)"
        case .exists(var request):
            request.overwrite = true
            ask(Question(text: "\(request.path) exists: overwrite?", onYes: .overwrite(request)))
        case .loaded(let request, let points):
            guard unsavedPoints else {
                load(points, from: request.path)
                break
            }
            let count = playground.points.count
            ask(Question(text: "replace your \(count) unsaved points with the \(points.count) of \(request.path)?",
                         onYes: .loadPoints(points, path: request.path)))
        case .failed(_, let message):
            status = message
        }
        fileMessage = status
    }
}

/// The yes/no question's action: the answer. Nil for every other (the mode under takes it).
func reduceQuestion(_ state: inout AppState, _ question: Question, _ action: Action) -> Effect? {
    guard case .answer(let yes) = action else { return nil }
    state.keyArrived(action)
    return state.answer(yes)
}

/// The file-name line's action: a key on the line (Enter hands the file to the run loop:
/// `Effect.file`). Nil for every other action (the mode under takes it).
func reducePathEntry(_ state: inout AppState, _ entry: PathEntry, _ action: Action) -> Effect? {
    guard case .line(let edit) = action else { return nil }
    state.keyArrived(action)
    let effect = state.editLine(edit)
    if effect == .redraw { state.followSelection() }
    return effect
}
