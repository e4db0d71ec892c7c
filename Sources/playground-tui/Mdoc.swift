/// An mdoc document being written: macro lines and text lines, with roff's special characters
/// escaped so that no help text can be read as a request.
struct Mdoc {
    private(set) var text = ""

    /// `.Name arg arg`: each argument quoted (a quoted argument is never read as a macro name),
    /// unless `quoted` is false for arguments that are macro syntax themselves.
    mutating func macro(_ name: String, _ arguments: String..., quoted: Bool = true) {
        let written = arguments.enumerated().map { index, argument in
            // The first argument of `It` may be a macro (Sy, Cm, Fl) that takes the rest.
            quoted && !(name == "It" && index == 0 && arguments.count > 1) ? Self.quote(argument) : Self.escape(argument)
        }
        text += "." + ([name] + written).joined(separator: " ") + "\n"
    }

    mutating func section(_ title: String) { macro("Sh", title, quoted: false) }

    /// A text line (or several, one per line of `line`).
    mutating func text(_ line: String) {
        for part in line.split(separator: "\n", omittingEmptySubsequences: false) {
            let escaped = Self.escape(String(part))
            // A line starting with . or ' would be a request; \& is a zero-width guard.
            text += (escaped.first == "." || escaped.first == "'" ? "\\&" : "") + escaped + "\n"
        }
    }

    /// Each non-empty text as its own paragraph.
    mutating func paragraphs(_ texts: [String?]) {
        for (index, paragraph) in texts.compactMap({ $0 }).filter({ !$0.isEmpty }).enumerated() {
            if index > 0 { macro("Pp") }
            text(paragraph)
        }
    }

    /// `playground-tui train [--epochs <n>] ...` for the SYNOPSIS.
    mutating func synopsis(_ tool: String, subcommand: String?, _ arguments: [HelpModel.Argument]) {
        macro("Nm", tool)
        if let subcommand { macro("Cm", subcommand) }
        for argument in arguments {
            let usage = Self.usage(argument, allNames: false)
            text += (argument.isOptional ? ".Op " : ".") + usage + "\n"
        }
    }

    /// The options of one command as a tagged list, each with its help, values and default.
    mutating func options(_ arguments: [HelpModel.Argument]) {
        guard !arguments.isEmpty else { return }
        macro("Bl", "-tag -width Ds", quoted: false)
        for argument in arguments {
            text += ".It " + Self.usage(argument, allNames: true) + "\n"
            var lines: [String] = []
            if let abstract = argument.abstract, !abstract.isEmpty { lines.append(abstract) }
            if let discussion = argument.discussion, !discussion.isEmpty { lines.append(discussion) }
            var facts: [String] = []
            if let values = argument.allValues, !values.isEmpty { facts.append("values: " + values.joined(separator: ", ")) }
            if let value = argument.defaultValue, argument.kind != .flag { facts.append("default: " + value) }
            if !facts.isEmpty { lines.append("(" + facts.joined(separator: "; ") + ")") }
            text(lines.joined(separator: " "))
        }
        macro("El")
    }

    /// `Fl -epochs Ar n`, `Fl h , Fl -help`, `Ar expression ...`: macro syntax for one argument.
    static func usage(_ argument: HelpModel.Argument, allNames: Bool) -> String {
        let value = quote(argument.valueName ?? "value")
        var parts: [String]
        switch argument.kind {
        case .positional:
            parts = ["Ar", value]
        case .option, .flag:
            let names = argument.names ?? []
            let shown = allNames ? names : Array(names.suffix(1))
            parts = shown.enumerated().flatMap { index, name in
                (index > 0 ? [","] : []) + ["Fl", quote(String(name.spelled.dropFirst()))]
            }
            if argument.kind == .option { parts += ["Ar", value] }
        }
        if argument.isRepeating { parts.append("...") }
        return parts.joined(separator: " ")
    }

    /// A macro argument in double quotes (a quote inside is doubled, as mdoc reads it).
    static func quote(_ argument: String) -> String {
        "\"" + escape(argument).replacing("\"", with: "\"\"") + "\""
    }

    /// Backslashes as `\e`, and every character outside ASCII as `\[uXXXX]`, which both mandoc and
    /// groff read whatever the page's encoding.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for scalar in text.unicodeScalars {
            if scalar == "\\" {
                escaped += "\\e"
            } else if scalar.isASCII {
                escaped.unicodeScalars.append(scalar)
            } else {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                escaped += "\\[u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "]"
            }
        }
        return escaped
    }
}
