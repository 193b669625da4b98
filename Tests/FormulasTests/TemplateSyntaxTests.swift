import Diagnostics
import Formulas
import Testing

@Test func bindingsSplitNameAndExpression() throws {
    let binding = try Expression.parseBinding("total = len(pages)", at: start)
    #expect(binding.name == "total")
    #expect(binding.expression.source == "len(pages)")
    #expect(binding.expression.location == column(9))
    #expect(try binding.expression.evaluate(in: scope) == 3)
}

@Test func bindingErrorsPointIntoTheWholeAttribute() {
    func failure(_ source: String) -> FormulaError? {
        do { _ = try Expression.parseBinding(source, at: start); return nil } catch { return error }
    }
    #expect(failure("total len") == FormulaError(.unexpectedToken("len", expected: "`=`"), at: column(7)))
    #expect(failure("= 1") == FormulaError(.unexpectedToken("=", expected: "a name"), at: column(1)))
    #expect(failure("total = 1 +") == FormulaError(.unexpectedEnd(expected: "an expression"), at: column(12)))
    #expect(failure("total =") == FormulaError(.unexpectedEnd(expected: "an expression"), at: column(8)))
}

@Test func loopsSplitVariableAndSequence() throws {
    let loop = try Expression.parseLoop("post in pages | slice(0, 2)", at: start)
    #expect(loop.name == "post")
    #expect(loop.expression.source == "pages | slice(0, 2)")
    #expect(try loop.expression.evaluate(in: scope) == .list([try evaluate("pages[0]"), try evaluate("pages[1]")]))
}

@Test func loopErrorsPointIntoTheWholeAttribute() {
    func failure(_ source: String) -> FormulaError? {
        do { _ = try Expression.parseLoop(source, at: start); return nil } catch { return error }
    }
    #expect(failure("in pages") == FormulaError(.unexpectedToken("in", expected: "a name"), at: column(1)))
    #expect(failure("post pages") == FormulaError(.unexpectedToken("pages", expected: "`in`"), at: column(6)))
    #expect(failure("post, i in pages") == FormulaError(.unexpectedToken(",", expected: "`in`"), at: column(5)))
    #expect(failure("post") == FormulaError(.unexpectedEnd(expected: "`in`"), at: column(5)))
    let location = SourceLocation(file: "templates/list.html", line: 7, column: 20)
    do {
        _ = try Expression.parseLoop("p in pagez", at: location).expression.evaluate(in: scope)
        Issue.record("expected an error")
    } catch {
        #expect(error == FormulaError(.unknownName("pagez", suggestion: "pages"), at: location.advanced(by: 5)))
    }
}
