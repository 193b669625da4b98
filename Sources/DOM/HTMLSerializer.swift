/// Writes a DOM as HTML5 (the WHATWG "serializing HTML fragments" algorithm, restricted to
/// what Reckon produces): `<!DOCTYPE html>`, void elements without end tags, raw text in
/// `script` and `style`, `& < >` escaped in text and `& "` in attribute values, attributes in
/// document order. Namespace declarations are dropped: HTML5 puts `svg` and `math` in their
/// namespaces by name. libxml2's own HTML serializer is HTML4-era (it writes `</source>` and
/// a second meta charset), so Reckon does not use it.
public struct HTMLSerializer: Sendable {
    /// Void elements (no end tag: area, base, br, col, embed, hr, img, input, link, meta,
    /// source, track, wbr) and raw-text elements (script, style) are known by name to the
    /// writer (`HTMLBytesWriter.kind(of:)`); C0 controls (but tab, LF, FF, CR), DEL and C1
    /// controls are parse errors in HTML5 ("control-character-in-input-stream") and are dropped.
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

    /// `bytes(_:)` of a document, with the facts the page checks need, gathered on the same
    /// walk (`PageFacts`).
    public func bytesAndFacts(_ document: Document) -> ([UInt8], PageFacts) {
        var writer = HTMLBytesWriter(gatheringFacts: true)
        writer.out.reserveCapacity(16_384)
        writer.out.append(contentsOf: Array("<!DOCTYPE html>\n".utf8))
        if let root = document.root { writer.write(root) }
        writer.out.append(UInt8(ascii: "\n"))
        return (writer.out, writer.facts)
    }

    /// `serialize(_:)` of a node as UTF-8 bytes.
    public func bytes(_ node: Node) -> [UInt8] {
        var writer = HTMLBytesWriter()
        writer.write(node)
        return writer.out
    }
}
