// The one line editor: typing, deleting, committing and cancelling a line, whichever mode types.
import PlaygroundCore

/// A key on a line being typed: the same four for every line the app has (a weight or bias,
/// a file name, a lesson's value or expression).
public enum LineEdit: Equatable, Sendable {
    /// A character typed (refused when the line does not take it).
    case type(Character)
    /// Backspace: the last character goes.
    case deleteBackward
    /// Enter: the line is used.
    case commit
    /// Esc: the line closes, changing nothing.
    case cancel
}

/// Editing the text of a line: what every line shares.
enum LineEditor {
    /// Applies a typing edit to `text`; false when nothing changed (a refused character, or
    /// Backspace on an empty line). Commit and cancel belong to the line's owner: unchanged.
    @discardableResult
    static func apply(_ edit: LineEdit, to text: inout String, accepts: (Character) -> Bool) -> Bool {
        switch edit {
        case .type(let character):
            guard accepts(character) else { return false }
            text.append(character)
            return true
        case .deleteBackward:
            guard !text.isEmpty else { return false }
            text.removeLast()
            return true
        case .commit, .cancel:
            return false
        }
    }
}

extension AppState {
    /// A line edit, for the line on screen: the lessons' entry, the file name, or the weight or
    /// bias being typed (the top mode's; none: nothing happens).
    mutating func editLine(_ edit: LineEdit) -> Effect {
        switch mode {
        case .lessons(let lessons, _) where lessons.entry != nil:
            status = nil
            switch edit {
            case .type(let character): applyLesson(.type(character))
            case .deleteBackward: applyLesson(.deleteCharacter)
            case .commit: applyLesson(.commit)
            case .cancel: applyLesson(.cancel)
            }
            return .redraw
        case .pathEntry(var entry, _):
            switch edit {
            case .commit: return commitPath()
            case .cancel:
                pathEntry = nil
                status = nil
            case .type, .deleteBackward:
                guard LineEditor.apply(edit, to: &entry.text, accepts: PathEntry.accepts) else { return [] }
                pathEntry = entry
            }
            return .redraw
        case .field(let field) where field.entry != nil:
            switch edit {
            case .commit: commitEntry()
            case .cancel: cancelEntry()
            case .type, .deleteBackward:
                // A refused character changes nothing; Backspace clears the refusal even on an empty line.
                guard var entry = field.entry, LineEditor.apply(edit, to: &entry.text, accepts: Entry.accepts)
                        || edit == .deleteBackward else { return [] }
                entry.error = nil
                self.entry = entry
            }
            return .redraw
        default:
            return []
        }
    }
}
