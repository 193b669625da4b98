@testable import Markup
import Testing

/// A table cell that `PipeTable.Cell.isPlainText` lets through becomes a text node without a
/// cmark parse: cmark itself must read it as one paragraph of exactly that text.
@Suite struct PlainCellTests {
    /// cmark's own HTML for a paragraph holding `text` verbatim.
    func paragraph(_ text: String) -> String {
        "<p>" + text.replacingOccurrences(of: "\"", with: "&quot;").replacingOccurrences(of: ">", with: "&gt;") + "</p>\n"
    }

    @Test(arguments: [
        ("GPT-4", true), ("2.1e25", true), ("1.5", true), ("2024 GPT", true), ("a > b", true), ("C# 10", true),
        ("算力 6·N·D", true), ("http://x.org/a?b=1", true), ("it's \"quoted\"", true), ("\"quoted\"", false), ("a|b", true), ("", true),
        ("1. item", false), ("12.", false), ("3)", false), ("# title", false), ("- x", false), ("> q", false),
        ("*em*", false), ("a_b", false), ("`code`", false), ("[x](y)", false), ("a & b", false), ("<b>", false),
        ("a\\b", false), ("trailing ", false), (" leading", false), ("a\tb", false), ("!x", false),
    ])
    func decides(text: String, plain: Bool) {
        #expect(PipeTable.Cell(text: text, byteOffset: 0).isPlainText == plain)
        if plain && !text.isEmpty { #expect(MarkdownRenderer.referenceHTML(text) == paragraph(text)) }
    }

    /// Every string of up to three characters over an alphabet of letters, digits, spaces and
    /// every ASCII punctuation mark: when the cell counts as plain, cmark agrees.
    @Test func cmarkAgreesOnEveryShortString() {
        let alphabet = Array("a1 .)#>-+=*_`[]!<&\\|\"'~:/(") + ["算"]
        var checked = 0
        for a in alphabet {
            for b in [""] + alphabet.map(String.init) {
                for c in [""] + alphabet.map(String.init) {
                    let text = String(a) + b + c
                    guard PipeTable.Cell(text: text, byteOffset: 0).isPlainText else { continue }
                    #expect(MarkdownRenderer.referenceHTML(text) == paragraph(text), "\(text)")
                    checked += 1
                }
            }
        }
        #expect(checked > 1000)
    }
}
