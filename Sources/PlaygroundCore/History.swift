/// The past of a run (owns the snapshot store and its spacing rule): the parameters and the whole
/// training state at kept epochs, so that continuing from a kept epoch is bit for bit the same as
/// having trained to it; the losses measured at kept epochs; and the loss curves of runs left by
/// a branch (ghosts).
///
/// **Spacing rule.** With `now` the newest recorded epoch and `start` the first, epoch e is kept
/// when it is `start` or `now`, when its age a = now − e is below `recent` (every epoch of the last
/// 256), or when e is a multiple of 2^j for the level j = ⌊log2(a / recent)⌋ + 1 of its age
/// (ages 256..511 keep every 2nd epoch, 512..1023 every 4th, …). Each level holds `recent / 2`
/// epochs, so after N epochs about `recent + recent/2 · log2(N / recent)` are kept (100,000 →
/// 1,348). An epoch dropped once is never needed again (a multiple of 2^j is one of 2^(j−1)), so
/// recording only drops: at each record the epochs that just crossed into a new level are checked.
/// After a branch the kept set is a subset of the rule's (the later epochs are gone).
///
/// **Storage.** One flat pool of slots, each `4 · parameterCount` doubles (parameters, gradient
/// sums, first and second moments, in `Network.parameters`' order) and `weightCount` dead-link
/// flags, plus a few numbers per slot. Dropped slots are reused; the pool grows by chunks, so
/// recording an epoch copies flat arrays and allocates nothing in the steady state.
public struct History: Sendable {
    /// Every epoch of the last `recent` is kept.
    public static let recent = 256
    /// Ghosts kept at most; the oldest goes first.
    public static let ghostLimit = 8

    /// Both losses at one epoch.
    public struct LossPoint: Equatable, Sendable {
        public var epoch: Int
        public var training: Double
        public var test: Double
        public init(epoch: Int, training: Double, test: Double) {
            self.epoch = epoch
            self.training = training
            self.test = test
        }
    }

    /// A run left by a branch: its measured losses at its kept epochs (from the start to where it
    /// was left), and the epoch the new run branched from.
    public struct Ghost: Equatable, Sendable {
        public var branchEpoch: Int
        public var losses: [LossPoint]
    }

    /// When true, `Playground` records every epoch it trains.
    public internal(set) var isRecording = false
    /// The kept epochs, ascending.
    public private(set) var keptEpochs: [Int] = []
    /// Runs left by branches, oldest first (at most `ghostLimit`); emptied when the network is rebuilt.
    public internal(set) var ghosts: [Ghost] = []

    /// The slot of each kept epoch (parallel to `keptEpochs`).
    private(set) var slotOfKept: [Int] = []
    private(set) var freeSlots: [Int] = []
    private(set) var parameterCount = 0
    private(set) var weightCount = 0
    /// Per slot: parameters, sums, first moments, second moments (`4 · parameterCount`).
    private(set) var values: [Double] = []
    /// Per slot: the dead-link flags (`weightCount`).
    private(set) var flags: [UInt8] = []
    /// Per slot: partial batch, update count, and whether the losses were measured (0/1).
    private(set) var counts: [Int] = []
    /// Per slot: training loss, test loss (meaningful when measured).
    private(set) var losses: [Double] = []

    public init() {}

    public var isEmpty: Bool { keptEpochs.isEmpty }
    public var count: Int { keptEpochs.count }
    /// The first recorded epoch (rewinding to it is "the same start").
    public var start: Int? { keptEpochs.first }
    public var latest: Int? { keptEpochs.last }
    public func contains(_ epoch: Int) -> Bool { index(of: epoch) != nil }

    /// The kept epoch nearest `epoch` (the earlier on a tie); nil when nothing is kept.
    public func nearest(to epoch: Int) -> Int? {
        let (below, above) = neighbours(of: epoch)
        guard let below else { return above }
        guard let above else { return below }
        return epoch - below <= above - epoch ? below : above
    }

    /// The kept epoch `steps` kept epochs after `epoch` (before it when negative), stopping at
    /// the first and the latest; from an epoch that is not kept, its kept neighbour on that side
    /// is the first step (0 steps: the nearest). Nil when nothing is kept. Scrubbing by one, by
    /// ten, or to either end (`Int.min`, `Int.max`).
    public func keptEpoch(from epoch: Int, steps: Int) -> Int? {
        guard !isEmpty else { return nil }
        if steps == 0 { return nearest(to: epoch) }
        let i = firstIndex(atLeast: epoch)
        let base = i < keptEpochs.count && keptEpochs[i] == epoch || steps < 0 ? i : i - 1
        let (target, overflow) = base.addingReportingOverflow(steps)
        let clamped = overflow ? (steps < 0 ? 0 : keptEpochs.count - 1) : min(max(target, 0), keptEpochs.count - 1)
        return keptEpochs[clamped]
    }

    /// The kept epochs at or below and at or above `epoch` (the same one when it is kept).
    public func neighbours(of epoch: Int) -> (below: Int?, above: Int?) {
        let i = firstIndex(atLeast: epoch)
        let above = i < keptEpochs.count ? keptEpochs[i] : nil
        if above == epoch { return (epoch, epoch) }
        return (i > 0 ? keptEpochs[i - 1] : nil, above)
    }

    /// The losses measured at a kept epoch (nil when not kept or not measured).
    public func measuredLosses(at epoch: Int) -> LossPoint? {
        guard let i = index(of: epoch) else { return nil }
        let slot = slotOfKept[i]
        guard counts[3 * slot + 2] != 0 else { return nil }
        return LossPoint(epoch: epoch, training: losses[2 * slot], test: losses[2 * slot + 1])
    }

    /// The measured losses of every kept epoch that has them, ascending: the chart's series.
    public var lossSeries: [LossPoint] { keptEpochs.compactMap(measuredLosses(at:)) }

    /// The kept epochs whose losses were not measured yet, newest first.
    public var unmeasuredEpochs: [Int] {
        keptEpochs.indices.reversed().filter { counts[3 * slotOfKept[$0] + 2] == 0 }.map { keptEpochs[$0] }
    }

    /// Bytes held for snapshots, from the stored element counts (the pool, free slots included).
    public var storedBytes: Int {
        8 * (values.count + counts.count + losses.count + slotOfKept.count + keptEpochs.count + freeSlots.count)
            + flags.count
    }

    /// Bytes the snapshot arrays have allocated (their capacities): what the process holds.
    public var allocatedBytes: Int {
        8 * (values.capacity + counts.capacity + losses.capacity + slotOfKept.capacity + keptEpochs.capacity
             + freeSlots.capacity) + flags.capacity
    }

    /// Slots in the pool (kept plus free).
    public var slotCount: Int { counts.count / 3 }

    /// True when the spacing rule with window `recent` keeps `epoch` of a recording from `start`
    /// to `now`. A smaller window keeps a subset (every level starts sooner).
    public static func keeps(_ epoch: Int, start: Int, now: Int, recent: Int = History.recent) -> Bool {
        let age = now - epoch
        guard epoch != start, age >= recent else { return true }
        return epoch % (1 << (Int.bitWidth - (age / recent).leadingZeroBitCount)) == 0
    }

    /// At most `limit` (≥ 64) of the kept epochs: all of them when they fit, else those the rule
    /// keeps with the largest window (256, 128, 64, …) that fits, the start and the latest always
    /// among them. A session saves these, so that its size stays bounded however long the run.
    public func keptEpochs(atMost limit: Int) -> [Int] {
        guard let start, let latest, keptEpochs.count > limit else { return keptEpochs }
        var window = History.recent / 2
        while true {
            let kept = keptEpochs.filter { History.keeps($0, start: start, now: latest, recent: window) }
            if kept.count <= limit || window == 1 { return kept }
            window /= 2
        }
    }

    // MARK: Recording

    /// Forgets every snapshot and ghost (a new network); recording stays as it was.
    mutating func reset() {
        keptEpochs.removeAll(keepingCapacity: true)
        slotOfKept.removeAll(keepingCapacity: true)
        freeSlots.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        flags.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
        losses.removeAll(keepingCapacity: true)
        ghosts.removeAll()
        parameterCount = 0
        weightCount = 0
    }

    /// Keeps `network` and `training` as epoch `epoch`, later than every kept one (the same as
    /// the latest replaces it: a parameter set by hand), then drops what the spacing rule no
    /// longer keeps.
    mutating func record(_ network: Network, _ training: Training, epoch: Int) {
        if let latest, latest == epoch {
            write(slotOfKept[slotOfKept.count - 1], network, training)
            return
        }
        precondition(latest.map { epoch > $0 } ?? true, "history records epochs in order")
        if isEmpty {
            reset()
            parameterCount = network.layout.parameterCount
            weightCount = network.layout.weightCount
        }
        precondition(network.layout.parameterCount == parameterCount, "history of a network of another shape")
        let previous = latest ?? epoch
        let slot = freeSlots.popLast() ?? grow()
        write(slot, network, training)
        keptEpochs.append(epoch)
        slotOfKept.append(slot)
        thin(from: previous, to: epoch)
    }

    /// Marks the losses measured at a kept epoch (nothing when it is not kept).
    mutating func setLosses(_ point: LossPoint) {
        guard let i = index(of: point.epoch) else { return }
        let slot = slotOfKept[i]
        losses[2 * slot] = point.training
        losses[2 * slot + 1] = point.test
        counts[3 * slot + 2] = 1
    }

    /// Drops every kept epoch after `epoch`; when any were dropped, the run's measured losses
    /// become a ghost branching at `epoch`.
    mutating func truncate(after epoch: Int) {
        let keep = firstIndex(atLeast: epoch + 1)
        guard keep < keptEpochs.count else { return }
        ghosts.append(Ghost(branchEpoch: epoch, losses: lossSeries))
        if ghosts.count > History.ghostLimit { ghosts.removeFirst() }
        freeSlots.append(contentsOf: slotOfKept[keep...])
        keptEpochs.removeSubrange(keep...)
        slotOfKept.removeSubrange(keep...)
    }

    /// Copies kept epoch `epoch` into `network` and `training` (of the recorded shape), in place.
    func restore(_ epoch: Int, into network: inout Network, _ training: inout Training) -> Bool {
        guard let i = index(of: epoch) else { return false }
        let slot = slotOfKept[i], p = parameterCount, base = 4 * p * slot
        precondition(network.layout.parameterCount == p && training.layout == network.layout, "another shape")
        values.withUnsafeBufferPointer { values in
            let from = values.baseAddress! + base
            network.parameters.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: from, count: p) }
            training.gradientSums.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: from + p, count: p) }
            training.firstMoments.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: from + 2 * p, count: p) }
            training.secondMoments.withUnsafeMutableBufferPointer { $0.baseAddress!.update(from: from + 3 * p, count: p) }
        }
        for k in 0..<weightCount { training.deadLinks[k] = flags[weightCount * slot + k] }
        training.accumulatedExamples = counts[3 * slot]
        training.updateCount = counts[3 * slot + 1]
        return true
    }

    // MARK: Storage

    private mutating func write(_ slot: Int, _ network: Network, _ training: Training) {
        let p = parameterCount, base = 4 * p * slot
        values.withUnsafeMutableBufferPointer { values in
            let to = values.baseAddress! + base
            network.parameters.withUnsafeBufferPointer { to.update(from: $0.baseAddress!, count: p) }
            training.gradientSums.withUnsafeBufferPointer { (to + p).update(from: $0.baseAddress!, count: p) }
            training.firstMoments.withUnsafeBufferPointer { (to + 2 * p).update(from: $0.baseAddress!, count: p) }
            training.secondMoments.withUnsafeBufferPointer { (to + 3 * p).update(from: $0.baseAddress!, count: p) }
        }
        let w = weightCount
        if w > 0 {
            flags.withUnsafeMutableBufferPointer { flags in
                training.deadLinks.withUnsafeBufferPointer { (flags.baseAddress! + w * slot).update(from: $0.baseAddress!, count: w) }
            }
        }
        counts[3 * slot] = training.accumulatedExamples
        counts[3 * slot + 1] = training.updateCount
        counts[3 * slot + 2] = 0  // new parameters: losses not measured
    }

    /// Adds a chunk of free slots (an eighth of the pool, at least 64) and returns one of them.
    private mutating func grow() -> Int {
        let old = slotCount, added = max(64, old / 8), total = old + added
        values.reserveCapacity(4 * parameterCount * total)
        flags.reserveCapacity(weightCount * total)
        counts.reserveCapacity(3 * total)
        losses.reserveCapacity(2 * total)
        keptEpochs.reserveCapacity(total)
        slotOfKept.reserveCapacity(total)
        freeSlots.reserveCapacity(total)
        values.append(contentsOf: repeatElement(0, count: 4 * parameterCount * added))
        flags.append(contentsOf: repeatElement(0, count: weightCount * added))
        counts.append(contentsOf: repeatElement(0, count: 3 * added))
        losses.append(contentsOf: repeatElement(0, count: 2 * added))
        freeSlots.append(contentsOf: (old + 1..<total).reversed())
        return old
    }

    /// Drops the epochs that crossed into a new level while `now` went from `previous` to `now`
    /// and are not multiples of that level's spacing.
    private mutating func thin(from previous: Int, to now: Int) {
        guard let start else { return }
        var j = 1
        while j < Int.bitWidth - 2 {
            let age = History.recent << (j - 1)
            let (newest, overflow) = now.subtractingReportingOverflow(age)
            if overflow || newest <= start { break }
            // Epochs whose age reached `age` in this step: (previous - age, now - age].
            var i = firstIndex(atLeast: max(start + 1, previous - age + 1))
            while i < keptEpochs.count, keptEpochs[i] <= newest {
                if keptEpochs[i] % (1 << j) != 0 {
                    freeSlots.append(slotOfKept[i])
                    keptEpochs.remove(at: i)
                    slotOfKept.remove(at: i)
                } else {
                    i += 1
                }
            }
            j += 1
        }
    }

    private func firstIndex(atLeast epoch: Int) -> Int {
        var low = 0, high = keptEpochs.count
        while low < high {
            let middle = (low + high) / 2
            if keptEpochs[middle] < epoch { low = middle + 1 } else { high = middle }
        }
        return low
    }

    private func index(of epoch: Int) -> Int? {
        let i = firstIndex(atLeast: epoch)
        return i < keptEpochs.count && keptEpochs[i] == epoch ? i : nil
    }
}
