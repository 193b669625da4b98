import Quantities

/// A node of a parsed formula: what it is and where it starts.
///
/// `offset` counts characters from the start of the formula's source; the evaluator adds it
/// to the expression's `SourceLocation` to report errors at the node's token (the operator of
/// a binary node, the name of a call, the `[` of an index, the field name of a member).
struct Syntax: Sendable {
    indirect enum Kind: Sendable {
        /// `42`, `'text'`, `true`, `null`, and quantities: `312e12 [FLOP/s]` and `9..17 [h]` are
        /// read whole by the lexer and parser into a `.quantity` value (a number can never be
        /// indexed, so `[` after a number always starts a unit).
        case literal(Value)
        /// `[a, b]`.
        case list([Syntax])
        /// A top-level name, looked up in the scope.
        case name(String)
        /// `base.field`.
        case member(Syntax, String)
        /// `base[index]`.
        case index(Syntax, Syntax)
        /// `f(a, b)`, and pipes: `x | f(a)` is `.call("f", [x, a])`.
        case call(String, [Syntax])
        /// `-x`.
        case negate(Syntax)
        /// `not x`.
        case not(Syntax)
        /// Arithmetic, comparison, `and`, `or`.
        case binary(BinaryOperator, Syntax, Syntax)
        /// `if condition then a else b`.
        case conditional(Syntax, Syntax, Syntax)
        /// `x | in h`: the value shown in another unit of the same dimension; at `in`.
        case convert(Syntax, Unit)
    }

    var kind: Kind
    var offset: Int

    init(_ kind: Kind, at offset: Int) {
        self.kind = kind
        self.offset = offset
    }
}

/// The binary operators, with their precedence (higher binds tighter).
enum BinaryOperator: String, Sendable {
    case or, and
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%", power = "^"

    /// `or` 1, `and` 2, (prefix `not` 3), comparisons 4, `+ -` 5, `* / %` 6, (unary `-`), `^` 8.
    var precedence: Int {
        switch self {
        case .or: 1
        case .and: 2
        case .equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual: 4
        case .add, .subtract: 5
        case .multiply, .divide, .remainder: 6
        case .power: 8
        }
    }

    var isComparison: Bool { precedence == 4 }

    static let notPrecedence = 3
}
