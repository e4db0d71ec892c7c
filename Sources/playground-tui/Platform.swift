#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The calls only Linux has, each behind a function with a POSIX fallback, one section per
/// concern. Everything else in the program is POSIX; a port looks here first.
enum Platform {}

// MARK: - Unnamed files (O_TMPFILE)

/// A file with no name in a folder (`open(folder, O_TMPFILE)`): written, synced and then given a
/// name with `linkat`, so a process killed while writing leaves nothing behind. Linux 3.11 and
/// later, on file systems that support it (ext4, xfs, btrfs, tmpfs); elsewhere `nil`, and the
/// caller falls back on a named temporary file (`mkstemp`).
extension Platform {
    #if os(Linux) && (arch(x86_64) || arch(arm64) || arch(i386) || arch(arm))
    /// Linux's `O_TMPFILE` (`__O_TMPFILE | O_DIRECTORY`); Glibc's macro does not import.
    private static let unnamedFileFlag: Int32 = 0o20000000 | O_DIRECTORY
    #else
    private static let unnamedFileFlag: Int32? = nil
    #endif

    /// A descriptor open for writing on a new unnamed file in `folder`, or nil (not supported
    /// here: use a named temporary file).
    static func openUnnamedFile(in folder: String, mode: mode_t) -> Int32? {
        #if os(Linux) && (arch(x86_64) || arch(arm64) || arch(i386) || arch(arm))
        // Naming it needs /proc (see `nameUnnamedFile`); without it, a named temporary file.
        guard access("/proc/self/fd", X_OK) == 0 else { return nil }
        let descriptor = open(folder, unnamedFileFlag | O_WRONLY | O_CLOEXEC, mode)
        return descriptor >= 0 ? descriptor : nil
        #else
        return nil
        #endif
    }

    /// Gives the unnamed file open as `descriptor` the name `path` (which must not exist: the
    /// call fails with EEXIST otherwise, as `link` does). Through /proc/self/fd, which needs no
    /// privilege (`AT_EMPTY_PATH` would need CAP_DAC_READ_SEARCH).
    static func nameUnnamedFile(_ descriptor: Int32, as path: String) -> Bool {
        linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0
    }
}

// MARK: - The process's umask (/proc/self/status)

extension Platform {
    /// The `Umask:` line of /proc/self/status (Linux 4.7 and later), which reads the mask without
    /// setting it; nil where there is no such line (then the caller uses `umask`, see
    /// `AtomicFile.creationMask`).
    static func umaskFromProc() -> mode_t? {
        #if os(Linux)
        guard let status = fopen("/proc/self/status", "r") else { return nil }
        defer { fclose(status) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), status) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            guard text.hasPrefix("Umask:") else { continue }
            let digits = text.dropFirst("Umask:".count).filter { $0 != " " && $0 != "\t" && $0 != "\n" }
            if let mask = mode_t(digits, radix: 8) { return mask & 0o777 }
        }
        return nil
        #else
        return nil
        #endif
    }
}

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

    /// Writes all of `bytes`, waiting as long as it takes: the terminal's teardown, also from a
    /// crash handler (async-signal-safe: only write, no allocation).
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
