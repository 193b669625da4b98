import Diagnostics

/// An immutable, Sendable copy of a parsed XML element: what a template becomes after libxml2
/// has checked it is well-formed. Parsed once per build and shared by every page task, each of
/// which instantiates it into its own `Document`.
public struct MarkupElement: Sendable, Equatable {
    public var name: String
    /// The namespace prefix as written (`svg`, `r`), or nil.
    public var prefix: String?
    public var namespaceURI: String?
    public var attributes: [MarkupAttribute]
    public var children: [MarkupNode]
    /// Where the start tag's `<` is.
    public var location: SourceLocation

    public init(name: String, prefix: String? = nil, namespaceURI: String? = nil,
                attributes: [MarkupAttribute] = [], children: [MarkupNode] = [],
                location: SourceLocation) {
        self.name = name
        self.prefix = prefix
        self.namespaceURI = namespaceURI
        self.attributes = attributes
        self.children = children
        self.location = location
    }

    /// Parses an XML document with libxml2 and returns its root element with the source position
    /// of every element and attribute.
    ///
    /// - Parameters:
    ///   - text: The file's text (UTF-8; a BOM is skipped).
    ///   - file: Project-relative path used in locations.
    /// - Throws: `DiagnosticError` when the text is not well-formed XML (see `Document.parseXML`).
    public static func parse(_ text: String, file: String) throws(DiagnosticError) -> MarkupElement {
        let document = try Document.parseXML(text, file: file)
        guard let root = document.root else {
            throw DiagnosticError(.error("the template has no root element", at: SourceLocation(file: file, line: 1, column: 1)))
        }
        var scanner = TagScanner(text: text, file: file)
        return convert(root, scanner: &scanner)
    }

    private static func convert(_ node: Node, scanner: inout TagScanner) -> MarkupElement {
        let tag = scanner.nextStartTag(qualifiedName: node.qualifiedName)
        let attributes = node.attributes.map { attribute in
            let qualified = attribute.prefix.map { "\($0):\(attribute.name)" } ?? attribute.name
            return MarkupAttribute(name: attribute.name, prefix: attribute.prefix,
                                   namespaceURI: attribute.namespaceURI, value: attribute.value,
                                   location: tag.attributeLocations[qualified] ?? tag.location,
                                   valueLocation: tag.valueLocations[qualified] ?? tag.location)
        }
        var children: [MarkupNode] = []
        for child in node.children {
            switch child.kind {
            case .element: children.append(.element(convert(child, scanner: &scanner)))
            case .text: children.append(.text(child.text))
            case .comment: children.append(.comment(child.text))
            default: break
            }
        }
        return MarkupElement(name: node.name, prefix: node.namespacePrefix, namespaceURI: node.namespaceURI,
                             attributes: attributes, children: children, location: tag.location)
    }
}

/// A node of a `MarkupElement` tree.
public indirect enum MarkupNode: Sendable, Equatable {
    case element(MarkupElement)
    case text(String)
    case comment(String)
}

/// An attribute of a `MarkupElement`, with where its name and its value start.
public struct MarkupAttribute: Sendable, Equatable {
    public var name: String
    public var prefix: String?
    public var namespaceURI: String?
    public var value: String
    /// The first character of the attribute's name.
    public var location: SourceLocation
    /// The first character of the value, just inside the quote.
    public var valueLocation: SourceLocation

    public init(name: String, prefix: String? = nil, namespaceURI: String? = nil, value: String,
                location: SourceLocation, valueLocation: SourceLocation) {
        self.name = name
        self.prefix = prefix
        self.namespaceURI = namespaceURI
        self.value = value
        self.location = location
        self.valueLocation = valueLocation
    }
}

extension Node {
    var qualifiedName: String {
        namespacePrefix.map { "\($0):\(name)" } ?? name
    }
}

/// Finds start tags in document order in the source text, to give each element and attribute
/// a line and column (libxml2 records only the line where a start tag ends).
struct TagScanner {
    struct Tag {
        var location: SourceLocation
        var attributeLocations: [String: SourceLocation] = [:]
        var valueLocations: [String: SourceLocation] = [:]
    }

    private let characters: [Character]
    private let file: String
    private var index = 0
    private var line = 1
    private var column = 1

    init(text: String, file: String) {
        var characters = Array(text)
        if characters.first == "\u{FEFF}" { characters.removeFirst() }
        self.characters = characters
        self.file = file
    }

    private var here: SourceLocation { SourceLocation(file: file, line: line, column: column) }

    private mutating func advance() {
        if characters[index] == "\n" || characters[index] == "\r\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private func matches(_ literal: String, at position: Int) -> Bool {
        var i = position
        for character in literal {
            guard i < characters.count, characters[i] == character else { return false }
            i += 1
        }
        return true
    }

    /// Skips to the next start tag named `qualifiedName` (outside comments, CDATA, processing
    /// instructions and declarations) and reads its attributes' positions.
    mutating func nextStartTag(qualifiedName: String) -> Tag {
        while index < characters.count {
            if characters[index] == "<" {
                if matches("<!--", at: index) { skip(past: "-->"); continue }
                if matches("<![CDATA[", at: index) { skip(past: "]]>"); continue }
                if matches("<?", at: index) || matches("<!", at: index) { skip(past: ">"); continue }
                if matches("<" + qualifiedName, at: index) {
                    let after = index + 1 + qualifiedName.count
                    if after >= characters.count || characters[after].isWhitespace
                        || characters[after] == ">" || characters[after] == "/" {
                        return readTag(nameLength: qualifiedName.count)
                    }
                }
            }
            advance()
        }
        return Tag(location: SourceLocation(file: file, line: line, column: column))
    }

    private mutating func skip(past terminator: String) {
        while index < characters.count, !matches(terminator, at: index) { advance() }
        for _ in terminator where index < characters.count { advance() }
    }

    private mutating func readTag(nameLength: Int) -> Tag {
        var tag = Tag(location: here)
        for _ in 0...nameLength { advance() }
        while index < characters.count {
            let character = characters[index]
            if character == ">" { advance(); break }
            if character.isWhitespace || character == "/" { advance(); continue }
            // An attribute: name, optional spaces, `=`, quoted value.
            let nameLocation = here
            var name = ""
            while index < characters.count, !characters[index].isWhitespace,
                  characters[index] != "=", characters[index] != ">", characters[index] != "/" {
                name.append(characters[index])
                advance()
            }
            while index < characters.count, characters[index].isWhitespace || characters[index] == "=" { advance() }
            tag.attributeLocations[name] = nameLocation
            if index < characters.count, characters[index] == "\"" || characters[index] == "'" {
                let quote = characters[index]
                advance()
                tag.valueLocations[name] = here
                while index < characters.count, characters[index] != quote { advance() }
                if index < characters.count { advance() }
            }
        }
        return tag
    }
}

extension MarkupNode {
    /// A Sendable copy of a DOM node and its subtree (elements, text and comments), so that
    /// markup made in one page's document can be rebuilt in another's (an article's summary
    /// on the index). Positions are not kept.
    public static func capture(_ node: Node) -> MarkupNode? {
        switch node.kind {
        case .element:
            let attributes = node.attributes.filter { $0.prefix != "xmlns" && $0.name != "xmlns" }.map {
                MarkupAttribute(name: $0.name, prefix: $0.prefix, namespaceURI: $0.namespaceURI, value: $0.value,
                                location: SourceLocation(file: ""), valueLocation: SourceLocation(file: ""))
            }
            return .element(MarkupElement(name: node.name, attributes: attributes,
                                          children: node.children.compactMap(capture),
                                          location: SourceLocation(file: "")))
        case .text:
            return .text(node.text)
        case .comment:
            return .comment(node.text)
        default:
            return nil
        }
    }
}

extension Document {
    /// Builds DOM nodes from captured markup; the nodes belong to this document, unattached.
    public func instantiate(_ markup: MarkupNode) -> Node {
        switch markup {
        case .text(let text):
            return createText(text)
        case .comment(let text):
            return createComment(text)
        case .element(let element):
            let node = createElement(element.name)
            for attribute in element.attributes {
                node.setAttribute(attribute.prefix.map { "\($0):\(attribute.name)" } ?? attribute.name, attribute.value)
            }
            for child in element.children { node.append(instantiate(child)) }
            return node
        }
    }
}
