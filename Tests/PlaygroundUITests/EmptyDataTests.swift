import XCTest
import PlaygroundCore
@testable import PlaygroundUI

/// No crash on empty data anywhere: every mode and every lesson, with zero training points, zero
/// test points, no point at all, and zero input features, through AppState, update and render
/// (no terminal). Before: lesson 4 with no training point read an input row that was not there
/// and the app died with SIGILL, losing the points drawn.
final class EmptyDataTests: XCTestCase {
    /// A playground whose data is exactly `train` and `test` (custom points), made as a session
    /// restores one.
    func playground(_ pairs: String, train: [Example], test: [Example]) throws -> Playground {
        let state = try PlaygroundState.parse(pairs + "&seed=0.5&data=custom") { "" }.state
        var session = Session(Playground(state: state, points: [Example(x: 1, y: 1, label: 1)]), losses: [])
        let triple = { (point: Example) in [point.x, point.y, point.label] }
        session.train = train.map(triple)
        session.test = test.map(triple)
        session.points = (train + test).map(triple)
        return try Playground(session: session)
    }

    func cases() throws -> [(String, Playground)] {
        let one = [Example(x: 1, y: -2, label: 1)]
        let some = (0..<6).map { Example(x: Double($0) - 3, y: 1, label: $0 % 2 == 0 ? 1 : -1) }
        return [
            ("no training point", try playground("", train: [], test: one)),
            ("no test point", try playground("", train: some, test: [])),
            ("no point", try playground("", train: [], test: [])),
            ("no input feature", Playground(state: try PlaygroundState.parse("x=false&y=false&seed=0.5") { "" }.state)),
            ("no input, no point", try playground("x=false&y=false", train: [], test: [])),
            ("no training point, regression", try playground("problem=regression", train: [], test: one)),
        ]
    }

    /// The keys that open and work every mode and lesson; each followed by a render.
    static let script: [Key] = {
        var keys: [Key] = []
        let lessonKeys: [Key] = [.character(" "), .right, .left, .up, .down, .character("["), .character("]"),
                                 .character("s"), .character("f"), .character("m"), .home, .end, .backspace,
                                 .enter, .escape, .character(" "), .right, .right]
        for lesson in 1...5 {
            keys += [.character("o"), .character(Character(String(lesson)))] + lessonKeys + [.escape, .escape]
        }
        keys += [.character("o"), .tab, .tab, .tab, .tab, .right, .right, .backTab, .escape, .escape]
        keys += [.character("i"), .up, .down, .left, .right, .character("w"), .character("W"), .enter, .escape, .escape]
        keys += [.character("h"), .character("s"), .character("h"), .character("c"), .right, .escape]
        keys += [.character("?"), .pageDown, .escape, .character("y"), .character("x"), .character("z")]
        keys += [.character("m"), .click(x: 10, y: 10), .character("s"), .character("m")]
        keys += [.character("s"), .character("r"), .character("["), .character("]"), .character("a"), .character("u"),
                 .character("f"), .character("t"), .character("T"), .character("b"), .character("B")]
        return keys
    }()

    func testEveryModeAndLessonOpensOnEmptyData() throws {
        for (name, playground) in try cases() {
            for (width, height) in [(80, 24), (200, 60)] {
                var app = AppState(playground: playground, losses: [], capabilities: Capabilities(), width: width, height: height)
                XCTAssertFalse(screen(app).lines.joined().isEmpty, name)
                var lessonsSeen = Set<Int>()
                for key in Self.script {
                    if let action = KeyMap.action(for: key, in: app) { _ = update(&app, action) }
                    _ = update(&app, .train(epochs: 2))
                    if let lesson = app.lessons?.lesson { lessonsSeen.insert(lesson.rawValue) }
                    _ = screen(app)
                }
                XCTAssertEqual(lessonsSeen, Set(1...5), "\(name): every lesson opened")
            }
        }
    }

    /// The reproduction: draw mode, clear every point, then lesson 4.
    func testLessonFourWithNoTrainingPointShowsTheNode() throws {
        var app = AppState(playground: try playground("", train: [], test: []), losses: [], capabilities: Capabilities(),
                           width: 120, height: 40)
        press("o", &app)
        press("4", &app)
        XCTAssertEqual(app.lessons?.lesson.rawValue, 4)
        let text = screen(app).lines.joined(separator: "\n")
        XCTAssertFalse(text.isEmpty)
    }
}
