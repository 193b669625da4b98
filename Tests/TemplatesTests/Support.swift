import Diagnostics
import DOM
import Formulas
import Templates

typealias SourceLocation = Diagnostics.SourceLocation

/// The directive namespace declaration, to put on each template's root.
let r = #"xmlns:r="urn:reckon:template""#

/// Compiles `sources`, renders `name` in `scope` into `document` and serializes the root.
func render(_ sources: [String: String], _ name: String = "page.html", scope: Scope = Scope(),
            in document: Document = Document()) throws(DiagnosticError) -> (html: String, diagnostics: [Diagnostic]) {
    let set = try TemplateSet.compile(sources)
    let (root, diagnostics) = set.render(name, scope: scope, in: document)
    guard let root else { return ("", diagnostics) }
    let html = HTMLSerializer().serialize(root)
    document.discard(root)
    return (html, diagnostics)
}

/// Renders `template` as `page.html`, alone.
func render(_ template: String, scope: Scope = Scope(),
            in document: Document = Document()) throws(DiagnosticError) -> (html: String, diagnostics: [Diagnostic]) {
    try render(["page.html": template], scope: scope, in: document)
}

/// Renders `template` as `page.html` and returns the HTML, expecting no diagnostics.
func html(_ template: String, _ variables: [String: Value] = [:]) throws(DiagnosticError) -> String {
    let (html, diagnostics) = try render(template, scope: Scope(variables: variables))
    guard diagnostics.isEmpty else { throw DiagnosticError(diagnostics) }
    return html
}

/// The error compiling `sources` throws, or nil when they compile.
func compileError(_ sources: [String: String]) -> DiagnosticError? {
    do {
        _ = try TemplateSet.compile(sources)
        return nil
    } catch {
        return error
    }
}

/// An error diagnostic in `templates/FILE` at `line`:`column`.
func error(_ message: String, _ file: String, _ line: Int, _ column: Int) -> Diagnostic {
    .error(message, at: SourceLocation(file: "templates/\(file)", line: line, column: column))
}
