import DOM
import Diagnostics
import Markup
import Testing

typealias SourceLocation = Diagnostics.SourceLocation

@Suite struct WalkerTests {
    @Test func pipeTableBecomesTableWithAlignmentAndInlineMarkup() {
        let (html, _) = renderHTML("| model | FLOP |\n| :-- | --: |\n| *PaLM* | `2.56e24` |\n| a \\| b | |\n")
        #expect(html == """
            <table>
            <thead>
            <tr>
            <th style="text-align: left">model</th>
            <th style="text-align: right">FLOP</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td style="text-align: left"><em>PaLM</em></td>
            <td style="text-align: right"><code>2.56e24</code></td>
            </tr>
            <tr>
            <td style="text-align: left">a | b</td>
            <td style="text-align: right"></td>
            </tr>
            </tbody>
            </table>

            """)
    }

    @Test func paragraphWithoutDelimiterRowStaysAParagraph() {
        #expect(renderHTML("a | b\nc | d\n").html == "<p>a | b\nc | d</p>\n")
    }

    @Test func tableInsideBlockQuote() {
        let (html, _) = renderHTML("> | a |\n> | - |\n> | 1 |\n")
        #expect(html == "<blockquote>\n<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n</blockquote>\n")
    }

    @Test func headingIDsAreUniqueAndKeepCJK() {
        let (html, result) = renderHTML("## Sources\n\n## Sources\n\n## 晶片小時\n\n## Compute ≈ 6·N·D\n\n## !!!\n")
        #expect(html == """
            <h2 id="sources">Sources</h2>
            <h2 id="sources-1">Sources</h2>
            <h2 id="晶片小時">晶片小時</h2>
            <h2 id="compute-6-n-d">Compute ≈ 6·N·D</h2>
            <h2 id="section">!!!</h2>

            """)
        #expect(result.headings.map(\.id) == ["sources", "sources-1", "晶片小時", "compute-6-n-d", "section"])
    }

    @Test func softBreakBetweenCJKCharactersIsDropped() {
        #expect(renderHTML("大型模型的\n訓練成本\nis high\n").html == "<p>大型模型的訓練成本\nis high</p>\n")
        #expect(renderHTML("用了\n6144 顆\n*晶片*\n").html == "<p>用了\n6144 顆<em>晶片</em></p>\n")
        #expect(renderHTML("大腦。\n2023 年（\nGPT-4\n）\n").html == "<p>大腦。2023 年（GPT-4）</p>\n")
    }

    @Test func dangerousURLsAreEmptiedAndImagesOfSafeTypesKept() {
        #expect(renderHTML("[x](javascript:alert(1)) [y](VBScript:x) [z](file:///etc/passwd)\n").html
                == "<p><a href=\"\">x</a> <a href=\"\">y</a> <a href=\"\">z</a></p>\n")
        #expect(renderHTML("![a](data:image/png;base64,AAA) [b](data:text/html;base64,AAA)\n").html
                == "<p><img src=\"data:image/png;base64,AAA\" alt=\"a\"> <a href=\"\">b</a></p>\n")
    }

    @Test func linkDestinationsArePercentEncodedAndAttributesEscaped() {
        #expect(renderHTML("[a](/f\u{f6}\u{f6} \"say \\\"hi\\\" & go\")\n").html
                == "<p><a href=\"/f%C3%B6%C3%B6\" title=\"say &quot;hi&quot; &amp; go\">a</a></p>\n")
    }

    @Test func rawHTMLIsDroppedWithAWarningAtItsPosition() {
        let (html, result) = renderHTML("Text <b>bold</b>.\n\n<div>\nblock\n</div>\n")
        #expect(html == "<p>Text bold.</p>\n")
        let message = "raw HTML is not rendered (Reckon writes pages from Markdown only): write it as Markdown"
        #expect(result.diagnostics == [
            .warning(message, at: SourceLocation(file: "t.md", line: 1, column: 6)),
            .warning(message, at: SourceLocation(file: "t.md", line: 1, column: 13)),
            .warning(message, at: SourceLocation(file: "t.md", line: 3, column: 1)),
        ])
    }

    @Test func textIsNeverParsedAsMarkup() {
        #expect(renderHTML("`<script>` & 5 < 6 &amp;\n").html == "<p><code>&lt;script&gt;</code> &amp; 5 &lt; 6 &amp;</p>\n")
    }

    @Test func resolverSeesEachDestinationWithItsCharacterPosition() {
        var seen: [String] = []
        let markdown = "價格見[表](data.csv)，\n\n| a |\n| - |\n| [x](x.md) |\n"
        let document = Document()
        let root = document.createElement("div")
        document.root = root
        _ = MarkdownRenderer().render(markdown, file: "p.md", firstLine: 5, into: root, of: document) { destination, kind, location in
            seen.append("\(destination) \(kind) \(location)")
            return "/out/" + destination
        }
        #expect(seen == ["data.csv link p.md:5:4", "x.md link p.md:9:3"])
        #expect(HTMLSerializer().serialize(root).contains("<a href=\"/out/data.csv\">表</a>"))
    }

    @Test func tightAndLooseListsAndOrderedStart() {
        #expect(renderHTML("3. a\n4. b\n").html == "<ol start=\"3\">\n<li>a</li>\n<li>b</li>\n</ol>\n")
        #expect(renderHTML("- a\n\n- b\n").html == "<ul>\n<li>\n<p>a</p>\n</li>\n<li>\n<p>b</p>\n</li>\n</ul>\n")
    }

    @Test func plainTextCollectsWordsForReadingTime() {
        let (_, result) = renderHTML("## Title\n\nSome *words* and `code`, 算力.\n\n| a | *b* |\n|---|---|\n| 1 | 2 |\n")
        #expect(String(decoding: result.plainText, as: UTF8.self) == "Title\nSome words and code, 算力.\na b\n \n1 2 \n")
    }
}

@Suite struct HookTests {
    @Test func figureHookReplacesEqualsCodeSpansWithTheirExpressionAndPosition() {
        var seen: [String] = []
        let document = Document()
        let root = document.createElement("div")
        document.root = root
        let hooks = MarkdownHooks(figure: { expression, location in
            seen.append("\(expression) @ \(location)")
            let node = document.createElement("span")
            node.append(document.createText("2.53 × 10²⁴"))
            return node
        })
        _ = MarkdownRenderer().render("PaLM: `= training_flops(n, d) | sci` and `=x` and `code`.\n算力 `= c`\n",
                                      file: "p.md", firstLine: 3, into: root, of: document, hooks: hooks) { d, _, _ in d }
        #expect(seen == ["training_flops(n, d) | sci @ p.md:3:10", "c @ p.md:4:7"])
        #expect(HTMLSerializer().serialize(root) == "<div><p>PaLM: <span>2.53 × 10²⁴</span> and <code>=x</code> and <code>code</code>.\n算力 <span>2.53 × 10²⁴</span></p>\n</div>")
    }

    @Test func fencedBlockHookReplacesNamedBlocksAndLeavesOthers() {
        var seen: [String] = []
        let document = Document()
        let root = document.createElement("div")
        document.root = root
        let hooks = MarkdownHooks(fencedBlock: { name, text, location in
            seen.append("\(name)|\(text)|\(location)")
            guard name == "check" else { return nil }
            return document.createElement("aside")
        })
        _ = MarkdownRenderer().render("```check\nlabel: x\n```\n\n```swift\nlet a = 1\n```\n", file: "p.md", into: root,
                                      of: document, hooks: hooks) { d, _, _ in d }
        #expect(seen == ["check|label: x\n|p.md:2:1", "swift|let a = 1\n|p.md:6:1"])
        #expect(HTMLSerializer().serialize(root) == "<div><aside></aside>\n<pre><code class=\"language-swift\">let a = 1\n</code></pre>\n</div>")
    }

    @Test func fencedBlocksPrePassListsNamedBlocksWithTheirTextPosition() {
        let blocks = MarkdownRenderer.fencedBlocks(in: "Intro\n\n  ```compute\n  a = 1\n  ```\n\n    indented\n\n```\nplain\n```\n",
                                                   file: "p.md", firstLine: 5)
        #expect(blocks == [FencedBlock(name: "compute", text: "a = 1\n", location: SourceLocation(file: "p.md", line: 8, column: 3))])
    }
}
