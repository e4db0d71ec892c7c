/// A sweep's plan: a base state, the settings to vary and the seeds, turned into the ordered list
/// of runs, each with the full state it trains (the seed is part of it).
///
/// Order: the settings are every combination of the varied values, the first varied key
/// outermost (as nested loops written in the order the keys were given); within a setting, the
/// seeds in order. Run `r` (from 0) is setting `r / seedCount` with seed number `r % seedCount + 1`.
///
/// Seeds (`Seeding.derived`, the command line's): with N seeds and the base state's seed S, the
/// seeds are `S-1`, `S-2`, … `S-N` (TF's seed is any text, hashed by its seeded stream), so the
/// same plan gives the same runs anywhere. `Seeding.asGiven` (runs side by side from the
/// playground's own start): one seed per setting, the base state's own, or the varied value when
/// `seed` is one of the varied keys.
public struct SweepPlan: Sendable, Equatable {
    public enum Seeding: Sendable, Equatable {
        /// `count` seeds per setting, `S-1` … `S-count`.
        case derived(count: Int)
        /// One run per setting with the seed its state has.
        case asGiven
    }

    /// One varied key and its values, in the order given, each as the key writes it.
    public struct Variation: Sendable, Equatable {
        public let key: String
        public let values: [String]
    }

    /// One run: its place in the plan and the state it trains.
    public struct Run: Sendable, Equatable {
        /// The run's number in the plan, from 0.
        public let index: Int
        /// The setting's number in `settings`, from 0.
        public let settingIndex: Int
        /// The seed's number, from 1 (always 1 with `Seeding.asGiven`).
        public let seedNumber: Int
        /// The base state with the setting's values and the run's seed.
        public let state: PlaygroundState
    }

    public let base: PlaygroundState
    public let variations: [Variation]
    public let seeding: Seeding
    /// Seeds per setting (1 with `Seeding.asGiven`).
    public let seedCount: Int
    /// Per setting, one value per variation (in `variations`' order).
    public let settings: [[String]]

    /// The most runs a plan may hold: far beyond any sweep one would run.
    public static let runLimit = 1_000_000

    /// Checks every variation against the state table: the key must exist and may be varied, its
    /// list must not be empty nor repeat a value, and every value must be one the key accepts.
    /// Values are kept as the key writes them (`0.10` becomes `0.1`).
    public init(base: PlaygroundState, variations: [(key: String, values: [String])], seedCount: Int) throws(SweepError) {
        try self.init(base: base, variations: variations, seeding: .derived(count: seedCount))
    }

    /// As `init(base:variations:seedCount:)`, with either kind of seeding; `seed` may be varied
    /// only `asGiven`.
    public init(base: PlaygroundState, variations: [(key: String, values: [String])], seeding: Seeding) throws(SweepError) {
        let seedCount: Int
        switch seeding {
        case .derived(let count): seedCount = count
        case .asGiven: seedCount = 1
        }
        guard seedCount >= 1 else { throw SweepError("--seeds: \(seedCount): expected a whole number of at least 1") }
        var checked: [Variation] = []
        for (key, values) in variations {
            guard !checked.contains(where: { $0.key == key }) else {
                throw SweepError("--vary: \(UserText.quoted(key)) given twice (one --vary per key, its values joined by '\(SweepPlan.separator(for: key))')")
            }
            checked.append(try SweepPlan.check(key: key, values: values, on: base, seedVaries: seeding == .asGiven))
        }
        var settings: [[String]] = [[]]
        for variation in checked {
            settings = settings.flatMap { prefix in variation.values.map { prefix + [$0] } }
        }
        let (runCount, overflow) = settings.count.multipliedReportingOverflow(by: seedCount)
        guard !overflow, runCount <= SweepPlan.runLimit else {
            throw SweepError("--seeds: \(settings.count) settings × \(seedCount) seeds is more than \(SweepPlan.runLimit) runs")
        }
        self.base = base
        self.variations = checked
        self.seeding = seeding
        self.seedCount = seedCount
        self.settings = settings
    }

    /// The number of runs: settings × seeds.
    public var runCount: Int { settings.count * seedCount }

    /// Run `index` (from 0): the base state with its setting's values and its seed.
    public func run(_ index: Int) -> Run {
        precondition((0..<runCount).contains(index), "run \(index) outside the plan's \(runCount)")
        let settingIndex = index / seedCount, seedNumber = index % seedCount + 1
        var state = base
        for (variation, value) in zip(variations, settings[settingIndex]) {
            let accepted = StateKey.named(variation.key)!.read(&state, value)
            precondition(accepted, "a checked value was refused")
        }
        if case .derived = seeding { state.seed = SweepPlan.seed(base: base.seed, number: seedNumber) }
        return Run(index: index, settingIndex: settingIndex, seedNumber: seedNumber, state: state)
    }

    /// Every run, in order.
    public var runs: [Run] { (0..<runCount).map(run) }

    /// The seed of seed number `number` (from 1): `base-number`.
    public static func seed(base: String, number: Int) -> String { base + "-" + String(number) }

    /// A setting as people read it: `activation=relu learningRate=0.03` (empty with nothing varied).
    public func label(ofSetting index: Int) -> String {
        zip(variations, settings[index]).map { $0.key + "=" + $1 }.joined(separator: " ")
    }

    // MARK: Checking

    /// Keys a sweep may not vary: the seed comes from `--seeds` (unless `asGiven`), and a sweep
    /// runs on TF's data sets (a link cannot carry drawn points).
    public static let fixedKeys: [String: String] = [
        "seed": "the seeds come from --seeds",
        "data": "a sweep runs on the data sets (a link cannot carry points)",
    ]

    /// What joins a key's values in `--vary`: `;` for `networkShape` (its values hold commas), else `,`.
    public static func separator(for key: String) -> Character { key == "networkShape" ? ";" : "," }

    private static func check(key name: String, values: [String], on base: PlaygroundState,
                              seedVaries: Bool) throws(SweepError) -> Variation {
        let shown = UserText.quoted(name)
        guard let key = StateKey.named(name) else {
            throw SweepError("--vary: unknown key \(shown) (a state key, e.g. activation, learningRate, networkShape)")
        }
        if let reason = fixedKeys[name], !(seedVaries && name == "seed") { throw SweepError("--vary: \(shown) cannot be varied: \(reason)") }
        guard !values.isEmpty else {
            throw SweepError("--vary: \(shown): no values (e.g. --vary \(name)=a\(separator(for: name))b)")
        }
        var written: [String] = []
        for value in values {
            var state = base
            let blank = value.unicodeScalars[...].trimmingWhitespace().isEmpty
            guard !blank || key.readsEmpty, key.read(&state, value) else {
                let accepted = key.accepts.map { "; expected " + $0 } ?? ""
                throw SweepError("--vary: \(name): bad value \(UserText.quoted(value))" + accepted)
            }
            // A value TF leaves out of a link (regularization none, optimizer sgd) stays as given.
            let canonical = key.write(state) ?? value
            guard !written.contains(canonical) else {
                throw SweepError("--vary: \(name): \(UserText.quoted(value)) listed twice")
            }
            written.append(canonical)
        }
        return Variation(key: name, values: written)
    }
}

/// A sweep that cannot be planned or read, with one line naming the input and what is accepted.
public struct SweepError: Error, Equatable, CustomStringConvertible, Sendable {
    public let message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
