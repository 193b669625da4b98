/// A function's report that its arguments do not fit, such as "expects a list, got a number".
///
/// The evaluator turns it into a `FormulaError` with reason `.functionFailed(name, message:)`
/// at the position of the call, so function bodies need not know where they were called from.
public struct FunctionFailure: Error, Equatable, Sendable {
    /// One phrase, lower case, no trailing period.
    public var message: String

    public init(_ message: String) { self.message = message }
}
