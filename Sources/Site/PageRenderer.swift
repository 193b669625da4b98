import DOM
import Diagnostics
import Formulas
import Markup
import Templates

/// One page as rendered: its bytes and what the validate phase needs to know about it.
struct RenderedPage: Sendable {
    var outputPath: String
    /// The source that produced the page (an article, or the index template).
    var source: String
    var html: [UInt8]
    var diagnostics: [Diagnostic]
    /// Content files the page links to, to be copied.
    var copies: [String]
    /// Every `href`/`src` value on the page.
    var links: [String]
    /// Every `id` on the page.
    var ids: Set<String>
}

/// Renders pages: Markdown into a DOM, the DOM through the templates, then HTML5.
/// Sendable: one value serves every page task; each task builds its own `Document`.
struct PageRenderer: Sendable {
    let config: SiteConfig
    let templates: TemplateSet
    let links: ContentLinks
    /// The articles listed on the index, newest first.
    let listed: [Article]

    /// Words per minute for Latin-script text and characters per minute for CJK text.
    /// Source: Brysbaert (2019), "How many words do we read per minute?", J. Memory and
    /// Language 109 (238 wpm silent reading of English non-fiction); ~400 characters per
    /// minute is the commonly used figure for Chinese.
    static let wordsPerMinute = 238.0
    static let cjkCharactersPerMinute = 400.0

    var siteValue: Value {
        .record(Record([
            ("title", .string(config.title)),
            ("description", .string(config.description)),
            ("base_url", .string(config.baseURL)),
            ("language", .string(config.language)),
            ("languages", .list(config.languages.map(Value.string))),
            ("credits", .list(config.credits.map { credit in
                .record(Record([("name", .string(credit.name)), ("url", .string(credit.url)),
                                ("license", .string(credit.license))]))
            })),
            ("year", .string(listed.compactMap(\.date).max().map { String($0.year) } ?? "")),
        ]))
    }

    var functions: FunctionTable {
        let basePath = config.basePath
        return FunctionTable.standard.adding(Function(name: "url", arity: 1...1) { arguments throws(FunctionFailure) in
            guard case .string(let path) = arguments[0] else {
                throw FunctionFailure("url() needs a site path such as 'assets/style.css', not a \(arguments[0].typeName)")
            }
            return .string(basePath + path.drop(while: { $0 == "/" }))
        })
    }

    func summaryValue(of article: Article) -> Value {
        .record(Record([
            ("title", .string(article.title)),
            ("url", .string(config.basePath + article.urlPath)),
            ("lang", .string(article.language)),
            ("date", .string(article.date?.description ?? "")),
            ("date_text", .string(article.date?.text(language: article.language) ?? "")),
            ("summary", .string(article.summary)),
            ("tags", .list(article.tags.map(Value.string))),
        ]))
    }

    func renderArticle(_ article: Article) -> RenderedPage {
        let document = Document()
        let body = document.createElement("div")
        var diagnostics: [Diagnostic] = []
        var copies: [String] = []
        let rendered = MarkdownRenderer().render(article.body, file: article.source, firstLine: article.bodyFirstLine,
                                                 into: body, of: document) { destination, _, location in
            let resolution = links.resolve(destination, from: article, at: location)
            if let diagnostic = resolution.diagnostic { diagnostics.append(diagnostic) }
            if let copy = resolution.copy { copies.append(copy) }
            return resolution.url
        }
        diagnostics += rendered.diagnostics
        var page = summaryValue(of: article)
        if case .record(let record) = page {
            page = .record(record
                .setting("kind", to: "article")
                .setting("content", to: .fragment(MarkupFragment(body)))
                .setting("reading_minutes", to: .number(Self.readingMinutes(rendered.plainText)))
                .setting("source", to: .string(article.source)))
        }
        let scope = Scope(variables: ["site": siteValue, "page": page], functions: functions)
        var result = render(template: article.layout, scope: scope, in: document, outputPath: article.outputPath,
                            source: article.source)
        document.discard(body)
        result.diagnostics = diagnostics + result.diagnostics
        result.copies = copies
        return result
    }

    func renderIndex() -> RenderedPage {
        let document = Document()
        let page: Value = .record(Record([
            ("kind", "index"), ("title", .string(config.title)), ("lang", .string(config.language)),
            ("date", ""), ("date_text", ""), ("summary", .string(config.description)), ("tags", []),
            ("url", .string(config.basePath)), ("source", "templates/index.html"),
        ]))
        let scope = Scope(variables: ["site": siteValue, "page": page, "pages": .list(listed.map(summaryValue))],
                          functions: functions)
        return render(template: "index.html", scope: scope, in: document, outputPath: "index.html",
                      source: "templates/index.html")
    }

    private func render(template: String, scope: Scope, in document: Document, outputPath: String,
                        source: String) -> RenderedPage {
        let (root, diagnostics) = templates.render(template, scope: scope, in: document)
        var page = RenderedPage(outputPath: outputPath, source: source, html: [], diagnostics: diagnostics,
                                copies: [], links: [], ids: [])
        guard let root else { return page }
        document.root = root
        Self.collect(root, links: &page.links, ids: &page.ids)
        page.html = Array(HTMLSerializer().serialize(document).utf8)
        return page
    }

    private static func collect(_ node: Node, links: inout [String], ids: inout Set<String>) {
        for attribute in node.attributes {
            switch attribute.name {
            case "href", "src": links.append(attribute.value)
            case "id": ids.insert(attribute.value)
            default: break
            }
        }
        for child in node.children where child.kind == .element { collect(child, links: &links, ids: &ids) }
    }

    /// Minutes to read `text`: Latin-script words at `wordsPerMinute` plus CJK characters at
    /// `cjkCharactersPerMinute`, rounded up, at least 1.
    static func readingMinutes(_ text: String) -> Double {
        var words = 0
        var cjk = 0
        var inWord = false
        for character in text {
            if character.displayWidth == 2 && character.isLetter {
                cjk += 1
                inWord = false
            } else if character.isLetter || character.isNumber {
                if !inWord { words += 1 }
                inWord = true
            } else {
                inWord = false
            }
        }
        let minutes = Double(words) / wordsPerMinute + Double(cjk) / cjkCharactersPerMinute
        return max(1, minutes.rounded(.up))
    }
}
