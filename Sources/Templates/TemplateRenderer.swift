import DOM
import Diagnostics
import Formulas

/// Markup handed to a template as a value (an article body, a chart): the children of a
/// container node of the page's own `Document`, inserted by `r:content` as deep copies (the
/// container itself is not inserted).
///
/// A `movable` fragment's children may be moved instead: the first `r:content` in the same
/// document takes them, and any later one copies them from where the first put them. Its
/// maker must not read the container after the page is rendered (it is left empty). Moving
/// saves copying every node and string of an article body, a fifth of its page's work.
///
/// It wraps a libxml2 node, which is not thread-safe; it is Sendable only so that it can sit
/// in a `Value`. It never leaves the page task that created its document.
public struct MarkupFragment: Fragment, @unchecked Sendable {
    public let node: Node
    /// Where the children went, once moved; nil for a fragment that is always copied.
    private let placement: Placement?

    private final class Placement {
        var target: Node?
    }

    public init(_ node: Node, movable: Bool = false) {
        self.node = node
        placement = movable ? Placement() : nil
    }

    /// Appends the fragment's content to `target`, a node of `document`.
    func insert(into target: Node, of document: Document) {
        guard let placement, document.owns(node) else {
            for child in node.children { target.append(document.importCopy(child)) }
            return
        }
        if let first = placement.target {
            for child in first.children { target.append(document.importCopy(child)) }
        } else {
            placement.target = target
            for child in node.children { target.append(child) }
        }
    }
}

/// Instantiates compiled templates into one document.
struct TemplateRenderer {
    let templates: [String: CompiledTemplate]
    let document: Document
    var diagnostics: [Diagnostic] = []
    /// The slots whose fill is being instantiated: a slot inside its own fill is not filled
    /// again (it may be by a fill from further down the layout chain).
    private var fillingSlots: [String] = []

    init(templates: [String: CompiledTemplate], document: Document) {
        self.templates = templates
        self.document = document
    }

    mutating func renderPage(_ name: String, scope: Scope) -> Node? {
        guard var template = templates[name] else { return nil }
        var fills: [String: TemplateElement.Ref] = [:]
        // Walk up the layout chain; fills of the page win over fills of the layouts above it.
        var seen: Set<String> = [name]
        while let layout = template.layout, let next = templates[layout.name], !seen.contains(layout.name) {
            fills.merge(template.fills) { inner, _ in inner }
            seen.insert(layout.name)
            template = next
        }
        let holder = document.createFragment()
        instantiate(template.root, scope: scope, fills: fills, into: holder)
        let root = holder.children.first { $0.kind == .element }
        root?.unlink()
        return root
    }

    /// Evaluates an expression, reporting a failure and returning nil.
    mutating func evaluate(_ expression: Expression, in scope: Scope) -> Value? {
        do {
            return try expression.evaluate(in: scope)
        } catch {
            diagnostics.append(error.diagnostic)
            return nil
        }
    }

    mutating func instantiate(_ element: TemplateElement, scope: Scope, fills: [String: TemplateElement.Ref], into parent: Node) {
        // each
        if let each = element.each {
            guard let items = evaluate(each.items, in: scope) else { return }
            let list: [Value]
            switch items {
            case .list(let values): list = values
            case .null: list = []
            case .record(let record): list = record.fields.map { .record(["key": .string($0.0), "value": $0.1]) }
            default:
                diagnostics.append(.error("r:each needs a list, but `\(each.items.source)` is a \(items.typeName)",
                                          at: each.items.location))
                return
            }
            let single = element.withoutEach
            for (index, item) in list.enumerated() {
                let loop: Value = ["index": .number(Double(index)), "first": .bool(index == 0),
                                   "last": .bool(index == list.count - 1), "length": .number(Double(list.count))]
                instantiate(single, scope: scope.binding(each.variable, to: item).binding("loop", to: loop),
                            fills: fills, into: parent)
            }
            return
        }
        // A slot with a fill: the fill element stands in its place.
        if let slot = element.slot, !fillingSlots.contains(slot), let fill = fills[slot] {
            // Slots inside the fill (a mid-level layout's) may be filled by the page below.
            fillingSlots.append(slot)
            instantiate(fill.element, scope: scope, fills: fills, into: parent)
            fillingSlots.removeLast()
            return
        }
        // let
        var scope = scope
        for binding in element.bindings {
            guard let value = evaluate(binding.expression, in: scope) else { return }
            scope = scope.binding(binding.name, to: value)
        }
        // if
        if let condition = element.condition {
            guard let value = evaluate(condition, in: scope), value.isTruthy else { return }
        }
        let node = document.createElement(element.name)
        for attribute in element.attributes { node.setAttribute(attribute.name, attribute.value) }
        parent.append(node)
        // content / text / include / children
        if let text = element.text {
            if let value = evaluate(text, in: scope) {
                if case .fragment = value {
                    diagnostics.append(.error("r:text needs text, but `\(text.source)` is markup: use r:content", at: text.location))
                } else {
                    node.append(document.createText(value.text()))
                }
            }
        } else if let content = element.content {
            if let value = evaluate(content, in: scope) {
                switch value {
                case .fragment(let fragment as MarkupFragment):
                    fragment.insert(into: node, of: document)
                case .null:
                    break
                default:
                    diagnostics.append(.error("r:content needs markup, but `\(content.source)` is a \(value.typeName): use r:text for text",
                                              at: content.location))
                }
            }
        } else if let include = element.include, let partial = templates[include] {
            instantiate(partial.root, scope: scope, fills: fills, into: node)
        } else {
            for child in element.children {
                switch child {
                case .element(let child):
                    instantiate(child.element, scope: scope, fills: fills, into: node)
                case .text(let text):
                    node.append(document.createText(text))
                case .comment(let text):
                    node.append(document.createComment(text))
                }
            }
        }
        // attributes
        for attribute in element.dynamicAttributes {
            guard let value = evaluate(attribute.value, in: scope) else { continue }
            switch value {
            case .null, .bool(false):
                node.removeAttribute(attribute.name)
            case .bool(true):
                node.setAttribute(attribute.name, "")
            default:
                node.setAttribute(attribute.name, value.text())
            }
        }
        // omit
        if let omit = element.omit, let value = evaluate(omit, in: scope), value.isTruthy {
            for child in node.children { node.insertBefore(child) }
            node.remove()
        }
    }
}
