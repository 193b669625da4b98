import DOM
import Diagnostics

/// Counts of the words and CJK characters in a text (DESIGN.md §8, issue 6: a mixed page is
/// counted per script, not as all-CJK).
struct TextMeasure {
    /// Runs of letters or digits outside CJK.
    var words = 0
    /// East Asian wide letters (ideographs, kana, Hangul), each counted.
    var cjkCharacters = 0

    /// - Parameter utf8: Valid UTF-8 (`RenderedMarkdown.plainText`).
    init(utf8: [UInt8]) {
        (words, cjkCharacters) = utf8.withUnsafeBufferPointer(Self.count)
    }

    private static func count(_ bytes: UnsafeBufferPointer<UInt8>) -> (words: Int, cjk: Int) {
        ScalarClass.asciiWordBytes.withUnsafeBufferPointer { table in count(bytes, table: table) }
    }

    /// By scalar, runs of ASCII bytes classified without decoding: combining marks are not
    /// letters or digits, so counting scalars counts the same words as counting characters.
    private static func count(_ bytes: UnsafeBufferPointer<UInt8>, table: UnsafeBufferPointer<UInt8>) -> (words: Int, cjk: Int) {
        var words = 0, cjk = 0
        var inWord: UInt8 = 0  // 1 inside a word
        var index = 0
        while index < bytes.count {
            let run = countASCII(bytes, from: index, table: table, inWord: &inWord)
            words += run.words
            index = run.end
            guard index < bytes.count else { break }
            let (kind, next) = ScalarClass.of(bytes, at: index)
            index = next
            switch kind {
            case .cjk:
                cjk += 1
                inWord = 0
            case .word:
                if inWord == 0 { words += 1 }
                inWord = 1
            case .joining:
                break  // a combining mark or joiner continues its word
            case .separator:
                inWord = 0
            }
        }
        return (words, cjk)
    }

    /// Counts the words that start in the run of ASCII bytes from `start`; returns where the
    /// run ends. Eight bytes at a time while they are all ASCII (SWAR: each byte's range tests
    /// by one addition on the word, the starts of words by a shift and a population count),
    /// then byte by byte with a table lookup. A function of its own, so that its loop keeps its
    /// counts in registers: inside `count`, whose non-ASCII path calls out, they were stored to
    /// the stack at every byte (a 1,000-page build: 96 M instructions, then 58 M by byte, now
    /// 21 M).
    @inline(never)
    private static func countASCII(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, table: UnsafeBufferPointer<UInt8>,
                                   inWord: inout UInt8) -> (end: Int, words: Int) {
        var index = start, words = 0, state = inWord
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= bytes.count {
                let chunk = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if chunk & highBits != 0 { break }
                let word = wordBytes(chunk)  // 1 in each byte that is a letter or digit
                let starts = word & ~((word << 8) | UInt64(state))
                words &+= starts.nonzeroBitCount
                state = UInt8(truncatingIfNeeded: word >> 56)
                index &+= 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x80 { break }
            let isWord = table[Int(byte)]
            words &+= Int(isWord & (state ^ 1))
            state = isWord
            index &+= 1
        }
        inWord = state
        return (index, words)
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// For eight ASCII bytes (each below 0x80): 1 in each byte that is a letter or digit, else
    /// 0. Adding `0x80 - low` to a byte sets its high bit when it is at least `low`; adding
    /// `0x7F - high` leaves it clear when it is at most `high`; no sum carries into the next
    /// byte, since none passes 0xFF.
    @inline(__always)
    static func wordBytes(_ chunk: UInt64) -> UInt64 {
        @inline(__always) func within(_ x: UInt64, _ low: UInt64, _ high: UInt64) -> UInt64 {
            (x &+ (0x80 - low) &* ones) & ~(x &+ (0x7F - high) &* ones) & highBits
        }
        let digits = within(chunk, 0x30, 0x39)
        let letters = within(chunk | (0x20 &* ones), 0x61, 0x7A)
        return (digits | letters) >> 7
    }
}

/// What a scalar is for counting words and cutting summaries.
enum ScalarClass {
    /// An East Asian wide letter (ideograph, kana, Hangul): counted one by one.
    case cjk
    /// A letter or digit of a word.
    case word
    /// A combining mark, zero-width joiner or variation selector: part of what precedes it.
    case joining
    /// Anything else: spaces, punctuation, symbols.
    case separator

    /// 1 for an ASCII letter or digit, else 0 (`byte` below 0x80).
    @inline(__always)
    static func isWordByte(_ byte: UInt8) -> UInt8 {
        let digit: UInt8 = byte &- 0x30 < 10 ? 1 : 0
        let letter: UInt8 = (byte | 0x20) &- 0x61 < 26 ? 1 : 0
        return digit | letter
    }

    /// `isWordByte` of each of the 128 ASCII bytes.
    static let asciiWordBytes: [UInt8] = (0..<128).map { isWordByte(UInt8($0)) }

    /// The class of the scalar that starts at `index` of `bytes` (valid UTF-8), and the index
    /// after it: an ASCII byte classified without decoding, a longer scalar's length read from
    /// its lead byte.
    @inline(__always)
    static func of(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (ScalarClass, next: Int) {
        let byte = bytes[index]
        if byte < 0x80 { return (isWordByte(byte) == 1 ? .word : .separator, index + 1) }
        let length = min(byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2, bytes.count - index)
        var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for offset in 1..<length { value = value << 6 | (UInt32(bytes[index + offset]) & 0x3F) }
        return (ScalarClass(Unicode.Scalar(value) ?? " "), index + length)
    }

    @inline(__always)
    init(_ scalar: Unicode.Scalar) {
        let value = scalar.value
        if value < 0x80 {
            self = Self.isWordByte(UInt8(value)) == 1 ? .word : .separator
            return
        }
        self.init(nonASCII: scalar)
    }

    private init(nonASCII scalar: Unicode.Scalar) {
        let value = scalar.value
        let properties = scalar.properties
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark, .format:
            self = .joining
            return
        default: break
        }
        if value == 0x200D || (0xFE00...0xFE0F).contains(value) { self = .joining; return }
        if properties.isAlphabetic {
            self = Character(scalar).displayWidth == 2 ? .cjk : .word
        } else if properties.numericType != nil {
            self = .word
        } else {
            self = .separator
        }
    }
}

/// Cuts the start of an article into a summary on the DOM: whole blocks are copied while the
/// budget lasts; the block that exceeds it is cut at a word boundary (Latin) or a character
/// boundary (CJK) and ends with "…". Elements are copied, so every one is closed; headings,
/// tables, code, figures and lists are skipped.
struct SummaryCutter {
    /// In Latin words; a CJK character counts `wordsPerCJKCharacter`.
    var budget: Double
    /// The article's URL: a `#fragment` link in the summary points into the article, since the
    /// summary is shown on other pages.
    var pageURL: String
    /// Set when content was left out because the budget ran out.
    private var leftOut = false

    init(budget: Double, pageURL: String) {
        self.budget = budget
        self.pageURL = pageURL
    }
    /// A CJK character takes as long to read as this many words (238 wpm ÷ 400 cpm).
    static let wordsPerCJKCharacter = 238.0 / 400.0

    static let skipped: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6", "table", "pre", "figure", "ul", "ol",
                                       "hr", "aside", "details"]

    /// Returns a new, unattached `div` of `document` holding the summary, and its text.
    mutating func cut(_ body: Node, in document: Document) -> (container: Node, text: String) {
        let container = document.createElement("div")
        var remaining = budget
        var text = ""
        let blocks = body.children.filter { $0.kind == .element && !Self.skipped.contains($0.name) }
        for block in blocks {
            guard remaining > 0 else {
                leftOut = true
                break
            }
            if let copy = copy(block, remaining: &remaining, text: &text, in: document) {
                container.append(copy)
                text += " "
            }
        }
        // The budget ran out exactly at the end of a text, with more to come: still mark the cut.
        if leftOut, !text.trimmingWhitespaceAtEnd.hasSuffix("…"), let last = Self.lastText(in: container) {
            last.setText(last.text.trimmingWhitespaceAtEnd + "…")
            text = text.trimmingWhitespaceAtEnd + "…"
        }
        // The plain text goes into meta descriptions and feeds: one space between words.
        let collapsed = text.collapsingWhitespace
        return (container, collapsed)
    }

    private mutating func copy(_ node: Node, remaining: inout Double, text: inout String, in document: Document) -> Node? {
        switch node.kind {
        case .text:
            let (kept, cost, truncated) = take(node.text, budget: remaining)
            remaining -= cost
            if truncated {
                remaining = 0
                leftOut = false  // marked here already
            }
            text += kept + (truncated ? "…" : "")
            return document.createText(kept + (truncated ? "…" : ""))
        case .element:
            let element = document.createElement(node.name)
            for attribute in node.attributes where attribute.name != "id" {
                let value = attribute.name == "href" && attribute.value.hasPrefix("#") ? pageURL + attribute.value : attribute.value
                element.setAttribute(attribute.name, value)
            }
            for child in node.children {
                guard remaining > 0 else {
                    if child.kind == .element || !child.text.allSatisfy(\.isWhitespace) { leftOut = true }
                    break
                }
                if let copied = copy(child, remaining: &remaining, text: &text, in: document) { element.append(copied) }
            }
            return element
        default:
            return nil
        }
    }

    /// The last text node under `node`, depth first from the end.
    static func lastText(in node: Node) -> Node? {
        for child in node.children.reversed() {
            if child.kind == .text, !child.text.allSatisfy(\.isWhitespace) { return child }
            if child.kind == .element, let found = lastText(in: child) { return found }
        }
        return nil
    }

    /// The longest start of `text` that fits `budget`, cut after a whole word or a CJK
    /// character, with its cost; `truncated` when something was left out.
    private func take(_ text: String, budget: Double) -> (String, Double, Bool) {
        // By scalar on the UTF-8 bytes, ASCII classified without decoding (a Character walk
        // cost about a thousand instructions a character, a scalar view walk twenty): a cut
        // falls only after a whole word, after a CJK character, or at a separator, never inside
        // a word, a combining sequence or an emoji sequence.
        var copy = text
        return copy.withUTF8 { bytes in
            var cost = 0.0
            var inWord = false
            var lastSafe = 0  // byte offset of the end of the last whole word or CJK character
            var index = 0
            func cut() -> (String, Double, Bool) {
                (String(decoding: UnsafeBufferPointer(rebasing: bytes[..<lastSafe]), as: UTF8.self).trimmedEnd, cost, true)
            }
            while index < bytes.count {
                let (kind, next) = ScalarClass.of(bytes, at: index)
                switch kind {
                case .cjk:
                    if cost + Self.wordsPerCJKCharacter > budget { return cut() }
                    cost += Self.wordsPerCJKCharacter
                    inWord = false
                    lastSafe = next
                case .word:
                    if !inWord {
                        if cost + 1 > budget { return cut() }
                        cost += 1
                    }
                    inWord = true
                case .joining:
                    break  // stays with what it joins
                case .separator:
                    inWord = false
                    lastSafe = next
                }
                index = next
            }
            return (text, cost, false)
        }
    }

}

private extension String {
    var trimmingWhitespaceAtEnd: String {
        var copy = self
        while let last = copy.last, last.isWhitespace { copy.removeLast() }
        return copy
    }

    var trimmedEnd: String {
        var copy = self
        while let last = copy.last, last.isWhitespace || last == "," || last == "，" || last == "、" { copy.removeLast() }
        return copy
    }
}
