import Diagnostics

extension Expression {
    /// Parses an `r:let` binding, `name = expression`.
    ///
    /// - Parameters:
    ///   - source: The attribute value, e.g. `total = len(pages)`.
    ///   - location: Where `source` starts.
    /// - Returns: The name and the expression (whose `source` and `location` are those of the
    ///   text after `=`).
    /// - Throws: `FormulaError` when there is no name, no `=`, or the expression is invalid.
    public static func parseBinding(_ source: String, at location: SourceLocation) throws(FormulaError) -> Binding {
        let (name, expression) = try parseHeaded(source, at: location, separator: .symbol("="), "`=`")
        return Binding(name: name, expression: expression)
    }

    /// Parses an `r:each` loop head, `name in expression`.
    ///
    /// - Parameters:
    ///   - source: The attribute value, e.g. `post in pages | slice(0, 10)`.
    ///   - location: Where `source` starts.
    /// - Returns: The loop variable's name and the expression giving the items (whose `source`
    ///   and `location` are those of the text after `in`).
    /// - Throws: `FormulaError` when there is no name, no `in`, or the expression is invalid.
    public static func parseLoop(
        _ source: String, at location: SourceLocation
    ) throws(FormulaError) -> (name: String, expression: Expression) {
        try parseHeaded(source, at: location, separator: .keyword(.in), "`in`")
    }

    /// `name SEPARATOR expression`.
    private static func parseHeaded(
        _ source: String, at location: SourceLocation, separator: Token.Kind, _ description: String
    ) throws(FormulaError) -> (name: String, expression: Expression) {
        let (name, start) = try FormulaError.rethrowing { () throws -> (Token, Int) in
            var parser = Parser(tokens: try Lexer.tokens(of: source, at: location), at: location)
            let name = try parser.expectName("a name")
            guard parser.current.kind == separator else { throw parser.unexpected(expected: description) }
            _ = parser.advance()
            return (name, parser.current.offset)  // the expression's first token (or the end)
        }
        let rest = String(Array(source)[start...])
        return (name.text, try Expression.parse(rest, at: location.advanced(by: start)))
    }
}
