import Formulas
import Testing

/// Precedence and associativity, as a table of formula → value.
@Test(arguments: [
    ("1 + 2 * 3 ^ 2", 19.0),       // ^ over * over +
    ("-2^2", -4),                  // ^ binds tighter than unary minus
    ("(-2)^2", 4),
    ("2^3^2", 512),                // ^ is right-associative
    ("2^-1", 0.5),                 // an exponent may carry a minus
    ("10 - 4 - 3", 3),             // - is left-associative
    ("8 / 4 / 2", 1),
    ("(1 + 2) * 3", 9),
    ("7 % 4", 3),
    ("-7 % 4", -3),                // remainder takes the dividend's sign
    ("- -3", 3),
    ("1.2e9", 1.2e9),
    ("1e-3 * 1000", 1),
    ("3.5 + 0.5", 4),
    ("n * 2 + 1", 7),
])
func arithmeticFollowsPrecedence(source: String, expected: Double) throws {
    #expect(try evaluate(source) == .number(expected))
}

/// `not` binds looser than comparisons and tighter than `and`, which binds tighter than `or`.
@Test(arguments: [
    ("not a and b", false),        // (not true) and false
    ("not b and a", true),         // (not false) and true
    ("not (a and b)", true),
    ("true or false and false", true),
    ("(true or false) and false", false),
    ("not 1 == 2", true),          // not (1 == 2)
    ("not not a", true),
    ("1 + 1 == 2 and 2 < 3", true),
    ("'a' < 'b' or 1 > 2", true),
])
func logicFollowsPrecedence(source: String, expected: Bool) throws {
    #expect(try evaluate(source) == .bool(expected))
}

@Test func notAppliesToEachCombinationAsTruthiness() throws {
    for x in [true, false] {
        for y in [true, false] {
            let scope = Scope(variables: ["x": .bool(x), "y": .bool(y)])
            #expect(try evaluate("not x and y", in: scope) == .bool(!x && y))
            #expect(try evaluate("not x or y", in: scope) == .bool(!x || y))
        }
    }
}

@Test(arguments: [
    ("'it\\'s'", "it's"),
    ("\"say \\\"hi\\\"\"", "say \"hi\""),
    ("'a\\\\b'", "a\\b"),
    ("'line\\nbreak'", "line\nbreak"),
    ("\"single ' inside\"", "single ' inside"),
    ("'價格'", "價格"),
])
func stringLiteralsUnescape(source: String, expected: String) throws {
    #expect(try evaluate(source) == .string(expected))
}

@Test func literalsOfEachKind() throws {
    #expect(try evaluate("true") == .bool(true))
    #expect(try evaluate("false") == .bool(false))
    #expect(try evaluate("null") == .null)
    #expect(try evaluate("[1, 2, 'a']") == [1, 2, "a"])
    #expect(try evaluate("[]") == .list([]))
    #expect(try evaluate("[[1], [n, 'b',]]") == [[1], [3, "b"]])
}

@Test func ifThenElseChoosesABranchAndElseExtendsRight() throws {
    #expect(try evaluate("if page.draft then 'draft' else 'live'") == "live")
    #expect(try evaluate("if b then 1 else if a then 2 else 3") == 2)
    #expect(try evaluate("if a then if b then 1 else 2 else 3") == 2)
    // The pipe belongs to the else branch only.
    #expect(try evaluate("if a then 1 else 2 | string") == 1)
    #expect(try evaluate("if b then 1 else 2 | string") == "2")
    // The untaken branch is not evaluated.
    #expect(try evaluate("if a then 1 else 1 / 0") == 1)
}
