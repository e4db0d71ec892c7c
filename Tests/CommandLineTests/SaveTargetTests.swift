import Foundation
import XCTest

/// `--save` replaces only a regular file or makes a new one: a device, a FIFO, a socket, a
/// folder, `-`, an empty name and standard output are refused in one line before any training;
/// names of every allowed length save; a save killed while writing leaves nothing half done.
final class SaveTargetTests: XCTestCase {
    var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("save-target-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func entries() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() }

    func mode(_ name: String) -> mode_t {
        var status = stat()
        XCTAssertEqual(lstat(path(name), &status), 0, name)
        return status.st_mode & S_IFMT
    }

    /// A refusal before training: one line (no `state:` line, no CSV row: nothing was trained).
    func assertRefused(_ target: String, _ message: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let result = try ProcessRunner.run(["train", "--epochs", "5", "--save", target])
        XCTAssertEqual(result.status, 1, result.error, file: file, line: line)
        XCTAssertEqual(result.output, "", "nothing trained", file: file, line: line)
        XCTAssertEqual(result.error, "playground-tui: cannot write \(message)\n", file: file, line: line)
    }

    func testADeviceAFIFOASocketAndAFolderAreRefusedAndLeftAsTheyWere() throws {
        XCTAssertEqual(mknod(path("null"), S_IFCHR | 0o666, dev_t((1 << 8) | 3)), 0, "mknod needs root")
        XCTAssertEqual(mkfifo(path("fifo"), 0o600), 0)
        let socketDescriptor = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socketDescriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let socketPath = path("sock")
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            for (index, byte) in socketPath.utf8.enumerated() { buffer[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socketDescriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        XCTAssertEqual(bound, 0)
        try FileManager.default.createDirectory(atPath: path("dir"), withIntermediateDirectories: false)

        try assertRefused(path("null"), "\(path("null")): not a regular file but a character device; only a regular file is replaced")
        try assertRefused(path("fifo"), "\(path("fifo")): not a regular file but a FIFO (named pipe); only a regular file is replaced")
        try assertRefused(path("sock"), "\(path("sock")): not a regular file but a socket; only a regular file is replaced")
        try assertRefused(path("dir"), "\(path("dir")): Is a directory")
        XCTAssertEqual(mode("null"), S_IFCHR)
        XCTAssertEqual(mode("fifo"), S_IFIFO)
        XCTAssertEqual(mode("sock"), S_IFSOCK)
        XCTAssertEqual(mode("dir"), S_IFDIR)
        XCTAssertEqual(try entries(), ["dir", "fifo", "null", "sock"], "no file made or left")
    }

    func testAnEmptyNameAndDashAreRefusedWithAProperMessage() throws {
        let empty = try ProcessRunner.run(["train", "--epochs", "5", "--save", ""])
        XCTAssertEqual(empty.status, 1)
        XCTAssertEqual(empty.output, "")
        XCTAssertEqual(empty.error, "playground-tui: cannot write: the file name is empty\n")
        try assertRefused("-", "-: a save goes to a file, not to standard output (./- names a file called -)")
    }

    /// The issue's `--save /dev/stdout > out.txt` replaced out.txt and lost the CSV rows; with a
    /// pipe it blamed a symbolic link.
    func testStandardOutputIsRefusedNotReplaced() throws {
        let out = path("out.txt")
        let redirected = try ProcessRunner.shell(#""$0" train --epochs 2 --save /dev/stdout > "$1""#, [out])
        XCTAssertEqual(redirected.status, 1)
        XCTAssertEqual(redirected.error, "playground-tui: cannot write /dev/stdout: this is where standard output goes; a save needs a file of its own\n")
        XCTAssertEqual(mode("out.txt"), S_IFREG)
        let piped = try ProcessRunner.shell(#""$0" train --epochs 2 --save /dev/stdout | cat"#)
        XCTAssertEqual(piped.error, "playground-tui: cannot write /dev/stdout: this is where standard output goes; a save needs a file of its own\n")
    }

    func testNamesOfEveryAllowedLengthSaveAndALongerOneIsRefusedBeforeTraining() throws {
        for length in 248...255 {
            let name = String(repeating: "n", count: length - 5) + ".json"
            let result = try ProcessRunner.run(["train", "--epochs", "1", "--save", path(name)])
            XCTAssertEqual(result.status, 0, "\(length): \(result.error)")
            XCTAssertEqual(mode(name), S_IFREG)
            // Replacing an existing file of that length works too.
            XCTAssertEqual(try ProcessRunner.run(["train", "--epochs", "1", "--save", path(name)]).status, 0, "\(length)")
            try FileManager.default.removeItem(atPath: path(name))
        }
        XCTAssertEqual(try entries(), [], "no temporary file left")
        try assertRefused(path(String(repeating: "n", count: 256)), "\(path(String(repeating: "n", count: 256))): File name too long")
    }

    /// Killed (SIGKILL) the moment anything appears in the folder: with the bytes written to a
    /// file with no name, what appears first is the finished file, so what the kill leaves is
    /// nothing or the whole session; never a hidden temporary file.
    func testASaveKilledWhileWritingLeavesNoTemporaryFile() throws {
        let points = path("../points-\(UUID().uuidString).csv")
        defer { try? FileManager.default.removeItem(atPath: points) }
        var text = ""
        for index in 0..<60_000 { text += "\(Double(index % 1000) / 200 - 2.5),\(Double(index / 1000) / 20 - 1.5),\(index % 2 == 0 ? 1 : -1)\n" }
        try text.write(toFile: points, atomically: false, encoding: .utf8)
        var leftovers: [String] = []
        for run in 0..<3 {
            let target = path("s\(run).json")
            let process = Process()
            process.executableURL = try ProcessRunner.binary
            process.arguments = ["train", "--epochs", "0", "--data", points, "--save", target]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            let before = Set(try entries())
            try process.run()
            while process.isRunning, Set(try entries()) == before { usleep(200) }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            leftovers += Set(try entries()).subtracting(before).filter { $0 != "s\(run).json" }
        }
        XCTAssertEqual(leftovers, [], "a kill left a temporary file")
    }
}
