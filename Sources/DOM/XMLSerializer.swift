/// Writes a DOM as XML 1.0 (feeds, sitemaps, standalone SVG): an XML declaration, empty
/// elements as `<x/>`, `& < >` escaped in text, `& < "` (and tab, newline, carriage return as
/// character references) in attribute values, control characters that XML 1.0 forbids removed.
/// Namespaces are written as the attributes that hold them (`xmlns="…"` set as attributes).
public struct XMLSerializer: Sendable {
    public init() {}

    /// `<?xml version="1.0" encoding="utf-8"?>`, a newline, the root element, a newline.
    public func serialize(_ document: Document) -> String {
        String(decoding: bytes(document), as: UTF8.self)
    }

    /// One node and its subtree, without a declaration.
    public func serialize(_ node: Node) -> String {
        var writer = XMLBytesWriter()
        writer.write(node)
        return String(decoding: writer.out, as: UTF8.self)
    }

    /// `serialize(_:)` of a document as UTF-8 bytes, written straight from libxml2's buffers.
    public func bytes(_ document: Document) -> [UInt8] {
        var writer = XMLBytesWriter()
        writer.out.append(contentsOf: Array("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n".utf8))
        if let root = document.root { writer.write(root) }
        writer.out.append(UInt8(ascii: "\n"))
        return writer.out
    }
}
