import ArgumentParser
import FoundationEssentials
import Glibc
import PlaygroundCore

/// Session files: `Session` through Foundation's JSON coder, written with `AtomicFile`.
///
/// Numbers are written in their shortest round-trip form, so a file read back gives the same
/// bits; JSON has no NaN or infinity, so a diverged number is the string "NaN", "Infinity" or
/// "-Infinity" (read back the same way).
enum SessionFile {
    static let nonFinite = (positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")

    static func encoded(_ session: Session) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: nonFinite.positiveInfinity, negativeInfinity: nonFinite.negativeInfinity, nan: nonFinite.nan)
        return Array(try encoder.encode(session)) + [UInt8(ascii: "\n")]
    }

    /// Writes the session of `playground` and `losses`; a failure is one line and exit status 1.
    static func save(_ playground: Playground, losses: [Session.LossRow], to path: String) throws {
        do {
            try AtomicFile.write(encoded(Session(playground, losses: losses)), to: path)
        } catch let failure as AtomicFile.Failure {
            Diagnostics.say("playground-tui: " + failure.message)
            throw ExitCode.failure
        }
    }

    /// Refuses, before any work, a `--save` file that cannot be written (a missing or read-only
    /// folder, a folder in the way): one line and exit status 1, as a failed write.
    static func checkWritable(_ path: String) throws {
        do {
            try AtomicFile.checkWritable(path)
        } catch {
            Diagnostics.say("playground-tui: " + error.message)
            throw ExitCode.failure
        }
    }

    /// The playground and loss rows a session file holds; anything wrong is a `ValidationError`
    /// naming `option`, the file and what is wrong.
    static func load(_ path: String, option: String) throws -> (playground: Playground, losses: [Session.LossRow]) {
        let bytes = try InputFile.read(path, option: option)
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: nonFinite.positiveInfinity, negativeInfinity: nonFinite.negativeInfinity, nan: nonFinite.nan)
        let refuse = { (message: String) in ValidationError("\(option): \(path): \(message)") }
        // The version first: a newer file may not decode as this version's fields.
        struct Version: Decodable { let version: Int }
        do {
            let version = try decoder.decode(Version.self, from: bytes).version
            try Session.check(version: version)
            let session = try decoder.decode(Session.self, from: bytes)
            let playground = try Playground(session: session)
            return (playground, session.losses)
        } catch let error as SessionError {
            throw refuse(error.description)
        } catch let error as DecodingError {
            // JSON's decoder calls a number out of its field's range "not valid JSON": the walk
            // over the numbers names it, and says "cut short" only of a file that is.
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty,
               let problem = Session.numberProblem(in: Array(bytes)) {
                throw refuse("session: " + problem)
            }
            throw refuse("session: " + describe(error))
        }
    }

    /// A decoding error as one line: where in the file (`network.parameters[3]`) and what.
    static func describe(_ error: DecodingError) -> String {
        func place(_ path: [CodingKey]) -> String {
            path.reduce("") { text, key in
                key.intValue.map { text + "[\($0)]" } ?? (text.isEmpty ? key.stringValue : text + "." + key.stringValue)
            }
        }
        func at(_ path: [CodingKey]) -> String { path.isEmpty ? "" : place(path) + ": " }
        switch error {
        case .dataCorrupted(let context) where context.codingPath.isEmpty:
            return "not a complete JSON document (cut short, or not a session file)"
        case .dataCorrupted(let context):
            return at(context.codingPath) + context.debugDescription
        case .keyNotFound(let key, let context):
            return "missing \(place(context.codingPath + [key]))"
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            return at(context.codingPath) + "expected " + description(of: type)
        @unknown default:
            return "cannot be read"
        }
    }

    static func description(of type: Any.Type) -> String {
        switch type {
        case is Double.Type: "a number"
        case is Int.Type, is UInt8.Type: "a whole number"
        case is String.Type: "text"
        case is [Any].Type: "a list"
        default: "a value of another kind"
        }
    }
}

/// Files the user names on the command line.
/// Where a run starts: a saved session (`--resume`), or a new playground on `--state` and, with
/// `--data`, the points of a CSV file. `play` and `train` take the same options and rules.
enum StartPoint {
    static func playground(state: String?, data: String?, fit: Bool, resume: String?) throws
        -> (playground: Playground, losses: [Session.LossRow]) {
        guard let resume else {
            if fit && data == nil { throw ValidationError("--fit: goes with --data FILE") }
            return (try InputFile.playground(state: try StateOption.parse(state), dataFile: data, fit: fit), [])
        }
        if state != nil { throw ValidationError("--state: not with --resume (the session file holds the state)") }
        if data != nil { throw ValidationError("--data: not with --resume (the session file holds the data)") }
        return try SessionFile.load(resume, option: "--resume")
    }
}

enum InputFile {
    /// The most a file named on the command line (or to `O`) may hold: far beyond any session or
    /// point set, short of what would exhaust the memory.
    static let limit = 64 << 20

    /// The file's bytes; a file that cannot be read is a `ValidationError` with the system's reason.
    /// Only regular files of at most `limit` bytes: `/dev/zero`, a FIFO or a terminal would be
    /// read without end (a FIFO is opened without waiting for a writer, to be refused at once).
    static func read(_ path: String, option: String) throws -> Data {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw cannotRead(path, option: option) }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { throw cannotRead(path, option: option) }
        switch status.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw ValidationError("\(option): \(path): cannot read: Is a directory")
        default: throw ValidationError("\(option): \(path): not a regular file")
        }
        let tooLarge = ValidationError("\(option): \(path): larger than \(limit >> 20) MiB")
        if status.st_size > limit { throw tooLarge }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = Glibc.read(descriptor, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { throw cannotRead(path, option: option) }
            if count == 0 { return data }
            // A file that grows while read (or a /proc file, whose size says 0) is held to the limit too.
            if data.count + count > limit { throw tooLarge }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    static func cannotRead(_ path: String, option: String) -> ValidationError {
        ValidationError("\(option): \(path): cannot read: \(String(cString: strerror(errno)))")
    }

    /// The playground a run starts from: `state` on its data set, or on the points of `dataFile`
    /// (`--data`, scaled into the plane with `fit`). A state that says `data=custom` without a
    /// file is warned about: the points are not in a link.
    static func playground(state: PlaygroundState, dataFile: String?, fit: Bool) throws -> Playground {
        guard let dataFile else {
            if state.data == .custom {
                Diagnostics.say("playground-tui: warning: --state: data=custom: a link cannot carry the points; "
                                + "using the data set (give the points with --data FILE)")
            }
            return Playground(state: state)
        }
        let text = String(decoding: try read(dataFile, option: "--data"), as: UTF8.self)
        do {
            let contents = try DataFile.read(text, file: dataFile, problem: state.problem, fit: fit)
            if contents.scale != 1 {
                Diagnostics.say("playground-tui: note: --fit: every point was scaled by \(NumberFormat.javaScript(contents.scale)) "
                                + "to fit the plane [-6, 6]")
            }
            return Playground(state: state, points: contents.points)
        } catch {
            throw ValidationError("--data: " + error.description)
        }
    }
}
