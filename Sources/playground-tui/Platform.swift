import Glibc

/// Calls that differ between systems, each section headed by its use, with a POSIX fallback.
enum Platform {}

// MARK: - Terminal output that never waits (issue 15, item 6: a slow terminal never slows training or the keys)

extension Platform {
    /// Bytes written to terminal `descriptor` that it has not sent yet, where the system says so
    /// (Linux's TIOCOUTQ: true for a serial line or the console; a pseudo-terminal, as under ssh
    /// or tmux, always answers 0, as its queue is on the other side); nil where it cannot tell.
    static func unsentOutput(_ descriptor: Int32) -> Int? {
        #if os(Linux)
        var count: Int32 = 0
        return ioctl(descriptor, UInt(TIOCOUTQ), &count) == 0 ? Int(count) : nil
        #else
        return nil
        #endif
    }

    /// Writes what `descriptor` takes at once, without waiting (POSIX: O_NONBLOCK only around the
    /// write, as the terminal's open file is shared with the shell). Returns the bytes written:
    /// 0 when the terminal is full; -1 on an error other than EINTR or EAGAIN.
    static func writeWithoutWaiting(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int {
        let flags = fcntl(descriptor, F_GETFL)
        let nonBlocking = flags >= 0 && flags & O_NONBLOCK == 0
        if nonBlocking { _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK) }
        defer { if nonBlocking { _ = fcntl(descriptor, F_SETFL, flags) } }
        while true {
            let written = write(descriptor, bytes.baseAddress, bytes.count)
            if written >= 0 { return written }
            if errno == EINTR { continue }
            return errno == EAGAIN || errno == EWOULDBLOCK ? 0 : -1
        }
    }

    /// Writes all of `bytes`, waiting as long as it takes (for the teardown).
    static func writeWaiting(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) {
        var offset = 0
        while offset < bytes.count {
            let written = write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written > 0 {
                offset += written
            } else if written < 0 && errno == EINTR {
                continue
            } else {
                return
            }
        }
    }

    /// Takes O_NONBLOCK off `descriptor` (after a crash inside `writeWithoutWaiting`;
    /// async-signal-safe).
    static func clearNonBlocking(_ descriptor: Int32) {
        let flags = fcntl(descriptor, F_GETFL)
        if flags >= 0, flags & O_NONBLOCK != 0 { _ = fcntl(descriptor, F_SETFL, flags & ~O_NONBLOCK) }
    }
}
