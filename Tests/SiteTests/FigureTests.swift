import Diagnostics
import Foundation
import Site
import Testing

/// A theme whose article pages print the body, then `page.figures` (each with its id, so the
/// figures' `#figure-N` links resolve), and whose index lists the pages.
let formulaTheme = bareLayout + """

-- templates/article.html --
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:layout="base.html">
<article r:fill="main"><div r:content="page.content"/><ol><li r:each="f in page.figures" r:id="f.id"><b r:text="f.text">x</b> = <code r:text="f.formula">f</code><i r:each="i in f.inputs" r:text="'; ' + i">i</i></li></ol></article>
</html>
-- templates/index.html --
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:layout="base.html">
<ul r:fill="main"><li r:each="p in pages"><a r:href="p.url" r:text="p.title">x</a></li></ul>
</html>
"""

let formulaSiteYAML = siteYAML(title: "Reckoning")

/// Rows of `../shared/facts/models.csv` (values as there; a few columns, typed with units).
let modelsCSV = """

-- content/data/models.csv --
name,organization,release_date,parameters [param],training_tokens [token],training_compute [FLOP],chip_count [chip],training_hours [h],chip_hours [chip·h],reported_cost [USD]
AlexNet,University of Toronto,2012-09-30,60000000,,4.7e17,2,132,264,
AlphaGo Zero,DeepMind,2017-10-18,46400244,,3.41e23,,,,
GPT-3 175B (davinci),OpenAI,2020-05-28,175000000000,300000000000,3.14e23,10000,355.2,3552000,4600000
PaLM (540B),Google Research,2022-04-04,540350000000,780000000000,2.5272e24,6144,1536,8404992,
GPT-4,OpenAI,2023-03-15,,,2.1e25,25000,2280,,100000000
"""

/// The page the figure tests build, and its expected HTML.
let palmPage = """

-- content/posts/palm.md --
---
title: "PaLM"
date: 2026-10-01
---
```compute
palm = models["PaLM (540B)"]
flops = training_flops(palm.parameters, palm.training_tokens)
```

PaLM has `= palm.parameters`, trained for `= flops`; the table says `= palm.training_compute`.
"""

@Suite struct FigureTests {
    func at(_ file: String, _ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// The figure's link (formula and inputs in its title), the definitions block, and the
    /// `page.figures` list; the inputs of `flops` are followed through `palm` to the cells.
    @Test func figuresAndDefinitionsAreRenderedExactly() throws {
        let site = try Fixture(formulaTheme + formulaSiteYAML + modelsCSV + palmPage)
        #expect(site.build(now: november2026).diagnostics == [])
        // 6 × 540.35e9 × 780e9 = 2.528838e24 → 2.53 × 10²⁴ (3 significant digits).
        expectFile(site, "public/posts/palm/index.html", """
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>PaLM</title></head>
<body><article><div><details class="compute"><summary>Definitions used on this page</summary><dl><dt><code>palm</code></dt><dd><code>models["PaLM (540B)"]</code> = models[PaLM (540B)]</dd><dt><code>flops</code></dt><dd><code>training_flops(palm.parameters, palm.training_tokens)</code> = 2.53 × 10²⁴ FLOP</dd></dl></details>
<p>PaLM has <a class="figure" href="#figure-1" title="= palm.parameters ← models[PaLM (540B)].parameters = 540 billion params">540 billion params</a>, trained for <a class="figure" href="#figure-2" title="= flops ← models[PaLM (540B)].parameters = 540 billion params; models[PaLM (540B)].training_tokens = 780 billion tokens">2.53 × 10²⁴ FLOP</a>; the table says <a class="figure" href="#figure-3" title="= palm.training_compute ← models[PaLM (540B)].training_compute = 2.53 × 10²⁴ FLOP">2.53 × 10²⁴ FLOP</a>.</p>
</div><ol><li id="figure-1"><b>540 billion params</b> = <code>palm.parameters</code><i>; models[PaLM (540B)].parameters = 540 billion params</i></li><li id="figure-2"><b>2.53 × 10²⁴ FLOP</b> = <code>flops</code><i>; models[PaLM (540B)].parameters = 540 billion params</i><i>; models[PaLM (540B)].training_tokens = 780 billion tokens</i></li><li id="figure-3"><b>2.53 × 10²⁴ FLOP</b> = <code>palm.training_compute</code><i>; models[PaLM (540B)].training_compute = 2.53 × 10²⁴ FLOP</i></li></ol></article></body>
</html>

""")
    }

    /// CHECKS.md's figures (#6, #8, #22, #27) and the arithmetic behind the claims, as figures.
    @Test(arguments: [
        // #6: 6144 × 1200 + 3072 × 336 = 7,372,800 + 1,032,192 = 8,404,992.
        ("chip_hours(6144, 1200) + chip_hours(3072, 336) | round(0)", "8,404,992 chip·h"),
        ("chip_hours(6144, 1200) + chip_hours(3072, 336)", "8.4 million chip·h"),
        // #8: 9e6 ÷ 8,404,992 = 1.0708; 17e6 ÷ 8,404,992 = 2.0226.
        ("9e6..17e6 [USD] / models[\"PaLM (540B)\"].chip_hours", "$1.07–2.02/(chip·h)"),
        // #22: 37,000 ÷ (8 × 730) = 6.3356.
        ("37000 [USD] / (8 [chip] * 730 [h])", "$6.34/(chip·h)"),
        // #27: 50,000 × 20 W = 1e6 W.
        ("50000 * 20 [W]", "1 MW"),
        // #20: 3.41e23 ÷ 4.7e17 = 725,532.
        ("models[\"AlphaGo Zero\"].training_compute / models[\"AlexNet\"].training_compute", "726,000"),
        // #2: 3.14e23 ÷ 28e12 s × $1.50/h = 3,115,079 h × 1.5 = $4,672,619.
        ("models[\"GPT-3 175B (davinci)\"].training_compute / (28e12 [FLOP/s/chip]) * 1.5 [USD/(chip·h)]", "$4.67 million"),
        // #25: 86e9 × 7000 = 6.02e14.
        ("86e9 * 7000", "602 trillion"),
    ])
    func figureText(formula: String, text: String) throws {
        let site = try Fixture(formulaTheme + formulaSiteYAML + modelsCSV)
        try site.write("content/posts/f.md", article("F", "Value: `= \(formula)`."))
        #expect(site.build(now: november2026).diagnostics == [])
        let page = try #require(site.read("public/posts/f/index.html"))
        #expect(page.contains("<li id=\"figure-1\"><b>\(text)</b>"), "\(page)")
    }

    /// A row key that names no row: the error is at the `[` and suggests the row.
    @Test func wrongRowKeyIsAnErrorWithASuggestion() throws {
        let site = try Fixture(formulaTheme + formulaSiteYAML + modelsCSV)
        try site.write("content/posts/f.md", article("F", "PaLM has `= models[\"PaLM\"].parameters`."))
        let report = site.build(now: november2026)
        #expect(report.failed)
        // Line 5 is the body's first line; `[` is its 19th character.
        #expect(report.diagnostics == [.error("no row `PaLM` in the table `models`: did you mean `PaLM (540B)`?",
                                              at: at("content/posts/f.md", 5, 19))])
        #expect(site.files(under: "public") == [])
    }

    @Test func figureWithAMissingInputIsAnError() throws {
        let site = try Fixture(formulaTheme + formulaSiteYAML + modelsCSV)
        // GPT-4's parameters cell is empty.
        try site.write("content/posts/f.md", article("F", "GPT-4 has `= models[\"GPT-4\"].parameters`."))
        let report = site.build(now: november2026)
        #expect(report.failed)
        #expect(report.diagnostics == [.error("the figure `models[\"GPT-4\"].parameters` has no value: an input is missing",
                                              at: at("content/posts/f.md", 5, 14))])
    }

    @Test func unitErrorInAFigureIsAtTheOperator() throws {
        let site = try Fixture(formulaTheme + formulaSiteYAML + modelsCSV)
        try site.write("content/posts/f.md", article("F", "Nonsense: `= 1 [USD] + 1 [FLOP]`."))
        let report = site.build(now: november2026)
        #expect(report.diagnostics == [.error("cannot add USD and FLOP", at: at("content/posts/f.md", 5, 22))])
    }

    @Test func unknownNameInAFigureSuggestsADefinition() throws {
        let site = try Fixture(formulaTheme + formulaSiteYAML + modelsCSV + palmPage)
        try site.write("content/posts/g.md", article("G", "```compute\nflops = 2 [FLOP]\n```\n\nUsed: `= flps`."))
        let report = site.build(now: november2026)
        #expect(report.diagnostics == [.error("unknown name `flps`; did you mean `flops`?", at: at("content/posts/g.md", 9, 10))])
    }

    /// The same figures on an English page and its zh-Hant translation: 萬 = 10⁴, 億 = 10⁸,
    /// 兆 = 10¹² (DESIGN.md §4) against billion and trillion.
    @Test func figuresFollowThePageLanguage() throws {
        let figures = "`= models[\"PaLM (540B)\"].parameters`, `= models[\"GPT-3 175B (davinci)\"].reported_cost`, `= 9e6..17e6 [USD]`, `= 86e9 * 7000`."
        let site = try Fixture(formulaTheme + formulaSiteYAML + modelsCSV)
        try site.write("content/posts/n.md", article("Numbers", figures))
        try site.write("content/posts/n.zh-Hant.md", article("數字", figures))
        #expect(site.build(now: november2026).diagnostics == [])
        func texts(_ path: String) throws -> [String] {
            let page = try #require(site.read(path))
            return page.components(separatedBy: "<b>").dropFirst().map { String($0.prefix { $0 != "<" }) }
        }
        #expect(try texts("public/posts/n/index.html") == ["540 billion params", "$4.6 million", "$9–17 million", "602 trillion"])
        #expect(try texts("public/zh-hant/posts/n/index.html") == ["5400億個參數", "460萬美元", "900–1700萬美元", "602兆"])
    }
}
