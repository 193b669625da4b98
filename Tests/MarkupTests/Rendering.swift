import DOM
import Diagnostics
import Markup

/// Renders Markdown through the walker and the HTML5 serializer, as a page would.
func renderHTML(_ markdown: String, options: MarkdownOptions = MarkdownOptions(),
                resolve: @escaping LinkResolver = { destination, _, _ in destination }) -> (html: String, result: RenderedMarkdown) {
    let document = Document()
    let root = document.createElement("div")
    document.root = root
    let result = MarkdownRenderer(options: options).render(markdown, file: "t.md", into: root, of: document,
                                                          resolveLink: resolve)
    let html = HTMLSerializer().serialize(root)
    return (String(html.dropFirst("<div>".count).dropLast("</div>".count)), result)
}

/// Puts HTML into one canonical form so that two renderers can be compared: parsed by
/// libxml2's lenient HTML parser, written by Reckon's serializer, comments dropped, and
/// whitespace next to tags removed.
func normalizeHTML(_ html: String) -> String {
    guard let document = Document.parseHTMLLeniently("<div>" + html + "</div>"), let root = document.root else {
        return html
    }
    dropComments(root)
    let serialized = String(HTMLSerializer().serialize(root).dropFirst("<div>".count).dropLast("</div>".count))
    // Split into tags and text; collapse whitespace in text and drop it next to block tags.
    var tokens: [String] = []
    var current = ""
    for character in serialized {
        if character == "<" { if !current.isEmpty { tokens.append(current) }; current = "<" }
        else if character == ">" && current.hasPrefix("<") { tokens.append(current + ">"); current = "" }
        else { current.append(character) }
    }
    if !current.isEmpty { tokens.append(current) }
    func isBlockTag(_ token: String?) -> Bool {
        guard let token, token.hasPrefix("<") else { return false }
        let name = token.dropFirst().drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber })
        return blockTags.contains(String(name))
    }
    var out = ""
    for (index, token) in tokens.enumerated() {
        if token.hasPrefix("<") { out += token; continue }
        var text = ""
        var space = false
        for character in token {
            if character.isWhitespace { space = true; continue }
            if space && !text.isEmpty { text.append(" ") }
            space = false
            text.append(character)
        }
        if space && !text.isEmpty { text.append(" ") }
        if !text.isEmpty, token.first!.isWhitespace, !isBlockTag(index > 0 ? tokens[index - 1] : nil) { text = " " + text }
        if text.isEmpty, space, !isBlockTag(index > 0 ? tokens[index - 1] : nil),
           !isBlockTag(index + 1 < tokens.count ? tokens[index + 1] : nil) { text = " " }
        if isBlockTag(index + 1 < tokens.count ? tokens[index + 1] : nil), text.hasSuffix(" ") { text.removeLast() }
        out += text
    }
    while out.first == " " { out.removeFirst() }
    while out.last == " " { out.removeLast() }
    return out
}

private let blockTags: Set<String> = [
    "p", "div", "ul", "ol", "li", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "table", "thead", "tbody", "tr", "th", "td",
]

private func dropComments(_ node: Node) {
    for child in node.children {
        if child.kind == .comment { child.remove() } else { dropComments(child) }
    }
}
