import DOM
import Diagnostics
import Formulas
import Markup
import Templates

/// An article rendered for a briefing document: its body as a node of the brief's document
/// (figures, checks and charts drawn as on the site) and what the brief shows about it.
struct BriefArticleBody {
    var article: Article
    /// A `div` of the brief's document holding the body; unattached.
    var body: Node
    var diagnostics: [Diagnostic]
    var figures: [PageFormulas.Figure]
    var checks: [CheckResult]
    var tablesRead: Set<String>
    var headings: [Heading]
    /// The front matter's summary, or the start of the article cut as on list pages.
    var summary: String
}

extension PageRenderer {
    /// Renders an article's Markdown into `document` as the site does (`renderBody`: same
    /// formulas, checks, charts and link resolution), without a template: the brief places
    /// the body itself.
    func renderBriefBody(_ article: Article, in document: Document) -> BriefArticleBody {
        let made = renderBody(article, in: document)
        let (body, formulas, rendered, diagnostics) = (made.body, made.formulas, made.rendered, made.diagnostics)
        var summary = article.summary
        if summary.isEmpty {
            var cutter = SummaryCutter(budget: Self.summaryWords, pageURL: url(article.urlPath))
            let cut = cutter.cut(body, in: document)
            summary = cut.text
            document.discard(cut.container)
        }
        return BriefArticleBody(article: article, body: body, diagnostics: diagnostics, figures: formulas.figures,
                                checks: formulas.checks, tablesRead: formulas.tablesRead, headings: rendered.headings,
                                summary: summary)
    }
}
