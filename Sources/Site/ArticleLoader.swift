import Diagnostics
import Foundation
import Markup
import Yams

/// Reads one article file into an `Article` (the load phase, per file).
struct ArticleLoader {
    let config: SiteConfig

    static let keys: Set<String> = ["title", "date", "lang", "draft", "summary", "layout", "translationKey", "slug"]

    /// - Parameters:
    ///   - path: Project-relative path, `content/posts/x.md` (or `x.zh-Hant.md` for a translation).
    ///   - text: The file's text, BOM removed and line ends normalized to `\n`.
    /// - Throws: every problem of the file's front matter.
    func load(path: String, text: String) throws(DiagnosticError) -> Article {
        let parts = try FrontMatterSplitter.split(text, file: path)
        let reader = YAMLReader(file: path, firstLine: parts.yamlFirstLine)
        let root = try reader.parse(parts.yaml)
        var diagnostics: [Diagnostic] = []

        // The file name and the folders between content/ and it, cut at the path's `/` bytes
        // (paths come from the listing: no empty components).
        let slash = UInt8(ascii: "/")
        let firstSlash = path.utf8.firstIndex(of: slash), lastSlash = path.utf8.lastIndex(of: slash)
        let fileName = String(lastSlash.map { path[path.utf8.index(after: $0)...] } ?? path[...])
        var stem = String(fileName.dropLast(3))  // drop ".md"
        var fileLanguage: String?
        if let dot = stem.lastIndex(of: "."), config.languages.contains(String(stem[stem.index(after: dot)...])) {
            fileLanguage = String(stem[stem.index(after: dot)...])
            stem = String(stem[..<dot])
        }
        let folder = if let firstSlash, let lastSlash, firstSlash < lastSlash {
            String(path[path.utf8.index(after: firstSlash)..<lastSlash])
        } else {
            ""
        }
        let stemSlug = stem.precomposed.slug
        var article = Article(source: path, title: "", date: nil, terms: [:], language: fileLanguage ?? config.language,
                              draft: false, summary: "", layout: "article.html",
                              layoutLocation: SourceLocation(file: path, line: 1, column: 1),
                              translationKey: (folder.isEmpty ? "" : folder + "/") + stemSlug, slug: stemSlug,
                              urlPath: "", body: parts.body, bodyFirstLine: parts.bodyFirstLine)
        var sawTitle = false
        for (key, value, location) in reader.fields(of: root, diagnostics: &diagnostics) {
            switch key {
            case "title":
                article.title = reader.string(value, key: key, diagnostics: &diagnostics) ?? ""
                sawTitle = true
            case "date":
                guard let text = reader.string(value, key: key, diagnostics: &diagnostics) else { break }
                if let day = Day(text) {
                    article.date = day
                } else {
                    diagnostics.append(.error("`\(text)` is not a date: write it as YYYY-MM-DD", at: reader.location(of: value.mark)))
                }
            case let name where config.taxonomies.contains(name):
                var terms: [String] = []
                for term in reader.strings(value, key: key, diagnostics: &diagnostics).map({ $0.precomposed }) {
                    if term.slug.isEmpty {
                        diagnostics.append(.error("\(name) term `\(term)` has no letters or digits, so it cannot have a page",
                                                  at: reader.location(of: value.mark)))
                    } else {
                        terms.append(term)
                    }
                }
                article.terms[name] = terms
            case "lang":
                guard let language = reader.string(value, key: key, diagnostics: &diagnostics) else { break }
                if config.languages.contains(language) {
                    article.language = language
                } else {
                    diagnostics.append(.error("language `\(language)` is not in site.yaml's languages (\(config.languages.joined(separator: ", ")))",
                                              at: reader.location(of: value.mark)))
                }
            case "draft":
                article.draft = reader.bool(value, key: key, diagnostics: &diagnostics) ?? false
            case "summary":
                article.summary = reader.string(value, key: key, diagnostics: &diagnostics) ?? ""
            case "layout":
                article.layout = reader.string(value, key: key, diagnostics: &diagnostics) ?? article.layout
                article.layoutLocation = reader.location(of: value.mark)
            case "translationKey":
                article.translationKey = reader.string(value, key: key, diagnostics: &diagnostics) ?? article.translationKey
            case "slug":
                let slug = (reader.string(value, key: key, diagnostics: &diagnostics) ?? "").precomposed.slug
                if slug.isEmpty {
                    diagnostics.append(.error("slug has no letters or digits", at: reader.location(of: value.mark)))
                } else {
                    article.slug = slug
                }
            default:
                diagnostics.append(.error(unknownKeyMessage(key, known: Self.keys.union(config.taxonomies)), at: location))
            }
        }
        if !sawTitle || article.title.isEmpty {
            diagnostics.append(.error("the front matter has no `title`", at: SourceLocation(file: path, line: parts.yamlFirstLine - 1, column: 1)))
        }
        if article.slug.isEmpty {
            diagnostics.append(.error("cannot make a URL from the file name: add `slug: …` to the front matter",
                                      at: SourceLocation(file: path, line: 1, column: 1)))
        }
        guard diagnostics.isEmpty else { throw DiagnosticError(diagnostics) }
        // content/posts/x.md → posts/x/ (under zh-hant/ for a non-default language).
        article.urlPath = config.languagePrefix(article.language) + (folder.isEmpty ? "" : folder + "/") + article.slug + "/"
        return article
    }
}
