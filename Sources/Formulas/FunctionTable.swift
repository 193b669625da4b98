/// The functions a formula may call, by name.
///
/// Tables are values: `adding(_:)` returns a new table, so a site can extend `.standard` with
/// its own functions without affecting other scopes.
public struct FunctionTable: Sendable {
    private var functions: [String: Function]

    /// An empty table.
    public init() { functions = [:] }

    /// A copy with `function` added, replacing any function of the same name.
    public func adding(_ function: Function) -> FunctionTable {
        var copy = self
        copy.functions[function.name] = function
        return copy
    }

    /// The function called `name`, or `nil`.
    public subscript(name: String) -> Function? { functions[name] }

    /// The names of all functions, sorted.
    public var names: [String] { functions.keys.sorted() }
}
