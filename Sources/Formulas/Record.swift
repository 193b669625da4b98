/// String-keyed fields in a fixed order: front matter, a table row, `loop`, a site's data.
///
/// Reading a key that is not there gives `nil` (formulas turn it into `null`).
public struct Record: Sendable {
    /// The field names in order, each once.
    public private(set) var keys: [String]
    private var values: [String: Value]
    /// Where the record comes from, for provenance: `models[PaLM]` for a table row. Reads of
    /// its fields are written to a `Trace` as `models[PaLM].parameters`. Not part of equality.
    public var origin: String?

    /// Makes a record from fields in order. A repeated key keeps its first position and its
    /// last value.
    public init(_ fields: [(String, Value)]) {
        keys = []
        values = [:]
        for (key, value) in fields {
            if values.updateValue(value, forKey: key) == nil { keys.append(key) }
        }
    }

    /// The value of the field named `key`, or `nil` when there is none.
    public subscript(key: String) -> Value? { values[key] }

    /// The fields in order.
    public var fields: [(String, Value)] { keys.map { ($0, values[$0]!) } }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// A copy with the field `key` set to `value` (appended when new).
    public func setting(_ key: String, to value: Value) -> Record {
        var copy = self
        if copy.values.updateValue(value, forKey: key) == nil { copy.keys.append(key) }
        return copy
    }
}

extension Record: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) { self.init(elements) }
}
