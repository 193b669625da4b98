import DOM
import Diagnostics
import Formulas
import Markup
import Templates

/// One page as rendered: its bytes and what the validate phase needs to know about it.
///
/// Its fields live in one copy-on-write box (`FieldsBox`), read and written as `page.ids`: the
/// build copies pages into several arrays, and a copy is one retain instead of one per field
/// (copies of the rendered pages and articles were 9% of a one-edit rebuild of 10,000 pages).
@dynamicMemberLookup
struct RenderedPage: Sendable {
    struct Fields: Sendable {
        var outputPath: String
        /// The source that produced the page (an article, or a template).
        var source: String
        /// The page's bytes until they are handed to the output stage.
        var html: [UInt8]
        /// Whether the page was rendered (its bytes went to the output).
        var hasOutput = false
        var diagnostics: [Diagnostic]
        /// Content files the page links to, to be copied.
        var copies: [String] = []
        /// Every `href`/`src` value on the page.
        var links: [String] = []
        /// Every `id` on the page.
        var ids: Set<String> = []
        /// Links already reported where they are written (a Markdown link to a missing file):
        /// the site-wide link check does not report them again.
        var reportedLinks: Set<String> = []
        /// `links`, `ids` and `reportedLinks` as the page cache stores them, when the page came
        /// from there: a kept page's are decoded only when read (its links are not checked
        /// again, and its ids are read only when another page links to one).
        var encodedLinks: (bytes: [UInt8], range: Range<Int>)? = nil
    }

    private var box: FieldsBox<Fields>

    init(outputPath: String, source: String, html: [UInt8], hasOutput: Bool = false, diagnostics: [Diagnostic],
         copies: [String] = [], links: [String] = [], ids: Set<String> = [], reportedLinks: Set<String> = []) {
        box = FieldsBox(Fields(outputPath: outputPath, source: source, html: html, hasOutput: hasOutput,
                               diagnostics: diagnostics, copies: copies, links: links, ids: ids,
                               reportedLinks: reportedLinks))
    }

    /// A page from the page cache, its links, ids and reported links left encoded at `encodedLinks`.
    init(outputPath: String, source: String, hasOutput: Bool, diagnostics: [Diagnostic], copies: [String],
         encodedLinks: (bytes: [UInt8], range: Range<Int>)) {
        box = FieldsBox(Fields(outputPath: outputPath, source: source, html: [], hasOutput: hasOutput,
                               diagnostics: diagnostics, copies: copies, encodedLinks: encodedLinks))
    }

    subscript<Value>(dynamicMember keyPath: WritableKeyPath<Fields, Value>) -> Value {
        @inline(__always) get { box.fields[keyPath: keyPath] }
        @inline(__always) set { FieldsBox.write(newValue, at: keyPath, in: &box) }
    }

    /// Every `href`/`src` value on the page.
    var links: [String] {
        get { box.fields.encodedLinks == nil ? box.fields.links : decodedLinks().links }
        set { decodeLinks(); self[dynamicMember: \.links] = newValue }
    }

    /// Every `id` on the page.
    var ids: Set<String> {
        get { box.fields.encodedLinks == nil ? box.fields.ids : decodedLinks().ids }
        set { decodeLinks(); self[dynamicMember: \.ids] = newValue }
    }

    /// Links already reported where they are written (see `Fields.reportedLinks`).
    var reportedLinks: Set<String> {
        get { box.fields.encodedLinks == nil ? box.fields.reportedLinks : decodedLinks().reported }
        set { decodeLinks(); self[dynamicMember: \.reportedLinks] = newValue }
    }

    /// The encoded links, ids and reported links (empty when damaged: the cache was checked
    /// when read, and its entries walked).
    private func decodedLinks() -> (links: [String], ids: Set<String>, reported: Set<String>) {
        guard let (bytes, range) = box.fields.encodedLinks else { return ([], [], []) }
        var reader = CacheReader(bytes, range: range)
        return (try? reader.linkFacts()) ?? ([], [], [])
    }

    /// Decodes the encoded links, ids and reported links into their fields, before one is set.
    private mutating func decodeLinks() {
        guard self.encodedLinks != nil else { return }
        let (links, ids, reported) = decodedLinks()
        self[dynamicMember: \.links] = links
        self[dynamicMember: \.ids] = ids
        self[dynamicMember: \.reportedLinks] = reported
        self.encodedLinks = nil
    }
}

/// What rendering an article gives the pages rendered after it (lists, feeds); boxed like
/// `RenderedPage`.
@dynamicMemberLookup
struct RenderedArticle: Sendable {
    struct Fields: Sendable {
        var page: RenderedPage
        /// The summary as markup: the front matter's text, or the start of the article cut on
        /// the DOM at a word (Latin) or character (CJK) boundary, every element closed.
        var summary: [MarkupNode]
        var summaryText: String
        /// Where the page cache stores the summary (its markup and its text) and the feed HTML,
        /// when the article came from there: decoded (`summaryNodes()`, `summaryText`,
        /// `feedHTML`) only for the list pages and feeds made again.
        var encoded: Encoded? = nil
        /// The article body with absolute URLs, as HTML, for feeds.
        var feedHTML: String
        var readingMinutes: Double
        /// The verdicts of the article's `check` blocks.
        var checks: [CheckResult]
        /// Standalone SVGs of its charts (output path → bytes) and the labels they dropped.
        var chartFiles: [String: [UInt8]]
        var droppedLabels: Int
        /// The project-relative paths its relative links were looked up as (`ContentLinks`), in
        /// order: the page cache looks them up again to see whether the page would link
        /// differently now. Empty for an article kept from the page cache while no article's
        /// URL and no content file changed (`CacheReader.article(linkTargets:)`): nothing reads
        /// them then, and its stored bytes, not this value, go into the next cache.
        var linkTargets: [String]
        /// Whether the page evaluated formulas, so depends on the data tables.
        var evaluatesFormulas: Bool
        /// `PageRenderer.articleFields` of the article, made for its page and used again for
        /// each list page that lists it (some four per article); empty when the article came
        /// from the page cache.
        var listFields: [(String, Value)] = []
    }

    /// Ranges of the page cache's bytes.
    struct Encoded: Sendable {
        var bytes: [UInt8]
        var summary: Range<Int>
        var summaryText: Range<Int>
        var feedHTML: Range<Int>
    }

    private var box: FieldsBox<Fields>

    init(page: RenderedPage, summary: [MarkupNode], summaryText: String,
         encoded: Encoded? = nil, feedHTML: String, readingMinutes: Double,
         checks: [CheckResult], chartFiles: [String: [UInt8]], droppedLabels: Int, linkTargets: [String],
         evaluatesFormulas: Bool, listFields: [(String, Value)] = []) {
        box = FieldsBox(Fields(page: page, summary: summary, summaryText: summaryText, encoded: encoded,
                               feedHTML: feedHTML, readingMinutes: readingMinutes, checks: checks, chartFiles: chartFiles,
                               droppedLabels: droppedLabels, linkTargets: linkTargets,
                               evaluatesFormulas: evaluatesFormulas, listFields: listFields))
    }

    subscript<Value>(dynamicMember keyPath: WritableKeyPath<Fields, Value>) -> Value {
        @inline(__always) get { box.fields[keyPath: keyPath] }
        @inline(__always) set { FieldsBox.write(newValue, at: keyPath, in: &box) }
    }

    /// The summary's markup (decoded from the page cache when it came from there).
    func summaryNodes() -> [MarkupNode] {
        guard let encoded = box.fields.encoded else { return box.fields.summary }
        var reader = CacheReader(encoded.bytes, range: encoded.summary)
        return (try? reader.nodes()) ?? []
    }

    /// The summary as text (decoded from the page cache when it came from there).
    var summaryText: String {
        guard let encoded = box.fields.encoded else { return box.fields.summaryText }
        return String(decoding: encoded.bytes[encoded.summaryText], as: UTF8.self)
    }

    /// The feed HTML (decoded from the page cache when it came from there).
    var feedHTML: String {
        guard let encoded = box.fields.encoded else { return box.fields.feedHTML }
        return String(decoding: encoded.bytes[encoded.feedHTML], as: UTF8.self)
    }
}

/// Renders pages: Markdown into a DOM, the DOM through the templates, then HTML5.
/// Sendable: one value serves every page task; each task builds its own `Document`.
struct PageRenderer: Sendable {
    let config: SiteConfig
    let templates: TemplateSet
    let links: ContentLinks
    let plan: SitePlan
    let calendar: SiteCalendar
    /// Interface strings per language, the default language's filling gaps (templates/i18n).
    let strings: [String: Record]
    /// Markdown options for articles (heading ids avoid the templates' ids).
    let markdown: MarkdownOptions
    /// The data tables, for figures, compute blocks and checks.
    let catalog: DataCatalog
    /// The articles that appear in a feed: only their bodies are kept as feed HTML.
    let feedSources: Set<String>
    /// Whether the site has a checks page (any article has a `check` block and the theme a
    /// `checks.html`), for the navigation.
    let hasChecks: Bool
    /// `site` as templates see it, per language: made once, read by every page.
    private var siteValues: [String: Value] = [:]
    /// Each term's link (`name`, `url`) by language, taxonomy and spelling, made once: every
    /// article shows its terms on its page and on each list it is on.
    private var termValues: [String: [String: [String: Value]]] = [:]
    /// The year of the newest article (for a copyright line).
    let year: String

    init(config: SiteConfig, templates: TemplateSet, links: ContentLinks, plan: SitePlan, calendar: SiteCalendar,
         strings: [String: Record], markdown: MarkdownOptions, catalog: DataCatalog, feedSources: Set<String>,
         hasChecks: Bool) {
        self.config = config
        self.templates = templates
        self.links = links
        self.plan = plan
        self.calendar = calendar
        self.strings = strings
        self.markdown = markdown
        self.catalog = catalog
        self.feedSources = feedSources
        self.hasChecks = hasChecks
        year = plan.articles.compactMap { $0.date }.max().map { String($0.year) } ?? ""
        for language in config.languages { siteValues[language] = makeSiteValue(language: language) }
        for language in config.languages {
            for taxonomy in config.taxonomies {
                var values: [String: Value] = [:]
                for (term, slug) in plan.termSlugs {
                    values[term] = Self.termValue(term, url: termURL(slug: slug, taxonomy: taxonomy, language: language))
                }
                termValues[language, default: [:]][taxonomy] = values
            }
        }
    }

    static func termValue(_ term: String, url: String) -> Value {
        .record(Record([("name", .string(term)), ("url", .string(url))]))
    }

    /// The URL of a term's page: `/tags/compute/`, under its language's prefix.
    func termURL(slug: String, taxonomy: String, language: String) -> String {
        url(config.languagePrefix(language) + taxonomy + "/" + slug + "/")
    }

    /// Words per minute for Latin-script text and characters per minute for CJK text.
    /// Source: Brysbaert (2019), "How many words do we read per minute?", Journal of Memory and
    /// Language 109 (238 wpm, silent reading of English non-fiction); about 400 characters per
    /// minute is the figure commonly used for Chinese.
    static let wordsPerMinute = 238.0
    static let cjkCharactersPerMinute = 400.0
    /// Length of an automatic summary, in Latin words (a CJK character counts 238/400 of one).
    static let summaryWords = 50.0

    // MARK: Values

    func url(_ path: String) -> String {
        URLSafety.escapeHref(config.basePath + path)
    }

    func absoluteURL(_ path: String) -> String {
        config.origin + url(path)
    }

    func siteValue(language: String) -> Value {
        siteValues[language] ?? makeSiteValue(language: language)
    }

    private func makeSiteValue(language: String) -> Value {
        .record(Record([
            ("title", strings[language]?["site_title"] ?? .string(config.title)),
            ("description", strings[language]?["site_description"] ?? .string(config.description)),
            ("base_url", .string(config.baseURL)),
            ("language", .string(config.language)),
            ("languages", .list(config.languages.map { code in
                .record(Record([("code", .string(code)), ("name", strings[code]?["language_name"] ?? .string(code)),
                                ("url", .string(url(config.languagePrefix(code))))]))
            })),
            ("credits", .list(config.credits.map { credit in
                .record(Record([("name", .string(credit.name)), ("url", .string(credit.url)),
                                ("license", .string(credit.license))]))
            })),
            ("year", .string(year)),
            ("feed_url", .string(url(config.languagePrefix(language) + "atom.xml"))),
            ("rss_url", .string(url(config.languagePrefix(language) + "rss.xml"))),
            ("home_url", .string(url(config.languagePrefix(language)))),
            ("has_checks", .bool(hasChecks)),
        ]))
    }

    var functions: FunctionTable {
        let basePath = config.basePath
        return FunctionTable.standard.adding(Function(name: "url", arity: 1...1) { arguments throws(FunctionFailure) in
            guard case .string(let path) = arguments[0] else {
                throw FunctionFailure("url() needs a site path such as 'assets/style.css', not a \(arguments[0].typeName)")
            }
            return .string(URLSafety.escapeHref(basePath + path.drop(while: { $0 == "/" })))
        })
    }

    func scope(language: String, page: Record, extra: [String: Value] = [:]) -> Scope {
        var variables = extra
        variables["site"] = siteValue(language: language)
        variables["page"] = .record(page)
        variables["i18n"] = .record(strings[language] ?? Record([]))
        return Scope(variables: variables, functions: functions)
    }

    func termLinks(_ article: Article, taxonomy: String) -> Value {
        let made = termValues[article.language]?[taxonomy]
        return .list((article.terms[taxonomy] ?? []).map { term in
            made?[term] ?? Self.termValue(term, url: termURL(slug: plan.termSlugs[term] ?? SitePlan.termSlug(term),
                                                             taxonomy: taxonomy, language: article.language))
        })
    }

    /// The fields every page of an article shows, on its own page and in lists.
    func articleFields(_ article: Article) -> [(String, Value)] {
        var fields: [(String, Value)] = [
            ("title", .string(article.title)),
            ("url", .string(url(article.urlPath))),
            ("permalink", .string(absoluteURL(article.urlPath))),
            ("lang", .string(article.language)),
            ("lang_name", strings[article.language]?["language_name"] ?? .string(article.language)),
            ("date", .string(article.date?.description ?? "")),
            ("date_text", .string(article.date?.text(language: article.language) ?? "")),
            ("summary", .string(article.summary)),
        ]
        for taxonomy in config.taxonomies { fields.append((taxonomy, termLinks(article, taxonomy: taxonomy))) }
        return fields
    }

    func link(_ article: Article?) -> Value {
        guard let article else { return .null }
        return .record(Record([("title", .string(article.title)), ("url", .string(url(article.urlPath))),
                               ("lang", .string(article.language))]))
    }

    // MARK: Articles

    /// An article's Markdown rendered into a `div` of `document` with its figures, checks,
    /// charts and resolved links: what a site page and a briefing document both start from.
    struct ArticleBody {
        /// Unattached; the caller discards it when done.
        var body: Node
        var formulas: PageFormulas
        var rendered: RenderedMarkdown
        var diagnostics: [Diagnostic]
        /// Content files the article links to (to be copied) and the links already reported.
        var copies: [String]
        var reportedLinks: Set<String>
        /// The project-relative paths the article's relative links were looked up as, in order.
        var linkTargets: [String]
    }

    func renderBody(_ article: Article, in document: Document) -> ArticleBody {
        let body = document.createElement("div")
        var diagnostics: [Diagnostic] = []
        var copies: [String] = []
        var reportedLinks: Set<String> = []
        var linkTargets: [String] = []
        let formulas = PageFormulas(article: article, pageURL: url(article.urlPath), tables: catalog.variables,
                                    functions: functions)
        // The pre-pass parses the page a second time: only pages with a `compute` block need it.
        if article.body.mayHaveFence(named: "compute") {
            formulas.define(MarkdownRenderer.fencedBlocks(in: article.body, file: article.source, firstLine: article.bodyFirstLine))
        }
        let markup = FormulaMarkup(document: document, strings: strings[article.language] ?? Record([]))
        let hooks = MarkdownHooks(
            figure: { source, location in formulas.figure(source, at: location).map(markup.figure) },
            fencedBlock: { name, text, location in
                switch name {
                case "compute": return markup.definitions(formulas.nextDefinitions())
                case "check": return markup.checks(formulas.check(text, at: location, pageTitle: article.title))
                case "chart":
                    return formulas.chart(text, at: location, in: document,
                                          downloadLabel: markup.string("chart_download", "Download this chart (SVG)"))
                default: return nil
                }
            })
        let rendered = MarkdownRenderer(options: markdown).render(article.body, file: article.source, firstLine: article.bodyFirstLine,
                                                 into: body, of: document, hooks: hooks) { destination, _, location in
            let resolution = links.resolve(destination, from: article, at: location)
            if let target = resolution.target { linkTargets.append(target) }
            if let diagnostic = resolution.diagnostic {
                diagnostics.append(diagnostic)
                reportedLinks.insert(URLSafety.escapeHref(resolution.url))
            }
            if let copy = resolution.copy { copies.append(copy) }
            return resolution.url
        }
        diagnostics += rendered.diagnostics + formulas.diagnostics
        return ArticleBody(body: body, formulas: formulas, rendered: rendered, diagnostics: diagnostics, copies: copies,
                           reportedLinks: reportedLinks, linkTargets: linkTargets)
    }

    func renderArticle(_ article: Article) -> RenderedArticle {
        let document = Document()
        let made = renderBody(article, in: document)
        let (body, formulas, rendered, diagnostics) = (made.body, made.formulas, made.rendered, made.diagnostics)
        let copies = made.copies, reportedLinks = made.reportedLinks
        let minutes = Self.readingMinutes(rendered.plainText)
        let neighbours = plan.neighbours[article.source]
        // The summary first: the page takes the body's nodes (a movable fragment) unless the
        // feed needs them after it, with absolute URLs.
        let summary: [MarkupNode]
        var summaryText = article.summary
        if article.summary.isEmpty {
            var cutter = SummaryCutter(budget: Self.summaryWords, pageURL: url(article.urlPath))
            let cut = cutter.cut(body, in: document)
            summary = cut.container.children.compactMap(MarkupNode.capture)
            summaryText = cut.text
            document.discard(cut.container)
        } else {
            summary = [.text(article.summary)]
        }
        let inFeed = feedSources.contains(article.source)
        let listFields = articleFields(article)
        var fields = listFields
        fields += [
            ("kind", "article"),
            ("content", .fragment(MarkupFragment(body, movable: !inFeed))),
            ("reading_minutes", .number(minutes)),
            ("source", .string(article.source)),
            ("toc", .list(rendered.headings.filter { $0.level <= 3 }.map { heading in
                .record(Record([("level", .number(Double(heading.level))), ("text", .string(heading.text)),
                                ("id", .string(heading.id))]))
            })),
            ("translations", .list((plan.translations[article.source] ?? []).map(link))),
            ("previous", link(neighbours?.previous ?? nil)),
            ("next", link(neighbours?.next ?? nil)),
            ("figures", .list(formulas.figures.map { figure in
                .record(Record([("id", .string(figure.id)), ("text", .string(figure.text)),
                                ("formula", .string(figure.formula)), ("inputs", .list(figure.inputs.map(Value.string)))]))
            })),
            ("checks", .list(formulas.checks.map(checkValue))),
            ("data_sources", .list(formulas.tablesRead.sorted().compactMap { name in
                catalog.table(named: name).map(tableValue)
            })),
        ]
        var page = render(template: article.layout, scope: scope(language: article.language, page: Record(fields)),
                          in: document, outputPath: article.outputPath, source: article.source)
        page.diagnostics = diagnostics + page.diagnostics
        page.copies = copies
        page.reportedLinks = reportedLinks

        // After the page is written: the feed's copy of the body.
        var feedHTML = ""
        if inFeed {
            body.absolutizeURLs(origin: config.origin)
            feedHTML = String(decoding: HTMLSerializer().bytes(body).dropFirst("<div>".count).dropLast("</div>".count), as: UTF8.self)
        }
        document.discard(body)
        return RenderedArticle(page: page, summary: summary, summaryText: summaryText, feedHTML: feedHTML,
                               readingMinutes: minutes, checks: formulas.checks, chartFiles: formulas.chartFiles,
                               droppedLabels: formulas.droppedLabels, linkTargets: made.linkTargets,
                               evaluatesFormulas: formulas.evaluatesFormulas, listFields: listFields)
    }


    func checkValue(_ check: CheckResult) -> Value {
        .record(Record([
            ("label", .string(check.label)), ("anchor", .string(check.anchor)),
            ("url", .string(check.pageURL + "#" + check.anchor)), ("page_title", .string(check.pageTitle)),
            ("lang", .string(check.language)),
            ("stated", .string(check.stated)), ("computed", .string(check.computed)), ("off_by", .string(check.offBy)),
            ("tolerance", .string(check.tolerance)), ("verdict", .string(check.verdict)),
            ("expected", .string(check.expected)), ("formula", .string(check.formula)),
            ("inputs", .list(check.inputs.map(Value.string))), ("source", .string(check.location.description)),
        ]))
    }

    /// A data table as templates see it: its name, title, download URL and sources.
    func tableValue(_ table: DataCatalog.Table) -> Value {
        .record(Record([
            ("name", .string(table.name)), ("title", .string(table.title)),
            ("url", .string(url(DataDownloads.path(of: table, extension: "csv")))),
            ("json_url", .string(url(DataDownloads.path(of: table, extension: "json")))),  // issue 7
            ("rows", .number(Double(table.rows))),
            ("sources", .list(table.sources.map { source in
                .record(Record([("title", .string(source.title)), ("url", .string(source.url))]))
            })),
        ]))
    }

    /// `checks/index.html`: every claim of the site with its verdict, in page order.
    func renderChecks(_ checks: [CheckResult]) -> RenderedPage {
        let document = Document()
        let page = Record([
            ("kind", "checks"), ("title", strings[config.language]?["checks_title"] ?? "Checks"),
            ("lang", .string(config.language)), ("summary", ""), ("url", .string(url("checks/"))),
            ("source", "templates/checks.html"),
        ])
        let extra: [String: Value] = [
            "checks": .list(checks.map(checkValue)),
            "tables": .list(catalog.tables.map(tableValue)),
        ]
        return render(template: "checks.html", scope: scope(language: config.language, page: page, extra: extra),
                      in: document, outputPath: "checks/index.html", source: "templates/checks.html")
    }

    // MARK: Lists

    /// - Parameter articles: The rendered article of a source path.
    func renderList(_ list: SitePlan.ListPage, articles: (String) -> RenderedArticle?) -> RenderedPage {
        let document = Document()
        var holders: [Node] = []
        let items: [Value] = list.articles.compactMap { source in
            guard let article = plan.bySource[source] else { return nil }
            let rendered = articles(source)
            var fields = rendered?.listFields ?? []
            if fields.isEmpty { fields = articleFields(article) }
            if let rendered {
                let holder = document.createElement("div")
                for node in rendered.summaryNodes() { holder.append(document.instantiate(node)) }
                holders.append(holder)
                fields += [("summary", .string(rendered.summaryText)), ("summary_html", .fragment(MarkupFragment(holder, movable: true))),
                           ("reading_minutes", .number(rendered.readingMinutes))]
            }
            return .record(Record(fields))
        }
        let title: String
        switch list.kind {
        case .index: title = strings[list.language]?["site_title"]?.text() ?? config.title
        case .term: title = list.term ?? ""
        }
        let pager = Record([
            ("number", .number(Double(list.number))), ("count", .number(Double(list.count))),
            ("previous", list.number > 1 ? .string(url(list.urlPaths[list.number - 2])) : .null),
            ("next", list.number < list.count ? .string(url(list.urlPaths[list.number])) : .null),
        ])
        let page = Record([
            ("kind", .string(list.kind.rawValue)), ("title", .string(title)), ("lang", .string(list.language)),
            ("summary", .string(list.kind == .index ? (strings[list.language]?["site_description"]?.text() ?? config.description) : "")),
            ("url", .string(url(list.urlPath))), ("taxonomy", list.taxonomy.map(Value.string) ?? .null),
            ("term", list.term.map(Value.string) ?? .null), ("source", .string("templates/\(list.kind.template)")),
        ])
        let result = render(template: list.kind.template,
                            scope: scope(language: list.language, page: page,
                                         extra: ["pages": .list(items), "pager": .record(pager)]),
                            in: document, outputPath: list.urlPath + "index.html", source: "templates/\(list.kind.template)")
        for holder in holders { document.discard(holder) }
        return result
    }

    func renderTerms(_ terms: SitePlan.TermsPage) -> RenderedPage {
        let document = Document()
        let page = Record([
            ("kind", "terms"), ("title", strings[terms.language]?[terms.taxonomy] ?? .string(terms.taxonomy)),
            ("lang", .string(terms.language)), ("summary", ""), ("url", .string(url(terms.urlPath))),
            ("taxonomy", .string(terms.taxonomy)), ("source", "templates/terms.html"),
        ])
        let list: Value = .list(terms.terms.map { term in
            .record(Record([("name", .string(term.term)), ("url", .string(url(term.urlPath))),
                            ("count", .number(Double(term.count)))]))
        })
        return render(template: "terms.html", scope: scope(language: terms.language, page: page, extra: ["terms": list]),
                      in: document, outputPath: terms.urlPath + "index.html", source: "templates/terms.html")
    }

    func renderNotFound() -> RenderedPage {
        let document = Document()
        let page = Record([
            ("kind", "404"), ("title", strings[config.language]?["not_found"] ?? "Page not found"),
            ("lang", .string(config.language)), ("summary", ""), ("url", .string(url("404.html"))),
            ("source", "templates/404.html"),
        ])
        return render(template: "404.html", scope: scope(language: config.language, page: page), in: document,
                      outputPath: "404.html", source: "templates/404.html")
    }

    private func render(template: String, scope: Scope, in document: Document, outputPath: String,
                        source: String) -> RenderedPage {
        let (root, diagnostics) = templates.render(template, scope: scope, in: document)
        var page = RenderedPage(outputPath: outputPath, source: source, html: [], diagnostics: diagnostics)
        guard let root else { return page }
        document.root = root
        let (html, facts) = HTMLSerializer().bytesAndFacts(document)
        page.html = html
        page.links = facts.links
        page.ids = facts.ids
        page.diagnostics += PageChecks.diagnostics(facts, outputPath: outputPath, source: source)
        return page
    }

    /// Minutes to read `text`: Latin-script words at `wordsPerMinute` plus CJK characters at
    /// `cjkCharactersPerMinute` (counted separately, so a mixed page is not timed as all-CJK),
    /// rounded up, at least 1.
    /// - Parameter text: UTF-8 (`RenderedMarkdown.plainText`).
    static func readingMinutes(_ text: [UInt8]) -> Double {
        let count = TextMeasure(utf8: text)
        let minutes = Double(count.words) / wordsPerMinute + Double(count.cjkCharacters) / cjkCharactersPerMinute
        return max(1, minutes.rounded(.up))
    }
}

extension SitePlan.ListPage.Kind {
    /// The template that renders this kind of list.
    var template: String {
        switch self {
        case .index: return "index.html"
        case .term: return "term.html"
        }
    }
}
