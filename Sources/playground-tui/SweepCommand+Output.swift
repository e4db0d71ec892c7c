import PlaygroundCore

/// A sweep's rows and summary as the user reads them: a table for people, CSV or JSON lines for
/// scripts. Every line is a function of the plan and the outcomes alone (no times, no job
/// count), so the same sweep prints the same bytes however it was run; column widths come from
/// the plan, so rows can be printed one by one as they are known.
struct SweepPrinter {
    enum Format: String, CaseIterable {
        case table, csv, jsonl
    }

    let plan: SweepPlan
    let stop: StopCondition
    let format: Format

    /// The lines before the first row.
    var head: [String] {
        switch format {
        case .table: [table(["run"] + plan.variations.map(\.key) + ["seed"] + Self.resultColumns + ["state"])]
        case .csv: [(["run"] + plan.variations.map(\.key) + ["seed", "epochs_to_target", "best_test_loss", "best_epoch",
                      "final_train_loss", "final_test_loss", "diverged", "epochs", "state"]).map(csvField).joined(separator: ",")]
        case .jsonl: [SweepRecords.header(plan, stop: stop)]
        }
    }

    static let resultColumns = ["to_target", "best_test", "at_epoch", "final_train", "final_test", "diverged", "epochs"]

    /// One run's line.
    func row(_ run: SweepPlan.Run, _ outcome: RunOutcome) -> String {
        let setting = plan.settings[run.settingIndex]
        switch format {
        case .table:
            let results = [outcome.epochsToTarget.map { String($0) } ?? "-", outcome.best.map { Self.loss($0.testLoss) } ?? "-",
                           outcome.best.map { String($0.epoch) } ?? "-", Self.loss(outcome.finalTrainLoss),
                           Self.loss(outcome.finalTestLoss), outcome.diverged ? "yes" : "no", String(outcome.epochs)]
            return table([String(run.index + 1)] + setting + [run.state.seed] + results + [run.state.link])
        case .csv:
            let numbers = [outcome.epochsToTarget.map { String($0) } ?? "", outcome.best.map { NumberFormat.javaScript($0.testLoss) } ?? "",
                           outcome.best.map { String($0.epoch) } ?? "", NumberFormat.javaScript(outcome.finalTrainLoss),
                           NumberFormat.javaScript(outcome.finalTestLoss), String(outcome.diverged), String(outcome.epochs)]
            return ([String(run.index + 1)] + setting + [run.state.seed] + numbers + [run.state.link]).map(csvField).joined(separator: ",")
        case .jsonl:
            return SweepRecords.run(run, outcome, in: plan)
        }
    }

    /// The summary after the rows: per setting, over the runs given (`outcomes[r]` is run r's,
    /// nil for a run not in this output, such as another shard's).
    func summary(_ outcomes: [RunOutcome?]) -> [String] {
        let summaries = plan.settings.indices.map { setting in
            let runs = (0..<plan.seedCount).compactMap { outcomes[setting * plan.seedCount + $0] }
            return SettingSummary(runs, hasTarget: stop.targetTestLoss != nil)
        }.enumerated().filter { $0.element.runs > 0 }
        switch format {
        case .table:
            let target = stop.targetTestLoss.map { "epochs to test loss <= \(NumberFormat.javaScript($0))" } ?? "no --target"
            return ["", "summary per setting (\(target); q1, median, q3 by linear interpolation; never: the runs "
                    + "that did not reach it count as later than any that did)",
                    summaryTable(plan.variations.map(\.key) + Self.summaryColumns)]
                + summaries.map { index, summary in summaryTable(plan.settings[index] + summaryFields(summary, never: "never")) }
        case .csv:
            return ["", (plan.variations.map(\.key) + ["runs", "reached", "diverged", "epochs_to_target_q1", "epochs_to_target_median",
                                                         "epochs_to_target_q3", "median_final_test_loss"]).map(csvField).joined(separator: ",")]
                + summaries.map { index, summary in
                    (plan.settings[index] + summaryFields(summary, never: "Infinity", plain: true)).map(csvField).joined(separator: ",")
                }
        case .jsonl:
            return summaries.map { SweepRecords.summary($0, $1, in: plan) }
        }
    }

    static let summaryColumns = ["runs", "reached", "diverged", "q1", "median", "q3", "median_final_test"]

    private func summaryFields(_ summary: SettingSummary, never: String, plain: Bool = false) -> [String] {
        let epochs = { (value: Double) in value.isFinite ? NumberFormat.javaScript(value) : never }
        let quartiles = summary.epochsToTarget.map { [epochs($0.lower), epochs($0.median), epochs($0.upper)] }
            ?? Array(repeating: plain ? "" : "-", count: 3)
        let loss = summary.medianFinalTestLoss.map { plain ? NumberFormat.javaScript($0) : Self.loss($0) } ?? ""
        return [String(summary.runs), String(summary.reached), String(summary.diverged)] + quartiles + [loss]
    }

    // MARK: Layout

    /// A loss for people: four decimals, or NaN, inf.
    static func loss(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return String(format: "%.4f", value)
    }

    /// The widths of the row table's columns, from the plan: every value a column can hold.
    private var widths: [Int] {
        let seeds = (1...plan.seedCount).map { SweepPlan.seed(base: plan.base.seed, number: $0).count }.max() ?? 0
        let epochDigits = String(stop.epochs).count
        return [max(3, String(plan.runCount).count)]
            + plan.variations.map { variation in max(variation.key.count, variation.values.map(\.count).max() ?? 0) }
            + [max(4, seeds)] + Self.resultColumns.map { max($0.count, epochDigits) }
    }

    /// Columns two spaces apart, each padded to its width (the last, the state, as it is).
    private func table(_ fields: [String]) -> String {
        TerminalText.safeLine(zip(fields, widths + [0]).map { $0.padding(toLength: max($1, $0.count), withPad: " ", startingAt: 0) }
            .joined(separator: "  "))
    }

    private func summaryTable(_ fields: [String]) -> String {
        let widths = plan.variations.map { variation in max(variation.key.count, variation.values.map(\.count).max() ?? 0) }
            + Self.summaryColumns.map { max($0.count, 6) }
        var line = zip(fields, widths).map { $0.padding(toLength: max($1, $0.count), withPad: " ", startingAt: 0) }
            .joined(separator: "  ")
        while line.hasSuffix(" ") { line.removeLast() }
        return TerminalText.safeLine(line)
    }

    /// A CSV field, quoted when it holds a comma, a quote or a line break.
    private func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacing("\"", with: "\"\"") + "\""
    }
}
