import Formulas
import Testing

@Test(arguments: [
    (Value.null, false),
    (false, false),
    (true, true),
    (0, false),
    (-0.0, false),
    (.number(.nan), false),
    (0.5, true),
    (-1, true),
    ("", false),
    (" ", true),
    ("0", true),
    ([], false),
    ([.null], true),
    (.record(Record([])), false),
    (["a": .null], true),
    (.fragment(MarkupValue()), true),
] as [(Value, Bool)])
func truthiness(value: Value, truthy: Bool) {
    #expect(value.isTruthy == truthy)
}

@Test(arguments: [
    (Value.number(1.0), "1"),
    (-0.0, "0"),
    (42, "42"),
    (-7, "-7"),
    (3.5, "3.5"),
    (0.1, "0.1"),
    (.number(0.1 + 0.2), "0.30000000000000004"),
    (540e9, "540000000000"),
    (1e20, "1e+20"),
    (true, "true"),
    (false, "false"),
    (.null, ""),
    ("價格", "價格"),
    ([1, "a", [2.5, .null], true], "1, a, 2.5, , true"),
    (["name": "PaLM", "year": 2022], "name: PaLM, year: 2022"),
    (.fragment(MarkupValue()), ""),
] as [(Value, String)])
func displayText(value: Value, text: String) {
    #expect(value.text() == text)
}

@Test func typeNames() {
    let values: [Value] = [.null, true, 1, "s", [], .record(Record([])), .fragment(MarkupValue())]
    #expect(values.map(\.typeName) == ["null", "boolean", "number", "string", "list", "record", "markup"])
}

@Test func fragmentsAreEqualOnlyWhenTheSameObject() {
    let body = Markup("<p>hi</p>")
    #expect(Value.fragment(body) == .fragment(body))
    #expect(Value.fragment(body) != .fragment(Markup("<p>hi</p>")))
    #expect(Value.fragment(MarkupValue()) != .fragment(MarkupValue()))
    #expect(Value.fragment(body) != .null)
}

@Test func recordsKeepFieldOrderAndCompareByFields() {
    let record = Record([("b", 1), ("a", 2), ("b", 3)])
    #expect(record.keys == ["b", "a"])
    #expect(record["b"] == 3)
    #expect(record["c"] == nil)
    #expect(record.count == 2)
    let extended = record.setting("c", to: "x").setting("a", to: 0)
    #expect(extended.keys == ["b", "a", "c"])
    #expect(extended["a"] == 0)
    #expect(record["a"] == 2)
    #expect(Value.record(Record([("x", 1), ("y", 2)])) == .record(Record([("y", 2), ("x", 1)])))
    #expect(Value.record(Record([("x", 1)])) != .record(Record([("x", 1), ("y", 2)])))
}

@Test func fragmentsPassThroughFormulasUntouched() throws {
    let body = Markup("<p>body</p>")
    let scope = Scope(variables: ["page": ["content": .fragment(body)]])
    #expect(try evaluate("page.content", in: scope) == .fragment(body))
    #expect(try evaluate("if page.content then page.content else null", in: scope) == .fragment(body))
    #expect(error(of: "page.content + 1", in: scope) == FormulaError(.invalidOperands("+", "markup", "number"), at: column(14)))
}
