import Diagnostics
import Foundation
import Site
import Testing

/// `formulaTheme` with a `/checks/` page listing every claim.
let checksTheme = formulaTheme + """

-- templates/checks.html --
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:layout="base.html">
<table r:fill="main"><tr r:each="c in checks" r:lang="c.lang"><td><a r:href="c.url" r:text="c.label">l</a></td><td r:text="c.page_title">p</td><td r:text="c.stated">s</td><td r:text="c.computed">c</td><td r:text="c.off_by">o</td><td r:text="c.tolerance">t</td><td r:text="c.verdict + '/' + c.expected">v</td><td r:text="c.source">src</td></tr></table>
</html>
"""

/// NVIDIA's DGX Cloud as the article states it (#22: 37000美元 a month for 8 GPUs; the launch
/// price in `../shared/facts/cloud_prices.csv` is $36,999).
let cloudPricesCSV = """

-- content/data/cloud_prices.csv --
offering,gpus_per_instance [chip],price_per_instance_month [USD]
NVIDIA DGX Cloud,8,37000
"""

/// Every arithmetic row of `../shared/facts/CHECKS.md` as a claim. The Lambda method's
/// 28e12 FLOP/s effective per V100 and $1.50 per V100-hour are its published assumptions.
let claimsPage = """

-- content/posts/claims.md --
---
title: "Claims"
date: 2026-10-01
---
```compute
gpt3 = models["GPT-3 175B (davinci)"]
lambda_cost = gpt3.training_compute / (28e12 [FLOP/s/chip]) * 1.5 [USD/(chip·h)]
dgx = cloud_prices["NVIDIA DGX Cloud"]
```

```check
- label: "#1 cost ∝ N², on the article's own pair"
  stated: 2
  computed: fit_power([175e9 [param], 500e9 [param]], [12e6 [USD], 100e6 [USD]]).exponent
  tolerance: ± 0.2
- label: "#2 GPT-3 cost $12M"
  stated: 12e6 [USD]
  computed: lambda_cost
  tolerance: 25%
  expect: fails
- label: "#10 GPT-3 cost $4.6M"
  stated: 4.6e6 [USD]
  computed: lambda_cost
  tolerance: 5%
- label: "#7 PaLM 2.56e24 FLOP"
  stated: 2.56e24 [FLOP]
  computed: training_flops(models["PaLM (540B)"].parameters, models["PaLM (540B)"].training_tokens)
  tolerance: 5%
- label: "#6 PaLM chip-hours"
  stated: 8404992 [chip·h]
  computed: chip_hours(6144, 1200) + chip_hours(3072, 336)
  tolerance: exact
- label: "#20 300,000× from AlexNet to AlphaGo Zero"
  stated: 3e5
  computed: models["AlphaGo Zero"].training_compute / models["AlexNet"].training_compute
  tolerance: 0.5 orders
- label: "#23 10,000 A100 for a month ≈ $46M"
  stated: 46e6 [USD]
  computed: 10000 [chip] / dgx.gpus_per_instance * dgx.price_per_instance_month
  tolerance: 2%
- label: "#25 6000萬億 brain connections"
  stated: 6000萬億
  computed: 86e9 * 7000
  tolerance: 10%
  expect: fails
```
-- content/posts/claims.zh-Hant.md --
---
title: "主張"
date: 2026-10-01
---
```check
- label: 大腦連接
  stated: 6000萬億
  computed: 86e9 * 7000
  tolerance: 10%
  expect: fails
```
"""

/// A check's fields as strings, for comparison.
func describe(_ check: CheckResult) -> [String] {
    [check.label, check.location.description, check.pageURL + "#" + check.anchor, check.stated, check.computed,
     check.offBy, check.tolerance, check.verdict, check.expected] + check.inputs
}

@Suite struct CheckTests {
    func at(_ file: String, _ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// Builds the models table and one page whose body is `body`.
    func build(_ body: String) throws -> (Fixture, BuildReport) {
        let site = try Fixture(checksTheme + formulaSiteYAML + modelsCSV)
        try site.write("content/posts/t.md", article("T", body))
        return (site, site.build(now: november2026))
    }

    /// The verdicts of CHECKS.md, each number recomputed by hand:
    /// #1 ln(100/12) ÷ ln(500/175) = 2.1203 ÷ 1.0498 = 2.0197, off 2 − 2.0197 = −0.02;
    /// #2 3.14e23 ÷ 28e12 s = 3,115,079 h × $1.50 = $4,672,619; 12e6 ÷ 4,672,619 − 1 = +156.8%;
    /// #10 4.6e6 ÷ 4,672,619 − 1 = −1.55% (CHECKS.md's −1.5% divides by the rounded $4.67M);
    /// #7 6 × 540.35e9 × 780e9 = 2.528838e24; 2.56e24 ÷ 2.528838e24 − 1 = +1.23%;
    /// #6 6144 × 1200 + 3072 × 336 = 8,404,992 exactly;
    /// #20 3.41e23 ÷ 4.7e17 = 725,532; log₁₀(3e5 ÷ 725,532) = −0.3835 orders;
    /// #23 10,000 ÷ 8 × $37,000 = $46,250,000 (the exact tie 46.25 rounds away from zero: 46.3);
    ///     46e6 ÷ 46.25e6 − 1 = −0.54%;
    /// #25 86e9 × 7000 = 6.02e14; 6e15 ÷ 6.02e14 − 1 = +896.7%.
    @Test func everyClaimOfChecksMdHasItsVerdict() throws {
        let site = try Fixture(checksTheme + formulaSiteYAML + modelsCSV + cloudPricesCSV + claimsPage)
        let report = site.build(now: november2026)
        #expect(report.diagnostics == [])
        #expect(!report.failed)
        let file = "content/posts/claims.md"
        let expected: [[String]] = [
            ["#1 cost ∝ N², on the article's own pair", "\(file):12:11", "/posts/claims/#check-1",
             "2", "2.02", "−0.02", "± 0.2", "holds", "holds"],
            ["#2 GPT-3 cost $12M", "\(file):16:11", "/posts/claims/#check-2",
             "$12 million", "$4.67 million", "+157%", "25%", "fails", "fails",
             "models[GPT-3 175B (davinci)].training_compute = 3.14 × 10²³ FLOP"],
            ["#10 GPT-3 cost $4.6M", "\(file):21:11", "/posts/claims/#check-3",
             "$4.6 million", "$4.67 million", "−1.6%", "5%", "holds", "holds",
             "models[GPT-3 175B (davinci)].training_compute = 3.14 × 10²³ FLOP"],
            ["#7 PaLM 2.56e24 FLOP", "\(file):25:11", "/posts/claims/#check-4",
             "2.56 × 10²⁴ FLOP", "2.53 × 10²⁴ FLOP", "+1.2%", "5%", "holds", "holds",
             "models[PaLM (540B)].parameters = 540 billion params", "models[PaLM (540B)].training_tokens = 780 billion tokens"],
            ["#6 PaLM chip-hours", "\(file):29:11", "/posts/claims/#check-5",
             "8.4 million chip·h", "8.4 million chip·h", "0%", "exact", "holds", "holds"],
            ["#20 300,000× from AlexNet to AlphaGo Zero", "\(file):33:11", "/posts/claims/#check-6",
             "300,000", "726,000", "−0.38 orders", "0.5 orders", "holds", "holds",
             "models[AlphaGo Zero].training_compute = 3.41 × 10²³ FLOP", "models[AlexNet].training_compute = 4.7 × 10¹⁷ FLOP"],
            ["#23 10,000 A100 for a month ≈ $46M", "\(file):37:11", "/posts/claims/#check-7",
             "$46 million", "$46.3 million", "−0.5%", "2%", "holds", "holds",
             "cloud_prices[NVIDIA DGX Cloud].gpus_per_instance = 8 chips",
             "cloud_prices[NVIDIA DGX Cloud].price_per_instance_month = $37,000"],
            ["#25 6000萬億 brain connections", "\(file):41:11", "/posts/claims/#check-8",
             "6 × 10¹⁵", "602 trillion", "+897%", "10%", "fails", "fails"],
            ["大腦連接", "content/posts/claims.zh-Hant.md:6:10", "/zh-hant/posts/claims/#check-1",
             "6000兆", "602兆", "+897%", "10%", "fails", "fails"],
        ]
        #expect(report.checks.map(describe) == expected)
    }

    /// The verdict in place: numbers, the note of an expected failure, the formula and inputs.
    @Test func verdictsAreRenderedInPlace() throws {
        let (site, report) = try build("""
```check
- label: PaLM's compute
  stated: 2.56e24 [FLOP]
  computed: models["PaLM (540B)"].training_compute
  tolerance: 5%
- label: Brain connections
  stated: 6e15
  computed: 86e9 * 7000
  tolerance: 10%
  expect: fails
```
""")
        #expect(report.diagnostics == [])
        // 2.56e24 ÷ 2.5272e24 − 1 = +1.3%.
        expectFile(site, "public/posts/t/index.html", """
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>T</title></head>
<body><article><div><aside class="check check-holds" id="check-1"><p class="check-head"><span class="check-verdict">Holds</span> <span class="check-label">PaLM's compute</span></p><dl class="check-numbers"><dt>Stated</dt><dd>2.56 × 10²⁴ FLOP</dd><dt>Computed</dt><dd>2.53 × 10²⁴ FLOP</dd><dt>Off by</dt><dd>+1.3% (tolerance 5%)</dd></dl><details><summary>How it is computed</summary><p><code>models["PaLM (540B)"].training_compute</code></p><ul><li><code>models[PaLM (540B)].training_compute = 2.53 × 10²⁴ FLOP</code></li></ul></details></aside><aside class="check check-fails" id="check-2"><p class="check-head"><span class="check-verdict">Fails</span> <span class="check-label">Brain connections</span></p><dl class="check-numbers"><dt>Stated</dt><dd>6 × 10¹⁵</dd><dt>Computed</dt><dd>602 trillion</dd><dt>Off by</dt><dd>+897% (tolerance 10%)</dd></dl><p class="check-note">The report shows this claim to be false.</p><details><summary>How it is computed</summary><p><code>86e9 * 7000</code></p></details></aside>
</div><ol></ol></article></body>
</html>

""")
    }

    /// A claim marked `expect: fails` that holds is an error: the prose must be revisited.
    @Test func claimThatStartsToHoldIsAnError() throws {
        let (site, report) = try build("""
```check
- label: Brain connections
  stated: 6.02e14
  computed: 86e9 * 7000
  tolerance: 10%
  expect: fails
```
""")
        #expect(report.failed)
        #expect(report.diagnostics == [.error(
            "check “Brain connections” now holds: stated 602 trillion, computed 602 trillion (off by 0%, tolerance 10%); the report says it fails: revisit the prose and set `expect: holds`",
            at: at("content/posts/t.md", 6, 10))])
        #expect(report.checks.map(\.verdict) == ["holds"])
        #expect(site.files(under: "public") == [])
    }

    /// PaLM's stated 2.56e24 is 1.2% above 6ND: a 1% tolerance fails it.
    @Test func unexpectedFailureIsAnError() throws {
        let (_, report) = try build("""
```check
- label: PaLM's compute
  stated: 2.56e24 [FLOP]
  computed: training_flops(models["PaLM (540B)"].parameters, models["PaLM (540B)"].training_tokens)
  tolerance: 1%
```
""")
        #expect(report.failed)
        #expect(report.diagnostics == [.error(
            "check “PaLM's compute” fails: stated 2.56 × 10²⁴ FLOP, computed 2.53 × 10²⁴ FLOP (off by +1.2%, tolerance 1%)",
            at: at("content/posts/t.md", 6, 10))])
        #expect(report.checks.map(\.verdict) == ["fails"])
        #expect(report.checks.map(\.isExpected) == [false])
    }

    @Test func claimThatCannotBeComputedIsAnError() throws {
        let (_, report) = try build("""
```check
- label: GPT-4's size
  stated: 1.8e12 [param]
  computed: models["GPT-4"].parameters
  tolerance: 50%
```
""")
        #expect(report.diagnostics == [.error(
            "cannot compute “GPT-4's size”: the formula gives a missing value (an input is empty)",
            at: at("content/posts/t.md", 8, 13))])
        #expect(report.checks.isEmpty)
    }

    @Test func claimWithUnitsThatDoNotCompareIsAnError() throws {
        let (_, report) = try build("""
```check
- label: Apples and oranges
  stated: 12e6 [USD]
  computed: models["GPT-3 175B (davinci)"].training_compute
  tolerance: 5%
```
""")
        #expect(report.diagnostics == [.error("cannot compare “Apples and oranges”: stated in USD, computed in FLOP",
                                              at: at("content/posts/t.md", 8, 13))])
    }

    /// A stated range holds when the computed value is inside it, widened by the tolerance:
    /// PaLM at $1.50 per chip-hour is 8,404,992 × 1.5 = $12,607,488; 12e6 ÷ 12,607,488 − 1 = −4.8%;
    /// 10e6 ÷ 12,607,488 − 1 = −20.7%. A bound compares the computed 725,532 with 3e5.
    @Test func statedRangesAndBounds() throws {
        let (_, report) = try build("""
```check
- label: PaLM $9–17M
  stated: 9e6..17e6 [USD]
  computed: rental_cost(models["PaLM (540B)"].chip_hours, 1.5 [USD/(chip·h)])
  tolerance: 5%
- label: PaLM $9–12M
  stated: 9e6..12e6 [USD]
  computed: rental_cost(models["PaLM (540B)"].chip_hours, 1.5 [USD/(chip·h)])
  tolerance: 5%
- label: PaLM $9–10M
  stated: 9e6..10e6 [USD]
  computed: rental_cost(models["PaLM (540B)"].chip_hours, 1.5 [USD/(chip·h)])
  tolerance: 5%
  expect: fails
- label: more than 300,000×
  stated: "> 3e5"
  computed: models["AlphaGo Zero"].training_compute / models["AlexNet"].training_compute
- label: less than 300,000×
  stated: "<= 3e5"
  computed: models["AlphaGo Zero"].training_compute / models["AlexNet"].training_compute
  expect: fails
```
""")
        #expect(report.diagnostics == [])
        let rows = report.checks.map { [$0.label, $0.stated, $0.computed, $0.offBy, $0.verdict] }
        #expect(rows == [
            ["PaLM $9–17M", "$9–17 million", "$12.6 million", "0%", "holds"],
            ["PaLM $9–12M", "$9–12 million", "$12.6 million", "−4.8%", "holds"],
            ["PaLM $9–10M", "$9–10 million", "$12.6 million", "−21%", "fails"],
            ["more than 300,000×", "> 300,000", "726,000", "", "holds"],
            ["less than 300,000×", "<= 300,000", "726,000", "", "fails"],
        ])
    }

    @Test func badToleranceIsAnErrorAtItsText() throws {
        let (_, report) = try build("""
```check
- label: PaLM's compute
  stated: 2.56e24 [FLOP]
  computed: models["PaLM (540B)"].training_compute
  tolerance: 5 percent
```
""")
        #expect(report.diagnostics == [.error("tolerance `5 percent` is not one of 5%, 0.5 orders, ± 0.2, exact",
                                              at: at("content/posts/t.md", 9, 14))])
        #expect(report.checks.isEmpty)
    }

    @Test func unknownKeyInAClaimSuggestsTheKnownOne() throws {
        let (_, report) = try build("""
```check
- label: PaLM's compute
  stated: 2.56e24 [FLOP]
  computed: models["PaLM (540B)"].training_compute
  tolerence: 5%
```
""")
        // The claim is still judged, with the default tolerance (exact): 2.56 ÷ 2.5272 − 1 = +1.3%.
        #expect(report.diagnostics == [
            .error("check “PaLM's compute” fails: stated 2.56 × 10²⁴ FLOP, computed 2.53 × 10²⁴ FLOP (off by +1.3%, tolerance exact)",
                   at: at("content/posts/t.md", 6, 10)),
            .error("unknown key `tolerence`: did you mean `tolerance`?", at: at("content/posts/t.md", 9, 3)),
        ])
    }

    /// `/checks/` lists every claim of the site, in page order, each linking to its verdict and
    /// marked with its article's language (the page is in the site's, the claims in their own).
    @Test func checksPageListsEveryClaim() throws {
        let site = try Fixture(checksTheme + formulaSiteYAML + modelsCSV + cloudPricesCSV + claimsPage)
        #expect(site.build(now: november2026).diagnostics == [])
        func row(_ lang: String, _ url: String, _ label: String, _ page: String, _ stated: String, _ computed: String, _ off: String,
                 _ tolerance: String, _ verdict: String, _ source: String) -> String {
            "<tr lang=\"\(lang)\"><td><a href=\"\(url)\">\(label)</a></td><td>\(page)</td><td>\(stated)</td><td>\(computed)</td><td>\(off)</td><td>\(tolerance)</td><td>\(verdict)</td><td>\(source)</td></tr>"
        }
        let f = "content/posts/claims.md"
        let rows = [
            row("en", "/posts/claims/#check-1", "#1 cost ∝ N², on the article's own pair", "Claims", "2", "2.02", "−0.02", "± 0.2", "holds/holds", "\(f):12:11"),
            row("en", "/posts/claims/#check-2", "#2 GPT-3 cost $12M", "Claims", "$12 million", "$4.67 million", "+157%", "25%", "fails/fails", "\(f):16:11"),
            row("en", "/posts/claims/#check-3", "#10 GPT-3 cost $4.6M", "Claims", "$4.6 million", "$4.67 million", "−1.6%", "5%", "holds/holds", "\(f):21:11"),
            row("en", "/posts/claims/#check-4", "#7 PaLM 2.56e24 FLOP", "Claims", "2.56 × 10²⁴ FLOP", "2.53 × 10²⁴ FLOP", "+1.2%", "5%", "holds/holds", "\(f):25:11"),
            row("en", "/posts/claims/#check-5", "#6 PaLM chip-hours", "Claims", "8.4 million chip·h", "8.4 million chip·h", "0%", "exact", "holds/holds", "\(f):29:11"),
            row("en", "/posts/claims/#check-6", "#20 300,000× from AlexNet to AlphaGo Zero", "Claims", "300,000", "726,000", "−0.38 orders", "0.5 orders", "holds/holds", "\(f):33:11"),
            row("en", "/posts/claims/#check-7", "#23 10,000 A100 for a month ≈ $46M", "Claims", "$46 million", "$46.3 million", "−0.5%", "2%", "holds/holds", "\(f):37:11"),
            row("en", "/posts/claims/#check-8", "#25 6000萬億 brain connections", "Claims", "6 × 10¹⁵", "602 trillion", "+897%", "10%", "fails/fails", "\(f):41:11"),
            row("zh-Hant", "/zh-hant/posts/claims/#check-1", "大腦連接", "主張", "6000兆", "602兆", "+897%", "10%", "fails/fails", "content/posts/claims.zh-Hant.md:6:10"),
        ]
        expectFile(site, "public/checks/index.html", """
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>Checks</title></head>
<body><table>\(rows.joined())</table></body>
</html>

""")
    }

    /// CHECKS.md's two claims tested against Epoch's data (the file in `../shared/data`):
    /// 142 models have both parameters and a cost, fitted exponent 0.658 (R² 0.457); 77 models
    /// of 2012–2017 have a compute, doubling every ln 2 ÷ 1.01398 years = 8.21 months (of 730 h).
    /// Recomputed with Python's csv module and the same least squares.
    @Test func epochClaimsFailAsTheReportSays() throws {
        let epoch = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath()
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("../shared/data/epoch_notable_ai_models_2025-02-24.csv").standardized
        let site = try Fixture(checksTheme + formulaSiteYAML + """

-- content/data/epoch.yaml --
title: Notable AI Models
sources:
  - { title: "Epoch AI, Notable AI Models (2025-02-24)", url: "https://epoch.ai/data" }
-- content/posts/epoch.md --
---
title: "Epoch"
date: 2026-10-01
---
```compute
cost_fit = fit_power(column(epoch, 'Parameters'), column(epoch, 'Training compute cost (2023 USD)'))
early = where(where(epoch, 'Publication date', '>=', '2012-01-01'), 'Publication date', '<', '2018-01-01')
trend = fit_exponential(column(early, 'Publication date'), column(early, 'Training compute (FLOP)'))
```

Fitted on `= cost_fit.n` models (R² `= cost_fit.r2`); the trend on `= trend.n`.

```check
- label: cost ∝ N², on data
  stated: 2
  computed: cost_fit.exponent
  tolerance: ± 0.2
  expect: fails
- label: compute doubles every 3.4 months
  stated: 3.4 [month]
  computed: doubling_time(trend)
  tolerance: 25%
  expect: fails
```
""")
        try site.write("content/data/epoch.csv", bytes: Array(try Data(contentsOf: epoch)))
        let report = site.build(now: november2026)
        #expect(report.diagnostics == [])
        // (2 − 0.6582) ÷ 1 = +1.34; 3.4 ÷ 8.209 − 1 = −58.6%.
        #expect(report.checks.map(describe) == [
            ["cost ∝ N², on data", "content/posts/epoch.md:14:10", "/posts/epoch/#check-1",
             "2", "0.658", "+1.3", "± 0.2", "fails", "fails", "epoch = table of 895 rows"],
            ["compute doubles every 3.4 months", "content/posts/epoch.md:19:10", "/posts/epoch/#check-2",
             "3.4 months", "8.21 months", "−59%", "25%", "fails", "fails",
             "early = table of 210 rows", "epoch = table of 895 rows"],
        ])
        let page = try #require(site.read("public/posts/epoch/index.html"))
        #expect(page.contains("<li id=\"figure-1\"><b>142</b>"))
        #expect(page.contains("<li id=\"figure-2\"><b>0.457</b>"))
        #expect(page.contains("<li id=\"figure-3\"><b>77</b>"))
    }
}
