/// Writes a DOM as XML 1.0 (feeds, sitemaps, standalone SVG): an XML declaration, empty
/// elements as `<x/>`, `& < >` escaped in text, `& < "` (and tab, newline, carriage return as
/// character references) in attribute values, control characters that XML 1.0 forbids removed.
/// Namespaces are written as the attributes that hold them (`xmlns="…"` set as attributes).
public struct XMLSerializer: Sendable {
    public init() {}

    /// `<?xml version="1.0" encoding="utf-8"?>`, a newline, the root element, a newline.
    public func serialize(_ document: Document) -> String {
        var out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        if let root = document.root { write(root, into: &out) }
        out += "\n"
        return out
    }

    /// One node and its subtree, without a declaration.
    public func serialize(_ node: Node) -> String {
        var out = ""
        write(node, into: &out)
        return out
    }

    private func write(_ node: Node, into out: inout String) {
        switch node.kind {
        case .element:
            let name = node.namespacePrefix.map { "\($0):\(node.name)" } ?? node.name
            out += "<" + name
            for attribute in node.attributes {
                out += " "
                if let prefix = attribute.prefix { out += prefix + ":" }
                out += attribute.name + "=\""
                escape(attribute.value, attribute: true, into: &out)
                out += "\""
            }
            let children = node.children
            if children.isEmpty {
                out += "/>"
                return
            }
            out += ">"
            for child in children { write(child, into: &out) }
            out += "</" + name + ">"
        case .text:
            escape(node.text, attribute: false, into: &out)
        case .comment:
            out += "<!--" + node.text + "-->"
        case .fragment, .document:
            for child in node.children { write(child, into: &out) }
        case .other:
            break
        }
    }

    /// Whether XML 1.0 allows the character at all (§2.2 Char production).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    private func escape(_ text: String, attribute: Bool, into out: inout String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">" where !attribute: out += "&gt;"
            case "\"" where attribute: out += "&quot;"
            case "\t" where attribute: out += "&#9;"
            case "\n" where attribute: out += "&#10;"
            case "\r": out += "&#13;"
            default:
                // Also drop DEL and C1 controls: XML allows them, but feed readers choke.
                if Self.isAllowed(scalar) && !HTMLSerializer.isControl(scalar) { out.unicodeScalars.append(scalar) }
            }
        }
    }
}
