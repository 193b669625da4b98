// The only file of Reckon that touches cmark's pointers: it parses Markdown and walks cmark's
// ENTER/EXIT events straight into DOM nodes (DESIGN.md §3). Every cmark object created here
// is freed here.

import CCmark
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif
import DOM
import Diagnostics

/// Switches for the Markdown walker.
public struct MarkdownOptions: Sendable, Equatable {
    /// Give every heading a unique, Unicode-aware `id` (CJK kept).
    public var headingIDs: Bool
    /// Render GitHub-style pipe tables as `<table>`.
    public var pipeTables: Bool
    /// Drop a soft line break between two East Asian wide characters (CJK prose is written
    /// without spaces, so a wrapped source line must not put one in).
    public var joinEastAsianLines: Bool
    /// Ids the page already uses (the templates'), which heading ids must avoid.
    public var reservedIDs: Set<String>

    public init(headingIDs: Bool = true, pipeTables: Bool = true, joinEastAsianLines: Bool = true,
                reservedIDs: Set<String> = []) {
        self.headingIDs = headingIDs
        self.pipeTables = pipeTables
        self.joinEastAsianLines = joinEastAsianLines
        self.reservedIDs = reservedIDs
    }

    /// Plain CommonMark, as cmark's own renderer does it (for conformance tests).
    public static let commonMark = MarkdownOptions(headingIDs: false, pipeTables: false, joinEastAsianLines: false)
}

/// What a link destination is used for.
public enum LinkKind: Sendable, Equatable {
    case link, image
}

/// Turns a link or image destination as written into the URL to put in the page. Called for
/// every safe destination; the resolver reports its own diagnostics (a missing article, say).
public typealias LinkResolver = (_ destination: String, _ kind: LinkKind, _ location: SourceLocation) -> String

/// Callbacks through which the site replaces Reckon's special Markdown nodes (DESIGN.md §3).
/// Each returns the node to insert (created in the page's document), or nil to render the
/// node as ordinary Markdown.
public struct MarkdownHooks {
    /// For an inline code span that starts with `=` and a space (`` `= palm.flops | sci` ``):
    /// the expression after `= ` and where it starts.
    public var figure: ((_ expression: String, _ location: SourceLocation) -> Node?)?
    /// For a fenced code block: its first info word (`compute`, `check`, `chart`…), the block's
    /// text, and where the text's first line starts.
    public var fencedBlock: ((_ name: String, _ text: String, _ location: SourceLocation) -> Node?)?

    public init(figure: ((String, SourceLocation) -> Node?)? = nil,
                fencedBlock: ((String, String, SourceLocation) -> Node?)? = nil) {
        self.figure = figure
        self.fencedBlock = fencedBlock
    }
}

/// A fenced code block found by `MarkdownRenderer.fencedBlocks(in:file:firstLine:)`.
public struct FencedBlock: Sendable, Equatable {
    /// The first word of the info string (`compute`), or "" for none.
    public var name: String
    public var text: String
    /// Where the block's first line of text starts.
    public var location: SourceLocation

    public init(name: String, text: String, location: SourceLocation) {
        self.name = name
        self.text = text
        self.location = location
    }
}

/// A heading of a rendered article, for tables of contents.
public struct Heading: Sendable, Equatable {
    public var level: Int
    public var text: String
    public var id: String
}

/// What rendering one Markdown text produced besides its nodes.
public struct RenderedMarkdown {
    public var headings: [Heading] = []
    public var diagnostics: [Diagnostic] = []
    /// The text of the article without markup (paragraphs separated by newlines), as UTF-8:
    /// for word counts and reading time. Bytes, not a `String`: a text node's literal is
    /// appended straight from cmark's memory (`String` appends cost 370 instructions each).
    public var plainText: [UInt8] = []
}

/// Parses CommonMark with cmark and writes it into a DOM, with Reckon's extensions: heading
/// ids, GitHub pipe tables, and safe URLs (raw HTML dropped with a warning; `javascript:`,
/// `vbscript:`, `file:` and non-image `data:` URLs emptied, as cmark's safe renderer does).
public struct MarkdownRenderer {
    public var options: MarkdownOptions

    public init(options: MarkdownOptions = MarkdownOptions()) {
        self.options = options
    }

    /// Renders `source` as the last children of `parent`.
    ///
    /// - Parameters:
    ///   - source: Markdown text with `\n` line ends (front matter already removed).
    ///   - file: Project-relative path, for diagnostics.
    ///   - firstLine: The file line on which `source` starts (after front matter).
    ///   - parent: An element or fragment of `document` to append to.
    ///   - resolveLink: Maps each safe link or image destination to its final URL.
    /// - Returns: Headings, warnings (raw HTML dropped), and the plain text.
    public func render(_ source: String, file: String, firstLine: Int = 1, into parent: Node,
                       of document: Document, hooks: MarkdownHooks = MarkdownHooks(),
                       resolveLink: @escaping LinkResolver) -> RenderedMarkdown {
        var walk = Walk(options: options, document: document, file: file,
                        lines: SourceLines(source), lineOffset: firstLine - 1, resolveLink: resolveLink)
        walk.hooks = hooks
        walk.ids = IDAllocator(reserved: options.reservedIDs)
        let root = Self.parse(source)
        defer { cmark_node_free(root) }
        walk.walk(root, into: parent, cellOrigin: SourceLocation?.none)
        return walk.result
    }

    /// cmark's own HTML for `source` (its safe default renderer). Reckon pages never use it; the
    /// conformance test compares the walker against it.
    public static func referenceHTML(_ source: String) -> String {
        let length = source.utf8.count
        guard let html = cmark_markdown_to_html(source, length, CMARK_OPT_DEFAULT) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// Every fenced code block with an info string of `source`, in document order (a cheap pre-pass: the site reads
    /// a page's `compute` definitions before rendering its figures).
    public static func fencedBlocks(in source: String, file: String, firstLine: Int = 1) -> [FencedBlock] {
        let root = parse(source)
        defer { cmark_node_free(root) }
        guard let iterator = cmark_iter_new(root) else { return [] }
        defer { cmark_iter_free(iterator) }
        let lines = SourceLines(source)
        var blocks: [FencedBlock] = []
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator),
               cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK {
                let block = fencedBlock(node, file: file, lines: lines, lineOffset: firstLine - 1)
                if !block.name.isEmpty { blocks.append(block) }
            }
            event = cmark_iter_next(iterator)
        }
        return blocks
    }

    static func fencedBlock(_ node: OpaquePointer, file: String, lines: SourceLines, lineOffset: Int) -> FencedBlock {
        let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
        let name = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first.map(String.init) ?? ""
        let text = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        let fenceLine = Int(cmark_node_get_start_line(node))
        let fenceColumn = Int(cmark_node_get_start_column(node))
        let lineText = lines[fenceLine]
        let column = String.characterColumn(fromByteColumn: fenceColumn, in: lineText)
        return FencedBlock(name: name, text: text,
                           location: SourceLocation(file: file, line: fenceLine + 1 + lineOffset, column: column))
    }

    static func parse(_ source: String) -> OpaquePointer {
        cmark_parse_document(source, source.utf8.count, CMARK_OPT_DEFAULT)
    }
}

extension Character {
    /// Ideographic and full-width punctuation (CJK Symbols and Punctuation U+3000–303F, and the
    /// punctuation of Halfwidth and Fullwidth Forms), which carries its own spacing.
    var isCJKPunctuation: Bool {
        guard let scalar = unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3000...0x303F, 0xFF01...0xFF0F, 0xFF1A...0xFF20, 0xFF3B...0xFF40, 0xFF5B...0xFF65: return true
        default: return false
        }
    }
}

/// The state of one walk over a cmark tree.
private struct Walk {
    let options: MarkdownOptions
    let document: Document
    let file: String
    let lines: SourceLines
    let lineOffset: Int
    let resolveLink: LinkResolver
    var ids = IDAllocator()
    var result = RenderedMarkdown()
    var hooks = MarkdownHooks()

    init(options: MarkdownOptions, document: Document, file: String, lines: SourceLines,
         lineOffset: Int, resolveLink: @escaping LinkResolver) {
        self.options = options
        self.document = document
        self.file = file
        self.lines = lines
        self.lineOffset = lineOffset
        self.resolveLink = resolveLink
    }

    /// Where a cmark node starts in the file, in characters. Inline nodes, for which cmark
    /// 0.30 records no position, take their nearest block ancestor's.
    func location(of node: OpaquePointer, cellOrigin: SourceLocation?) -> SourceLocation {
        if let cellOrigin { return cellOrigin }
        var current: OpaquePointer? = node
        while let candidate = current {
            let line = Int(cmark_node_get_start_line(candidate))
            if line > 0 {
                let byteColumn = Int(cmark_node_get_start_column(candidate))
                let text = lines[line]
                return SourceLocation(file: file, line: line + lineOffset,
                                      column: String.characterColumn(fromByteColumn: byteColumn, in: text))
            }
            current = cmark_node_parent(candidate)
        }
        return SourceLocation(file: file, line: lineOffset + 1, column: 1)
    }

    func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    func newline(in parent: Node) {
        parent.append(document.createText("\n"))
    }

    /// Walks the subtree under `root` into `parent`. `cellOrigin` is set when walking the
    /// separately parsed text of a table cell (positions then point at the cell).
    mutating func walk(_ root: OpaquePointer, into parent: Node, cellOrigin: SourceLocation?) {
        guard let iterator = cmark_iter_new(root) else { return }
        defer { cmark_iter_free(iterator) }
        var stack: [Node] = [parent]
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            guard let node = cmark_iter_get_node(iterator) else { break }
            let type = cmark_node_get_type(node)
            let top = stack[stack.count - 1]
            if event == CMARK_EVENT_ENTER {
                switch type {
                case CMARK_NODE_DOCUMENT:
                    stack.append(top)
                case CMARK_NODE_BLOCK_QUOTE:
                    let element = openBlock("blockquote", in: top)
                    newline(in: element)
                    stack.append(element)
                case CMARK_NODE_LIST:
                    let ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST
                    let element = openBlock(ordered ? "ol" : "ul", in: top)
                    let start = cmark_node_get_list_start(node)
                    if ordered && start != 1 { element.setAttribute("start", String(start)) }
                    newline(in: element)
                    stack.append(element)
                case CMARK_NODE_ITEM:
                    stack.append(open("li", in: top))
                case CMARK_NODE_PARAGRAPH:
                    if options.pipeTables, cellOrigin == nil, let table = pipeTable(at: node) {
                        renderTable(table, paragraph: node, into: top)
                        newline(in: top)
                        cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                        break
                    }
                    if isInTightList(node) || cellOrigin != nil {
                        stack.append(top)
                    } else {
                        stack.append(openBlock("p", in: top))
                    }
                case CMARK_NODE_HEADING:
                    stack.append(openBlock("h\(cmark_node_get_heading_level(node))", in: top))
                case CMARK_NODE_EMPH:
                    stack.append(open("em", in: top))
                case CMARK_NODE_STRONG:
                    stack.append(open("strong", in: top))
                case CMARK_NODE_LINK:
                    let element = open("a", in: top)
                    let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                    element.setAttribute("href", url(destination, kind: .link,
                                                     at: location(of: node, cellOrigin: cellOrigin)))
                    if let title = cmark_node_get_title(node).map({ String(cString: $0) }), !title.isEmpty {
                        element.setAttribute("title", title)
                    }
                    stack.append(element)
                case CMARK_NODE_IMAGE:
                    let element = open("img", in: top)
                    let destination = cmark_node_get_url(node).map { String(cString: $0) } ?? ""
                    element.setAttribute("src", url(destination, kind: .image,
                                                    at: location(of: node, cellOrigin: cellOrigin)))
                    element.setAttribute("alt", altText(of: node))
                    if let title = cmark_node_get_title(node).map({ String(cString: $0) }), !title.isEmpty {
                        element.setAttribute("title", title)
                    }
                    cmark_iter_reset(iterator, node, CMARK_EVENT_EXIT)
                case CMARK_NODE_CODE_BLOCK:
                    // Only fenced blocks have an info string (cmark 0.30 has no fence getter).
                    if let hook = hooks.fencedBlock {
                        let block = MarkdownRenderer.fencedBlock(node, file: file, lines: lines, lineOffset: lineOffset)
                        if !block.name.isEmpty, let replacement = hook(block.name, block.text, block.location) {
                            top.append(replacement)
                            newline(in: top)
                            break
                        }
                    }
                    let pre = openBlock("pre", in: top)
                    let code = document.createElement("code")
                    let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
                    if let language = info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first {
                        code.setAttribute("class", "language-\(language)")
                    }
                    let text = literal(node)
                    code.append(document.createText(text))
                    pre.append(code)
                    newline(in: top)
                    result.plainText.append(contentsOf: text.utf8)
                    result.plainText.append(UInt8(ascii: "\n"))
                case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                    result.diagnostics.append(.warning(
                        "raw HTML is not rendered (Reckon writes pages from Markdown only): write it as Markdown",
                        at: location(of: node, cellOrigin: cellOrigin)))
                case CMARK_NODE_THEMATIC_BREAK:
                    _ = openBlock("hr", in: top)
                    newline(in: top)
                case CMARK_NODE_TEXT:
                    // Straight from cmark's literal into the text node and the plain text.
                    guard let text = cmark_node_get_literal(node) else { break }
                    top.append(document.createText(utf8: text))
                    text.withMemoryRebound(to: UInt8.self, capacity: 1) { bytes in
                        result.plainText.append(contentsOf: UnsafeBufferPointer(start: bytes, count: strlen(text)))
                    }
                case CMARK_NODE_CODE:
                    let text = literal(node)
                    if let hook = hooks.figure, text.hasPrefix("= ") {
                        var location = self.location(of: node, cellOrigin: cellOrigin)
                        location.column += 2  // cmark points inside the backticks; skip `=` and the space
                        if let replacement = hook(String(text.dropFirst(2)), location) {
                            top.append(replacement)
                            result.plainText.append(contentsOf: replacement.text.utf8)
                            break
                        }
                    }
                    let code = open("code", in: top)
                    code.append(document.createText(text))
                    result.plainText.append(contentsOf: text.utf8)
                case CMARK_NODE_SOFTBREAK:
                    // A line break between two CJK characters is not a space in Chinese or
                    // Japanese prose (as Pandoc's east_asian_line_breaks): drop it.
                    if !(options.joinEastAsianLines && joinsEastAsianText(node)) {
                        top.append(document.createText("\n"))
                        result.plainText.append(UInt8(ascii: "\n"))
                    }
                case CMARK_NODE_LINEBREAK:
                    _ = open("br", in: top)
                    top.append(document.createText("\n"))
                    result.plainText.append(UInt8(ascii: "\n"))
                default:
                    break
                }
            } else {
                let element = stack.removeLast()
                switch type {
                case CMARK_NODE_HEADING:
                    let text = element.text
                    var heading = Heading(level: Int(cmark_node_get_heading_level(node)), text: text, id: "")
                    if options.headingIDs {
                        heading.id = ids.allocate(for: text)
                        element.setAttribute("id", heading.id)
                    }
                    result.headings.append(heading)
                    newline(in: stack[stack.count - 1])
                    result.plainText.append(UInt8(ascii: "\n"))
                case CMARK_NODE_PARAGRAPH:
                    if element != stack[stack.count - 1] { newline(in: stack[stack.count - 1]) }
                    result.plainText.append(UInt8(ascii: "\n"))
                case CMARK_NODE_BLOCK_QUOTE, CMARK_NODE_LIST, CMARK_NODE_ITEM:
                    newline(in: stack[stack.count - 1])
                default:
                    break
                }
            }
            event = cmark_iter_next(iterator)
        }
    }

    func open(_ name: String, in parent: Node) -> Node {
        let element = document.createElement(name)
        parent.append(element)
        return element
    }

    /// Opens a block element, first starting a new line inside a list item, as cmark's
    /// renderer does (`<li>\n<p>…`).
    func openBlock(_ name: String, in parent: Node) -> Node {
        if parent.name == "li" {
            let last = parent.lastChild
            if last == nil || !(last!.kind == .text && last!.text.hasSuffix("\n")) { newline(in: parent) }
        }
        return open(name, in: parent)
    }

    func isInTightList(_ paragraph: OpaquePointer) -> Bool {
        guard let item = cmark_node_parent(paragraph), cmark_node_get_type(item) == CMARK_NODE_ITEM,
              let list = cmark_node_parent(item) else { return false }
        return cmark_node_get_list_tight(list) != 0
    }

    /// The URL to write for a destination: empty when dangerous, otherwise the resolver's
    /// answer, percent-encoded as cmark does.
    func url(_ destination: String, kind: LinkKind, at location: SourceLocation) -> String {
        if URLSafety.isDangerous(destination) { return "" }
        return URLSafety.escapeHref(resolveLink(destination, kind, location))
    }

    /// Whether a soft break stands between two East Asian wide characters, or next to CJK
    /// punctuation (`大腦。⏎2023 年` reads `大腦。2023 年`: full-width punctuation carries its space).
    func joinsEastAsianText(_ softBreak: OpaquePointer) -> Bool {
        guard let previous = cmark_node_previous(softBreak), let next = cmark_node_next(softBreak),
              let before = edgeText(previous, last: true).last, let after = edgeText(next, last: false).first else { return false }
        return (before.displayWidth == 2 && after.displayWidth == 2) || before.isCJKPunctuation || after.isCJKPunctuation
    }

    /// The text at the start or end of an inline node (descending into emphasis and links).
    func edgeText(_ node: OpaquePointer, last: Bool) -> String {
        switch cmark_node_get_type(node) {
        case CMARK_NODE_TEXT, CMARK_NODE_CODE: return literal(node)
        case CMARK_NODE_EMPH, CMARK_NODE_STRONG, CMARK_NODE_LINK:
            guard let child = last ? cmark_node_last_child(node) : cmark_node_first_child(node) else { return "" }
            return edgeText(child, last: last)
        default: return ""
        }
    }

    /// The plain text of an image's description, as cmark writes it into `alt`.
    func altText(of image: OpaquePointer) -> String {
        guard let iterator = cmark_iter_new(image) else { return "" }
        defer { cmark_iter_free(iterator) }
        var text = ""
        var event = cmark_iter_next(iterator)
        while event != CMARK_EVENT_DONE {
            if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) {
                switch cmark_node_get_type(node) {
                case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE: text += literal(node)
                case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
                default: break
                }
            }
            event = cmark_iter_next(iterator)
        }
        return text
    }

    // MARK: Pipe tables

    /// The paragraph's source lines without their container prefixes (`> `, list indentation).
    func sourceLines(of paragraph: OpaquePointer) -> [(text: Substring, line: Int, byteOffset: Int)] {
        let start = Int(cmark_node_get_start_line(paragraph))
        let end = Int(cmark_node_get_end_line(paragraph))
        let prefixBytes = max(0, Int(cmark_node_get_start_column(paragraph)) - 1)
        guard start >= 1, end >= start, end <= lines.count else { return [] }
        // A table needs a `|` in its header or delimiter row: most paragraphs have none.
        guard lines.line(start, contains: UInt8(ascii: "|")) || (start < end && lines.line(start + 1, contains: UInt8(ascii: "|"))) else {
            return []
        }
        return (start...end).map { number in
            let line = lines[number]
            var index = line.startIndex
            var skipped = 0
            while skipped < prefixBytes, index < line.endIndex,
                  line[index] == " " || line[index] == "\t" || line[index] == ">" {
                index = line.index(after: index)
                skipped += 1
            }
            return (line[index...], number, skipped)
        }
    }

    func pipeTable(at paragraph: OpaquePointer) -> (PipeTable, [(text: Substring, line: Int, byteOffset: Int)])? {
        let lines = sourceLines(of: paragraph)
        guard lines.count >= 2, let table = PipeTable(lines: lines.map(\.text)) else { return nil }
        return (table, lines)
    }

    mutating func renderTable(_ found: (PipeTable, [(text: Substring, line: Int, byteOffset: Int)]),
                              paragraph: OpaquePointer, into parent: Node) {
        let (table, lines) = found
        let element = openBlock("table", in: parent)
        newline(in: element)
        let head = open("thead", in: element)
        newline(in: head)
        renderRow(table.header, tag: "th", alignments: table.alignments, source: lines[0], into: head)
        newline(in: element)
        if !table.rows.isEmpty {
            let body = open("tbody", in: element)
            newline(in: body)
            for (offset, row) in table.rows.enumerated() {
                renderRow(row, tag: "td", alignments: table.alignments, source: lines[offset + 2], into: body)
            }
            newline(in: element)
        }
    }

    mutating func renderRow(_ cells: [PipeTable.Cell], tag: String, alignments: [PipeTable.Alignment],
                            source: (text: Substring, line: Int, byteOffset: Int), into parent: Node) {
        let row = open("tr", in: parent)
        newline(in: row)
        for (index, cell) in cells.enumerated() {
            let element = open(tag, in: row)
            switch alignments[index] {
            case .left: element.setAttribute("style", "text-align: left")
            case .center: element.setAttribute("style", "text-align: center")
            case .right: element.setAttribute("style", "text-align: right")
            case .none: break
            }
            if cell.isPlainText {  // what cmark would make of it, without parsing it
                if !cell.text.isEmpty { element.append(document.createText(cell.text)) }
                newline(in: row)
                result.plainText.append(contentsOf: cell.text.utf8)
                result.plainText.append(UInt8(ascii: " "))
                continue
            }
            let lineText = lines[source.line]
            let column = String.characterColumn(fromByteColumn: source.byteOffset + cell.byteOffset + 1, in: lineText)
            let origin = SourceLocation(file: file, line: source.line + lineOffset, column: column)
            let cellRoot = MarkdownRenderer.parse(cell.text)
            if let paragraph = cmark_node_first_child(cellRoot) {
                walk(paragraph, into: element, cellOrigin: origin)
            }
            cmark_node_free(cellRoot)
            newline(in: row)
            result.plainText.append(UInt8(ascii: " "))
        }
        newline(in: parent)
        result.plainText.append(UInt8(ascii: "\n"))
    }
}
