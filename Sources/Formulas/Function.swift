/// A named, pure function that formulas can call as `name(args)` or pipe to as `x | name(args)`.
///
/// Functions are not values: they live in a `FunctionTable` and are found by name at the call.
public struct Function: Sendable {
    /// The name formulas call it by.
    public let name: String
    /// How many arguments it takes; a call outside this range is a `.wrongArgumentCount` error
    /// before the body runs.
    public let arity: ClosedRange<Int>
    private let body: @Sendable ([Value], FunctionContext) throws(FunctionFailure) -> Value

    /// - Parameters:
    ///   - name: The name formulas call it by.
    ///   - arity: How many arguments it takes, e.g. `1...1` or `1...2` for an optional one.
    ///   - body: Computes the result from arguments whose count is within `arity`; throws
    ///     `FunctionFailure` when they do not fit. Must be pure and terminate.
    public init(
        name: String, arity: ClosedRange<Int>,
        _ body: @escaping @Sendable ([Value]) throws(FunctionFailure) -> Value
    ) {
        self.name = name
        self.arity = arity
        self.body = { arguments, _ throws(FunctionFailure) in try body(arguments) }
    }

    /// A function that also reads the call's context (the page language, for formatters).
    public init(
        name: String, arity: ClosedRange<Int>,
        _ body: @escaping @Sendable ([Value], FunctionContext) throws(FunctionFailure) -> Value
    ) {
        self.name = name
        self.arity = arity
        self.body = body
    }

    /// Runs the body on `arguments` (the caller checks `arity`) in `context`.
    public func call(_ arguments: [Value], context: FunctionContext = FunctionContext()) throws(FunctionFailure) -> Value {
        try body(arguments, context)
    }
}
