import Foundation  // log, exp
import Quantities

extension FunctionTable {
    /// Least-squares fits over two lists of equal length. Pairs where either value is `null`
    /// are left out (and not counted in `n`); a range counts as its midpoint; quantities are
    /// read in base units (FLOP, s, USD…), so the prefactor of a power fit is in base units.
    static let fitFunctions: [Function] = [
        /// `fit_power(x, y)`: y = prefactor · x^exponent, fitted by ordinary least squares on
        /// (ln x, ln y). Returns a record `{kind: 'power', exponent, prefactor, r2, n}` where r2
        /// is the coefficient of determination of the log–log fit (1 − SS_res ÷ SS_tot).
        /// Values must be positive.
        /// Source: the log–log regression used for scaling laws, e.g. Kaplan et al. 2020,
        /// arXiv:2001.08361; least squares and R² as in Montgomery & Runger, *Applied Statistics
        /// and Probability for Engineers*, ch. 11.
        Function(name: "fit_power", arity: 2...2) { arguments throws(FunctionFailure) in
            let pairs = try fitPairs(arguments[0], arguments[1], x: positiveLog, y: positiveLog)
            let fit = try leastSquares(pairs)
            return .record(Record([
                ("kind", "power"), ("exponent", .number(fit.slope)), ("prefactor", .number(exp(fit.intercept))),
                ("r2", .number(fit.r2)), ("n", .number(Double(pairs.count))),
            ]))
        },
        /// `fit_linear(x, y)`: y = intercept + slope · x by ordinary least squares; x may be
        /// dates (read as decimal years) or numbers, y numbers or quantities (base units).
        /// Returns `{kind: 'linear', slope, intercept, r2, n}`.
        /// Source: least squares and R² as in Montgomery & Runger, *Applied Statistics and
        /// Probability for Engineers*, ch. 11.
        Function(name: "fit_linear", arity: 2...2) { arguments throws(FunctionFailure) in
            let pairs = try fitPairs(arguments[0], arguments[1], x: decimalYear, y: midpoint)
            let fit = try leastSquares(pairs)
            return .record(Record([
                ("kind", "linear"), ("slope", .number(fit.slope)), ("intercept", .number(fit.intercept)),
                ("r2", .number(fit.r2)), ("n", .number(Double(pairs.count))),
            ]))
        },
        /// `fit_exponential(dates, y)`: y = A · e^(rate · t), fitted by least squares on
        /// (t, ln y), with t in years. Dates are ISO strings (`2020-06-15`, `2020-06`, `2020`)
        /// or decimal years (2020.5). Returns `{kind: 'exponential', rate, intercept, r2, n}`,
        /// `rate` per year (natural log), `intercept` the fitted ln y at year 0.
        /// Source: the log-linear trend of Amodei & Hernandez 2018, "AI and Compute" (OpenAI),
        /// and Sevilla et al. 2022, "Compute Trends Across Three Eras of Machine Learning",
        /// arXiv:2202.05924.
        Function(name: "fit_exponential", arity: 2...2) { arguments throws(FunctionFailure) in
            let pairs = try fitPairs(arguments[0], arguments[1], x: decimalYear, y: positiveLog)
            let fit = try leastSquares(pairs)
            return .record(Record([
                ("kind", "exponential"), ("rate", .number(fit.slope)), ("intercept", .number(fit.intercept)),
                ("r2", .number(fit.r2)), ("n", .number(Double(pairs.count))),
            ]))
        },
        /// `doubling_time(fit)` = ln 2 ÷ rate years, as a quantity shown in months (730 h);
        /// `fit` is a `fit_exponential` record (or a rate per year as a number).
        /// Source: exponential growth, T₂ = ln 2 ÷ r (e.g. Sevilla et al. 2022, arXiv:2202.05924,
        /// reporting doubling times in months).
        Function(name: "doubling_time", arity: 1...1) { arguments throws(FunctionFailure) in
            let rateValue: Value
            switch arguments[0] {
            case .null: return .null
            case .record(let record): rateValue = record["rate"] ?? .null
            default: rateValue = arguments[0]
            }
            if case .null = rateValue { throw FunctionFailure("expected a fit_exponential record with a `rate`") }
            let rate = try number(rateValue)
            guard rate > 0, rate.isFinite else {
                throw FunctionFailure("the fitted rate is \(Value.text(of: rate)) per year: there is no doubling")
            }
            let years = Quantity(log(2) / rate, .year)
            return Value(Quantity(baseLower: years.lower, baseUpper: years.upper, unit: .month))
        },
    ]
}

/// The result of a simple linear regression y = intercept + slope · x.
private struct LinearFit {
    var slope: Double
    var intercept: Double
    var r2: Double
}

/// Ordinary least squares; fails with fewer than two points or when all x are equal.
private func leastSquares(_ pairs: [(Double, Double)]) throws(FunctionFailure) -> LinearFit {
    guard pairs.count >= 2 else { throw FunctionFailure("a fit needs at least 2 points, got \(pairs.count)") }
    let n = Double(pairs.count)
    let meanX = pairs.reduce(0) { $0 + $1.0 } / n
    let meanY = pairs.reduce(0) { $0 + $1.1 } / n
    var sxx = 0.0, sxy = 0.0, syy = 0.0
    for (x, y) in pairs {
        sxx += (x - meanX) * (x - meanX)
        sxy += (x - meanX) * (y - meanY)
        syy += (y - meanY) * (y - meanY)
    }
    guard sxx > 0 else { throw FunctionFailure("a fit needs at least two different x values") }
    let slope = sxy / sxx
    let intercept = meanY - slope * meanX
    let residual = pairs.reduce(0.0) { sum, pair in
        let e = pair.1 - (intercept + slope * pair.0)
        return sum + e * e
    }
    let r2 = syy == 0 ? 1 : max(0, 1 - residual / syy)
    return LinearFit(slope: slope, intercept: intercept, r2: r2)
}

/// The (x, y) pairs of two lists, transformed, leaving out pairs with a `null`.
private func fitPairs(
    _ xs: Value, _ ys: Value,
    x transformX: (Value, Int) throws(FunctionFailure) -> Double,
    y transformY: (Value, Int) throws(FunctionFailure) -> Double
) throws(FunctionFailure) -> [(Double, Double)] {
    let xItems = try list(xs), yItems = try list(ys)
    guard xItems.count == yItems.count else {
        throw FunctionFailure("the lists have different lengths (\(xItems.count) and \(yItems.count))")
    }
    var pairs: [(Double, Double)] = []
    for (i, (x, y)) in zip(xItems, yItems).enumerated() {
        if case .null = x { continue }
        if case .null = y { continue }
        pairs.append((try transformX(x, i), try transformY(y, i)))
    }
    return pairs
}

/// ln of a positive number or quantity (a range's midpoint), in base units.
private func positiveLog(_ value: Value, at i: Int) throws(FunctionFailure) -> Double {
    guard let quantity = value.asQuantity else {
        throw FunctionFailure("item \(i + 1): expected a number or quantity, got \(value.typeName)")
    }
    let midpoint = (quantity.lower + quantity.upper) / 2
    guard midpoint > 0 else { throw FunctionFailure("item \(i + 1): a log fit needs positive values, got \(quantity)") }
    return log(midpoint)
}

/// A number or quantity (a range's midpoint), in base units.
private func midpoint(_ value: Value, at i: Int) throws(FunctionFailure) -> Double {
    guard let quantity = value.asQuantity else {
        throw FunctionFailure("item \(i + 1): expected a number or quantity, got \(value.typeName)")
    }
    return (quantity.lower + quantity.upper) / 2
}

/// A date as a decimal year: `2020-07-02` → 2020 + 183/366.
private func decimalYear(_ value: Value, at i: Int) throws(FunctionFailure) -> Double {
    switch value {
    case .number(let year): return year
    case .string(let text):
        guard let year = DecimalYear(iso: text) else {
            throw FunctionFailure("item \(i + 1): expected a date as YYYY-MM-DD, YYYY-MM or YYYY, got `\(text)`")
        }
        return year.value
    default:
        throw FunctionFailure("item \(i + 1): expected a date, got \(value.typeName)")
    }
}

/// An ISO 8601 calendar date (proleptic Gregorian) as a fraction of its year:
/// year + (day of year − 1) ÷ days in the year.
struct DecimalYear {
    let value: Double

    init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count), parts[0].count == 4,
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let year = Int(parts[0]) else { return nil }
        let month = parts.count > 1 ? Int(parts[1]) ?? 0 : 1
        let day = parts.count > 2 ? Int(parts[2]) ?? 0 : 1
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...12).contains(month), (1...lengths[month - 1]).contains(day) else { return nil }
        let dayOfYear = lengths[..<(month - 1)].reduce(0, +) + day
        value = Double(year) + Double(dayOfYear - 1) / Double(leap ? 366 : 365)
    }
}
