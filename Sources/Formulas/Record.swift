/// String-keyed fields in a fixed order: front matter, a table row, `loop`, a site's data.
///
/// Reading a key that is not there gives `nil` (formulas turn it into `null`).
public struct Record: Sendable {
    /// The field names in order, each once.
    public private(set) var keys: [String]
    /// The values, in the order of `keys`.
    private var values: [Value]
    /// Each key's position, once the record has more than `indexedFrom` fields: a smaller one
    /// (front matter, a link, a term: the records templates are made of) is searched in order,
    /// which costs less than hashing (building the hash table was 4% of a site build).
    private var index: [String: Int]?
    /// Where the record comes from, for provenance: `models[PaLM]` for a table row. Reads of
    /// its fields are written to a `Trace` as `models[PaLM].parameters`. Not part of equality.
    public var origin: String?

    static let indexedFrom = 32

    /// Makes a record from fields in order. A repeated key keeps its first position and its
    /// last value.
    public init(_ fields: [(String, Value)]) {
        keys = []
        values = []
        keys.reserveCapacity(fields.count)
        values.reserveCapacity(fields.count)
        guard fields.count > Self.indexedFrom else {
            for (key, value) in fields { set(key, value) }
            return
        }
        // A large record is indexed from the start, one table operation per new field.
        var index = [String: Int](minimumCapacity: fields.count)
        for (key, value) in fields {
            if let earlier = index.updateValue(keys.count, forKey: key) {
                index[key] = earlier
                values[earlier] = value
            } else {
                keys.append(key)
                values.append(value)
            }
        }
        self.index = index
    }

    private func position(of key: String) -> Int? {
        if let index { return index[key] }
        return keys.firstIndex(of: key)
    }

    private mutating func set(_ key: String, _ value: Value) {
        if let position = position(of: key) {
            values[position] = value
            return
        }
        keys.append(key)
        values.append(value)
        if index != nil {
            index![key] = keys.count - 1
        } else if keys.count > Self.indexedFrom {
            index = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        }
    }

    /// The value of the field named `key`, or `nil` when there is none.
    public subscript(key: String) -> Value? { position(of: key).map { values[$0] } }

    /// The fields in order.
    public var fields: [(String, Value)] { Array(zip(keys, values)) }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// A copy with the field `key` set to `value` (appended when new).
    public func setting(_ key: String, to value: Value) -> Record {
        var copy = self
        copy.set(key, value)
        return copy
    }
}

extension Record: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, Value)...) { self.init(elements) }
}
