/// The names a formula can read and the functions it can call.
///
/// Scopes are immutable: `binding(_:to:)` returns a new scope, so an element-scoped `r:let`
/// or an `r:each` variable never leaks to siblings.
public struct Scope: Sendable {
    private let variables: [String: Value]
    /// The functions formulas in this scope may call.
    public let functions: FunctionTable

    public init(variables: [String: Value] = [:], functions: FunctionTable = .standard) {
        self.variables = variables
        self.functions = functions
    }

    /// A new scope where `name` is `value` (hiding any outer `name`).
    public func binding(_ name: String, to value: Value) -> Scope {
        var copy = variables
        copy[name] = value
        return Scope(variables: copy, functions: functions)
    }

    /// The value bound to `name`, or `nil` when the name is not in scope.
    public func value(of name: String) -> Value? { variables[name] }

    /// All names in scope, sorted.
    public var names: [String] { variables.keys.sorted() }
}
