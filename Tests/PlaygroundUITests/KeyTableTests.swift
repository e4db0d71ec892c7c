import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// The key table drives the key map, the help screen and the footer: every key of every binding
/// makes that binding's action in each of its contexts, and the action does something there;
/// the help screen shows every binding; the footer names only keys bound where it is shown.
final class KeyTableTests: XCTestCase {
    /// An app in `context`, set up so that every binding's action changes something: a message
    /// to clear, a middle speed, a focused knob in mid-range, a hidden node selected in a net with
    /// room to move, an entry holding a digit.
    static func app(in context: KeyContext) -> AppState {
        var app = makeApp("noise=10&networkShape=4,4&regularizationRate=0.01", width: 80, height: 24)
        _ = update(&app, .train(epochs: 1))
        app.speed = .ten
        app.focus = .noise
        app.status = "a message"
        switch context {
        case .normal: break
        case .inspecting: app.selection = .node(layer: 1, node: 1)
        case .entry:
            app.selection = .node(layer: 1, node: 1)
            _ = update(&app, .beginEdit)
            _ = update(&app, .line(.type("1")))
        case .overlay: app.overlay = .help
        case .link:
            app.overlay = .link
            app.linkScroll = 40  // mid-link, so that every scroll key moves the view
        case .tooSmall: _ = update(&app, .resize(width: 60, height: 20))
        case .lessons:
            app.openLessons(at: .sigmoid)
            app.lessons?.sigmoid.step(by: 3)
            app.status = "a message"
        case .lessonEntry:
            app.openLessons(at: .expression)
            _ = update(&app, .lesson(.editExpression))
            _ = update(&app, .line(.type("1")))
        case .drawing:
            // A point under the crosshair, so that removing has one to remove.
            _ = update(&app, .toggleDrawing)
            _ = update(&app, .addPointAtCrosshair)
            _ = update(&app, .moveCrosshair(dx: 1, dy: 1))
            app.status = "a message"
        case .pathEntry: _ = update(&app, .beginPathEntry(.saveData))
        case .question:
            _ = update(&app, .toggleDrawing)
            _ = update(&app, .askToClearPoints)
        case .compare:
            _ = update(&app, .compare(.open))
            app.status = "a message"
        }
        XCTAssertEqual(KeyContext(app), context)
        return app
    }

    /// `app(in:)` and, while inspecting, also the output node selected: Tab changes the layer
    /// only then, since inspecting a hidden node makes its layer the selected one.
    static func apps(in context: KeyContext) -> [AppState] {
        let app = app(in: context)
        if context == .lessons {
            // Every lesson: each key acts in each (or says where it works).
            return Lessons.Lesson.allCases.map { lesson in
                var other = app
                other.lessons?.lesson = lesson
                return other
            }
        }
        if context == .drawing {
            // Both classes: `+` changes the class only where it is `-`, and the other way round.
            var other = app
            other.drawing?.label = -1
            return [app, other]
        }
        guard context == .inspecting else { return [app] }
        var output = app
        output.selection = .node(layer: 3, node: 0)
        return [app, output]
    }

    /// The keys to try for a pattern: the key itself; for the mouse, every other cell of the
    /// screen (the binding decides which cells are its own; every knob and link is two cells or
    /// more wide); for `any key`, every key and a click.
    static func samples(of pattern: KeyPattern, in app: AppState) -> [Key] {
        let cells = (0..<app.height).flatMap { y in stride(from: y % 2, to: app.width, by: 2).map { x in (x, y) } }
        switch pattern {
        case .key(let key): return [key]
        case .click: return cells.map { Key.click(x: $0.0, y: $0.1) }
        case .wheel: return cells.flatMap { [Key.scroll(up: true, x: $0.0, y: $0.1), .scroll(up: false, x: $0.0, y: $0.1)] }
        case .anyKey:
            return (32...126).compactMap(Unicode.Scalar.init).map { Key.character(Character($0)) }
                + KeyPattern.names.map(\.key) + [.click(x: 3, y: 3), .scroll(up: true, x: 3, y: 3)]
        }
    }

    func testEveryBindingMakesItsActionInEachOfItsContextsAndTheActionDoesSomething() {
        for context in KeyContext.allCases {
            let apps = Self.apps(in: context)
            for binding in KeyMap.bindings where binding.contexts.contains(context) {
                for pattern in binding.keys {
                    var taken = 0, changing = 0
                    for app in apps {
                        var tried: [Action] = []  // many cells make one action: update once per action
                        for key in Self.samples(of: pattern, in: app) {
                            guard let expected = binding.action(for: key, in: app) else { continue }
                            if pattern == .anyKey, KeyMap.bindings.contains(where: { other in
                                other.contexts.contains(context) && other.keys.contains { $0 != .anyKey && $0.matches(key) }
                            }) { continue }
                            taken += 1
                            let what = "\(pattern.name()) (\(key)) of \"\(binding.help)\" in \(context)"
                            XCTAssertEqual(KeyMap.action(for: key, in: app), expected, "\(what): another binding takes the key first")
                            guard !tried.contains(expected) else { continue }
                            tried.append(expected)
                            var after = app
                            let effect = update(&after, expected)
                            if after != app || effect.contains(.quit) { changing += 1 }
                        }
                    }
                    let what = "\(pattern.name()) of \"\(binding.help)\" in \(context)"
                    if case .key = pattern {
                        XCTAssertEqual(taken, apps.count, "\(what) makes no action")
                    } else {
                        XCTAssertGreaterThan(taken, 0, "\(what) takes nothing")
                    }
                    XCTAssertGreaterThan(changing, 0, "\(what) changes nothing")
                }
            }
        }
    }

    func testAKeyOutsideItsContextsDoesNothingOrSomethingElse() {
        let normal = Self.app(in: .normal), entry = Self.app(in: .entry), overlay = Self.app(in: .overlay)
        XCTAssertEqual(KeyMap.action(for: .character("w"), in: normal), .note("w works while inspecting (i)"), "w steps links only while inspecting and says so")
        XCTAssertNil(KeyMap.action(for: .backspace, in: normal))
        XCTAssertEqual(KeyMap.action(for: .escape, in: normal), .dismiss)
        XCTAssertEqual(KeyMap.action(for: .enter, in: normal), .adjustFocused(by: 1))
        XCTAssertNil(KeyMap.action(for: .character("q"), in: entry), "q is no character of a number")
        XCTAssertNil(KeyMap.action(for: .tab, in: entry))
        XCTAssertEqual(KeyMap.action(for: .character("d"), in: overlay), .dismiss, "any key only closes the overlay")
        XCTAssertNil(KeyMap.action(for: .scroll(up: true, x: 3, y: 3), in: overlay), "the wheel leaves an overlay open")
        for context in KeyContext.allCases {
            XCTAssertEqual(KeyMap.action(for: .interrupt, in: Self.app(in: context)), .quit, "Ctrl-C in \(context)")
        }
    }

    /// The entry line's keys are exactly the characters it accepts.
    func testTheEntryBindingTakesEveryCharacterOfANumberAndNoOther() {
        let app = Self.app(in: .entry)
        for scalar in (32...126).compactMap(Unicode.Scalar.init) {
            let character = Character(scalar)
            let action = KeyMap.action(for: .character(character), in: app)
            // `?` opens the help over the entry line (it is no character of a number).
            let expected: Action? = Entry.accepts(character) ? .line(.type(character)) : character == "?" ? .toggleHelp : nil
            XCTAssertEqual(action, expected, "\(character)")
        }
    }

    /// Every binding is on some page of the help at 80×24 (two pages there, turned with PgDn
    /// and PgUp, the page number at the bottom); a taller screen shows them all on one page.
    func testTheHelpScreenShowsEveryBindingOnSomePageAt80x24() {
        for unicode in [true, false] {
            var app = makeApp(width: 80, height: 24, capabilities: Capabilities(unicode: unicode))
            app.overlay = .help
            // The help lists the keys of the mode on screen: the playground's, or the lesson's.
            let inLessons = Lessons.Lesson.allCases.map { lesson in
                var inLesson = app
                inLesson.openLessons(at: lesson)
                inLesson.overlay = .help
                return inLesson
            }
            var drawing = app
            drawing.drawing = Drawing()
            var comparing = app
            comparing.overlay = nil
            _ = update(&comparing, .compare(.open))
            comparing.overlay = .help
            func pages(_ app: AppState) -> [[String]] {
                (0..<Overlays.helpPageCount(app)).map { page in
                    var turned = app
                    turned.helpPage = page
                    return screen(turned).lines
                }
            }
            let playgroundPages = pages(app), drawingPages = pages(drawing)
            XCTAssertGreaterThanOrEqual(playgroundPages.count, 2, "the playground's keys take pages at 80×24")
            XCTAssertTrue(playgroundPages[1].contains { $0.contains("page 2/") }, playgroundPages[1].joined(separator: "\n"))
            for binding in KeyMap.bindings {
                let modes = ([(app, playgroundPages), (drawing, drawingPages), (comparing, pages(comparing))] + inLessons.map { ($0, pages($0)) })
                    .filter { KeyMap.isInHelp(binding, of: $0.0) }
                XCTAssertFalse(modes.isEmpty, "no help lists \"\(binding.help)\"")
                let shown = modes.contains { mode in
                    mode.1.contains { lines in
                        lines.contains { line in Self.line(line, has: binding.helpLabel(unicode: unicode), thenAfterSpaces: binding.help) }
                    }
                }
                XCTAssertTrue(shown, "no help page at 80×24 (unicode \(unicode)) has \"\(binding.helpLabel(unicode: unicode))  \(binding.help)\"")
            }
        }
        var tall = makeApp(width: 120, height: 60)
        tall.overlay = .help
        XCTAssertEqual(Overlays.helpPageCount(tall), 1)
        XCTAssertFalse(screen(tall).lines.contains { $0.contains("page 1/") })
    }

    /// PgDn and PgUp turn the help's pages, wrapping; `?` opens it on the first page.
    func testTheHelpPagesTurnAndWrap() {
        var app = makeApp(width: 80, height: 24)
        press("?", &app)
        XCTAssertEqual(app.helpPage, 0)
        XCTAssertTrue(screen(app).lines.contains { $0.contains("page 1/2") })
        press(.pageDown, &app)
        XCTAssertEqual(app.helpPage, 1)
        XCTAssertTrue(screen(app).lines.contains { $0.contains("page 2/2") })
        press(.pageDown, &app)
        XCTAssertEqual(app.helpPage, 0, "past the last page comes the first")
        press(.pageUp, &app)
        XCTAssertEqual(app.helpPage, 1)
        press("x", &app)
        XCTAssertNil(app.overlay, "any other key closes the help")
        press("?", &app)
        XCTAssertEqual(app.helpPage, 0)
    }

    /// `line` has `keys` at a word start, then at least one space, then `text`.
    static func line(_ line: String, has keys: String, thenAfterSpaces text: String) -> Bool {
        let scalars = Array(line.unicodeScalars), key = Array(keys.unicodeScalars), description = Array(text.unicodeScalars)
        for start in scalars.indices where start + key.count < scalars.count {
            guard start == 0 || scalars[start - 1] == " ", Array(scalars[start..<(start + key.count)]) == key,
                  scalars[start + key.count] == " " else { continue }
            var index = start + key.count
            while index < scalars.count, scalars[index] == " " { index += 1 }
            if index + description.count <= scalars.count, Array(scalars[index..<(index + description.count)]) == description {
                return true
            }
        }
        return false
    }

    func testTheFooterNamesOnlyKeysBoundInItsContext() {
        // Too small has no footer (it draws only the "too small" screen).
        for context in KeyContext.allCases where context != .tooSmall {
            for width in [80, 200] {
                for unicode in [true, false] {
                    var app = Self.app(in: context)
                    app.capabilities = Capabilities(unicode: unicode)
                    _ = update(&app, .resize(width: width, height: 40))
                    let grid = screen(app)
                    let hints = Self.footerHints(grid, row: grid.height - 1)
                    XCTAssertGreaterThanOrEqual(hints.count, 4, "footer in \(context) at \(width): \(grid.lines.last!)")
                    // An open overlay shows the footer of what is under it.
                    var under = app
                    under.overlay = nil
                    for hint in hints {
                        let keys = Self.keys(inFooterText: hint.keys)
                        XCTAssertFalse(keys.isEmpty, "footer key text \"\(hint.keys)\" names no key")
                        for key in keys {
                            XCTAssertNotNil(KeyMap.action(for: key, in: under), "footer in \(context) shows \(hint.keys) \(hint.label), "
                                            + "but \(key) does nothing there")
                        }
                        let owner = KeyMap.bindings.first { binding in
                            binding.footer?.label(isPlaying: under.isPlaying) == hint.label && binding.contexts.contains(KeyContext(under))
                                && keys.allSatisfy { key in binding.keys.contains { $0.matches(key) } }
                        }
                        XCTAssertNotNil(owner, "footer in \(context): \"\(hint.keys) \(hint.label)\" is no binding's hint")
                    }
                }
            }
        }
    }

    func testTheFooterKeepsItsLook() {
        let app = makeApp(width: 120, height: 40)
        XCTAssertEqual(screen(app).lines.last!, " Space play  s step  r reset  d data  1-7 features  i inspect  a activation  l/L rate  "
                       + "c link  m draw    ? help  q quit ")
        var inspecting = makeApp(width: 200, height: 40)
        inspecting.selection = .node(layer: 1, node: 0)
        XCTAssertTrue(screen(inspecting).lines.last!.hasPrefix(" ↑↓←→ move  w/W edges  Enter edit  Esc back  Space play  s step  r reset "))
        var ascii = makeApp(width: 200, height: 40, capabilities: Capabilities(unicode: false))
        ascii.selection = .node(layer: 1, node: 0)
        _ = update(&ascii, .beginEdit)
        XCTAssertTrue(screen(ascii).lines.last!.hasPrefix(" Enter set  Esc cancel  0-9 - . e number  Bksp delete   "))
        XCTAssertTrue(screen(ascii).lines.last!.hasSuffix(" ? help  Ctrl-C quit "))
    }

    /// The footer's hints: each key text drawn in reverse video, and the label after it.
    static func footerHints(_ grid: CellGrid, row: Int) -> [(keys: String, label: String)] {
        var hints: [(keys: String, label: String)] = []
        var x = 0
        while x < grid.width {
            guard grid[x, row].style.reverse else { x += 1; continue }
            var keys = String.UnicodeScalarView(), label = String.UnicodeScalarView()
            while x < grid.width, grid[x, row].style.reverse { keys.append(grid[x, row].scalar); x += 1 }
            while x < grid.width, !grid[x, row].style.reverse, !(grid[x, row].scalar == " " && label.last == " ") {
                label.append(grid[x, row].scalar)
                x += 1
            }
            hints.append((String(keys).trimmingSpaces(), String(label).trimmingSpaces()))
        }
        return hints
    }

    /// The keys a footer key text names: a key's name, "arrows", or parts split at "/" or spaces,
    /// each a name, a range "0-9", or a run of arrows "↑↓←→".
    static func keys(inFooterText text: String) -> [Key] {
        let arrows: [Key] = [.up, .down, .left, .right]
        if text == "arrows" { return arrows }
        if case .key(let key)? = KeyPattern(name: text) { return [key] }
        let parts = text.split(whereSeparator: { $0 == "/" || $0 == " " }).map(String.init)
        return parts.flatMap { part -> [Key] in
            if case .key(let key)? = KeyPattern(name: part) { return [key] }
            let scalars = Array(part.unicodeScalars)
            if scalars.count == 3, scalars[1] == "-", scalars[0].value < scalars[2].value {
                return (scalars[0].value...scalars[2].value).compactMap(Unicode.Scalar.init).map { .character(Character($0)) }
            }
            let named = scalars.compactMap { scalar -> Key? in
                if case .key(let key)? = KeyPattern(name: String(scalar)), arrows.contains(key) { return key }
                return nil
            }
            return named.count == scalars.count ? named : []
        }
    }
}
