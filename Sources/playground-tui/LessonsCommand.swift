import ArgumentParser
import PlaygroundCore

/// `playground-tui lessons`: the interactive app, opened on the lessons (Esc goes to the playground).
struct LessonsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lessons",
        abstract: "Open the app on the lessons: the chain rule step by step, then gradient descent and its variations."
    )

    enum Purpose: StatePurpose {
        static let help = "The playground's state behind the lessons (a link, a #hash or pairs)."
    }

    @OptionGroup var state: StateOptions<Purpose>

    @OptionGroup var drawing: DrawingOptions

    mutating func run() throws {
        try Interactive.run(playground: Playground(state: try state.parsed()), losses: [], ascii: drawing.ascii,
                            startInLessons: true)
    }
}
