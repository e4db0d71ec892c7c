import FoundationEssentials
import PlaygroundCore

/// A sweep's JSON lines: the header that says which sweep it is, one line per run, one per
/// setting's summary. `--format jsonl` prints them; `--output` files hold the header and the runs;
/// `sweep merge` and `--resume` read them back.
///
/// Written here by hand, keys in a fixed order, so the same sweep gives the same bytes; numbers
/// in shortest round-trip form, so reading them back gives the same bits; a number that is not
/// finite is the string "NaN", "Infinity" or "-Infinity" (JSON has no such numbers).
enum SweepRecords {
    // MARK: Writing

    /// `{"sweep":{"state":…,"vary":[{"key":…,"values":[…]}],"seeds":…,"epochs":…,"target":…,"stopAtTarget":…}}`
    static func header(_ plan: SweepPlan, stop: StopCondition) -> String {
        let vary = plan.variations.map { variation in
            "{\"key\":" + string(variation.key) + ",\"values\":[" + variation.values.map(string).joined(separator: ",") + "]}"
        }
        return "{\"sweep\":{\"state\":" + string(plan.base.serialized) + ",\"vary\":[" + vary.joined(separator: ",")
            + "],\"seeds\":\(plan.seedCount),\"epochs\":\(stop.epochs),\"target\":"
            + (stop.targetTestLoss.map(number) ?? "null") + ",\"stopAtTarget\":\(stop.stopsAtTarget)}}"
    }

    /// One run (numbered from 1, as the table and `--shard` count): `{"run":…,"setting":{…},"seed":…,"epochsToTarget":…,"bestTestLoss":…,"bestEpoch":…,
    /// "finalTrainLoss":…,"finalTestLoss":…,"diverged":…,"epochs":…,"state":…}`.
    static func run(_ run: SweepPlan.Run, _ outcome: RunOutcome, in plan: SweepPlan) -> String {
        "{\"run\":\(run.index + 1),\"setting\":" + setting(run.settingIndex, in: plan) + ",\"seed\":" + string(run.state.seed)
            + ",\"epochsToTarget\":" + (outcome.epochsToTarget.map { String($0) } ?? "null")
            + ",\"bestTestLoss\":" + (outcome.best.map { number($0.testLoss) } ?? "null")
            + ",\"bestEpoch\":" + (outcome.best.map { String($0.epoch) } ?? "null")
            + ",\"finalTrainLoss\":" + number(outcome.finalTrainLoss) + ",\"finalTestLoss\":" + number(outcome.finalTestLoss)
            + ",\"diverged\":\(outcome.diverged),\"epochs\":\(outcome.epochs),\"state\":" + string(run.state.link) + "}"
    }

    /// One setting's summary: `{"summary":{"setting":{…},"runs":…,"reached":…,"diverged":…,
    /// "epochsToTarget":{"q1":…,"median":…,"q3":…}|null,"medianFinalTestLoss":…}}`.
    static func summary(_ index: Int, _ summary: SettingSummary, in plan: SweepPlan) -> String {
        let quartiles = summary.epochsToTarget.map {
            "{\"q1\":" + number($0.lower) + ",\"median\":" + number($0.median) + ",\"q3\":" + number($0.upper) + "}"
        }
        return "{\"summary\":{\"setting\":" + setting(index, in: plan) + ",\"runs\":\(summary.runs),\"reached\":\(summary.reached)"
            + ",\"diverged\":\(summary.diverged),\"epochsToTarget\":" + (quartiles ?? "null")
            + ",\"medianFinalTestLoss\":" + (summary.medianFinalTestLoss.map(number) ?? "null") + "}}"
    }

    static func setting(_ index: Int, in plan: SweepPlan) -> String {
        "{" + zip(plan.variations, plan.settings[index]).map { string($0.key) + ":" + string($1) }.joined(separator: ",") + "}"
    }

    static func number(_ value: Double) -> String {
        value.isFinite ? NumberFormat.javaScript(value) : "\"" + NumberFormat.javaScript(value) + "\""
    }

    /// A JSON string: quotes, backslashes and control characters escaped, the rest as it is.
    static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where scalar.value < 0x20 || scalar.value == 0x7F:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    // MARK: Reading

    /// A number as written by `number`.
    struct Number: Decodable {
        let value: Double
        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) {
                switch text {
                case "NaN": value = .nan
                case "Infinity": value = .infinity
                case "-Infinity": value = -.infinity
                default: throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a number")
                }
            } else {
                value = try container.decode(Double.self)
            }
        }
    }

    struct Header: Decodable {
        struct Body: Decodable {
            struct Variation: Decodable {
                let key: String
                let values: [String]
            }
            let state: String
            let vary: [Variation]
            let seeds: Int
            let epochs: Int
            let target: Number?
            let stopAtTarget: Bool
        }
        let sweep: Body
    }

    struct RunLine: Decodable {
        let run: Int
        let epochsToTarget: Int?
        let bestTestLoss: Number?
        let bestEpoch: Int?
        let finalTrainLoss: Number
        let finalTestLoss: Number
        let epochs: Int
        let state: String

        var outcome: RunOutcome {
            let best = bestEpoch.flatMap { epoch in bestTestLoss.map { RunOutcome.Best(epoch: epoch, testLoss: $0.value) } }
            return RunOutcome(epochs: epochs, epochsToTarget: epochsToTarget, best: best,
                              finalTrainLoss: finalTrainLoss.value, finalTestLoss: finalTestLoss.value)
        }
    }

    /// The plan and stop condition a header line names; nil when the line is not a header this
    /// program would write (it is written again from what it says, and must come out the same).
    static func plan(fromHeader line: Substring) -> (plan: SweepPlan, stop: StopCondition)? {
        guard let header = try? JSONDecoder().decode(Header.self, from: Data(line.utf8)) else { return nil }
        let body = header.sweep
        guard body.epochs >= 0, let base = try? PlaygroundState.parse(body.state, freshSeed: { "" }).state,
              let plan = try? SweepPlan(base: base, variations: body.vary.map { ($0.key, $0.values) }, seedCount: body.seeds)
        else { return nil }
        let stop = StopCondition(epochs: body.epochs, targetTestLoss: body.target?.value, stopsAtTarget: body.stopAtTarget)
        return self.header(plan, stop: stop) == line ? (plan, stop) : nil
    }

    /// The run a line records, checked against the plan: its number must be in the plan and its
    /// state the plan's for that number, and the line must be what this program writes for it.
    static func run(fromLine line: Substring, in plan: SweepPlan) -> (index: Int, outcome: RunOutcome)? {
        guard let record = try? JSONDecoder().decode(RunLine.self, from: Data(line.utf8)),
              (1...plan.runCount).contains(record.run) else { return nil }
        let planned = plan.run(record.run - 1)
        guard planned.state.link == record.state, run(planned, record.outcome, in: plan) == line else { return nil }
        return (planned.index, record.outcome)
    }
}
