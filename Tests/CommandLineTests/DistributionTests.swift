import Foundation
import XCTest

/// `make dist`'s library check, `make install` / `make uninstall`, and `--version`.
final class DistributionTests: XCTestCase {
    static var root: String { ProcessRunner.root.path }

    /// The check `make dist` runs, on a real binary that needs the Swift runtime (the debug build
    /// links it dynamically): it fails and names the runtime's libraries.
    func testTheLibraryCheckRefusesABinaryThatNeedsTheSwiftRuntime() throws {
        let result = try ProcessRunner.shell("bash '\(Self.root)/scripts/check-libraries.sh' \"$0\"")
        XCTAssertEqual(result.status, 1, result.error)
        XCTAssertTrue(result.error.contains("libswiftCore.so"), result.error)
        XCTAssertTrue(result.error.contains("libFoundationEssentials.so"), result.error)
    }

    /// ldd's output for the self-contained binary as built here (x86_64 and arm64 loaders): glibc's
    /// own libraries pass (libpthread and libdl are glibc 2.31's homes of threads and dlopen); the
    /// same with ncurses, libstdc++ or a library that is not found: fails, naming it.
    func testTheLibraryCheckAcceptsGlibcsOwnLibrariesOnly() throws {
        let selfContained = """
            \tlinux-vdso.so.1 (0x00007ffd4b1f3000)
            \tlibm.so.6 => /lib/x86_64-linux-gnu/libm.so.6 (0x00007f3a1b0f1000)
            \tlibpthread.so.0 => /lib/x86_64-linux-gnu/libpthread.so.0 (0x00007f3a1b0ec000)
            \tlibdl.so.2 => /lib/x86_64-linux-gnu/libdl.so.2 (0x00007f3a1b0e7000)
            \tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x00007f3a1af06000)
            \t/lib64/ld-linux-x86-64.so.2 (0x00007f3a1c2b5000)
            \t/lib/ld-linux-aarch64.so.1 (0x0000ffff9c339000)

            """
        XCTAssertEqual(try check(ldd: selfContained).status, 0)
        let withCurses = selfContained + "\tlibncursesw.so.6 => /lib/x86_64-linux-gnu/libncursesw.so.6 (0x00007f869c2ec000)\n"
            + "\tlibtinfo.so.6 => /lib/x86_64-linux-gnu/libtinfo.so.6 (0x00007f869c2b9000)\n"
        let curses = try check(ldd: withCurses)
        XCTAssertEqual(curses.status, 1)
        XCTAssertTrue(curses.error.hasSuffix("glibc's own: libncursesw.so.6 libtinfo.so.6\n"), curses.error)
        let withStdcxx = selfContained + "\tlibstdc++.so.6 => /lib/x86_64-linux-gnu/libstdc++.so.6 (0x00007f0f0fe00000)\n"
        let refused = try check(ldd: withStdcxx)
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.error.hasSuffix("glibc's own: libstdc++.so.6\n"), refused.error)
        let missing = try check(ldd: selfContained + "\tlibncursesw.so.7 => not found\n")
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.error.contains("libncursesw.so.7 (not found)"), missing.error)
    }

    /// objdump -T's listing of the dynamic symbols: versions compare as numbers (2.4 is older than
    /// 2.31, 2.3.4 older than 2.4); one symbol above the limit fails and is named.
    func testTheGlibcCheckReadsTheHighestVersionAndNamesWhatNeedsIt() throws {
        let old = """
            0000000000000000      DF *UND*\t0000000000000000 (GLIBC_2.3.4) pthread_getaffinity_np
            0000000000000000      DF *UND*\t0000000000000000 (GLIBC_2.4)  __stack_chk_fail
            0000000000000000      DF *UND*\t0000000000000000 (GLIBC_2.29) exp
            0000000000000000      DF *UND*\t0000000000000000  GLIBC_2.2.5 pthread_create

            """
        let passed = try check(symbols: old, limit: "2.31")
        XCTAssertEqual(passed.status, 0, passed.error)
        XCTAssertTrue(passed.output.contains("glibc 2.29 at most (limit 2.31)"), passed.output)
        XCTAssertEqual(try check(symbols: old, limit: "2.28").status, 1, "2.29 is newer than 2.28")
        let new = old + """
            0000000000000000      DF *UND*\t0000000000000000 (GLIBC_2.36) arc4random
            0000000000000000      DF *UND*\t0000000000000000 (GLIBC_2.35) hypotf

            """
        let refused = try check(symbols: new, limit: "2.34")
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.error.contains("needs glibc 2.36, newer than 2.34: arc4random"), refused.error)
        XCTAssertFalse(refused.error.contains("hypotf"), "only the symbols of the highest version are named")
    }

    func check(symbols listing: String, limit: String) throws -> ProcessRunner.Result {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("objdump-\(UUID().uuidString).txt")
        try listing.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try ProcessRunner.shell("bash '\(Self.root)/scripts/check-libraries.sh' --glibc \(limit) --symbols '\(file.path)'")
    }

    func check(ldd listing: String) throws -> ProcessRunner.Result {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ldd-\(UUID().uuidString).txt")
        try listing.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        return try ProcessRunner.shell("bash '\(Self.root)/scripts/check-libraries.sh' --ldd '\(file.path)'")
    }

    /// `make install-files` (what `make install` runs on the self-contained binary) into a
    /// DESTDIR puts exactly the five files in their folders; `make uninstall` removes them all.
    func testInstallPutsTheBinaryManPageAndCompletionsInPlaceAndUninstallRemovesThem() throws {
        let destination = FileManager.default.temporaryDirectory.appendingPathComponent("install-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: destination) }
        let make = "make -s --no-print-directory -C '\(Self.root)' DESTDIR='\(destination.path)' PREFIX=/opt/ptui"
        let install = try ProcessRunner.shell(make + " install-files BIN=\"$0\"")
        XCTAssertEqual(install.status, 0, install.error)
        let expected = [
            "/opt/ptui/bin/playground-tui",
            "/opt/ptui/share/bash-completion/completions/playground-tui",
            "/opt/ptui/share/fish/vendor_completions.d/playground-tui.fish",
            "/opt/ptui/share/man/man1/playground-tui.1",
            "/opt/ptui/share/zsh/site-functions/_playground-tui",
        ]
        XCTAssertEqual(try files(under: destination), expected)
        let installed = destination.path + "/opt/ptui"
        XCTAssertTrue(FileManager.default.isExecutableFile(atPath: installed + "/bin/playground-tui"))
        let page = try String(contentsOfFile: installed + "/share/man/man1/playground-tui.1", encoding: .utf8)
        XCTAssertEqual(page, try ProcessRunner.run(["--generate-manual"]).output)
        let bash = try String(contentsOfFile: installed + "/share/bash-completion/completions/playground-tui", encoding: .utf8)
        XCTAssertEqual(bash, try ProcessRunner.run(["--generate-completion-script", "bash"]).output)

        let uninstall = try ProcessRunner.shell(make + " uninstall")
        XCTAssertEqual(uninstall.status, 0, uninstall.error)
        XCTAssertEqual(try files(under: destination), [])
    }

    /// Every regular file under `folder`, as a path from it, sorted.
    func files(under folder: URL) throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: folder.path)
        var found: [String] = []
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder.path + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                found.append("/" + path)
            }
        }
        return found.sorted()
    }

    /// `--version` names the commit that make wrote for the build (scripts/write-build-info.sh),
    /// or says "unknown commit" for a build that did not go through make.
    func testVersionNamesTheCommitTheBinaryWasBuiltFrom() throws {
        let result = try ProcessRunner.run(["--version"])
        XCTAssertEqual(result.status, 0)
        let header = Self.root + "/Sources/CBuildInfo/build_commit.h"
        guard let text = try? String(contentsOfFile: header, encoding: .utf8) else {
            XCTAssertEqual(result.output, "playground-tui 0.1.0 (unknown commit)\n")
            return
        }
        let commit = try XCTUnwrap(text.split(separator: "\"").dropFirst().first)
        XCTAssertEqual(result.output, "playground-tui 0.1.0 (commit \(commit))\n")
    }

    /// The script writes the work tree's commit as git names it (12 digits, "-dirty" with changes).
    func testTheBuildInfoScriptWritesTheWorkTreesCommit() throws {
        let header = FileManager.default.temporaryDirectory.appendingPathComponent("build-\(UUID().uuidString).h")
        defer { try? FileManager.default.removeItem(at: header) }
        let result = try ProcessRunner.shell("bash '\(Self.root)/scripts/write-build-info.sh' '\(header.path)'")
        XCTAssertEqual(result.status, 0, result.error)
        let git = try ProcessRunner.shell("cd '\(Self.root)' && git rev-parse HEAD && git log -1 --format=%cs")
        let lines = git.output.split(separator: "\n")
        let text = try String(contentsOf: header, encoding: .utf8)
        XCTAssertTrue(text.contains("#define PLAYGROUND_TUI_COMMIT \"\(lines[0].prefix(12))"), text)
        XCTAssertTrue(text.contains("#define PLAYGROUND_TUI_COMMIT_DATE \"\(lines[1])\""), text)
    }

    /// The executable links FoundationEssentials at most: the full Foundation would bring ICU's
    /// data, some 40 MB, into the self-contained binary. (Tests may use Foundation.)
    func testNoSourceImportsTheWholeFoundation() throws {
        let sources = ProcessRunner.root.appendingPathComponent("Sources")
        let paths = try FileManager.default.subpathsOfDirectory(atPath: sources.path).filter { $0.hasSuffix(".swift") }
        XCTAssertGreaterThan(paths.count, 50)
        var offenders: [String] = []
        for path in paths {
            let text = try String(contentsOfFile: sources.path + "/" + path, encoding: .utf8)
            let imports = text.split(separator: "\n").filter { $0.hasPrefix("import ") }
            if imports.contains(where: { ["import Foundation", "import FoundationInternationalization", "import FoundationNetworking",
                                          "import FoundationXML"].contains($0.trimmingCharacters(in: .whitespaces)) }) {
                offenders.append(path)
            }
        }
        XCTAssertEqual(offenders, [], "import FoundationEssentials instead (String(format:) is in CFormat.swift)")
    }
}
