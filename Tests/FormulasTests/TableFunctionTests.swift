import Formulas
import Quantities
import Testing

/// A table as formulas see it: a list of records whose first field is the key; `null` for a
/// missing cell.
let models: Value = [
    ["model": "PaLM", "organization": "Google", "parameters": .quantity(Quantity(540e9, .parameter)),
     "cost": .quantity(Quantity(lower: 9e6, upper: 17e6, .usd)), "date": "2022-04-04"],
    ["model": "GPT-3", "organization": "OpenAI", "parameters": .quantity(Quantity(175e9, .parameter)),
     "cost": .quantity(Quantity(4.6e6, .usd)), "date": "2020-05-28"],
    ["model": "Chinchilla", "organization": "DeepMind", "parameters": .quantity(Quantity(70e9, .parameter)),
     "cost": .null, "date": "2022-03-29"],
    ["model": "LaMDA", "organization": "Google", "parameters": .quantity(Quantity(137e9, .parameter)),
     "cost": .null, "date": "2022-01-20"],
]

let tables = scope.binding("models", to: models)

@Test(arguments: [
    ("sum(column(models, 'parameters'))", Value.quantity(Quantity(922e9, .parameter))),
    ("mean(column(models, 'parameters'))", .quantity(Quantity(230.5e9, .parameter))),
    ("median(column(models, 'parameters'))", .quantity(Quantity(156e9, .parameter))),
    ("min(column(models, 'parameters'))", .quantity(Quantity(70e9, .parameter))),
    ("max(column(models, 'parameters'))", .quantity(Quantity(540e9, .parameter))),
    ("max(column(models, 'cost'))", .quantity(Quantity(lower: 9e6, upper: 17e6, .usd))),  // interval max
    ("min(column(models, 'cost'))", .quantity(Quantity(4.6e6, .usd))),
    ("sum(column(models, 'cost'))", .quantity(Quantity(lower: 13.6e6, upper: 21.6e6, .usd))),
    ("count(column(models, 'cost'))", 2),                       // missing cells are not counted
    ("count(models)", 4),
    ("sum([])", 0),
    ("mean([])", .null),
    ("median([3, 1, 2])", 2),
    ("min(3, 1, 2)", 1),
    ("max(1 [h], 90 [min])", .quantity(Quantity(1.5, .hour))),
    ("len(where(models, 'organization', 'Google'))", 2),
    ("len(where(models, 'organization', '!=', 'Google'))", 2),
    ("len(where(models, 'parameters', '>', 100e9 [param]))", 3),
    ("len(where(models, 'cost', '<', 5e6 [USD]))", 1),          // null cells never satisfy an ordering
    ("len(where(models, 'model', '<', 'H'))", 2),               // 'Chinchilla', 'GPT-3'
    ("sort_by(models, 'parameters')[0].model", "Chinchilla"),
    ("sort_by(models, 'parameters', 'desc')[0].model", "PaLM"),
    ("join(column(sort_by(models, 'cost'), 'model'), ',')", "GPT-3,PaLM,Chinchilla,LaMDA"),  // nulls last, stable
    ("join(column(sort_by(models, 'date'), 'model'), ',')", "GPT-3,LaMDA,Chinchilla,PaLM"),
    ("lookup(models, 'GPT-3').organization", "OpenAI"),
    ("lookup(models, 'DeepMind', 'organization').model", "Chinchilla"),
    ("lookup(models, 'Gopher')", .null),
    ("models['PaLM'].parameters | compact", "540B params"),
])
func tableFunctions(source: String, expected: Value) throws {
    #expect(try evaluate(source, in: tables) == expected)
}

@Test func tableFunctionsRejectWhatTheyCannotUse() {
    func failure(_ source: String) -> String? {
        guard case .functionFailed(_, let message)? = error(of: source, in: tables)?.reason else { return nil }
        return message
    }
    #expect(failure("sum(['a'])") == "item 1: expected a number or quantity, got string")
    #expect(failure("sum([1 [USD], 1 [FLOP]])") == "cannot add USD and FLOP")
    #expect(failure("len(where(models, 'parameters', '>', 100e9))") == "cannot compare param and a plain number")
    #expect(failure("where(models, 'parameters', '~', 1)") == "unknown operator '~': use ==, !=, <, <=, > or >=")
    #expect(failure("column([1, 2], 'x')") == "expected a table (a list of rows), but item 1 is a number")
    #expect(failure("sort_by(models, 'model', 'up')") == "expected 'asc' or 'desc', got 'up'")
    #expect(failure("median([1..2])") == "the median of ranges is not defined")
}

/// Fits on exact synthetic data, so the expected values are exact.
@Test func powerFitRecoversExponentAndPrefactor() throws {
    // y = 3 · x²: exponent 2, prefactor 3, R² 1.
    let fit = try evaluate("fit_power([1, 2, 3, 4], [3, 12, 27, 48])")
    guard case .record(let record) = fit,
          case .number(let exponent)? = record["exponent"], case .number(let prefactor)? = record["prefactor"],
          case .number(let r2)? = record["r2"] else { Issue.record("not a fit: \(fit)"); return }
    #expect(close(exponent, 2))
    #expect(close(prefactor, 3))
    #expect(close(r2, 1))
    #expect(record["n"] == 4)
    #expect(record["kind"] == "power")
    // Pairs with a missing value are left out.
    #expect(try evaluate("fit_power([1, 2, null, 4], [3, 12, 27, null]).n") == 2)
}

@Test func exponentialFitGivesTheDoublingTime() throws {
    // y doubles every 6 months of 730 h: t in decimal years of 8766 h, so the step is 6·730/8766.
    let step = 6 * 730.0 / 8766
    let dates = Value.list((0..<10).map { .number(2012 + Double($0) * step) })
    let compute = Value.list((0..<10).map { .number(1e17 * pow2($0)) })
    let trend = scope.binding("dates", to: dates).binding("compute", to: compute)
    let doubling = try evaluate("doubling_time(fit_exponential(dates, compute))", in: trend)
    guard case .quantity(let months) = doubling else { Issue.record("not a quantity: \(doubling)"); return }
    #expect(months.unit == .month)
    #expect(close(months.valueInUnit.lowerBound, 6))
    #expect(doubling.text() == "6 months")
    #expect(try evaluate("fit_exponential(dates, compute).r2", in: trend) == 1)
    // ISO dates: doubling every calendar year (one Julian year = 12.008 months of 730 h).
    let yearly = try magnitude("doubling_time(fit_exponential(['2020-01-01', '2021-01-01', '2022-01-01'], [1, 2, 4]))", in: .year)
    #expect(close(yearly.lowerBound, 1))
}

@Test func fitsRejectDataTheyCannotFit() {
    func failure(_ source: String) -> String? {
        guard case .functionFailed(_, let message)? = error(of: source)?.reason else { return nil }
        return message
    }
    #expect(failure("fit_power([1], [1])") == "a fit needs at least 2 points, got 1")
    #expect(failure("fit_power([1, 1], [1, 2])") == "a fit needs at least two different x values")
    #expect(failure("fit_power([1, -1], [1, 1])") == "item 2: a log fit needs positive values, got -1")
    #expect(failure("fit_power([1, 2], [1])") == "the lists have different lengths (2 and 1)")
    #expect(failure("fit_exponential(['2020-13-01', '2021'], [1, 2])") == "item 1: expected a date as YYYY-MM-DD, YYYY-MM or YYYY, got `2020-13-01`")
    #expect(failure("doubling_time(fit_exponential([2020, 2021], [2, 1]))") == "the fitted rate is -0.6931471805599453 per year: there is no doubling")
}

private func pow2(_ n: Int) -> Double { Double(1 << n) }
