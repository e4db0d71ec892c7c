/// The calls that only Linux has, each with its POSIX fallback: a port to macOS or a BSD starts here.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

enum Platform {
    // MARK: The process's umask (issue 21)

    /// The process's umask read without setting it: the kernel's `Umask:` line in
    /// /proc/self/status (Linux 4.7 and later). Nil where there is no such line (no /proc, an
    /// older kernel, not Linux): then the caller reads it with `umask`, which sets it for a moment.
    static func umaskWithoutSettingIt() -> mode_t? {
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
