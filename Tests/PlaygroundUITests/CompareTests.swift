// Runs side by side (issue 19, item 4): which runs open, their numbers against single runs, picking, adding, dropping.
import XCTest
import PlaygroundCore
@testable import PlaygroundUI

final class CompareTests: XCTestCase {
    /// An activation comparison opens with every activation, the cursor on the playground's own,
    /// each run the playground's state with only the activation changed, at epoch 0.
    func testActivationOpensEveryActivation() {
        var app = makeApp("activation=sigmoid&dataset=xor")
        press("X", &app)
        let compare = try! XCTUnwrap(app.compare)
        XCTAssertEqual(KeyContext(app), .compare)
        XCTAssertEqual(compare.setting, .activation)
        XCTAssertEqual(compare.runs.map(\.value), ["relu", "tanh", "sigmoid", "linear", "leakyrelu", "prelu", "elu", "softplus"])
        XCTAssertEqual(compare.selected, 2)
        for run in compare.runs {
            var expected = app.settings
            expected.activation = Activation(rawValue: run.value)!
            XCTAssertEqual(run.playground.state, expected)
            XCTAssertEqual(run.epoch, 0)
            XCTAssertEqual(run.playground.data, app.playground.data, "the same data")
        }
        XCTAssertFalse(app.isPlaying)
    }

    /// The learning rate opens on its neighbours on TF's ladder (two each side); the other
    /// settings are reached with Tab.
    func testLearningRateOpensTheNeighbouringRates() {
        var app = makeApp("learningRate=0.03")
        _ = update(&app, .focus(.learningRate))
        press("X", &app)
        XCTAssertEqual(app.compare?.setting, .learningRate)
        XCTAssertEqual(app.compare?.runs.map(\.value), ["0.003", "0.01", "0.03", "0.1", "0.3"])
        XCTAssertEqual(app.compare?.selected, 2)
        XCTAssertEqual(app.compare?.runs.map(\.playground.state.learningRate), [0.003, 0.01, 0.03, 0.1, 0.3])
        // At the ladder's end the window moves in: five rates from the lowest.
        var low = makeApp("learningRate=0.00001")
        _ = update(&low, .focus(.learningRate))
        press("X", &low)
        XCTAssertEqual(low.compare?.runs.map(\.value), ["0.00001", "0.0001", "0.001", "0.003", "0.01"])
        press(.tab, &app)
        XCTAssertEqual(app.compare?.setting, .optimizer)
        XCTAssertEqual(app.compare?.runs.map(\.value), ["sgd", "momentum", "nesterov", "rmsprop", "adam"])
        press(.tab, &app)
        XCTAssertEqual(app.compare?.runs.map(\.value), ["none", "L1", "L2"])
        press(.tab, &app)
        XCTAssertEqual(app.compare?.runs.map(\.value), ["1", "2", "5", "10", "15", "20", "25", "30"], "batch sizes")
        press(.tab, &app)
        XCTAssertEqual(app.compare?.runs.map(\.value), ["4", "2,1", "4,2", "6,4", "4,2,2", "8,8"],
                       "shape 4,2: a layer less, ±2 neurons, a layer more, the widest")
        press(.tab, &app)
        XCTAssertEqual(app.compare?.runs.map(\.value), ["0.12345", "0.12345-1", "0.12345-2", "0.12345-3", "0.12345-4"])
        XCTAssertEqual(app.compare?.runs[3].playground.state.seed, "0.12345-3")
    }

    /// Trained in lockstep, each run's network and losses are those of an independent single
    /// run of the same state trained the same number of epochs, bit for bit; the app's pace
    /// is shared: 8 runs get one epoch each per 8 epochs of pace.
    func testRunsEqualIndependentSingleRunsTrainedAsLong() {
        var app = makeApp("dataset=xor&networkShape=3")
        press("X", &app)
        press(" ", &app)
        XCTAssertTrue(app.isPlaying)
        _ = update(&app, .train(epochs: 20))  // 2 each, 4 owed
        _ = update(&app, .train(epochs: 20))  // 24 owed: 3 each
        let compare = try! XCTUnwrap(app.compare)
        for run in compare.runs {
            XCTAssertEqual(run.epoch, 5)
            var single = Playground(state: makeSettings("dataset=xor&networkShape=3&activation=\(run.value)"))
            single.step(epochs: 5)
            XCTAssertEqual(run.playground.network, single.network, run.value)
            XCTAssertEqual(run.losses.last?.test.bitPattern, single.testLoss().bitPattern, run.value)
            XCTAssertEqual(run.losses.last?.training.bitPattern, single.trainingLoss().bitPattern, run.value)
        }
        XCTAssertEqual(app.frame.runs.count, 8)
        XCTAssertEqual(app.frame.runs[0].network, compare.runs[0].playground.network, "the frame draws the runs as trained")
    }

    /// Enter makes the run under the cursor the playground: its state, its trained network and
    /// its losses; Esc instead leaves the playground as it was.
    func testPickingARunMakesItThePlaygrounds() {
        var app = makeApp("activation=tanh")
        let before = app.playground
        press("X", &app)
        press(" ", &app)
        _ = update(&app, .train(epochs: 24))
        press(.escape, &app)
        XCTAssertNil(app.compare)
        XCTAssertEqual(app.playground, before, "Esc leaves the playground untouched")
        press("X", &app)
        press(" ", &app)
        _ = update(&app, .train(epochs: 24))
        press("4", &app)
        XCTAssertEqual(app.compare?.selected, 3)
        press(.left, &app)
        let run = app.compare!.runs[2]
        press(.enter, &app)
        XCTAssertNil(app.compare)
        XCTAssertEqual(app.mode, .playing)
        XCTAssertEqual(app.settings.activation, .sigmoid)
        XCTAssertEqual(app.playground.epoch, 3)
        XCTAssertEqual(app.playground.network, run.playground.network)
        var single = Playground(state: makeSettings("activation=sigmoid"))
        single.step(epochs: 3)
        XCTAssertEqual(app.playground.network, single.network)
        XCTAssertEqual(app.losses.last?.epoch, 3)
        XCTAssertEqual(app.status, "picked activation Sigmoid at epoch 3")
        // It trains on from there as the single run does.
        _ = update(&app, .train(epochs: 2))
        single.step(epochs: 2)
        XCTAssertEqual(app.playground.network, single.network)
    }

    /// `+` adds the unused rate nearest the playground's (the lower on a tie), trained to the
    /// others' epoch as a single run would be; `-` drops the run under the cursor; nine at most.
    func testAddAndDropValues() {
        var app = makeApp("learningRate=0.03")
        _ = update(&app, .focus(.learningRate))
        press("X", &app)
        press(" ", &app)
        _ = update(&app, .train(epochs: 15))
        XCTAssertEqual(app.compare?.epoch, 3)
        press("+", &app)
        XCTAssertEqual(app.compare?.runs.map(\.value), ["0.001", "0.003", "0.01", "0.03", "0.1", "0.3"])
        XCTAssertEqual(app.compare?.selected, 0)
        var single = Playground(state: makeSettings("learningRate=0.001"))
        single.step(epochs: 3)
        XCTAssertEqual(app.compare?.runs[0].playground.network, single.network)
        XCTAssertEqual(app.compare?.runs[0].epoch, 3)
        press("+", &app)
        XCTAssertEqual(app.compare?.runs.last?.value, "1")
        XCTAssertEqual(app.compare?.selected, 6, "the cursor on the run added")
        press("3", &app)
        press("-", &app)
        XCTAssertEqual(app.compare?.runs.map(\.value), ["0.001", "0.003", "0.03", "0.1", "0.3", "1"])
        XCTAssertEqual(app.status, "dropped learning rate 0.01")
        for _ in 0..<5 { press("+", &app) }
        XCTAssertEqual(app.compare?.runs.count, 9)
        XCTAssertEqual(app.status, "9 runs at most: - drops one")
        for _ in 0..<10 { press("-", &app) }
        XCTAssertEqual(app.compare?.runs.count, 1)
        XCTAssertEqual(app.status, "the last run stays: Esc leaves")
    }

    /// 80×24: a row of six small maps of the eight activations, and every run in the legend;
    /// 200×60: all eight bigger maps. Literal parts of the screen.
    func testFitsEightyByTwentyFourAndUsesALargeTerminal() {
        var small = makeApp("activation=tanh", width: 80, height: 24)
        press("X", &small)
        let grid = screen(small)
        XCTAssertTrue(grid.line(0).hasPrefix(" compare activation   paused   60 epochs/s: 7.5 each of 8  epoch 0"), grid.line(0))
        XCTAssertTrue(grid.line(1).hasPrefix(" vary (Tab): activation learning rate optimizer regularization batch size shape"), grid.line(1))
        XCTAssertEqual(small.frame.compareLayout?.maps.count, 6)
        XCTAssertEqual(small.frame.compareLayout?.maps.first?.width, 12)
        XCTAssertTrue(grid.line(8).hasPrefix(" 1 ReLU      ▸2 Tanh       3 Sigmoid    4 Linear     5 Leaky ReL  6 PReLU"), grid.line(8))
        XCTAssertTrue(grid.line(9).hasPrefix("e0 0.5"), grid.line(9))
        XCTAssertTrue(grid.line(11).hasPrefix("test loss · maps 1-6 of 8 (← →)"), grid.line(11))
        let text = (0..<24).map(grid.line).joined(separator: "\n")
        for (number, name) in ["ReLU", "Tanh", "Sigmoid", "Linear", "Leaky ReLU", "PReLU", "ELU", "Softplus"].enumerated() {
            XCTAssertTrue(text.contains("\(number + 1)  \(name)"), "legend row of \(name)")
        }
        XCTAssertTrue(grid.line(22).hasPrefix(" no stop condition"), grid.line(22))
        press("j", &small)
        XCTAssertEqual(screen(small).line(22), " stop at test loss ≤ 0.5" + String(repeating: " ", count: 56), "said once")
        XCTAssertTrue(grid.line(23).hasPrefix(" Esc leave  Space play  → run  Enter pick  + add  - drop "), grid.line(23))
        XCTAssertTrue(grid.line(23).hasSuffix(" ? help  q quit "), grid.line(23))

        var large = makeApp("activation=tanh", width: 200, height: 60)
        press("X", &large)
        XCTAssertEqual(large.frame.compareLayout?.maps.count, 8)
        XCTAssertEqual(large.frame.compareLayout?.maps.first, Rect(x: 0, y: 2, width: 40, height: 20))
        let big = screen(large)
        XCTAssertTrue(big.line(22).hasPrefix(" 1 ReLU                                  ▸2 Tanh"), big.line(22))
        XCTAssertTrue(big.line(44).hasPrefix(" 5 Leaky ReLU"), big.line(44))
        let bigText = (0..<60).map(big.line).joined(separator: "\n")
        XCTAssertTrue(bigText.contains("8  Softplus"))
        XCTAssertFalse(bigText.contains("maps 1-"))
        // The maps are the runs' pictures, evaluated in the frame at the maps' size.
        XCTAssertEqual(large.frame.runs[0].heatMap.pixelWidth, 40)
        XCTAssertEqual(large.frame.runs[0].heatMap.pixelHeight, 40)
    }

    /// The chart of several series: in 256 colours a braille curve per series, each its own
    /// colour; with 8 colours or none (and in ASCII) each curve is drawn with its series' number,
    /// so that the curves can be told apart without colour. A falling and a rising line.
    func testTheLossChartDrawsEverySeriesApart() {
        let falling = (0...10).map { (epoch: $0 * 10, loss: 1.0 - Double($0) / 10) }
        let rising = (0...10).map { (epoch: $0 * 10, loss: Double($0) / 10) }
        func draw(_ caps: Capabilities) -> CellGrid {
            var grid = CellGrid(width: 30, height: 8)
            LossChart.drawSeries([falling, rising], in: grid.bounds, capabilities: caps, into: &grid)
            return grid
        }
        let plot = { (grid: CellGrid) in (0..<7).flatMap { y in (6..<30).map { grid[$0, y] } }.filter { $0.scalar != " " } }
        let full = draw(Capabilities(colors: .full))
        let colours = Set(plot(full).map(\.style.foreground))
        XCTAssertEqual(colours, [.index(39), .index(208)], "one colour per curve")
        XCTAssertTrue(plot(full).allSatisfy { (0x2801...0x28FF).contains($0.scalar.value) }, "braille")
        XCTAssertEqual(full.line(0).prefix(6), "1.000 ", "the highest loss at the top row")
        XCTAssertEqual(full.line(7), "epochs 0-100                  ")
        for caps in [Capabilities(colors: .none), Capabilities(colors: .eight), Capabilities(colors: .full, unicode: false)] {
            let grid = draw(caps)
            XCTAssertEqual(Set(plot(grid).map(\.scalar)), ["1", "2"], "\(caps)")
            // The falling curve starts at the top left, the rising one at the bottom left.
            XCTAssertEqual(grid[6, 0].scalar, "1")
            XCTAssertEqual(grid[6, 6].scalar, "2")
            XCTAssertEqual(grid[29, 0].scalar, "2")
        }
        XCTAssertEqual(draw(Capabilities(colors: .eight))[6, 0].style.foreground, .index(4))
        XCTAssertEqual(draw(Capabilities(colors: .none))[6, 0].style.foreground, .default)
    }
}
