import Diagnostics

/// One Markdown article as loaded: its front matter, its body, and where it will be written.
///
/// A value type whose `Fields` live in one shared, copy-on-write box (`FieldsBox`), read and written
/// through dynamic member lookup (`article.title`): the site plan keeps an article in several
/// tables (by source, by language, as a neighbour, as a translation), and copying 14 fields
/// cost 14 retains where the box costs one (SitePlan.make was 10% of a one-edit rebuild of
/// 10,000 pages).
@dynamicMemberLookup
public struct Article: Sendable, Equatable {
    public struct Fields: Sendable, Equatable {
        /// Project-relative source path, e.g. `content/posts/training-cost.md`.
        public var source: String
        public var title: String
        public var date: Day?
        /// Terms per taxonomy, as written: `["tags": ["compute", "cost"]]`.
        public var terms: [String: [String]]
        /// BCP 47 tag as written in `site.yaml` (`en`, `zh-Hant`).
        public var language: String
        public var draft: Bool
        public var summary: String
        /// Template that renders the page, relative to `templates/` (default `article.html`).
        public var layout: String
        public var layoutLocation: SourceLocation
        /// Articles with the same key are translations of each other: `translationKey` from
        /// front matter, or else the folder and file name without its language suffix
        /// (`posts/palm`).
        public var translationKey: String
        public var slug: String
        /// The page's path below the base path, ending in `/`: `posts/training-cost/`,
        /// `zh-hant/posts/compute-growth/`.
        public var urlPath: String
        /// The Markdown after the front matter, with `\n` line ends.
        public var body: String
        /// The file line on which `body` starts.
        public var bodyFirstLine: Int
    }

    private var box: FieldsBox<Fields>

    public init(source: String, title: String, date: Day?, terms: [String: [String]], language: String, draft: Bool,
                summary: String, layout: String, layoutLocation: SourceLocation, translationKey: String, slug: String,
                urlPath: String, body: String, bodyFirstLine: Int) {
        box = FieldsBox(Fields(source: source, title: title, date: date, terms: terms, language: language, draft: draft,
                         summary: summary, layout: layout, layoutLocation: layoutLocation, translationKey: translationKey,
                         slug: slug, urlPath: urlPath, body: body, bodyFirstLine: bodyFirstLine))
    }

    public subscript<Value>(dynamicMember keyPath: WritableKeyPath<Fields, Value>) -> Value {
        @inline(__always) get { box.fields[keyPath: keyPath] }
        @inline(__always) set { FieldsBox.write(newValue, at: keyPath, in: &box) }
    }

    public static func == (a: Article, b: Article) -> Bool {
        a.box === b.box || a.box.fields == b.box.fields
    }

    public var tags: [String] { self.terms["tags"] ?? [] }

    /// The output file, relative to the output folder: `posts/training-cost/index.html`.
    public var outputPath: String { self.urlPath + "index.html" }

    /// The source folder relative to the site, e.g. `content/posts`.
    public var directory: String {
        let source = self.source
        // By byte: a Character search from the end cost a thousand instructions a link.
        guard let slash = source.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
        return String(source[..<slash])
    }
}

/// Splits a Markdown file into its YAML front matter and its body.
enum FrontMatterSplitter {
    struct Parts {
        var yaml: String
        var yamlFirstLine: Int
        var body: String
        var bodyFirstLine: Int
    }

    /// Expects the file to open with a `---` line and close the front matter with another
    /// `---` (or `...`) line.
    ///
    /// - Parameter text: The file with `\n` line ends and no BOM.
    /// - Throws: a diagnostic at 1:1 when there is no front matter or it is never closed.
    static func split(_ text: String, file: String) throws(DiagnosticError) -> Parts {
        // Scans the UTF-8 bytes line by line; the body is sliced, not rebuilt.
        let utf8 = text.utf8
        func isFence(_ line: Substring.UTF8View, _ marker: String) -> Bool {
            var trimmed = line[...]
            while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") || last == UInt8(ascii: "\r") {
                trimmed = trimmed.dropLast()
            }
            return trimmed.elementsEqual(marker.utf8)
        }
        var start = utf8.startIndex
        var lineNumber = 1
        var yamlStart: String.Index?
        while start < utf8.endIndex {
            let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
            let line = text[start..<end].utf8
            if lineNumber == 1 {
                guard isFence(line, "---") else { break }
                yamlStart = end < utf8.endIndex ? utf8.index(after: end) : end
            } else if isFence(line, "---") || isFence(line, "...") {
                let bodyStart = end < utf8.endIndex ? utf8.index(after: end) : end
                return Parts(yaml: String(text[yamlStart!..<start].dropLast()), yamlFirstLine: 2,
                             body: String(text[bodyStart...]), bodyFirstLine: lineNumber + 1)
            }
            lineNumber += 1
            start = end < utf8.endIndex ? utf8.index(after: end) : end
        }
        if yamlStart == nil {
            throw DiagnosticError(.error("no front matter: start the file with a `---` line, then `title: …`, then another `---` line",
                                         at: SourceLocation(file: file, line: 1, column: 1)))
        }
        throw DiagnosticError(.error("front matter is not closed: add a `---` line after its last field",
                                     at: SourceLocation(file: file, line: 1, column: 1)))
    }
}

extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var copy = self
        while copy.last == " " || copy.last == "\t" { copy.removeLast() }
        return copy
    }
}

/// The stored fields of a value type (`Article`, `RenderedPage`, `RenderedArticle`), shared
/// between its copies: copying the value is one retain, not one per field. The value mutates
/// the fields only when it holds the only reference (`isKnownUniquelyReferenced`), and copies
/// them into a new box otherwise; that is what makes the unchecked `Sendable` sound.
final class FieldsBox<Fields: Sendable>: @unchecked Sendable {
    /// Not checked for exclusive access at run time (a check per field read, 21,000 of them in
    /// a 1,000-article site plan alone): it is written only through `write`, by the one value
    /// that holds the box, and no read overlaps that write.
    @exclusivity(unchecked) var fields: Fields
    init(_ fields: Fields) { self.fields = fields }

    /// Sets one field of the value whose box is `box`, first copying the fields into a box of
    /// its own when another value shares this one.
    @inline(__always)
    static func write<Value>(_ value: Value, at keyPath: WritableKeyPath<Fields, Value>, in box: inout FieldsBox<Fields>) {
        if !isKnownUniquelyReferenced(&box) { box = FieldsBox(box.fields) }
        box.fields[keyPath: keyPath] = value
    }
}
