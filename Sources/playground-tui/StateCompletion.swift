import ArgumentParser
import PlaygroundCore

/// Tab completion after `--state`: the state-key table's names as `key=`, so that a shell offers
/// `activation=`, `batchSize=`, ... and, after `dataset=spiral&`, the next key.
enum StateCompletion {
    /// For every `--state` option. The shell script calls the binary back
    /// (`playground-tui ---completion ...`), which answers with `candidates(for:)`.
    static let kind = CompletionKind.custom { _, _, prefix in candidates(for: prefix) }

    /// Every key name, with `=`, after the part of `word` up to its last `&`, that starts with `word`.
    static func candidates(for word: String) -> [String] {
        let done = word.lastIndex(of: "&").map { String(word[...$0]) } ?? ""
        return StateKey.every.map { done + $0.name + "=" }.filter { $0.hasPrefix(word) }
    }
}
