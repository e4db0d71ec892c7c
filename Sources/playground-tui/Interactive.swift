import PlaygroundCore

/// The interactive playground (the next issue builds it).
enum Interactive {
    static func run(state: PlaygroundState) throws {
        print(PlaygroundCommand.helpMessage())
    }
}
