/// A unit of measurement: a dimension, how many base units one of it is, and how it is written.
///
/// Quantities are stored in base units (FLOP, s, J, param, token, chip, byte, one unit of each
/// currency); a unit only says how to read and display them. `Unit.parse(_:)` reads the unit
/// expressions written in brackets (`FLOP/s/chip`, `USD/(chip·h)`); the constants below are the
/// named units it knows, each with its definition and source.
///
/// Two units are equal when symbol, dimension and factor are all equal. (`Quantity`'s Swift
/// `==` includes the unit; the formula operator `==` compares dimension and base value only,
/// so `1 [h] == 60 [min]` holds in a formula.)
public struct Unit: Hashable, Sendable, CustomStringConvertible {
    /// How the unit is written after a number: `FLOP/s/chip`, `USD/(chip·h)`, `h`, `1`.
    public let symbol: String
    /// What the unit measures.
    public let dimension: Dimension
    /// Base units in one of this unit: 3600 for `h`, 1e12 for `TFLOP/s`, 0.01 for `%`.
    public let factor: Double

    /// - Precondition: `factor` is finite and positive (a programmer's mistake otherwise).
    public init(symbol: String, dimension: Dimension, factor: Double = 1) {
        precondition(factor.isFinite && factor > 0, "a unit's factor must be finite and positive")
        self.symbol = symbol
        self.dimension = dimension
        self.factor = factor
    }

    public var description: String { symbol }

    /// True for `1` and `%`.
    public var isDimensionless: Bool { dimension.isDimensionless }

    // MARK: Dimensionless

    /// A plain number.
    public static let one = Unit(symbol: "1", dimension: .dimensionless)
    /// Hundredths. Source: ISO 80000-1 (% = 0.01).
    public static let percent = Unit(symbol: "%", dimension: .dimensionless, factor: 0.01)

    // MARK: Compute

    /// One floating-point operation, the base unit of work (as counted in Kaplan et al. 2020,
    /// arXiv:2001.08361, where a multiply-add is 2 FLOP).
    public static let flop = Unit(symbol: "FLOP", dimension: .flop)
    /// Throughput, FLOP per second (the unit of accelerator datasheets' peak figures).
    public static let flopPerSecond = Unit(symbol: "FLOP/s", dimension: .flop / .time)
    /// Per-chip throughput (a datasheet's peak, e.g. 312 TFLOP/s dense BF16 for an NVIDIA
    /// A100, NVIDIA A100 Tensor Core GPU datasheet): FLOP per second per chip.
    public static let flopPerSecondPerChip = Unit(symbol: "FLOP/s/chip", dimension: .flop / .time / .chip)
    /// A petaflop/s-day: 10¹⁵ FLOP/s sustained for 86,400 s = 8.64 × 10¹⁹ FLOP.
    /// Source: OpenAI, "AI and Compute" (2018), which defines the pfs-day this way.
    public static let petaflopDay = Unit(symbol: "PF-day", dimension: .flop, factor: 8.64e19)

    // MARK: Time

    /// The SI second, the base unit of time. Source: SI Brochure (9th ed., 2019), §2.3.1.
    public static let second = Unit(symbol: "s", dimension: .time)
    /// 60 s. Source: SI Brochure (9th ed., 2019), Table 8, non-SI units accepted for use with the SI.
    public static let minute = Unit(symbol: "min", dimension: .time, factor: 60)
    /// 3600 s. Source: SI Brochure (9th ed., 2019), Table 8.
    public static let hour = Unit(symbol: "h", dimension: .time, factor: 3600)
    /// 86,400 s. Source: SI Brochure (9th ed., 2019), Table 8.
    public static let day = Unit(symbol: "day", dimension: .time, factor: 86_400)
    /// 730 h = 2,628,000 s: a twelfth of a 365-day year, the month cloud providers bill by.
    /// Source: issue 3 and DESIGN.md §4 (month = 730 h); also the AWS and Azure pricing
    /// calculators' 730 hours per month.
    public static let month = Unit(symbol: "month", dimension: .time, factor: 730 * 3600)
    /// The Julian year, 365.25 days = 8766 h = 31,557,600 s.
    /// Source: IAU Style Manual (1989), the Julian year as the astronomical unit of time "a".
    public static let year = Unit(symbol: "year", dimension: .time, factor: 8766 * 3600)

    // MARK: Energy and power

    /// The SI joule, the base unit of energy. Source: SI Brochure (9th ed., 2019), Table 4.
    public static let joule = Unit(symbol: "J", dimension: .energy)
    /// The SI watt, 1 J/s. Source: SI Brochure (9th ed., 2019), Table 4.
    public static let watt = Unit(symbol: "W", dimension: .energy / .time)
    /// The watt-hour, 3600 J (1 W for 1 h). Source: SI Brochure (9th ed.), W × h (Table 8).
    public static let wattHour = Unit(symbol: "Wh", dimension: .energy, factor: 3600)
    /// The kilowatt-hour, 3.6 × 10⁶ J. Source: SI Brochure (9th ed.), kilo × watt × hour.
    public static let kilowattHour = Unit(symbol: "kWh", dimension: .energy, factor: 3.6e6)
    /// The megawatt-hour, 3.6 × 10⁹ J. Source: SI Brochure (9th ed.), mega × watt × hour.
    public static let megawattHour = Unit(symbol: "MWh", dimension: .energy, factor: 3.6e9)
    /// The gigawatt-hour, 3.6 × 10¹² J. Source: SI Brochure (9th ed.), giga × watt × hour.
    public static let gigawattHour = Unit(symbol: "GWh", dimension: .energy, factor: 3.6e12)

    // MARK: Counts

    /// One model parameter (a weight), the N of 6·N·D.
    public static let parameter = Unit(symbol: "param", dimension: .parameter)
    /// One token of training data, the D of 6·N·D.
    public static let token = Unit(symbol: "token", dimension: .token)
    /// One accelerator chip.
    public static let chip = Unit(symbol: "chip", dimension: .chip)
    /// One chip for one hour, the unit of accelerator time (3600 chip·s), as in PaLM's TPU v4
    /// chip-hours (Chowdhery et al. 2022, arXiv:2204.02311).
    public static let chipHour = Unit(symbol: "chip·h", dimension: .chip * .time, factor: 3600)
    /// One byte (8 bits). Source: IEC 80000-13 (2008).
    public static let byte = Unit(symbol: "byte", dimension: .byte)
    /// 10⁹ bytes (SI gigabyte, not GiB). Source: IEC 80000-13 (2008).
    public static let gigabyte = Unit(symbol: "GB", dimension: .byte, factor: 1e9)
    /// 10¹² bytes (SI terabyte, not TiB). Source: IEC 80000-13 (2008).
    public static let terabyte = Unit(symbol: "TB", dimension: .byte, factor: 1e12)

    // MARK: Money

    /// One unit of the currency with ISO 4217 code `code` (`USD`): its own base dimension.
    public static func currency(_ code: String) -> Unit {
        Unit(symbol: code, dimension: .currency(code))
    }

    /// The US dollar (ISO 4217 `USD`).
    public static let usd = Unit.currency("USD")

    /// The currency codes `Unit.parse` accepts, from ISO 4217 (the currencies an AI-compute
    /// report is likely to quote). Any other three capital letters are an unknown unit.
    public static let currencyCodes: Set<String> = [
        "USD", "EUR", "GBP", "JPY", "CNY", "HKD", "TWD", "KRW", "INR", "CAD", "AUD", "CHF", "SGD",
    ]
}
