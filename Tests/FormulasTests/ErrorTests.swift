import Diagnostics
import Foundation
import Synchronization
import Formulas
import Testing

// Each error kind, compared as a whole value: reason and exact location of the token at fault.

@Test func unknownNameSuggestsTheClosestNameInScope() {
    #expect(error(of: "len(pagez)") == FormulaError(.unknownName("pagez", suggestion: "pages"), at: column(5)))
    #expect(error(of: "zzzzzz") == FormulaError(.unknownName("zzzzzz", suggestion: nil), at: column(1)))
}

@Test func unknownFunctionSuggestsTheClosestFunction() {
    #expect(error(of: "lenn(pages)") == FormulaError(.unknownFunction("lenn", suggestion: "len"), at: column(1)))
    #expect(error(of: "page.title | uper") == FormulaError(.unknownFunction("uper", suggestion: "upper"), at: column(14)))
}

@Test func fieldsOfNonRecordsAreErrors() {
    #expect(error(of: "1.foo") == FormulaError(.noFields("foo", type: "number"), at: column(3)))
    #expect(error(of: "page.title.size") == FormulaError(.noFields("size", type: "string"), at: column(12)))
    #expect(error(of: "pages.title") == FormulaError(.noFields("title", type: "list"), at: column(7)))
}

@Test func badIndexesAreErrorsAtTheBracket() {
    // A list of records takes a string key (a table lookup, see EvaluationTests); other lists do not.
    #expect(error(of: "page.tags['a']") == FormulaError(.invalidIndex(type: "list", index: "string"), at: column(10)))
    #expect(error(of: "page[0]") == FormulaError(.invalidIndex(type: "record", index: "number"), at: column(5)))
    #expect(error(of: "n[0]") == FormulaError(.invalidIndex(type: "number", index: "number"), at: column(2)))
    #expect(error(of: "pages[0.5]") == FormulaError(.fractionalIndex(0.5), at: column(6)))
}

@Test func mixedOperandsNameBothTypesAtTheOperator() {
    #expect(error(of: "1 + 'a'") == FormulaError(.invalidOperands("+", "number", "string"), at: column(3)))
    #expect(error(of: "n < 'a'") == FormulaError(.invalidOperands("<", "number", "string"), at: column(3)))
    // (`null` operands give `null`, a missing value: see EvaluationTests.)
    #expect(error(of: "page.tags * 2") == FormulaError(.invalidOperands("*", "list", "number"), at: column(11)))
    #expect(error(of: "[1] + [2]") == FormulaError(.invalidOperands("+", "list", "list"), at: column(5)))
    #expect(error(of: "-'a'") == FormulaError(.invalidOperand("-", "string"), at: column(1)))
}

@Test func divisionByZeroIsAnErrorAtTheOperator() {
    #expect(error(of: "1 / (2 - 2)") == FormulaError(.divisionByZero, at: column(3)))
    #expect(error(of: "5 % 0") == FormulaError(.divisionByZero, at: column(3)))
}

@Test func lexingErrorsPointAtTheCharacter() {
    #expect(error(of: "1 @ 2") == FormulaError(.unexpectedCharacter("@"), at: column(3)))
    #expect(error(of: "page.title + 'abc") == FormulaError(.unterminatedString, at: column(14)))
    #expect(error(of: "'a\\qb'") == FormulaError(.unknownEscape("q"), at: column(3)))
    #expect(error(of: "'a\\") == FormulaError(.unterminatedString, at: column(1)))
}

@Test func parseErrorsPointAtTheTokenOrTheEnd() {
    #expect(error(of: "(1 + 2") == FormulaError(.unexpectedEnd(expected: "`)`"), at: column(7)))
    #expect(error(of: "len(1 2)") == FormulaError(.unexpectedToken("2", expected: "`,` or `)`"), at: column(7)))
    #expect(error(of: "1 +") == FormulaError(.unexpectedEnd(expected: "an expression"), at: column(4)))
    #expect(error(of: "") == FormulaError(.unexpectedEnd(expected: "an expression"), at: column(1)))
    #expect(error(of: "1 2") == FormulaError(.unexpectedToken("2", expected: "an operator or the end"), at: column(3)))
    #expect(error(of: "if a then 1") == FormulaError(.unexpectedEnd(expected: "`else`"), at: column(12)))
    #expect(error(of: "page.") == FormulaError(.unexpectedEnd(expected: "a field name after `.`"), at: column(6)))
    #expect(error(of: "n | 2") == FormulaError(.unexpectedToken("2", expected: "a function name after `|`"), at: column(5)))
    #expect(error(of: "a == not b") == FormulaError(.unexpectedToken("not", expected: "an expression"), at: column(6)))
}

@Test func comparisonsDoNotChain() {
    #expect(error(of: "1 < n < 5") == FormulaError(.chainedComparison("<"), at: column(7)))
    #expect(error(of: "a == b != a") == FormulaError(.chainedComparison("!="), at: column(8)))
    #expect(error(of: "(1 < n) == true") == nil)
}

@Test func onlyFunctionNamesCanBeCalled() {
    #expect(error(of: "page.title(1)") == FormulaError(.notCallable, at: column(11)))
}

@Test func singleEqualsIsAParseErrorThatSuggestsDoubleEquals() throws {
    let failure = try #require(error(of: "n = 3"))
    #expect(failure == FormulaError(.unexpectedToken("=", expected: "an operator or the end"), at: column(3)))
    #expect(failure.message == "expected an operator or the end, found `=`: did you mean `==`?")
}

@Test func columnsAreOffsetFromWhereTheExpressionStarts() {
    let attribute = SourceLocation(file: "templates/list.html", line: 3, column: 10)
    #expect(error(of: "n + 'x'", at: attribute)
        == FormulaError(.invalidOperands("+", "number", "string"), at: SourceLocation(file: "templates/list.html", line: 3, column: 12)))
    #expect(error(of: "(n", at: attribute)
        == FormulaError(.unexpectedEnd(expected: "`)`"), at: SourceLocation(file: "templates/list.html", line: 3, column: 12)))
}

@Test func columnsCountCharactersSoCJKCountsOne() throws {
    // '價格：' is 5 characters (quotes included) but 11 UTF-8 bytes.
    #expect(error(of: "'價格：' + n") == FormulaError(.invalidOperands("+", "string", "number"), at: column(7)))
    let scope = Scope(variables: ["頁面": ["標題": "你好"]])
    #expect(try evaluate("頁面.標題", in: scope) == "你好")
    #expect(error(of: "頁面.標題 @", in: scope) == FormulaError(.unexpectedCharacter("@"), at: column(7)))
    #expect(error(of: "'👩‍👩‍👧' + 1") == FormulaError(.invalidOperands("+", "string", "number"), at: column(5)))
}

@Test func wrongArgumentCountsNameTheExpectedCount() {
    #expect(error(of: "len()") == FormulaError(.wrongArgumentCount("len", expected: 1...1, found: 0), at: column(1)))
    #expect(error(of: "round(1, 2, 3)") == FormulaError(.wrongArgumentCount("round", expected: 1...2, found: 3), at: column(1)))
    // A pipe's left side is the first argument.
    #expect(error(of: "pages | len(1)") == FormulaError(.wrongArgumentCount("len", expected: 1...1, found: 2), at: column(9)))
}

@Test func functionFailuresBecomeErrorsAtTheCall() {
    #expect(error(of: "n + upper(1)") == FormulaError(.functionFailed("upper", message: "expected a string, got number"), at: column(5)))
    #expect(error(of: "pages | slice(0.5)") == FormulaError(.functionFailed("slice", message: "expected a whole number, got 0.5"), at: column(9)))
}

@Test func nestingDeeperThanTheLimitIsAnErrorNotACrash() throws {
    let fine = String(repeating: "(", count: 200) + "1" + String(repeating: ")", count: 200)
    #expect(try evaluate(fine) == 1)
    // The whole expression is level 1, so 255 parentheses make 256 levels…
    let limit = String(repeating: "(", count: 255) + "1" + String(repeating: ")", count: 255)
    #expect(try evaluate(limit) == 1)
    // …and the 256th parenthesis is one too many.
    let deep = String(repeating: "(", count: 300) + "1" + String(repeating: ")", count: 300)
    #expect(error(of: deep) == FormulaError(.tooDeeplyNested(limit: 256), at: column(256)))
    let brackets = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
    #expect(error(of: brackets)?.reason == .tooDeeplyNested(limit: 256))
    let chain = Array(repeating: "1", count: 1000).joined(separator: " + ")
    #expect(error(of: chain)?.reason == .tooDeeplyNested(limit: 256))
    let negations = String(repeating: "-", count: 1000) + "1"
    #expect(error(of: negations)?.reason == .tooDeeplyNested(limit: 256))
    let nots = String(repeating: "not ", count: 1000) + "a"
    #expect(error(of: nots)?.reason == .tooDeeplyNested(limit: 256))
}

@Test(arguments: [
    (FormulaError.Reason.unknownName("pagez", suggestion: "pages"), "unknown name `pagez`; did you mean `pages`?"),
    (.unknownName("x", suggestion: nil), "unknown name `x`"),
    (.invalidOperands("+", "number", "string"), "cannot apply `+` to number and string: convert with `string(x)` first"),
    (.invalidOperands("<", "number", "string"), "cannot apply `<` to number and string"),
    (.unexpectedEnd(expected: "`)`"), "unexpected end of expression: expected `)`"),
    (.unexpectedToken(",", expected: "`)`"), "expected `)`, found `,`"),
    (.wrongArgumentCount("len", expected: 1...1, found: 2), "`len` takes 1 argument, got 2"),
    (.wrongArgumentCount("round", expected: 1...2, found: 0), "`round` takes 1 or 2 arguments, got 0"),
    (.wrongArgumentCount("f", expected: 1...3, found: 4), "`f` takes 1 to 3 arguments, got 4"),
    (.wrongArgumentCount("g", expected: 2...2, found: 1), "`g` takes 2 arguments, got 1"),
    (.fractionalIndex(0.5), "index 0.5 is not a whole number"),
    (.unknownEscape("q"), "unknown escape `\\q`: use \\', \\\", \\\\, \\n or \\t"),
])
func messagesReadAsSentences(reason: FormulaError.Reason, message: String) {
    #expect(FormulaError(reason, at: start).message == message)
}

@Test func diagnosticCarriesTheMessageAndLocation() throws {
    let location = SourceLocation(file: "templates/list.html", line: 3, column: 10)
    let failure = try #require(error(of: "len(pagez)", at: location))
    #expect(failure.diagnostic == .error("unknown name `pagez`; did you mean `pages`?", at: location.advanced(by: 4)))
    #expect(failure.diagnostic.summary == "templates/list.html:3:14: error: unknown name `pagez`; did you mean `pages`?")
}

/// The deepest expressions the parser accepts parse and evaluate on a thread with 2 MiB of
/// stack (a quarter of Linux's default) even in a debug build, so no accepted formula can
/// crash a build. Measured: debug needs about 4.3 KB per level of parentheses; release,
/// about 1 KB (under 512 KiB in all, the size of a secondary thread on macOS).
@Test func deepestAcceptedExpressionsFitInASmallStack() throws {
    let parens = String(repeating: "(", count: 255) + "n" + String(repeating: ")", count: 255)
    let lists = String(repeating: "[", count: 255) + String(repeating: "]", count: 255)
    let calls = String(repeating: "len(", count: 127) + "'a'" + String(repeating: ")", count: 127)
    let sums = Array(repeating: "n", count: 255).joined(separator: " + ")
    let negations = String(repeating: "-", count: 254) + "n"
    let paths = "page" + String(repeating: ".x", count: 254)
    let sources = [parens, lists, calls, sums, negations, paths]
    let results = Mutex<[Bool]>([])
    let done = DispatchSemaphore(value: 0)
    let thread = Thread {
        let parsed = sources.map { source in (try? Expression.parse(source, at: start)) != nil }
        results.withLock { $0 = parsed }
        _ = sources.map { source in try? evaluate(source) }
        done.signal()
    }
    thread.stackSize = 2 * 1024 * 1024
    thread.start()
    done.wait()
    #expect(results.withLock { $0 } == Array(repeating: true, count: sources.count))
}
