extension Quantity {
    /// Reads a number as written in tables and prose.
    ///
    /// | written | value |
    /// |---|---|
    /// | `1.2e9`, `-3.5`, `1,200` | plain numbers (commas group exactly three digits) |
    /// | `4.5k`, `12M`, `175B`, `1.6T` | × 10³, 10⁶, 10⁹, 10¹² (also `K`, `bn`) |
    /// | `9 million`, `2.5 billion` | English short-scale words (thousand … trillion) |
    /// | `1750億`, `1.6萬億`, `6000萬億`, `1.6兆`, `12萬` | 億 10⁸, 萬 10⁴ (also 亿, 万), 兆 10¹² (zh-Hant), 千 10³, 百 10², multiplied in sequence |
    /// | `900~1700萬`, `9e6..17e6`, `9–17 million` | ranges (`..`, `~`, `～`, `–`, `—`, ` to `); a scale on the second end alone applies to both |
    /// | `$12M`, `€5`, `12萬美元`, `5 USD` | currencies: `$` USD, `€` EUR, `£` GBP; 美元 USD, 人民幣/人民币/元 CNY, 歐元/欧元 EUR |
    /// | `48%` | 0.48, shown as a percentage |
    ///
    /// - Parameters:
    ///   - text: The cell or phrase; surrounding spaces are ignored.
    ///   - unit: The declared unit (a table column's `[unit]`); the number is in this unit. A
    ///     currency or `%` in the text must agree with it, or it sets the unit when `unit` is `1`.
    /// - Returns: A point or a range in base units, shown in `unit` (or the written currency).
    /// - Throws: `QuantityParseError` with the character offset of the problem.
    public static func parse(_ text: String, unit: Unit = .one) throws(QuantityParseError) -> Quantity {
        var parser = NumberParser(Array(text))
        return try parser.parse(declared: unit)
    }

    /// The scale suffixes written right after a number in tables and formulas, and their
    /// multipliers. Sources: short-scale English abbreviations (k thousand, M million,
    /// B/bn billion, T trillion, as in financial reporting); Chinese 萬/万 = 10⁴, 億/亿 = 10⁸,
    /// 兆 = 10¹² (the Taiwanese usage; mainland 兆 also means 10⁶, so it is read only as
    /// 10¹² and never written in zh-Hans, which uses 万亿), 千 = 10³, 百 = 10².
    public static let scaleSuffixes: [String: Double] = [
        "k": 1e3, "K": 1e3, "M": 1e6, "B": 1e9, "bn": 1e9, "T": 1e12,
        "百": 1e2, "千": 1e3, "萬": 1e4, "万": 1e4, "億": 1e8, "亿": 1e8, "兆": 1e12,
    ]

    /// English scale words, short scale. Source: Oxford English Dictionary (billion = 10⁹).
    static let scaleWords: [String: Double] = [
        "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
    ]

    /// Currency marks written before a number.
    static let currencyPrefixes: [Character: String] = ["$": "USD", "€": "EUR", "£": "GBP"]

    /// Currency words written after a number (longest first when matching).
    static let currencySuffixes: [(String, String)] = [
        ("人民幣", "CNY"), ("人民币", "CNY"), ("美元", "USD"), ("歐元", "EUR"), ("欧元", "EUR"),
        ("英鎊", "GBP"), ("英镑", "GBP"), ("元", "CNY"),
    ]
}

/// The scanner behind `Quantity.parse`.
private struct NumberParser {
    let characters: [Character]
    var position = 0
    /// The currency the text names, and where.
    var currency: (code: String, offset: Int)?
    var percentOffset: Int?

    init(_ characters: [Character]) { self.characters = characters }

    func peek(_ ahead: Int = 0) -> Character? {
        position + ahead < characters.count ? characters[position + ahead] : nil
    }

    func lookingAt(_ text: String) -> Bool {
        let needle = Array(text)
        guard position + needle.count <= characters.count else { return false }
        return Array(characters[position..<position + needle.count]) == needle
    }

    mutating func skipSpaces() {
        while let c = peek(), c.isWhitespace { position += 1 }
    }

    mutating func parse(declared: Unit) throws(QuantityParseError) -> Quantity {
        skipSpaces()
        guard peek() != nil else { throw QuantityParseError(.empty, at: position) }
        readCurrencyPrefix()
        var (low, lowScale) = try readEnd()
        var high = low, highScale: Double? = nil
        let separator = position
        if readRangeSeparator() {
            skipSpaces()
            readCurrencyPrefix()
            (high, highScale) = try readEnd()
            if lowScale == nil { lowScale = highScale }
        } else {
            highScale = lowScale
        }
        skipSpaces()
        readUnitSuffix()
        skipSpaces()
        if let c = peek() { throw QuantityParseError(.unexpectedCharacter(c), at: position) }
        low *= lowScale ?? 1
        high *= highScale ?? 1
        guard low.isFinite, high.isFinite else { throw QuantityParseError(.outOfRange, at: 0) }
        guard low <= high else { throw QuantityParseError(.reversedRange, at: separator) }
        let unit = try unit(declared: declared)
        return Quantity(lower: low, upper: high, unit)
    }

    /// The unit: the declared one, or the written currency or `%` when they agree with it.
    func unit(declared: Unit) throws(QuantityParseError) -> Unit {
        if let (code, offset) = currency {
            let written = Unit.currency(code)
            if declared == .one { return written }
            guard declared.dimension.currency == code else {
                throw QuantityParseError(.conflictingUnit(written: written, declared: declared), at: offset)
            }
            return declared
        }
        if let offset = percentOffset {
            if declared == .one || declared == .percent { return .percent }
            throw QuantityParseError(.conflictingUnit(written: .percent, declared: declared), at: offset)
        }
        return declared
    }

    mutating func readCurrencyPrefix() {
        if lookingAt("US$") { currency = ("USD", position); position += 3; return }
        if let c = peek(), let code = Quantity.currencyPrefixes[c] {
            currency = (code, position)
            position += 1
        }
    }

    /// A number and its optional scale suffix or word.
    mutating func readEnd() throws(QuantityParseError) -> (Double, Double?) {
        let number = try readNumber()
        return (number, readScale())
    }

    mutating func readNumber() throws(QuantityParseError) -> Double {
        var text = ""
        if let sign = peek(), sign == "-" || sign == "+" || sign == "−" {
            text.append(sign == "+" ? "+" : "-")
            position += 1
        }
        guard peek()?.isASCIIDigit == true else {
            if let c = peek() { throw QuantityParseError(.unexpectedCharacter(c), at: position) }
            throw QuantityParseError(.expectedDigit, at: position)
        }
        var groupDigits: Int?  // digits since the last comma
        while let c = peek() {
            if c.isASCIIDigit {
                text.append(c)
                groupDigits = groupDigits.map { $0 + 1 }
                position += 1
            } else if c == ",", peek(1)?.isASCIIDigit == true {
                if let n = groupDigits, n != 3 { throw QuantityParseError(.misplacedComma, at: position - n - 1) }
                groupDigits = 0
                position += 1
            } else {
                break
            }
        }
        if let n = groupDigits, n != 3 { throw QuantityParseError(.misplacedComma, at: position - n - 1) }
        if peek() == ".", peek(1)?.isASCIIDigit == true {
            text.append(".")
            position += 1
            while let c = peek(), c.isASCIIDigit { text.append(c); position += 1 }
        }
        if peek() == "e" || peek() == "E" {
            var ahead = 1
            if peek(1) == "+" || peek(1) == "-" { ahead = 2 }
            if peek(ahead)?.isASCIIDigit == true {
                text.append("e")
                if ahead == 2 { text.append(peek(1)!) }
                position += ahead
                while let c = peek(), c.isASCIIDigit { text.append(c); position += 1 }
            }
        }
        guard let value = Double(text), value.isFinite else { throw QuantityParseError(.outOfRange, at: position) }
        return value
    }

    /// An attached suffix (`B`, `萬億`) or a spaced English word (`million`); nil when none.
    mutating func readScale() -> Double? {
        var multiplier: Double?
        // Chinese multipliers multiply in sequence (萬億 = 10¹²); ASCII suffixes stand alone.
        while let c = peek(), !c.isASCII, let m = Quantity.scaleSuffixes[String(c)] {
            multiplier = (multiplier ?? 1) * m
            position += 1
        }
        if multiplier != nil { return multiplier }
        for suffix in ["bn", "k", "K", "M", "B", "T"] where lookingAt(suffix) {
            let after = peek(suffix.count)
            if after == nil || !(after!.isLetter || after!.isASCIIDigit) {
                position += suffix.count
                return Quantity.scaleSuffixes[suffix]
            }
        }
        let start = position
        skipSpaces()
        for (word, value) in Quantity.scaleWords where lookingAt(word) {
            let after = peek(word.count)
            if after == nil || !after!.isLetter {
                position += word.count
                return value
            }
        }
        position = start
        return nil
    }

    mutating func readRangeSeparator() -> Bool {
        let start = position
        skipSpaces()
        for separator in ["..", "~", "～", "–", "—", "to "] where lookingAt(separator) {
            position += separator.count
            return true
        }
        position = start
        return false
    }

    mutating func readUnitSuffix() {
        if peek() == "%" { percentOffset = position; position += 1; return }
        for (word, code) in Quantity.currencySuffixes where lookingAt(word) {
            currency = (code, position)
            position += word.count
            return
        }
        for code in Unit.currencyCodes where lookingAt(code) && peek(code.count) == nil {
            currency = (code, position)
            position += code.count
            return
        }
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
