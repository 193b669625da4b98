// The only file of Reckon that touches libxml2's pointers. Everything else works with
// `Document`, `Node` and `MarkupElement`, which this file defines over libxml2.
//
// Ownership: a `Document` owns its `xmlDoc` and frees it (with every node in it) on deinit.
// A `Node` is a borrowed handle: valid while its document lives, never freed by itself.
// Neither is Sendable: a document is created, filled, serialized and freed inside one task
// (DESIGN.md §9). Values that cross tasks are Swift values (`MarkupElement`, strings, bytes).

@preconcurrency import CLibXML2
#if canImport(Glibc)
import Glibc
#endif
import Diagnostics

/// Prepares libxml2 for use from several threads. Call once, on the main thread, before any
/// parallel work (libxml2's documentation: `xmlInitParser`).
public func initializeXMLLibrary() {
    xmlInitParser()
}

/// A libxml2 document: the tree a page is built in before serialization.
public final class Document {
    let pointer: xmlDocPtr

    /// An empty document (no root element).
    public init() {
        pointer = xmlNewDoc(nil)
    }

    init(taking pointer: xmlDocPtr) {
        self.pointer = pointer
    }

    deinit {
        xmlFreeDoc(pointer)
    }

    /// The root element, if any. Setting it replaces (and frees) the previous root.
    public var root: Node? {
        get { xmlDocGetRootElement(pointer).map(Node.init) }
        set {
            guard let newValue else { return }
            precondition(newValue.pointer.pointee.doc == pointer, "root: the node belongs to another document")
            if let old = xmlDocSetRootElement(pointer, newValue.pointer) {
                xmlFreeNode(old)
            }
        }
    }

    /// A new element without namespace, owned by this document and not yet in the tree.
    public func createElement(_ name: String) -> Node {
        // Content nil: xmlNewDocNode with content would parse entities (DESIGN.md §9).
        xmlString(name) { Node(xmlNewDocNode(pointer, nil, $0, nil)) }
    }

    /// A new text node holding `text` verbatim; `&` and `<` are never interpreted.
    public func createText(_ text: String) -> Node {
        xmlString(text) { Node(xmlNewDocText(pointer, $0)) }
    }

    /// A new text node holding a copy of the NUL-terminated UTF-8 text at `utf8` verbatim, as
    /// `createText(_:)` does, without a Swift `String` in between (a parser's literal, such as
    /// cmark's, which replaces invalid UTF-8 when it reads its input).
    public func createText(utf8: UnsafePointer<CChar>) -> Node {
        Node(xmlNewDocText(pointer, UnsafeRawPointer(utf8).assumingMemoryBound(to: xmlChar.self)))
    }

    /// A new comment node.
    public func createComment(_ text: String) -> Node {
        xmlString(text) { Node(xmlNewDocComment(pointer, $0)) }
    }

    /// A new, empty document fragment: a container whose children are moved when it is appended.
    public func createFragment() -> Node {
        Node(xmlNewDocFragment(pointer))
    }

    /// A deep copy of `node` (which may belong to another document) owned by this document.
    public func importCopy(_ node: Node) -> Node {
        Node(xmlDocCopyNode(node.pointer, pointer, 1))
    }

    /// Whether `node` belongs to this document (it can be appended here without a copy).
    public func owns(_ node: Node) -> Bool {
        node.pointer.pointee.doc == pointer
    }

    /// Releases a node that was created in this document but never attached (or was detached).
    public func discard(_ node: Node) {
        xmlUnlinkNode(node.pointer)
        xmlFreeNode(node.pointer)
    }
}

/// A borrowed handle to a node of a `Document`.
public struct Node: Equatable {
    let pointer: xmlNodePtr

    init(_ pointer: xmlNodePtr) {
        self.pointer = pointer
    }

    public enum Kind: Equatable {
        case element, text, comment, fragment, document, other
    }

    public var kind: Kind {
        switch pointer.pointee.type {
        case XML_ELEMENT_NODE: return .element
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: return .text
        case XML_COMMENT_NODE: return .comment
        case XML_DOCUMENT_FRAG_NODE: return .fragment
        case XML_DOCUMENT_NODE, XML_HTML_DOCUMENT_NODE: return .document
        default: return .other
        }
    }

    /// The local name of an element ("p", "svg"); "" for other kinds.
    public var name: String {
        guard kind == .element, let name = pointer.pointee.name else { return "" }
        return String(cString: name)
    }

    /// The namespace URI of an element, if it has one.
    public var namespaceURI: String? {
        guard let ns = pointer.pointee.ns, let href = ns.pointee.href else { return nil }
        return String(cString: href)
    }

    /// The namespace prefix of an element as written (`svg` in `<svg:rect>`), or nil.
    public var namespacePrefix: String? {
        guard let ns = pointer.pointee.ns, let prefix = ns.pointee.prefix else { return nil }
        return String(cString: prefix)
    }

    /// The text of a text or comment node; the concatenated descendant text of an element.
    public var text: String {
        guard let content = xmlNodeGetContent(pointer) else { return "" }
        defer { xmlFree(content) }
        return String(cString: content)
    }

    /// Replaces the text of a text node, verbatim (for a text node libxml2 stores the string
    /// as is; `&` and `<` are not interpreted). Only for text nodes.
    public func setText(_ text: String) {
        precondition(kind == .text, "setText is for text nodes")
        xmlString(text) { xmlNodeSetContent(pointer, $0) }
    }

    /// The source line the parser recorded for this node (0 for built nodes).
    public var line: Int {
        Int(xmlGetLineNo(pointer))
    }

    public var parent: Node? { pointer.pointee.parent.map(Node.init) }
    public var firstChild: Node? { pointer.pointee.children.map(Node.init) }
    public var lastChild: Node? { pointer.pointee.last.map(Node.init) }
    public var nextSibling: Node? { pointer.pointee.next.map(Node.init) }
    public var previousSibling: Node? { pointer.pointee.prev.map(Node.init) }

    /// The children in order (a snapshot: safe to mutate the tree while iterating it).
    public var children: [Node] {
        var result: [Node] = []
        var child = pointer.pointee.children
        while let current = child {
            result.append(Node(current))
            child = current.pointee.next
        }
        return result
    }

    /// The attributes in document order.
    public var attributes: [Attribute] {
        var result: [Attribute] = []
        var attribute = pointer.pointee.properties
        while let current = attribute {
            let name = String(cString: current.pointee.name)
            let namespace = current.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
            let prefix = current.pointee.ns.flatMap { $0.pointee.prefix }.map { String(cString: $0) }
            var value = ""
            if let content = xmlNodeListGetString(pointer.pointee.doc, current.pointee.children, 1) {
                value = String(cString: content)
                xmlFree(content)
            }
            result.append(Attribute(name: name, prefix: prefix, namespaceURI: namespace, value: value))
            attribute = current.pointee.next
        }
        return result
    }

    /// The value of the attribute without namespace called `name`.
    public func attribute(_ name: String) -> String? {
        guard let value = xmlString(name, { xmlGetNoNsProp(pointer, $0) }) else { return nil }
        defer { xmlFree(value) }
        return String(cString: value)
    }

    /// Sets an attribute (no namespace); the value is stored as text, never parsed for entities.
    public func setAttribute(_ name: String, _ value: String) {
        xmlString(name) { name in xmlString(value) { _ = xmlSetProp(pointer, name, $0) } }
    }

    /// Removes the attribute without namespace called `name`, if present.
    public func removeAttribute(_ name: String) {
        xmlString(name) { _ = xmlUnsetProp(pointer, $0) }
    }

    /// Appends `child` as the last child (a fragment's children are moved; the fragment stays
    /// empty). Text merges into an adjacent text node, as in libxml2.
    public func append(_ child: Node) {
        if child.kind == .fragment {
            for grandchild in child.children { append(grandchild) }
            return
        }
        // A parsed document keeps its names in its parser's dictionary: a node from another
        // document is copied (`importCopy`), never moved.
        precondition(child.pointer.pointee.doc == pointer.pointee.doc, "append: the node belongs to another document")
        xmlUnlinkNode(child.pointer)
        xmlAddChild(pointer, child.pointer)
    }

    /// Inserts `node` just before this node (a fragment's children are moved in order).
    public func insertBefore(_ node: Node) {
        if node.kind == .fragment {
            for child in node.children { insertBefore(child) }
            return
        }
        precondition(node.pointer.pointee.doc == pointer.pointee.doc, "insertBefore: the node belongs to another document")
        xmlUnlinkNode(node.pointer)
        xmlAddPrevSibling(pointer, node.pointer)
    }

    /// Detaches this node from its parent; it still belongs to its document.
    public func unlink() {
        xmlUnlinkNode(pointer)
    }

    /// Detaches and frees this node and its subtree. The handle is invalid afterwards.
    public func remove() {
        xmlUnlinkNode(pointer)
        xmlFreeNode(pointer)
    }

    /// Puts `origin` before every `href` and `src` value below this node that is a site path
    /// (starts with one `/`): links that work from any host, as feeds need them.
    public func absolutizeURLs(origin: String) {
        var stack: [xmlNodePtr] = [pointer]
        while let node = stack.popLast() {
            var attribute = node.pointee.properties
            while let current = attribute {
                attribute = current.pointee.next
                guard xmlStrEqual(current.pointee.name, "href") != 0 || xmlStrEqual(current.pointee.name, "src") != 0,
                      current.pointee.ns == nil, let text = current.pointee.children, let content = text.pointee.content,
                      content[0] == UInt8(ascii: "/"), content[1] != UInt8(ascii: "/") else { continue }
                let value = origin + String(cString: content)
                xmlSetProp(node, current.pointee.name, value)
            }
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { stack.append(current) }
                child = current.pointee.next
            }
        }
    }

    /// Frees every child.
    public func removeChildren() {
        for child in children { child.remove() }
    }
}

// MARK: - Parsing

/// Collects libxml2's structured errors raised on this thread during one parse.
private final class ErrorCollector {
    var errors: [(line: Int, column: Int, code: Int, message: String, name: String?)] = []
}

private func withCollectedErrors<T>(_ body: () -> T) -> (T, ErrorCollector) {
    let collector = ErrorCollector()
    let context = Unmanaged.passUnretained(collector).toOpaque()
    xmlSetStructuredErrorFunc(context) { context, error in
        guard let context, let error else { return }
        let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
        let message = error.pointee.message.map { String(cString: $0) } ?? "malformed XML"
        let name = error.pointee.str1.map { String(cString: $0) }
        collector.errors.append((Int(error.pointee.line), Int(error.pointee.int2),
                                 Int(error.pointee.code), message, name))
    }
    let result = withExtendedLifetime(collector) { body() }
    xmlSetStructuredErrorFunc(nil, nil)
    return (result, collector)
}

/// The character an HTML named entity stands for (`nbsp` → U+00A0), if HTML defines it.
func htmlEntityCharacter(named name: String) -> Unicode.Scalar? {
    guard let entity = htmlEntityLookup(name) else { return nil }
    return Unicode.Scalar(entity.pointee.value)
}

extension Document {
    /// Parses well-formed XML (an XHTML template) with libxml2's XML parser: no network, no DTD
    /// loading, blanks kept. Errors carry `file:line:column` (columns in characters); a named
    /// entity other than XML's five is reported with the character or numeric reference to use.
    ///
    /// - Throws: `DiagnosticError` with every error libxml2 reported.
    public static func parseXML(_ text: String, file: String) throws(DiagnosticError) -> Document {
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue)
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let count = Int32(bytes.count)
        let (pointer, collector) = withCollectedErrors { () -> xmlDocPtr? in
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReadMemory($0, count, file, "UTF-8", options)
                }
            }
        }
        var source = Substring(text)
        if source.first == "\u{FEFF}" { source = source.dropFirst() }  // libxml2 never saw it
        let lines = collector.errors.isEmpty ? [] : String(source).sourceLines
        var diagnostics: [Diagnostic] = []
        var sawFatal = false
        for error in collector.errors {
            let lineText = error.line >= 1 && error.line <= lines.count ? Array(lines[error.line - 1]) : []
            // libxml2 2.9 counts columns in characters already (1-based).
            var column = error.column
            var message = error.message.trimmingWhitespace()
            if error.code == Int(XML_ERR_UNDECLARED_ENTITY.rawValue)
                || error.code == Int(XML_WAR_UNDECLARED_ENTITY.rawValue), let name = error.name {
                message = "named entity `&\(name);` is not defined in XHTML templates"
                if let scalar = htmlEntityCharacter(named: name) {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    message += ": write the character itself or `&#\(scalar.value);` (U+\(String(repeating: "0", count: max(0, 4 - hex.count)))\(hex))"
                } else {
                    message += ": write the character itself or a numeric reference"
                }
                // libxml2 points just after this occurrence's `;`: point at its `&` instead.
                if let offset = lineText.lastOffset(of: Array("&\(name);"), endingBefore: column) {
                    column = offset + 1
                }
            } else {
                // After the first well-formedness error libxml2's further reports are consequences.
                if sawFatal { continue }
                sawFatal = true
                if error.code == Int(XML_ERR_TAG_NAME_MISMATCH.rawValue),
                   let offset = lineText.lastOffset(of: Array("</"), endingBefore: column) {
                    column = offset + 1  // the end tag that does not match, not the end of it
                }
                message = "malformed XML: " + message.prefix(1).lowercased() + message.dropFirst()
            }
            let diagnostic = Diagnostic.error(message, at: SourceLocation(file: file, line: error.line, column: column))
            if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
        }
        guard let pointer, diagnostics.isEmpty else {
            if let pointer { xmlFreeDoc(pointer) }
            if diagnostics.isEmpty {
                diagnostics.append(.error("malformed XML", at: SourceLocation(file: file)))
            }
            throw DiagnosticError(diagnostics)
        }
        return Document(taking: pointer)
    }

    /// Validates an XML text against an XML Schema (XSD 1.0) with libxml2's xmlschemas.
    ///
    /// - Parameters:
    ///   - text: The document to validate.
    ///   - schema: The XSD's text.
    ///   - file: Name used in diagnostics.
    /// - Returns: One diagnostic per schema violation (line and libxml2's message), or a single
    ///   diagnostic when the text is not well-formed; `[]` when valid.
    public static func validate(_ text: String, schema: String, file: String) -> [Diagnostic] {
        let schemaBytes = Array(schema.utf8)
        let (parsedSchema, _) = withCollectedErrors { () -> xmlSchemaPtr? in
            schemaBytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                    guard let context = xmlSchemaNewMemParserCtxt(base, Int32(buffer.count)) else { return nil }
                    defer { xmlSchemaFreeParserCtxt(context) }
                    return xmlSchemaParse(context)
                }
            }
        }
        guard let parsedSchema else {
            return [.error("the XML schema for \(file) does not parse", at: SourceLocation(file: file))]
        }
        defer { xmlSchemaFree(parsedSchema) }
        let document: Document
        do {
            document = try parseXML(text, file: file)
        } catch {
            return error.diagnostics
        }
        let (_, collector) = withCollectedErrors { () -> Int32 in
            guard let context = xmlSchemaNewValidCtxt(parsedSchema) else { return -1 }
            defer { xmlSchemaFreeValidCtxt(context) }
            return xmlSchemaValidateDoc(context, document.pointer)
        }
        return collector.errors.map { error in
            .error("does not match its XML schema: " + error.message.trimmingWhitespace(),
                   at: SourceLocation(file: file, line: error.line))
        }
    }

    /// Parses HTML leniently with libxml2's HTML parser, reporting nothing. Reckon never uses
    /// this on content; it exists to normalize reference HTML in conformance tests.
    public static func parseHTMLLeniently(_ text: String) -> Document? {
        let options = Int32(HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                            | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue)
        let bytes = Array(text.utf8)
        let (pointer, _) = withCollectedErrors { () -> htmlDocPtr? in
            bytes.withUnsafeBufferPointer { buffer in
                guard let base = buffer.baseAddress else { return nil }
                return base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
                }
            }
        }
        return pointer.map { Document(taking: $0) }
    }
}

/// The value of an attribute as read from the tree.
public struct Attribute: Equatable, Sendable {
    public var name: String
    public var prefix: String?
    public var namespaceURI: String?
    public var value: String
}

extension Array where Element: Equatable {
    /// The start of the last occurrence of `needle` that begins before the 1-based `column`.
    func lastOffset(of needle: [Element], endingBefore column: Int) -> Int? {
        guard !needle.isEmpty, needle.count <= count else { return nil }
        var start = Swift.min(count - needle.count, Swift.max(0, column - 2))
        while start >= 0 {
            if self[start..<(start + needle.count)].elementsEqual(needle) { return start }
            start -= 1
        }
        return nil
    }
}

extension String {
    func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}

/// `text` as libxml2's `const xmlChar *` while `body` runs: a native string's own NUL-ended
/// bytes, or a copy on the stack for a small one. (Passing a `String` where libxml2 takes
/// `xmlChar *` converts through `utf8CString`, a new array for every node and attribute.)
@inline(__always)
func xmlString<Result>(_ text: String, _ body: (UnsafePointer<xmlChar>) -> Result) -> Result {
    text.withCString { body(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }
}

// MARK: - HTML5 bytes

/// The bytes of a NUL-terminated `xmlChar` string, without copying.
private func xmlBytes(_ text: UnsafePointer<xmlChar>?) -> UnsafeBufferPointer<UInt8> {
    guard let text else { return UnsafeBufferPointer(start: nil, count: 0) }
    return UnsafeBufferPointer(start: text, count: Int(xmlStrlen(text)))
}

/// Writes ` prefix:name="value"` for one attribute, its value's bytes escaped by `escape`.
private func writeAttribute(_ attribute: xmlAttrPtr, into out: inout [UInt8],
                            escape: (UnsafeBufferPointer<UInt8>, inout [UInt8]) -> Void) {
    out.append(UInt8(ascii: " "))
    if let prefix = attribute.pointee.ns?.pointee.prefix {
        out.append(contentsOf: xmlBytes(prefix))
        out.append(UInt8(ascii: ":"))
    }
    out.append(contentsOf: xmlBytes(attribute.pointee.name))
    out.append(UInt8(ascii: "="))
    out.append(UInt8(ascii: "\""))
    var child = attribute.pointee.children
    while let text = child {
        escape(xmlBytes(text.pointee.content), &out)
        child = text.pointee.next
    }
    out.append(UInt8(ascii: "\""))
}

/// The HTML5 writer of `HTMLSerializer`, over libxml2's nodes and bytes directly: names and
/// text are copied from `xmlChar` buffers into the output without making Swift strings. When
/// asked, it also gathers the page's `PageFacts` on the same walk.
struct HTMLBytesWriter {
    var out: [UInt8] = []
    /// What the walk gathered, when `gathersFacts` (empty otherwise). Not optional: mutating
    /// through `facts!` copied the whole struct at each element (3% of a build).
    var facts = PageFacts()
    let gathersFacts: Bool
    private var headDepth = 0

    init(gatheringFacts: Bool = false) {
        gathersFacts = gatheringFacts
    }

    mutating func write(_ node: Node) {
        if gathersFacts, node.pointer.pointee.type == XML_ELEMENT_NODE {
            facts.rootName = node.name
            facts.rootLang = node.attribute("lang") ?? ""
        }
        write(node.pointer)
    }

    /// Entities and comment delimiters, made once (the XML writer uses them too).
    static let amp: [UInt8] = Array("&amp;".utf8), lt: [UInt8] = Array("&lt;".utf8)
    static let gt: [UInt8] = Array("&gt;".utf8), quot: [UInt8] = Array("&quot;".utf8)
    static let commentOpen: [UInt8] = Array("<!--".utf8), commentClose: [UInt8] = Array("-->".utf8)

    private static func equals(_ name: UnsafeBufferPointer<UInt8>, _ literal: StaticString) -> Bool {
        guard name.count == literal.utf8CodeUnitCount, let base = name.baseAddress else { return false }
        return memcmp(base, literal.utf8Start, name.count) == 0
    }

    /// Void elements (no end tag) and raw-text elements (text written as is), by name.
    private static func kind(of name: UnsafeBufferPointer<UInt8>) -> (isVoid: Bool, isRaw: Bool, keepsNewline: Bool) {
        switch name.count {
        case 2: return (equals(name, "br") || equals(name, "hr"), false, false)
        case 3: return (equals(name, "img") || equals(name, "col") || equals(name, "wbr"), false, equals(name, "pre"))
        case 4: return (equals(name, "area") || equals(name, "base") || equals(name, "link") || equals(name, "meta"), false, false)
        case 5: return (equals(name, "embed") || equals(name, "input") || equals(name, "track"), equals(name, "style"), false)
        case 6: return (equals(name, "source"), equals(name, "script"), false)
        case 7: return (false, false, equals(name, "listing"))
        case 8: return (false, false, equals(name, "textarea"))
        default: return (false, false, false)
        }
    }

    private static func isLinkAttribute(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        equals(name, "href") || equals(name, "src") || equals(name, "action") || equals(name, "formaction")
            || equals(name, "poster") || equals(name, "data")
    }

    private mutating func write(_ node: xmlNodePtr) {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            let name = xmlBytes(node.pointee.name)
            if gathersFacts { gather(node, name: name) }
            out.append(UInt8(ascii: "<"))
            out.append(contentsOf: name)
            var attribute = node.pointee.properties
            while let current = attribute {
                defer { attribute = current.pointee.next }
                let prefix = current.pointee.ns.flatMap { $0.pointee.prefix }
                if prefix.map({ xmlStrEqual($0, "xmlns") != 0 }) == true || xmlStrEqual(current.pointee.name, "xmlns") != 0 { continue }
                writeAttribute(current, into: &out) { Self.escape($0, attribute: true, into: &$1) }
            }
            out.append(UInt8(ascii: ">"))
            let kind = Self.kind(of: name)
            if kind.isVoid { return }
            let isHead = gathersFacts && Self.equals(name, "head")
            if isHead { headDepth += 1 }
            if kind.isRaw {
                var child = node.pointee.children
                while let current = child {
                    if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE {
                        for byte in xmlBytes(current.pointee.content) where !Self.isControlByte(byte) { out.append(byte) }
                    }
                    child = current.pointee.next
                }
            } else {
                if kind.keepsNewline, let first = node.pointee.children, first.pointee.type == XML_TEXT_NODE,
                   first.pointee.content?.pointee == UInt8(ascii: "\n") {
                    out.append(UInt8(ascii: "\n"))
                }
                var child = node.pointee.children
                while let current = child {
                    write(current)
                    child = current.pointee.next
                }
            }
            if isHead { headDepth -= 1 }
            out.append(UInt8(ascii: "<"))
            out.append(UInt8(ascii: "/"))
            out.append(contentsOf: name)
            out.append(UInt8(ascii: ">"))
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            Self.escape(xmlBytes(node.pointee.content), attribute: false, into: &out)
        case XML_COMMENT_NODE:
            out.append(contentsOf: Self.commentOpen)
            out.append(contentsOf: xmlBytes(node.pointee.content))
            out.append(contentsOf: Self.commentClose)
        case XML_DOCUMENT_FRAG_NODE, XML_DOCUMENT_NODE, XML_HTML_DOCUMENT_NODE:
            var child = node.pointee.children
            while let current = child {
                write(current)
                child = current.pointee.next
            }
        default:
            break
        }
    }

    /// Notes what the page checks need about one element.
    private mutating func gather(_ node: xmlNodePtr, name: UnsafeBufferPointer<UInt8>) {
        if headDepth > 0 && Self.equals(name, "title") { facts.titlesInHead += 1 }
        var hasAlt = false
        var attribute = node.pointee.properties
        while let current = attribute {
            defer { attribute = current.pointee.next }
            let attributeName = xmlBytes(current.pointee.name)
            if Self.isLinkAttribute(attributeName) {
                let value = Self.valueBytes(of: current)
                facts.links.append(String(decoding: value, as: UTF8.self))
                if Self.isJavaScriptURL(value) { facts.javascriptURLs.append(Self.describe(node)) }
            } else if Self.equals(attributeName, "id") {
                let id = Self.value(of: current)
                if !facts.ids.insert(id).inserted { facts.duplicateIDs.append((id, Self.describe(node))) }
            } else if Self.equals(attributeName, "aria-labelledby") {
                facts.labelledBy.append((Self.value(of: current).split(separator: " ").map(String.init), Self.describe(node)))
            } else if Self.equals(attributeName, "alt") {
                hasAlt = true
            }
        }
        if !hasAlt && Self.equals(name, "img") { facts.imagesWithoutAlt.append(Self.describe(node)) }
    }

    private static func value(of attribute: xmlAttrPtr) -> String {
        String(decoding: valueBytes(of: attribute), as: UTF8.self)
    }

    private static func valueBytes(of attribute: xmlAttrPtr) -> [UInt8] {
        var bytes: [UInt8] = []
        var child = attribute.pointee.children
        while let text = child {
            bytes.append(contentsOf: xmlBytes(text.pointee.content))
            child = text.pointee.next
        }
        return bytes
    }

    /// Whether a URL, after leading spaces, tabs and line feeds, starts with `javascript:` in
    /// any case. By byte: a URL's scheme is ASCII (WHATWG URL §4.4), and no other letter
    /// lowercases to one of `javascript:`'s.
    static func isJavaScriptURL(_ value: [UInt8]) -> Bool {
        let scheme = value.drop(while: { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") })
        guard scheme.count >= javascriptScheme.count else { return false }
        return zip(scheme, javascriptScheme).allSatisfy { byte, expected in
            (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte) == expected
        }
    }

    private static let javascriptScheme = Array("javascript:".utf8)

    /// `` `<img src="a.png">` ``: the element as a reader of the HTML would find it.
    static func describe(_ node: xmlNodePtr) -> String {
        let element = Node(node)
        let attributes = element.attributes.prefix(2).map { " \($0.name)=\"\($0.value.prefix(60))\"" }.joined()
        return "`<\(element.name)\(attributes)>`"
    }

    /// C0 controls but tab, LF, FF, CR, and DEL (one byte); C1 controls are U+0080–U+009F,
    /// encoded as 0xC2 0x80…0x9F (see `escape`).
    private static func isControlByte(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0C && byte != 0x0D) || byte == 0x7F
    }

    private static func escape(_ text: UnsafeBufferPointer<UInt8>, attribute: Bool, into out: inout [UInt8]) {
        var index = 0
        var run = 0  // the start of the bytes not yet written, all written as they are
        let count = text.count
        let asIs = bytesWrittenAsIs
        while index < count {
            let byte = text[index]
            if asIs[Int(byte)] {
                index += 1
                continue
            }
            appendRun(text, from: run, to: index, into: &out)
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: Self.amp)
            case UInt8(ascii: "<") where !attribute: out.append(contentsOf: Self.lt)
            case UInt8(ascii: ">") where !attribute: out.append(contentsOf: Self.gt)
            case UInt8(ascii: "\"") where attribute: out.append(contentsOf: Self.quot)
            case 0xC2 where index + 1 < count && (0x80...0x9F).contains(text[index + 1]):
                index += 1  // a C1 control: dropped
            default:
                if !Self.isControlByte(byte) { out.append(byte) }
            }
            index += 1
            run = index
        }
        appendRun(text, from: run, to: count, into: &out)
    }
}

/// Whether an escaper writes `byte` as it is whatever comes before or after it: not a control
/// byte, none of `& < > "`, and not a lead byte the escapers look at (0xC2: C1 controls; 0xEF:
/// U+FFFE and U+FFFF). Such bytes are appended in runs, not one by one (the HTML writer's byte
/// loop was the largest single cost of serializing a page).
private func mayBeWrittenAsIs(_ byte: UInt8) -> Bool {
    byte >= 0x20 && byte != UInt8(ascii: "&") && byte != UInt8(ascii: "<") && byte != UInt8(ascii: ">")
        && byte != UInt8(ascii: "\"") && byte != 0x7F && byte != 0xC2 && byte != 0xEF
}

/// `mayBeWrittenAsIs` of every byte value, made once and never freed: the escapers' loops read
/// one entry per byte instead of testing seven values.
nonisolated(unsafe) private let bytesWrittenAsIs: UnsafeBufferPointer<Bool> = {
    let table = UnsafeMutableBufferPointer<Bool>.allocate(capacity: 256)
    for value in 0..<256 { table[value] = mayBeWrittenAsIs(UInt8(value)) }
    return UnsafeBufferPointer(table)
}()

@inline(__always)
private func appendRun(_ text: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int, into out: inout [UInt8]) {
    if end > start { out.append(contentsOf: UnsafeBufferPointer(rebasing: text[start..<end])) }
}

// MARK: - XML bytes

/// The XML writer of `XMLSerializer`, over libxml2's nodes and bytes directly.
struct XMLBytesWriter {
    var out: [UInt8] = []

    mutating func write(_ node: Node) {
        write(node.pointer)
    }

    private mutating func writeName(_ node: xmlNodePtr) {
        if let prefix = node.pointee.ns?.pointee.prefix {
            out.append(contentsOf: xmlBytes(prefix))
            out.append(UInt8(ascii: ":"))
        }
        out.append(contentsOf: xmlBytes(node.pointee.name))
    }

    private mutating func write(_ node: xmlNodePtr) {
        switch node.pointee.type {
        case XML_ELEMENT_NODE:
            out.append(UInt8(ascii: "<"))
            writeName(node)
            var attribute = node.pointee.properties
            while let current = attribute {
                writeAttribute(current, into: &out) { Self.escape($0, attribute: true, into: &$1) }
                attribute = current.pointee.next
            }
            guard node.pointee.children != nil else {
                out.append(UInt8(ascii: "/"))
                out.append(UInt8(ascii: ">"))
                return
            }
            out.append(UInt8(ascii: ">"))
            var child = node.pointee.children
            while let current = child {
                write(current)
                child = current.pointee.next
            }
            out.append(UInt8(ascii: "<"))
            out.append(UInt8(ascii: "/"))
            writeName(node)
            out.append(UInt8(ascii: ">"))
        case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
            Self.escape(xmlBytes(node.pointee.content), attribute: false, into: &out)
        case XML_COMMENT_NODE:
            out.append(contentsOf: HTMLBytesWriter.commentOpen)
            out.append(contentsOf: xmlBytes(node.pointee.content))
            out.append(contentsOf: HTMLBytesWriter.commentClose)
        case XML_DOCUMENT_FRAG_NODE, XML_DOCUMENT_NODE:
            var child = node.pointee.children
            while let current = child {
                write(current)
                child = current.pointee.next
            }
        default:
            break
        }
    }

    private static let tab: [UInt8] = Array("&#9;".utf8), lineFeed: [UInt8] = Array("&#10;".utf8)
    private static let carriageReturn: [UInt8] = Array("&#13;".utf8)

    /// Escapes `& <` (and `>` in text, `"`, tab, LF in attributes; CR as a reference), and
    /// drops what XML 1.0 forbids (C0 but tab, LF, CR; U+FFFE, U+FFFF) and DEL and C1 controls.
    private static func escape(_ text: UnsafeBufferPointer<UInt8>, attribute: Bool, into out: inout [UInt8]) {
        var index = 0
        var run = 0  // the start of the bytes not yet written, all written as they are
        let count = text.count
        let asIs = bytesWrittenAsIs
        while index < count {
            let byte = text[index]
            if asIs[Int(byte)] {
                index += 1
                continue
            }
            appendRun(text, from: run, to: index, into: &out)
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: HTMLBytesWriter.amp)
            case UInt8(ascii: "<"): out.append(contentsOf: HTMLBytesWriter.lt)
            case UInt8(ascii: ">") where !attribute: out.append(contentsOf: HTMLBytesWriter.gt)
            case UInt8(ascii: "\"") where attribute: out.append(contentsOf: HTMLBytesWriter.quot)
            case 0x09 where attribute: out.append(contentsOf: Self.tab)
            case 0x0A where attribute: out.append(contentsOf: Self.lineFeed)
            case 0x0D: out.append(contentsOf: Self.carriageReturn)
            case 0x09, 0x0A: out.append(byte)
            case 0x00..<0x20, 0x7F: break
            case 0xC2 where index + 1 < count && (0x80...0x9F).contains(text[index + 1]):
                index += 1  // a C1 control
            case 0xEF where index + 2 < count && text[index + 1] == 0xBF && (text[index + 2] == 0xBE || text[index + 2] == 0xBF):
                index += 2  // U+FFFE, U+FFFF
            default:
                out.append(byte)
            }
            index += 1
            run = index
        }
        appendRun(text, from: run, to: count, into: &out)
    }
}
