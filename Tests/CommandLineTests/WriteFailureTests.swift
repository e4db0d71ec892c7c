import Foundation
import XCTest

/// Output that cannot be written: a full disk and a closed standard output are one line on
/// standard error and status 1; a reader that goes away (`| head -1`) ends the command quietly,
/// with status 141 whether SIGPIPE kills it (the default) or is ignored and `write` says `EPIPE`.
final class WriteFailureTests: XCTestCase {
    /// Every command that writes to standard output, each small and quick.
    static let writers: [[String]] = [
        ["train", "--epochs", "3"],
        ["train", "--epochs", "3", "--format", "json"],
        ["bench", "--only", "a", "--epochs", "1", "--repeat", "1"],
        ["--help"],
        ["train", "--help"],
        ["--version"],
    ]

    func assertOneLineAndStatusOne(_ result: ProcessRunner.Result, expected line: String, _ arguments: [String],
                                   file: StaticString = #filePath, lineNumber: UInt = #line) {
        XCTAssertFalse(result.killedBySignal, "\(arguments): killed by signal \(result.status)", file: file, line: lineNumber)
        XCTAssertEqual(result.status, 1, "\(arguments)", file: file, line: lineNumber)
        // One line (besides train's `state:` line): no backtrace, no "Fatal error".
        XCTAssertEqual(result.errorLinesBesidesState, [Substring(line)], "\(arguments): \(result.error)",
                       file: file, line: lineNumber)
    }

    func testAFullDiskIsOneLineAndStatusOne() throws {
        for arguments in Self.writers {
            let result = try ProcessRunner.shell(#"exec "$0" "$@" > /dev/full"#, arguments)
            assertOneLineAndStatusOne(result, expected: "playground-tui: cannot write to standard output: No space left on device",
                                      arguments)
        }
    }

    func testAClosedStandardOutputIsOneLineAndStatusOne() throws {
        for arguments in Self.writers {
            let result = try ProcessRunner.shell(#"exec "$0" "$@" >&-"#, arguments)
            assertOneLineAndStatusOne(result, expected: "playground-tui: cannot write to standard output: Bad file descriptor",
                                      arguments)
        }
    }

    /// `train | head -1` in a shell: head prints the header and leaves; train ends with 141 and
    /// says nothing, with SIGPIPE at its default and with SIGPIPE ignored (`trap "" PIPE`).
    func testHeadEndsTrainQuietlyInAShell() throws {
        // 20000 epochs: a train that ignored the closed pipe would still end, in seconds.
        let pipeline = #"{ "$0" train --epochs 20000 --every 1; echo "train status $?" >&2; } | head -1"#
        for prefix in ["", #"trap "" PIPE; "#] {
            let result = try ProcessRunner.shell(prefix + pipeline)
            XCTAssertEqual(result.status, 0, "\(prefix): \(result.error)")
            XCTAssertEqual(result.output, "epoch,train_loss,test_loss\n", prefix)
            XCTAssertEqual(result.errorLinesBesidesState, ["train status 141"], "\(prefix): \(result.error)")
        }
    }

    /// The same with the process watched directly: by default SIGPIPE kills it; ignored, it sees
    /// `EPIPE` and exits by itself with 141 (so the test shows which path ran).
    func testAReaderThatLeavesEndsTrainQuietly() throws {
        for (prefix, killedBySignal, status) in [("", true, SIGPIPE), (#"trap "" PIPE; "#, false, 128 + SIGPIPE)] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", prefix + #"exec "$0" train --epochs 20000 --every 1"#, try ProcessRunner.binary.path]
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let errorText = ReadToEnd(err.fileHandleForReading)
            let first = FileDescriptorReader.read(out.fileHandleForReading.fileDescriptor, lines: 1,
                                                  deadline: Date().addingTimeInterval(60))
            XCTAssertTrue(String(decoding: first, as: UTF8.self).hasPrefix("epoch,train_loss,test_loss\n"), prefix)
            try out.fileHandleForReading.close()
            process.waitUntilExit()
            let error = String(decoding: errorText.wait(), as: UTF8.self)
            XCTAssertEqual(process.terminationReason == .uncaughtSignal, killedBySignal, "\(prefix): \(error)")
            XCTAssertEqual(process.terminationStatus, status, "\(prefix): \(error)")
            XCTAssertEqual(error.split(separator: "\n").filter { !$0.hasPrefix("state: ") }, [], prefix)
        }
    }
}
