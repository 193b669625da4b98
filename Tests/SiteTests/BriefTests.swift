import Diagnostics
import Foundation
import Site
import Testing

/// A small brief template: cover (title, date, summary, key figures), the articles, the
/// appendix (checks, formulas, tables) and the endnotes, with the theme's stylesheet inlined.
let briefTemplate = """

-- templates/brief.html --
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:lang="brief.lang">
<head><meta charset="utf-8"/><title r:text="brief.title">t</title><style r:text="asset_text('assets/site.css')">css</style></head>
<body><header id="brief-cover"><h1 r:text="brief.title">T</h1><p r:text="brief.date_text">d</p><p r:text="brief.summary">s</p><ul><li r:each="f in brief.key_figures" r:lang="f.lang"><a r:href="f.url" r:text="f.text">x</a> <span r:text="f.context">c</span></li></ul></header>
<article r:each="a in brief.articles" r:id="a.id" r:lang="a.lang"><h1 r:text="a.title">T</h1><div r:content="a.content"/></article>
<section id="brief-appendix"><table><tr r:each="c in brief.checks"><td><a r:href="c.url" r:text="c.label">l</a></td><td r:text="c.stated">s</td><td r:text="c.computed">c</td><td r:text="c.verdict">v</td></tr></table>
<ol r:each="a in brief.articles"><li r:each="f in a.figures" r:id="f.id"><b r:text="f.text">x</b> = <code r:text="f.formula">f</code><i r:each="i in f.inputs" r:text="'; ' + i">i</i></li></ol>
<ul><li r:each="t in brief.tables"><span r:text="t.title">t</span> <a r:href="t.csv_url">CSV</a><span r:each="s in t.sources">; <a r:href="s.url" r:text="s.title">s</a></span></li></ul></section>
<section><h2>Links</h2><ol id="brief-endnotes"/></section></body>
</html>
"""

/// Two translations of one article, a third article left out of the brief, a table with a
/// source, an image, links inside and outside the site.
let briefSite = siteYAML(title: "Reckoning", baseURL: "https://example.org/reports/") + """

-- content/data/models.csv --
name,parameters [param],training_tokens [token],training_compute [FLOP]
PaLM (540B),540350000000,780000000000,2.5272e24
GPT-3,175000000000,300000000000,3.14e23
-- content/data/models.yaml --
title: Notable models
sources:
  - { title: "PaLM paper", url: "https://arxiv.org/abs/2204.02311" }
derived:
  compute_6nd: training_flops(parameters, training_tokens)
-- content/posts/palm.md --
---
title: "PaLM's compute"
date: 2026-10-01
summary: "How much arithmetic PaLM took."
tags: [compute]
---
```compute
palm = models["PaLM (540B)"]
```

## Counting

PaLM has `= palm.parameters`. It took `= palm.compute_6nd` by 6·N·D, see [the paper](https://arxiv.org/abs/2204.02311).

```check
- label: PaLM's compute
  stated: 2.56e24 [FLOP]
  computed: palm.compute_6nd
  tolerance: 5%
```

Read [the Chinese version](palm.zh-Hant.md#算力), the [counting](#counting) above, [other notes](other.md) and [the table](../data/models.csv). ![A bar](bar.png) Again: [the paper](https://arxiv.org/abs/2204.02311).
-- content/posts/palm.zh-Hant.md --
---
title: "PaLM 的算力"
date: 2026-10-01
tags: [compute]
---
```compute
palm = models["PaLM (540B)"]
```

## 算力

PaLM 有 `= palm.parameters`。見 [論文](https://arxiv.org/abs/2204.02311v2)。
-- content/posts/other.md --
---
title: "Other notes"
date: 2026-09-01
---
Nothing here.
"""

let briefFixture = minimalTheme + briefTemplate + briefSite

func makeBriefSite(_ text: String = briefFixture) throws -> Fixture {
    let site = try Fixture(text)
    try site.write("content/posts/bar.png", bytes: [0x89, 0x50, 0x4E, 0x47])
    return site
}

extension Fixture {
    func brief(_ paths: [String], tags: [String] = [], title: String? = nil) -> BriefReport {
        BriefBuilder.build(BriefOptions(siteDirectory: root, paths: paths, tags: tags, title: title, now: november2026))
    }
}

/// The repository's root (its `content/` and `templates/` are the example report and the
/// default theme).
let repositoryRoot = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

/// `briefSite` with the default theme (the repository's `templates/`).
func makeDefaultThemeBriefSite() throws -> Fixture {
    let site = try makeBriefSite(briefSite)
    let templates = repositoryRoot.appendingPathComponent("templates")
    for case let path as String in FileManager.default.enumerator(atPath: templates.path)! {
        let url = templates.appendingPathComponent(path)
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory), !isDirectory.boolValue {
            try site.write("templates/" + path, bytes: Array(try Data(contentsOf: url)))
        }
    }
    return site
}

/// Everything in `html` that would make a reader's browser fetch something: a `src`, `href`,
/// `srcset`, `poster`, `data` or `action` that is not a same-document `#fragment`, a `data:` URI,
/// `mailto:`, or a web link listed among the endnotes; any `url(…)` not to `#` or `data:`; any
/// `<link>`, `<script src>`, `@import`, `<iframe>`, `<object>` or `<embed>`.
func externalReferences(_ html: String) -> [String] {
    func matches(_ pattern: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        let text = html as NSString
        return regex.matches(in: html, range: NSRange(location: 0, length: text.length)).map { match in
            (0..<match.numberOfRanges).map { match.range(at: $0).location == NSNotFound ? "" : text.substring(with: match.range(at: $0)) }
        }
    }
    let endnotes = Set(matches(#"<li id="brief-note-\d+"><a href="([^"]*)">"#).map { $0[1] })
    var found: [String] = []
    for match in matches(#"\s(src|href|srcset|poster|data|action|formaction)="([^"]*)""#) {
        let value = match[2]
        if value.hasPrefix("#") || value.hasPrefix("data:") || value.hasPrefix("mailto:") { continue }
        if (value.hasPrefix("http://") || value.hasPrefix("https://")) && endnotes.contains(value) { continue }
        found.append("\(match[1])=\"\(value)\"")
    }
    for match in matches(#"url\(\s*['"]?([^)'"]*)"#) where !match[1].hasPrefix("#") && !match[1].hasPrefix("data:") {
        found.append("url(\(match[1]))")
    }
    for match in matches(#"<link\b[^>]*>|<script\b[^>]*\bsrc=[^>]*>|@import\b|<iframe\b|<object\b|<embed\b"#) {
        found.append(match[0])
    }
    return found
}

/// Runs a program and returns its standard output (nil when it fails).
func run(_ executable: String, _ arguments: [String]) -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return nil }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return process.terminationStatus == 0 ? String(decoding: data, as: UTF8.self) : nil
}

@Suite struct BriefTests {
    func at(_ file: String, _ line: Int = 0, _ column: Int = 0) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// The cover (title, date, summary, key figures with their sentences), both articles with
    /// ids prefixed (`a1-`, `a2-`), internal links to the brief's sections or dropped to text,
    /// the image as a data: URI, the chart-free appendix (the check, every figure's formula and
    /// inputs, the table with its download and source), and the endnotes (a URL seen twice keeps
    /// its number).
    @Test func briefIsExact() throws {
        let site = try makeBriefSite()
        let report = site.brief(["content/posts/palm.md", "content/posts/palm.zh-Hant.md"])
        #expect(report.diagnostics == [])
        #expect(report.articles == ["content/posts/palm.md", "content/posts/palm.zh-Hant.md"])
        #expect(report.figures == 3)
        #expect(report.checks == 1)
        #expect(report.endnotes == ["https://arxiv.org/abs/2204.02311", "https://arxiv.org/abs/2204.02311v2",
                                    "https://example.org/reports/data/models.csv"])
        let html = String(decoding: report.html, as: UTF8.self)
        #expect(html == #"""
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>PaLM's compute</title><style>body { margin: 0 }
</style></head>
<body><header id="brief-cover"><h1>PaLM's compute</h1><p>1 October 2026</p><p>How much arithmetic PaLM took.</p><ul><li lang="en"><a href="#a1-figure-1">540 billion params</a> <span>PaLM has 540 billion params.</span></li><li lang="en"><a href="#a1-figure-2">2.53 × 10²⁴ FLOP</a> <span>It took 2.53 × 10²⁴ FLOP by 6·N·D, see the paper.</span></li><li lang="zh-Hant"><a href="#a2-figure-1">5400億個參數</a> <span>PaLM 有 5400億個參數。</span></li></ul></header>
<article id="a1" lang="en"><h1>PaLM's compute</h1><div><details class="compute"><summary>Definitions used on this page</summary><dl><dt><code>palm</code></dt><dd><code>models["PaLM (540B)"]</code> = models[PaLM (540B)]</dd></dl></details>
<h2 id="a1-counting">Counting</h2>
<p>PaLM has <a class="figure" href="#a1-figure-1" title="= palm.parameters ← models[PaLM (540B)].parameters = 540 billion params">540 billion params</a>. It took <a class="figure" href="#a1-figure-2" title="= palm.compute_6nd ← models[PaLM (540B)].compute_6nd = 2.53 × 10²⁴ FLOP">2.53 × 10²⁴ FLOP</a> by 6·N·D, see <a href="https://arxiv.org/abs/2204.02311">the paper</a><sup class="endnote-ref"><a href="#brief-note-1">1</a></sup>.</p>
<aside class="check check-holds" id="a1-check-1"><p class="check-head"><span class="check-verdict">Holds</span> <span class="check-label">PaLM's compute</span></p><dl class="check-numbers"><dt>Stated</dt><dd>2.56 × 10²⁴ FLOP</dd><dt>Computed</dt><dd>2.53 × 10²⁴ FLOP</dd><dt>Off by</dt><dd>+1.2% (tolerance 5%)</dd></dl><details><summary>How it is computed</summary><p><code>palm.compute_6nd</code></p><ul><li><code>models[PaLM (540B)].compute_6nd = 2.53 × 10²⁴ FLOP</code></li></ul></details></aside>
<p>Read <a href="#a2-%E7%AE%97%E5%8A%9B">the Chinese version</a>, the <a href="#a1-counting">counting</a> above, other notes and the table. <img src="data:image/png;base64,iVBORw==" alt="A bar"> Again: <a href="https://arxiv.org/abs/2204.02311">the paper</a><sup class="endnote-ref"><a href="#brief-note-1">1</a></sup>.</p>
</div></article><article id="a2" lang="zh-Hant"><h1>PaLM 的算力</h1><div><details class="compute"><summary>Definitions used on this page</summary><dl><dt><code>palm</code></dt><dd><code>models["PaLM (540B)"]</code> = models[PaLM (540B)]</dd></dl></details>
<h2 id="a2-算力">算力</h2>
<p>PaLM 有 <a class="figure" href="#a2-figure-1" title="= palm.parameters ← models[PaLM (540B)].parameters = 5400億個參數">5400億個參數</a>。見 <a href="https://arxiv.org/abs/2204.02311v2">論文</a><sup class="endnote-ref"><a href="#brief-note-2">2</a></sup>。</p>
</div></article>
<section id="brief-appendix"><table><tr><td><a href="#a1-check-1">PaLM's compute</a></td><td>2.56 × 10²⁴ FLOP</td><td>2.53 × 10²⁴ FLOP</td><td>holds</td></tr></table>
<ol><li id="a1-figure-1"><b>540 billion params</b> = <code>palm.parameters</code><i>; models[PaLM (540B)].parameters = 540 billion params</i></li><li id="a1-figure-2"><b>2.53 × 10²⁴ FLOP</b> = <code>palm.compute_6nd</code><i>; models[PaLM (540B)].compute_6nd = 2.53 × 10²⁴ FLOP</i></li></ol><ol><li id="a2-figure-1"><b>5400億個參數</b> = <code>palm.parameters</code><i>; models[PaLM (540B)].parameters = 5400億個參數</i></li></ol>
<ul><li><span>Notable models</span> <a href="https://example.org/reports/data/models.csv">CSV</a><sup class="endnote-ref"><a href="#brief-note-3">3</a></sup><span>; <a href="https://arxiv.org/abs/2204.02311">PaLM paper</a><sup class="endnote-ref"><a href="#brief-note-1">1</a></sup></span></li></ul></section>
<section><h2>Links</h2><ol id="brief-endnotes"><li id="brief-note-1"><a href="https://arxiv.org/abs/2204.02311">https://arxiv.org/abs/2204.02311</a></li><li id="brief-note-2"><a href="https://arxiv.org/abs/2204.02311v2">https://arxiv.org/abs/2204.02311v2</a></li><li id="brief-note-3"><a href="https://example.org/reports/data/models.csv">https://example.org/reports/data/models.csv</a></li></ol></section></body>
</html>
"""# + "\n")
    }

    /// `--tag` adds the tagged articles in list order (same date: by title, `PaLM 的算力` before
    /// `PaLM's compute`); `--title` replaces the cover's title; a URL seen twice keeps one note.
    @Test func tagAndTitle() throws {
        let site = try makeBriefSite()
        let report = site.brief([], tags: ["compute"], title: "Compute brief")
        #expect(report.diagnostics == [])
        #expect(report.articles == ["content/posts/palm.zh-Hant.md", "content/posts/palm.md"])
        let html = String(decoding: report.html, as: UTF8.self)
        #expect(html.contains("<html lang=\"zh-Hant\">"))
        #expect(html.contains("<title>Compute brief</title>"))
        #expect(html.contains("<h1>Compute brief</h1>"))
        // The English article now links to the Chinese one as the brief's first section.
        #expect(html.contains(##"<a href="#a1-%E7%AE%97%E5%8A%9B">the Chinese version</a>"##))
    }

    /// A path that is no article (with a suggestion), an unknown tag, a draft, and a theme
    /// without `brief.html`: errors, and no HTML.
    @Test func badChoicesAreErrors() throws {
        let site = try makeBriefSite(briefFixture + """

-- content/posts/draft.md --
---
title: "Draft"
draft: true
---
Soon.
""")
        let report = site.brief(["content/posts/plam.md", "content/posts/draft.md"], tags: ["compte"])
        #expect(report.diagnostics == [
            .error("no article is tagged `compte`: did you mean `compute`?", at: at("content")),
            .error("content/posts/draft.md is a draft or dated after today: pass --drafts to include it", at: at("content/posts/draft.md")),
            .error("content/posts/plam.md is not an article of the site: did you mean content/posts/palm.md?", at: at("content/posts/plam.md")),
        ])
        #expect(report.html.isEmpty)

        let bare = try makeBriefSite(minimalTheme + briefSite)
        #expect(bare.brief(["content/posts/palm.md"]).diagnostics == [
            .error("templates/brief.html is missing: it lays out briefing documents (copy it from Reckon's default theme)", at: at("templates")),
        ])
    }

    /// A template that links into the site (`url(…)`) or to a stylesheet fails: the brief would
    /// not stand alone.
    @Test func aTemplateReferenceOutsideTheBriefIsAnError() throws {
        let site = try makeBriefSite(briefFixture + """

-- templates/brief.html --
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:lang="brief.lang">
<head><meta charset="utf-8"/><title r:text="brief.title">t</title><link rel="stylesheet" r:href="url('assets/site.css')"/></head>
<body><a r:href="site.home_url">home</a></body>
</html>
""")
        let report = site.brief(["content/posts/palm.md"])
        #expect(report.diagnostics == [
            .error("the brief would refer to a file outside itself: <a href=\"/reports/\">; a brief holds only its own content, data: URIs and links to the web", at: at("templates/brief.html")),
            .error("the brief would refer to a file outside itself: <link href=\"/reports/assets/site.css\">; a brief holds only its own content, data: URIs and links to the web", at: at("templates/brief.html")),
        ])
    }

    /// With the default theme, neither the fixture's brief nor the example report's refers to
    /// anything outside the file but the web links listed as endnotes; the theme's stylesheet is
    /// inlined, with the print rules (`@page` size, page breaks, charts kept whole).
    @Test func defaultThemeBriefsHaveNoExternalReferences() throws {
        let site = try makeDefaultThemeBriefSite()
        let report = site.brief(["content/posts/palm.md", "content/posts/palm.zh-Hant.md"])
        #expect(report.diagnostics == [])
        let html = String(decoding: report.html, as: UTF8.self)
        #expect(externalReferences(html) == [])
        #expect(html.contains("@page { size: A4; }"))
        #expect(html.contains("break-before: page"))
        #expect(html.contains("break-inside: avoid"))
        #expect(html.contains("--chart-1:"), "the theme's stylesheet is inlined")
        #expect(html.contains(#"<li id="brief-note-1"><a href="https://arxiv.org/abs/2204.02311">"#))
        let letter = BriefBuilder.build(BriefOptions(siteDirectory: site.root, paths: ["content/posts/palm.md"], paper: .letter,
                                                     now: november2026))
        #expect(String(decoding: letter.html, as: UTF8.self).contains("@page { size: letter; }"))

        let example = BriefBuilder.build(BriefOptions(siteDirectory: repositoryRoot,
                                                      paths: ["content/posts/training-cost.md", "content/posts/training-cost.zh-Hant.md"],
                                                      now: november2026))
        #expect(example.diagnostics.filter { $0.severity == .error } == [])
        let exampleHTML = String(decoding: example.html, as: UTF8.self)
        #expect(exampleHTML.contains("<svg"), "charts are inline")
        #expect(externalReferences(exampleHTML) == [])
        #expect(example.endnotes.count > 10)
    }

    /// The scanner itself finds each kind of outside reference.
    @Test func theScannerFindsOutsideReferences() {
        let html = """
<link rel="stylesheet" href="x.css"><script src="a.js"></script><img src="https://x.org/a.png" alt="">\
<a href="/posts/">p</a><a href="https://listed.org/">l</a><a href="https://unlisted.org/">u</a>\
<style>@import "y.css"; a { background: url(https://x.org/b.png) } b { fill: url(#g) }</style>\
<ol id="brief-endnotes"><li id="brief-note-1"><a href="https://listed.org/">https://listed.org/</a></li></ol>
"""
        #expect(externalReferences(html) == [
            "href=\"x.css\"", "src=\"a.js\"", "src=\"https://x.org/a.png\"", "href=\"/posts/\"",
            "href=\"https://unlisted.org/\"", "url(https://x.org/b.png)",
            "<link rel=\"stylesheet\" href=\"x.css\">", "<script src=\"a.js\">", "@import",
        ])
    }

    /// Two briefs of the same input are byte-identical.
    @Test func briefIsDeterministic() throws {
        let site = try makeDefaultThemeBriefSite()
        let first = site.brief(["content/posts/palm.md", "content/posts/palm.zh-Hant.md"])
        let second = site.brief(["content/posts/palm.md", "content/posts/palm.zh-Hant.md"])
        #expect(!first.html.isEmpty && first.html == second.html)
    }

    /// Headless Chromium prints the default theme's brief; `pdftotext` finds both titles and the
    /// key figures in English and Chinese; cover, two articles, appendix and notes each start a
    /// page. Skipped (with the reason printed) only when chromium or poppler-utils is missing;
    /// scripts/install-deps installs both.
    @Test func briefPrintsToPDF() throws {
        guard PDFPrinter.chromium() != nil, let pdftotext = PDFPrinter.findExecutable(["pdftotext"]),
              let pdfinfo = PDFPrinter.findExecutable(["pdfinfo"]) else {
            print("skipped briefPrintsToPDF: needs chromium and poppler-utils (pdftotext, pdfinfo) on PATH; run scripts/install-deps")
            return
        }
        let site = try makeDefaultThemeBriefSite()
        let report = site.brief(["content/posts/palm.md", "content/posts/palm.zh-Hant.md"])
        #expect(report.diagnostics == [])
        let html = site.root.appendingPathComponent("brief.html")
        let pdf = site.root.appendingPathComponent("brief.pdf")
        try Data(report.html).write(to: html)
        try PDFPrinter.print(html: html, to: pdf)
        #expect(FileManager.default.fileExists(atPath: pdf.path))
        let text = try #require(run(pdftotext, ["-layout", pdf.path, "-"]))
        for expected in ["PaLM's compute", "PaLM 的算力", "540 billion params", "2.53 × 10²⁴ FLOP", "5400億個參數", "算力",
                         "https://arxiv.org/abs/2204.02311"] {
            #expect(text.contains(expected), "pdftotext does not find \(expected)")
        }
        let info = try #require(run(pdfinfo, [pdf.path]))
        let pages = info.split(separator: "\n").first { $0.hasPrefix("Pages:") }.flatMap { Int($0.split(separator: " ").last ?? "") }
        #expect((5...8).contains(pages ?? 0), "\(pages ?? 0) pages")
        #expect(info.contains("(A4)"))
    }
}
