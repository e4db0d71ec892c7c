import Glibc

/// The app's bytes on their way to the terminal. A frame is handed over whole and written as
/// far as the terminal takes it at once; the rest waits here, and until it has gone the run
/// loop draws no new frame (it skips frames rather than queueing them, so a slow link delays
/// the picture, never training or the keys).
final class TerminalOutput {
    /// The kernel's queue length (where it is known) above which a new frame waits.
    static let unsentLimit = 1024

    private let descriptor: Int32
    private var pending: [UInt8] = []
    private var start = 0
    /// Bytes handed over since the start, for `PLAYGROUND_TUI_FRAME_STATS`.
    private(set) var total = 0

    init(descriptor: Int32 = STDOUT_FILENO) { self.descriptor = descriptor }

    var isDrained: Bool { start == pending.count }

    /// Nothing of ours is waiting, and the terminal's own queue (where it can be read) is short.
    var canTakeFrame: Bool {
        flush()
        return isDrained && (Platform.unsentOutput(descriptor) ?? 0) <= Self.unsentLimit
    }

    func append(_ bytes: [UInt8]) {
        guard !bytes.isEmpty else { return }
        total += bytes.count
        if isDrained {
            pending.removeAll(keepingCapacity: true)
            start = 0
        }
        pending += bytes
    }

    /// Writes what the terminal takes now; true when nothing is left.
    @discardableResult
    func flush() -> Bool {
        guard !isDrained else { return true }
        let written = pending.withUnsafeBytes { all in
            Platform.writeWithoutWaiting(descriptor, UnsafeRawBufferPointer(rebasing: all[start...]))
        }
        if written < 0 {
            // The terminal is gone: the input side reports it; nothing here can be delivered.
            start = pending.count
        } else {
            start += written
        }
        return isDrained
    }

    /// Writes everything left, waiting for the terminal (before anything else writes to it).
    func flushWaiting() {
        guard !isDrained else { return }
        pending.withUnsafeBytes { all in
            Platform.writeWaiting(descriptor, UnsafeRawBufferPointer(rebasing: all[start...]))
        }
        start = pending.count
    }
}
