import Quantities

extension Value {
    /// The value as a figure in a report: numbers and quantities in `format`, `null` as "n/a"
    /// (a missing value), a list's items formatted and joined by `", "`, anything else as
    /// `text()`.
    public func formatted(_ format: QuantityFormat) -> String {
        switch self {
        case .null: "n/a"
        case .number(let number): format.string(for: number)
        case .quantity(let quantity): format.string(for: quantity)
        case .list(let items): items.map { $0.formatted(format) }.joined(separator: ", ")
        default: text()
        }
    }

    /// The value as a figure on a page in `language` (a BCP 47 tag: `en`, `zh-Hant`,
    /// `zh-Hans`), in the standard style with 3 significant digits: `175 billion`, `1750億`,
    /// `$9–17 million`, `n/a`. This is what a `= expr` figure shows unless its formula ends
    /// in a formatter (which gives a string, shown as is).
    public func formatted(language: String) -> String {
        formatted(QuantityFormat(language: QuantityFormat.Language(tag: language)))
    }
}
