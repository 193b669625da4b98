import DOM
import Diagnostics
import Dispatch
import Formulas
import Foundation
import Markup
import Tables
import Templates
#if canImport(Glibc)
import Glibc
#endif

/// What to build and where.
public struct BuildOptions: Sendable {
    /// The folder holding `content/` and `templates/`.
    public var siteDirectory: URL
    /// Where the site goes; `SITE/public` when nil.
    public var outputDirectory: URL?
    /// Include articles marked `draft: true`.
    public var drafts: Bool
    /// Write the output (false: build and validate in memory only).
    public var write: Bool
    /// "Now", for leaving out future-dated articles: `SOURCE_DATE_EPOCH` (seconds since 1970)
    /// when set, else the clock.
    public var now: Date
    /// Pages rendered at once; nil for one per core. The output does not depend on it.
    public var jobs: Int?
    /// Report broken internal links and fragments as warnings, not errors (`--warn`, for
    /// working on drafts).
    public var linkWarnings = false
    /// Leave the build's own data (articles, plan, rendered pages, caches) allocated when the
    /// build returns, for a process that exits right after (`reckon build`): freeing tens of
    /// thousands of small objects one by one was a tenth of a one-edit rebuild, work the exit
    /// does at once. The same trade as clang's `-disable-free`. Off by default, and must stay
    /// off in a process that builds more than once (`reckon serve`, tests).
    public var keepsMemoryUntilExit = false

    public init(siteDirectory: URL, outputDirectory: URL? = nil, drafts: Bool = false, write: Bool = true,
                now: Date? = nil, jobs: Int? = nil, linkWarnings: Bool = false) {
        self.linkWarnings = linkWarnings
        self.siteDirectory = siteDirectory
        self.outputDirectory = outputDirectory
        self.drafts = drafts
        self.write = write
        self.now = now ?? Self.sourceDateEpoch ?? Date()
        self.jobs = jobs
    }

    /// `SOURCE_DATE_EPOCH` (reproducible-builds.org) as a date, when set and valid.
    static var sourceDateEpoch: Date? {
        // getenv: ProcessInfo's environment builds a table of every variable first.
        guard let value = getenv("SOURCE_DATE_EPOCH"), let seconds = Double(String(cString: value)) else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }
}

/// What a build did: counts, time per phase, and every diagnostic.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic] = []
    public var pages = 0
    public var articles = 0
    public var tables = 0
    public var tableRows = 0
    public var templates = 0
    public var copiedFiles = 0
    public var write: WriteSummary?
    public var outputDirectory: URL?
    /// Every claim of every `check` block, in page order.
    public var checks: [CheckResult] = []
    /// Charts drawn, and point labels they left out to avoid overlaps.
    public var charts = 0
    public var droppedLabels = 0
    /// Pages kept from the last build because none of their inputs changed (`PageCache`):
    /// `pages - keptPages` were rendered.
    public var keptPages = 0
    /// Feeds and sitemaps kept from the last build: what they are made of did not change, so
    /// they were neither made nor validated again.
    public var keptFeedsAndSitemaps = 0
    /// Pages whose links were checked: every page, or only those rendered when the kept
    /// pages' links cannot have changed (`keptPagesNeedNoLinkCheck`).
    public var linkCheckedPages = 0
    /// True when no input changed since the last build wrote this output: nothing was done.
    public var upToDate = false
    /// (phase, seconds) in the order the phases ran.
    public var phases: [(name: String, seconds: Double)] = []

    /// True when any diagnostic is an error: then nothing was written.
    public var failed: Bool { diagnostics.contains { $0.severity == .error } }
}

/// Builds a site: load → compute → render → validate → write (DESIGN.md §1).
///
/// Errors from every phase are collected; a phase skips only the items whose input failed.
/// When any error was found nothing is written, so the previous output stays whole.
public enum SiteBuilder {
    public static func build(_ options: BuildOptions) -> BuildReport {
        initializeXMLLibrary()
        var report = BuildReport()
        var files = ProjectFiles(root: options.siteDirectory)
        let output = (options.outputDirectory ?? files.root.appendingPathComponent("public")).standardizedFileURL
        report.outputDirectory = output
        let clock = ContinuousClock()
        var started = clock.now
        func endPhase(_ name: String) {
            let elapsed = started.duration(to: clock.now)
            report.phases.append((name, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18))
            started = clock.now
        }

        // Load: site.yaml, articles, templates, table files.
        if let problem = outputProblem(output, files: files) {
            report.diagnostics.append(problem)
            return report
        }
        // One build of a site at a time: another waits here (its staging folder and caches are
        // shared). The lock goes with the process, so a crash leaves none behind.
        let lock = options.write && files.isDirectory("content") ? Self.lockSite(files) : nil
        defer { if let lock { close(lock) } }
        // Nothing changed since the last build that wrote this output: nothing to do.
        // Caches written on another thread while the build goes on; waited for before it returns.
        let storing = DispatchGroup()
        defer { storing.wait() }
        var fingerprint: UInt64?
        var fileHashes: [String: UInt64] = [:]
        var previous: BuildFingerprint.Record?
        var sourcePaths: [String]?
        /// The articles the fingerprint read, by path (their bytes hashed already).
        var articleBytes: [String: [UInt8]] = [:]
        /// The output folder as the caches name it (`OutputCaches`: each folder has its own).
        let outputName = PageCache.outputName(output, files: files)
        if options.write {
            // The last build's record is read on another thread while the inputs are stamped.
            let record = Pending(jobs: options.jobs) { [files] in BuildFingerprint.stored(in: files, output: outputName) }
            let (value, hashesByPosition, paths, stamps, read) = BuildFingerprint.compute(files, options: options, output: output)
            if let stamps {
                let stampFiles = files
                DispatchQueue.global().async(group: storing) { stamps.store(in: stampFiles) }
            }
            fingerprint = value
            sourcePaths = paths
            previous = record.value
            if let previous, previous.fingerprint.value == value, previous.fingerprint.holds(at: options.now),
               FileManager.default.fileExists(atPath: output.path), BuildFingerprint.present(previous.outputs, in: output, jobs: options.jobs) {
                report.upToDate = true
                report.write = WriteSummary(written: 0, unchanged: previous.fingerprint.files, removed: 0)
                endPhase("load")
                return report
            }
            // The caches the last build replaced are removed meanwhile (`CacheFile.finish`), and
            // the temporary files of builds killed while writing one.
            let cacheFolder = files.root.appendingPathComponent(".reckon-cache"), locked = lock != nil
            DispatchQueue.global().async(group: storing) { CacheFile.removeReplaced(in: cacheFolder, temporaries: locked) }
            // By path, made only when the build goes on.
            var hashes: [String: UInt64] = [:]
            hashes.reserveCapacity(paths.count)
            for (path, hash) in zip(paths, hashesByPosition) { if let hash { hashes[path] = hash } }
            fileHashes = hashes
            files.expectedHashes = hashes
            articleBytes = read
        }
        /// The files the last build wrote into the output folder, when known.
        let previouslyWritten = previous.flatMap { $0.output == outputName ? $0.outputs.map { $0.path } : nil }
        let loaded = load(files, options: options, fileHashes: fileHashes, sourcePaths: sourcePaths,
                          articleBytes: articleBytes, into: &report)
        articleBytes = [:]  // parsed: freed before the pages are rendered
        if options.write, let key = loaded.articleCacheKey, loaded.articleCacheChanged {
            // Its entries hold for their files' bytes whatever becomes of this build, so it is
            // written now, while the site renders.
            let entries = loaded.articleEntries, cacheFiles = files
            DispatchQueue.global().async(group: storing) { ArticleCache.store(entries, configKey: key, in: cacheFiles) }
        }
        endPhase("load")

        // Compute: type the data tables, name them, evaluate their derived columns.
        let (catalog, tableProblems) = DataCatalog.make(csv: loaded.tables, sidecars: loaded.sidecars)
        report.diagnostics += tableProblems
        report.tables = catalog.tables.count
        report.tableRows = catalog.tables.reduce(0) { $0 + $1.rows }
        endPhase("compute")

        // Render: articles in parallel, then the pages that list them, feeds and the sitemap.
        // Each file goes to the output stage as soon as it is made (no page is kept in memory).
        let stage = OutputStage(directory: output, writes: options.write)
        var pages: [RenderedPage] = []
        var generated: [String: [UInt8]] = [:]
        var plan: SitePlan?
        /// The page cache to store after writing: (article source, entry) and (list output path, entry).
        var pageCache: (articles: [(String, PageCache.Stored)], lists: [(String, PageCache.Stored)])?
        /// Whether each page of `pages` was kept from the last build; how many of them (the first)
        /// are articles' pages; the last build's page cache.
        var keptPages: [Bool] = []
        var articlePages = 0
        var linksChecked = false
        var linksWorld = ""
        /// When the output holds (`BuildFingerprint.validFrom`, `validUntil`).
        var validity: (from: Double?, until: Double?) = (nil, nil)
        var oldCache: PageCache?
        if let config = loaded.config, let templates = loaded.templates {
            // The page cache is read and checked while the plan is made.
            let pendingCache = Pending(jobs: options.jobs) { [files] in
                options.write ? PageCache.load(from: files, output: outputName) : nil
            }
            let (calendar, sitePlan) = Self.plan(loaded, config: config, options: options)
            let cache = pendingCache.value
            plan = sitePlan
            if !options.drafts {
                // Times are whole seconds, as the record stores them: the day starts are.
                let today = calendar.day(containing: options.now)
                let due = loaded.articles.compactMap { article -> Day? in
                    guard !article.draft, let date = article.date, date > today else { return nil }
                    return date
                }.min()
                validity = (calendar.start(of: today).timeIntervalSince1970,
                            due.map { calendar.start(of: $0).timeIntervalSince1970 })
            }
            // Articles share a few layouts: each is looked up once (comparing a short name
            // costs less than hashing it, 10,000 times over).
            var distinctLayouts: [(name: String, exists: Bool)] = []
            for article in sitePlan.articles where !distinctLayouts.contains(where: { $0.name == article.layout }) {
                distinctLayouts.append((article.layout, templates.contains(article.layout)))
            }
            let layouts = distinctLayouts
            func layoutExists(_ name: String) -> Bool { layouts.first { $0.name == name }?.exists ?? false }
            for article in sitePlan.articles where !layoutExists(article.layout) {
                report.diagnostics.append(.error("layout `\(article.layout)` not found in templates/", at: article.layoutLocation))
            }
            var needed = ["index.html": "the front page"]
            if sitePlan.lists.contains(where: { $0.kind == .term }) { needed["term.html"] = "the page of each taxonomy term" }
            if !sitePlan.termsPages.isEmpty { needed["terms.html"] = "the list of a taxonomy's terms" }
            for (name, role) in needed.sorted(by: { $0.key < $1.key }) where !templates.contains(name) {
                report.diagnostics.append(.error("templates/\(name) is missing: it renders \(role)", at: SourceLocation(file: "templates")))
            }
            let renderer = Self.renderer(loaded, config: config, templates: templates, plan: sitePlan, calendar: calendar,
                                         catalog: catalog,
                                         feedSources: Set(config.languages.flatMap { language in
                                            (sitePlan.byLanguage[language] ?? []).prefix(FeedWriter.limit).map(\.source)
                                        }),
                                        hasChecks: templates.contains("checks.html")
                                            && sitePlan.articles.contains { loaded.checkBlocks.contains($0.source) })
            // The articles with a layout, and where each article of the plan is among them (-1:
            // none), for the list keys (a list page knows its articles' positions in the plan).
            var withLayout: [Article] = []
            var renderableIndex = [Int](repeating: -1, count: sitePlan.articles.count)
            for (position, article) in sitePlan.articles.enumerated() where layoutExists(article.layout) {
                renderableIndex[position] = withLayout.count
                withLayout.append(article)
            }
            let renderable = withLayout
            let jobs = options.jobs
            // Pages whose inputs did not change since the last build are kept, not rendered.
            let keys = options.write ? PageKeys(fileHashes: fileHashes, renderer: renderer) : nil
            let outputFolder = OutputFolder(output)
            let hashes = fileHashes
            let checkedFiles = files  // with the hashes every read is checked against
            linksWorld = keys?.linksWorld ?? ""
            let linksUnchanged = keys != nil && cache?.linksWorld == linksWorld
            let rendered = renderInParallel(count: renderable.count, jobs: jobs) { index -> (RenderedArticle, listKey: PageCache.Key, PageCache.Stored?, kept: [PageCache.OutputFile]?, pageKey: PageCache.PageKey) in
                let source = renderable[index]
                guard let keys, let fileHash = hashes[source.source] else {
                    var article = renderer.renderArticle(source)
                    Self.hand(&article.page, to: stage)
                    for (path, bytes) in article.chartFiles { stage.put(path, bytes) }
                    article.chartFiles = article.chartFiles.mapValues { _ in [] }  // counted, not kept
                    return (article, 0, nil, nil, .none)
                }
                let key = keys.article(source, fileHash: fileHash)
                if let (entry, stored) = cache?.article(source.source, key: key, linkTargets: !linksUnchanged),
                   entry.dataKey == nil || entry.dataKey == keys.data,
                   linksUnchanged || entry.linksKey == keys.links(entry.article.linkTargets),
                   outputFolder.holds(entry.outputs) {
                    return (entry.article, entry.listKey, stored, entry.outputs, entry.pageKey)  // kept: handed to the stage below
                }
                var full = source
                if !loaded.withBody.contains(source.source) {
                    // Its front matter came from the article cache: read the body now.
                    do throws(DiagnosticError) {
                        full = try ArticleLoader(config: config).load(path: source.source, text: try checkedFiles.text(source.source))
                    } catch {
                        let page = RenderedPage(outputPath: source.outputPath, source: source.source, html: [],
                                                diagnostics: error.diagnostics)
                        return (RenderedArticle(page: page, summary: [], summaryText: "", feedHTML: "", readingMinutes: 0,
                                                checks: [], chartFiles: [:], droppedLabels: 0, linkTargets: [],
                                                evaluatesFormulas: false), 0, nil, nil, .none)
                    }
                }
                var article = renderer.renderArticle(full)
                var outputs = [PageCache.OutputFile(path: article.page.outputPath, size: article.page.html.count)]
                Self.hand(&article.page, to: stage)
                for (path, bytes) in article.chartFiles.sorted(by: { $0.key < $1.key }) {
                    stage.put(path, bytes)
                    outputs.append(PageCache.OutputFile(path: path, size: bytes.count))
                }
                article.chartFiles = article.chartFiles.mapValues { _ in [] }  // counted, not kept
                let entry = PageCache.ArticleEntry(
                    key: key, dataKey: article.evaluatesFormulas ? keys.data : nil,
                    linksKey: keys.links(article.linkTargets),
                    listKey: keys.listing(source, rendered: article), outputs: outputs, article: article)
                return (article, entry.listKey, PageCache.Stored(bytes: entry.encoded[...]), nil, entry.pageKey)
            }
            let articles = rendered.map { $0.0 }  // closures, not key paths: those are evaluated at run time
            let listKeys = rendered.map { $0.listKey }
            let indexOf = Dictionary(uniqueKeysWithValues: renderable.enumerated().map { ($1.source, $0) })
            let bySource: @Sendable (String) -> RenderedArticle? = { source in indexOf[source].map { articles[$0] } }
            let positions = renderableIndex
            let listing: @Sendable (Int) -> PageCache.Key? = { position in positions[position] >= 0 ? listKeys[positions[position]] : nil }
            let lists = sitePlan.lists.filter { templates.contains($0.kind.template) }
            let terms = templates.contains("terms.html") ? sitePlan.termsPages : []
            let notFound = templates.contains("404.html") ? 1 : 0
            let renderedOthers = renderInParallel(count: lists.count + terms.count + notFound, jobs: jobs) { index -> (RenderedPage, PageCache.Stored?, kept: PageCache.OutputFile?) in
                var page: RenderedPage
                if index < lists.count {
                    let key = keys?.list(lists[index], listing: listing)
                    if let key, let (entry, stored) = cache?.list(lists[index].urlPath + "index.html", key: key),
                       outputFolder.holds([entry.output]) {
                        return (entry.page, stored, entry.output)
                    }
                    page = renderer.renderList(lists[index], articles: bySource)
                    let size = page.html.count
                    Self.hand(&page, to: stage)
                    return (page, key.map { PageCache.Stored(key: $0, page: page, size: size) }, nil)
                }
                if index < lists.count + terms.count { page = renderer.renderTerms(terms[index - lists.count]) }
                else { page = renderer.renderNotFound() }
                let size = page.html.count
                Self.hand(&page, to: stage)
                // Rendered every time; recorded for their ids (see `keptPagesNeedNoLinkCheck`).
                return (page, keys == nil ? nil : PageCache.Stored(key: nil, page: page, size: size), nil)
            }
            var others = renderedOthers.map { $0.0 }
            // Kept pages' files go to the stage in one batch (one lock, not one per page).
            stage.keep(rendered.flatMap { $0.kept ?? [] } + renderedOthers.compactMap { $0.kept })
            keptPages = rendered.map { $0.kept != nil } + renderedOthers.map { $0.kept != nil }
            report.keptPages = keptPages.count(where: { $0 })
            articlePages = renderable.count
            oldCache = cache
            if keys != nil {
                // By index: iterating the zip copied each whole result through generic value witnesses.
                pageCache = (rendered.indices.compactMap { index in rendered[index].2.map { (renderable[index].source, $0) } },
                             renderedOthers.compactMap { page, stored, _ in stored.map { (page.outputPath, $0) } })
            }
            report.checks = articles.flatMap { $0.checks }
            // Summed here, not into `report` page by page: a variable that closures capture is
            // checked for exclusive access on every use.
            report.charts += articles.reduce(0) { $0 + $1.chartFiles.count }
            report.droppedLabels += articles.reduce(0) { $0 + $1.droppedLabels }
            if templates.contains("checks.html") && !report.checks.isEmpty {
                var checks = renderer.renderChecks(report.checks)
                let size = checks.html.count
                Self.hand(&checks, to: stage)
                others.append(checks)
                if keys != nil {
                    pageCache?.lists.append((checks.outputPath, PageCache.Stored(key: nil, page: checks, size: size)))
                }
            }
            pages = articles.map { $0.page } + others
            keptPages += Array(repeating: false, count: pages.count - keptPages.count)  // the checks page
            report.articles = renderable.count
            report.pages = pages.count
            report.diagnostics += pages.flatMap { $0.diagnostics }  // a closure: a key path is evaluated at run time

            // Feeds and the sitemap are kept, like pages, when what they are made of is unchanged.
            var keptGenerated: [PageCache.OutputFile] = []
            func make(_ path: String, parts: (inout StableHash) -> Void, _ bytes: () -> [UInt8]) {
                guard let keys else { generated[path] = bytes(); return }
                let key = keys.generated(path, parts: parts)
                if let (entry, stored) = cache?.list(path, key: key), outputFolder.holds([entry.output]) {
                    keptGenerated.append(entry.output)
                    pageCache?.lists.append((path, stored))
                    return
                }
                let made = bytes()
                generated[path] = made
                pageCache?.lists.append((path, PageCache.Stored(
                    key: key, page: RenderedPage(outputPath: path, source: "", html: [], diagnostics: []), size: made.count)))
            }
            let feeds = FeedWriter(calendar: calendar)
            for language in config.languages {
                let entries = Array((sitePlan.byLanguage[language] ?? []).lazy.compactMap { article -> FeedWriter.Entry? in
                    bySource(article.source).map { FeedWriter.Entry(article: article, rendered: $0,
                                                                    permalink: renderer.absoluteURL(article.urlPath)) }
                }.prefix(FeedWriter.limit))
                let parts = { (hash: inout StableHash) in
                    hash.mix(entries.count)
                    for entry in entries {
                        hash.mix(entry.article.source)
                        (indexOf[entry.article.source].map { rendered[$0].pageKey } ?? .none).mix(into: &hash)
                    }
                }
                let prefix = config.languagePrefix(language)
                let home = renderer.absoluteURL(prefix)
                let title = loaded.strings[language]?["site_title"]?.text() ?? config.title
                let description = loaded.strings[language]?["site_description"]?.text() ?? config.description
                make(prefix + "atom.xml", parts: parts) {
                    feeds.atom(language: language, title: title, description: description, entries: entries,
                               selfURL: renderer.absoluteURL(prefix + "atom.xml"), homeURL: home)
                }
                make(prefix + "rss.xml", parts: parts) {
                    feeds.rss(language: language, title: title, description: description, entries: entries,
                              selfURL: renderer.absoluteURL(prefix + "rss.xml"), homeURL: home)
                }
            }
            // Every page with a file but the 404 page, with its article's date (the articles'
            // pages come first, in `renderable`'s order). Its URLs are made only when it is written.
            let made = pages  // a constant: the variable is checked for exclusive access on every use
            let listed = made.indices.filter { made[$0].hasOutput && made[$0].outputPath != "404.html" }
            func lastModified(_ index: Int) -> Day? { index < renderable.count ? renderable[index].date : nil }
            make("sitemap.xml", parts: { hash in
                hash.mix(listed.count)
                for index in listed {
                    hash.mix(made[index].outputPath)
                    let day = lastModified(index)
                    hash.mix(day?.year ?? -1); hash.mix(day?.month ?? -1); hash.mix(day?.day ?? -1)
                }
            }) {
                SitemapWriter().sitemap(listed.map { index in
                    let outputPath = made[index].outputPath
                    let path = outputPath.hasSuffix("index.html") ? String(outputPath.dropLast("index.html".count)) : outputPath
                    return SitemapWriter.Entry(location: renderer.absoluteURL(path), lastModified: lastModified(index))
                })
            }
            stage.keep(keptGenerated)
            report.keptFeedsAndSitemaps = keptGenerated.count
            generated["robots.txt"] = SitemapWriter().robots(sitemapURL: renderer.absoluteURL("sitemap.xml"))
            if options.keepsMemoryUntilExit {
                UntilExit.keep([renderer, rendered, renderedOthers, articles, listKeys, indexOf, cache as Any, keys as Any,
                                sitePlan])
            }
        }
        endPhase("render")
        // The page cache's entries are written while the output is checked and committed.
        let pageCacheWriter = options.write ? pageCache.map {
            PageCache.Writer(articles: $0.articles, lists: $0.lists, output: outputName, linksWorld: linksWorld, in: files,
                             jobs: options.jobs)
        } : nil

        // Validate: every internal link on every page reaches a file of this build.
        for (path, bytes) in loaded.assets.sorted(by: { $0.key < $1.key }) { stage.put(path, bytes) }
        for (path, bytes) in DataDownloads.files(catalog) { stage.put(path, bytes) }  // issue 7: tables with derived columns, CSV + JSON
        for (path, bytes) in generated.sorted(by: { $0.key < $1.key }) { stage.put(path, bytes) }
        var copies = Set<String>()
        for page in pages { copies.formUnion(page.copies) }
        let alreadyProduced = stage.produced
        for source in copies.sorted() where !alreadyProduced.contains(String(source.dropFirst("content/".count))) {
            do {
                stage.put(String(source.dropFirst("content/".count)), try files.bytes(source))
                report.copiedFiles += 1
            } catch {
                report.diagnostics += error.diagnostics
            }
        }
        report.diagnostics += stage.diagnostics
        // Every file is staged: the fingerprint's record is made meanwhile (sorting the files too).
        let producedCount = stage.produced.count
        let fingerprintRecord = fingerprint.map {
            BuildFingerprint(value: $0, files: producedCount, validFrom: validity.from, validUntil: validity.until)
        }
        let fingerprintBytes = options.write ? fingerprintRecord.map { record in
            Pending(jobs: options.jobs) { record.encoded(output: outputName, outputs: stage.producedFiles) }
        } : nil
        if let config = loaded.config {
            // An article that failed to render is already reported; links to it are not wrong.
            let produced = stage.produced
            var expected = produced  // copied only when an article has no file
            for page in pages.prefix(articlePages) where !page.hasOutput {
                expected.insert(page.outputPath)
            }
            for article in plan?.articles ?? [] where !(loaded.templates?.contains(article.layout) ?? false) {
                expected.insert(article.outputPath)
            }
            // Nor are links to an article that did not load (an error: only then is there one).
            if report.diagnostics.contains(where: { $0.severity == .error }) {
                for source in Self.failedArticleSources(loaded) { expected.insert(String(source.dropFirst("content/".count))) }
            }
            let skipKept = !options.linkWarnings && Self.keptPagesNeedNoLinkCheck(
                pages, kept: keptPages, articlePages: articlePages, produced: produced,
                previouslyWritten: previouslyWritten, cache: oldCache)
            let checking = skipKept ? pages.indices.filter { !keptPages[$0] } : nil
            report.linkCheckedPages = checking?.count ?? pages.count
            var linkProblems = validateLinks(pages, expected: expected, basePath: config.basePath, jobs: options.jobs,
                                             checking: checking)
            if options.linkWarnings {
                linkProblems = linkProblems.map { Diagnostic(.warning, $0.message, at: $0.location) }
            }
            linksChecked = linkProblems.isEmpty
            report.diagnostics += linkProblems
            for (path, bytes) in generated.sorted(by: { $0.key < $1.key }) {
                if path.hasSuffix("atom.xml") || path.hasSuffix("rss.xml") {
                    report.diagnostics += FeedChecks.check(bytes, path: path)
                } else if path == "sitemap.xml" {
                    report.diagnostics += Document.validate(String(decoding: bytes, as: UTF8.self), schema: sitemapSchema,
                                                            file: path)
                }
            }
        }
        endPhase("validate")

        // Write: only when the whole build is clean. A template error repeats on every page
        // that uses the template: report each distinct diagnostic once.
        report.diagnostics = Array(Set(report.diagnostics)).sorted()
        if !report.failed && options.write {
            do {
                report.write = try stage.commit(previouslyWritten: previouslyWritten)
                // Named again now that the folder exists (a link above it resolves only then).
                let writtenName = PageCache.outputName(output, files: files)
                if writtenName == outputName {
                    if let bytes = fingerprintBytes?.value { BuildFingerprint.write(bytes, in: files, output: writtenName) }
                    pageCacheWriter?.finish(linksChecked: linksChecked)
                } else {
                    // The folder's name changed with its creation (a link above it): both
                    // caches are written again under the new name.
                    pageCacheWriter?.abandon()
                    fingerprintRecord?.store(in: files, output: writtenName, outputs: stage.producedFiles)
                    if let pageCache {
                        PageCache.store(articles: pageCache.articles, lists: pageCache.lists, output: writtenName,
                                        linksChecked: linksChecked, linksWorld: linksWorld, in: files)
                    }
                }
                if pageCache == nil { PageCache.forget(in: files, output: writtenName) }
                OutputCaches.prune(in: files)
            } catch {
                pageCacheWriter?.abandon()
                report.diagnostics += error.diagnostics
                stage.discard()
                // Under the name from before the folder existed, and under the name now.
                for name in Set([outputName, PageCache.outputName(output, files: files)]) {
                    BuildFingerprint.forget(in: files, output: name)
                    PageCache.forget(in: files, output: name)
                }
            }
        } else {
            pageCacheWriter?.abandon()
            stage.discard()
            if options.write { BuildFingerprint.forget(in: files, output: outputName) }
        }
        endPhase("write")
        if options.keepsMemoryUntilExit {
            UntilExit.keep([loaded, catalog, pages, plan as Any, oldCache as Any, pageCache as Any, previous as Any,
                            fileHashes, stage])
        }
        return report
    }

    /// Takes `SITE/.reckon-cache/lock` (`flock`, exclusive), waiting while another build
    /// holds it; returns the open descriptor to close, or nil when it cannot be made.
    static func lockSite(_ files: ProjectFiles) -> Int32? {
        let folder = files.root.appendingPathComponent(".reckon-cache")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let descriptor = open(folder.appendingPathComponent("lock").path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return nil }
        while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
        return descriptor
    }

    /// Refuses an output folder that holds the content or the templates, or lies inside them.
    static func outputProblem(_ output: URL, files: ProjectFiles) -> Diagnostic? {
        let out = output.resolvingSymlinksInPath().path
        for folder in ["content", "templates"] {
            let path = files.url(folder).path
            if path == out || path.hasPrefix(out + "/") || out.hasPrefix(path + "/") {
                return .error("the output folder \(output.path) would overwrite or sit inside \(folder)/: choose another --output",
                              at: SourceLocation(file: folder))
            }
        }
        return nil
    }

    /// Whether the project-relative path is an article's source: a Markdown file under
    /// `content/` outside `content/data/`.
    static func isArticleSource(_ path: String) -> Bool {
        path.hasByteSuffix(".md") && path.hasBytePrefix("content/") && !path.hasBytePrefix("content/data/")
    }

    /// The articles' sources that did not load (each has its error). A link to one keeps the
    /// address its source would have (`ContentLinks.resolve`).
    static func failedArticleSources(_ loaded: Loaded) -> [String] {
        let sources = Set(loaded.articles.map { $0.source })
        return loaded.contentFiles.filter { isArticleSource($0) && !sources.contains($0) }
    }

    struct Loaded {
        var config: SiteConfig?
        var articles: [Article] = []
        var templates: TemplateSet?
        var tables: [(String, [UInt8])] = []
        /// Sidecars of the tables: path → text.
        var sidecars: [String: String] = [:]
        var assets: [String: [UInt8]] = [:]
        var contentFiles: [String] = []
        /// Articles read and parsed whole in this build; the others came from the article
        /// cache without their body (read again to render). Usually a few: the complement would
        /// take a table insert per article.
        var withBody: Set<String> = []
        /// Articles whose body has a `check` block.
        var checkBlocks: Set<String> = []
        /// Each article's entry for the next article cache (when the build has file hashes).
        var articleEntries: [ArticleCache.Entry] = []
        var articleCacheKey: String?
        var articleCacheChanged = true
        /// Interface strings per language (templates/i18n/LANG.yaml), gaps filled from the default.
        var strings: [String: Record] = [:]
    }

    /// The project-relative paths of every input of the site in `site`: the files under
    /// `content/` and `templates/`, hidden ones skipped (what a build reads and what the
    /// up-to-date check hashes).
    public static func sourcePaths(site: URL) -> [String] {
        ProjectFiles(root: site).sourcePaths
    }

    /// The site's calendar (its timezone) and its plan: the published articles as of `options.now`
    /// (and the drafts with `options.drafts`), their URLs, lists and taxonomies. Shared by the
    /// site build and the brief.
    static func plan(_ loaded: Loaded, config: SiteConfig, options: BuildOptions) -> (SiteCalendar, SitePlan) {
        let calendar = SiteCalendar(timezone: config.timezone)
        let plan = SitePlan.make(loaded.articles, config: config, today: calendar.day(containing: options.now),
                                 includeDrafts: options.drafts)
        return (calendar, plan)
    }

    /// The page renderer of a loaded site: links to its articles' source paths and content files
    /// resolved under the base path; heading ids kept clear of the ids the templates write.
    /// Shared by the site build and the brief, which has no feeds and no checks page.
    static func renderer(_ loaded: Loaded, config: SiteConfig, templates: TemplateSet, plan: SitePlan,
                         calendar: SiteCalendar, catalog: DataCatalog, feedSources: Set<String> = [],
                         hasChecks: Bool = false) -> PageRenderer {
        let links = ContentLinks(articleURLs: Dictionary(uniqueKeysWithValues: loaded.articles.map { ($0.source, $0.urlPath) }),
                                 contentFiles: Set(loaded.contentFiles), basePath: config.basePath)
        return PageRenderer(config: config, templates: templates, links: links, plan: plan, calendar: calendar,
                            strings: loaded.strings, markdown: MarkdownOptions(reservedIDs: templates.staticIDs),
                            catalog: catalog, feedSources: feedSources, hasChecks: hasChecks)
    }

    /// - Parameter fileHashes: Each input's hash, when known (a build that writes): the article
    ///   cache then gives the front matter of unchanged files, without their bodies.
    /// - Parameter sourcePaths: `ProjectFiles.sourcePaths`, when the caller has walked them already.
    /// - Parameter articleBytes: Articles' bytes read already, by path, with `fileHashes`'s
    ///   hashes (`BuildFingerprint.compute`): not read again.
    static func load(_ files: ProjectFiles, options: BuildOptions, fileHashes: [String: UInt64] = [:],
                     sourcePaths: [String]? = nil, articleBytes: [String: [UInt8]] = [:],
                     into report: inout BuildReport) -> Loaded {
        var loaded = Loaded()
        func collect<T>(_ body: () throws(DiagnosticError) -> T) -> T? {
            do { return try body() } catch { report.diagnostics += error.diagnostics; return nil }
        }
        if !files.isDirectory("content") || !files.isDirectory("templates") {
            report.diagnostics.append(.error("\(files.root.path) is not a Reckon site: it needs a content/ and a templates/ folder",
                                             at: SourceLocation(file: files.root.path)))
            return loaded
        }
        // The templates do not depend on the articles: read and compiled on another thread while
        // they load (about a millisecond of a one-edit rebuild of 1,000 pages).
        let templatePaths = sourcePaths.map { $0.filter { $0.hasBytePrefix("templates/") } }
        let templates = Pending(jobs: options.jobs) { readTemplates(files, paths: templatePaths) }
        if files.exists("content/site.yaml") {
            loaded.config = collect { () throws(DiagnosticError) in
                try SiteConfig.parse(try files.text("content/site.yaml"), file: "content/site.yaml")
            }
        } else {
            report.diagnostics.append(.error("content/site.yaml is missing: it gives the site's title and base_url",
                                             at: SourceLocation(file: "content/site.yaml")))
        }
        // sourcePaths lists content/ then templates/, each sorted.
        loaded.contentFiles = sourcePaths.map { $0.filter { $0.hasBytePrefix("content/") } } ?? files.files(under: "content")
        if let config = loaded.config {
            let loader = ArticleLoader(config: config)
            var outputs: [String: String] = [:]
            // Read and parsed on every core; checked for clashes in path order.
            let paths = loaded.contentFiles.filter(Self.isArticleSource)
            let configKey = fileHashes["content/site.yaml"].map { ArticleCache.configKey(siteYAMLHash: $0) }
            let cache = configKey.flatMap { ArticleCache.load(from: files, configKey: $0, sources: paths) }
            let results = renderInParallel(count: paths.count, jobs: options.jobs) { index -> Result<(ArticleCache.Entry, cached: Bool, hashed: Bool), DiagnosticError> in
                let path = paths[index]
                let hash = fileHashes[path]
                let fileHash = hash ?? 0
                if let entry = cache?.entry(at: index, source: path, fileHash: fileHash) { return .success((entry, true, hash != nil)) }
                return Result { () throws(DiagnosticError) in
                    let text = if let bytes = articleBytes[path] {
                        try ProjectFiles.decode(bytes, path: path)
                    } else {
                        try files.text(path)
                    }
                    let article = try loader.load(path: path, text: text)
                    return (ArticleCache.Entry(article: article, fileHash: fileHash, hasCheckBlock: hasCheckBlock(article),
                                               stored: nil), false, hash != nil)
                }
            }
            // Keyed by URL path (an output path is its URL path and index.html), not made again
            // per article.
            outputs.reserveCapacity(paths.count)
            loaded.articles.reserveCapacity(paths.count)
            for (index, path) in paths.enumerated() {
                guard let (entry, cached, hashed) = collect({ () throws(DiagnosticError) in try results[index].get() }) else { continue }
                let article = entry.article
                if let other = outputs.updateValue(path, forKey: article.urlPath) {
                    outputs[article.urlPath] = other  // the first keeps it
                    report.diagnostics.append(.error("this article and \(other) would both be written to \(article.outputPath): give one a different `slug`",
                                                     at: SourceLocation(file: path, line: 1, column: 1)))
                    continue
                }
                loaded.articles.append(article)
                if !cached { loaded.withBody.insert(path) }
                if entry.hasCheckBlock { loaded.checkBlocks.insert(path) }
                if configKey != nil, hashed { loaded.articleEntries.append(entry) }
            }
            loaded.articleCacheKey = configKey
            // Written again only when an entry is new or one went away.
            loaded.articleCacheChanged = cache?.count != loaded.articleEntries.count
                || loaded.articleEntries.contains { $0.stored == nil }
        }
        loaded.tables = loaded.contentFiles.filter { $0.hasBytePrefix("content/data/") && $0.hasByteSuffix(".csv") }
            .compactMap { path in collect { () throws(DiagnosticError) in (path, try files.bytes(path)) } }
        for path in loaded.contentFiles where path.hasBytePrefix("content/data/") && path.hasByteSuffix(".yaml") {
            loaded.sidecars[path] = collect { () throws(DiagnosticError) in try files.text(path) }
        }
        let read = templates.value
        loaded.assets = read.assets
        report.diagnostics += read.readProblems
        report.templates = read.count
        if let config = loaded.config {
            loaded.strings = loadStrings(files, config: config, into: &report)
        }
        loaded.templates = collect { () throws(DiagnosticError) in try read.templates.get() }
        return loaded
    }

    /// A site's templates, read and compiled, and its assets (`templates/assets/`).
    struct ReadTemplates: Sendable {
        var templates: Result<TemplateSet, DiagnosticError>
        /// How many templates were read.
        var count: Int
        var assets: [String: [UInt8]]
        /// Files that could not be read.
        var readProblems: [Diagnostic]
    }

    /// Reads and compiles `templates/` (`paths`: its files, when listed already), all but
    /// `templates/i18n/` (`loadStrings`).
    static func readTemplates(_ files: ProjectFiles, paths: [String]?) -> ReadTemplates {
        var sources: [String: String] = [:]
        var assets: [String: [UInt8]] = [:]
        var problems: [Diagnostic] = []
        for path in paths ?? files.files(under: "templates") {
            do throws(DiagnosticError) {
                if path.hasBytePrefix("templates/assets/") {
                    assets[String(path.dropFirst("templates/".count))] = try files.bytes(path)
                } else if path.hasBytePrefix("templates/i18n/"), path.hasByteSuffix(".yaml") {
                    continue
                } else if path.hasByteSuffix(".html") {
                    sources[String(path.dropFirst("templates/".count))] = try files.text(path)
                }
            } catch {
                problems += error.diagnostics
            }
        }
        return ReadTemplates(templates: Result { () throws(DiagnosticError) in try TemplateSet.compile(sources) },
                             count: sources.count, assets: assets, readProblems: problems)
    }

    /// Reads `templates/i18n/LANG.yaml` for each language (a mapping of names to strings);
    /// a key missing in one language takes the default language's string.
    static func loadStrings(_ files: ProjectFiles, config: SiteConfig, into report: inout BuildReport) -> [String: Record] {
        var tables: [String: [(String, String)]] = [:]
        for language in config.languages {
            let path = "templates/i18n/\(language).yaml"
            guard files.exists(path) else { continue }
            do {
                let reader = YAMLReader(file: path, firstLine: 1)
                let root = try reader.parse(try files.text(path))
                var diagnostics: [Diagnostic] = []
                var pairs: [(String, String)] = []
                for (key, value, _) in reader.fields(of: root, diagnostics: &diagnostics) {
                    if let text = reader.string(value, key: key, diagnostics: &diagnostics) { pairs.append((key, text)) }
                }
                report.diagnostics += diagnostics
                tables[language] = pairs
            } catch {
                report.diagnostics += error.diagnostics
            }
        }
        let fallback = tables[config.language] ?? []
        var strings: [String: Record] = [:]
        for language in config.languages {
            var pairs = tables[language] ?? []
            let keys = Set(pairs.map(\.0))
            pairs += fallback.filter { !keys.contains($0.0) }
            strings[language] = Record(pairs.map { ($0.0, Value.string($0.1)) })
        }
        return strings
    }

    /// Whether an article's body has a `check` block (a second cmark pass, only over articles
    /// that may have one).
    static func hasCheckBlock(_ article: Article) -> Bool {
        article.body.mayHaveFence(named: "check")
            && MarkdownRenderer.fencedBlocks(in: article.body, file: article.source).contains { $0.name == "check" }
    }

    /// Stages a rendered page's bytes and keeps only what the later phases need.
    static func hand(_ page: inout RenderedPage, to stage: OutputStage) {
        guard !page.html.isEmpty else { return }
        stage.put(page.outputPath, page.html)
        page.hasOutput = true
        page.html = []
    }

    /// Renders `count` pages on `jobs` threads (all cores when nil); results come back in index
    /// order whatever the thread count. Each thread takes the next few indices when it is done
    /// with its last (`NextIndices`), not every n-th index from the start: a thread that starts
    /// late (a worker woken for a 2 ms step starts some 0.1 ms after the caller) or meets slow
    /// pages does fewer, instead of the others waiting for it at the end.
    static func renderInParallel<T: Sendable>(count: Int, jobs: Int?, _ render: @Sendable (Int) -> T) -> [T] {
        guard count > 0 else { return [] }
        let results = ResultSlots<T>(count: count)
        let workers = max(1, min(count, jobs ?? ProcessInfo.processInfo.activeProcessorCount))
        let next = NextIndices(count: count, workers: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let indices = next.claim() {
                for index in indices { results.set(index, render(index)) }
            }
        }
        return results.take()
    }

    /// Whether the pages kept from the last build can skip the link check: their links were
    /// checked then, and still hold when no file the last build wrote is gone and every page
    /// rendered again (or made every time) at a path the last build wrote still has every id
    /// it had. Not known (false) without the last build's file list and page cache, or when
    /// that build found link problems (with `--warn` they were only warnings).
    /// - Parameters:
    ///   - kept: Whether each of `pages` was kept.
    ///   - articlePages: How many of `pages` (the first) are articles' pages.
    static func keptPagesNeedNoLinkCheck(_ pages: [RenderedPage], kept: [Bool], articlePages: Int, produced: Set<String>,
                                         previouslyWritten: [String]?, cache: PageCache?) -> Bool {
        guard let previouslyWritten, let cache, cache.linksChecked, kept.contains(true) else { return false }
        guard previouslyWritten.allSatisfy(produced.contains) else { return false }
        // Made again: usually a few pages, looked up in the last build's list as it is; a set of
        // it only when many were.
        let made = pages.indices.filter { !kept[$0] && pages[$0].hasOutput }
        let before: (String) -> Bool
        if made.count <= 32 {
            before = { previouslyWritten.contains($0) }
        } else {
            let paths = Set(previouslyWritten)
            before = { paths.contains($0) }
        }
        for index in made where before(pages[index].outputPath) {
            // The page that was at this path: the same article's (not one whose URL moved here),
            // or the same list's.
            let page = pages[index]
            let old = index < articlePages ? cache.ids(ofArticle: page.source, at: page.outputPath)
                : cache.ids(ofPage: page.outputPath)
            guard let old, old.isSubset(of: page.ids) else { return false }
        }
        return true
    }

    /// Every `href`/`src` under the base path must name a file of this build (a folder URL
    /// names its `index.html`), and a `#fragment` on an article link must name an id there.
    /// Pages are checked on every core; a site-absolute link (most of them: navigation, tags,
    /// pagers) is taken apart once per run of pages, not once per page.
    /// Links with a fragment to another page are checked last, against the ids of just the pages
    /// they name.
    /// - Parameter checking: The indices in `pages` of the pages whose links to check, nil for
    ///   all (every page's ids are targets).
    static func validateLinks(_ pages: [RenderedPage], expected: Set<String>, basePath: String,
                              jobs: Int? = nil, checking: [Int]? = nil) -> [Diagnostic] {
        let checking = checking ?? Array(pages.indices)
        // Contiguous runs of pages, one per core, each with its own table of taken-apart links.
        let runs = max(1, min(checking.count, jobs ?? ProcessInfo.processInfo.activeProcessorCount))
        let found = renderInParallel(count: runs, jobs: runs) { run -> ([Diagnostic], [FragmentLink]) in
            var targets = LinkTargets(basePath: basePath, expected: expected)
            var diagnostics: [Diagnostic] = []
            var fragments: [FragmentLink] = []
            for index in stride(from: run * checking.count / runs, to: (run + 1) * checking.count / runs, by: 1) {
                diagnostics += checkLinks(of: pages[checking[index]], expected: expected, targets: &targets,
                                          fragments: &fragments)
            }
            return (diagnostics, fragments)
        }
        var diagnostics = found.flatMap(\.0)
        let fragments = found.flatMap(\.1)
        guard !fragments.isEmpty else { return diagnostics }
        let named = Set(fragments.map(\.file))
        var ids: [String: Set<String>] = [:]
        for page in pages where named.contains(page.outputPath) { ids[page.outputPath] = page.ids }
        for fragment in fragments {
            guard let targetIDs = ids[fragment.file], !targetIDs.contains(fragment.id.removingPercentEncoding ?? fragment.id)
            else { continue }
            diagnostics.append(.error("page \(fragment.page) links to \(fragment.link), but \(fragment.file) has no id `\(fragment.id)`",
                                      at: fragment.location))
        }
        return diagnostics
    }

    /// A link from page `page` (its output path) to the id `id` of the file `file`.
    struct FragmentLink {
        var page: String
        var link: String
        var file: String
        var id: String
        var location: SourceLocation
    }

    /// A link's target file (`posts/x/index.html`) and fragment, from the part after the base path.
    static func target(_ path: Substring) -> (file: String, fragment: Substring?) {
        var path = path
        var fragment: Substring?
        if let hash = path.utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = path[path.index(after: hash)...]
            path = path[..<hash]
        }
        if let query = path.utf8.firstIndex(of: UInt8(ascii: "?")) { path = path[..<query] }
        var file = String(path)
        if file.containsBytes("%") { file = file.removingPercentEncoding ?? file }
        if file.isEmpty || file.utf8.last == UInt8(ascii: "/") { file += "index.html" }
        return (file, fragment)
    }

    /// Site-absolute links taken apart, once per link and run of pages.
    struct LinkTargets {
        let basePath: String
        let expected: Set<String>
        /// By link: its target file, whether this build produces it, and its fragment.
        private var known: [String: (file: String, exists: Bool, fragment: Substring?)] = [:]

        init(basePath: String, expected: Set<String>) {
            self.basePath = basePath
            self.expected = expected
        }

        mutating func target(of link: String) -> (file: String, exists: Bool, fragment: Substring?) {
            if let hit = known[link] { return hit }
            let (file, fragment) = SiteBuilder.target(link[link.utf8.index(link.startIndex, offsetBy: basePath.utf8.count)...])
            let result = (file, expected.contains(file), fragment)
            known[link] = result
            return result
        }
    }

    /// The problems of `page`'s links, but for those to an id of another page, which go to
    /// `fragments` when their file exists.
    static func checkLinks(of page: RenderedPage, expected: Set<String>, targets: inout LinkTargets,
                           fragments: inout [FragmentLink]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var reported = page.reportedLinks
        let location = SourceLocation(file: page.source)
        var folder: String?
        for link in page.links where reported.isEmpty || !reported.contains(link) {
            let file: String
            let exists: Bool
            let fragment: Substring?
            if link.utf8.first == UInt8(ascii: "#") {
                guard link.utf8.count > 1 else { continue }
                let id = String(link.dropFirst())
                if !page.ids.contains(id.removingPercentEncoding ?? id) {
                    reported.insert(link)
                    diagnostics.append(.error("page \(page.outputPath) links to \(link), but it has no id `\(id)`", at: location))
                }
                continue
            } else if link.utf8.starts(with: targets.basePath.utf8) {
                (file, exists, fragment) = targets.target(of: link)
            } else if link.isEmpty || link.utf8.first == UInt8(ascii: "/") || ContentLinks.hasScheme(link) {
                continue  // other hosts and schemes are not ours
            } else {
                // Relative to the page's folder.
                if folder == nil {
                    let path = page.outputPath
                    folder = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { String(path[...$0]) } ?? ""
                }
                guard let resolved = ContentLinks.normalize(folder! + link) else {
                    reported.insert(link)
                    diagnostics.append(.error("page \(page.outputPath) links to \(link), which leaves the site", at: location))
                    continue
                }
                (file, fragment) = target(Substring(resolved + (link.utf8.last == UInt8(ascii: "/") ? "/" : "")))
                exists = expected.contains(file)
            }
            if !exists {
                reported.insert(link)
                diagnostics.append(.error("page \(page.outputPath) links to \(link), which this build does not produce", at: location))
            } else if let fragment, !fragment.isEmpty {
                reported.insert(link)  // once per page
                fragments.append(FragmentLink(page: page.outputPath, link: link, file: file, id: String(fragment),
                                              location: location))
            }
        }
        return diagnostics
    }
}

/// A value made on another thread while the build goes on with steps that do not need it
/// (the page cache while the plan is made, the fingerprint's record while the output is
/// checked). `value` waits for it. With one
/// job it is made at once, on the calling thread.
final class Pending<T: Sendable>: @unchecked Sendable {
    private var result: T?
    private let done = DispatchGroup()

    init(jobs: Int?, _ make: @escaping @Sendable () -> T) {
        guard jobs ?? ProcessInfo.processInfo.activeProcessorCount > 1 else {
            result = make()
            return
        }
        done.enter()
        DispatchQueue.global().async {
            self.result = make()
            self.done.leave()
        }
    }

    /// The value, once made (the group's wait orders the write before this read).
    var value: T {
        done.wait()
        return result!
    }
}

/// Slots written once each from concurrent tasks, taken after all have finished.
///
/// Raw memory, not an array of optionals behind a lock: each slot is a separate location that
/// one task initializes, and the tasks' end (`concurrentPerform` returning) orders those writes
/// before `take()`, which moves the values out. An array of optionals made and then unwrapped
/// copied every result twice through generic value witnesses (about 37 million instructions
/// of a one-edit rebuild of 10,000 pages, on one thread).
final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T>
    private let count: Int
    private var taken = false

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: max(count, 1))
    }

    deinit {
        if !taken { slots.deinitialize(count: count) }
        slots.deallocate()
    }

    /// Fills slot `index`; each slot exactly once, before `take()`.
    func set(_ index: Int, _ value: consuming T) {
        precondition(index >= 0 && index < count)
        (slots + index).initialize(to: value)  // moved in, not copied
    }

    /// Every slot's value, in order, moved out (once, after every slot was set).
    func take() -> [T] {
        precondition(!taken)
        taken = true
        return Array(unsafeUninitializedCapacity: count) { buffer, initialized in
            buffer.baseAddress?.moveInitialize(from: slots, count: count)
            initialized = count
        }
    }
}

/// The indices `renderInParallel`'s threads have yet to take, handed out in runs of half of
/// what is left divided by the threads: long runs first (few locks), single indices at the end
/// (the threads finish together). Guided self-scheduling: Polychronopoulos and Kuck, "Guided
/// self-scheduling", IEEE Transactions on Computers 36(12), 1987.
final class NextIndices: @unchecked Sendable {  // `next` is read and written under `lock`
    private let lock = NSLock()
    private var next = 0
    private let count: Int
    private let workers: Int

    init(count: Int, workers: Int) {
        self.count = count
        self.workers = max(1, workers)
    }

    /// The next run of indices; nil when none is left.
    func claim() -> Range<Int>? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        let start = next
        next = start + max(1, (count - start) / (2 * workers))
        return start..<next
    }
}

/// What a build leaves allocated for its process's exit to reclaim (`keepsMemoryUntilExit`).
enum UntilExit {
    nonisolated(unsafe) private static var kept: [Any] = []
    private static let lock = NSLock()

    static func keep(_ values: [Any]) {
        lock.lock()
        kept.append(contentsOf: values)
        lock.unlock()
    }
}
