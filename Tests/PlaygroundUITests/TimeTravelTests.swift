// Issue 18 in the app: scrubbing the kept epochs, the past on screen, branching, rewinding.
import XCTest
import PlaygroundCore
@testable import PlaygroundUI

final class TimeTravelTests: XCTestCase {
    /// An app on the spiral trained `epochs` epochs, two per frame as the run loop does at the default speed.
    func trained(_ epochs: Int, width: Int = 120, height: Int = 40, capabilities: Capabilities = Capabilities()) -> AppState {
        var app = makeApp("dataset=spiral", width: width, height: height, capabilities: capabilities)
        for _ in 0..<(epochs / 2) { _ = update(&app, .train(epochs: 2)) }
        return app
    }

    /// A playground of the same settings, trained apart from the app.
    func independent(_ epochs: Int) -> Playground {
        var playground = Playground(state: makeSettings("dataset=spiral"))
        playground.step(epochs: epochs)
        return playground
    }

    func bits(_ network: Network) -> [UInt64] { network.parameterValues.map(\.bitPattern) }

    // MARK: Stepping

    /// `{` `}` one kept epoch, PgUp/PgDn ten, Home the first, End now; both ends hold. With 600
    /// epochs the last 256 are all kept and older ones by the spacing rule: ages 512..<1,024 on
    /// multiples of 4 (so the first ten steps from 0 are 4, 8, ... 40).
    func testTheKeysStepThroughTheKeptEpochsAndHoldAtTheEnds() {
        var app = trained(600)
        XCTAssertNil(app.viewedEpoch)
        press("{", &app)
        XCTAssertEqual(app.viewedEpoch, 599)
        press("{", &app)
        XCTAssertEqual(app.viewedEpoch, 598)
        press("}", &app)
        press("}", &app)
        XCTAssertNil(app.viewedEpoch, "forward past the newest kept epoch is now")
        press("}", &app)
        XCTAssertNil(app.viewedEpoch, "now holds")
        press(.pageUp, &app)
        XCTAssertEqual(app.viewedEpoch, 590)
        press(.home, &app)
        XCTAssertEqual(app.viewedEpoch, 0)
        press("{", &app)
        press(.pageUp, &app)
        XCTAssertEqual(app.viewedEpoch, 0, "the start holds")
        press(.pageDown, &app)
        XCTAssertEqual(app.viewedEpoch, 40)
        press("}", &app)
        XCTAssertEqual(app.viewedEpoch, 44)
        XCTAssertEqual(app.playground.epoch, 600, "looking changes nothing")
        press(.end, &app)
        XCTAssertNil(app.viewedEpoch)
    }

    /// Going into the past pauses training; the run stays where it was.
    func testLookingBackPausesTraining() {
        var app = trained(40)
        app.isTraining = true
        press("{", &app)
        XCTAssertFalse(app.isTraining)
        XCTAssertEqual(app.viewedEpoch, 39)
        XCTAssertEqual(app.playground.epoch, 40)
    }

    // MARK: The past on screen

    /// Everything shown at a past epoch is that epoch's: the network, the heat map and every
    /// thumbnail, both losses, the units' health, the inspector: equal, bit for bit, to those of
    /// a run trained apart and stopped at that epoch.
    func testThePastShownIsThatOfARunStoppedThere() {
        var app = trained(300)
        _ = update(&app, .history(.jump(toEpoch: 200)))
        XCTAssertEqual(app.viewedEpoch, 200)
        let truth = independent(200)
        let frame = app.frame
        XCTAssertEqual(frame.shown.epoch, 200)
        XCTAssertEqual(bits(frame.shown.network), bits(truth.network))
        XCTAssertNotEqual(bits(frame.shown.network), bits(app.playground.network), "not the network of now")
        var heatMap = PictureCache(), thumbnails = PictureCache()
        heatMap.refresh(network: truth.network, features: truth.state.inputFeatures,
                        width: frame.shown.heatMap.pixelWidth, height: frame.shown.heatMap.pixelHeight)
        thumbnails.refresh(network: truth.network, features: truth.state.inputFeatures,
                           width: frame.shown.thumbnails.pixelWidth, height: frame.shown.thumbnails.pixelHeight)
        XCTAssertEqual(Array(frame.shown.heatMap.outputs).map(\.bitPattern), Array(heatMap.outputs).map(\.bitPattern))
        XCTAssertTrue(frame.shown.thumbnails == thumbnails, "every thumbnail is the past network's")
        XCTAssertEqual(frame.timeline.viewed?.training.bitPattern, truth.trainingLoss().bitPattern)
        XCTAssertEqual(frame.timeline.viewed?.test.bitPattern, truth.testLoss().bitPattern)
        XCTAssertEqual(frame.unitHealth, truth.unitDiagnostics())
        let lines = screen(app).lines
        let epochLine = lines.first { $0.contains(" Epoch ") }
        XCTAssertEqual(epochLine?.split(separator: " ").suffix(2), ["Epoch", "200"], "the screen counts the past epoch")
        let training = Format.decimal(truth.trainingLoss(), places: 3)
        XCTAssertTrue(lines.contains { $0.contains("Training loss") && $0.contains(training) }, "the stats show the past loss")
        XCTAssertTrue(lines.contains { $0.contains("epoch 200  training \(training)") }, "the chart says the epoch and losses")
        // The inspector reads the past weight.
        press("i", &app)
        XCTAssertEqual(app.viewedEpoch, 200, "inspecting stays in the past")
        _ = update(&app, .select(.edge(layer: 1, node: 0, source: 0)))
        let weight = Format.decimal(truth.network.weight(layer: 1, node: 0, source: 0), places: 3)
        XCTAssertTrue(screen(app).lines.contains { $0.contains(weight) }, "the inspector shows the weight at epoch 200 (\(weight))")
    }

    /// Stepping by one evaluates the pictures once for the new epoch, and not again while it stays.
    func testThePicturesAreEvaluatedOncePerShownEpoch() {
        var app = trained(100)
        press("{", &app)
        let evaluations = app.heatMap.evaluations + app.thumbnails.evaluations
        _ = update(&app, .note("again"))
        XCTAssertEqual(app.heatMap.evaluations + app.thumbnails.evaluations, evaluations)
        press("{", &app)
        XCTAssertEqual(app.heatMap.evaluations + app.thumbnails.evaluations, evaluations + 2)
    }

    // MARK: Branching

    /// A setting changed in the past continues from there: the run left stays as a ghost, and
    /// training on gives, loss for loss, what a run trained to that epoch and then on under the
    /// new setting gives.
    func testALowerLearningRateInThePastBranchesAndKeepsAGhost() {
        var app = trained(300)
        _ = update(&app, .history(.jump(toEpoch: 200)))
        press("l", &app)
        XCTAssertNil(app.viewedEpoch)
        XCTAssertEqual(app.playground.epoch, 200)
        XCTAssertEqual(app.playground.history.ghosts.map(\.branchEpoch), [200])
        XCTAssertEqual(app.playground.history.ghosts.first?.losses.last?.epoch, 300, "the ghost runs to where the run was")
        XCTAssertEqual(app.frame.timeline.ghosts.count, 1)
        XCTAssertEqual(app.losses.last?.epoch, 200, "the loss records after 200 are gone")
        for _ in 0..<50 { _ = update(&app, .train(epochs: 2)) }

        var truth = independent(200)
        _ = truth.apply(Knob.learningRate.adjusted(truth.state, by: -1))
        XCTAssertLessThan(truth.state.learningRate, makeSettings().learningRate)
        var expected: [Int: (UInt64, UInt64)] = [:]
        for _ in 0..<50 {
            truth.step(epochs: 2)
            expected[truth.epoch] = (truth.trainingLoss().bitPattern, truth.testLoss().bitPattern)
        }
        let after = app.losses.records.filter { $0.epoch > 200 }
        XCTAssertEqual(after.count, 50)
        for record in after {
            XCTAssertEqual(record.training.bitPattern, expected[record.epoch]?.0, "training loss at \(record.epoch)")
            XCTAssertEqual(record.test.bitPattern, expected[record.epoch]?.1, "test loss at \(record.epoch)")
        }
    }

    /// Space in the past continues from there and plays; the footer said so before.
    func testSpaceInThePastContinuesFromThere() {
        var app = trained(300, width: 80, height: 24)
        _ = update(&app, .history(.jump(toEpoch: 150)))
        let footer = screen(app).lines[23]
        XCTAssertTrue(footer.contains("Space") && footer.contains("continue from epoch 150"), footer)
        press(" ", &app)
        XCTAssertTrue(app.isTraining)
        XCTAssertNil(app.viewedEpoch)
        XCTAssertEqual(app.playground.epoch, 150)
        XCTAssertEqual(app.playground.history.ghosts.map(\.branchEpoch), [150])
        XCTAssertEqual(app.status, "continued from epoch 150: the run after it stays as a ghost")
        _ = update(&app, .train(epochs: 2))
        XCTAssertEqual(app.playground.epoch, 152)
    }

    /// A display switch or the speed in the past does not branch.
    func testDisplaySettingsDoNotBranch() {
        var app = trained(100)
        press("{", &app)
        press("x", &app)
        press(">", &app)
        XCTAssertEqual(app.viewedEpoch, 99)
        XCTAssertTrue(app.playground.history.ghosts.isEmpty)
    }

    /// The ghost's curve is drawn faded in the chart: a dim braille in full colour, a glyph of
    /// its own with eight colours or none (where a dim colour cannot be told apart).
    func testTheGhostIsDrawnFaded() {
        for (colors, ghost) in [(Capabilities.Colors.full, nil), (.eight, "·"), (.none, "·")] as [(Capabilities.Colors, Character?)] {
            var app = trained(300, capabilities: Capabilities(colors: colors, unicode: true))
            _ = update(&app, .history(.jump(toEpoch: 100)))
            press("l", &app)
            for _ in 0..<10 { _ = update(&app, .train(epochs: 2)) }
            let grid = screen(app), chart = app.layout.chart
            var ghostCells = 0
            for y in chart.y..<chart.maxY - 1 {
                for x in chart.x..<chart.maxX {
                    let cell = grid[x, y]
                    if let ghost { ghostCells += Character(cell.scalar) == ghost ? 1 : 0 }
                    else { ghostCells += cell.style.foreground == LossChart.ghostColor(Palette(colors)) ? 1 : 0 }
                }
            }
            XCTAssertGreaterThan(ghostCells, 5, "\(colors): the ghost runs on to epoch 300 beyond the run at 120")
            XCTAssertTrue(grid.lines[chart.maxY - 1].contains("epochs 0-300"), "the chart spans the ghost too")
        }
    }

    // MARK: Rewinding

    /// `R` goes back to epoch 0 with the very same weights and data; `r` draws new weights.
    func testRewindRestartsFromTheSameWeightsAndRDrawsNew() {
        var app = trained(0)
        let start = bits(app.playground.network), data = app.playground.data
        XCTAssertEqual(start, bits(independent(0).network))
        for _ in 0..<50 { _ = update(&app, .train(epochs: 2)) }
        XCTAssertNotEqual(bits(app.playground.network), start)
        press("R", &app)
        XCTAssertEqual(app.playground.epoch, 0)
        XCTAssertEqual(bits(app.playground.network), start, "the same initial weights, bit for bit")
        XCTAssertEqual(app.playground.data, data, "the same data")
        XCTAssertEqual(app.playground.history.ghosts.map(\.branchEpoch), [0])
        XCTAssertEqual(app.losses.records.map(\.epoch), [0])
        XCTAssertTrue(app.status?.contains("same weights") == true, app.status ?? "")
        press("r", &app)
        XCTAssertNotEqual(bits(app.playground.network), start, "r: a new network")
        XCTAssertEqual(app.playground.data, data, "on the same data")
        XCTAssertTrue(app.playground.history.ghosts.isEmpty, "a new network clears the ghosts")
    }

    /// The help tells `r` and `R` apart.
    func testTheHelpSaysTheDifference() {
        var app = makeApp(width: 200, height: 60)
        press("?", &app)
        let help = screen(app).lines.joined(separator: "\n")
        XCTAssertTrue(help.contains("new weights, same data"), help)
        XCTAssertTrue(help.contains("rewind: same weights"), help)
    }

    /// A new network while in the past is now: there is no past of it yet.
    func testANewNetworkLeavesThePast() {
        var app = trained(100)
        press("{", &app)
        press("r", &app)
        XCTAssertNil(app.viewedEpoch)
        XCTAssertEqual(app.playground.epoch, 0)
    }

    // MARK: The chart's mouse

    /// A click on the chart goes to the kept epoch under it; at its right end, now.
    func testAClickOnTheChartGoesThere() throws {
        var app = trained(200)
        let chart = app.layout.chart
        let geometry = try XCTUnwrap(LossChart.Geometry(app.losses.records, ghosts: [], logScale: false, in: chart))
        let middle = geometry.plot.x + geometry.plot.width / 2
        XCTAssertTrue(press(.click(x: middle, y: chart.y + 1), &app))
        let epoch = try XCTUnwrap(app.viewedEpoch)
        // The column's share of the plot is the epoch's share of 0-200 (to a cell's width of epochs).
        let cellEpochs = 200.0 / Double(geometry.plot.width)
        XCTAssertEqual(Double(epoch), 200.0 * Double(middle - geometry.plot.x) / Double(geometry.plot.width), accuracy: cellEpochs)
        XCTAssertTrue(press(.scroll(up: false, x: middle, y: chart.y + 1), &app))
        XCTAssertEqual(app.viewedEpoch, epoch - 1)
        XCTAssertTrue(press(.click(x: geometry.plot.maxX - 1, y: chart.y + 1), &app))
        XCTAssertNil(app.viewedEpoch, "the right end is now")
        // The marker: a rule at the epoch's column, and in no other.
        _ = update(&app, .history(.jump(toEpoch: 100)))
        let grid = screen(app)
        let plot = try XCTUnwrap(LossChart.Geometry(app.losses.records, ghosts: [], logScale: false, in: chart)).plot
        let rules = (plot.x..<plot.maxX).filter { x in (plot.y..<plot.maxY).contains { grid[x, $0].scalar == "│" } }
        XCTAssertEqual(rules, [plot.x + geometry.dotColumn(of: 100) / 2])
    }

    // MARK: The texts

    /// The top line says which epoch shows, of how many, how to go on and how to return; at
    /// 80×24 and 200×60, and it fits.
    func testTheTopLineAndTheFooterInThePast() {
        for (width, height) in [(80, 24), (200, 60)] {
            var app = trained(300, width: width, height: height)
            _ = update(&app, .history(.jump(toEpoch: 212)))
            let lines = screen(app).lines
            let top = lines[0], footer = lines[height - 1]
            XCTAssertTrue(top.contains("past") && top.contains("epoch 212 of 300"), top)
            XCTAssertTrue(top.contains("End"), "says how to return: \(top)")
            XCTAssertTrue(top.contains("Space continues"), top)
            XCTAssertTrue(footer.contains("continue from epoch 212"), footer)
            XCTAssertTrue(footer.hasSuffix("? help  q quit "), footer)
            if width == 200 {
                XCTAssertTrue(top.contains("Space continues from here, End returns to now"), top)
                XCTAssertTrue(footer.contains("(the run after it stays as a ghost)"), footer)
            }
            press(.end, &app)
            XCTAssertTrue(screen(app).lines[0].contains("paused"), "now again")
        }
    }
}

final class ScrubBenchmarkTests: XCTestCase {
    /// Each round of the benchmark is one step back to the screen: a new past epoch, its two
    /// pictures evaluated once, the top line saying which epoch.
    func testEachRoundStepsBackOneEpochAndEvaluatesItsPicturesOnce() {
        let result = FrameBenchmark.scrub(makeSettings("dataset=spiral"), width: 120, height: 40, epochs: 40, rounds: 10)
        XCTAssertEqual(result.samples.count, 10)
        XCTAssertEqual(result.evaluations, 20)
        XCTAssertTrue(result.lastFrame.line(0).contains("epoch 30 of 40"), result.lastFrame.line(0))
    }
}

/// The past on the whole screen, as literal snapshots: a spiral run scrubbed back, branched with
/// a lower learning rate at epoch 100, trained on, then looked back at again (the marker, the
/// ghost beyond the run, the top line and the footer of the past).
extension ScreenSnapshotTests {
    static func inThePast(width: Int, height: Int) -> AppState {
        var app = makeApp("dataset=spiral", width: width, height: height)
        for _ in 0..<150 { _ = update(&app, .train(epochs: 2)) }
        _ = update(&app, .history(.jump(toEpoch: 100)))
        _ = update(&app, .adjust(.learningRate, by: -1))
        for _ in 0..<50 { _ = update(&app, .train(epochs: 2)) }
        for _ in 0..<20 { _ = update(&app, .history(.step(by: -1))) }
        return app
    }

    func testThePast80x24() throws {
        try check("past-80x24", Self.inThePast(width: 80, height: 24))
    }

    func testThePast200x60() throws {
        try check("past-200x60", Self.inThePast(width: 200, height: 60))
    }
}
