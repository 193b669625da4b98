import Quantities

extension FunctionTable {
    /// Functions over lists and tables. A table is a `.list` of `.record` rows (the first field
    /// of each row is its key); a column is a `.list` of values. No lambdas: filters and sorts
    /// name a column and an operator, so evaluation always terminates.
    ///
    /// | call | result |
    /// |---|---|
    /// | `sum(list)` | the total; `0` for no items |
    /// | `mean(list)` | the arithmetic mean; `null` for no items |
    /// | `median(list)` | the middle value (mean of the two middle ones for an even count); points only |
    /// | `min(list)`, `max(list)`, `min(a, b, …)` | the smallest or largest; for ranges, interval min/max (`[min lo, min hi]`) |
    /// | `count(list)` | the number of items that are not `null` |
    /// | `column(table, 'name')` | the column's values, `null` where a row has none |
    /// | `where(table, 'column', 'op', value)`, `where(table, 'column', value)` | the rows whose cell satisfies `op` (`==` `!=` `<` `<=` `>` `>=`; default `==`); a `null` cell never satisfies an ordering |
    /// | `sort_by(table, 'column')`, `sort_by(table, 'column', 'desc')` | rows in ascending (descending) order of the column; stable; `null` cells last |
    /// | `lookup(table, key)`, `lookup(table, key, 'column')` | the first row whose first field (or `column`) equals `key`, or `null` |
    ///
    /// Numbers and quantities mix (a number is a dimensionless quantity); items must share a
    /// dimension. `null` items (missing cells) are left out of `sum`, `mean`, `median`, `min`,
    /// `max` and `count`: use `count(column(t, 'x')) == len(t)` to require every cell.
    static let tableFunctions: [Function] = [
        Function(name: "sum", arity: 1...1) { arguments throws(FunctionFailure) in
            Value(try total(try quantities(arguments[0])))
        },
        Function(name: "mean", arity: 1...1) { arguments throws(FunctionFailure) in
            let items = try quantities(arguments[0])
            guard !items.isEmpty else { return .null }
            let sum = try total(items)
            return Value(try quantityStep { () throws(QuantityError) in
                try sum.divided(by: Quantity(Double(items.count)))
            })
        },
        Function(name: "median", arity: 1...1) { arguments throws(FunctionFailure) in
            let items = try quantities(arguments[0])
            guard !items.isEmpty else { return .null }
            guard !items.contains(where: \.isRange) else { throw FunctionFailure("the median of ranges is not defined") }
            try sameDimension(items)
            let sorted = items.sorted { $0.lower < $1.lower }
            let middle = sorted.count / 2
            if sorted.count % 2 == 1 { return Value(sorted[middle]) }
            let a = sorted[middle - 1], b = sorted[middle]
            return Value(Quantity(baseLower: (a.lower + b.lower) / 2, baseUpper: (a.lower + b.lower) / 2, unit: a.unit))
        },
        Function(name: "min", arity: 1...1000) { arguments throws(FunctionFailure) in
            try extreme(arguments, smallest: true)
        },
        Function(name: "max", arity: 1...1000) { arguments throws(FunctionFailure) in
            try extreme(arguments, smallest: false)
        },
        Function(name: "count", arity: 1...1) { arguments throws(FunctionFailure) in
            .number(Double(try list(arguments[0]).filter { if case .null = $0 { false } else { true } }.count))
        },
        Function(name: "column", arity: 2...2) { arguments throws(FunctionFailure) in
            let name = try string(arguments[1])
            return .list(try rows(arguments[0]).map { $0[name] ?? .null })
        },
        Function(name: "where", arity: 3...4) { arguments throws(FunctionFailure) in
            let name = try string(arguments[1])
            let op = arguments.count == 4 ? try string(arguments[2]) : "=="
            let value = arguments[arguments.count - 1]
            var kept: [Value] = []
            for row in try rows(arguments[0]) where try holds(row[name] ?? .null, op, value) {
                kept.append(.record(row))
            }
            return .list(kept)
        },
        Function(name: "sort_by", arity: 2...3) { arguments throws(FunctionFailure) in
            let name = try string(arguments[1])
            let order = arguments.count == 3 ? try string(arguments[2]) : "asc"
            guard order == "asc" || order == "desc" else {
                throw FunctionFailure("expected 'asc' or 'desc', got '\(order)'")
            }
            return .list(try sortedRows(try rows(arguments[0]), by: name, descending: order == "desc").map(Value.record))
        },
        Function(name: "lookup", arity: 2...3) { arguments throws(FunctionFailure) in
            let table = try rows(arguments[0]).map(Value.record)
            let column = arguments.count == 3 ? try string(arguments[2]) : nil
            return Value.row(in: table, forKey: arguments[1], column: column) ?? .null
        },
    ]
}

/// Runs quantity arithmetic, turning its errors into the function's failure.
private func quantityStep<T>(_ body: () throws(QuantityError) -> T) throws(FunctionFailure) -> T {
    do throws(QuantityError) {
        return try body()
    } catch {
        throw FunctionFailure(error.message)
    }
}

/// The non-null items of a list as quantities.
private func quantities(_ value: Value) throws(FunctionFailure) -> [Quantity] {
    var items: [Quantity] = []
    for (i, item) in try list(value).enumerated() {
        if case .null = item { continue }
        guard let quantity = item.asQuantity else {
            throw FunctionFailure("item \(i + 1): expected a number or quantity, got \(item.typeName)")
        }
        items.append(quantity)
    }
    return items
}

private func total(_ items: [Quantity]) throws(FunctionFailure) -> Quantity {
    guard var sum = items.first else { return Quantity(0) }
    for item in items.dropFirst() {
        sum = try quantityStep { () throws(QuantityError) in try sum.adding(item) }
    }
    return sum
}

private func sameDimension(_ items: [Quantity]) throws(FunctionFailure) {
    guard let first = items.first else { return }
    for item in items where item.dimension != first.dimension {
        throw FunctionFailure(QuantityError(.incompatible(.compare, first.unit, item.unit)).message)
    }
}

/// `min`/`max` of one list argument or of several arguments; interval-wise for ranges.
private func extreme(_ arguments: [Value], smallest: Bool) throws(FunctionFailure) -> Value {
    let items: [Quantity]
    if arguments.count == 1 {
        items = try quantities(arguments[0])
    } else {
        items = try quantities(.list(arguments))
    }
    guard let first = items.first else { return .null }
    try sameDimension(items)
    let pick: ([Double]) -> Double = smallest ? { $0.min()! } : { $0.max()! }
    return Value(Quantity(baseLower: pick(items.map(\.lower)), baseUpper: pick(items.map(\.upper)), unit: first.unit))
}

/// The rows of a table; an error when it is not a list of records.
private func rows(_ value: Value) throws(FunctionFailure) -> [Record] {
    var records: [Record] = []
    for (i, item) in try list(value).enumerated() {
        guard case .record(let record) = item else {
            throw FunctionFailure("expected a table (a list of rows), but item \(i + 1) is a \(item.typeName)")
        }
        records.append(record)
    }
    return records
}

/// Whether `cell op value` holds. Orderings on quantities follow `Quantity.compare` (a range
/// is below another only when entirely below it); a `null` cell satisfies no ordering.
private func holds(_ cell: Value, _ op: String, _ value: Value) throws(FunctionFailure) -> Bool {
    switch op {
    case "==": return cell == value
    case "!=": return cell != value
    case "<", "<=", ">", ">=": break
    default: throw FunctionFailure("unknown operator '\(op)': use ==, !=, <, <=, > or >=")
    }
    if case .null = cell { return false }
    if case .null = value { return false }
    if let a = cell.asQuantity, let b = value.asQuantity {
        let comparison: Quantity.Comparison = switch op {
        case "<": .less
        case "<=": .lessOrEqual
        case ">": .greater
        default: .greaterOrEqual
        }
        return try quantityStep { () throws(QuantityError) in try a.compare(comparison, b) }
    }
    if case .string(let a) = cell, case .string(let b) = value {
        let order = Evaluator.compareScalars(a, b)
        switch op {
        case "<": return order < 0
        case "<=": return order <= 0
        case ">": return order > 0
        default: return order >= 0
        }
    }
    throw FunctionFailure("cannot compare \(cell.typeName) and \(value.typeName)")
}

/// Rows sorted by a column: numbers and quantities by lower then upper bound (one dimension),
/// strings by Unicode scalars; `null` last; equal keys keep their order.
private func sortedRows(_ rows: [Record], by name: String, descending: Bool) throws(FunctionFailure) -> [Record] {
    enum Key { case quantity(Quantity), string(String), missing }
    var keys: [Key] = []
    var dimension: Quantities.Dimension?
    for (i, row) in rows.enumerated() {
        let cell = row[name] ?? .null
        if case .null = cell { keys.append(.missing); continue }
        if case .string(let text) = cell { keys.append(.string(text)); continue }
        guard let quantity = cell.asQuantity else {
            throw FunctionFailure("row \(i + 1): cannot sort by a \(cell.typeName)")
        }
        if let d = dimension, d != quantity.dimension {
            throw FunctionFailure("row \(i + 1): cannot sort \(quantity.unit.symbol) among values of another dimension")
        }
        dimension = quantity.dimension
        keys.append(.quantity(quantity))
    }
    let hasStrings = keys.contains { if case .string = $0 { true } else { false } }
    if hasStrings && dimension != nil { throw FunctionFailure("cannot sort a column that mixes numbers and strings") }
    func before(_ a: Key, _ b: Key) -> Bool {
        switch (a, b) {
        case (.quantity(let x), .quantity(let y)): (x.lower, x.upper) < (y.lower, y.upper)
        case (.string(let x), .string(let y)): Evaluator.compareScalars(x, y) < 0
        default: false
        }
    }
    let order = keys.indices.sorted { i, j in
        switch (keys[i], keys[j]) {
        case (.missing, .missing): return i < j
        case (.missing, _): return false
        case (_, .missing): return true
        default:
            let (a, b) = descending ? (keys[j], keys[i]) : (keys[i], keys[j])
            if before(a, b) { return true }
            if before(b, a) { return false }
            return i < j
        }
    }
    return order.map { rows[$0] }
}
