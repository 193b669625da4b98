extension Unit {
    /// Reads a unit expression as written in brackets.
    ///
    /// Grammar: `quotient := product ('/' product)*`, `product := power (('·' | '*' | ' ')
    /// power)*`, `power := name | '(' quotient ')'` followed by an optional `^n` or superscript
    /// exponent (`s²`, `s⁻¹`). A product binds tighter than `/`, so `FLOP/s/chip` and
    /// `USD/(chip·h)` divide by the chip, and `USD/chip h` reads as `USD/(chip·h)`.
    ///
    /// Names: the constants of `Unit` (`FLOP`, `PF-day`, `s`, `min`, `h`, `day`, `month`,
    /// `year`, `J`, `W`, `Wh`, `kWh`, `param`, `token`, `chip`, `byte`, `1`, `%`), the codes in
    /// `currencyCodes`, and the SI prefixes k M G T P E Z Y (10³…10²⁴, SI Brochure 9th ed.,
    /// Table 7) on `FLOP`, `W`, `Wh`, `J`, `byte` and `B` (`TFLOP/s`, `GW`, `GB`).
    ///
    /// - Returns: The unit, whose symbol is the text as written with products spelled `·` and
    ///   spaces removed (`chip*h` → `chip·h`).
    /// - Throws: `UnitError` with the character offset of the bad part.
    public static func parse(_ text: String) throws(UnitError) -> Unit {
        var parser = UnitParser(Array(text))
        parser.skipSpaces()
        guard !parser.atEnd else { throw UnitError(.expectedUnit, at: parser.position) }
        let unit = try parser.parseQuotient()
        parser.skipSpaces()
        if let character = parser.peek() {
            throw UnitError(character == ")" ? .unexpectedCharacter(")") : .unexpectedCharacter(character),
                            at: parser.position)
        }
        return unit
    }

    /// The SI prefixes and their factors. Source: SI Brochure (9th ed., 2019), Table 7.
    static let siPrefixes: [(Character, Double)] = [
        ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12), ("P", 1e15), ("E", 1e18), ("Z", 1e21), ("Y", 1e24),
    ]

    /// The units that take SI prefixes, by symbol.
    static let prefixable: [String: Unit] = [
        "FLOP": .flop, "W": .watt, "Wh": .wattHour, "J": .joule, "byte": .byte,
        "B": Unit(symbol: "B", dimension: .byte),
    ]

    /// Units by name, without prefixes.
    static let named: [String: Unit] = {
        var table: [String: Unit] = [:]
        for unit in [Unit.one, .percent, .flop, .petaflopDay, .second, .minute, .hour, .day, .month, .year,
                     .joule, .watt, .wattHour, .kilowattHour, .megawattHour, .gigawattHour,
                     .parameter, .token, .chip, .byte, .gigabyte, .terabyte] {
            table[unit.symbol] = unit
        }
        for code in currencyCodes { table[code] = .currency(code) }
        return table
    }()

    /// The unit called `name`: a named unit, a currency, or an SI prefix on a prefixable unit.
    static func named(_ name: String) -> Unit? {
        if let unit = named[name] { return unit }
        guard let first = name.first, name.count > 1,
              let (_, factor) = siPrefixes.first(where: { $0.0 == first }),
              let base = prefixable[String(name.dropFirst())] else { return nil }
        return Unit(symbol: name, dimension: base.dimension, factor: base.factor * factor)
    }

    /// Combines two units into a written product or quotient (used by the parser).
    static func combine(_ a: Unit, _ b: Unit, symbol: String, dividing: Bool) -> Unit {
        Unit(symbol: symbol,
             dimension: dividing ? a.dimension / b.dimension : a.dimension * b.dimension,
             factor: dividing ? a.factor / b.factor : a.factor * b.factor)
    }
}

/// Recursive descent over the characters of a unit expression. Nesting is bounded by the
/// text's length, which comes from one bracket in one formula or header.
private struct UnitParser {
    let characters: [Character]
    var position = 0

    init(_ characters: [Character]) { self.characters = characters }

    var atEnd: Bool { position >= characters.count }
    func peek(_ ahead: Int = 0) -> Character? {
        position + ahead < characters.count ? characters[position + ahead] : nil
    }

    mutating func skipSpaces() {
        while let c = peek(), c == " " || c == "\t" { position += 1 }
    }

    mutating func parseQuotient() throws(UnitError) -> Unit {
        var unit = try parseProduct().0
        while true {
            skipSpaces()
            guard peek() == "/" else { return unit }
            position += 1
            skipSpaces()
            let (divisor, divisorGrouped) = try parseProduct()
            let written = divisorGrouped ? "(\(divisor.symbol))" : divisor.symbol
            unit = Unit.combine(unit, divisor, symbol: unit.symbol + "/" + written, dividing: true)
        }
    }

    /// A product of powers; `grouped` is true when it has more than one factor (so that a
    /// divisor made of it needs parentheses when written).
    mutating func parseProduct() throws(UnitError) -> (Unit, grouped: Bool) {
        var unit = try parsePower()
        var grouped = false
        while true {
            let before = position
            skipSpaces()
            if peek() == "·" || peek() == "*" || peek() == "×" {
                position += 1
                skipSpaces()
            } else if position > before, let c = peek(), c.isLetter || c == "(" {
                // A space between two units multiplies them: `chip h`.
            } else {
                position = before
                return (unit, grouped)
            }
            let factor = try parsePower()
            unit = Unit.combine(unit, factor, symbol: unit.symbol + "·" + factor.symbol, dividing: false)
            grouped = true
        }
    }

    mutating func parsePower() throws(UnitError) -> Unit {
        let base = try parseAtom()
        let start = position
        var exponent: Int?
        if peek() == "^" {
            position += 1
            var text = ""
            if peek() == "-" { text.append("-"); position += 1 }
            while let c = peek(), c.isASCII, c.isNumber { text.append(c); position += 1 }
            guard let n = Int(text) else { throw UnitError(.expectedExponent, at: start) }
            exponent = n
        } else if let n = readSuperscript() {
            exponent = n
        }
        guard let n = exponent else { return base }
        return Unit(symbol: base.symbol + superscript(n), dimension: base.dimension.raised(to: n),
                    factor: Double.integerPower(base.factor, n))
    }

    mutating func readSuperscript() -> Int? {
        let digits: [Character: Int] = ["⁰": 0, "¹": 1, "²": 2, "³": 3, "⁴": 4, "⁵": 5, "⁶": 6, "⁷": 7, "⁸": 8, "⁹": 9]
        var negative = false
        var value: Int?
        let start = position
        if peek() == "⁻" { negative = true; position += 1 }
        while let c = peek(), let d = digits[c] { value = (value ?? 0) * 10 + d; position += 1 }
        guard let n = value else { position = start; return nil }
        return negative ? -n : n
    }

    mutating func parseAtom() throws(UnitError) -> Unit {
        let start = position
        guard let c = peek() else { throw UnitError(.expectedUnit, at: position) }
        if c == "(" {
            position += 1
            skipSpaces()
            guard !atEnd else { throw UnitError(.unclosedParenthesis, at: start) }
            let inner = try parseQuotient()
            skipSpaces()
            guard peek() == ")" else {
                if atEnd { throw UnitError(.unclosedParenthesis, at: start) }
                throw UnitError(.unexpectedCharacter(peek()!), at: position)
            }
            position += 1
            let compound = inner.symbol.contains("·") || inner.symbol.contains("/")
            return compound
                ? Unit(symbol: "(\(inner.symbol))", dimension: inner.dimension, factor: inner.factor) : inner
        }
        if c == "%" || c == "1" {
            position += 1
            return c == "%" ? .percent : .one
        }
        guard c.isLetter else {
            throw UnitError(c == "/" || c == ")" ? .expectedUnit : .unexpectedCharacter(c), at: position)
        }
        var name = ""
        while let c = peek(), c.isLetter || (c == "-" && peek(1)?.isLetter == true && !name.isEmpty) {
            name.append(c)
            position += 1
        }
        guard let unit = Unit.named(name) else { throw UnitError(.unknownUnit(name), at: start) }
        return unit
    }
}

extension Double {
    /// `base` raised to the integer power `n` by repeated multiplication.
    static func integerPower(_ base: Double, _ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(n) { result *= base }
        return n < 0 ? 1 / result : result
    }
}
