import CBuildInfo

/// What `--version` prints: the version (also read by the Makefile for the tarball's name) and
/// the commit the binary was built from (see Sources/CBuildInfo).
enum BuildInfo {
    static let version = "0.1.0"

    static let commit = String(cString: playground_tui_commit())

    /// YYYY-MM-DD, or "" when the build did not go through make.
    static let commitDate = String(cString: playground_tui_commit_date())

    /// `playground-tui 0.1.0 (commit 3d3a90e1c2ab)`.
    static var versionLine: String {
        let built = commit == "unknown commit" ? commit : "commit " + commit
        return "playground-tui \(version) (\(built))"
    }
}
