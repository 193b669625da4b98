import Diagnostics
import Foundation
import Site
import Testing

/// `chart` blocks in articles: the spec read from YAML with positions, data from tables, the
/// trend fitted by the formula library, the figure in place and a standalone SVG beside it.
@Suite struct ChartBlockTests {
    static let data = """

    -- content/data/runs.csv --
    name,date,params [param],cost [USD]
    a,2020-01-01,1e9,1e4
    b,2021-01-01,1e10,1e6
    c,2022-01-01,1e11,1e8
    """

    func site(_ chart: String) throws -> Fixture {
        let site = try makeExampleSite()
        let fixture = exampleSite + Self.data
        _ = fixture
        try site.write("content/data/runs.csv", "name,date,params [param],cost [USD]\na,2020-01-01,1e9,1e4\nb,2021-01-01,1e10,1e6\nc,2022-01-01,1e11,1e8\n")
        try site.write("content/posts/chart.md", "---\ntitle: Chart\ndate: 2026-10-01\n---\nIntro.\n\n```chart\n\(chart)```\n")
        return site
    }

    @Test func aPowerTrendIsFittedAndTheChartIsWrittenTwice() throws {
        let site = try site("""
            data: runs
            mark: point
            x: { field: params, scale: log, title: Parameters }
            y: { field: cost, scale: log }
            trend: power
            title: Cost against parameters

            """)
        let report = site.build()
        #expect(report.diagnostics == [])
        #expect(report.charts == 1)
        let page = site.read("public/posts/chart/index.html") ?? ""
        // y = 1e-14 · x² exactly: exponent 2, R² 1.
        #expect(page.contains("exponent 2.00, R² = 1.00"))
        #expect(page.contains("<svg") && page.contains("role=\"img\"") && page.contains("aria-labelledby=\"chart-1-title chart-1-desc\""))
        #expect(page.contains("<p class=\"chart-download\"><a href=\"/reports/posts/chart/chart-1.svg\">Download this chart (SVG)</a></p>"))
        let svg = site.read("public/posts/chart/chart-1.svg") ?? ""
        #expect(svg.hasPrefix("<?xml") || svg.hasPrefix("<svg"))
        #expect(svg.contains("xmlns=\"http://www.w3.org/2000/svg\""))
    }

    @Test func anExponentialTrendOnATimeAxisGivesItsDoublingTime() throws {
        // ×100 a year: doubling every 12 · ln 2 / ln 100 = 1.8 months.
        let site = try site("""
            data: runs
            mark: point
            x: { field: date, scale: time }
            y: { field: cost, scale: log }
            trend: exponential

            """)
        #expect(site.build().diagnostics == [])
        #expect((site.read("public/posts/chart/index.html") ?? "").contains("doubling every 1.8 months, R² = 1.00"))
    }

    @Test func anUnknownKeyIsAnErrorAtItsLineAndColumn() throws {
        let site = try site("""
            data: runs
            mark: point
            x: { field: params, sacle: log }
            y: { field: cost }

            """)
        #expect(site.build().diagnostics == [.error("unknown key `sacle`: did you mean `scale`?",
                                                    at: SourceLocation(file: "content/posts/chart.md", line: 10, column: 21))])
    }

    @Test func aFieldMissingFromTheDataIsAnErrorAtTheField() throws {
        let site = try site("""
            data: runs
            mark: point
            x: { field: params }
            y: { field: costs }

            """)
        let found = site.build().diagnostics
        #expect(found.count == 1)
        #expect(found.first?.location == SourceLocation(file: "content/posts/chart.md", line: 11, column: 13))
        #expect(found.first?.message.hasPrefix("chart: ") == true)
        #expect(found.first?.message.contains("costs") == true)
    }

    @Test func aWhereFormulaKeepsRowsAndItsErrorsHavePositions() throws {
        let site = try site("""
            data: runs
            where: cost > 1e5 [USD]
            mark: bar
            x: { field: name }
            y: { field: cost }

            """)
        #expect(site.build().diagnostics == [])
        let page = site.read("public/posts/chart/index.html") ?? ""
        #expect(!page.contains(">a</td>") && page.contains(">b</td>") && page.contains(">c</td>"))

        let broken = try self.site("""
            data: runs
            where: cost > 1e5 [FLOP]
            mark: bar
            x: { field: name }
            y: { field: cost }

            """)
        #expect(broken.build().diagnostics == [.error("cannot compare USD and FLOP",
                                                      at: SourceLocation(file: "content/posts/chart.md", line: 9, column: 13))])
    }
}
