import Diagnostics
import Quantities

/// Reads tokens into a `Syntax` tree by recursive descent (precedence climbing for binary
/// operators). Precedence, low to high:
///
/// ```
/// if c then a else b        (else extends as far right as it can)
/// x | f, x | f(a), x | in u (f(x), f(x, a), x converted to the unit u)
/// or
/// and
/// not
/// == != < <= > >=           (non-associative)
/// + -
/// * / %
/// unary -
/// ^                         (right-associative; -2^2 is -4, 2^-1 is 0.5)
/// .name  [index]  f(args)
/// ```
///
/// Literals: numbers (`1.2e9`, `175B`, `1750億`), ranges (`9e6..17e6`), either followed by a
/// unit in brackets (`312e12 [FLOP/s/chip]`, `1.07..2.02 [USD/(chip·h)]`), strings, `true`,
/// `false`, `null`, lists.
///
/// Nesting is limited to `Parser.depthLimit` levels so that neither the parser nor the
/// evaluator can run out of stack: every level of the tree counts, including each link of a
/// chain like `a + b + c` (the tree of a chain is as deep as it is long).
struct Parser {
    static let depthLimit = 256

    private let tokens: [Token]
    private let location: SourceLocation
    private var position = 0
    private var depth = 0

    init(tokens: [Token], at location: SourceLocation) {
        self.tokens = tokens
        self.location = location
    }

    /// Parses the whole token list as one expression.
    static func parse(_ source: String, at location: SourceLocation) throws -> Syntax {
        var parser = Parser(tokens: try Lexer.tokens(of: source, at: location), at: location)
        let syntax = try parser.parseConditional()
        try parser.expectEnd()
        return syntax
    }

    // MARK: Token access

    var current: Token { tokens[position] }

    mutating func advance() -> Token {
        let token = tokens[position]
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    func error(_ reason: FormulaError.Reason, at offset: Int) -> FormulaError {
        FormulaError(reason, at: location.advanced(by: offset))
    }

    /// The error for the current token when `expected` was needed.
    func unexpected(expected: String) -> FormulaError {
        current.kind == .end
            ? error(.unexpectedEnd(expected: expected), at: current.offset)
            : error(.unexpectedToken(current.text, expected: expected), at: current.offset)
    }

    func isSymbol(_ symbol: String) -> Bool { current.kind == .symbol(symbol) }
    func isKeyword(_ keyword: Keyword) -> Bool { current.kind == .keyword(keyword) }

    mutating func expect(symbol: String) throws {
        guard isSymbol(symbol) else { throw unexpected(expected: "`\(symbol)`") }
        _ = advance()
    }

    mutating func expect(keyword: Keyword) throws {
        guard isKeyword(keyword) else { throw unexpected(expected: "`\(keyword.rawValue)`") }
        _ = advance()
    }

    mutating func expectName(_ expected: String) throws -> Token {
        guard case .name = current.kind else { throw unexpected(expected: expected) }
        return advance()
    }

    mutating func expectEnd() throws {
        guard current.kind == .end else { throw unexpected(expected: "an operator or the end") }
    }

    /// Goes one level deeper; callers restore `depth` when they return.
    mutating func deepen(at offset: Int) throws {
        depth += 1
        if depth > Parser.depthLimit { throw error(.tooDeeplyNested(limit: Parser.depthLimit), at: offset) }
    }

    // MARK: Grammar
    //
    // The functions on the recursive path (one call each per level of nesting) keep to a
    // dispatch and hand each construct's work to a helper: debug builds give every temporary
    // of a function its own stack slot, and these frames are stacked 256 levels deep.

    mutating func parseConditional() throws -> Syntax {
        let saved = depth
        defer { depth = saved }
        // Blame the token that opened this level (`(`, `[`, `,`, `if`…), or the first one.
        try deepen(at: position > 0 ? tokens[position - 1].offset : current.offset)
        return isKeyword(.if) ? try parseIf() : try parsePipe()
    }

    mutating func parseIf() throws -> Syntax {
        let start = advance().offset
        let condition = try parseConditional()
        try expect(keyword: .then)
        let whenTrue = try parseConditional()
        try expect(keyword: .else)
        let whenFalse = try parseConditional()
        return Syntax(.conditional(condition, whenTrue, whenFalse), at: start)
    }

    /// `x | f` and `x | f(a, b)`, desugared into calls with `x` first, and `x | in UNIT`,
    /// a conversion (the lexer reads the unit: bare up to a space, `|`, `,` or an unmatched
    /// `)`, as in `x | in h` or `x | in FLOP/s`; or in brackets, `x | in [chip h]`).
    mutating func parsePipe() throws -> Syntax {
        let saved = depth
        defer { depth = saved }
        var left = try parseBinary(minimum: 1)
        while isSymbol("|") { left = try parsePipeStep(left) }
        return left
    }

    mutating func parsePipeStep(_ left: Syntax) throws -> Syntax {
        try deepen(at: advance().offset)
        if isKeyword(.in) {
            let keyword = advance()
            let unit = try parseUnit(expected: "a unit after `in`")
            return Syntax(.convert(left, unit), at: keyword.offset)
        }
        let name = try expectName("a function name after `|`")
        let arguments = isSymbol("(") ? try parseArguments() : []
        return Syntax(.call(name.text, [left] + arguments), at: name.offset)
    }

    mutating func parseBinary(minimum: Int) throws -> Syntax {
        let saved = depth
        defer { depth = saved }
        var left = isKeyword(.not) && minimum <= BinaryOperator.notPrecedence ? try parseNot() : try parseUnary()
        var comparedAlready = false
        while let op = binaryOperator(current), op.precedence >= minimum, op != .power {
            left = try parseRightOperand(of: op, after: left, comparedAlready: comparedAlready)
            comparedAlready = op.isComparison
        }
        return left
    }

    mutating func parseNot() throws -> Syntax {
        let start = advance().offset
        try deepen(at: start)
        return Syntax(.not(try parseBinary(minimum: BinaryOperator.notPrecedence)), at: start)
    }

    /// The current token is `op`; reads its right operand and returns `left op right`.
    mutating func parseRightOperand(
        of op: BinaryOperator, after left: Syntax, comparedAlready: Bool
    ) throws -> Syntax {
        let token = advance()
        if op.isComparison && comparedAlready {
            throw error(.chainedComparison(token.text), at: token.offset)
        }
        try deepen(at: token.offset)
        let right = try parseBinary(minimum: op.precedence + 1)
        return Syntax(.binary(op, left, right), at: token.offset)
    }

    func binaryOperator(_ token: Token) -> BinaryOperator? {
        switch token.kind {
        case .symbol(let text): BinaryOperator(rawValue: text)
        case .keyword(.and): .and
        case .keyword(.or): .or
        default: nil
        }
    }

    mutating func parseUnary() throws -> Syntax {
        let saved = depth
        defer { depth = saved }
        return isSymbol("-") ? try parseNegation() : try parsePower()
    }

    mutating func parseNegation() throws -> Syntax {
        let start = advance().offset
        try deepen(at: start)
        if case .range(let low, let high) = current.kind {
            // `-3..5`: the minus belongs to the first end, not to the whole range.
            return try parseRangeLiteral(-low, high, at: start)
        }
        return Syntax(.negate(try parseUnary()), at: start)
    }

    /// `base ^ exponent`, where the exponent may carry a unary minus and is itself a power.
    mutating func parsePower() throws -> Syntax {
        let saved = depth
        defer { depth = saved }
        let base = try parsePostfix()
        return isSymbol("^") ? try parseExponent(of: base) : base
    }

    mutating func parseExponent(of base: Syntax) throws -> Syntax {
        let token = advance()
        try deepen(at: token.offset)
        return Syntax(.binary(.power, base, try parseUnary()), at: token.offset)
    }

    /// `.name`, `[index]` after a primary. (A number followed by `[` never gets here: the
    /// lexer reads the bracket as the number's unit.)
    mutating func parsePostfix() throws -> Syntax {
        let saved = depth
        defer { depth = saved }
        var base = try parsePrimary()
        while true {
            if isSymbol(".") {
                base = try parseMember(of: base)
            } else if isSymbol("[") {
                base = try parseIndex(of: base)
            } else if isSymbol("(") {
                throw error(.notCallable, at: current.offset)
            } else {
                return base
            }
        }
    }

    mutating func parseMember(of base: Syntax) throws -> Syntax {
        try deepen(at: advance().offset)
        let name = try expectName("a field name after `.`")
        return Syntax(.member(base, name.text), at: name.offset)
    }

    mutating func parseIndex(of base: Syntax) throws -> Syntax {
        let bracket = advance().offset
        try deepen(at: bracket)
        let index = try parseConditional()
        try expect(symbol: "]")
        return Syntax(.index(base, index), at: bracket)
    }

    mutating func parsePrimary() throws -> Syntax {
        if isSymbol("(") { return try parseParenthesized() }
        if isSymbol("[") { return try parseListLiteral() }
        if case .name = current.kind { return try parseNameOrCall() }
        return try parseLiteral()
    }

    mutating func parseParenthesized() throws -> Syntax {
        _ = advance()
        let inner = try parseConditional()
        try expect(symbol: ")")
        return inner
    }

    mutating func parseListLiteral() throws -> Syntax {
        let start = advance().offset
        return Syntax(.list(try parseList(closing: "]")), at: start)
    }

    mutating func parseNameOrCall() throws -> Syntax {
        let token = advance()
        if isSymbol("(") { return Syntax(.call(token.text, try parseArguments()), at: token.offset) }
        return Syntax(.name(token.text), at: token.offset)
    }

    mutating func parseLiteral() throws -> Syntax {
        let token = current
        switch token.kind {
        case .number(let value):
            _ = advance()
            guard case .unit = current.kind else { return Syntax(.literal(.number(value)), at: token.offset) }
            let unit = try parseUnit(expected: "a unit")
            return Syntax(.literal(.quantity(Quantity(value, unit))), at: token.offset)
        case .range(let low, let high):
            return try parseRangeLiteral(low, high, at: token.offset)
        case .string(let value):
            _ = advance()
            return Syntax(.literal(.string(value)), at: token.offset)
        case .keyword(.true), .keyword(.false):
            _ = advance()
            return Syntax(.literal(.bool(token.kind == .keyword(.true))), at: token.offset)
        case .keyword(.null):
            _ = advance()
            return Syntax(.literal(.null), at: token.offset)
        default:
            throw unexpected(expected: "an expression")
        }
    }

    /// A range token (current) and its optional unit; `start` is where the literal starts.
    mutating func parseRangeLiteral(_ low: Double, _ high: Double, at start: Int) throws -> Syntax {
        _ = advance()
        guard low <= high else { throw error(.reversedRange, at: start) }
        var unit = Unit.one
        if case .unit = current.kind { unit = try parseUnit(expected: "a unit") }
        return Syntax(.literal(Value(Quantity(lower: low, upper: high, unit))), at: start)
    }

    /// Reads the current `.unit` token into a `Unit`; errors point into the unit's text.
    mutating func parseUnit(expected: String) throws -> Unit {
        guard case .unit(let text) = current.kind else { throw unexpected(expected: expected) }
        let token = advance()
        do {
            return try Unit.parse(text)
        } catch {
            throw self.error(.invalidUnit(error.reason), at: token.offset + error.offset)
        }
    }

    /// `(a, b)` after a function name; the current token is `(`.
    mutating func parseArguments() throws -> [Syntax] {
        try expect(symbol: "(")
        return try parseList(closing: ")")
    }

    /// Comma-separated expressions up to `closing` (a trailing comma is allowed).
    mutating func parseList(closing: String) throws -> [Syntax] {
        var items: [Syntax] = []
        while !isSymbol(closing) {
            items.append(try parseConditional())
            guard isSymbol(",") else { break }
            _ = advance()
        }
        guard isSymbol(closing) else {
            throw unexpected(expected: "`,` or `\(closing)`")
        }
        _ = advance()
        return items
    }
}
