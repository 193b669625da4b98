import Formulas
import Testing

@Test(arguments: [
    ("len('價格')", Value.number(2)),
    ("len(pages)", 3),
    ("len(page)", 3),
    ("join(page.tags, ', ')", "ai, compute"),
    ("join([1, 2.5, true], '/')", "1/2.5/true"),
    ("upper('PaLm')", "PALM"),
    ("lower('PaLm')", "palm"),
    ("default(page.summary, 'none')", "none"),
    ("default('', 'none')", "none"),
    ("default(0, 'none')", 0),
    ("default(page.title, 'none')", "Hello"),
    ("first(page.tags)", "ai"),
    ("last(page.tags)", "compute"),
    ("first([])", Value.null),
    ("slice([1, 2, 3, 4], 1, 3)", [2, 3]),
    ("slice([1, 2, 3, 4], -2)", [3, 4]),
    ("slice([1, 2, 3, 4], 3, 1)", []),
    ("slice([1, 2, 3], 0, 99)", [1, 2, 3]),
    ("slice('價格表', 1)", "格表"),
    ("contains(page.tags, 'ai')", true),
    ("contains([1, 2], '1')", false),
    ("contains('Chinchilla', 'chill')", true),
    ("contains(page, 'title')", true),
    ("string(1.0)", "1"),
    ("string([1, 'a'])", "1, a"),
    ("round(2.5)", 3),
    ("round(-2.5)", -3),
    ("round(1234.5678, 2)", 1234.57),
    ("round(1234, -2)", 1200),
] as [(String, Value)])
func standardFunctions(source: String, expected: Value) throws {
    #expect(try evaluate(source) == expected)
}

@Test func standardFunctionsRejectArgumentsOfTheWrongType() {
    #expect(error(of: "len(3)") == FormulaError(.functionFailed("len", message: "expected a string, list or record, got number"), at: column(1)))
    #expect(error(of: "first('abc')") == FormulaError(.functionFailed("first", message: "expected a list, got string"), at: column(1)))
    #expect(error(of: "join(page.tags, 1)") == FormulaError(.functionFailed("join", message: "expected a string, got number"), at: column(1)))
    #expect(error(of: "contains('abc', 1)") == FormulaError(.functionFailed("contains", message: "expected a string to look for, got number"), at: column(1)))
}

@Test func tablesCanBeExtendedWithCustomFunctions() throws {
    let twice = Function(name: "twice", arity: 1...1) { arguments throws(FunctionFailure) in
        guard case .number(let x) = arguments[0] else { throw FunctionFailure("expected a number") }
        return .number(2 * x)
    }
    let functions = FunctionTable.standard.adding(twice)
    let extended = Scope(variables: ["n": 21], functions: functions)
    #expect(try evaluate("n | twice", in: extended) == 42)
    #expect(try evaluate("len('ab')", in: extended) == 2)
    #expect(error(of: "twice(n)", in: scope) == FormulaError(.unknownFunction("twice", suggestion: nil), at: column(1)))
    #expect(error(of: "1 + twice('x')", in: extended) == FormulaError(.functionFailed("twice", message: "expected a number"), at: column(5)))
    #expect(FunctionTable.standard["twice"] == nil)
    #expect(functions["twice"]?.arity == 1...1)
}

@Test func emptyScopesCallNoFunctions() {
    let bare = Scope(variables: ["x": 1], functions: FunctionTable())
    #expect(error(of: "len(x)", in: bare) == FormulaError(.unknownFunction("len", suggestion: nil), at: column(1)))
}

@Test func standardTableListsItsFunctions() {
    #expect(FunctionTable.standard.names == [
        "chip_hours", "column", "compact", "contains", "count", "default", "doubling_time", "energy",
        "first", "fit_exponential", "fit_linear", "fit_power", "hardware_flops", "implied_utilization", "join", "last",
        "len", "ln", "log10", "lookup", "lower", "max", "mean", "median", "min", "percent", "range", "rental_cost", "round", "sci",
        "slice", "sort_by", "string", "sum", "training_flops", "upper", "usd", "usd_long", "where", "zh",
    ])
}
