import Foundation

/// Turns a tick value into its label. Injectable: a chart spec may carry its own formatter
/// (for example the Quantities formatter), and the scales provide defaults.
///
/// An empty label means "draw the tick, but no text" (log scales thin their labels this way).
public struct TickFormatter: Sendable {
    private let body: @Sendable (Double) -> String

    /// A formatter that calls `body` for each value.
    public init(_ body: @escaping @Sendable (Double) -> String) {
        self.body = body
    }

    public func callAsFunction(_ value: Double) -> String {
        value.isFinite ? body(value) : ""
    }

    /// Fixed decimals with thousands grouping: "2,000", "1.5", "−0.25".
    public static func fixed(decimals: Int, grouping: Bool = true) -> TickFormatter {
        TickFormatter { value in
            let text = NumberText.fixed(value, decimals: decimals)
            return NumberText.typographicMinus(grouping ? NumberText.grouped(text) : text)
        }
    }

    /// Fixed decimals chosen for ticks spaced `step` apart (d3-format `precisionFixed`).
    public static func fixed(step: Double) -> TickFormatter {
        fixed(decimals: Ticks.decimals(forStep: step))
    }

    /// Fixed decimals for the ticks' spacing, grouped in thousands only when some tick reaches
    /// 10,000 (so years stay "2019" and "5000" reads as in running text).
    public static func plain(ticks: [Double]) -> TickFormatter {
        let largest = ticks.map(abs).max() ?? 0
        return fixed(decimals: Ticks.decimals(forStep: tickSpacing(ticks)), grouping: largest >= 10_000)
    }

    /// English short-scale suffixes K, M, B, T, one unit for the whole axis (chosen by the
    /// largest tick): "0", "500K", "1M", "1.5M". Beyond 10¹⁵ values switch to powers of ten.
    ///
    /// - Parameters:
    ///   - ticks: The tick values the formatter will be used for.
    public static func compact(ticks: [Double]) -> TickFormatter {
        let largest = ticks.map(abs).max() ?? 0
        let step = tickSpacing(ticks)
        let units: [(Double, String)] = [(1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")]
        guard largest < 1e15 else { return scientific(ticks: ticks) }
        guard let (unit, suffix) = units.first(where: { largest >= $0.0 }) else {
            return fixed(step: step)
        }
        let decimals = Ticks.decimals(forStep: step / unit)
        return TickFormatter { value in
            if value == 0 { return "0" }
            let text = NumberText.trimmingZeros(NumberText.fixed(value / unit, decimals: decimals))
            return NumberText.typographicMinus(text) + suffix
        }
    }

    /// Powers of ten with superscript exponents: 10²¹, and 2×10²¹ for other mantissas.
    public static func scientific(ticks: [Double] = []) -> TickFormatter {
        TickFormatter { value in
            if value == 0 { return "0" }
            let sign = value < 0 ? NumberText.minus : ""
            let magnitude = abs(value)
            var exponent = Int(log10(magnitude).rounded(.down))
            var mantissa = magnitude / pow(10, Double(exponent))
            // Guard against 9.999… from rounding in log10.
            if (mantissa * 1e9).rounded() / 1e9 >= 10 { exponent += 1; mantissa /= 10 }
            let mantissaText = NumberText.trimmingZeros(NumberText.fixed(mantissa, decimals: 2))
            let power = "10" + NumberText.superscript(exponent)
            return sign + (mantissaText == "1" ? power : mantissaText + "×" + power)
        }
    }

    /// Percentages of 1: 0.25 → "25%", with decimals chosen for ticks spaced `step` apart.
    public static func percent(step: Double) -> TickFormatter {
        let decimals = Ticks.decimals(forStep: step * 100)
        return TickFormatter { value in
            NumberText.typographicMinus(NumberText.fixed(value * 100, decimals: decimals)) + "%"
        }
    }

    /// Chinese myriad units, chosen per value: 萬 (10⁴), 億 (10⁸), 兆 (10¹²): "5萬", "1億",
    /// "1.5億", "5000萬". Values below 10⁴ are written as plain numbers.
    ///
    /// Reckon's Quantities module owns the full Chinese number style; this default exists so
    /// that Charts works on its own and can be swapped through `ChartOptions.formats`.
    ///
    /// - Parameters:
    ///   - ticks: The tick values the formatter will be used for (sets the decimals).
    ///   - simplified: 万/亿 instead of the traditional 萬/億.
    public static func chinese(ticks: [Double], simplified: Bool = false) -> TickFormatter {
        let step = tickSpacing(ticks)
        let units: [(Double, String)] = simplified
            ? [(1e12, "兆"), (1e8, "亿"), (1e4, "万")]
            : [(1e12, "兆"), (1e8, "億"), (1e4, "萬")]
        return TickFormatter { value in
            if value == 0 { return "0" }
            let magnitude = abs(value)
            let sign = value < 0 ? NumberText.minus : ""
            guard let (unit, suffix) = units.first(where: { magnitude >= $0.0 }) else {
                let text = NumberText.fixed(magnitude, decimals: Ticks.decimals(forStep: step))
                return sign + NumberText.trimmingZeros(text)
            }
            // Enough decimals to tell neighbouring ticks apart, at most 4.
            let decimals = min(4, Ticks.decimals(forStep: step > 0 ? step / unit : 1))
            let text = NumberText.trimmingZeros(NumberText.fixed(magnitude / unit, decimals: decimals))
            return sign + text + suffix
        }
    }

    /// The smallest positive gap between consecutive ticks (1 when there is none).
    static func tickSpacing(_ ticks: [Double]) -> Double {
        var gap = Double.infinity
        for (a, b) in zip(ticks, ticks.dropFirst()) where a != b { gap = min(gap, abs(b - a)) }
        if gap.isFinite { return gap }
        if let only = ticks.first, only != 0 {
            return pow(10, (log10(abs(only))).rounded(.down))
        }
        return 1
    }
}

/// Makes a tick formatter for a set of ticks; the `format:` names of a chart spec map to these.
public typealias TickFormatterFactory = @Sendable (_ ticks: [Double]) -> TickFormatter
