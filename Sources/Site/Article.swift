import Diagnostics

/// One Markdown article as loaded: its front matter, its body, and where it will be written.
///
/// A value type whose fields live in one shared, copy-on-write box: the site plan keeps an
/// article in several tables (by source, by language, as a neighbour, as a translation), and
/// copying 14 fields costs 14 retains where the box costs one (SitePlan.make was 10% of a
/// one-edit rebuild of 10,000 pages).
public struct Article: Sendable, Equatable {
    private final class Storage: @unchecked Sendable {  // mutated only when uniquely referenced
        var source: String
        var title: String
        var date: Day?
        var terms: [String: [String]]
        var language: String
        var draft: Bool
        var summary: String
        var layout: String
        var layoutLocation: SourceLocation
        var translationKey: String
        var slug: String
        var urlPath: String
        var body: String
        var bodyFirstLine: Int

        init(source: String, title: String, date: Day?, terms: [String: [String]], language: String, draft: Bool,
             summary: String, layout: String, layoutLocation: SourceLocation, translationKey: String, slug: String,
             urlPath: String, body: String, bodyFirstLine: Int) {
            self.source = source
            self.title = title
            self.date = date
            self.terms = terms
            self.language = language
            self.draft = draft
            self.summary = summary
            self.layout = layout
            self.layoutLocation = layoutLocation
            self.translationKey = translationKey
            self.slug = slug
            self.urlPath = urlPath
            self.body = body
            self.bodyFirstLine = bodyFirstLine
        }

        func copy() -> Storage {
            Storage(source: source, title: title, date: date, terms: terms, language: language, draft: draft,
                    summary: summary, layout: layout, layoutLocation: layoutLocation, translationKey: translationKey,
                    slug: slug, urlPath: urlPath, body: body, bodyFirstLine: bodyFirstLine)
        }
    }

    private var storage: Storage

    public init(source: String, title: String, date: Day?, terms: [String: [String]], language: String, draft: Bool,
                summary: String, layout: String, layoutLocation: SourceLocation, translationKey: String, slug: String,
                urlPath: String, body: String, bodyFirstLine: Int) {
        storage = Storage(source: source, title: title, date: date, terms: terms, language: language, draft: draft,
                          summary: summary, layout: layout, layoutLocation: layoutLocation, translationKey: translationKey,
                          slug: slug, urlPath: urlPath, body: body, bodyFirstLine: bodyFirstLine)
    }

    private mutating func unique() -> Storage {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage
    }

    /// Project-relative source path, e.g. `content/posts/training-cost.md`.
    public var source: String {
        get { storage.source }
        set { unique().source = newValue }
    }
    public var title: String {
        get { storage.title }
        set { unique().title = newValue }
    }
    public var date: Day? {
        get { storage.date }
        set { unique().date = newValue }
    }
    /// Terms per taxonomy, as written: `["tags": ["compute", "cost"]]`.
    public var terms: [String: [String]] {
        get { storage.terms }
        set { unique().terms = newValue }
    }
    /// BCP 47 tag as written in `site.yaml` (`en`, `zh-Hant`).
    public var language: String {
        get { storage.language }
        set { unique().language = newValue }
    }
    public var draft: Bool {
        get { storage.draft }
        set { unique().draft = newValue }
    }
    public var summary: String {
        get { storage.summary }
        set { unique().summary = newValue }
    }
    /// Template that renders the page, relative to `templates/` (default `article.html`).
    public var layout: String {
        get { storage.layout }
        set { unique().layout = newValue }
    }
    public var layoutLocation: SourceLocation {
        get { storage.layoutLocation }
        set { unique().layoutLocation = newValue }
    }
    /// Articles with the same key are translations of each other: `translationKey` from front
    /// matter, or else the folder and file name without its language suffix (`posts/palm`).
    public var translationKey: String {
        get { storage.translationKey }
        set { unique().translationKey = newValue }
    }
    public var slug: String {
        get { storage.slug }
        set { unique().slug = newValue }
    }
    /// The page's path below the base path, ending in `/`: `posts/training-cost/`,
    /// `zh-hant/posts/compute-growth/`.
    public var urlPath: String {
        get { storage.urlPath }
        set { unique().urlPath = newValue }
    }
    /// The Markdown after the front matter, with `\n` line ends.
    public var body: String {
        get { storage.body }
        set { unique().body = newValue }
    }
    /// The file line on which `body` starts.
    public var bodyFirstLine: Int {
        get { storage.bodyFirstLine }
        set { unique().bodyFirstLine = newValue }
    }

    public static func == (a: Article, b: Article) -> Bool {
        a.storage === b.storage
            || (a.source == b.source && a.title == b.title && a.date == b.date && a.terms == b.terms
                && a.language == b.language && a.draft == b.draft && a.summary == b.summary && a.layout == b.layout
                && a.layoutLocation == b.layoutLocation && a.translationKey == b.translationKey && a.slug == b.slug
                && a.urlPath == b.urlPath && a.body == b.body && a.bodyFirstLine == b.bodyFirstLine)
    }

    public var tags: [String] { terms["tags"] ?? [] }

    /// The output file, relative to the output folder: `posts/training-cost/index.html`.
    public var outputPath: String { urlPath + "index.html" }

    /// The source folder relative to the site, e.g. `content/posts`.
    public var directory: String {
        guard let slash = source.lastIndex(of: "/") else { return "" }
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
