extension Value: Equatable {
    /// Compares by value, as the formula operator `==` does.
    ///
    /// Numbers compare as `Double`s (so NaN is unequal to itself), strings by canonical
    /// equivalence, lists item by item, records by having the same keys with equal values
    /// (field order is for display only). Values of different types are unequal (`1 != "1"`).
    /// Fragments are equal only when both are the same class instance.
    public static func == (a: Value, b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.number(let x), .number(let y)): x == y
        case (.string(let x), .string(let y)): x == y
        case (.list(let x), .list(let y)): x == y
        case (.record(let x), .record(let y)):
            x.count == y.count && x.keys.allSatisfy { key in x[key] == y[key] }
        case (.fragment(let x), .fragment(let y)):
            type(of: x) is AnyClass && type(of: y) is AnyClass && (x as AnyObject) === (y as AnyObject)
        default: false
        }
    }
}
