import DOM

/// The chart as a standalone `.svg` file: the same drawing as `renderSVG`, with
/// `xmlns="http://www.w3.org/2000/svg"`, `width`/`height`, a `<style>` defining the palette for
/// light and dark schemes, a background, and the title and caption drawn as text (above and
/// below the chart, wrapped to its width). Serialized as XML with a declaration. Its name and
/// description are the first-child `<title>` and `<desc>` (no `aria-labelledby`).
///
/// - Parameters:
///   - layout: From `layoutChart`.
///   - idPrefix: Id prefix (any; the file stands alone).
/// - Returns: The file's text (UTF-8 when written).
public func renderStandaloneSVG(_ layout: ChartLayout, idPrefix: String = "chart-") -> String {
    String(decoding: standaloneSVGBytes(layout, idPrefix: idPrefix), as: UTF8.self)
}

/// `renderStandaloneSVG` as the file's UTF-8 bytes.
///
/// - Parameter drawn: The `<svg>` that `renderSVG(layout, idPrefix:into:)` already made for
///   the page, in any document: copied instead of drawn again (a page's chart is written twice,
///   and drawing it was a fifth of the chart's time).
public func standaloneSVGBytes(_ layout: ChartLayout, idPrefix: String = "chart-", drawn: Node? = nil) -> [UInt8] {
    let document = Document()
    let fontSize = layout.fontSize
    let width = layout.width
    let titleLines = layout.spec.title.map { wrap($0, width: width - 16, fontSize: fontSize * 1.25) } ?? []
    let captionLines = layout.spec.caption.map { wrap($0, width: width - 16, fontSize: fontSize * 0.9) } ?? []
    let titleHeight = titleLines.isEmpty ? 0 : Double(titleLines.count) * fontSize * 1.5 + 8
    let captionHeight = captionLines.isEmpty ? 0 : Double(captionLines.count) * fontSize * 1.15 + 8
    let height = layout.height + titleHeight + captionHeight

    let chart = drawn.map(document.importCopy) ?? renderSVG(layout, idPrefix: idPrefix, into: document)
    let svg = document.createElement("svg")
    func number(_ value: Double) -> String { NumberText.coordinate(value) }
    // Standing alone, the first-child <title> and <desc> name and describe the image (SVG
    // Accessibility API Mappings §5.2); the Nu checker's SVG schema rejects aria-labelledby
    // pointing at them in a standalone document, so only the inline chart carries it.
    for attribute in chart.attributes where attribute.name != "viewBox" && attribute.name != "aria-labelledby" {
        svg.setAttribute(attribute.name, attribute.value)
    }
    svg.setAttribute("xmlns", "http://www.w3.org/2000/svg")
    svg.setAttribute("viewBox", "0 0 \(number(width)) \(number(height))")
    svg.setAttribute("width", number(width))
    svg.setAttribute("height", number(height))
    document.root = svg

    let children = chart.children
    let style = document.createElement("style")
    style.append(document.createText(ChartTheme.standaloneCSS))
    // <title> and <desc> stay first.
    for child in children.prefix(2) { svg.append(child) }
    svg.append(style)
    let background = document.createElement("rect")
    for (key, value) in [("width", number(width)), ("height", number(height)), ("fill", ChartTheme.color("background"))] {
        background.setAttribute(key, value)
    }
    svg.append(background)
    if !titleLines.isEmpty {
        let text = document.createElement("text")
        for (key, value) in [("class", "chart-title"), ("x", "8"), ("font-size", number(fontSize * 1.25)),
                             ("font-weight", "bold"), ("fill", ChartTheme.color("text"))] {
            text.setAttribute(key, value)
        }
        for (index, line) in titleLines.enumerated() {
            let span = document.createElement("tspan")
            span.setAttribute("x", "8")
            span.setAttribute("y", number(8 + fontSize * 1.2 + Double(index) * fontSize * 1.5))
            span.append(document.createText(line))
            text.append(span)
        }
        svg.append(text)
    }
    let body = document.createElement("g")
    if titleHeight > 0 { body.setAttribute("transform", "translate(0 \(number(titleHeight)))") }
    for child in children.dropFirst(2) { body.append(child) }
    svg.append(body)
    if !captionLines.isEmpty {
        let text = document.createElement("text")
        for (key, value) in [("class", "chart-caption"), ("font-size", number(fontSize * 0.9)),
                             ("fill", ChartTheme.color("axis"))] {
            text.setAttribute(key, value)
        }
        for (index, line) in captionLines.enumerated() {
            let span = document.createElement("tspan")
            span.setAttribute("x", "8")
            span.setAttribute("y", number(titleHeight + layout.height + fontSize + Double(index) * fontSize * 1.15))
            span.append(document.createText(line))
            text.append(span)
        }
        svg.append(text)
    }
    chart.remove()
    return XMLSerializer().bytes(document)
}

/// Greedy line breaking by estimated width: at spaces, and between any two CJK characters.
func wrap(_ text: String, width: Double, fontSize: Double) -> [String] {
    var lines: [String] = []
    var current = ""
    var pendingWord = ""
    func fits(_ candidate: String) -> Bool { TextMetrics.width(candidate, fontSize: fontSize) <= width }
    func flushWord() {
        guard !pendingWord.isEmpty else { return }
        let candidate = current.isEmpty ? pendingWord : current + pendingWord
        if fits(candidate) || current.trimmingCharacters(in: " ").isEmpty {
            current = candidate
        } else {
            lines.append(current.trimmingCharacters(in: " "))
            current = pendingWord.trimmingLeadingSpaces()
        }
        pendingWord = ""
    }
    for character in text {
        let isCJK = character.unicodeScalars.first.map { TextMetrics.units($0) == 1000 } ?? false
        if character == " " {
            flushWord()
            pendingWord = " "
        } else if isCJK {
            flushWord()
            pendingWord = String(character)
            flushWord()
        } else {
            pendingWord.append(character)
        }
    }
    flushWord()
    if !current.trimmingCharacters(in: " ").isEmpty { lines.append(current.trimmingCharacters(in: " ")) }
    return lines
}

extension String {
    func trimmingCharacters(in set: Character) -> String {
        var scalars = Substring(self)
        while scalars.first == set { scalars.removeFirst() }
        while scalars.last == set { scalars.removeLast() }
        return String(scalars)
    }

    func trimmingLeadingSpaces() -> String {
        String(drop { $0 == " " })
    }
}
