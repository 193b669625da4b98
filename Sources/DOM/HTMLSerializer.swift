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
        String(decoding: bytes(document), as: UTF8.self)
    }

    /// One node and its subtree (a fragment writes its children).
    public func serialize(_ node: Node) -> String {
        String(decoding: bytes(node), as: UTF8.self)
    }

    /// `serialize(_:)` of a document as UTF-8 bytes, written straight from libxml2's buffers.
    public func bytes(_ document: Document) -> [UInt8] {
        var writer = HTMLBytesWriter()
        writer.out.reserveCapacity(16_384)
        writer.out.append(contentsOf: Array("<!DOCTYPE html>\n".utf8))
        if let root = document.root { writer.write(root) }
        writer.out.append(UInt8(ascii: "\n"))
        return writer.out
    }

    /// `serialize(_:)` of a node as UTF-8 bytes.
    public func bytes(_ node: Node) -> [UInt8] {
        var writer = HTMLBytesWriter()
        writer.write(node)
        return writer.out
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
}
