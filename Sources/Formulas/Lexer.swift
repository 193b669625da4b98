import Diagnostics

/// One token of a formula, with its text as written and its character offset.
struct Token: Sendable {
    enum Kind: Equatable, Sendable {
        case number(Double)
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
        "==", "!=", "<=", ">=",
    ]

    private func peek(_ ahead: Int = 0) -> Character? {
        position + ahead < characters.count ? characters[position + ahead] : nil
    }

    private func error(_ reason: FormulaError.Reason, at offset: Int) -> FormulaError {
        FormulaError(reason, at: location.advanced(by: offset))
    }

    private mutating func next() throws -> Token {
        while let character = peek(), character.isWhitespace { position += 1 }
        let start = position
        guard let character = peek() else { return Token(kind: .end, text: "", offset: start) }
        func token(_ kind: Token.Kind) -> Token {
            Token(kind: kind, text: String(characters[start..<position]), offset: start)
        }
        if character.isASCIIDigit {
            lexNumber()
            return token(.number(Double(String(characters[start..<position]))!))
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

    /// `42`, `3.5`, `1.2e9`, `1e-3`. A `.` joins the number only before a digit (`1.foo` is a
    /// member access, which the evaluator rejects), an `e` only before an exponent.
    private mutating func lexNumber() {
        func digits() { while peek()?.isASCIIDigit == true { position += 1 } }
        digits()
        if peek() == ".", peek(1)?.isASCIIDigit == true {
            position += 1
            digits()
        }
        if peek() == "e" || peek() == "E" {
            if peek(1)?.isASCIIDigit == true {
                position += 1
            } else if peek(1) == "+" || peek(1) == "-", peek(2)?.isASCIIDigit == true {
                position += 2
            } else {
                return
            }
            digits()
        }
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
