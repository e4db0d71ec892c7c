import Glibc

/// Every file the program writes goes through here, so no file is ever half written and nothing
/// but a file is ever replaced: the bytes go to a new file in the same folder with no name yet
/// (`Platform.openUnnamedFile`, Linux's O_TMPFILE; elsewhere a named temporary file with a short
/// name, `.playground-tui-XXXXXX`, which fits any file-name limit), are forced to the disk
/// (`fsync`), and the file is then given its name: renamed over the target, which POSIX makes
/// atomic within one file system. A reader sees the old file or the whole new one; a failure at
/// any step removes the new file and leaves any existing file as it was; a process killed while
/// writing leaves nothing behind (with an unnamed file).
///
/// Only a regular file is replaced: a folder, a device (`/dev/null`), a FIFO, a socket, or the
/// file standard output or standard error is writing to (`/dev/stdout`, or `> out.txt` and the
/// same name) is refused before anything is written, and so is `-` (a save goes to a file).
///
/// A write that must not replace a file publishes the new file with `link`, which fails with
/// `EEXIST` when anything has that name: the check and the publishing are one step, so a file
/// that appears after the user was asked (or not asked) is never replaced.
enum AtomicFile {
    /// A write that did not happen: the file, the step and the system's reason.
    struct Failure: Error, Equatable {
        let path: String
        let reason: String
        /// True when nothing was written because a file of that name exists (`replacing: false`).
        var exists = false
        /// `cannot write /a/b.json: Not a directory`
        var message: String { path.isEmpty ? "cannot write: \(reason)" : "cannot write \(path): \(reason)" }
    }

    /// The start of a temporary file's name where there are no unnamed files: short, so that a
    /// target's name of any allowed length still has a temporary name that fits.
    static let temporaryPrefix = ".playground-tui-"

    /// Writes `bytes` to `path`; with `replacing` false an existing file (or link, or folder) of
    /// that name is left alone and the failure says `exists`.
    static func write(_ bytes: [UInt8], to path: String, replacing: Bool = true) throws(Failure) {
        func failure(_ step: String? = nil, _ number: Int32 = errno) -> Failure {
            let reason = String(cString: strerror(number))
            return Failure(path: path, reason: step.map { "\($0): \(reason)" } ?? reason)
        }
        let (target, folder, _) = try place(of: path, replacing: replacing)

        // A new file gets the mode the user's umask gives, a replaced one keeps its own.
        var existing = stat()
        let mode = stat(target, &existing) == 0 ? existing.st_mode & 0o7777 : 0o666 & ~creationMask
        let unnamed = Platform.openUnnamedFile(in: folder, mode: 0o600)
        var temporary: String?
        let descriptor: Int32
        if let unnamed {
            descriptor = unnamed
        } else {
            var template = Array((folder + "/" + temporaryPrefix + "XXXXXX").utf8CString)
            descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
            guard descriptor >= 0 else { throw failure() }
            temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        var closed = false
        var published = false
        defer {
            if !closed { close(descriptor) }
            if !published, let temporary { unlink(temporary) }
        }
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

        if !replacing {
            // The target's name is given to the new file directly; EEXIST when anything has it.
            let linked = unnamed != nil ? Platform.nameUnnamedFile(descriptor, as: target) : link(temporary!, target) == 0
            guard linked else {
                let number = errno
                var failed = failure(nil, number)
                failed.exists = number == EEXIST
                throw failed
            }
            closed = true
            guard close(descriptor) == 0 else {
                unlink(target)
                throw failure()
            }
            // Both names are the new file now; the temporary one (if any) goes (by the defer).
        } else if unnamed != nil, stat(target, &existing) != 0, errno == ENOENT,
                  Platform.nameUnnamedFile(descriptor, as: target) {
            // Nothing to replace (yet): the unnamed file takes the target's name directly, so a
            // kill at any moment leaves nothing or the whole file, never a temporary name.
            closed = true
            guard close(descriptor) == 0 else {
                unlink(target)
                throw failure()
            }
        } else {
            if unnamed != nil {
                // rename cannot replace with an unnamed file: a short name for the moment between.
                var generator = SystemRandomNumberGenerator()
                let letters = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
                for _ in 0..<100 {
                    let name = folder + "/" + temporaryPrefix + String((0..<6).map { _ in letters.randomElement(using: &generator)! })
                    if Platform.nameUnnamedFile(descriptor, as: name) { temporary = name; break }
                    guard errno == EEXIST else { throw failure() }
                }
                guard temporary != nil else { throw failure(nil, EEXIST) }
            }
            closed = true
            guard close(descriptor) == 0 else { throw failure() }
            guard rename(temporary!, target) == 0 else { throw failure() }
        }
        // After a rename the temporary name is gone; after a link it still goes (by the defer).
        if replacing { published = true }
        // The rename itself reaches the disk with the folder's entry; a folder that cannot be
        // synced (some file systems refuse) does not undo a write that already happened.
        let folderDescriptor = open(folder, O_RDONLY | O_DIRECTORY)
        if folderDescriptor >= 0 {
            fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    /// Where a write of `path` goes: the file replaced (a symbolic link stays a link: the file
    /// it points to is the one replaced; a link to nothing is refused rather than guessed at), its
    /// folder and its name. Refuses, before anything is written, an empty name, `-`, and a name
    /// that is not a regular file: a folder, a device, a FIFO, a socket, or what standard output
    /// or standard error is writing to.
    private static func place(of path: String, replacing: Bool) throws(Failure) -> (target: String, folder: String, name: String) {
        guard !path.isEmpty else { throw Failure(path: path, reason: "the file name is empty") }
        guard path != "-" else {
            throw Failure(path: path, reason: "a save goes to a file, not to standard output (./- names a file called -)")
        }
        var status = stat()
        if stat(path, &status) == 0 {
            // The file a stream writes to, by its name (/dev/stdout) or as a regular file
            // (`> out.txt`); /dev/null as standard output is still named as a device.
            let namesStream = ["/dev/std", "/dev/fd/", "/proc/self/fd/"].contains { path.hasPrefix($0) }
            for (descriptor, stream) in [(Int32(1), "standard output"), (2, "standard error")] {
                var open = stat()
                if fstat(descriptor, &open) == 0, open.st_dev == status.st_dev, open.st_ino == status.st_ino,
                   namesStream || nonRegularKind(status.st_mode) == nil {
                    throw Failure(path: path, reason: "this is where \(stream) goes; a save needs a file of its own")
                }
            }
            if let kind = nonRegularKind(status.st_mode) {
                throw Failure(path: path, reason: kind == "a directory" ? "Is a directory" : "not a regular file but \(kind); only a regular file is replaced")
            }
        }
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

    /// What a file of mode `mode` is when it is not a regular file; nil for a regular file.
    static func nonRegularKind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a directory"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFSOCK: "a socket"
        default: "not a file"
        }
    }

    /// Whether a `write` of `path` could succeed as far as can be told before it: the folder
    /// exists and may be written in, and `path` is not a folder. For a long job that writes at its
    /// end (`train --save`), so a typing mistake is found before the work; the write itself can
    /// still fail (a full disk) and says so then.
    static func checkWritable(_ path: String) throws(Failure) {
        let (target, folder, name) = try place(of: path, replacing: true)
        var status = stat()
        if stat(target, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw Failure(path: path, reason: "Is a directory")
        }
        // "folder/." fails with ENOTDIR when the folder is a file, and ENOENT when it is missing.
        guard access(folder + "/.", W_OK) == 0 else {
            throw Failure(path: path, reason: String(cString: strerror(errno)))
        }
        let limit = pathconf(folder, Int32(_PC_NAME_MAX))
        if name.utf8.count > (limit > 0 ? limit : 255) {
            throw Failure(path: path, reason: String(cString: strerror(ENAMETOOLONG)))
        }
    }

    /// The process's umask, read once. Reading it with `umask` means setting it, which for a
    /// moment clears it for every thread; the kernel's `Umask:` line in /proc/self/status reads
    /// it without that. Where there is no /proc, `main` reads it with `umask` before any thread
    /// starts (touching this property first).
    static let creationMask: mode_t = {
        if let mask = Platform.umaskFromProc() { return mask }
        let mask = umask(0)
        umask(mask)
        return mask
    }()

    static func write(_ text: String, to path: String, replacing: Bool = true) throws(Failure) {
        try write(Array(text.utf8), to: path, replacing: replacing)
    }
}
