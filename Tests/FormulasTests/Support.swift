import Diagnostics
import Formulas

/// Swift Testing has its own `SourceLocation`; formulas' locations are Diagnostics'.
typealias SourceLocation = Diagnostics.SourceLocation

/// Where test formulas start: column 1 of line 1 of a template.
let start = SourceLocation(file: "templates/page.html", line: 1, column: 1)

/// The location of the character at 1-based `column` of the test line.
func column(_ column: Int) -> SourceLocation {
    SourceLocation(file: "templates/page.html", line: 1, column: column)
}

/// A site-like scope: a page, a list of pages, site data.
let scope = Scope(variables: [
    "page": [
        "title": "Hello",
        "draft": false,
        "tags": ["ai", "compute"],
    ],
    "pages": [
        ["title": "PaLM", "words": 1200],
        ["title": "GPT-3", "words": 800],
        ["title": "Chinchilla", "words": 950],
    ],
    "site": [
        "data": [
            "models": [
                "PaLM": ["parameters": 540e9],
            ],
        ],
    ],
    "a": true,
    "b": false,
    "n": 3,
])

/// Parses and evaluates `source` in `scope`.
func evaluate(_ source: String, in scope: Scope = scope) throws(FormulaError) -> Value {
    try Expression.parse(source, at: start).evaluate(in: scope)
}

/// The error parsing or evaluating `source` throws, or nil.
func error(of source: String, at location: SourceLocation = start, in scope: Scope = scope) -> FormulaError? {
    do {
        _ = try Expression.parse(source, at: location).evaluate(in: scope)
        return nil
    } catch {
        return error
    }
}

/// A class-based fragment, compared by identity.
final class Markup: Fragment {
    let html: String
    init(_ html: String) { self.html = html }
}

/// A struct fragment, which is never equal to anything.
struct MarkupValue: Fragment {}
