import Diagnostics
import Foundation
import Site
import Testing

/// `formulaTheme` whose article pages also list the tables the page's figures read.
let dataTheme = formulaTheme + """

-- templates/article.html --
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:layout="base.html">
<article r:fill="main"><div r:content="page.content"/><ol><li r:each="f in page.figures" r:id="f.id"><b r:text="f.text">x</b> = <code r:text="f.formula">f</code><i r:each="i in f.inputs" r:text="'; ' + i">i</i></li></ol><ul><li r:each="t in page.data_sources"><a r:href="t.url" r:text="t.title">t</a> <code r:text="t.name">n</code> <span r:text="t.rows">r</span><a r:each="s in t.sources" r:href="s.url" r:text="s.title">s</a></li></ul></article>
</html>
"""

/// The sidecar of `modelsCSV`: sources and a derived column, 6·N·D per row.
let modelsSidecar = """

-- content/data/models.yaml --
name: models
key: name
title: Notable models
sources:
  - { title: "Epoch AI, Notable AI Models", url: "https://epoch.ai/data" }
  - { title: "PaLM, Table 20", url: "https://arxiv.org/abs/2204.02311" }
derived:
  compute_6nd: training_flops(parameters, training_tokens)
"""

@Suite struct SiteDataTableTests {
    func at(_ file: String, _ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(file: file, line: line, column: column)
    }

    /// The sidecar's name, title and sources reach the page that reads the table; the derived
    /// column is computed per row: PaLM 6 × 540.35e9 × 780e9 = 2.528838e24, GPT-3 6 × 175e9 ×
    /// 300e9 = 3.15e23; rows without tokens get no value (2 of the 5 rows have one).
    @Test func sidecarAndDerivedColumn() throws {
        let site = try Fixture(dataTheme + formulaSiteYAML + modelsCSV + modelsSidecar + """

-- content/posts/d.md --
---
title: "D"
date: 2026-10-01
---
PaLM `= models["PaLM (540B)"].compute_6nd`, GPT-3 `= models["GPT-3 175B (davinci)"].compute_6nd`, rows with 6ND: `= count(column(models, 'compute_6nd'))`.
""")
        let report = site.build(now: november2026)
        #expect(report.diagnostics == [])
        #expect(report.tables == 1)
        #expect(report.tableRows == 5)
        expectFile(site, "public/posts/d/index.html", """
<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><title>D</title></head>
<body><article><div><p>PaLM <a class="figure" href="#figure-1" title="= models[&quot;PaLM (540B)&quot;].compute_6nd ← models[PaLM (540B)].compute_6nd = 2.53 × 10²⁴ FLOP">2.53 × 10²⁴ FLOP</a>, GPT-3 <a class="figure" href="#figure-2" title="= models[&quot;GPT-3 175B (davinci)&quot;].compute_6nd ← models[GPT-3 175B (davinci)].compute_6nd = 3.15 × 10²³ FLOP">3.15 × 10²³ FLOP</a>, rows with 6ND: <a class="figure" href="#figure-3" title="= count(column(models, 'compute_6nd')) ← models = table of 5 rows">2</a>.</p>
</div><ol><li id="figure-1"><b>2.53 × 10²⁴ FLOP</b> = <code>models["PaLM (540B)"].compute_6nd</code><i>; models[PaLM (540B)].compute_6nd = 2.53 × 10²⁴ FLOP</i></li><li id="figure-2"><b>3.15 × 10²³ FLOP</b> = <code>models["GPT-3 175B (davinci)"].compute_6nd</code><i>; models[GPT-3 175B (davinci)].compute_6nd = 3.15 × 10²³ FLOP</i></li><li id="figure-3"><b>2</b> = <code>count(column(models, 'compute_6nd'))</code><i>; models = table of 5 rows</i></li></ol><ul><li><a href="/data/models.csv">Notable models</a> <code>models</code> <span>5</span><a href="https://epoch.ai/data">Epoch AI, Notable AI Models</a><a href="https://arxiv.org/abs/2204.02311">PaLM, Table 20</a></li></ul></article></body>
</html>

""")
    }

    /// Without a sidecar a table is named after its file (`-` → `_`) and titled with the stem.
    @Test func tableWithoutSidecarIsNamedAfterItsFile() throws {
        let site = try Fixture(dataTheme + formulaSiteYAML + """

-- content/data/cloud-prices.csv --
offering,gpus_per_instance [chip],price_per_instance_month [USD]
NVIDIA DGX Cloud,8,37000
-- content/posts/d.md --
---
title: "D"
date: 2026-10-01
---
`= cloud_prices["NVIDIA DGX Cloud"].price_per_instance_month / (cloud_prices["NVIDIA DGX Cloud"].gpus_per_instance * 730 [h])`
""")
        #expect(site.build(now: november2026).diagnostics == [])
        let page = try #require(site.read("public/posts/d/index.html"))
        // 37,000 ÷ (8 × 730) = 6.3356.
        #expect(page.contains("<li id=\"figure-1\"><b>$6.34/(chip·h)</b>"))
        #expect(page.contains("<ul><li><a href=\"/data/cloud-prices.csv\">cloud-prices</a> <code>cloud_prices</code> <span>1</span></li></ul>"))
    }

    /// An error in a derived formula is at its place in the sidecar (the operator; a quoted
    /// formula counts its quote), reported once however many rows it fails on.
    @Test func derivedFormulaErrorIsAtTheSidecarsLineAndColumn() throws {
        let site = try Fixture(dataTheme + formulaSiteYAML + modelsCSV + """

-- content/data/models.yaml --
name: models
derived:
  compute_6nd: training_flops(parameters, training_tokens)
  bad: parameters + training_tokens
  worse: "reported_cost + 1 [FLOP]"
  parameters: 2 * parameters
""")
        let report = site.build(now: november2026)
        #expect(report.failed)
        #expect(report.diagnostics == [
            .error("cannot add param and token", at: at("content/data/models.yaml", 4, 19)),
            .error("cannot add USD and FLOP", at: at("content/data/models.yaml", 5, 25)),
            .error("derived column `parameters` is also a column of content/data/models.csv: rename one",
                   at: at("content/data/models.yaml", 6, 15)),
        ])
    }

    @Test func unknownSidecarKeySuggestsTheKnownOne() throws {
        let site = try Fixture(dataTheme + formulaSiteYAML + modelsCSV + """

-- content/data/models.yaml --
name: models
sourses: []
""")
        #expect(site.build(now: november2026).diagnostics == [
            .error("unknown key `sourses`: did you mean `sources`?", at: at("content/data/models.yaml", 2, 1)),
        ])
    }

    @Test func unknownUnitInAHeaderIsAnErrorAtTheUnit() throws {
        let site = try Fixture(dataTheme + formulaSiteYAML + """

-- content/data/hardware.csv --
accelerator,peak [FLOP/s/chp],tdp [W]
NVIDIA V100 SXM2,125e12,300
""")
        #expect(site.build(now: november2026).diagnostics == [.error(
            "unknown unit in the header `peak [FLOP/s/chp]`: unknown unit `chp`: known units include FLOP, FLOP/s, s, h, day, month, year, J, W, kWh, PF-day, param, token, chip, byte, GB, a currency code (USD) and SI prefixes (TFLOP/s)",
            at: at("content/data/hardware.csv", 1, 26))])
    }

    @Test func badCellInAUnitColumnIsAnErrorAtTheCell() throws {
        let site = try Fixture(dataTheme + formulaSiteYAML + """

-- content/data/hardware.csv --
accelerator,peak [FLOP/s/chip],tdp [W]
NVIDIA V100 SXM2,125e12,300
NVIDIA A100 SXM4 80GB,312e12,4OO
NVIDIA H100 SXM5 80GB,about 1e15,700
""")
        #expect(site.build(now: november2026).diagnostics == [
            .error("`4OO` in column `tdp` [W]: unexpected `O` in a number: write numbers as 1.2e9, 1,200, 175B, 1750億 or 9e6..17e6",
                   at: at("content/data/hardware.csv", 3, 31)),
            .error("`about 1e15` is not a number; column `peak` has unit FLOP/s/chip", at: at("content/data/hardware.csv", 4, 23)),
        ])
    }

    /// Every table is published under `data/` as CSV and JSON with its derived columns (see
    /// DataDownloadTests), whether or not a page reads it; the sidecars are not.
    @Test func everyCSVIsPublished() throws {
        let site = try Fixture(dataTheme + formulaSiteYAML + modelsCSV + modelsSidecar + cloudPricesCSV + """

-- content/posts/d.md --
---
title: "D"
date: 2026-10-01
---
No figures.
""")
        #expect(site.build(now: november2026).diagnostics == [])
        #expect(site.files(under: "public/data") == ["cloud_prices.csv", "cloud_prices.json", "models.csv", "models.json"])
        #expect(site.read("public/data/models.csv")?.hasPrefix("name,organization,release_date,parameters [param],training_tokens [token],training_compute [FLOP],chip_count [chip],training_hours [h],chip_hours [chip·h],reported_cost [USD],compute_6nd [FLOP]\n") == true)
        #expect(site.read("public/data/models.csv")?.contains("\nPaLM (540B),Google Research,2022-04-04,540350000000,780000000000,2.5272e+24,6144,1536,8404992,,2.528838e+24\n") == true)
    }
}

@Suite struct SidecarKeyTests {
    /// A sidecar `key:` naming another column than the first keys the rows: `chips["A100"]`
    /// and `lookup(chips, "A100")` find the row by `name`, not by `rank`.
    @Test func aDeclaredKeyColumnIsUsedForRowLookup() throws {
        let site = try Fixture(dataTheme + formulaSiteYAML + """

-- content/data/chips.csv --
rank,name,peak [FLOP/s/chip]
1,A100,312e12
2,V100,125e12
-- content/data/chips.yaml --
key: name
-- content/posts/c.md --
---
title: "C"
date: 2026-10-01
---
A100: `= chips["A100"].peak`; by lookup: `= lookup(chips, "V100").peak`.
""")
        #expect(site.build(now: november2026).diagnostics == [])
        let page = site.read("public/posts/c/index.html") ?? ""
        #expect(page.contains(">312 TFLOP/s/chip</a>"))
        #expect(page.contains(">125 TFLOP/s/chip</a>"))
        #expect(page.contains("chips[A100].peak = 312 TFLOP/s/chip"))
    }
}
