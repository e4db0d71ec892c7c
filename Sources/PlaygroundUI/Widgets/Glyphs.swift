// The characters the widgets draw with, Unicode or ASCII.
/// The characters the widgets draw with: Unicode where the locale shows it, ASCII otherwise.
struct Glyphs: Sendable {
    let horizontal: Unicode.Scalar
    let vertical: Unicode.Scalar
    let topLeft: Unicode.Scalar
    let topRight: Unicode.Scalar
    let bottomLeft: Unicode.Scalar
    let bottomRight: Unicode.Scalar
    /// The half-block pixel pair: upper pixel foreground, lower pixel background.
    let upperHalf: Unicode.Scalar
    /// Marks the selected hidden layer.
    let selected: Unicode.Scalar
    /// A point where there is no colour: training and test, positive and negative label.
    let trainingPositive: Unicode.Scalar
    let trainingNegative: Unicode.Scalar
    let testPositive: Unicode.Scalar
    let testNegative: Unicode.Scalar
    /// "×" in sizes like 80×24.
    let times: String
    let ellipsis: String

    static let unicode = Glyphs(
        horizontal: "─", vertical: "│", topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘",
        upperHalf: "▀", selected: "▸",
        trainingPositive: "o", trainingNegative: "x", testPositive: "O", testNegative: "X",
        times: "×", ellipsis: "…")

    static let ascii = Glyphs(
        horizontal: "-", vertical: "|", topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+",
        upperHalf: "#", selected: ">",
        trainingPositive: "o", trainingNegative: "x", testPositive: "O", testNegative: "X",
        times: "x", ellipsis: "~")

    static func forTerminal(unicode: Bool) -> Glyphs { unicode ? .unicode : .ascii }
}
