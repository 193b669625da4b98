import Foundation
import Markup
import Testing

/// One example of the CommonMark spec: Markdown in, cmark's HTML out.
struct SpecExample {
    var number: Int
    var line: Int
    var markdown: String
    var html: String
}

/// Reads the examples of `commonmark-spec-0.30.txt` (a fence of 32 backticks and ` example`;
/// `→` stands for a tab), from `../shared/data/` beside the repository.
func loadSpecExamples() throws -> [SpecExample] {
    let repository = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    let url = repository.deletingLastPathComponent().appendingPathComponent("shared/data/commonmark-spec-0.30.txt")
    let text = try String(contentsOf: url, encoding: .utf8)
    let fence = String(repeating: "`", count: 32)
    var examples: [SpecExample] = []
    var state = 0  // 0 outside, 1 markdown, 2 html
    var markdown = "", html = "", startLine = 0
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        if state == 0, line == fence + " example" {
            state = 1; markdown = ""; html = ""; startLine = index + 1
        } else if state == 1, line == "." {
            state = 2
        } else if state == 2, line == fence {
            state = 0
            examples.append(SpecExample(number: examples.count + 1, line: startLine,
                                        markdown: markdown.replacingOccurrences(of: "→", with: "\t"),
                                        html: html.replacingOccurrences(of: "→", with: "\t")))
        } else if state == 1 {
            markdown += line + "\n"
        } else if state == 2 {
            html += line + "\n"
        }
    }
    return examples
}

@Suite struct CommonMarkConformanceTests {
    @Test func specHas652Examples() throws {
        #expect(try loadSpecExamples().count == 652)
    }

    /// Every example: the walker + HTML5 serializer against cmark's own safe renderer, both
    /// normalized. Prints the count that match and the numbers of those that do not.
    @Test func walkerMatchesCmarkOnEverySpecExample() throws {
        let examples = try loadSpecExamples()
        var failures: [Int] = []
        for example in examples {
            let ours = normalizeHTML(renderHTML(example.markdown, options: .commonMark).html)
            let reference = normalizeHTML(MarkdownRenderer.referenceHTML(example.markdown))
            if ours != reference {
                failures.append(example.number)
                if ProcessInfo.processInfo.environment["CONFORMANCE_VERBOSE"] != nil {
                    print("example \(example.number) (spec line \(example.line)):\n  ours: \(ours)\n  cmark: \(reference)")
                }
            }
        }
        print("CommonMark conformance: \(examples.count - failures.count) of \(examples.count) examples match cmark's renderer")
        #expect(failures == [], "examples that differ: \(failures)")
    }
}
