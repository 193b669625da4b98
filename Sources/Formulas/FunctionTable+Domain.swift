import Quantities

extension FunctionTable {
    /// Formulas of AI-compute accounting. Each argument may carry its unit or be a plain
    /// number in the unit named below; ranges propagate (interval arithmetic); a `null`
    /// argument (a missing cell) gives `null`. Results are quantities in the stated unit.
    static let domainFunctions: [Function] = [
        /// `training_flops(params, tokens)` = 6 · N · D FLOP: about 6 FLOP per parameter per
        /// training token (2 for the forward pass, 4 for the backward pass).
        /// Units: N in `param` (or plain), D in `token` (or plain) → `FLOP`.
        /// Sources: Kaplan et al. 2020, "Scaling Laws for Neural Language Models",
        /// arXiv:2001.08361, §2.1 (C ≈ 6ND); Hoffmann et al. 2022, "Training Compute-Optimal
        /// Large Language Models", arXiv:2203.15556, §3 (FLOPs(N, D) ≈ 6ND).
        domain("training_flops", arity: 2) { a throws(QuantityError) in
            let n = try a.count(0, as: .parameter)
            let d = try a.count(1, as: .token)
            return try Quantity(6, perParameterToken).multiplied(by: n).multiplied(by: d)
        },
        /// `chip_hours(chips, hours)` = chips × duration.
        /// Units: chips in `chip` (or plain), duration any time unit (or plain hours) → `chip·h`.
        /// Source: definition (accelerator time, as in Chowdhery et al. 2022, PaLM,
        /// arXiv:2204.02311, Table 20's TPU v4 chip-hours).
        domain("chip_hours", arity: 2) { a throws(QuantityError) in
            try a.count(0, as: .chip).multiplied(by: a.count(1, as: .hour))
        },
        /// `hardware_flops(chips, hours, peak, utilization)` = chips × hours × peak × utilization.
        /// Units: `chip`, time (plain = hours), peak in `FLOP/s/chip` (plain, or `FLOP/s` read
        /// as per chip), utilization plain or `%` → `FLOP`.
        /// Source: model FLOPs utilization as defined in Chowdhery et al. 2022 (PaLM),
        /// arXiv:2204.02311, Appendix B (achieved FLOP/s ÷ peak FLOP/s).
        domain("hardware_flops", arity: 4) { a throws(QuantityError) in
            let chipTime = try a.count(0, as: .chip).multiplied(by: a.count(1, as: .hour))
            return try chipTime.multiplied(by: a.count(2, as: .flopPerSecondPerChip, orAs: [Unit.flopPerSecond.dimension]))
                .multiplied(by: a.count(3, as: .one))
        },
        /// `implied_utilization(flops, chip_hours, peak)` = flops ÷ (chip-hours × peak): the
        /// fraction of peak the training run achieved (MFU when `flops` is 6ND).
        /// Units: `FLOP` (or plain), `chip·h` (plain = chip-hours), `FLOP/s/chip` (plain, or
        /// `FLOP/s` read as per chip) → plain number.
        /// Source: Chowdhery et al. 2022 (PaLM), arXiv:2204.02311, Appendix B.
        domain("implied_utilization", arity: 3) { a throws(QuantityError) in
            let capacity = try a.count(1, as: .chipHour).multiplied(by: a.count(2, as: .flopPerSecondPerChip, orAs: [Unit.flopPerSecond.dimension]))
            return try a.count(0, as: .flop).divided(by: capacity)
        },
        /// `rental_cost(chip_hours, price)` = chip-hours × price per chip-hour.
        /// Units: `chip·h` (plain = chip-hours), price in a currency per chip-time
        /// (`USD/(chip·h)`; plain = USD per chip-hour) → the currency.
        /// Source: definition (cloud on-demand pricing per accelerator-hour).
        domain("rental_cost", arity: 2) { a throws(QuantityError) in
            let chipTime = try a.count(0, as: .chipHour)
            let price = try a.price(1)
            return try chipTime.multiplied(by: price)
        },
        /// `energy(chip_hours, watts, pue)` = chip-hours × power per chip × PUE.
        /// Units: `chip·h` (plain = chip-hours), power in `W/chip` (plain, or `W` read as per
        /// chip), PUE plain (≥ 1: facility energy ÷ IT energy) → J, shown in `Wh` with an SI
        /// prefix (`10.6 MWh`, `1.29 GWh`).
        /// Sources: Patterson et al. 2021, "Carbon Emissions and Large Neural Network
        /// Training", arXiv:2104.10350, §2 (energy = hours × processors × average power × PUE);
        /// The Green Grid, White Paper #49 (2012), PUE = total facility energy ÷ IT energy.
        domain("energy", arity: 3) { a throws(QuantityError) in
            let chipTime = try a.count(0, as: .chipHour)
            let power = try a.count(1, as: wattsPerChip, orAs: [Unit.watt.dimension])
            let joules = try chipTime.multiplied(by: power).multiplied(by: a.count(2, as: .one))
            return try joules.converted(to: .wattHour)
        },
    ]

    /// A function of quantities: `null` in any argument gives `null`; quantity errors become
    /// the function's failure.
    private static func domain(
        _ name: String, arity: Int, _ body: @escaping @Sendable (DomainArguments) throws(QuantityError) -> Quantity
    ) -> Function {
        Function(name: name, arity: arity...arity) { arguments throws(FunctionFailure) in
            if arguments.contains(where: { if case .null = $0 { true } else { false } }) { return .null }
            let parsed = try DomainArguments(arguments)
            do throws(QuantityError) {
                return Value(try body(parsed))
            } catch {
                throw FunctionFailure(error.message)
            }
        }
    }
}

/// 1 FLOP per parameter per token, the unit of the 6 in 6·N·D.
private let perParameterToken = Unit(symbol: "FLOP/(param·token)", dimension: .flop / .parameter / .token)

/// Watts per chip.
private let wattsPerChip = Unit(symbol: "W/chip", dimension: .energy / .time / .chip)

/// The arguments of a domain function as quantities, with their positions for messages.
private struct DomainArguments {
    let quantities: [Quantity]

    init(_ values: [Value]) throws(FunctionFailure) {
        var quantities: [Quantity] = []
        for (i, value) in values.enumerated() {
            guard let quantity = value.asQuantity else {
                throw FunctionFailure("argument \(i + 1): expected a number or quantity, got \(value.typeName)")
            }
            quantities.append(quantity)
        }
        self.quantities = quantities
    }

    /// Argument `i` in `unit`'s dimension: a plain number is read in `unit`; a quantity whose
    /// dimension is one of `alternatives` is read as `unit`'s dimension (a peak in `FLOP/s`
    /// taken as per chip); any other dimension is an error naming the expected unit.
    func count(_ i: Int, as unit: Unit, orAs alternatives: [Dimension] = []) throws(QuantityError) -> Quantity {
        let q = quantities[i]
        if q.dimension == unit.dimension { return q }
        if q.unit == .one || q.unit == .percent {
            return Quantity(baseLower: q.lower * unit.factor, baseUpper: q.upper * unit.factor, unit: unit)
        }
        if alternatives.contains(q.dimension) {
            return Quantity(baseLower: q.lower, baseUpper: q.upper, unit: unit)
        }
        throw QuantityError(.incompatible(.convert, q.unit, unit))
    }

    /// Argument `i` as a price per chip-time in some currency (plain = USD per chip-hour).
    func price(_ i: Int) throws(QuantityError) -> Quantity {
        let q = quantities[i]
        if q.unit == .one {
            let unit = Unit(symbol: "USD/(chip·h)", dimension: .usd / .chip / .time, factor: 1.0 / 3600)
            return try count(i, as: unit)
        }
        if let code = q.dimension.currency, q.dimension == .currency(code) / .chip / .time { return q }
        throw QuantityError(.unsupportedUnit(q.unit, expected: "a price per chip-hour such as USD/(chip·h)"))
    }
}

extension Dimension {
    /// The dimension of the US dollar.
    fileprivate static let usd = Dimension.currency("USD")
}
