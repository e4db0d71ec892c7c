import Foundation
import XCTest

/// The app's `S` and `P` save only where a save belongs: before, "overwrite? y" replaced a device
/// node with a regular file. Now a device or a FIFO is refused at once, without the question.
final class SaveTargetScreenTests: EndToEndTestCase {
    func testSAndPRefuseADeviceAndAFIFOWithoutAsking() throws {
        let session = try start()
        defer { session.kill() }
        try waitForText(session, "epoch")
        let device = session.directory.appendingPathComponent("null").path
        let fifo = session.directory.appendingPathComponent("fifo").path
        XCTAssertEqual(mknod(device, S_IFCHR | 0o666, dev_t((1 << 8) | 3)), 0, "mknod needs root")
        XCTAssertEqual(mkfifo(fifo, 0o600), 0)
        for (key, prompt, defaultName, path, kind) in [("S", "Save the session as:", "playground-session.json", device, "a character device"),
                                                      ("P", "Save the points as:", "playground-data.csv", fifo, "a FIFO (named pipe)")] {
            try session.type(key)
            try waitForText(session, prompt)
            for _ in 0..<defaultName.count { try session.send("BSpace") }
            try session.type(path)
            try session.send("Enter")
            try waitForText(session, "not a regular file but \(kind)")
            XCTAssertFalse(try session.capture().contains("overwrite?"))
        }
        var status = stat()
        XCTAssertEqual(lstat(device, &status), 0)
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFCHR, "the device is still a device")
        XCTAssertEqual(lstat(fifo, &status), 0)
        XCTAssertEqual(status.st_mode & S_IFMT, S_IFIFO)
    }
}
