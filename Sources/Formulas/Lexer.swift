import Diagnostics
import Quantities

/// One token of a formula, with its text as written and its character offset.
struct Token: Sendable {
    enum Kind: Equatable, Sendable {
        case number(Double)
        /// `9e6..17e6`: both ends as written (the parser checks their order, after a leading
        /// minus, which belongs to the first end: `-3..5` is −3 to 5).
        case range(Double, Double)
        /// The text of a unit: inside the brackets after a number (`312e12 [FLOP/s]`), or after
        /// `| in` (`x | in h`, `x | in [USD/(chip·h)]`). `Token.offset` is that of the first
        /// character of the unit text.
        case unit(String)
        case string(String)
        case name(String)
        case keyword(Keyword)
        /// Punctuation and operators, by their text: `( ) [ ] , . | + - * / % ^ == != < <= > >= =`.
        case symbol(String)
        case end
    }

    var kind: Kind
    var text: String
    var offset: Int
}

enum Keyword: String, Sendable {
    case and, or, not, `if`, then, `else`, `true`, `false`, null, `in`
}

/// Splits a formula into tokens. Offsets count `Character`s, so a CJK ideograph or an emoji
/// is one column, as in `SourceLocation`.
struct Lexer {
    private let characters: [Character]
    private let location: SourceLocation
    private var position = 0

    init(_ source: String, at location: SourceLocation) {
        characters = Array(source)
        self.location = location
    }

    /// All tokens, ending with one `.end` token at the end of the source.
    static func tokens(of source: String, at location: SourceLocation) throws -> [Token] {
        var lexer = Lexer(source, at: location)
        var tokens: [Token] = []
        while true {
            let token = try lexer.next()
            tokens.append(token)
            if token.kind == .end { return tokens }
        }
    }

    private static let symbols: Set<String> = [
        "(", ")", "[", "]", ",", ".", "|", "+", "-", "*", "/", "%", "^", "<", ">", "=",
        "==", "!=", "<=", ">=", "..",
    ]

    private func peek(_ ahead: Int = 0) -> Character? {
        position + ahead < characters.count ? characters[position + ahead] : nil
    }

    private func error(_ reason: FormulaError.Reason, at offset: Int) -> FormulaError {
        FormulaError(reason, at: location.advanced(by: offset))
    }

    /// The kinds of the last two tokens, to recognize units after a number and after `| in`.
    private var previous: (Token.Kind?, Token.Kind?) = (nil, nil)

    private mutating func next() throws -> Token {
        let token = try lexToken()
        previous = (previous.1, token.kind)
        return token
    }

    private mutating func lexToken() throws -> Token {
        while let character = peek(), character.isWhitespace { position += 1 }
        let start = position
        guard let character = peek() else { return Token(kind: .end, text: "", offset: start) }
        func token(_ kind: Token.Kind) -> Token {
            Token(kind: kind, text: String(characters[start..<position]), offset: start)
        }
        switch previous.1 {
        case .number, .range:
            if character == "[" { return try lexBracketedUnit() }
        case .keyword(.in) where previous.0 == .symbol("|"):
            return character == "[" ? try lexBracketedUnit() : lexBareUnit()
        default:
            break
        }
        if character.isASCIIDigit {
            let low = lexNumber(from: start)
            guard peek() == ".", peek(1) == ".",
                  peek(2)?.isASCIIDigit == true || (peek(2) == "-" && peek(3)?.isASCIIDigit == true)
            else { return token(.number(low)) }
            position += 2
            let negative = peek() == "-"
            if negative { position += 1 }
            let high = lexNumber(from: position)
            return token(.range(low, negative ? -high : high))
        }
        if character.isLetter || character == "_" {
            while let next = peek(), next.isLetter || next.isASCIIDigit || next == "_" { position += 1 }
            let word = String(characters[start..<position])
            return token(Keyword(rawValue: word).map(Token.Kind.keyword) ?? .name(word))
        }
        if character == "'" || character == "\"" {
            return token(.string(try lexString(quote: character)))
        }
        if let second = peek(1), Lexer.symbols.contains(String([character, second])) {
            position += 2
            return token(.symbol(String([character, second])))
        }
        if Lexer.symbols.contains(String(character)) {
            position += 1
            return token(.symbol(String(character)))
        }
        throw error(.unexpectedCharacter(character), at: start)
    }

    /// `42`, `3.5`, `1.2e9`, `1e-3`, and with a scale suffix right after the digits: `4.5k`,
    /// `12M`, `175B`, `1.6T`, `1750億`, `1.6萬億` (the suffixes of `Quantity.scaleSuffixes`;
    /// Chinese ones multiply in sequence). A suffix counts only when no letter or digit
    /// follows it, so `12Mb` stays `12` then the name `Mb`. A `.` joins the number only before
    /// a digit (`1.foo` is a member access, which the evaluator rejects), an `e` only before an
    /// exponent.
    private mutating func lexNumber(from start: Int) -> Double {
        func digits() { while peek()?.isASCIIDigit == true { position += 1 } }
        digits()
        if peek() == ".", peek(1)?.isASCIIDigit == true {
            position += 1
            digits()
        }
        if peek() == "e" || peek() == "E" {
            if peek(1)?.isASCIIDigit == true {
                position += 1
                digits()
            } else if peek(1) == "+" || peek(1) == "-", peek(2)?.isASCIIDigit == true {
                position += 2
                digits()
            }
        }
        let value = Double(String(characters[start..<position]))!
        return value * lexScaleSuffix()
    }

    /// The multiplier of a scale suffix at the current position (consumed), or 1.
    private mutating func lexScaleSuffix() -> Double {
        func endsWord(at index: Int) -> Bool {
            guard index < characters.count else { return true }
            let next = characters[index]
            return !(next.isLetter || next.isASCIIDigit || next == "_")
        }
        var end = position
        var multiplier = 1.0
        while end < characters.count, !characters[end].isASCII,
              let m = Quantity.scaleSuffixes[String(characters[end])] {
            multiplier *= m
            end += 1
        }
        if end > position, endsWord(at: end) {
            position = end
            return multiplier
        }
        for suffix in ["bn", "k", "K", "M", "B", "T"] {
            let letters = Array(suffix)
            guard position + letters.count <= characters.count,
                  Array(characters[position..<position + letters.count]) == letters,
                  endsWord(at: position + letters.count) else { continue }
            position += letters.count
            return Quantity.scaleSuffixes[suffix]!
        }
        return 1
    }

    /// `[text]` after a number or `| in`: the text up to the matching `]`.
    private mutating func lexBracketedUnit() throws -> Token {
        let bracket = position
        position += 1
        let start = position
        while let character = peek(), character != "]" {
            if character == "[" { throw error(.unexpectedCharacter("["), at: position) }
            position += 1
        }
        guard peek() == "]" else { throw error(.unterminatedUnit, at: bracket) }
        let text = String(characters[start..<position])
        position += 1
        return Token(kind: .unit(text), text: "[\(text)]", offset: start)
    }

    /// A unit written without brackets after `| in`: up to a space, `|`, `,`, or a `)` or `]`
    /// that closes something outside the unit (`x | in h`, `f(x | in day)`).
    private mutating func lexBareUnit() -> Token {
        let start = position
        var depth = 0
        while let character = peek(), !character.isWhitespace, character != "|", character != "," {
            if character == "(" { depth += 1 }
            if character == ")" || character == "]" {
                if depth == 0 { break }
                depth -= 1
            }
            position += 1
        }
        let text = String(characters[start..<position])
        return Token(kind: .unit(text), text: text, offset: start)
    }

    private mutating func lexString(quote: Character) throws -> String {
        let start = position
        position += 1
        var value = ""
        while let character = peek() {
            position += 1
            switch character {
            case quote:
                return value
            case "\\":
                guard let escaped = peek() else { throw error(.unterminatedString, at: start) }
                switch escaped {
                case "'", "\"", "\\": value.append(escaped)
                case "n": value.append("\n")
                case "t": value.append("\t")
                default: throw error(.unknownEscape(escaped), at: position - 1)
                }
                position += 1
            default:
                value.append(character)
            }
        }
        throw error(.unterminatedString, at: start)
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isWholeNumber }
}
