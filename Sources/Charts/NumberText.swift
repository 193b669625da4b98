import Foundation
import Quantities  // CFormat: printf in the C locale without Foundation's String(format:)

/// Deterministic number-to-text conversions shared by tick formatters and the SVG writer.
/// None of them consults a locale: the output is the same on every machine.
enum NumberText {
    /// The minus sign used in labels (U+2212), as d3-format and Observable Plot write it.
    static let minus = "\u{2212}"

    /// `value` with exactly `decimals` digits after the point (ASCII digits, no grouping,
    /// "-" for negatives), never "-0".
    static func fixed(_ value: Double, decimals: Int) -> String {
        precondition(value.isFinite, "non-finite number in chart output")
        var text = CFormat.string("%.\(max(0, min(decimals, 20)))f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            text.removeFirst()
        }
        return text
    }

    /// Inserts `,` between groups of three digits in the integer part of an ASCII number.
    static func grouped(_ text: String) -> String {
        var sign = ""
        var body = Substring(text)
        if body.hasPrefix("-") { sign = "-"; body = body.dropFirst() }
        let point = body.firstIndex(of: ".") ?? body.endIndex
        let integer = Array(body[..<point])
        var out = ""
        for (i, digit) in integer.enumerated() {
            if i > 0 && (integer.count - i) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return sign + out + body[point...]
    }

    /// Removes trailing zeros after the point, and the point itself when nothing follows it.
    static func trimmingZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var text = text
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }

    /// Replaces an ASCII leading "-" by the typographic minus.
    static func typographicMinus(_ text: String) -> String {
        text.hasPrefix("-") ? minus + text.dropFirst() : text
    }

    /// A coordinate for SVG: rounded to at most 2 decimals, trailing zeros dropped, never "-0",
    /// "NaN" or "Infinity" (a non-finite coordinate is a programming error and traps).
    static func coordinate(_ value: Double) -> String {
        precondition(value.isFinite, "non-finite coordinate in chart output")
        let hundredths = (value * 100).rounded()
        if hundredths == 0 { return "0" }
        // Integer arithmetic on hundredths: `String(format:)` through Foundation was a third of
        // the instructions of a page with a chart.
        if abs(hundredths) < 9e17 {
            let scaled = Int64(hundredths)
            let whole = abs(scaled) / 100, fraction = abs(scaled) % 100
            var text = scaled < 0 ? "-" : ""
            text += String(whole)
            if fraction != 0 {
                text += fraction % 10 == 0 ? "." + String(fraction / 10) : (fraction < 10 ? ".0" : ".") + String(fraction)
            }
            return text
        }
        let rounded = hundredths / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 {
            return String(Int64(rounded))
        }
        return trimmingZeros(fixed(rounded, decimals: 2))
    }

    /// Superscript digits and minus for exponents (10²¹, 10⁻³).
    static func superscript(_ exponent: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        var out = exponent < 0 ? "⁻" : ""
        for character in String(abs(exponent)) {
            out.append(digits[Int(String(character))!])
        }
        return out
    }

    /// The shortest decimal text (up to 15 significant digits) that reads back as `value`
    /// when rounded to that precision: 0.1 → "0.1", 1e21 → "1000000000000000000000".
    static func shortest(_ value: Double, maxDecimals: Int = 12) -> String {
        precondition(value.isFinite, "non-finite number in chart output")
        for decimals in 0...maxDecimals {
            let text = fixed(value, decimals: decimals)
            if let back = Double(text), abs(back - value) <= abs(value) * 1e-12 { return text }
        }
        return trimmingZeros(fixed(value, decimals: maxDecimals))
    }
}
