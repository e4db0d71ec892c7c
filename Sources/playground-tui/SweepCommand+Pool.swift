import Dispatch
import PlaygroundCore

/// The sweep's workers: runs go to a pool of `jobs` child tasks (structured concurrency: one task
/// group, each child trains one run on its own playground and returns its outcome; nothing
/// mutable is shared). The calling task takes the outcomes as they finish and hands them on in
/// that order; `SweepRunner` puts them back in run order.
enum SweepPool {
    /// Trains `runs` with at most `jobs` at a time; `finished` is called in the calling task, once
    /// per run, in the order the runs finish. A throw from `finished` ends the sweep (the runs in
    /// flight finish first; nothing more starts).
    static func train(_ runs: [SweepPlan.Run], jobs: Int, stop: StopCondition,
                      finished: (SweepPlan.Run, RunOutcome) throws -> Void) async throws {
        precondition(jobs >= 1, "a pool of no workers")
        try await withThrowingTaskGroup(of: (position: Int, outcome: RunOutcome).self) { group in
            var next = 0
            func startNext() {
                let position = next, state = runs[position].state
                group.addTask {
                    var playground = Playground(state: state)
                    return (position, playground.train(until: stop))
                }
                next += 1
            }
            while next < min(jobs, runs.count) { startNext() }
            while let (position, outcome) = try await group.next() {
                try finished(runs[position], outcome)
                if next < runs.count { startNext() }
            }
        }
    }

    /// Runs `work` on the concurrency runtime's threads and waits here for its result: the
    /// commands are synchronous (`Entry` calls `run()`), the pool is not.
    static func wait<T: Sendable>(for work: @escaping @Sendable () async throws -> T) throws -> T {
        let outcome = WaitedResult<T>(), done = DispatchSemaphore(value: 0)
        Task {
            do { outcome.result = .success(try await work()) } catch { outcome.result = .failure(error) }
            done.signal()
        }
        done.wait()
        return try outcome.result!.get()
    }
}

/// The result of `SweepPool.wait`'s work: written once by the task before it signals, read after
/// the wait, so the semaphore orders the two.
private final class WaitedResult<T: Sendable>: @unchecked Sendable {
    var result: Result<T, any Error>?
}
