import Diagnostics
import Formulas
import Testing

@Test func pathsReadFieldsAndIndexes() throws {
    #expect(try evaluate("page.title") == "Hello")
    #expect(try evaluate("site.data.models[\"PaLM\"].parameters") == .number(540e9))
    #expect(try evaluate("pages[0].title") == "PaLM")
    #expect(try evaluate("pages[-1].title") == "Chinchilla")
    #expect(try evaluate("page.tags[1]") == "compute")
    #expect(try evaluate("'abc'[1]") == "b")
    #expect(try evaluate("pages[n - 2]['title']") == "GPT-3")
}

@Test func missingFieldsAndIndexesAreNull() throws {
    #expect(try evaluate("page.summary") == .null)
    #expect(try evaluate("page.author.name") == .null)              // through a missing field
    #expect(try evaluate("site.data.models['Gopher'].parameters") == .null)
    #expect(try evaluate("pages[3]") == .null)
    #expect(try evaluate("pages[-4]") == .null)
    #expect(try evaluate("page.summary[0]") == .null)
    #expect(try evaluate("page.summary").isTruthy == false)
}

@Test func pipesPassTheLeftSideAsFirstArgument() throws {
    #expect(try evaluate("page.title | upper") == "HELLO")
    #expect(try evaluate("3.14159 | round(2)") == 3.14)
    #expect(try evaluate("pages | slice(0, 2) | len") == 2)
    #expect(try evaluate("page.tags | join(' · ')") == "ai · compute")
    #expect(try evaluate("page.summary | default('none') | upper") == "NONE")
    // The pipe binds looser than `or`: string(a or b).
    #expect(try evaluate("b or a | string") == "true")
}

@Test func andOrShortCircuitAndReturnBooleans() throws {
    #expect(try evaluate("b and nosuchname") == false)
    #expect(try evaluate("a or 1 / 0") == true)
    #expect(try evaluate("'x' and 'y'") == true)
    #expect(try evaluate("'' or 0") == false)
    #expect(try evaluate("len(pages) > 0 and not page.draft") == true)
}

@Test func plusAddsNumbersOrConcatenatesStrings() throws {
    #expect(try evaluate("1 + 2") == 3)
    #expect(try evaluate("page.title + ', world'") == "Hello, world")
    #expect(try evaluate("'n = ' + string(n)") == "n = 3")
}

@Test(arguments: [
    ("1 == 1.0", true),
    ("'a' == 'a'", true),
    ("1 == '1'", false),
    ("null == null", true),
    ("page.summary == null", true),
    ("[1, 'a', [true]] == [1, 'a', [true]]", true),
    ("[1, 2] == [2, 1]", false),
    ("pages[0] == pages[0]", true),
    ("pages[0] == pages[1]", false),
    ("1 != 2", true),
    ("'B' < 'a'", true),          // by Unicode scalar, not by locale
    ("'é' > 'z'", true),
    ("'ab' < 'abc'", true),
    ("'b' >= 'b'", true),
    ("2 <= 1", false),
])
func comparisonsCompareByValue(source: String, expected: Bool) throws {
    #expect(try evaluate(source) == .bool(expected))
}

@Test func scopeBindingReturnsANewScope() throws {
    let inner = scope.binding("n", to: 10).binding("extra", to: "x")
    #expect(try evaluate("n", in: inner) == 10)
    #expect(try evaluate("n") == 3)
    #expect(scope.value(of: "extra") == nil)
    #expect(inner.value(of: "extra") == "x")
}

@Test func anExpressionParsedOnceEvaluatesInManyScopes() throws {
    let expression = try Expression.parse("item.words * 2", at: start)
    let values = try (0..<3).map { i throws(FormulaError) in
        try expression.evaluate(in: scope.binding("item", to: try evaluate("pages[\(i)]")))
    }
    #expect(values == [2400, 1600, 1900])
    #expect(expression.source == "item.words * 2")
    #expect(expression.location == start)
}

/// Scopes: a row's fields and `row` hide outer names; a name bound on top of a row hides a field.
@Suite struct ScopeTests {
    let outer = Scope(variables: ["series": .string("outer"), "limit": .number(3)]).binding("page", to: .string("p"))
    let row = Record([("series", .string("s7")), ("params", .number(540e9))])

    @Test func aRowsFieldsAndTheRowHideOuterNames() throws {
        let scope = outer.binding(row: row, as: "row")
        #expect(scope.value(of: "series") == .string("s7"))
        #expect(scope.value(of: "params") == .number(540e9))
        #expect(scope.value(of: "row") == .record(row))
        #expect(scope.value(of: "limit") == .number(3))
        #expect(scope.value(of: "page") == .string("p"))
        #expect(scope.value(of: "missing") == nil)
        #expect(scope.names == ["limit", "page", "params", "row", "series"])
        #expect(try Expression.parse("series == 's7' and params > 1e9", at: SourceLocation(file: "t")).evaluate(in: scope) == .bool(true))
    }

    @Test func aNameBoundOnTopOfARowHidesItsField() {
        let scope = outer.binding(row: row, as: "row").binding("series", to: .string("inner"))
        #expect(scope.value(of: "series") == .string("inner"))
        #expect(scope.value(of: "params") == .number(540e9))
        #expect(scope.value(of: "row") == .record(row))
    }
}
