import Diagnostics

/// A parsed formula, ready to evaluate in any number of scopes.
///
/// ```swift
/// let test = try Expression.parse("len(pages) > 0 and not page.draft",
///                                 at: SourceLocation(file: "templates/list.html", line: 12, column: 16))
/// if try test.evaluate(in: scope).isTruthy { … }
/// ```
///
/// Parse once (per template, per table column), evaluate per page or row. Expressions are
/// immutable and `Sendable`.
public struct Expression: Sendable {
    /// The formula as written.
    public let source: String
    /// Where `source` starts; error columns are offset from it, counting characters.
    public let location: SourceLocation
    let syntax: Syntax

    init(source: String, location: SourceLocation, syntax: Syntax) {
        self.source = source
        self.location = location
        self.syntax = syntax
    }

    /// Parses `source`, which starts at `location` in its file.
    ///
    /// - Parameters:
    ///   - source: One line of formula text, e.g. the value of an `r:if` attribute.
    ///   - location: The file, line and column of the first character of `source`.
    /// - Returns: The expression, which can be evaluated many times.
    /// - Throws: `FormulaError` at the first offending character or token: an unexpected
    ///   character, an unterminated string, an unknown escape, an unexpected token or end,
    ///   a chained comparison, a call of a non-function, or nesting deeper than 256 levels.
    ///   Names and functions are checked when evaluating, not here.
    public static func parse(_ source: String, at location: SourceLocation) throws(FormulaError) -> Expression {
        let syntax = try FormulaError.rethrowing { try Parser.parse(source, at: location) }
        return Expression(source: source, location: location, syntax: syntax)
    }

    /// Computes the value of the expression in `scope`.
    ///
    /// A missing record field or out-of-range index gives `null`, as does any field or index of
    /// `null`, so `page.author.name` is `null` when a page has no author. `and`/`or` evaluate
    /// their right side only when needed and give booleans.
    ///
    /// - Throws: `FormulaError` at the token at fault: an unknown name or function (with a
    ///   suggestion), a field of a non-record, a bad index, operands of the wrong types,
    ///   division by zero, a call with the wrong number of arguments, or a function's failure.
    public func evaluate(in scope: Scope) throws(FormulaError) -> Value {
        try FormulaError.rethrowing { try Evaluator(location: location).evaluate(syntax, in: scope) }
    }

    /// As `evaluate(in:)`, also recording in `trace` every field read from a record with an
    /// `origin` (a table row) and every table named.
    public func evaluate(in scope: Scope, trace: Trace) throws(FormulaError) -> Value {
        try FormulaError.rethrowing { try Evaluator(location: location, trace: trace).evaluate(syntax, in: scope) }
    }
}
