import XCTest
@testable import PlaygroundCore

/// State strings as TF Playground reads them (`src/state.ts` `deserializeState`, and
/// `src/playground.ts` for classroom links and the regularization-rate handler).
final class TFTwinStateTests: XCTestCase {
    func parse(_ text: String) throws -> PlaygroundState.Parsed {
        try PlaygroundState.parse(text) { "0.54321" }
    }

    // MARK: Splitting, as TF's `keyvalue.split("=")` and its map

    /// TF: `let [name, value] = keyvalue.split("=")` keeps the first two parts.
    func testSeedAEqualsBIsSeedAAsTFKeepsTheFirstTwoParts() throws {
        let parsed = try parse("seed=a=b&dataset=xor=spiral&noise=10=")
        XCTAssertEqual(parsed.warnings, [])
        XCTAssertEqual(parsed.state.seed, "a")
        XCTAssertEqual(parsed.state.dataset, .xor)
        XCTAssertEqual(parsed.state.noise, 10)
        XCTAssertTrue(parsed.state.serialized.contains("&seed=a&"))
    }

    /// TF fills a map, `map[name] = value`: the last value of a key wins, earlier ones are never read.
    func testAKeyGivenTwiceTakesItsLastValueAsTFsMapDoes() throws {
        let parsed = try parse("noise=55&seed=1&noise=10&seed=2")
        XCTAssertEqual(parsed.state.noise, 10, "55 is out of range but never read")
        XCTAssertEqual(parsed.state.seed, "2")
    }

    /// TF's `hasKey`: an empty or blank value is not given (default kept, a fresh seed drawn);
    /// `networkShape` is read with `name in map`, so empty means no hidden layer.
    func testAnEmptyValueKeepsTheDefaultAsTFsHasKey() throws {
        let parsed = try parse("noise=&activation= &seed=&tutorial=&learningRate= &networkShape=")
            .state
        XCTAssertEqual(parsed.noise, 0)
        XCTAssertEqual(parsed.learningRate, 0.03)
        XCTAssertEqual(parsed.seed, "0.54321", "a fresh seed")
        XCTAssertNil(parsed.tutorial)
        XCTAssertEqual(parsed.networkShape, [])
        XCTAssertThrowsError(try parse("activation=%20"), "not blank (TF does not decode it): refused")
    }

    // MARK: What a change does

    /// TF's `#regularRate` handler: `state.regularizationRate = +this.value; ... reset();`.
    func testARegularizationRateChangeRebuildsTheNetworkAsTFsHandlerCallsReset() throws {
        var playground = Playground(state: try state("regularization=L2&regularizationRate=0.01&seed=0.3"))
        playground.step(epochs: 3)
        let before = playground
        var new = playground.state
        new.regularizationRate = 0.1
        XCTAssertEqual(playground.apply(new), .newNetwork)
        XCTAssertEqual(playground.epoch, 0)
        XCTAssertTrue(playground.data == before.data, "same data")
        var rebuilt = before
        rebuilt.resetNetwork()
        XCTAssertEqual(playground.network, rebuilt.network, "a new network from the continuing stream")
        XCTAssertNotEqual(playground.network, before.network)
    }

    // MARK: Classroom links (`_hide`, TF's HIDE_STATE_SUFFIX)

    /// TF's `HIDABLE_CONTROLS`, in its order.
    func testTheHidableControlsAreTFs() {
        XCTAssertEqual(Control.allCases.map(\.rawValue),
                       ["showTestData", "discretize", "playButton", "stepButton", "resetButton", "learningRate",
                        "activation", "regularization", "regularizationRate", "problem", "dataset",
                        "percTrainData", "noise", "batchSize", "numHiddenLayers"])
    }

    /// TF deletes a hidden input from `INPUTS` before building anything, so the network is the
    /// one built without that input, even when the feature is on.
    func testAHiddenInputLeavesTheNetworkAsTFDeletesItFromItsInputs() throws {
        let hidden = Playground(state: try state("x_hide=true&seed=0.3"))
        let without = Playground(state: try state("x=false&seed=0.3"))
        XCTAssertTrue(hidden.state.features.contains(.x), "the feature stays on")
        XCTAssertEqual(hidden.state.hiddenInputs, [.x])
        XCTAssertEqual(hidden.state.inputFeatures, [.y])
        XCTAssertEqual(hidden.network.sizes, [1, 4, 2, 1])
        XCTAssertEqual(hidden.network, without.network)
        XCTAssertTrue(hidden.data == without.data)
        XCTAssertEqual(hidden.trainInputs, without.trainInputs)
        for feature in Feature.allCases {
            let s = try state("\(feature.rawValue)=true&\(feature.rawValue)_hide=true&seed=1")
            XCTAssertFalse(s.inputFeatures.contains(feature), feature.rawValue)
            XCTAssertFalse(s.shownFeatures.contains(feature), feature.rawValue)
            XCTAssertEqual(s.shownFeatures.count, 6)
        }
    }

    func testAHiddenControlIsRecordedAndChangesNothingElse() throws {
        for control in Control.allCases {
            let s = try state("\(control.rawValue)_hide=true&seed=1")
            XCTAssertEqual(s.hiddenControls, [control])
            XCTAssertEqual(s.hiddenInputs, [])
            var plain = s
            plain.hideSettings = []
            XCTAssertEqual(plain, PlaygroundState(seed: "1"))
        }
        XCTAssertEqual(try state("learningRate_hide=false&seed=1").hiddenControls, [], "false shows it")
    }

    /// TF's `serialize` writes the `_hide` properties after the regular ones, in the order they
    /// were set on the state (the link's order), each as `true` or `false`.
    func testHideKeysAreWrittenAfterTheRegularOnesInTheLinksOrderFalseOnesToo() throws {
        var s = try state("learningRate_hide=true&x_hide=false&seed=1&activation_hide=true&x_hide=true")
        XCTAssertTrue(s.serialized.hasSuffix("&hideText=false&learningRate_hide=true&x_hide=true&activation_hide=true"),
                      s.serialized)
        // TF's setHideProperty: a key given keeps its place, a new one goes last.
        s.setHidden(.control(.learningRate), false)
        s.setHidden(.control(.playButton), true)
        XCTAssertTrue(s.serialized.hasSuffix("&hideText=false&learningRate_hide=false&x_hide=true"
                                             + "&activation_hide=true&playButton_hide=true"), s.serialized)
        XCTAssertEqual(try state(s.serialized), s)
    }

    /// Only a link changes a `_hide` key (TF reloads the page for it): hiding an input changes
    /// the network's inputs, so it rebuilds the network; hiding a control only changes the page.
    func testChangingAHideKeyRebuildsForAnInputAndIsLiveForAControl() throws {
        let base = try state("seed=1")
        var hideInput = base, hideControl = base
        hideInput.setHidden(.input(.y), true)
        hideControl.setHidden(.control(.noise), true)
        XCTAssertEqual(Playground.Change(from: base, to: hideInput), .newNetwork)
        XCTAssertEqual(Playground.Change(from: base, to: hideControl), .live)
        var playground = Playground(state: base)
        playground.apply(hideInput)
        XCTAssertEqual(playground.network.sizes[0], 1)
    }

    func testAHideKeyForNothingTFCanHideIsAnUnknownKey() throws {
        let parsed = try parse("cosX_hide=true&seed=1&speed_hide=true")
        XCTAssertEqual(parsed.warnings, ["state: unknown key \"cosX_hide\" ignored", "state: unknown key \"speed_hide\" ignored"])
        XCTAssertEqual(parsed.state.hideSettings, [])
    }
}
