/// A position in a source file: a project-relative path, a 1-based line and a 1-based column
/// counted in Unicode characters (extended grapheme clusters), not bytes.
///
/// Locations order by file, then line, then column, which is the order diagnostics are printed in.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Path relative to the site folder, e.g. `content/posts/palm.md`.
    public var file: String
    /// 1-based line number; 0 when the position is the whole file.
    public var line: Int
    /// 1-based column in characters; 0 when unknown.
    public var column: Int

    public init(file: String, line: Int = 0, column: Int = 0) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// The location `offset` characters to the right on the same line.
    public func advanced(by offset: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column + offset)
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }

    /// `file:line:column`, leaving out the parts that are 0.
    public var description: String {
        var text = file
        if line > 0 {
            text += ":\(line)"
            if column > 0 { text += ":\(column)" }
        }
        return text
    }
}
