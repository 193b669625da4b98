import DOM
import Diagnostics
import Formulas

/// Turns parsed XHTML into `CompiledTemplate`s: checks every `r:` directive, parses its
/// expression, and reports every problem with the attribute's `file:line:column`.
struct TemplateCompiler {
    /// Directives that are not attribute setters.
    static let directives: Set<String> = [
        "layout", "slot", "fill", "text", "content", "each", "if", "let", "include", "omit",
    ]

    let directory: String
    var diagnostics: [Diagnostic] = []
    /// Slot names seen in the template being compiled.
    private var slots: Set<String> = []
    /// True while compiling a template's root element (where `r:layout` belongs).
    private var isRoot = false

    init(directory: String) {
        self.directory = directory
    }

    mutating func compile(name: String, text: String) -> CompiledTemplate? {
        let file = directory.isEmpty ? name : "\(directory)/\(name)"
        let markup: MarkupElement
        do {
            markup = try MarkupElement.parse(text, file: file)
        } catch {
            diagnostics += error.diagnostics
            return nil
        }
        var template = CompiledTemplate(name: name, root: TemplateElement(name: "", location: markup.location, attributes: [], children: []),
                                        layout: nil, fills: [:], includes: [])
        if let layout = markup.attributes.first(where: { $0.namespaceURI == templateNamespace && $0.name == "layout" }) {
            if let problem = Self.problemWithPath(layout.value) {
                diagnostics.append(.error(problem, at: layout.valueLocation))
            } else {
                template.layout = (layout.value, layout.valueLocation)
            }
        }
        var fills: [String: TemplateElement.Ref] = [:]
        var includes: [(String, SourceLocation)] = []
        isRoot = true
        template.root = compile(markup, fills: &fills, includes: &includes)
        template.fills = fills
        template.includes = includes
        template.slots = slots
        slots = []
        return template
    }

    private mutating func compile(_ markup: MarkupElement, fills: inout [String: TemplateElement.Ref],
                                  includes: inout [(String, SourceLocation)]) -> TemplateElement {
        var element = TemplateElement(name: markup.prefix == nil || markup.namespaceURI == "http://www.w3.org/2000/svg" ? markup.name : "\(markup.prefix!):\(markup.name)",
                                      location: markup.location, attributes: [], children: [])
        if markup.namespaceURI == templateNamespace {
            diagnostics.append(.error("unknown template element `\(markup.prefix ?? "r"):\(markup.name)`: directives are attributes, such as `r:if` on an HTML element",
                                      at: markup.location))
        }
        for attribute in markup.attributes {
            if attribute.prefix == "xmlns" || (attribute.prefix == nil && attribute.name == "xmlns") { continue }
            guard attribute.namespaceURI == templateNamespace else {
                let name = attribute.prefix.map { "\($0):\(attribute.name)" } ?? attribute.name
                element.attributes.append((name, attribute.value))
                continue
            }
            compileDirective(attribute, into: &element, includes: &includes)
        }
        isRoot = false
        for child in markup.children {
            switch child {
            case .element(let childMarkup):
                element.children.append(.element(TemplateElement.Ref(compile(childMarkup, fills: &fills, includes: &includes))))
            case .text(let text):
                element.children.append(.text(text))
            case .comment(let text):
                element.children.append(.comment(text))
            }
        }
        if let fill = element.fill {
            if fills[fill] != nil {
                diagnostics.append(.error("slot `\(fill)` is filled twice in this template", at: markup.location))
            }
            var standIn = element
            standIn.fill = nil
            standIn.slot = nil
            fills[fill] = TemplateElement.Ref(standIn)
        }
        return element
    }

    private mutating func compileDirective(_ attribute: MarkupAttribute, into element: inout TemplateElement,
                                           includes: inout [(String, SourceLocation)]) {
        let at = attribute.valueLocation
        do throws(FormulaError) {
            switch attribute.name {
            case "layout":
                if !isRoot {  // read on the root by `compile(name:text:)`
                    diagnostics.append(.error("r:layout belongs on the template's root element", at: attribute.location))
                }
            case "slot":
                element.slot = attribute.value
                slots.insert(attribute.value)
            case "fill":
                element.fill = attribute.value
            case "text":
                element.text = try Expression.parse(attribute.value, at: at)
            case "content":
                element.content = try Expression.parse(attribute.value, at: at)
            case "each":
                let loop = try Expression.parseLoop(attribute.value, at: at)
                element.each = (loop.name, loop.expression)
            case "if":
                element.condition = try Expression.parse(attribute.value, at: at)
            case "let":
                element.bindings.append(try Expression.parseBinding(attribute.value, at: at))
            case "include":
                if let problem = Self.problemWithPath(attribute.value) {
                    diagnostics.append(.error(problem, at: at))
                } else {
                    element.include = attribute.value
                    includes.append((attribute.value, at))
                }
            case "omit":
                let source = attribute.value.allSatisfy(\.isWhitespace) ? "true" : attribute.value
                element.omit = try Expression.parse(source, at: at)
            case let name where name.hasPrefix("attr-") && name.count > 5:
                // `r:attr-content` sets `content`, whose plain form is taken by the directive.
                element.dynamicAttributes.append((String(name.dropFirst(5)), try Expression.parse(attribute.value, at: at)))
            default:
                if HTMLAttributes.isKnown(attribute.name) {
                    element.dynamicAttributes.append((attribute.name, try Expression.parse(attribute.value, at: at)))
                } else {
                    var message = "unknown directive `r:\(attribute.name)`"
                    if let suggestion = attribute.name.closest(among: Self.directives.sorted()) {
                        message += ": did you mean `r:\(suggestion)`?"
                    } else {
                        message += ": directives are \(Self.directives.sorted().map { "r:\($0)" }.joined(separator: ", ")), or r:ATTRIBUTE to set an HTML attribute"
                    }
                    diagnostics.append(.error(message, at: attribute.location))
                }
            }
        } catch {
            diagnostics.append(error.diagnostic)
        }
    }

    /// Why a partial or layout path is refused: absolute, or leaving `templates/`.
    static func problemWithPath(_ path: String) -> String? {
        if path.isEmpty { return "empty template path" }
        if path.hasPrefix("/") { return "template path `\(path)` must be relative to templates/" }
        if path.split(separator: "/").contains("..") {
            return "template path `\(path)` leaves templates/: includes stay inside the templates folder"
        }
        return nil
    }
}
