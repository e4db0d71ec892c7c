import Foundation
import XCTest

/// Runs the built `playground-tui` as a process, directly or inside `/bin/sh -c`, the way
/// scripts and shells use it.
enum ProcessRunner {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The built binary: `PLAYGROUND_TUI_BIN`, else `.build/debug/playground-tui` (`make test` builds it).
    static var binary: URL {
        get throws {
            let path = ProcessInfo.processInfo.environment["PLAYGROUND_TUI_BIN"]
                ?? root.appendingPathComponent(".build/debug/playground-tui").path
            guard FileManager.default.isExecutableFile(atPath: path) else {
                XCTFail("no binary at \(path): run 'swift build' (make test does) or set PLAYGROUND_TUI_BIN")
                throw CocoaError(.fileNoSuchFile)
            }
            return URL(fileURLWithPath: path)
        }
    }

    struct Result {
        /// The exit status, or the signal's number when `killedBySignal`.
        let status: Int32
        let killedBySignal: Bool
        let output: String
        let error: String
        /// Standard error's lines, without `train`'s `state: ...` line.
        var errorLinesBesidesState: [Substring] {
            error.split(separator: "\n", omittingEmptySubsequences: false).dropLast().filter { !$0.hasPrefix("state: ") }
        }
    }

    /// Runs the binary with `arguments`; `environment` entries are added to the test's own.
    static func run(_ arguments: [String], environment: [String: String] = [:], timeout: Double = 300) throws -> Result {
        try run(executable: binary, arguments: arguments, environment: environment, timeout: timeout)
    }

    /// Runs `/bin/sh -c script` with the binary's path as `$0` and `arguments` as `$@`, so the
    /// script says `"$0" "$@"`.
    static func shell(_ script: String, _ arguments: [String] = [], timeout: Double = 300) throws -> Result {
        try run(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", script, binary.path] + arguments,
                environment: [:], timeout: timeout)
    }

    private static func run(executable: URL, arguments: [String], environment: [String: String],
                            timeout: Double) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // A hung process must fail the test, not hang it.
        let pid = process.processIdentifier
        let watchdog = DispatchWorkItem { kill(pid, SIGKILL) }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)
        let errorText = ReadToEnd(err.fileHandleForReading)
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        watchdog.cancel()
        let result = Result(status: process.terminationStatus, killedBySignal: process.terminationReason == .uncaughtSignal,
                            output: String(decoding: output, as: UTF8.self),
                            error: String(decoding: errorText.wait(), as: UTF8.self))
        XCTAssertFalse(result.killedBySignal && result.status == SIGKILL, "\(arguments) ran over \(timeout) s and was killed")
        return result
    }
}

/// Reads a pipe to its end on another thread, so a full stderr pipe cannot stall a process
/// whose stdout is being read.
final class ReadToEnd: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        let descriptor = handle.fileDescriptor
        Thread.detachNewThread { [self] in
            data = FileDescriptorReader.readAll(descriptor)
            done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}

/// Reads from a pipe with `read(2)` and `poll(2)`, for tests that watch output arrive.
enum FileDescriptorReader {
    static func readAll(_ descriptor: Int32) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = Glibc.read(descriptor, &buffer, buffer.count)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return data }
            data.append(contentsOf: buffer[0..<count])
        }
    }

    /// Reads until `data` holds `lines` newlines, the pipe ends, or `deadline` passes.
    static func read(_ descriptor: Int32, lines: Int, deadline: Date) -> Data {
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while data.filter({ $0 == UInt8(ascii: "\n") }).count < lines {
            let remaining = deadline.timeIntervalSinceNow
            guard remaining > 0 else { break }
            var request = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&request, 1, Int32(min(remaining, 1) * 1000))
            if ready <= 0 { continue }
            let count = Glibc.read(descriptor, &buffer, buffer.count)
            if count <= 0 { break }
            data.append(contentsOf: buffer[0..<count])
        }
        return data
    }
}
