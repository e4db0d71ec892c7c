import Glibc
import PlaygroundCore

/// A write to standard output (or another descriptor) that did not happen.
///
/// Commands throw it up to `Entry`, which turns it into the exit the user expects:
/// - the reader is gone (`EPIPE`; only seen when SIGPIPE is ignored, since by default the signal
///   ends the process first): exit quietly with status 141, the status a shell shows for a death
///   by SIGPIPE, so `cmd | head -1` behaves the same whichever way SIGPIPE is set;
/// - anything else (a full disk, a closed descriptor, an I/O error): one line on standard error
///   naming the stream and the reason, exit status 1.
struct WriteFailure: Error {
    /// What was written to, as a message says it ("standard output").
    let streamName: String
    /// The `errno` of the failed `write(2)`.
    let errorNumber: Int32

    /// The reader of a pipe or socket went away: not an error worth a word.
    var readerIsGone: Bool { errorNumber == EPIPE }

    /// The exit status for this failure.
    var exitStatus: Int32 { readerIsGone ? 128 + SIGPIPE : 1 }

    /// `cannot write to standard output: No space left on device`
    var message: String { "cannot write to \(streamName): \(String(cString: strerror(errorNumber)))" }
}

/// Text for one file descriptor, buffered here and sent with `write(2)` when `flush` is called.
///
/// No `FileHandle` (its `write` traps on an error) and no stdio (it reports errors late, at
/// `fflush` or `exit`, where they are easy to lose). Nothing is sent until `flush`, so each command
/// decides when its output must reach a pipe: `train` flushes every row, `--help` once.
struct TextOutput {
    let descriptor: Int32
    let streamName: String
    private var pending: [UInt8] = []

    init(descriptor: Int32, streamName: String) {
        self.descriptor = descriptor
        self.streamName = streamName
    }

    static var standardOutput: TextOutput { TextOutput(descriptor: STDOUT_FILENO, streamName: "standard output") }
    static var standardError: TextOutput { TextOutput(descriptor: STDERR_FILENO, streamName: "standard error") }

    /// Appends `text` to what the next `flush` sends.
    mutating func write(_ text: String) {
        pending.append(contentsOf: text.utf8)
    }

    /// Appends `text` and a newline.
    mutating func writeLine(_ text: String) {
        write(text)
        pending.append(UInt8(ascii: "\n"))
    }

    /// Writes `text` and a newline, and sends them now.
    mutating func line(_ text: String) throws(WriteFailure) {
        writeLine(text)
        try flush()
    }

    /// Sends everything pending. A short write is continued and an interrupted one retried; a
    /// failure throws, and the unsent bytes are dropped (they could never be sent in order).
    mutating func flush() throws(WriteFailure) {
        defer { pending.removeAll(keepingCapacity: true) }
        let failure: Int32? = pending.withUnsafeBytes { bytes in
            guard let start = bytes.baseAddress else { return nil }
            var sent = 0
            while sent < bytes.count {
                let count = Glibc.write(descriptor, start + sent, bytes.count - sent)
                if count >= 0 {
                    sent += count
                } else if errno != EINTR {
                    return errno
                }
            }
            return nil
        }
        if let failure { throw WriteFailure(streamName: streamName, errorNumber: failure) }
    }
}

/// Lines for the user on standard error: warnings, errors and `train`'s `state:` line.
enum Diagnostics {
    /// Writes `line` at once, made one terminal-safe line by `TerminalText.safeLine`.
    ///
    /// A failure is ignored: standard error is where a failure would be reported, and a command
    /// whose diagnostics cannot be shown still does its work (and its exit status still tells).
    static func say(_ line: String) {
        var output = TextOutput.standardError
        output.writeLine(TerminalText.safeLine(line))
        try? output.flush()
    }
}

/// Making a message safe to print, whatever user input it carries.
enum TerminalText {
    /// `message` as one line that cannot move the cursor or recolour the terminal: every code point
    /// that `UserText.quoted` escapes inside quotes (control characters, line breaks,
    /// bidirectional controls) is escaped here the same way; quotes and backslashes stay as they are.
    /// A net under the messages, which should already quote their user input.
    static func safeLine(_ message: String) -> String { UserText.line(message) }

    /// Replaces each argument of `arguments` that `message` repeats in single quotes (as
    /// ArgumentParser does: `The value 'ten' is invalid for '--epochs <n>'`) by
    /// `UserText.quoted(argument)`; the value of an `--option=value` argument counts too. One pass
    /// from left to right, the longest argument first at each quote, so nothing is replaced twice.
    static func quotingArguments(_ arguments: [String], in message: String) -> String {
        var candidates = Set<String>()
        for argument in arguments where !argument.isEmpty {
            candidates.insert(argument)
            if argument.hasPrefix("-"), let equals = argument.unicodeScalars.firstIndex(of: "=") {
                candidates.insert(String(argument.unicodeScalars[..<equals]))
                candidates.insert(String(argument.unicodeScalars[argument.unicodeScalars.index(after: equals)...]))
            }
        }
        let quotedForms = candidates.map { (scalars: Array(("'" + $0 + "'").unicodeScalars), argument: $0) }
            .sorted { $0.scalars.count > $1.scalars.count }
        let scalars = Array(message.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        scan: while index < scalars.count {
            if scalars[index] == "'" {
                for form in quotedForms where scalars[index...].starts(with: form.scalars) {
                    result.append(contentsOf: UserText.quoted(form.argument).unicodeScalars)
                    index += form.scalars.count
                    continue scan
                }
            }
            result.append(scalars[index])
            index += 1
        }
        return String(result)
    }
}

/// The descriptors 0, 1 and 2, open whatever the parent left.
enum StandardDescriptors {
    /// Opens `/dev/null` on each of 0, 1 and 2 that is closed, the wrong way round (standard output
    /// read-only), so that a write to a closed standard output still fails (`EBADF`) and is
    /// reported, and no file opened later can take its number and receive the output by mistake.
    static func reserve() {
        let directions: [(descriptor: Int32, flags: Int32)] = [
            (STDIN_FILENO, O_WRONLY), (STDOUT_FILENO, O_RDONLY), (STDERR_FILENO, O_RDONLY),
        ]
        for (descriptor, flags) in directions where fcntl(descriptor, F_GETFD) == -1 && errno == EBADF {
            // The lowest free number is `descriptor` itself, as the ones below it are open by now.
            let opened = open("/dev/null", flags)
            if opened >= 0 && opened != descriptor {
                dup2(opened, descriptor)
                close(opened)
            }
        }
    }
}
