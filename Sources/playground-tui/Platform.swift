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
