import XCTest
@testable import PlaygroundCore

final class StateTests: XCTestCase {
    /// TF's own link for its defaults (seed 0.12345), as its page writes it.
    let tfDefaultLink = "https://playground.tensorflow.org/#activation=tanh&batchSize=10&dataset=circle"
        + "&regDataset=reg-plane&learningRate=0.03&regularizationRate=0&noise=0&networkShape=4,2"
        + "&seed=0.12345&showTestData=false&discretize=false&percTrainData=50&x=true&y=true"
        + "&xTimesY=false&xSquared=false&ySquared=false&cosX=false&sinX=false&cosY=false&sinY=false"
        + "&collectStats=false&problem=classification&initZero=false&hideText=false"

    func testTFDefaultLinkGivesTheDefaultsAndWritesBackUnchanged() throws {
        let parsed = try PlaygroundState.parse(tfDefaultLink) { XCTFail("seed is given"); return "" }
        XCTAssertEqual(parsed.warnings, [])
        XCTAssertEqual(parsed.state, PlaygroundState(seed: "0.12345"))
        XCTAssertEqual(parsed.state.link, tfDefaultLink)
    }

    func testLinkHashAndBarePairsAreTheSame() throws {
        let pairs = "dataset=xor&noise=25&networkShape=6,3&seed=0.777"
        let a = try state(pairs), b = try state("#" + pairs), c = try state("https://example.org/x#" + pairs)
        XCTAssertEqual(a, b)
        XCTAssertEqual(a, c)
        XCTAssertEqual(a.dataset, .xor)
        XCTAssertEqual(a.noise, 25)
        XCTAssertEqual(a.networkShape, [6, 3])
        XCTAssertEqual(a.seed, "0.777")
    }

    func testEmptyNetworkShapeMeansNoHiddenLayer() throws {
        XCTAssertEqual(try state("networkShape=").networkShape, [])
        XCTAssertTrue(try state("networkShape=").serialized.contains("&networkShape=&"))
    }

    func testRegularizationIsLeftOutWhenNoneAndWrittenAfterActivationOtherwise() throws {
        XCTAssertFalse(try state("seed=1").serialized.contains("regularization="))
        XCTAssertTrue(try state("regularization=L2&seed=1").serialized.hasPrefix("activation=tanh&regularization=L2&batchSize=10&"))
    }

    func testTutorialIsKeptJustBeforeProblem() throws {
        XCTAssertTrue(try state("tutorial=dp-reducing&seed=1").serialized.contains("&collectStats=false&tutorial=dp-reducing&problem="))
    }

    func testNumbersAreWrittenAsJavaScriptWritesThem() throws {
        let s = try state("learningRate=0.00001&regularizationRate=10&seed=1")
        XCTAssertTrue(s.serialized.contains("learningRate=0.00001&regularizationRate=10&"))
    }

    func testRoundTripsOverManyStates() throws {
        var random = SeededRandom(seed: "round-trips")
        for index in 0..<300 {
            var s = PlaygroundState(seed: index % 3 == 0 ? "0.\(index)" : "seed_\(index)_ü")
            s.activation = Activation.allCases[index % Activation.allCases.count]
            s.regularization = Regularization.allCases[index % 3]
            s.batchSize = 1 + index % 30
            s.dataset = Dataset.classification[index % 4]
            s.regDataset = Dataset.regression[index % 2]
            s.learningRate = PlaygroundState.learningRates[index % 11]
            s.regularizationRate = PlaygroundState.regularizationRates[index % 10]
            s.noise = 5 * (index % 11)
            s.networkShape = (0..<(index % 7)).map { _ in 1 + Int(random.nextDouble() * 8) }
            s.percTrainData = 10 * (1 + index % 9)
            s.features = Set(Feature.allCases.filter { _ in random.nextDouble() < 0.5 })
            s.cosX = index % 5 == 0
            s.showTestData = index % 2 == 0
            s.discretize = index % 3 == 1
            s.problem = index % 4 == 0 ? .regression : .classification
            s.initZero = index % 7 == 0
            s.tutorial = index % 11 == 0 ? "t\(index)" : nil
            for item in Hideable.allCases.shuffled(using: &random) where random.nextDouble() < 0.1 {
                s.setHidden(item, random.nextDouble() < 0.5)
            }
            let text = s.serialized
            let back = try PlaygroundState.parse(text) { XCTFail("seed given"); return "" }
            XCTAssertEqual(back.state, s, text)
            XCTAssertEqual(back.state.serialized, text)
        }
    }

    func testMissingSeedTakesAFreshOneThatBecomesPartOfTheState() throws {
        let parsed = try PlaygroundState.parse("dataset=spiral") { "0.54321" }
        XCTAssertEqual(parsed.state.seed, "0.54321")
        XCTAssertTrue(parsed.state.serialized.contains("&seed=0.54321&"))
        var generator = SeededRandom(seed: "fresh")
        for _ in 0..<50 {
            let seed = PlaygroundState.freshSeed(using: &generator)
            XCTAssertEqual(seed.count, 7)
            XCTAssertTrue(seed.hasPrefix("0."))
            XCTAssertTrue(seed.dropFirst(2).allSatisfy(\.isNumber))
        }
    }

    func testUnknownKeysAreWarningsAndIgnored() throws {
        let parsed = try PlaygroundState.parse("newKnob=3&seed=1&dataset=gauss") { "" }
        XCTAssertEqual(parsed.warnings, ["state: unknown key \"newKnob\" ignored"])
        XCTAssertEqual(parsed.state.dataset, .gauss)
    }

    func testEachBadValueNamesTheKeyAndWhatIsAllowed() {
        let cases: [(String, String)] = [
            ("activation=swish", "state: activation: bad value \"swish\"; expected one of relu, tanh, sigmoid, linear, leakyrelu, prelu, elu, softplus"),
            ("regularization=L3", "state: regularization: bad value \"L3\"; expected one of none, L1, L2"),
            ("batchSize=0", "state: batchSize: bad value \"0\"; expected a whole number from 1 to 30"),
            ("batchSize=2.5", "state: batchSize: bad value \"2.5\"; expected a whole number from 1 to 30"),
            ("dataset=reg-plane", "state: dataset: bad value \"reg-plane\"; expected one of circle, xor, gauss, spiral"),
            ("regDataset=circle", "state: regDataset: bad value \"circle\"; expected one of reg-plane, reg-gauss"),
            ("learningRate=0", "state: learningRate: bad value \"0\"; expected a number greater than 0 (e.g. 0.03)"),
            ("learningRate=fast", "state: learningRate: bad value \"fast\"; expected a number greater than 0 (e.g. 0.03)"),
            ("learningRate=0x10", "state: learningRate: bad value \"0x10\"; expected a number greater than 0 (e.g. 0.03)"),
            ("learningRate=inf", "state: learningRate: bad value \"inf\"; expected a number greater than 0 (e.g. 0.03)"),
            ("regularizationRate=-1", "state: regularizationRate: bad value \"-1\"; expected a number of at least 0 (e.g. 0.001)"),
            ("noise=55", "state: noise: bad value \"55\"; expected a whole number from 0 to 50"),
            ("noise=1e", "state: noise: bad value \"1e\"; expected a whole number from 0 to 50"),
            ("percTrainData=95", "state: percTrainData: bad value \"95\"; expected a whole number from 10 to 90"),
            ("networkShape=4,9", "state: networkShape: bad value \"4,9\"; expected comma-separated neuron counts, 6 layers at most of 1 to 8 neurons each (e.g. 4,2; empty for none)"),
            ("networkShape=1,1,1,1,1,1,1", "state: networkShape: bad value \"1,1,1,1,1,1,1\"; expected comma-separated neuron counts, 6 layers at most of 1 to 8 neurons each (e.g. 4,2; empty for none)"),
            ("networkShape=4,,2", "state: networkShape: bad value \"4,,2\"; expected comma-separated neuron counts, 6 layers at most of 1 to 8 neurons each (e.g. 4,2; empty for none)"),
            ("x=yes", "state: x: bad value \"yes\"; expected true or false"),
            ("discretize=1", "state: discretize: bad value \"1\"; expected true or false"),
            ("problem=ranking", "state: problem: bad value \"ranking\"; expected one of classification, regression"),
            ("noise", "state: \"noise\" is not a key=value pair (pairs are joined by &, e.g. noise=10&dataset=xor)"),
        ]
        for (text, message) in cases {
            XCTAssertThrowsError(try PlaygroundState.parse(text + "&seed=1") { "" }, text) { error in
                XCTAssertEqual((error as? StateError)?.message, message)
            }
        }
    }

    func testNumbersInTFsFormsAreAccepted() throws {
        XCTAssertEqual(try state("noise=10.0").noise, 10)
        XCTAssertEqual(try state("learningRate=1e-5").learningRate, 0.00001)
        XCTAssertEqual(try state("learningRate=.3").learningRate, 0.3)
    }

    func testJavaScriptNumberFormat() {
        let cases: [(Double, String)] = [
            (0, "0"), (-0.0, "0"), (1, "1"), (10, "10"), (0.03, "0.03"), (0.00001, "0.00001"),
            (1e-7, "1e-7"), (1.5e-7, "1.5e-7"), (123456789012345680000, "123456789012345680000"),
            (1e21, "1e+21"), (2.5e22, "2.5e+22"), (-0.5, "-0.5"), (0.1 + 0.2, "0.30000000000000004"),
            (0.5015807429602891, "0.5015807429602891"), (.nan, "NaN"), (.infinity, "Infinity"),
            (-.infinity, "-Infinity"), (1234.5, "1234.5"), (0.000001, "0.000001"),
        ]
        for (value, text) in cases { XCTAssertEqual(NumberFormat.javaScript(value), text, "\(value)") }
    }
}

/// The free-text keys and `#` inside a value.
final class StateTextTests: XCTestCase {
    func parse(_ text: String) throws -> PlaygroundState { try PlaygroundState.parse(text) { "0.5" }.state }

    func testAHashInsideAValueIsPartOfItAsInTFsHash() throws {
        XCTAssertEqual(try parse("dataset=xor&seed=a#b").seed, "a#b")
        XCTAssertEqual(try parse("dataset=xor&seed=a#b").dataset, .xor)
        // TF's hash is everything after the address's first `#`.
        XCTAssertEqual(try parse("https://playground.tensorflow.org/#dataset=xor&seed=a#b").seed, "a#b")
        XCTAssertEqual(try parse("#seed=a#b#c&noise=5").seed, "a#b#c")
        XCTAssertEqual(try parse("#seed=a#b#c&noise=5").noise, 5)
        // And what is written reads back.
        let state = try parse("seed=a#b&tutorial=x#y")
        XCTAssertEqual(try parse(state.serialized), state)
        XCTAssertEqual(try parse(state.link), state)
    }

    func testAControlCharacterInTheFreeTextKeysIsRefused() {
        for (key, value) in [("seed", "1\u{1B}]2;X\u{07}"), ("tutorial", "\u{9B}2J"), ("seed", "a\u{7F}"), ("seed", "\u{202E}x")] {
            XCTAssertThrowsError(try parse("\(key)=\(value)"), key) { error in
                XCTAssertEqual((error as? StateError)?.message,
                               "state: \(key): bad value \(UserText.quoted(value)); expected text without control characters")
            }
        }
    }
}

/// Found by FuzzTests: a seed holding `://` before a `#` was read as an address.
final class StateHashSchemeTests: XCTestCase {
    func testASeedWithSchemeLikeTextAndAHashRoundTrips() throws {
        let state = try PlaygroundState.parse("seed=a://#b&noise=5") { "" }.state
        XCTAssertEqual(state.seed, "a://#b")
        XCTAssertEqual(try PlaygroundState.parse(state.serialized) { "" }.state, state)
        XCTAssertEqual(try PlaygroundState.parse(state.link) { "" }.state, state)
        XCTAssertEqual(try PlaygroundState.parse("HTTP://x.org/a=b#seed=c") { "" }.state.seed, "c", "a link with = in its path")
    }
}
