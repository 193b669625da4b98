/// The names a formula can read, the functions it can call, and the language of the page.
///
/// Scopes are immutable: `binding(_:to:)` returns a new scope, so an element-scoped `r:let`
/// or an `r:each` variable never leaks to siblings.
public struct Scope: Sendable {
    private let variables: [String: Value]
    /// The functions formulas in this scope may call.
    public let functions: FunctionTable
    /// The BCP 47 tag of the page's language (`en`, `zh-Hant`, `zh-Hans`): formatters called
    /// in this scope write numbers in it (`| compact` gives `1750億` on a zh-Hant page), and
    /// `| zh` picks zh-Hans only when it is a zh-Hans page.
    public let language: String

    public init(variables: [String: Value] = [:], functions: FunctionTable = .standard, language: String = "en") {
        self.variables = variables
        self.functions = functions
        self.language = language
    }

    /// A new scope where `name` is `value` (hiding any outer `name`).
    public func binding(_ name: String, to value: Value) -> Scope {
        var copy = variables
        copy[name] = value
        return Scope(variables: copy, functions: functions, language: language)
    }

    /// A new scope with every pair bound (later pairs hide earlier ones and outer names), in
    /// one copy of the names instead of one per pair: for binding a table row's columns.
    public func binding(_ pairs: [(String, Value)]) -> Scope {
        var copy = variables
        for (name, value) in pairs { copy[name] = value }
        return Scope(variables: copy, functions: functions, language: language)
    }

    /// The same names and functions for a page in another language.
    public func with(language: String) -> Scope {
        Scope(variables: variables, functions: functions, language: language)
    }

    /// The value bound to `name`, or `nil` when the name is not in scope.
    public func value(of name: String) -> Value? { variables[name] }

    /// All names in scope, sorted.
    public var names: [String] { variables.keys.sorted() }
}
