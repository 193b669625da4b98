/// Writes a DOM as HTML5 (the WHATWG "serializing HTML fragments" algorithm, restricted to
/// what Reckon produces): `<!DOCTYPE html>`, void elements without end tags, raw text in
/// `script` and `style`, `& < >` escaped in text and `& "` in attribute values, attributes in
/// document order. Namespace declarations are dropped: HTML5 puts `svg` and `math` in their
/// namespaces by name. libxml2's own HTML serializer is HTML4-era (it writes `</source>` and
/// a second meta charset), so Reckon does not use it.
public struct HTMLSerializer: Sendable {
    /// Elements that have no end tag and no content in HTML5.
    public static let voidElements: Set<String> = [
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
        "source", "track", "wbr",
    ]

    /// Elements whose text children are written unescaped.
    public static let rawTextElements: Set<String> = ["script", "style"]

    public init() {}

    /// The whole document: doctype, then the root element, then a newline.
    public func serialize(_ document: Document) -> String {
        var out = "<!DOCTYPE html>\n"
        if let root = document.root { write(root, into: &out) }
        out += "\n"
        return out
    }

    /// One node and its subtree (a fragment writes its children).
    public func serialize(_ node: Node) -> String {
        var out = ""
        write(node, into: &out)
        return out
    }

    private func write(_ node: Node, into out: inout String) {
        switch node.kind {
        case .element:
            let name = node.name
            out += "<"
            out += name
            for attribute in node.attributes where attribute.prefix != "xmlns" && attribute.name != "xmlns" {
                out += " "
                if let prefix = attribute.prefix, attribute.namespaceURI != nil { out += prefix + ":" }
                out += attribute.name
                out += "=\""
                escapeAttribute(attribute.value, into: &out)
                out += "\""
            }
            out += ">"
            if Self.voidElements.contains(name) { return }
            let children = node.children
            if Self.rawTextElements.contains(name) {
                for child in children where child.kind == .text {
                    out.unicodeScalars.append(contentsOf: child.text.unicodeScalars.filter { !Self.isControl($0) })
                }
            } else {
                if name == "pre" || name == "textarea" || name == "listing",
                   let first = children.first, first.kind == .text, first.text.hasPrefix("\n") {
                    out += "\n"
                }
                for child in children { write(child, into: &out) }
            }
            out += "</"
            out += name
            out += ">"
        case .text:
            escapeText(node.text, into: &out)
        case .comment:
            out += "<!--"
            out += node.text
            out += "-->"
        case .fragment, .document:
            for child in node.children { write(child, into: &out) }
        case .other:
            break
        }
    }

    /// Control characters other than tab, line feed, form feed and carriage return (C0, DEL,
    /// C1) are parse errors in HTML5 ("control-character-in-input-stream"): they are dropped.
    public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0C, 0x0D: return false
        case 0x00...0x1F, 0x7F...0x9F: return true
        default: return false
        }
    }

    private func needsWork(_ text: String, _ special: (UInt8) -> Bool) -> Bool {
        text.utf8.contains { special($0) || $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 }
    }

    private func escapeText(_ text: String, into out: inout String) {
        let special: (UInt8) -> Bool = { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") }
        guard needsWork(text, special) else {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            default: if !Self.isControl(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
    }

    private func escapeAttribute(_ text: String, into out: inout String) {
        let special: (UInt8) -> Bool = { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "\"") }
        guard needsWork(text, special) else {
            out += text
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "\"": out += "&quot;"
            default: if !Self.isControl(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
    }
}
