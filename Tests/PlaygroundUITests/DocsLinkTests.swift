// Every link between the README and the pages of docs/ leads somewhere: the file and its heading.
import Foundation
import XCTest

/// The README and `docs/*.md` link to each other (`[keys](docs/keys.md)`, `[x](engine.md#what-it-computes)`):
/// each relative link names a file of the repository, and a `#anchor` into a Markdown page names one
/// of its headings as GitHub spells them. Links to other sites are left alone.
final class DocsLinkTests: XCTestCase {
    static let root = ReadmeKeyTableTests.packageRoot

    func testEveryRelativeLinkReachesAFileAndAHeading() throws {
        let docs = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/docs").filter { $0.hasSuffix(".md") }
        var checked = 0
        for page in ["README.md"] + docs.map({ "docs/" + $0 }) {
            let text = try String(contentsOfFile: Self.root + "/" + page, encoding: .utf8)
            let folder = page.contains("/") ? String(page[..<page.lastIndex(of: "/")!]) : ""
            for target in Self.links(in: text) where !target.contains("://") && !target.hasPrefix("mailto:") {
                checked += 1
                let parts = target.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
                let file = parts[0].isEmpty ? page : Self.normalised(folder.isEmpty ? parts[0] : folder + "/" + parts[0])
                guard FileManager.default.fileExists(atPath: Self.root + "/" + file) else {
                    XCTFail("\(page) links to \(target): there is no \(file)")
                    continue
                }
                guard parts.count == 2, file.hasSuffix(".md") else { continue }
                let anchors = Self.anchors(in: try String(contentsOfFile: Self.root + "/" + file, encoding: .utf8))
                XCTAssertTrue(anchors.contains(parts[1]), "\(page) links to \(target): \(file) has no heading #\(parts[1])")
            }
        }
        XCTAssertGreaterThan(checked, 20)
    }

    /// The targets of `](target)` outside code blocks and code spans.
    static func links(in text: String) -> [String] {
        var targets: [String] = []
        for line in prose(of: text) {
            let unquoted = line.split(separator: "`", omittingEmptySubsequences: false).enumerated()
                .filter { $0.offset % 2 == 0 }.map { String($0.element) }.joined(separator: " ")
            for piece in unquoted.components(separatedBy: "](").dropFirst() {
                if let end = piece.firstIndex(of: ")") { targets.append(String(piece[..<end])) }
            }
        }
        return targets
    }

    /// A page's heading anchors as GitHub makes them: lower case, every character that is not a
    /// letter, a digit, a space, `-` or `_` dropped, spaces made `-`; a repeated one gets `-1`, `-2`, ...
    static func anchors(in text: String) -> Set<String> {
        var seen: [String: Int] = [:]
        var anchors = Set<String>()
        for line in prose(of: text) where line.hasPrefix("#") {
            let title = line.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
            let slug = String(title.lowercased().filter { $0.isLetter || $0.isNumber || $0 == " " || $0 == "-" || $0 == "_" })
                .replacing(" ", with: "-")
            let count = seen[slug, default: 0]
            anchors.insert(count == 0 ? slug : "\(slug)-\(count)")
            seen[slug] = count + 1
        }
        return anchors
    }

    /// The lines outside fenced code blocks.
    static func prose(of text: String) -> [String] {
        var inFence = false
        return text.split(separator: "\n", omittingEmptySubsequences: false).compactMap { line in
            if line.hasPrefix("```") { inFence.toggle(); return nil }
            return inFence ? nil : String(line)
        }
    }

    /// `docs/../README.md` as `README.md`.
    static func normalised(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == ".." { if !parts.isEmpty { parts.removeLast() } } else if part != "." { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    /// The pieces, on hand-written text: links in code are not links, slugs as GitHub writes them.
    func testTheParsers() {
        let text = "# A `b`: c's d\n\n[x](y.md#a-b-cs-d) `[no](link)`\n```\n[no](link)\n# not a heading\n```\n## A `b`: c's d\n"
        XCTAssertEqual(Self.links(in: text), ["y.md#a-b-cs-d"])
        XCTAssertEqual(Self.anchors(in: text), ["a-b-cs-d", "a-b-cs-d-1"])
        XCTAssertEqual(Self.normalised("docs/../README.md"), "README.md")
        XCTAssertEqual(Self.normalised("docs/./keys.md"), "docs/keys.md")
    }
}
