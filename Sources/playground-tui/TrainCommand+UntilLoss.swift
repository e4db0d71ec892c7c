import PlaygroundCore

/// `train --until-loss X`: where the run stops, and the line on standard error that says so.
enum TrainStop {
    /// True when there is a target and the playground's test loss is at most it.
    static func reached(_ target: Double?, by playground: Playground) -> Bool {
        guard let target else { return false }
        return playground.testLoss() <= target
    }

    /// `stopped at epoch N: test loss L <= X`, or `not stopped: ...` when --epochs ran out first.
    static func report(_ target: Double?, playground: Playground, first: Int) {
        guard let target else { return }
        let loss = NumberFormat.javaScript(playground.testLoss()), limit = NumberFormat.javaScript(target)
        if playground.testLoss() <= target {
            Diagnostics.say("stopped at epoch \(playground.epoch): test loss \(loss) <= \(limit)")
        } else {
            Diagnostics.say("not stopped: test loss \(loss) > \(limit) after \(playground.epoch - first) epochs, at epoch \(playground.epoch)")
        }
    }
}
