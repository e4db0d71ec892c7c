import Glibc

/// Every file the program writes goes through here, so no file is ever half written: the bytes go
/// to a new temporary file in the same folder, are forced to the disk (`fsync`), and the temporary
/// file is then renamed over the target, which POSIX makes atomic within one file system. A reader
/// sees the old file or the whole new one; a failure at any step removes the temporary file and
/// leaves any existing file as it was.
///
/// A write that must not replace a file publishes the temporary file with `link`, which fails
/// with `EEXIST` when anything has that name: the check and the publishing are one step, so a
/// file that appears after the user was asked (or not asked) is never replaced.
enum AtomicFile {
    /// A write that did not happen: the file, the step and the system's reason.
    struct Failure: Error, Equatable {
        let path: String
        let reason: String
        /// True when nothing was written because a file of that name exists (`replacing: false`).
        var exists = false
        /// `cannot write /a/b.json: Not a directory`
        var message: String { "cannot write \(path): \(reason)" }
    }

    /// Writes `bytes` to `path`; with `replacing` false an existing file (or link, or folder) of
    /// that name is left alone and the failure says `exists`.
    static func write(_ bytes: [UInt8], to path: String, replacing: Bool = true) throws(Failure) {
        func failure(_ step: String? = nil, _ number: Int32 = errno) -> Failure {
            let reason = String(cString: strerror(number))
            return Failure(path: path, reason: step.map { "\($0): \(reason)" } ?? reason)
        }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw Failure(path: path, reason: "Is a directory") }

        var template = Array((folder + "/." + name + ".XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw failure() }
        let temporary = String(cString: template)
        var closed = false
        var renamed = false
        defer {
            if !closed { close(descriptor) }
            if !renamed { unlink(temporary) }
        }
        // mkstemp makes the file 0600; a new file gets the mode the user's umask gives, a
        // replaced one keeps its own.
        var existing = stat()
        let mask = umask(0)
        umask(mask)
        let mode = stat(path, &existing) == 0 ? existing.st_mode & 0o7777 : 0o666 & ~mask
        guard fchmod(descriptor, mode) == 0 else { throw failure() }

        let unsent: Int32? = bytes.withUnsafeBytes { buffer in
            var sent = 0
            while sent < buffer.count {
                let count = Glibc.write(descriptor, buffer.baseAddress! + sent, buffer.count - sent)
                if count >= 0 {
                    sent += count
                } else if errno != EINTR {
                    return errno
                }
            }
            return nil
        }
        if let unsent { throw failure(nil, unsent) }
        guard fsync(descriptor) == 0 else { throw failure() }
        closed = true
        guard close(descriptor) == 0 else { throw failure() }
        if replacing {
            guard rename(temporary, path) == 0 else { throw failure() }
            renamed = true
        } else {
            guard link(temporary, path) == 0 else {
                let number = errno
                var failed = failure(nil, number)
                failed.exists = number == EEXIST
                throw failed
            }
            // Both names are the new file now; the temporary one goes (by the defer).
        }
        // The rename itself reaches the disk with the folder's entry; a folder that cannot be
        // synced (some file systems refuse) does not undo a write that already happened.
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    static func write(_ text: String, to path: String, replacing: Bool = true) throws(Failure) {
        try write(Array(text.utf8), to: path, replacing: replacing)
    }
}
