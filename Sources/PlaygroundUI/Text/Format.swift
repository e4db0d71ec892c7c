// Every number the screen writes: the one formatter (decimals, thousands, scientific, labels).
import PlaygroundCore

/// Number formatting without Foundation. Every form of a number on screen is here, and the
/// scientific forms share one way to find the exponent (`decade`).
enum Format {
    /// `value` with `places` decimals, rounded half away from zero ("0.123", "12.500");
    /// "NaN", "inf" and "-inf" for non-finite values; from 1e6 on, three significant digits
    /// in scientific form ("1.23e165": a diverging loss).
    static func decimal(_ value: Double, places: Int) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if abs(value) >= 1e6 { return scientific(value, places: 2) }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = Int((abs(value) * scale).rounded())
        let whole = scaled / Int(scale), fraction = scaled % Int(scale)
        var digits = String(fraction)
        digits = String(repeating: "0", count: max(0, places - digits.count)) + digits
        let sign = value < 0 && scaled != 0 ? "-" : ""
        return sign + String(whole) + (places > 0 ? "." + digits : "")
    }

    /// Thousands separated by commas: 1234567 → "1,234,567".
    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var result = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { result.append(",") }
            result.append(character)
        }
        return (value < 0 ? "-" : "") + result
    }

    /// Short scientific form with two significant digits: 3.2e-5, 1.0e0, 0 for zero; "NaN",
    /// "inf". The mantissa is rounded to one decimal (9.96e-5 becomes 1.0e-4).
    static func scientific(_ value: Double) -> String {
        if value == 0 { return "0" }
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        return scientific(value, places: 1)
    }

    /// A loss in at most about six characters: "0.693", "12.3", "1234", "2.3e-3", "1e-4".
    static func lossLabel(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 1e6 || !value.isFinite { return decimal(value, places: 3) }
        if magnitude >= 100 { return decimal(value, places: 0) }
        if magnitude >= 10 { return decimal(value, places: 1) }
        if magnitude >= 0.01 || magnitude == 0 { return decimal(value, places: 3) }
        let (mantissa, exponent) = decade(magnitude, places: 1)
        let digits = decimal(mantissa, places: 1)
        let shortDigits = digits.hasSuffix(".0") ? String(digits.dropLast(2)) : digits
        return (value < 0 ? "-" : "") + shortDigits + "e" + String(exponent)
    }

    /// A plot label: two decimals at most, trailing zeros dropped ("5", "-1", "0.25", "-0.05").
    static func shortNumber(_ value: Double) -> String {
        var text = decimal(value, places: 2)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    /// "12%", right-aligned in four columns; "<1%" for a small nonzero fraction.
    static func percent(_ fraction: Double) -> String {
        let rounded = Int((fraction * 100).rounded())
        let text = fraction > 0 && rounded == 0 ? "<1%" : "\(rounded)%"
        return String(repeating: " ", count: max(0, 4 - text.count)) + text
    }

    /// A finite nonzero `value` in scientific form with `places` decimals: "1.23e165".
    private static func scientific(_ value: Double, places: Int) -> String {
        let (mantissa, exponent) = decade(value, places: places)
        return decimal(mantissa, places: places) + "e" + String(exponent)
    }

    /// `value` as mantissa × 10^exponent with 1 ≤ |mantissa| < 10 once the mantissa is rounded
    /// to `places` decimals: the exponent from the logarithm, corrected where it comes out a hair
    /// low (at exact powers of ten) or where the rounding would write "10.0".
    static func decade(_ value: Double, places: Int) -> (mantissa: Double, exponent: Int) {
        var exponent = Int((Math.log(abs(value)) / Math.log(10)).rounded(.down))
        var mantissa = value / Double("1e\(exponent)")!
        var unit = 1.0  // the last place kept: 0.1 for one decimal
        for _ in 0..<places { unit /= 10 }
        if abs(mantissa) < 1 { mantissa *= 10; exponent -= 1 }
        if abs(mantissa) >= 10 - unit / 2 { mantissa /= 10; exponent += 1 }  // 9.96 would write "10.0"
        return (mantissa, exponent)
    }
}
