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
        let (target, folder, name) = try place(of: path, replacing: replacing)

        var template = Array((folder + "/." + name + ".XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw failure() }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var closed = false
        var renamed = false
        defer {
            if !closed { close(descriptor) }
            if !renamed { unlink(temporary) }
        }
        // mkstemp makes the file 0600; a new file gets the mode the user's umask gives, a
        // replaced one keeps its own.
        var existing = stat()
        let mode = stat(target, &existing) == 0 ? existing.st_mode & 0o7777 : 0o666 & ~creationMask
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
            guard rename(temporary, target) == 0 else { throw failure() }
            renamed = true
        } else {
            guard link(temporary, target) == 0 else {
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

    /// Where a write of `path` goes: the file replaced (a symbolic link stays a link: the file
    /// it points to is the one replaced, its temporary file next to it; a link to nothing is
    /// refused rather than guessed at), its folder and its name.
    private static func place(of path: String, replacing: Bool) throws(Failure) -> (target: String, folder: String, name: String) {
        var target = path
        var linkStatus = stat()
        if replacing, lstat(path, &linkStatus) == 0, (linkStatus.st_mode & S_IFMT) == S_IFLNK {
            guard let resolved = realpath(path, nil) else {
                throw Failure(path: path, reason: "a symbolic link to a file that does not exist")
            }
            target = String(cString: resolved)
            free(resolved)
        }
        let slash = target.lastIndex(of: "/")
        let folder = slash.map { $0 == target.startIndex ? "/" : String(target[..<$0]) } ?? "."
        let name = slash.map { String(target[target.index(after: $0)...]) } ?? target
        guard !name.isEmpty else { throw Failure(path: path, reason: "Is a directory") }
        return (target, folder, name)
    }

    /// Whether a `write` of `path` could succeed as far as can be told before it: the folder
    /// exists and may be written in, and `path` is not a folder. For a long job that writes at its
    /// end (`train --save`), so a typing mistake is found before the work; the write itself can
    /// still fail (a full disk) and says so then.
    static func checkWritable(_ path: String) throws(Failure) {
        let (target, folder, _) = try place(of: path, replacing: true)
        var status = stat()
        if stat(target, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw Failure(path: path, reason: "Is a directory")
        }
        // "folder/." fails with ENOTDIR when the folder is a file, and ENOENT when it is missing.
        guard access(folder + "/.", W_OK) == 0 else {
            throw Failure(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// The process's umask, read once. Reading it with `umask` means setting it, which for a
    /// moment clears it for every thread; the kernel's `Umask:` line in /proc/self/status reads
    /// it without that. Where there is no /proc, `main` reads it with `umask` before any thread
    /// starts (touching this property first).
    static let creationMask: mode_t = {
        if let mask = Platform.umaskWithoutSettingIt() { return mask }
        let mask = umask(0)
        umask(mask)
        return mask
    }()

    static func write(_ text: String, to path: String, replacing: Bool = true) throws(Failure) {
        try write(Array(text.utf8), to: path, replacing: replacing)
    }
}
