import DOM
import Diagnostics
import Formulas

/// Every template of a site, compiled once per build (DESIGN.md §7).
///
/// Build it with `compile(_:directory:)`, then call `render(_:scope:in:)` from any number of
/// page tasks, each with its own `Document`.
public struct TemplateSet: Sendable {
    private var templates: [String: CompiledTemplate]

    /// The names of all templates, sorted (`article.html`, `partials/footer.html`, …).
    public var names: [String] { templates.keys.sorted() }

    /// Every literal `id` attribute written in the templates: article headings avoid them, so
    /// that a heading called "Main" does not collide with the theme's `<main id="main">`.
    public var staticIDs: Set<String> {
        var ids: Set<String> = []
        func visit(_ element: TemplateElement) {
            for attribute in element.attributes where attribute.name == "id" { ids.insert(attribute.value) }
            for child in element.children { if case .element(let inner) = child { visit(inner.element) } }
        }
        for template in templates.values { visit(template.root) }
        return ids
    }

    /// Whether a template of that name exists.
    public func contains(_ name: String) -> Bool { templates.index(forKey: name) != nil }  // no copy of the template

    /// Compiles templates from their sources.
    ///
    /// - Parameters:
    ///   - sources: Template path relative to `directory` → file text.
    ///   - directory: The project-relative folder, used in diagnostics (`templates`).
    /// - Throws: `DiagnosticError` with every problem: XML that is not well-formed, a named
    ///   entity other than XML's five, an unknown `r:` directive, an expression that does not
    ///   parse, a missing layout or partial, an include or layout cycle.
    public static func compile(_ sources: [String: String], directory: String = "templates") throws(DiagnosticError) -> TemplateSet {
        var compiler = TemplateCompiler(directory: directory)
        var templates: [String: CompiledTemplate] = [:]
        for name in sources.keys.sorted() {
            if let template = compiler.compile(name: name, text: sources[name]!) {
                templates[name] = template
            }
        }
        var diagnostics = compiler.diagnostics
        // References to templates that do not exist (only among templates that compiled).
        for name in templates.keys.sorted() {
            let template = templates[name]!
            for reference in template.references where sources[reference.name] == nil {
                let kind = reference.isLayout ? "layout" : "partial"
                diagnostics.append(.error("\(kind) `\(reference.name)` not found in \(directory)/", at: reference.location))
            }
        }
        diagnostics += cycles(in: templates, directory: directory)
        diagnostics += unmatchedFills(in: templates)
        guard diagnostics.isEmpty else { throw DiagnosticError(diagnostics.sorted()) }
        return TemplateSet(templates: templates)
    }

    /// Every include or layout cycle, each reported once at the reference that closes it
    /// (a depth-first search over layout and include references).
    private static func cycles(in templates: [String: CompiledTemplate], directory: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var visiting: Set<String> = []
        var finished: Set<String> = []
        var stack: [String] = []
        func visit(_ name: String) {
            visiting.insert(name)
            stack.append(name)
            for reference in templates[name]!.references where templates[reference.name] != nil {
                if visiting.contains(reference.name) {
                    let chain = stack[stack.firstIndex(of: reference.name)!...] + [reference.name]
                    let kind = reference.isLayout ? "layout" : "include"
                    diagnostics.append(.error("\(kind) cycle: \(chain.joined(separator: " → "))", at: reference.location))
                } else if !finished.contains(reference.name) {
                    visit(reference.name)
                }
            }
            stack.removeLast()
            visiting.remove(name)
            finished.insert(name)
        }
        for name in templates.keys.sorted() where !finished.contains(name) { visit(name) }
        return diagnostics
    }

    /// Every `r:fill` whose name no layout above the template declares as a slot.
    private static func unmatchedFills(in templates: [String: CompiledTemplate]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for name in templates.keys.sorted() {
            let template = templates[name]!
            guard template.layout != nil else { continue }
            var slots: Set<String> = []
            var seen: Set<String> = [name]
            var current = template
            while let layout = current.layout, let next = templates[layout.name], !seen.contains(layout.name) {
                slots.formUnion(next.slots)
                seen.insert(layout.name)
                current = next
            }
            guard current.layout == nil else { continue }  // a missing layout or a cycle, reported already
            for (fill, element) in template.fills.sorted(by: { $0.key < $1.key }) where !slots.contains(fill) {
                var message = "no layout above \(name) has a slot `\(fill)`"
                if let suggestion = fill.closest(among: slots.sorted()) { message += ": did you mean `\(suggestion)`?" }
                else if !slots.isEmpty { message += " (slots: \(slots.sorted().joined(separator: ", ")))" }
                diagnostics.append(.error(message, at: element.element.location))
            }
        }
        return diagnostics
    }

    /// Renders the template `name` in `scope` into `document` and returns its root element.
    ///
    /// A template whose root carries `r:layout` is rendered through that layout: its `r:fill`
    /// elements replace the layout's `r:slot` elements of the same name.
    ///
    /// - Returns: The root element (not attached) and the diagnostics of evaluation (a failing
    ///   expression renders as nothing and is reported at its `file:line:column`).
    public func render(_ name: String, scope: Scope, in document: Document) -> (root: Node?, diagnostics: [Diagnostic]) {
        var renderer = TemplateRenderer(templates: templates, document: document)
        let root = renderer.renderPage(name, scope: scope)
        return (root, renderer.diagnostics)
    }
}

extension CompiledTemplate {
    /// Layout and include references, in document order.
    var references: [(name: String, location: SourceLocation, isLayout: Bool)] {
        var result: [(String, SourceLocation, Bool)] = []
        if let layout { result.append((layout.name, layout.location, true)) }
        for include in includes { result.append((include.name, include.location, false)) }
        return result
    }
}
