import Foundation

/// How a quantity is written in a report: a style, a language and a number of significant digits.
///
/// | style | en | zh-Hant | zh-Hans |
/// |---|---|---|---|
/// | `.standard` | `175 billion`, `9–17 million`, `37,000`, `$12 million` | `1750億`, `1200萬美元` | `1750亿`, `1200万美元` |
/// | `.compact` | `175B`, `$12M`, `37K` | as standard | as standard |
/// | `.scientific` | `2.56 × 10²⁴` | same | same |
/// | `.percent` | `48.2%` (value × 100) | same | same |
/// | `.fixed(decimals: 2)` | `8,404,992.00` (no scale word) | same | same |
///
/// Rules, all languages:
/// - Round first, then choose the scale word: 999,995,000 → `1 billion` (never `1000 million`),
///   99,995,000 → `1億` (never `10000萬`). Trailing zeros are dropped (`2.5 billion`) unless
///   `keepsTrailingZeros` (`$12.0 million`). `-0` prints as `0`; binary noise never shows
///   (0.1 + 0.2 → `0.3`), because digits come from correctly rounded decimal conversion.
/// - English words stop at trillion and compact letters at T; Chinese at 兆 (zh-Hant, 10¹²)
///   or 万亿 (zh-Hans). Larger values, and values below 10⁻⁵, fall back to scientific
///   (`2.53 × 10²⁴`), never `1000T` or `1000Y`.
/// - Below the first scale word numbers are written in full: English groups thousands with
///   `,` (`37,000`); Chinese below 萬 needs no grouping.
/// - A range shares one scale, chosen by its larger end: `9–17 million`, `900–1700萬`,
///   `1.07–2.02`, with an en dash.
///
/// Units follow the number:
/// - `1`: nothing. `%`: as `.percent`.
/// - Money: `$`, `€`, `£` before the number in English (`$12M`, `$6.34/(chip·h)`), other
///   codes after it (`5 CHF`); in Chinese a word after it (`1200萬美元`, `5元` for CNY).
/// - Rates and sizes in an unprefixed unit that takes SI prefixes (`FLOP/s`, `FLOP/s/chip`,
///   `W`, `W/chip`, `Wh`, `byte`, `B`, `byte/s`) are rescaled with k…Y instead of scale words
///   in the standard and compact styles: `312 TFLOP/s/chip`, `1 MW`, `1.29 GWh`. A unit
///   written with a prefix (`312 [TFLOP/s]`, `x | in PFLOP/s`) is kept as written.
/// - Anything else: a space and the unit's symbol (`2.53 × 10²⁴ FLOP`, `8.4 million chip·h`),
///   plural in English for `day`, `month`, `year`, `param`, `token`, `chip` and `byte` unless
///   the number is exactly `1`; in Chinese `h`, `min`, `s`, `day`, `month` and `year` are
///   words without a space (`6個月`, `3天`).
public struct QuantityFormat: Hashable, Sendable {
    public enum Style: Hashable, Sendable {
        /// Scale words (`175 billion`, `1750億`).
        case standard
        /// Scale letters in English (`175B`); the same as `.standard` in Chinese.
        case compact
        /// A mantissa and a power of ten: `2.56 × 10²⁴`.
        case scientific
        /// The value × 100 and `%`: `48.2%`.
        case percent
        /// Exactly `decimals` decimals (negative rounds to tens, hundreds…), no scale word.
        case fixed(decimals: Int)
    }

    /// The languages numbers are written in.
    public enum Language: String, Hashable, Sendable {
        case english = "en"
        case traditionalChinese = "zh-Hant"
        case simplifiedChinese = "zh-Hans"

        /// The language for a BCP 47 tag: `zh-Hans`, `zh-CN`, `zh-SG` → simplified; any other
        /// `zh…` (`zh-Hant`, `zh-TW`, `zh-HK`, `zh`) → traditional; everything else → English.
        public init(tag: String) {
            let lower = tag.lowercased()
            guard lower == "zh" || lower.hasPrefix("zh-") || lower.hasPrefix("zh_") else { self = .english; return }
            self = ["hans", "cn", "sg", "my"].contains { lower.contains($0) } ? .simplifiedChinese : .traditionalChinese
        }

        public var isChinese: Bool { self != .english }
    }

    public var style: Style
    public var language: Language
    /// Significant digits (1…17) for every style but `.fixed`.
    public var significantDigits: Int
    /// Keep zeros after the decimal point that significance asks for (`$12.0 million`).
    public var keepsTrailingZeros: Bool

    public init(_ style: Style = .standard, language: Language = .english,
                significantDigits: Int = 3, keepsTrailingZeros: Bool = false) {
        self.style = style
        self.language = language
        self.significantDigits = min(max(significantDigits, 1), 17)
        self.keepsTrailingZeros = keepsTrailingZeros
    }

    /// A plain number in this format (`175 billion`).
    public func string(for number: Double) -> String {
        guard number.isFinite else { return number.isNaN ? "n/a" : (number < 0 ? "-∞" : "∞") }
        return string(for: Quantity(number))
    }

    /// The quantity in this format, with its unit (see the type's rules).
    ///
    /// `.percent` on a quantity with a unit other than `1` or `%` is written as `.standard`
    /// (callers that want an error check `dimension.isDimensionless` first).
    public func string(for quantity: Quantity) -> String {
        let unit = quantity.unit
        // An exact whole number below a million is a count, printed in full (2,048 chips,
        // 1,368 h), not rounded to 3 significant digits; units that take SI prefixes and
        // percentages keep the general rules.
        // In Chinese the scale starts at 萬, so counts below 10⁴ are written out, ungrouped.
        if style == .standard, !quantity.isRange, unit != .percent, QuantityFormat.prefixable(unit.symbol) == nil {
            let value = quantity.valueInUnit.lowerBound
            let limit = language.isChinese ? 1e4 : 1e6
            if abs(value) >= 1, abs(value) < limit, abs(value - value.rounded()) <= 1e-9 * abs(value) {
                let digits = Int(log10(abs(value.rounded())).rounded(.down)) + 1
                if digits > significantDigits {
                    var exact = self
                    exact.significantDigits = digits
                    return exact.string(for: quantity)
                }
            }
        }
        if unit.isDimensionless && (style == .percent || (unit == .percent && isScaled)) {
            let values = quantity.isRange ? [quantity.lower * 100, quantity.upper * 100] : [quantity.lower * 100]
            return numberText(values, system: .plain).joined + "%"
        }
        let values = quantity.isRange
            ? [quantity.valueInUnit.lowerBound, quantity.valueInUnit.upperBound]
            : [quantity.valueInUnit.lowerBound]
        if isScaled, let (base, prefixFactor) = QuantityFormat.prefixable(unit.symbol) {
            let scaled = values.map { $0 * prefixFactor }
            let number = numberText(scaled, system: .siPrefixes)
            return number.joined + " " + number.suffix + base
        }
        if let code = unit.dimension.currency, unit.symbol.hasPrefix(code) {
            let rest = String(unit.symbol.dropFirst(code.count))
            if rest.isEmpty || rest.hasPrefix("/") {
                return money(numberText(values, system: system), code: code, rest: rest)
            }
        }
        let number = numberText(values, system: system).joined
        if unit == .one { return number }
        if language.isChinese, let word = QuantityFormat.chineseTimeWords[unit.symbol] ?? QuantityFormat.chineseUnitWords[unit.symbol] {
            return number + (language == .traditionalChinese ? word.0 : word.1)
        }
        if language == .english, number != "1", let plural = QuantityFormat.plurals[unit.symbol] {
            return number + " " + plural
        }
        return number + " " + unit.symbol
    }

    private var isScaled: Bool { style == .standard || style == .compact }

    // MARK: Units

    /// Symbols rescaled with SI prefixes, without their prefix.
    static let prefixableSymbols: Set<String> = ["FLOP/s", "FLOP/s/chip", "W", "W/chip", "Wh", "byte", "B", "byte/s", "B/s"]

    /// `(symbol, 1)` for an unprefixed prefixable symbol (`FLOP/s`, `W`); nil for others,
    /// including symbols that already carry a prefix (`TFLOP/s`, `MWh`), which were chosen by
    /// the writer (a literal or `| in`) and are kept.
    static func prefixable(_ symbol: String) -> (String, Double)? {
        prefixableSymbols.contains(symbol) ? (symbol, 1) : nil
    }

    /// English plurals of word-like symbols.
    static let plurals: [String: String] = [
        "day": "days", "month": "months", "year": "years", "param": "params",
        "token": "tokens", "chip": "chips", "byte": "bytes",
    ]

    /// Chinese words for time units: (zh-Hant, zh-Hans).
    static let chineseTimeWords: [String: (String, String)] = [
        "s": ("秒", "秒"), "min": ("分鐘", "分钟"), "h": ("小時", "小时"),
        "day": ("天", "天"), "month": ("個月", "个月"), "year": ("年", "年"),
    ]

    /// Chinese words (with their measure words) for the counted units: (zh-Hant, zh-Hans).
    /// `5400億 param` reads `5400億個參數`; a chip is counted with 顆 (Taiwanese usage).
    static let chineseUnitWords: [String: (String, String)] = [
        "param": ("個參數", "个参数"), "token": ("個詞元", "个词元"), "chip": ("顆晶片", "颗芯片"),
        "chip·h": ("晶片小時", "芯片小时"), "byte": ("位元組", "字节"),
    ]

    /// Currency marks before English numbers.
    static let currencyMarks: [String: String] = ["USD": "$", "EUR": "€", "GBP": "£"]

    /// Currency words after Chinese numbers: (zh-Hant, zh-Hans).
    static let chineseCurrencyWords: [String: (String, String)] = [
        "USD": ("美元", "美元"), "CNY": ("元", "元"), "EUR": ("歐元", "欧元"), "GBP": ("英鎊", "英镑"),
        "JPY": ("日圓", "日元"), "HKD": ("港元", "港元"), "TWD": ("新臺幣", "新台币"),
    ]

    private func money(_ number: NumberText, code: String, rest: String) -> String {
        if language.isChinese {
            let word = QuantityFormat.chineseCurrencyWords[code].map {
                language == .traditionalChinese ? $0.0 : $0.1
            } ?? " " + code
            return number.joined + word + rest
        }
        guard let mark = QuantityFormat.currencyMarks[code] else { return number.joined + " " + code + rest }
        let endpoints = number.texts.map { text in
            text.hasPrefix("-") ? "-" + mark + text.dropFirst() : mark + text
        }
        // `$9–17M`: the mark once, on the first end, unless the ends differ in sign.
        let marked = endpoints.count == 2 && !number.texts[1].hasPrefix("-")
            ? [endpoints[0], number.texts[1]] : endpoints
        return marked.joined(separator: "–") + number.tail + rest
    }

    // MARK: Numbers

    /// The scale systems: exponents and the words or letters written for them.
    struct ScaleSystem {
        var scales: [(exponent: Int, suffix: String)]
        /// The smallest rounded exponent written in scientific notation instead.
        var limit: Int
        var groupsThousands: Bool

        static let englishWords = ScaleSystem(
            scales: [(6, " million"), (9, " billion"), (12, " trillion")], limit: 15, groupsThousands: true)
        static let englishLetters = ScaleSystem(
            scales: [(3, "K"), (6, "M"), (9, "B"), (12, "T")], limit: 15, groupsThousands: true)
        /// 萬 10⁴, 億 10⁸, 兆 10¹² (zh-Hant usage; Ministry of Education Revised Mandarin Dictionary).
        static let traditionalChinese = ScaleSystem(
            scales: [(4, "萬"), (8, "億"), (12, "兆")], limit: 16, groupsThousands: false)
        /// 万 10⁴, 亿 10⁸, 万亿 10¹² (zh-Hans avoids 兆, which also means 10⁶ on the mainland).
        static let simplifiedChinese = ScaleSystem(
            scales: [(4, "万"), (8, "亿"), (12, "万亿")], limit: 16, groupsThousands: false)
        /// SI prefixes (SI Brochure, 9th ed., Table 7); the suffix goes onto the unit.
        static let siPrefixes = ScaleSystem(
            scales: [(3, "k"), (6, "M"), (9, "G"), (12, "T"), (15, "P"), (18, "E"), (21, "Z"), (24, "Y")],
            limit: 27, groupsThousands: false)
        static let plain = ScaleSystem(scales: [], limit: 15, groupsThousands: true)
    }

    private var system: ScaleSystem {
        switch (style, language) {
        case (.scientific, _): ScaleSystem(scales: [], limit: Int.min, groupsThousands: false)
        case (.fixed, _), (.percent, _): .plain
        case (_, .traditionalChinese): .traditionalChinese
        case (_, .simplifiedChinese): .simplifiedChinese
        case (.compact, .english): .englishLetters
        case (.standard, .english): .englishWords
        }
    }

    /// The ends of a number as text, and what follows them (a scale word, or `× 10ⁿ`).
    struct NumberText {
        var texts: [String]
        /// A scale suffix written after the last end (` million`, `萬`, ` × 10²⁴`).
        var tail: String
        /// For SI prefixes: the prefix letter, which belongs to the unit instead.
        var suffix: String
        var joined: String { texts.joined(separator: "–") + tail }
        var text: String { texts.joined(separator: "–") }
    }

    private func numberText(_ values: [Double], system: ScaleSystem) -> NumberText {
        if case .fixed(let decimals) = style {
            return NumberText(texts: values.map { fixed($0, decimals: decimals) }, tail: "", suffix: "")
        }
        let rounded = values.map { RoundedDecimal($0, significantDigits: significantDigits) }
        guard let largest = rounded.filter({ !$0.isZero }).max(by: { $0.exponent < $1.exponent }) else {
            return NumberText(texts: rounded.map { _ in "0" }, tail: "", suffix: "")
        }
        let e = largest.exponent
        if e >= system.limit || e < -5 {
            let texts = rounded.map { place($0, shift: e, grouping: false) }
            return NumberText(texts: texts, tail: e == 0 ? "" : " × 10" + superscript(e), suffix: "")
        }
        let scale = system.scales.last { $0.exponent <= e }
        let shift = scale?.exponent ?? 0
        let texts = rounded.map { place($0, shift: shift, grouping: scale == nil && system.groupsThousands) }
        let isPrefix = system.limit == ScaleSystem.siPrefixes.limit
        return NumberText(texts: texts, tail: isPrefix ? "" : scale?.suffix ?? "",
                          suffix: isPrefix ? scale?.suffix ?? "" : "")
    }

    /// The digits of `number` for the value ÷ 10^shift.
    private func place(_ number: RoundedDecimal, shift: Int, grouping: Bool) -> String {
        guard !number.isZero else { return "0" }
        let zero = UInt8(ascii: "0")
        let digits = number.digits.map { zero + UInt8($0) }  // ASCII digits, built as bytes
        let p = number.exponent - shift  // the value is d₀.d₁d₂… × 10^p
        var integer: [UInt8], fraction: [UInt8]
        if p >= digits.count - 1 {
            integer = digits + [UInt8](repeating: zero, count: p - (digits.count - 1))
            fraction = []
        } else if p >= 0 {
            integer = Array(digits[0...p])
            fraction = Array(digits[(p + 1)...])
        } else {
            integer = [zero]
            fraction = [UInt8](repeating: zero, count: -p - 1) + digits
        }
        if !keepsTrailingZeros { while fraction.last == zero { fraction.removeLast() } }
        var text = String(decoding: integer, as: UTF8.self)
        if grouping { text = QuantityFormat.grouped(text) }
        if number.isNegative { text = "-" + text }
        return fraction.isEmpty ? text : text + "." + String(decoding: fraction, as: UTF8.self)
    }

    private func fixed(_ value: Double, decimals: Int) -> String {
        var text: String
        if decimals >= 0 {
            text = CFormat.string("%.\(min(decimals, 20))f", value)
        } else {
            let step = Double.integerPower(10, -decimals)
            text = CFormat.string("%.0f", (value / step).rounded(.toNearestOrAwayFromZero) * step)
        }
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let integer = QuantityFormat.grouped(String(parts[0]))
        let body = parts.count > 1 ? integer + "." + parts[1] : integer
        let isZero = !text.contains { $0 != "0" && $0 != "." }
        return (negative && !isZero ? "-" : "") + body
    }

    /// `8404992` → `8,404,992`.
    static func grouped(_ integer: String) -> String {
        var out = ""
        for (i, c) in integer.enumerated() {
            if i > 0 && (integer.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }
}

/// A Double rounded to significant digits, half away from zero, as decimal digits and a power
/// of ten: `d₀.d₁d₂… × 10^exponent`. The digits are those of the Double's shortest exact
/// 17-digit form, so 0.1 + 0.2 gives 3.00e-01, and 999,995,000 gives 1.00e+09 (the exponent
/// is taken after rounding).
struct RoundedDecimal {
    var isNegative: Bool
    var digits: [Int]
    var exponent: Int
    var isZero: Bool { digits.allSatisfy { $0 == 0 } }

    init(_ value: Double, significantDigits: Int) {
        guard value != 0, value.isFinite else {
            isNegative = false
            digits = [0]
            exponent = 0
            return
        }
        // 17 significant digits identify the Double; rounding them half away from zero gives
        // what a reader expects of a tie ($46.25M → $46.3M), which `%.Ne` (half to even on
        // the exact binary value) does not.
        // "d.dddddddddddddddde±xx", read as bytes.
        let text = CFormat.string("%.16e", abs(value))
        var all: [Int] = []
        all.reserveCapacity(17)
        var exponent = 0
        var utf8 = text.utf8[...]
        while let byte = utf8.popFirst(), byte != UInt8(ascii: "e") {
            if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") { all.append(Int(byte - UInt8(ascii: "0"))) }
        }
        exponent = Int(Substring(utf8)) ?? 0
        var kept = Array(all.prefix(significantDigits))
        if significantDigits < all.count, all[significantDigits] >= 5 {
            var index = kept.count - 1
            while index >= 0 {
                if kept[index] == 9 { kept[index] = 0; index -= 1 } else { kept[index] += 1; break }
            }
            if index < 0 {
                kept.insert(1, at: 0)
                kept.removeLast()
                exponent += 1
            }
        }
        digits = kept
        self.exponent = exponent
        isNegative = value < 0
    }
}
