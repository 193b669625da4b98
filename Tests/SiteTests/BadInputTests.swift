import Diagnostics
import Foundation
import Site
import Testing

/// One test per kind of bad input: the exact diagnostic and position, exit status 1 (a failed
/// report), and the previous output left byte for byte as it was.
@Suite struct BadInputTests {
    /// Builds the example site once (so there is a previous output), applies `change`, builds
    /// again, checks that the output is untouched, and returns the diagnostics.
    func diagnostics(after change: (Fixture) throws -> Void) throws -> [Diagnostic] {
        let site = try makeExampleSite()
        #expect(site.build().diagnostics == [])
        let before = site.snapshot("public")
        try change(site)
        let report = site.build()
        #expect(report.failed)
        #expect(site.snapshot("public") == before, "a failed build must leave public/ untouched")
        return report.diagnostics
    }

    func at(_ file: String, _ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    @Test func invalidYAMLInFrontMatter() throws {
        let found = try diagnostics { site in
            try site.write("content/posts/methods.md", "---\ntitle: Methods\ntags: [a, b\n---\nBody.\n")
        }
        #expect(found == [.error("invalid YAML: did not find expected ',' or ']' (while parsing a flow sequence)",
                                 at: at("content/posts/methods.md", 4, 1))])
    }

    @Test func unterminatedFrontMatter() throws {
        let found = try diagnostics { site in
            try site.write("content/posts/methods.md", "---\ntitle: Methods\n\nBody.\n")
        }
        #expect(found == [.error("front matter is not closed: add a `---` line after its last field",
                                 at: at("content/posts/methods.md", 1, 1))])
    }

    @Test func missingFrontMatter() throws {
        let found = try diagnostics { site in
            try site.write("content/posts/methods.md", "# Methods\n")
        }
        #expect(found == [.error("no front matter: start the file with a `---` line, then `title: …`, then another `---` line",
                                 at: at("content/posts/methods.md", 1, 1))])
    }

    /// Two articles that would be written to one file: the second in path order is reported,
    /// naming the first, at its first line.
    @Test func twoArticlesWithOneOutputPath() throws {
        let found = try diagnostics { site in
            try site.write("content/posts/zz-copy.md", "---\ntitle: A copy\ndate: 2026-10-14\nslug: methods\n---\nBody.\n")
        }
        #expect(found == [.error("this article and content/posts/methods.md would both be written to posts/methods/index.html: give one a different `slug`",
                                 at: at("content/posts/zz-copy.md", 1, 1))])
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        let site = try makeExampleSite()
        let text = "---\r\ntitle: Methods\r\ndate: 2026-10-13\r\n---\r\n## Sources\r\n\r\nKaplan et al. (2020) give `C ≈ 6·N·D`.\r\n"
        try site.write("content/posts/methods.md", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        try site.write("content/data/models.csv", bytes: [0xEF, 0xBB, 0xBF] + Array("name,parameters [param]\r\nPaLM,540e9\r\n".utf8))
        let report = site.build()
        #expect(report.diagnostics == [])
        let clean = try makeExampleSite()
        _ = clean.build()
        #expect(site.read("public/posts/methods/index.html") == clean.read("public/posts/methods/index.html"))
    }

    @Test func templateThatIsNotWellFormed() throws {
        let found = try diagnostics { site in
            try site.write("templates/partials/nav.html",
                           "<nav xmlns=\"http://www.w3.org/1999/xhtml\">\n  <a>home</b>\n</nav>\n")
        }
        #expect(found == [.error("malformed XML: opening and ending tag mismatch: a line 2 and b",
                                 at: at("templates/partials/nav.html", 2, 10))])
    }

    @Test func namedEntityInTemplate() throws {
        let found = try diagnostics { site in
            try site.write("templates/partials/nav.html",
                           "<nav xmlns=\"http://www.w3.org/1999/xhtml\">\n  <p>價格&nbsp;表</p>\n</nav>\n")
        }
        #expect(found == [.error("named entity `&nbsp;` is not defined in XHTML templates: write the character itself or `&#160;` (U+00A0)",
                                 at: at("templates/partials/nav.html", 2, 8))])
    }

    @Test func unknownDirective() throws {
        let found = try diagnostics { site in
            try site.write("templates/partials/nav.html",
                           "<nav xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:r=\"urn:reckon:template\">\n  <a r:iff=\"site.title\">home</a>\n</nav>\n")
        }
        #expect(found == [.error("unknown directive `r:iff`: did you mean `r:if`?",
                                 at: at("templates/partials/nav.html", 2, 6))])
    }

    @Test func missingLayout() throws {
        let found = try diagnostics { site in
            try site.write("content/posts/methods.md", "---\ntitle: Methods\nlayout: report.html\n---\nBody.\n")
        }
        #expect(found == [.error("layout `report.html` not found in templates/", at: at("content/posts/methods.md", 3, 9))])
    }

    @Test func missingPartial() throws {
        let found = try diagnostics { site in
            let base = site.read("templates/base.html")!.replacingOccurrences(of: "partials/nav.html", with: "partials/menu.html")
            try site.write("templates/base.html", base)
        }
        #expect(found == [.error("partial `partials/menu.html` not found in templates/", at: at("templates/base.html", 3, 23))])
    }

    @Test func includeCycle() throws {
        let found = try diagnostics { site in
            try site.write("templates/partials/nav.html",
                           "<nav xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:r=\"urn:reckon:template\"><p r:include=\"partials/more.html\"/></nav>\n")
            try site.write("templates/partials/more.html",
                           "<p xmlns=\"http://www.w3.org/1999/xhtml\" xmlns:r=\"urn:reckon:template\"><span r:include=\"partials/nav.html\"/></p>\n")
        }
        #expect(found == [.error("include cycle: partials/nav.html → partials/more.html → partials/nav.html",
                                 at: at("templates/partials/more.html", 1, 88))])
    }

    @Test func linkToMissingArticle() throws {
        let found = try diagnostics { site in
            try site.write("content/posts/methods.md", "---\ntitle: Methods\n---\n## Sources\n\nSee the [算力 notes](compute.md).\n")
        }
        #expect(found == [.error("link to a missing article: `compute.md` (no file content/posts/compute.md)",
                                 at: at("content/posts/methods.md", 6, 9))])
    }

    /// A link to an article that did not load is its error's business: not reported again,
    /// and the article's Markdown is not taken for a file to copy.
    @Test func linkToAnArticleThatDidNotLoad() throws {
        let site = try makeExampleSite()
        let clean = site.build()
        #expect(clean.diagnostics == [])
        try site.write("content/posts/methods.md", "---\ntitle: Methods\ndate: 2026-13-45\n---\nBody.\n")
        try site.write("content/posts/notes.md",
                       "---\ntitle: Notes\ndate: 2026-10-14\n---\nSee [the methods](methods.md) and [its sources](methods.md#sources).\n")
        let report = site.build()
        #expect(report.failed)
        #expect(report.diagnostics == [.error("`2026-13-45` is not a date: write it as YYYY-MM-DD",
                                              at: at("content/posts/methods.md", 3, 7))])
        #expect(report.copiedFiles == clean.copiedFiles)
    }

    @Test func csvRowWithWrongNumberOfCells() throws {
        let found = try diagnostics { site in
            try site.write("content/data/models.csv", "name,parameters [param]\nPaLM,540e9\nGPT-3,175e9,2020\n")
        }
        #expect(found == [.error("row has 3 cells but the header has 2: remove the extra cells, or quote a cell that contains a comma", at: at("content/data/models.csv", 3, 13))])
    }

    /// A YAML error (load), a bad CSV cell count (compute) and a missing link target (render)
    /// in three files: exactly three diagnostics, sorted by file.
    @Test func errorsFromThreePhasesAreReportedTogetherAndSorted() throws {
        let found = try diagnostics { site in
            try site.write("content/posts/methods.md", "---\ntitle: [Methods\n---\nBody.\n")
            try site.write("content/data/models.csv", "name,parameters [param]\nPaLM\n")
            let palm = site.read("content/posts/palm.md")!.replacingOccurrences(of: "methods.md#sources", with: "method.md")
            try site.write("content/posts/palm.md", palm)
        }
        #expect(found.map(\.location) == [
            at("content/data/models.csv", 2, 5),
            at("content/posts/methods.md", 3, 1),
            at("content/posts/palm.md", 9, 37),
        ])
        #expect(found.count == 3)
    }

    @Test func outputFolderMayNotHoldTheContent() throws {
        let site = try makeExampleSite()
        let report = SiteBuilder.build(BuildOptions(siteDirectory: site.root, outputDirectory: site.root))
        #expect(report.diagnostics == [.error(
            "the output folder \(site.root.path) would overwrite or sit inside content/: choose another --output",
            at: SourceLocation(file: "content"))])
    }
}
