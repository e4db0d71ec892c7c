import Foundation
import XCTest

/// A slow terminal (issue 15, item 6): the app runs behind a small pseudo-terminal proxy that
/// passes keys at once but reads the app's output at 32,000 bytes a second (256 kbit/s, a slow
/// remote link) into the tmux pane. Training must keep the pace it has behind the same proxy
/// without the limit (a ratio measured in the same run), and a key must still show on screen
/// within 150 ms: frames the link cannot carry are skipped, not queued.
final class ThrottledTerminalTests: EndToEndTestCase {
    /// A busy picture at 80×24: the spiral, three hidden layers, every feature.
    static let busyState = "dataset=spiral&networkShape=8,8,8&x=true&y=true&xSquared=true&ySquared=true"
        + "&xTimesY=true&sinX=true&sinY=true&seed=0.12345"
    static let bytesPerSecond = 32_000
    static let trainingSeconds = 5.0

    /// The proxy: a pseudo-terminal of the pane's size for the command; keys straight through;
    /// output read from it through a token bucket of `rate` bytes a second (0: no limit) with
    /// bursts of at most 2 KB, as a link would carry it.
    static let proxy = #"""
    import fcntl, os, select, signal, struct, sys, termios, time, tty
    rate = float(sys.argv[1])
    command = sys.argv[2:]
    size = fcntl.ioctl(0, termios.TIOCGWINSZ, b"\0" * 8)
    master, slave = os.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, size)
    pid = os.fork()
    if pid == 0:
        os.setsid()
        fcntl.ioctl(slave, termios.TIOCSCTTY, 0)
        for fd in (0, 1, 2):
            os.dup2(slave, fd)
        os.close(master)
        os.close(slave)
        os.execvp(command[0], command)
    os.close(slave)
    tty.setraw(0)
    tokens, last, burst = 0.0, time.monotonic(), 2048.0
    while True:
        now = time.monotonic()
        if rate > 0:
            tokens = min(burst, tokens + (now - last) * rate)
        last = now
        watch = [0]
        if rate == 0 or tokens >= 256:
            watch.append(master)
        ready, _, _ = select.select(watch, [], [], 0.005 if rate > 0 else None)
        if 0 in ready:
            data = os.read(0, 1024)
            if not data:
                break
            os.write(master, data)
        if master in ready:
            try:
                data = os.read(master, int(tokens) if rate > 0 else 65536)
            except OSError:
                break
            if not data:
                break
            tokens -= len(data)
            view = memoryview(data)
            while view:
                view = view[os.write(1, view):]
    _, status = os.waitpid(pid, 0)
    sys.exit(os.waitstatus_to_exitcode(status))
    """#

    struct Run {
        var epochsPerSecond: Double
        var latencies: [Double] = []
    }

    func testASlowTerminalKeepsTrainingsPaceAndShowsAKeyAtOnce() throws {
        guard let python = Shell.which("python3") else {
            return XCTFail("python3 is not installed: the throttled-terminal test runs its proxy with it")
        }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ptui-throttle-\(getpid())-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let script = directory.appendingPathComponent("proxy.py")
        try Self.proxy.write(to: script, atomically: true, encoding: .utf8)

        let free = try measure(python: python, script: script.path, rate: 0, latencyTrials: 0)
        let slow = try measure(python: python, script: script.path, rate: Self.bytesPerSecond, latencyTrials: 10)
        let ratio = slow.epochsPerSecond / free.epochsPerSecond
        let median = slow.latencies.sorted()[slow.latencies.count / 2]
        print("throttled terminal: \(Int(free.epochsPerSecond)) epochs/s unthrottled, \(Int(slow.epochsPerSecond)) throttled"
              + " (ratio \(Double(Int(ratio * 100)) / 100)); key to screen at 32 KB/s, ms: "
              + slow.latencies.map { String(Int($0 * 1000)) }.joined(separator: " "))
        XCTAssertGreaterThan(free.epochsPerSecond, 10, "training ran")
        XCTAssertGreaterThan(ratio, 0.8, "training behind a 256 kbit/s terminal keeps its pace")
        XCTAssertLessThan(median, 0.15, "a key shows within 150 ms (median of \(slow.latencies.count))")
    }

    /// Trains for `trainingSeconds` behind the proxy at `rate`, then pauses and reads the epoch
    /// (exact once paused); then trains a new network and times `latencyTrials` speed changes
    /// from the key sent to the new speed on screen.
    func measure(python: String, script: String, rate: Int, latencyTrials: Int) throws -> Run {
        let app = TmuxSession.appCommand(binary: try binary(), arguments: ["--state", Self.busyState],
                                         term: "xterm-256color", environment: [:])
        let session = try TmuxSession(tmux: try tmux(), width: 80, height: 24) { session in
            "\(Shell.quote(python)) \(Shell.quote(script)) \(rate) sh -c 'exec \"$@\" 2> \"$0\"' \(Shell.quote(session.errorFile.path)) \(app)"
                + "; echo $? > \(Shell.quote(session.statusFile.path)); exec sleep 3600"
        }
        defer { session.kill() }
        try waitForText(session, "paused", "Epoch")

        let start = Date()
        try session.send("Space")
        try waitForText(session, "playing")
        usleep(useconds_t(max(0, Self.trainingSeconds - Date().timeIntervalSince(start)) * 1e6))
        let stop = Date()
        try session.send("Space")
        let paused = try waitForScreen(session, "paused after training") { $0.contains("paused") }
        guard let epochs = paused.numbers(after: "Epoch").first, epochs > 0 else {
            XCTFail("no epoch count on the screen:\n\(paused.text)")
            return Run(epochsPerSecond: 0)
        }
        var run = Run(epochsPerSecond: epochs / stop.timeIntervalSince(start))

        guard latencyTrials > 0 else { return run }
        // A new network: its pictures change the most, so the link is at its busiest.
        try session.send("r")
        try waitForScreen(session, "epoch 0 after the reset") { $0.numbers(after: "Epoch").first == 0 }
        try session.send("Space")
        try waitForText(session, "playing")
        usleep(300_000)
        for trial in 0..<latencyTrials {
            let (key, shown) = trial % 2 == 0 ? (">", "100 epochs/s") : ("<", "60 epochs/s")
            let sent = Date()
            try session.send(key)
            // Polled without a pause: the time measured is at most one capture longer than the latency.
            while !Screen(try session.capture()).contains(shown) {
                guard Date().timeIntervalSince(sent) < 5 else {
                    XCTFail("\(shown) did not show within 5 s")
                    return run
                }
            }
            run.latencies.append(Date().timeIntervalSince(sent))
            usleep(300_000)
        }
        return run
    }
}
