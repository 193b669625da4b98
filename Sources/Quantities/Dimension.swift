/// A physical (or economic) dimension: integer exponents over the base dimensions.
///
/// The base dimensions are `FLOP` (floating-point operations), `s` (time), `J` (energy),
/// `param` (model parameters), `token` (training tokens), `chip` (accelerators), `byte`, and one
/// dimension per currency code (`USD`, `CNY`, `EUR`…). Currencies are never converted into each
/// other implicitly: `USD + CNY` is an error like `USD + FLOP`.
///
/// `FLOP/s/chip` is `FLOP¹·s⁻¹·chip⁻¹`, so chip-hours × peak throughput is FLOP and
/// `FLOP / (FLOP/s)` is `s` (DESIGN.md §4). Exponents of zero are never stored, so two
/// dimensions are equal exactly when they have the same non-zero exponents.
public struct Dimension: Hashable, Sendable, CustomStringConvertible {
    /// Base symbol → exponent; never holds a zero exponent.
    public let exponents: [String: Int]

    /// A dimension from base symbols and exponents (zero exponents are dropped).
    public init(_ exponents: [String: Int] = [:]) {
        self.exponents = exponents.filter { $0.value != 0 }
    }

    /// The non-currency base dimensions, in display order.
    public static let baseSymbols = ["FLOP", "J", "byte", "param", "token", "chip", "s"]

    /// Dimensionless: plain numbers, ratios, utilization, percentages.
    public static let dimensionless = Dimension()
    /// Floating-point operations (a count of work, not a rate).
    public static let flop = Dimension(["FLOP": 1])
    /// Time; the base unit is the second.
    public static let time = Dimension(["s": 1])
    /// Energy; the base unit is the joule.
    public static let energy = Dimension(["J": 1])
    /// Model parameters (weights).
    public static let parameter = Dimension(["param": 1])
    /// Tokens (of training data).
    public static let token = Dimension(["token": 1])
    /// Accelerator chips (GPUs, TPUs).
    public static let chip = Dimension(["chip": 1])
    /// Bytes of memory or storage.
    public static let byte = Dimension(["byte": 1])

    /// The dimension of one currency, by its ISO 4217 code (`USD`).
    public static func currency(_ code: String) -> Dimension { Dimension([code: 1]) }

    /// True for plain numbers.
    public var isDimensionless: Bool { exponents.isEmpty }

    /// The currency code when exactly one currency appears, with exponent 1 (`USD` for
    /// `USD/(chip·h)`); nil otherwise.
    public var currency: String? {
        let codes = exponents.filter { !Dimension.baseSymbols.contains($0.key) }
        guard codes.count == 1, let (code, exponent) = codes.first, exponent == 1 else { return nil }
        return code
    }

    public static func * (a: Dimension, b: Dimension) -> Dimension {
        Dimension(a.exponents.merging(b.exponents, uniquingKeysWith: +))
    }

    public static func / (a: Dimension, b: Dimension) -> Dimension {
        a * b.raised(to: -1)
    }

    /// Every exponent multiplied by `power`.
    public func raised(to power: Int) -> Dimension {
        Dimension(exponents.mapValues { $0 * power })
    }

    /// The symbols in display order: currencies (sorted) first, then `baseSymbols` order.
    var orderedSymbols: [String] {
        let currencies = exponents.keys.filter { !Dimension.baseSymbols.contains($0) }.sorted()
        return currencies + Dimension.baseSymbols.filter { exponents[$0] != nil }
    }

    /// The dimension written in base units: `FLOP/(chip·s)`, `USD`, `s²`, `1/s`, or `1`.
    public var description: String {
        let numerator = orderedSymbols.filter { exponents[$0]! > 0 }.map { ($0, exponents[$0]!) }
        let denominator = orderedSymbols.filter { exponents[$0]! < 0 }.map { ($0, -exponents[$0]!) }
        return Dimension.compose(numerator: numerator, denominator: denominator)
    }

    /// Writes `a·b²/(c·d)` from symbols and positive exponents.
    static func compose(numerator: [(String, Int)], denominator: [(String, Int)]) -> String {
        func product(_ parts: [(String, Int)]) -> String {
            parts.map { $0.1 == 1 ? $0.0 : $0.0 + superscript($0.1) }.joined(separator: "·")
        }
        let top = numerator.isEmpty ? "1" : product(numerator)
        switch denominator.count {
        case 0: return top
        case 1: return top + "/" + product(denominator)
        default: return top + "/(" + product(denominator) + ")"
        }
    }
}

/// `n` in Unicode superscript digits, with `⁻` for a negative sign: `²⁴`, `⁻³`.
func superscript(_ n: Int) -> String {
    let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
    let body = String(String(abs(n)).map { digits[Int(String($0))!] })
    return n < 0 ? "⁻" + body : body
}
