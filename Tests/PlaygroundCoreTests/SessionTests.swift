import Foundation
import XCTest
@testable import PlaygroundCore

/// Sessions: saved through JSON and restored, training carries on bit for bit; a session that
/// could not have been saved is refused with what is wrong.
final class SessionTests: XCTestCase {
    /// Through Foundation's JSON coder, as the program writes and reads the file.
    func throughJSON(_ session: Session) throws -> Session {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return try decoder.decode(Session.self, from: encoder.encode(session))
    }

    func bits(_ values: [Double]) -> [UInt64] { values.map(\.bitPattern) }

    /// Saved after N epochs and resumed for N more equals 2N straight: every parameter's bits,
    /// the training state and both losses, for every activation, with a partial batch pending
    /// (250 training points in batches of 7 leave 5 over each epoch) and L1 killing links.
    func testResumingTrainsBitForBitAsWithoutTheSave() throws {
        let epochs = 6
        for activation in Activation.allCases {
            let settings = try state("activation=\(activation.rawValue)&batchSize=7&regularization=L1&regularizationRate=0.003"
                                     + "&learningRate=0.1&networkShape=3,2&seed=0.5&xSquared=true")
            var straight = Playground(state: settings)
            straight.step(epochs: epochs)
            XCTAssertGreaterThan(straight.training.accumulatedExamples, 0, "a partial batch pending")
            let saved = try throughJSON(Session(straight, losses: [.init(epoch: epochs, train: 0.5, test: 0.25)]))
            var resumed = try Playground(session: saved)
            XCTAssertEqual(resumed, straight, "\(activation): restored as saved")
            straight.step(epochs: epochs)
            resumed.step(epochs: epochs)
            XCTAssertEqual(resumed.epoch, 2 * epochs)
            XCTAssertEqual(bits(resumed.network.parameters), bits(straight.network.parameters), "\(activation)")
            XCTAssertEqual(resumed.training, straight.training, "\(activation)")
            XCTAssertEqual(resumed.trainingLoss().bitPattern, straight.trainingLoss().bitPattern, "\(activation)")
            XCTAssertEqual(resumed.testLoss().bitPattern, straight.testLoss().bitPattern, "\(activation)")
            XCTAssertEqual(saved.losses, [.init(epoch: epochs, train: 0.5, test: 0.25)])
        }
    }

    /// Custom points, the stream (a network rebuilt after the resume draws the same weights) and
    /// numbers JSON has no digits for (-0, a subnormal, a diverged NaN) all come back.
    func testCustomPointsTheStreamAndOddNumbersComeBack() throws {
        let points = [Example(x: -0.0, y: 5e-324, label: 1), Example(x: 0.1 + 0.2, y: -6, label: -1),
                      Example(x: 1 / 3, y: 2, label: 1)]
        var playground = Playground(state: try state("seed=0.5&percTrainData=70"), points: points)
        playground.step(epochs: 2)
        playground.resetNetwork()
        playground.setWeight(.nan, layer: 1, node: 0, source: 1)
        let restored = try Playground(session: throughJSON(Session(playground, losses: [])))
        XCTAssertEqual(bits(restored.network.parameters), bits(playground.network.parameters))
        XCTAssertEqual(restored.customPoints?.map(\.x.bitPattern), points.map(\.x.bitPattern))
        XCTAssertEqual(restored.customPoints?.map(\.y.bitPattern), points.map(\.y.bitPattern))
        XCTAssertEqual(restored.data, playground.data)
        XCTAssertEqual(restored.random, playground.random)
        var again = restored, original = playground
        again.resetNetwork()
        original.resetNetwork()
        XCTAssertEqual(again.network, original.network)
        again.addPoint(Example(x: 1, y: 1, label: 1))
        original.addPoint(Example(x: 1, y: 1, label: 1))
        XCTAssertEqual(again.data, original.data, "a point added after the resume splits as without the save")
    }

    func refusal(_ edit: (inout Session) -> Void, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        var playground = Playground(state: try state("seed=0.5&networkShape=4,2&batchSize=7"))
        playground.step()
        var session = Session(playground, losses: [.init(epoch: 1, train: 0.4, test: 0.5)])
        edit(&session)
        do {
            _ = try Playground(session: session)
            XCTFail("accepted", file: file, line: line)
            return ""
        } catch {
            return error.description
        }
    }

    /// Shape 2,4,2,1 has 2·4 + 4·2 + 2·1 = 18 weights and 9 nodes, each with a bias and a slope:
    /// 18 + 9 + 9 = 36 parameters.
    func testRefusalsSayWhatIsWrong() throws {
        XCTAssertEqual(try refusal { $0.version = 3 },
                       "session: version 3 was written by a newer playground-tui; this one reads up to version 2")
        XCTAssertEqual(try refusal { $0.network.parameters.removeLast(6) },
                       "session: network: 36 parameters expected for shape 2,4,2,1, found 30")
        XCTAssertEqual(try refusal { $0.network.shape = [2, 4, 1] },
                       "session: network: shape 2,4,1 does not match the state's network 2,4,2,1")
        XCTAssertEqual(try refusal { $0.training.deadLinks.append(0) },
                       "session: training: deadLinks: 18 flags (one per weight) expected for shape 2,4,2,1, found 19")
        XCTAssertEqual(try refusal { $0.training.secondMoments = [] },
                       "session: training: secondMoments: 36 numbers expected for shape 2,4,2,1, found 0")
        XCTAssertEqual(try refusal { $0.training.deadLinks[3] = 7 }, "session: training: deadLinks: expected 0 or 1, found 7")
        XCTAssertEqual(try refusal { $0.training.partialBatch = -1 }, "session: training: partialBatch: expected 0 to 9007199254740992, found -1")
        XCTAssertEqual(try refusal { $0.train[4][1] = .infinity }, "session: train[4]: expected finite numbers")
        XCTAssertEqual(try refusal { $0.test[0] = [1, 2] }, "session: test[0]: expected 3 numbers x,y,label, found 2")
        XCTAssertEqual(try refusal { $0.test[2][0] = 6.5 }, "session: test[2]: the point lies outside the plane [-6, 6]")
        XCTAssertEqual(try refusal { $0.train[0][2] = 0.5 }, "session: train[0]: label: expected 1 or -1 for classification")
        XCTAssertEqual(try refusal { $0.state += "&batchSize=99" },
                       "session: state: batchSize: bad value \"99\"; expected a whole number from 1 to 30")
        XCTAssertEqual(try refusal { $0.state += "&data=custom" }, "session: points: missing, but the state says data=custom")
        XCTAssertEqual(try refusal { $0.points = [[1, 1, 1]] }, "session: points: given, but the state does not say data=custom")
        XCTAssertEqual(try refusal { $0.losses.append(.init(epoch: 2, train: 0, test: 0)) },
                       "session: losses: a row for epoch 2, outside 0 to the session's epoch 1")
    }

    func testAStreamStateRC4CannotBeInIsRefusedWhenDecoded() throws {
        var session = Session(Playground(state: try state("seed=0.5")), losses: [])
        var json = try JSONSerialization.jsonObject(with: JSONEncoder().encode(session)) as! [String: Any]
        var random = json["random"] as! [String: Any]
        var permutation = random["permutation"] as! [Int]
        permutation[0] = permutation[1]
        random["permutation"] = permutation
        json["random"] = random
        XCTAssertThrowsError(try JSONDecoder().decode(Session.self, from: JSONSerialization.data(withJSONObject: json))) { error in
            XCTAssertTrue("\(error)".contains("expected each of 0 to 255 once"), "\(error)")
        }
        session.version = 1
    }
}
