import Foundation
import Site
import Testing

/// A table with a key that is not the first column, units (one with an SI prefix), a range, a
/// missing cell, a text with a comma, and three derived columns (a quantity, a boolean, a text
/// or null).
let chipsTable = """

-- content/data/chips.csv --
rank,name,peak [TFLOP/s],tdp [W],price [USD/(chip·h)],note
1,A100,312,400,1.1..2.0,"SXM4, 80 GB"
2,V100,125,300,,
-- content/data/chips.yaml --
key: name
title: Accelerators
sources:
  - { title: "Datasheets", url: "https://example.org/sheets" }
derived:
  energy_day: tdp * 24 [h]
  fast: peak > 200 [TFLOP/s]
  label: if fast then name else null
"""

/// `dataTheme` whose article pages also link each table's JSON download.
let downloadTheme = formulaTheme + """

-- templates/article.html --
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:r="urn:reckon:template" r:layout="base.html">
<article r:fill="main"><div r:content="page.content"/><ol><li r:each="f in page.figures" r:id="f.id"><b r:text="f.text">x</b></li></ol><ul><li r:each="t in page.data_sources"><a r:href="t.url" r:text="t.title">t</a> <a r:href="t.json_url">JSON</a></li></ul></article>
</html>
"""

@Suite struct DataDownloadTests {
    static let expectedCSV = """
rank,name,peak [TFLOP/s],tdp [W],price [USD/(chip·h)],note,energy_day [kWh],fast,label
1,A100,312,400,1.1..2,"SXM4, 80 GB",9.6,true,A100
2,V100,125,300,,,7.2,false,

"""

    static let expectedJSON = """
{"name":"chips","title":"Accelerators","key":"name",
"sources":[{"title":"Datasheets","url":"https://example.org/sheets"}],
"columns":["rank","name","peak","tdp","price","note","energy_day","fast","label"],
"units":{"peak":"TFLOP/s","tdp":"W","price":"USD/(chip·h)","energy_day":"kWh"},
"derived":["energy_day","fast","label"],
"rows":[
{"rank":1,"name":"A100","peak":312,"tdp":400,"price":[1.1,2],"note":"SXM4, 80 GB","energy_day":9.6,"fast":true,"label":"A100"},
{"rank":2,"name":"V100","peak":125,"tdp":300,"price":null,"note":null,"energy_day":7.2,"fast":false,"label":null}
]}

"""

    /// CSV: file order, derived columns appended, `name [unit]` headers, values in the column's
    /// unit (TFLOP/s stays 312; 400 W × 24 h is 9.6 kWh); JSON: numbers as numbers, a range as
    /// `[low, high]`, missing as null, units in a map. The original CSV is not published.
    @Test func everyTableIsPublishedWithDerivedColumnsAsCSVAndJSON() throws {
        let site = try Fixture(downloadTheme + formulaSiteYAML + chipsTable + """

-- content/posts/d.md --
---
title: "D"
date: 2026-10-01
---
A100 uses `= chips["A100"].energy_day` a day.
""")
        #expect(site.build(now: november2026).diagnostics == [])
        #expect(site.files(under: "public/data") == ["chips.csv", "chips.json"])
        expectFile(site, "public/data/chips.csv", Self.expectedCSV)
        expectFile(site, "public/data/chips.json", Self.expectedJSON)
        let json = try #require(site.read("public/data/chips.json"))
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) != nil, "not valid JSON")
        let page = try #require(site.read("public/posts/d/index.html"))
        #expect(page.contains(#"<ul><li><a href="/data/chips.csv">Accelerators</a> <a href="/data/chips.json">JSON</a></li></ul>"#))
        #expect(page.contains("<b>9.6 kWh</b>"))
    }

    /// The published CSV is itself a Reckon table: read back, it gives the same figures.
    @Test func thePublishedCSVReadsBackAsATable() throws {
        let site = try Fixture(downloadTheme + formulaSiteYAML + """

-- content/data/chips.csv --
\(Self.expectedCSV.dropLast())
-- content/data/chips.yaml --
key: name
-- content/posts/d.md --
---
title: "D"
date: 2026-10-01
---
`= chips["A100"].energy_day`, `= chips["A100"].price`, `= chips["V100"].fast`, `= chips["A100"].peak`.
""")
        #expect(site.build(now: november2026).diagnostics == [])
        let page = try #require(site.read("public/posts/d/index.html"))
        #expect(page.contains("<b>9.6 kWh</b>"))
        #expect(page.contains("<b>$1.1–2/(chip·h)</b>"))
        #expect(page.contains("<b>312 TFLOP/s</b>"))
        expectFile(site, "public/data/chips.csv", Self.expectedCSV)
    }

    /// Two builds write the same bytes.
    @Test func downloadsAreDeterministic() throws {
        let site = try Fixture(downloadTheme + formulaSiteYAML + chipsTable + modelsCSV + modelsSidecar + """

-- content/posts/d.md --
---
title: "D"
date: 2026-10-01
---
No figures.
""")
        #expect(site.build(now: november2026, output: "one").diagnostics == [])
        #expect(site.build(now: november2026, output: "two").diagnostics == [])
        #expect(site.files(under: "one/data") == ["chips.csv", "chips.json", "models.csv", "models.json"])
        #expect(site.snapshot("one/data") == site.snapshot("two/data"))
    }
}
