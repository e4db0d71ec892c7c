/// Numbers as JavaScript's `String(number)` writes them: the shortest digits that round-trip,
/// plain notation from 1e-6 up to 1e21, exponent notation outside (`1e-7`, `1.5e+21`).
/// State strings use it so a link reads as TF writes it (`learningRate=0.00001`, `noise=0`),
/// and the command line uses it for losses.
public enum NumberFormat {
    public static func javaScript(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return "0" }
        let sign = value < 0 ? "-" : ""
        // Swift's description is also shortest round-trip; only the layout differs.
        let text = String(describing: value.magnitude)
        var mantissa = Substring(text), exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...])!
        }
        var digits = "", pointPosition = 0
        if let dot = mantissa.firstIndex(of: ".") {
            digits = String(mantissa[..<dot]) + String(mantissa[mantissa.index(after: dot)...])
            pointPosition = mantissa.distance(from: mantissa.startIndex, to: dot)
        } else {
            digits = String(mantissa)
            pointPosition = digits.count
        }
        // Normalise to 0.DIGITS × 10^n with no leading or trailing zeros in DIGITS.
        let leading = digits.prefix { $0 == "0" }.count
        digits.removeFirst(leading)
        pointPosition -= leading
        while digits.hasSuffix("0") { digits.removeLast() }
        let n = pointPosition + exponent, k = digits.count
        if k <= n && n <= 21 {
            return sign + digits + String(repeating: "0", count: n - k)
        }
        if 0 < n && n <= 21 {
            let split = digits.index(digits.startIndex, offsetBy: n)
            return sign + digits[..<split] + "." + digits[split...]
        }
        if -6 < n && n <= 0 {
            return sign + "0." + String(repeating: "0", count: -n) + digits
        }
        let e = n - 1
        let head = digits.prefix(1), tail = digits.dropFirst()
        return sign + head + (tail.isEmpty ? "" : "." + tail) + "e" + (e >= 0 ? "+" : "-") + String(abs(e))
    }
}
