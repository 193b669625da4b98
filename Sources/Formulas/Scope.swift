/// The names a formula can read, the functions it can call, and the language of the page.
///
/// Scopes are immutable: `binding(_:to:)` returns a new scope, so an element-scoped `r:let`
/// or an `r:each` variable never leaks to siblings.
public struct Scope: Sendable {
    /// The names the scope was made with (a page's tables and site values): shared, never copied.
    private let variables: [String: Value]
    /// The names bound since (`binding`), which hide `variables`: copied on each binding, but
    /// small (a row's columns, a loop variable, a page's `compute` names). A chart's `where`
    /// over 200 rows once copied every table name per row.
    private let locals: [String: Value]
    /// A table row whose fields are names, hiding `locals` and `variables`, and the name of
    /// the whole row (`binding(row:as:)`): bound without copying anything.
    private let row: (name: String, record: Record)?
    /// The functions formulas in this scope may call.
    public let functions: FunctionTable
    /// The BCP 47 tag of the page's language (`en`, `zh-Hant`, `zh-Hans`): formatters called
    /// in this scope write numbers in it (`| compact` gives `1750億` on a zh-Hant page), and
    /// `| zh` picks zh-Hans only when it is a zh-Hans page.
    public let language: String

    public init(variables: [String: Value] = [:], functions: FunctionTable = .standard, language: String = "en") {
        self.init(variables: variables, locals: [:], functions: functions, language: language)
    }

    private init(variables: [String: Value], locals: [String: Value], row: (name: String, record: Record)? = nil,
                 functions: FunctionTable, language: String) {
        self.variables = variables
        self.locals = locals
        self.row = row
        self.functions = functions
        self.language = language
    }

    /// `locals` with the row's fields and name folded in, for a binding made on top of a row.
    private var allLocals: [String: Value] {
        guard let row else { return locals }
        var copy = locals
        for (name, value) in row.record.fields { copy[name] = value }
        copy[row.name] = .record(row.record)
        return copy
    }

    /// A new scope where `name` is `value` (hiding any outer `name`).
    public func binding(_ name: String, to value: Value) -> Scope {
        var copy = allLocals
        copy[name] = value
        return Scope(variables: variables, locals: copy, functions: functions, language: language)
    }

    /// A new scope with every pair bound (later pairs hide earlier ones and outer names), in
    /// one copy of the bound names instead of one per pair.
    public func binding(_ pairs: [(String, Value)]) -> Scope {
        var copy = allLocals
        for (name, value) in pairs { copy[name] = value }
        return Scope(variables: variables, locals: copy, functions: functions, language: language)
    }

    /// A new scope where each field of `record` is a name and `name` is the whole record, all
    /// hiding outer names: for evaluating a formula per table row (a chart's `where`), in O(1).
    public func binding(row record: Record, as name: String) -> Scope {
        Scope(variables: variables, locals: allLocals, row: (name, record), functions: functions, language: language)
    }

    /// The same names and functions for a page in another language.
    public func with(language: String) -> Scope {
        Scope(variables: variables, locals: locals, row: row, functions: functions, language: language)
    }

    /// The value bound to `name`, or `nil` when the name is not in scope.
    public func value(of name: String) -> Value? {
        if let row {
            if name == row.name { return .record(row.record) }
            if let value = row.record[name] { return value }
        }
        return locals[name] ?? variables[name]
    }

    /// All names in scope, sorted.
    public var names: [String] { Set(variables.keys).union(allLocals.keys).sorted() }
}
