import Quantities

// How formulas see tables: a `.list` of `.record` rows whose first field is the row's key.

extension Value {
    /// A number as a dimensionless quantity, a quantity as itself; nil for other types.
    var asQuantity: Quantity? {
        switch self {
        case .number(let number) where number.isFinite: Quantity(number)
        case .quantity(let quantity): quantity
        default: nil
        }
    }

    var isRecordOrNull: Bool {
        switch self {
        case .record, .null: true
        default: false
        }
    }

    /// The first row whose field `column` equals `key` (`==`), or, without a column, whose
    /// first field (the row key) does; nil when none does.
    static func row(in rows: [Value], forKey key: Value, column: String?) -> Value? {
        rows.first { row in
            guard case .record(let record) = row else { return false }
            guard let name = column ?? record.keys.first else { return false }
            return record[name] == key
        }
    }
}
