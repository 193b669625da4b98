import Quantities

/// What a function may know about where it is called: today, only the page's language, which
/// the formatters (`| zh`, `| compact`…) use to write numbers.
public struct FunctionContext: Sendable {
    /// The BCP 47 tag of the page's language (`en`, `zh-Hant`, `zh-Hans`).
    public let language: String

    public init(language: String = "en") { self.language = language }

    /// The number-writing language for `language` (see `QuantityFormat.Language(tag:)`).
    public var numberLanguage: QuantityFormat.Language { QuantityFormat.Language(tag: language) }
}
