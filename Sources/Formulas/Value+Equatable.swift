import Quantities

extension Value: Equatable {
    /// Compares by value, as the formula operator `==` does.
    ///
    /// Numbers compare as `Double`s (so NaN is unequal to itself); quantities are equal when
    /// their dimensions and both bounds in base units are equal, whatever unit they are shown
    /// in (`60 [min] == 1 [h]`; `1 [USD] != 1`, `50 [%] == 0.5`); strings by canonical
    /// equivalence, lists item by item, records by having the same keys with equal values
    /// (field order is for display only). Values of different types are unequal (`1 != "1"`).
    /// Fragments are equal only when both are the same class instance.
    public static func == (a: Value, b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): true
        case (.bool(let x), .bool(let y)): x == y
        case (.number(let x), .number(let y)): x == y
        case (.quantity(let x), .quantity(let y)):
            x.dimension == y.dimension && x.lower == y.lower && x.upper == y.upper
        case (.number(let x), .quantity(let y)), (.quantity(let y), .number(let x)):
            y.dimension.isDimensionless && y.lower == x && y.upper == x
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
