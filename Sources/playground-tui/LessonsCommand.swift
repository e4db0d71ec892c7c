import ArgumentParser
import PlaygroundCore

/// `playground-tui lessons`: the interactive app, opened on the lessons (Esc goes to the playground).
struct LessonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "Open the app on the lessons: the chain rule step by step, then gradient descent and its variations."
    )

    @Option(help: ArgumentHelp("The playground's state behind the lessons (a link, a #hash or pairs).", valueName: "state"), completion: StateCompletion.kind)
    var state: String?

    @Flag(help: "Draw in ASCII whatever the locale (without it: UTF-8 unless a locale that is not UTF-8 is set).")
    var ascii = false

    mutating func run() throws {
        try Interactive.run(playground: Playground(state: try StateOption.parse(state)), losses: [], ascii: ascii,
                            startInLessons: true)
    }
}
