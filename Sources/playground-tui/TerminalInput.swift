import Glibc
import PlaygroundUI

/// What the terminal reported, as the run loop handles it.
enum InputEvent: Equatable {
    case key(Key)
    /// The window changed size, or the app came back from a suspend: redraw every cell.
    case resize
}

/// The bytes the terminal sends on standard input, read with `poll` and `read` (ncurses keeps
/// the screen but never reads) and turned into keys by `InputDecoder`.
///
/// The wait also watches the pipe `Signals` writes to, so a signal ends it at once; an unbounded
/// wait (`timeoutMilliseconds` -1) therefore costs no CPU. A lone ESC shortens the wait to what
/// is left of its timeout, then becomes the Escape key.
struct TerminalInput {
    enum Read: Equatable {
        /// The time ran out, or a signal woke the wait.
        case nothing
        /// What one read gave; empty for bytes that make no key (a release, an unknown sequence, half a sequence).
        case keys([Key])
        /// The terminal is gone (end of file or an error): no key will ever come.
        case closed
    }

    private var decoder = InputDecoder()
    /// When a waiting lone ESC becomes the Escape key (monotonic seconds).
    private var escapeDeadline = 0.0
    private var buffer = [UInt8](repeating: 0, count: 4096)
    /// Status reports (`ESC [ 0 n`, the answer to `Terminal`'s question after a frame) read
    /// since the last `takeStatusReports`; the decoder drops them as unknown sequences.
    private var statusReports = 0

    mutating func takeStatusReports() -> Int {
        defer { statusReports = 0 }
        return statusReports
    }

    mutating func read(timeoutMilliseconds: Int32) -> Read {
        var timeout = timeoutMilliseconds
        if decoder.isPending {
            let left = Int32(max(0, ((escapeDeadline - Monotonic.now) * 1000).rounded(.up)))
            if left == 0 { return .keys(decoder.flush()) }
            timeout = timeout < 0 ? left : min(timeout, left)
        }
        var descriptors = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                           pollfd(fd: Signals.wakeDescriptor, events: Int16(POLLIN), revents: 0)]
        let ready = poll(&descriptors, nfds_t(descriptors.count), timeout)
        guard ready > 0 else {
            // Timed out (or EINTR): a lone ESC whose time is up is the Escape key.
            if decoder.isPending, Monotonic.now >= escapeDeadline { return .keys(decoder.flush()) }
            return .nothing
        }
        if descriptors[1].revents != 0 { Signals.drainWakeups() }
        let terminal = Int32(descriptors[0].revents)
        if terminal & (POLLERR | POLLHUP | POLLNVAL) != 0 && terminal & POLLIN == 0 { return .closed }
        guard terminal & POLLIN != 0 else { return .nothing }
        let count = buffer.withUnsafeMutableBytes { Glibc.read(STDIN_FILENO, $0.baseAddress, $0.count) }
        if count < 0 { return errno == EINTR || errno == EAGAIN ? .nothing : .closed }
        if count == 0 { return .closed }
        statusReports += Self.occurrences(of: Self.statusReport, in: buffer[..<count])
        let keys = decoder.feed(buffer[..<count])
        if decoder.isPending {
            escapeDeadline = Monotonic.now + Double(InputDecoder.escapeTimeoutMilliseconds) / 1000
        }
        return .keys(keys)
    }

    static let statusReport: [UInt8] = [0x1B, 0x5B, 0x30, 0x6E]

    static func occurrences(of pattern: [UInt8], in bytes: ArraySlice<UInt8>) -> Int {
        guard bytes.count >= pattern.count else { return 0 }
        var found = 0, index = bytes.startIndex
        while index <= bytes.endIndex - pattern.count {
            if bytes[index] == pattern[0], bytes[index..<(index + pattern.count)].elementsEqual(pattern) {
                found += 1
                index += pattern.count
            } else {
                index += 1
            }
        }
        return found
    }
}
