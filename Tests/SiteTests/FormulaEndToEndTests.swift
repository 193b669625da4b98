import Diagnostics
import Foundation
import Site
import Testing

/// One CSV cell changes; the figure and the verdict computed from it change with it.
@Suite struct FormulaEndToEndTests {
    static let page = """

-- content/posts/palm.md --
---
title: "PaLM"
date: 2026-10-01
---
PaLM's 6ND is `= training_flops(models["PaLM (540B)"].parameters, models["PaLM (540B)"].training_tokens)`.

```check
- label: PaLM's training compute
  stated: 2.56e24 [FLOP]
  computed: training_flops(models["PaLM (540B)"].parameters, models["PaLM (540B)"].training_tokens)
  tolerance: 5%
```
"""

    func palmPage(_ site: Fixture) throws -> String {
        try #require(site.read("public/posts/palm/index.html"))
    }

    /// 540.35e9 → 54.035e9 parameters: 6ND falls to 2.528838e23 and the claim fails
    /// (2.56e24 ÷ 2.528838e23 − 1 = +912%): an error, and public/ stays as it was.
    /// 540.35e9 → 550e9: 6 × 550e9 × 780e9 = 2.574e24, off 2.56 ÷ 2.574 − 1 = −0.54%: it holds,
    /// and the page shows the new figure and the new numbers.
    @Test func changingOneCellChangesTheFigureAndTheVerdict() throws {
        let site = try Fixture(formulaTheme + formulaSiteYAML + modelsCSV + Self.page)
        let first = site.build(now: november2026)
        #expect(first.diagnostics == [])
        #expect(first.checks.map { [$0.computed, $0.offBy, $0.verdict] } == [["2.53 × 10²⁴ FLOP", "+1.2%", "holds"]])
        let before = try palmPage(site)
        #expect(before.contains("<li id=\"figure-1\"><b>2.53 × 10²⁴ FLOP</b>"))
        #expect(before.contains("<aside class=\"check check-holds\" id=\"check-1\">"))
        #expect(before.contains("<dd>+1.2% (tolerance 5%)</dd>"))
        let snapshot = site.snapshot("public")
        let csv = try #require(site.read("content/data/models.csv"))

        try site.write("content/data/models.csv", csv.replacingOccurrences(of: "PaLM (540B),Google Research,2022-04-04,540350000000,",
                                                                          with: "PaLM (540B),Google Research,2022-04-04,54035000000,"))
        let failed = site.build(now: november2026)
        #expect(failed.failed)
        #expect(failed.diagnostics == [.error(
            "check “PaLM's training compute” fails: stated 2.56 × 10²⁴ FLOP, computed 2.53 × 10²³ FLOP (off by +912%, tolerance 5%)",
            at: SourceLocation(file: "content/posts/palm.md", line: 8, column: 10))])
        #expect(failed.checks.map { [$0.computed, $0.offBy, $0.verdict] } == [["2.53 × 10²³ FLOP", "+912%", "fails"]])
        #expect(site.snapshot("public") == snapshot, "a failed build must leave public/ untouched")

        try site.write("content/data/models.csv", csv.replacingOccurrences(of: "PaLM (540B),Google Research,2022-04-04,540350000000,",
                                                                          with: "PaLM (540B),Google Research,2022-04-04,550000000000,"))
        let second = site.build(now: november2026)
        #expect(second.diagnostics == [])
        let after = try palmPage(site)
        #expect(after.contains("<li id=\"figure-1\"><b>2.57 × 10²⁴ FLOP</b>"))
        #expect(after.contains("title=\"= training_flops(models[&quot;PaLM (540B)&quot;].parameters, models[&quot;PaLM (540B)&quot;].training_tokens) ← models[PaLM (540B)].parameters = 550 billion params; models[PaLM (540B)].training_tokens = 780 billion tokens\">2.57 × 10²⁴ FLOP</a>"))
        #expect(after.contains("<dd>2.57 × 10²⁴ FLOP</dd><dt>Off by</dt><dd>−0.5% (tolerance 5%)</dd>"))
        #expect(!after.contains("2.53 × 10²⁴"))
        // The published table (issue 7: generated from the typed table) has the new cell.
        #expect(site.read("public/data/models.csv")?.contains("\nPaLM (540B),Google Research,2022-04-04,550000000000,") == true)
    }

    /// Runs `reckon` and returns its exit status and standard output.
    static func runCapturingOutput(_ arguments: [String], in folder: URL) throws -> (Int32, Data) {
        let executable: URL = try #require(builtExecutable("reckon"), "build the `reckon` product first")
        let result = try runToEnd(executable, arguments, environment: [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "TZ": "UTC",
            "SOURCE_DATE_EPOCH": "1793491200"], in: folder)
        return (result.status, result.standardOutput)
    }

    /// `reckon check --format json`: every verdict, with its numbers and inputs; nothing written.
    @Test func checkCommandPrintsEveryVerdictAsJSON() throws {
        let site = try Fixture(checksTheme + formulaSiteYAML + modelsCSV + cloudPricesCSV + claimsPage)
        let (status, data) = try Self.runCapturingOutput(["check", ".", "--format", "json"], in: site.root)
        #expect(status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((json["diagnostics"] as? [Any])?.isEmpty == true)
        let checks = try #require(json["checks"] as? [[String: Any]])
        #expect(checks.map { $0["label"] as? String } == [
            "#1 cost ∝ N², on the article's own pair", "#2 GPT-3 cost $12M", "#10 GPT-3 cost $4.6M", "#7 PaLM 2.56e24 FLOP",
            "#6 PaLM chip-hours", "#20 300,000× from AlexNet to AlphaGo Zero", "#23 10,000 A100 for a month ≈ $46M",
            "#25 6000萬億 brain connections", "大腦連接",
        ])
        #expect(checks.map { $0["verdict"] as? String } == ["holds", "fails", "holds", "holds", "holds", "holds", "holds", "fails", "fails"])
        #expect(checks.map { $0["expected"] as? String } == ["holds", "fails", "holds", "holds", "holds", "holds", "holds", "fails", "fails"])
        #expect(checks.map { $0["off_by"] as? String } == ["−0.02", "+157%", "−1.6%", "+1.2%", "0%", "−0.38 orders", "−0.5%", "+897%", "+897%"])
        let palm = checks[3]
        #expect(palm["file"] as? String == "content/posts/claims.md")
        #expect(palm["line"] as? Int == 25)
        #expect(palm["column"] as? Int == 11)
        #expect(palm["page"] as? String == "/posts/claims/#check-4")
        #expect(palm["stated"] as? String == "2.56 × 10²⁴ FLOP")
        #expect(palm["computed"] as? String == "2.53 × 10²⁴ FLOP")
        #expect(palm["tolerance"] as? String == "5%")
        #expect(palm["formula"] as? String == "training_flops(models[\"PaLM (540B)\"].parameters, models[\"PaLM (540B)\"].training_tokens)")
        #expect(palm["inputs"] as? [String] == ["models[PaLM (540B)].parameters = 540 billion params",
                                                "models[PaLM (540B)].training_tokens = 780 billion tokens"])
        #expect(site.files(under: "public") == [])
    }

    /// An unexpected verdict: exit 1, the diagnostic in `diagnostics`, the verdict in `checks`.
    @Test func checkCommandReportsAnUnexpectedVerdictAsJSON() throws {
        let site = try Fixture(checksTheme + formulaSiteYAML + modelsCSV + Self.page)
        let csv = try #require(site.read("content/data/models.csv"))
        try site.write("content/data/models.csv", csv.replacingOccurrences(of: ",540350000000,", with: ",54035000000,"))
        let (status, data) = try Self.runCapturingOutput(["check", ".", "--format", "json"], in: site.root)
        #expect(status == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?["file"] as? String == "content/posts/palm.md")
        #expect(diagnostics.first?["line"] as? Int == 8)
        #expect(diagnostics.first?["column"] as? Int == 10)
        #expect(diagnostics.first?["severity"] as? String == "error")
        #expect(diagnostics.first?["message"] as? String
                == "check “PaLM's training compute” fails: stated 2.56 × 10²⁴ FLOP, computed 2.53 × 10²³ FLOP (off by +912%, tolerance 5%)")
        let checks = try #require(json["checks"] as? [[String: Any]])
        #expect(checks.map { $0["verdict"] as? String } == ["fails"])
        #expect(checks.map { $0["expected"] as? String } == ["holds"])
    }
}
