/// Writes diagnostics the way compilers do:
///
/// ```
/// content/posts/palm.md:12:5: error: cannot add USD and FLOP
///    12 | Training cost `= cost + flops`
///       |     ^
/// ```
///
/// The caret is placed by display width (East Asian wide characters count 2), so it stands
/// under the right character in a terminal even on a Chinese line.
public struct DiagnosticRenderer: Sendable {
    /// Returns the text of a source file (with `\n` line ends), or nil when unavailable.
    public var sourceText: @Sendable (String) -> String?

    public init(sourceText: @escaping @Sendable (String) -> String?) {
        self.sourceText = sourceText
    }

    /// Renders one diagnostic: the summary line, then the source line and a caret when the
    /// location has a line and the file can be read.
    public func render(_ diagnostic: Diagnostic) -> String {
        var out = diagnostic.summary
        let location = diagnostic.location
        guard location.line > 0, let text = sourceText(location.file) else { return out }
        let lines = text.sourceLines
        guard location.line <= lines.count else { return out }
        var line = String(lines[location.line - 1])
        if line.hasPrefix("\u{FEFF}") { line.removeFirst() }
        let number = String(location.line)
        let gutter = String(repeating: " ", count: number.count)
        out += "\n \(number) | \(String(line.map { $0 == "\t" ? " " : $0 }))"
        if location.column > 0 {
            let before = line.prefix(location.column - 1)
            let pad = before.reduce(0) { $0 + $1.displayWidth }
            out += "\n \(gutter) | " + String(repeating: " ", count: pad) + "^"
        }
        return out
    }

    /// Renders all diagnostics sorted by location, separated by newlines.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.sorted().map(render).joined(separator: "\n")
    }
}

extension Character {
    /// Columns this character takes in a monospace terminal: 2 for East Asian wide and
    /// fullwidth characters (CJK ideographs, kana, Hangul, fullwidth forms), otherwise 1.
    /// - Source: Unicode Standard Annex #11, East Asian Width (W and F classes, main ranges).
    public var displayWidth: Int {
        guard let scalar = unicodeScalars.first else { return 0 }
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF,
             0x4E00...0x9FFF, 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF,
             0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F,
             0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return 2
        default:
            return 1
        }
    }
}
