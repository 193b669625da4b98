import DOM
import Diagnostics
import Formulas
import Foundation
import Markup
import Templates

/// What goes into a briefing document (`reckon brief`).
public struct BriefOptions: Sendable {
    public enum Paper: String, Sendable, CaseIterable {
        case a4 = "A4"
        case letter
    }

    /// The folder holding `content/` and `templates/`.
    public var siteDirectory: URL
    /// Articles by source path below the site folder (`content/posts/palm.md`), in order.
    public var paths: [String]
    /// Articles carrying any of these tags (`tags:` in front matter) follow, in list order.
    public var tags: [String]
    /// The cover's title; the first article's when nil.
    public var title: String?
    public var paper: Paper
    /// Figures per article shown on the cover.
    public var keyFigures: Int
    public var drafts: Bool
    public var now: Date

    public init(siteDirectory: URL, paths: [String], tags: [String] = [], title: String? = nil, paper: Paper = .a4,
                keyFigures: Int = 4, drafts: Bool = false, now: Date? = nil) {
        self.siteDirectory = siteDirectory
        self.paths = paths
        self.tags = tags
        self.title = title
        self.paper = paper
        self.keyFigures = keyFigures
        self.drafts = drafts
        self.now = now ?? BuildOptions.sourceDateEpoch ?? Date()
    }
}

/// A briefing document as built: the HTML (empty when there are errors) and what it holds.
public struct BriefReport: Sendable {
    public var diagnostics: [Diagnostic] = []
    public var html: [UInt8] = []
    /// Source paths of the articles, in the brief's order.
    public var articles: [String] = []
    public var title = ""
    public var checks = 0
    public var figures = 0
    public var endnotes: [String] = []

    public var failed: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Builds a briefing document: chosen articles of a site in one self-contained HTML file
/// (issue 7), rendered by the site's own pipeline (load, compute, plan, the article renderer)
/// and the theme's `templates/brief.html`.
///
/// The template sees `site`, `i18n` (the first article's language), `page` (`kind` `brief`,
/// `title`, `lang`, `summary`) and `brief`:
/// `{title, lang, date, date_text, summary, paper, key_figures[{text, context, url,
/// article_title, lang}], articles[{id, title, lang, date, date_text, summary, content, toc,
/// figures[{id, text, formula, inputs}], checks[…as on checks.html, url inside the brief],
/// data_sources}], checks[…], tables[{name, title, file, rows, csv_url, json_url, sources}]}`,
/// and the function `asset_text('assets/style.css')` (a file of `templates/` as text, to inline
/// stylesheets). After rendering, links to the web get numbered endnotes listed in the element
/// with id `brief-endnotes` (see `BriefDocument`).
public enum BriefBuilder {
    public static func build(_ options: BriefOptions) -> BriefReport {
        initializeXMLLibrary()
        var report = BriefReport()
        let files = ProjectFiles(root: options.siteDirectory)
        var buildReport = BuildReport()
        let buildOptions = BuildOptions(siteDirectory: options.siteDirectory, drafts: options.drafts, write: false,
                                        now: options.now)
        let loaded = SiteBuilder.load(files, options: buildOptions, into: &buildReport)
        report.diagnostics = buildReport.diagnostics
        let (catalog, tableProblems) = DataCatalog.make(csv: loaded.tables, sidecars: loaded.sidecars)
        report.diagnostics += tableProblems
        guard let config = loaded.config, let templates = loaded.templates else { return finish(report) }
        guard templates.contains("brief.html") else {
            report.diagnostics.append(.error("templates/brief.html is missing: it lays out briefing documents (copy it from Reckon's default theme)",
                                             at: SourceLocation(file: "templates")))
            return finish(report)
        }
        let (calendar, plan) = SiteBuilder.plan(loaded, config: config, options: buildOptions)

        // The articles: paths first, then the tags' articles in list order.
        var chosen: [Article] = []
        for path in options.paths {
            let source = ContentLinks.normalize(path) ?? path
            if let article = plan.bySource[source] {
                if !chosen.contains(where: { $0.source == source }) { chosen.append(article) }
            } else if loaded.articles.contains(where: { $0.source == source }) {
                report.diagnostics.append(.error("\(source) is a draft or dated after today: pass --drafts to include it",
                                                 at: SourceLocation(file: source)))
            } else {
                let hint = source.closest(among: loaded.articles.map(\.source)).map { ": did you mean \($0)?" } ?? ""
                report.diagnostics.append(.error("\(path) is not an article of the site\(hint)", at: SourceLocation(file: path)))
            }
        }
        for tag in options.tags {
            let tagged = plan.articles.filter { article in
                article.tags.contains { $0 == tag || SitePlan.termSlug($0) == SitePlan.termSlug(tag) }
            }
            if tagged.isEmpty {
                let known = Set(plan.articles.flatMap(\.tags)).sorted()
                let hint = tag.closest(among: known).map { ": did you mean `\($0)`?" } ?? ""
                report.diagnostics.append(.error("no article is tagged `\(tag)`\(hint)", at: SourceLocation(file: "content")))
            }
            for article in tagged where !chosen.contains(where: { $0.source == article.source }) { chosen.append(article) }
        }
        if chosen.isEmpty && !report.failed {
            report.diagnostics.append(.error("a brief needs at least one article: name its file or pass --tag",
                                             at: SourceLocation(file: "content")))
        }
        guard !report.failed else { return finish(report) }
        report.articles = chosen.map(\.source)

        let renderer = SiteBuilder.renderer(loaded, config: config, templates: templates, plan: plan, calendar: calendar,
                                            catalog: catalog)
        let document = Document()
        let language = chosen[0].language
        let sectionIDs = Dictionary(uniqueKeysWithValues: chosen.enumerated().map { ($1.urlPath, "a\($0 + 1)") })
        let targets = BriefDocument.Targets(basePath: config.basePath, sections: sectionIDs, files: files)

        var bodies: [BriefArticleBody] = []
        var articleValues: [Value] = []
        var keyFigures: [Value] = []
        var allChecks: [Value] = []
        var tableNames: [String] = []
        for (index, article) in chosen.enumerated() {
            var rendered = renderer.renderBriefBody(article, in: document)
            let section = "a\(index + 1)"
            let prefix = section + "-"
            BriefDocument.prefixIDs(rendered.body, prefix: prefix)
            rendered.diagnostics += BriefDocument.rewriteLinks(rendered.body, source: article.source, targets: targets,
                                                               in: document)
            report.diagnostics += rendered.diagnostics
            bodies.append(rendered)
            report.figures += rendered.figures.count
            report.checks += rendered.checks.count

            let figures: [Value] = rendered.figures.map { figure in
                .record(Record([("id", .string(prefix + figure.id)), ("text", .string(figure.text)),
                                ("url", .string(BriefDocument.fragmentLink(prefix + figure.id))),
                                ("formula", .string(figure.formula)), ("inputs", .list(figure.inputs.map(Value.string)))]))
            }
            // Key figures: the first figures that stand in a sentence of running text, each value and
            // each sentence once; then, if too few, the first of the others.
            var picked: [(PageFormulas.Figure, String)] = []
            var others: [(PageFormulas.Figure, String)] = []
            for figure in rendered.figures where picked.count < options.keyFigures {
                guard !picked.contains(where: { $0.0.text == figure.text }) else { continue }
                let (sentence, inProse) = BriefDocument.context(ofFigure: prefix + figure.id, in: rendered.body)
                if inProse && !picked.contains(where: { $0.1 == sentence }) {
                    picked.append((figure, sentence))
                } else {
                    others.append((figure, sentence))
                }
            }
            picked += others.prefix(options.keyFigures - picked.count)
            picked.sort { Int($0.0.id.dropFirst("figure-".count)) ?? 0 < Int($1.0.id.dropFirst("figure-".count)) ?? 0 }
            for (figure, sentence) in picked {
                keyFigures.append(.record(Record([
                    ("text", .string(figure.text)),
                    ("context", .string(sentence == figure.text ? "" : sentence)),
                    ("url", .string(BriefDocument.fragmentLink(prefix + figure.id))),
                    ("article_title", .string(article.title)), ("lang", .string(article.language)),
                ])))
            }
            let checks: [Value] = rendered.checks.map { check in
                var moved = check
                moved.anchor = prefix + check.anchor
                moved.pageURL = ""
                return renderer.checkValue(moved)
            }
            allChecks += checks
            let tables = rendered.tablesRead.sorted()
            for name in tables where !tableNames.contains(name) { tableNames.append(name) }
            var fields = renderer.articleFields(article)
            fields += [
                ("id", .string(section)),
                ("summary", .string(rendered.summary)),
                ("content", .fragment(MarkupFragment(rendered.body))),
                ("toc", .list(rendered.headings.filter { $0.level <= 3 }.map { heading in
                    .record(Record([("level", .number(Double(heading.level))), ("text", .string(heading.text)),
                                    ("id", .string(prefix + heading.id)),
                                    ("url", .string(BriefDocument.fragmentLink(prefix + heading.id)))]))
                })),
                ("figures", .list(figures)),
                ("checks", .list(checks)),
                ("data_sources", .list(tables.compactMap { catalog.table(named: $0) }.map { tableRecord($0, renderer: renderer) })),
            ]
            articleValues.append(.record(Record(fields)))
        }

        let tables: [Value] = tableNames.compactMap { catalog.table(named: $0) }.map { tableRecord($0, renderer: renderer) }
        let newest = chosen.compactMap(\.date).max()
        let title = options.title ?? chosen[0].title
        report.title = title
        let summary = bodies[0].summary
        let brief = Record([
            ("title", .string(title)), ("lang", .string(language)),
            ("date", .string(newest?.description ?? "")), ("date_text", .string(newest?.text(language: language) ?? "")),
            ("summary", .string(summary)), ("paper", .string(options.paper.rawValue)),
            ("key_figures", .list(keyFigures)), ("articles", .list(articleValues)), ("checks", .list(allChecks)),
            ("tables", .list(tables)),
        ])
        let page = Record([("kind", "brief"), ("title", .string(title)), ("lang", .string(language)),
                           ("summary", .string(summary)), ("url", "")])
        let assets = loaded.assets
        let functions = renderer.functions.adding(Function(name: "asset_text", arity: 1...1) { arguments throws(FunctionFailure) in
            guard case .string(let path) = arguments[0] else {
                throw FunctionFailure("asset_text() needs a path inside templates/ such as 'assets/style.css'")
            }
            guard let bytes = assets[path] else {
                throw FunctionFailure("asset_text('\(path)'): no file templates/\(path)")
            }
            return .string(String(decoding: bytes, as: UTF8.self))
        })
        let scope = Scope(variables: ["site": renderer.siteValue(language: language), "page": .record(page),
                                      "i18n": .record(loaded.strings[language] ?? Record([])), "brief": .record(brief)],
                          functions: functions, language: language)
        let (root, problems) = templates.render("brief.html", scope: scope, in: document)
        report.diagnostics += problems
        for body in bodies { document.discard(body.body) }
        guard let root else { return finish(report) }
        document.root = root
        report.endnotes = BriefDocument.addEndnotes(root, in: document)
        for reference in outsideReferences(root) {
            report.diagnostics.append(.error("the brief would refer to a file outside itself: \(reference); a brief holds only its own content, data: URIs and links to the web",
                                             at: SourceLocation(file: "templates/brief.html")))
        }

        let (html, facts) = HTMLSerializer().bytesAndFacts(document)
        report.diagnostics += PageChecks.diagnostics(facts, outputPath: "the brief", source: "templates/brief.html")
        for link in Set(facts.links) where link.hasPrefix("#") && link.count > 1 {
            let fragment = String(link.dropFirst())
            if !facts.ids.contains(fragment.removingPercentEncoding ?? fragment) {
                report.diagnostics.append(.error("the brief links to \(link), but has no id `\(fragment)`",
                                                 at: SourceLocation(file: "templates/brief.html")))
            }
        }
        report.html = html
        return finish(report)
    }

    /// A table as the brief shows it: its published downloads as absolute URLs (the brief has
    /// no site around it).
    static func tableRecord(_ table: DataCatalog.Table, renderer: PageRenderer) -> Value {
        .record(Record([
            ("name", .string(table.name)), ("title", .string(table.title)),
            ("file", .string(DataDownloads.path(of: table, extension: "csv"))),
            ("rows", .number(Double(table.rows))),
            ("csv_url", .string(renderer.absoluteURL(DataDownloads.path(of: table, extension: "csv")))),
            ("json_url", .string(renderer.absoluteURL(DataDownloads.path(of: table, extension: "json")))),
            ("sources", .list(table.sources.map { source in
                .record(Record([("title", .string(source.title)), ("url", .string(source.url))]))
            })),
        ]))
    }

    /// References the brief may not hold: a stylesheet or script by URL, an image or other
    /// embedded file that is not a `data:` URI, a link that is neither inside the brief, to the
    /// web, nor `mailto:`. The theme's template is the only place these can come from.
    static func outsideReferences(_ root: Node) -> [String] {
        var found: [String] = []
        for element in BriefDocument.elements(root) {
            if element.name == "link" { found.append("<link href=\"\(element.attribute("href") ?? "")\">") }
            if let src = element.attribute("src"), !src.lowercased().hasPrefix("data:") {
                found.append("<\(element.name) src=\"\(src)\">")
            }
            if element.name == "a", let href = element.attribute("href"), !href.isEmpty, !href.hasPrefix("#"),
               !BriefDocument.isWebLink(href), !href.lowercased().hasPrefix("mailto:") {
                found.append("<a href=\"\(href)\">")
            }
        }
        return found
    }

    static func finish(_ report: BriefReport) -> BriefReport {
        var report = report
        report.diagnostics = Array(Set(report.diagnostics)).sorted()
        if report.failed { report.html = [] }
        return report
    }
}
