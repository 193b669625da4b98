import DOM
import Diagnostics
import Formulas

/// The namespace of Reckon's template directives: `xmlns:r="urn:reckon:template"`.
public let templateNamespace = "urn:reckon:template"

/// One template file compiled for rendering: the XML tree with every directive parsed.
/// Immutable and Sendable: compiled once per build, shared by all page tasks.
struct CompiledTemplate: Sendable {
    /// Path relative to `templates/`, e.g. `partials/header.html`.
    var name: String
    var root: TemplateElement
    /// The layout named by `r:layout` on the root, with where it is written.
    var layout: (name: String, location: SourceLocation)?
    /// The `r:fill` elements of a page template, by slot name, without their `r:fill` and
    /// `r:slot` (what stands in the slot's place).
    var fills: [String: TemplateElement.Ref]
    /// Every `r:include` with where it is written, for missing-partial and cycle checks.
    var includes: [(name: String, location: SourceLocation)]
    /// The names of every `r:slot` in the template, fills included.
    var slots: Set<String> = []
}

/// A node of a compiled template.
enum TemplateNode: Sendable {
    /// By reference: rendering a page visits every element, and matching a struct payload
    /// copied it (a retain and a release of each of its fields) at each visit.
    case element(TemplateElement.Ref)
    case text(String)
    case comment(String)
}

/// An element with its directives parsed (DESIGN.md §7). Evaluation order on one element:
/// each → let → if → content/text/include → attributes → omit.
struct TemplateElement: Sendable {
    var name: String
    var location: SourceLocation
    /// Plain attributes, copied as written.
    var attributes: [(name: String, value: String)]
    var each: (variable: String, items: Expression)?
    var bindings: [Binding] = []
    var condition: Expression?
    var text: Expression?
    var content: Expression?
    var include: String?
    /// `r:NAME="expr"` attributes, in document order.
    var dynamicAttributes: [(name: String, value: Expression)] = []
    /// `r:omit`: nil when absent; an always-true expression for `r:omit=""`.
    var omit: Expression?
    var slot: String?
    var fill: String?
    var children: [TemplateNode]

    /// An element shared by reference (`TemplateNode`, fills).
    final class Ref: Sendable {
        let element: TemplateElement

        init(_ element: TemplateElement) {
            self.element = element
        }
    }

    /// The same element without its `r:each` (for rendering one repetition).
    var withoutEach: TemplateElement {
        var copy = self
        copy.each = nil
        return copy
    }
}
