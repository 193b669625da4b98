import DOM
import Testing
@testable import Site

/// Where a summary is cut: after a whole word or a CJK character, never inside a word, a
/// combining sequence or an emoji sequence, with "…" when something was left out.
@Suite struct SummaryCutterTests {
    func cut(_ text: String, budget: Double) -> String {
        let document = Document()
        let body = document.createElement("div")
        let paragraph = document.createElement("p")
        paragraph.append(document.createText(text))
        body.append(paragraph)
        var cutter = SummaryCutter(budget: budget, pageURL: "/posts/x/")
        let result = cutter.cut(body, in: document)
        document.discard(result.container)
        document.discard(body)
        return result.text
    }

    @Test(arguments: [
        ("one two three four", 2.0, "one two…"),
        ("one two", 2.0, "one two"),
        ("one, two, three", 2.0, "one, two…"),
        ("cafe\u{301}s are cafe\u{301}s", 1.0, "cafe\u{301}s…"),
        ("算力成長很快", 2.0, "算力成…"),
        ("ab算cd efg", 2.0, "ab算…"),
        ("a 👩‍💻 b", 1.0, "a 👩‍💻…"),
        ("naïve\u{00A0}words here", 1.0, "naïve…"),
    ])
    func cutsAfterWholeWordsAndCharacters(text: String, budget: Double, expected: String) {
        #expect(cut(text, budget: budget) == expected)
    }
}
