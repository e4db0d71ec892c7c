import XCTest
@testable import PlaygroundCore

/// The table of state keys covers the whole state, in TF's order, and every entry reads what it
/// writes, refuses what it does not accept, and says what its change does as TF's handlers do.
final class StateKeyTableTests: XCTestCase {
    /// TF's `State.PROPS` in `src/state.ts`, in its order (the order it writes them).
    let tfProps = ["activation", "regularization", "batchSize", "dataset", "regDataset", "learningRate",
                   "regularizationRate", "noise", "networkShape", "seed", "showTestData", "discretize",
                   "percTrainData", "x", "y", "xTimesY", "xSquared", "ySquared", "cosX", "sinX", "cosY", "sinY",
                   "collectStats", "tutorial", "problem", "initZero", "hideText"]
    /// The keys beyond TF, after TF's (TF ignores keys it does not know, so its links still open).
    let beyondTF = ["optimizer", "momentum", "loss", "init"]

    /// A value other than the default for every key: what the round trip writes and reads.
    let nonDefault: [String: String] = [
        "activation": "relu", "regularization": "L1", "batchSize": "7", "dataset": "spiral",
        "regDataset": "reg-gauss", "learningRate": "0.3", "regularizationRate": "0.003", "noise": "35",
        "networkShape": "8,1,3", "seed": "any_text_ü", "showTestData": "true", "discretize": "true",
        "percTrainData": "70", "x": "false", "y": "false", "xTimesY": "true", "xSquared": "true",
        "ySquared": "true", "cosX": "true", "sinX": "true", "cosY": "true", "sinY": "true",
        "collectStats": "true", "tutorial": "dp-reducing", "problem": "regression", "initZero": "true",
        "hideText": "true", "optimizer": "adam", "momentum": "0.5", "loss": "crossentropy", "init": "xavier",
    ]

    /// A value every key that checks its value refuses.
    let refused: [String: String] = [
        "activation": "swish", "regularization": "L3", "batchSize": "31", "dataset": "reg-plane",
        "regDataset": "spiral", "learningRate": "-0.1", "regularizationRate": "NaN", "noise": "7.5",
        "networkShape": "4,0", "showTestData": "yes", "discretize": "1", "percTrainData": "5",
        "x": "on", "y": "TRUE", "xTimesY": "t", "xSquared": "0", "ySquared": "no", "cosX": "maybe",
        "sinX": "truee", "cosY": "False", "sinY": "-", "collectStats": "yes", "problem": "ranking",
        "initZero": "zero", "hideText": "hidden", "optimizer": "adagrad", "momentum": "1", "loss": "hinge",
        "init": "glorot",
        // The free-text keys refuse what must not reach a terminal (ESC, BEL, C1, bidi controls).
        "seed": "1\u{1B}]2;X\u{07}", "tutorial": "a\u{9B}b\u{202E}",
        "data": "drawn",  // this program's own key (StateKey.own)
    ]

    /// What changing each key does in TF's `playground.ts`: the learning rate's and the two
    /// switches' handlers only serialize; the model controls' handlers call `reset()`; the data
    /// controls' (and a new seed) call `generateData()` too. Keys TF gives no control (cosX,
    /// cosY, collectStats, tutorial, hideText) change nothing the network sees.
    let tfChange: [String: Playground.Change] = [
        "learningRate": .live, "showTestData": .live, "discretize": .live, "cosX": .live, "cosY": .live,
        "collectStats": .live, "tutorial": .live, "hideText": .live,
        "activation": .newNetwork, "regularization": .newNetwork, "regularizationRate": .newNetwork,
        "batchSize": .newNetwork, "networkShape": .newNetwork, "initZero": .newNetwork,
        "x": .newNetwork, "y": .newNetwork, "xTimesY": .newNetwork, "xSquared": .newNetwork,
        "ySquared": .newNetwork, "sinX": .newNetwork, "sinY": .newNetwork,
        "dataset": .newData, "regDataset": .newData, "noise": .newData, "percTrainData": .newData,
        "seed": .newData, "problem": .newData,
        // Beyond TF: a new rule, loss or first draw rebuilds; β applies from the next update.
        "optimizer": .newNetwork, "loss": .newNetwork, "init": .newNetwork, "momentum": .live,
    ]

    func testTheTableIsTFsPropsInTFsOrder() {
        XCTAssertEqual(StateKey.table.map(\.name), tfProps + beyondTF)
        XCTAssertEqual(StateKey.classroom.map(\.name), Hideable.allCases.map(\.key))
        XCTAssertEqual(Set(StateKey.every.map(\.name)).count, StateKey.every.count, "no key twice")
    }

    /// A stored property with no key would be neither written nor compared: a change to it would
    /// pass for live and vanish from every link.
    func testEveryStoredPropertyOfTheStateHasItsKeys() {
        let names = Set(StateKey.every.map(\.name))
        for child in Mirror(reflecting: PlaygroundState(seed: "")).children {
            let label = child.label ?? "?"
            switch label {
            case "features":
                XCTAssertTrue(Feature.allCases.allSatisfy { names.contains($0.rawValue) }, label)
            case "initialization":
                XCTAssertTrue(names.contains("init"), label)
            case "hideSettings":
                XCTAssertTrue(Hideable.allCases.allSatisfy { names.contains($0.key) }, label)
            default:
                XCTAssertTrue(names.contains(label), "\(label) has no entry in StateKey.table")
            }
        }
    }

    func testEveryKeyWritesWhatItReads() throws {
        XCTAssertEqual(Set(nonDefault.keys), Set(StateKey.table.map(\.name)), "a value for every regular key")
        let base = PlaygroundState(seed: "0.5")
        var cases = nonDefault.map { ($0.key, $0.value) }
        cases += Hideable.allCases.flatMap { [($0.key, "true"), ($0.key, "false")] }
        for (name, value) in cases {
            let key = try XCTUnwrap(StateKey.named(name))
            let text = name == "seed" ? "seed=" + value : "\(name)=\(value)&seed=0.5"
            let read = try PlaygroundState.parse(text) { XCTFail("seed given"); return "" }
            XCTAssertEqual(read.warnings, [], name)
            XCTAssertNotEqual(read.state, base, "\(name)=\(value) changes the state")
            XCTAssertEqual(key.write(read.state), value, name)
            XCTAssertNotEqual(key.defaultValue, value, "\(name): the value is not the default")
            let written = read.state.serialized
            XCTAssertTrue(("&" + written + "&").contains("&\(name)=\(value)&"), written)
            let back = try PlaygroundState.parse(written) { XCTFail("seed given"); return "" }
            XCTAssertEqual(back.state, read.state, written)
        }
    }

    func testABadValueForEachKeyIsRefusedNamingTheKeyFirst() {
        let checked = StateKey.every.filter { $0.accepts != nil }.map(\.name)
        XCTAssertEqual(Set(StateKey.every.filter { $0.accepts == nil }.map(\.name)), [],
                       "even the two text keys check: no control characters")
        var cases = refused
        for item in Hideable.allCases { cases[item.key] = "yes" }
        XCTAssertEqual(Set(cases.keys), Set(checked), "a refused value for every key that checks")
        for (name, value) in cases {
            let accepts = StateKey.named(name)?.accepts ?? "?"
            XCTAssertThrowsError(try PlaygroundState.parse("seed=1&\(name)=\(value)") { "" }, name) { error in
                let error = error as? StateError
                XCTAssertEqual(error?.key, name)
                XCTAssertEqual(error?.message, "state: \(name): bad value \(UserText.quoted(value)); expected \(accepts)")
            }
        }
    }

    func testEachKeysChangeIsWhatTFsHandlerDoes() {
        XCTAssertEqual(Set(tfChange.keys), Set(StateKey.table.map(\.name)), "every regular key")
        let base = PlaygroundState(seed: "0.5")
        for (name, value) in nonDefault {
            var new = base
            let key = StateKey.named(name)!
            XCTAssertTrue(key.read(&new, value), name)
            XCTAssertEqual(Playground.Change(from: base, to: new), tfChange[name], name)
            XCTAssertEqual(key.change, tfChange[name], name)
        }
        XCTAssertEqual(Playground.Change(from: base, to: base), .live, "no change")
    }

    func testTheLargestChangeWins() throws {
        let base = PlaygroundState(seed: "0.5")
        var new = base
        new.learningRate = 0.3
        XCTAssertEqual(Playground.Change(from: base, to: new), .live)
        new.activation = .relu
        XCTAssertEqual(Playground.Change(from: base, to: new), .newNetwork)
        new.noise = 10
        XCTAssertEqual(Playground.Change(from: base, to: new), .newData)
    }

    /// TF writes no null value: `regularization` none and an unset `tutorial` are left out.
    func testTheKeysTFLeavesOutByDefault() {
        let leftOut = StateKey.table.filter { $0.defaultValue == nil }.map(\.name)
        XCTAssertEqual(leftOut, ["regularization", "tutorial"] + beyondTF, "and every key beyond TF at its default")
        XCTAssertTrue(StateKey.classroom.allSatisfy { $0.defaultValue == nil }, "a _hide key only when given")
    }
}
