import DOM
import Diagnostics

/// Counts of the words and CJK characters in a text (DESIGN.md §8, issue 6: a mixed page is
/// counted per script, not as all-CJK).
struct TextMeasure {
    /// Runs of letters or digits outside CJK.
    var words = 0
    /// East Asian wide letters (ideographs, kana, Hangul), each counted.
    var cjkCharacters = 0

    init(_ text: String) {
        // By scalar, with an ASCII fast path: combining marks are not letters or digits, so
        // counting scalars counts the same words as counting characters.
        var inWord = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let isWordByte = (value >= 0x30 && value <= 0x39) || (value | 0x20 >= 0x61 && value | 0x20 <= 0x7A)
                if isWordByte && !inWord { words += 1 }
                inWord = isWordByte
            } else if Character(scalar).displayWidth == 2 && scalar.properties.isAlphabetic {
                cjkCharacters += 1
                inWord = false
            } else if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                if !inWord { words += 1 }
                inWord = true
            } else if scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .spacingMark {
                continue  // a combining mark continues its word
            } else {
                inWord = false
            }
        }
    }
}

extension Character {
    var isCJKLetter: Bool { displayWidth == 2 && isLetter }
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
        let collapsed = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
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
        var cost = 0.0
        var inWord = false
        var lastSafe = text.startIndex  // end of the last whole word or CJK character
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character.isCJKLetter {
                if cost + Self.wordsPerCJKCharacter > budget { return (String(text[..<lastSafe]).trimmedEnd, cost, true) }
                cost += Self.wordsPerCJKCharacter
                inWord = false
                index = text.index(after: index)
                lastSafe = index
                continue
            }
            if character.isLetter || character.isNumber {
                if !inWord {
                    if cost + 1 > budget { return (String(text[..<lastSafe]).trimmedEnd, cost, true) }
                    cost += 1
                }
                inWord = true
            } else {
                inWord = false
                lastSafe = index
            }
            index = text.index(after: index)
            if !inWord { lastSafe = index }
        }
        return (text, cost, false)
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
