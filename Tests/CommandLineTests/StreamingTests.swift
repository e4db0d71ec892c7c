import Foundation
import XCTest

/// `train` rows reach a pipe as they are computed, and Ctrl-C keeps them.
final class StreamingTests: XCTestCase {
    /// Starts a practically endless `train`, reads its first rows while it runs, interrupts it
    /// (SIGINT, what Ctrl-C sends) and reads the rest.
    ///
    /// Why it can fail: a row is about 50 bytes, so output held in a 64 KB buffer would appear
    /// only after some 1300 rows, 650,000 epochs here: past the deadline in a debug build, and in
    /// one piece of over 1000 rows in a fast one. Flushed rows arrive a few at a time at most.
    func testRowsReachAPipeAsComputedAndCtrlCKeepsThem() throws {
        let (process, out, errorText) = try start(["train", "--state", "seed=0.12345", "--epochs", "100000000", "--every", "500"])
        let descriptor = out.fileHandleForReading.fileDescriptor

        // The header and the rows for epochs 0, 500 and 1000.
        let early = FileDescriptorReader.read(descriptor, lines: 4, deadline: Date().addingTimeInterval(60))
        XCTAssertTrue(process.isRunning, "train ended early: \(String(decoding: errorText.wait(), as: UTF8.self))")
        process.interrupt()
        let rest = FileDescriptorReader.readAll(descriptor)
        process.waitUntilExit()

        let earlyLines = String(decoding: early, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertGreaterThanOrEqual(earlyLines.count - 1, 4, "rows did not arrive while train ran: \(earlyLines)")
        XCTAssertLessThan(earlyLines.count, 100, "rows arrived in one late block, not as computed")
        // Killed by SIGINT, as a shell reports it: status 130.
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        XCTAssertEqual(process.terminationStatus, SIGINT)

        // Everything printed is whole rows, one per 500 epochs from 0, every one kept.
        let text = String(decoding: early + rest, as: UTF8.self)
        XCTAssertTrue(text.hasSuffix("\n"), "a row was cut: \(text.suffix(80))")
        let lines = text.split(separator: "\n")
        XCTAssertEqual(lines.first, "epoch,train_loss,test_loss")
        for (index, line) in lines.dropFirst().enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            XCTAssertEqual(fields.count, 3, String(line))
            XCTAssertEqual(fields.first.flatMap { Int($0) }, index * 500, String(line))
            XCTAssertTrue(fields.dropFirst().allSatisfy { Double($0).map { $0 > 0 && $0 < 1 } ?? false }, String(line))
        }
    }

    /// JSON is one object, written at the end: Ctrl-C before then prints nothing (README).
    func testCtrlCBeforeTheEndOfAJSONRunPrintsNothing() throws {
        let (process, out, errorText) = try start(["train", "--state", "seed=0.12345", "--epochs", "100000000", "--format", "json"])
        Thread.sleep(forTimeInterval: 0.5)
        XCTAssertTrue(process.isRunning)
        process.interrupt()
        let output = FileDescriptorReader.readAll(out.fileHandleForReading.fileDescriptor)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationReason, .uncaughtSignal)
        XCTAssertEqual(process.terminationStatus, SIGINT)
        XCTAssertEqual(output.count, 0)
        XCTAssertEqual(errorText.wait().count, 0)
    }

    /// Starts the binary with `arguments`, its output in a pipe read by the test and its
    /// standard error collected in the background.
    private func start(_ arguments: [String]) throws -> (Process, Pipe, ReadToEnd) {
        let process = Process()
        process.executableURL = try ProcessRunner.binary
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return (process, out, ReadToEnd(err.fileHandleForReading))
    }
}
