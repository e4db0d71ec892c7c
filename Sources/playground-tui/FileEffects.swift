import ArgumentParser
import Glibc
import PlaygroundCore
import PlaygroundUI

/// Carries out the app's `Effect.file`: writes the points or the session (whole or not at all,
/// through `AtomicFile`), or reads points from a CSV file, and says how it went. Nothing here
/// changes the app: a failure is a message, and the session runs on.
enum FileEffects {
    static func perform(_ request: FileRequest, state: AppState) -> FileResult {
        switch request.kind {
        case .loadData:
            return load(request, problem: state.settings.problem)
        case .saveScreen:
            return saveScreen(request, state: state)
        case .saveData, .saveSession:
            // An existing file is replaced only when the user said yes to it. Whether one exists
            // is found by the write itself (no check before it that a new file could slip past).
            let bytes: [UInt8]
            if request.kind == .saveData {
                bytes = Array(DataFile.write(state.playground.points).utf8)
            } else {
                let losses = state.losses.records.map { Session.LossRow(epoch: $0.epoch, train: $0.training, test: $0.test) }
                do {
                    bytes = try SessionFile.encoded(Session(state.playground, losses: losses))
                } catch {
                    return .failed(request, message: "cannot write \(request.path): the session cannot be encoded (\(error))")
                }
            }
            do {
                try AtomicFile.write(bytes, to: request.path, replacing: request.overwrite)
                return .written(request)
            } catch {
                if error.exists { return .exists(request) }
                return .failed(request, message: error.message)
            }
        }
    }

    /// The screen as `render` draws it now, as SVG, under the request's name or, when a file has
    /// it, the first free one of NAME-2.svg, NAME-3.svg, ... (each write refuses an existing file,
    /// so none is ever replaced); the result names the file by its absolute path.
    static func saveScreen(_ request: FileRequest, state: AppState) -> FileResult {
        let svg = ScreenSVG.document(Snapshot.screen(state), title: "playground-tui at epoch \(state.playground.epoch)",
                                     description: Snapshot.description(state))
        let path = request.path
        let dot = path.lastIndex(of: ".").flatMap { path[$0...].contains("/") ? nil : $0 } ?? path.endIndex
        for number in 1...999 {
            let name = number == 1 ? path : path[..<dot] + "-\(number)" + path[dot...]
            do {
                try AtomicFile.write(Array(svg.utf8), to: name, replacing: false)
                return .written(FileRequest(.saveScreen, path: absolute(name)))
            } catch {
                if error.exists { continue }
                return .failed(request, message: error.message)
            }
        }
        return .failed(request, message: "cannot write \(path): \(path[..<dot])-2 to -999 exist too")
    }

    /// `path` from the root: as given when it starts with /, else under the working folder.
    static func absolute(_ path: String) -> String {
        guard !path.hasPrefix("/"), let folder = getcwd(nil, 0) else { return path }
        defer { free(folder) }
        return String(cString: folder) + "/" + path
    }

    /// The points of the CSV file at `request.path` for `problem`; a file that cannot be read or
    /// used is a message with the file, line and column.
    static func load(_ request: FileRequest, problem: Problem) -> FileResult {
        let option = "load"
        let text: String
        do {
            text = String(decoding: try InputFile.read(request.path, option: option), as: UTF8.self)
        } catch let error as ValidationError {
            // "load: x.csv: cannot read: No such file or directory" without the option's name.
            return .failed(request, message: String(error.message.dropFirst(option.count + 2)))
        } catch {
            return .failed(request, message: "\(request.path): cannot read: \(error)")
        }
        do {
            return .loaded(request, points: try DataFile.read(text, file: request.path, problem: problem).points)
        } catch {
            return .failed(request, message: error.description)
        }
    }
}
