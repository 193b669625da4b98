extension Unit {
    /// The unit of a product `a × b`.
    ///
    /// Rules, in order: a dimensionless factor keeps the other side's unit (`3 × 2 [h]` is in
    /// `h`); a dimensionless result is `1`; a result with a preferred unit (see
    /// `preferred(for:)`) is shown in it (`chip·h × FLOP/s/chip` is `FLOP`, `chip·h ×
    /// USD/(chip·h)` is `USD`); any other result is written in base units (`FLOP·token`).
    public func multiplied(by other: Unit) -> Unit {
        if other.isDimensionless { return isDimensionless ? .one : self }
        if isDimensionless { return other }
        return Unit.derived(dimension * other.dimension)
    }

    /// The unit of a quotient `a ÷ b`: a dimensionless divisor keeps `a`'s unit; otherwise as
    /// `multiplied(by:)` (equal dimensions give `1`).
    public func divided(by other: Unit) -> Unit {
        if other.isDimensionless { return isDimensionless ? .one : self }
        return Unit.derived(dimension / other.dimension)
    }

    /// The unit of `a ^ power`: `a` itself for 1, otherwise as `multiplied(by:)`.
    public func raised(to power: Int) -> Unit {
        if power == 1 { return self }
        if isDimensionless { return .one }
        return Unit.derived(dimension.raised(to: power))
    }

    /// The unit a computed quantity of `dimension` is shown in.
    static func derived(_ dimension: Dimension) -> Unit {
        if dimension.isDimensionless { return .one }
        if let unit = preferred(for: dimension) { return unit }
        return Unit(symbol: dimension.description, dimension: dimension)
    }

    /// The unit results of a dimension are shown in when arithmetic derives them:
    ///
    /// | dimension | unit |
    /// |---|---|
    /// | FLOP, FLOP/s, FLOP/s/chip | `FLOP`, `FLOP/s`, `FLOP/s/chip` |
    /// | s | `h` |
    /// | chip·s | `chip·h` |
    /// | J, J/s, J/(s·chip) | `kWh`, `W`, `W/chip` |
    /// | param, token, chip, byte, byte/s | as named |
    /// | a currency C, C/(chip·s), C/s, C/FLOP | `C`, `C/(chip·h)`, `C/h`, `C/FLOP` |
    ///
    /// - Returns: nil for any other dimension (written in base units).
    public static func preferred(for dimension: Dimension) -> Unit? {
        if let code = dimension.currency {
            let perCurrency = dimension / .currency(code)
            switch perCurrency {
            case .dimensionless: return .currency(code)
            case Dimension.chip.raised(to: -1) / .time:
                return Unit(symbol: "\(code)/(chip·h)", dimension: dimension, factor: 1.0 / 3600)
            case Dimension.time.raised(to: -1):
                return Unit(symbol: "\(code)/h", dimension: dimension, factor: 1.0 / 3600)
            case Dimension.flop.raised(to: -1):
                return Unit(symbol: "\(code)/FLOP", dimension: dimension)
            default: return nil
            }
        }
        return preferredUnits.first { $0.dimension == dimension }
    }

    private static let preferredUnits: [Unit] = [
        .flop, .flopPerSecond, .flopPerSecondPerChip, .hour, .chipHour, .kilowattHour, .watt,
        Unit(symbol: "W/chip", dimension: .energy / .time / .chip),
        .parameter, .token, .chip, .byte, Unit(symbol: "byte/s", dimension: .byte / .time),
    ]
}
