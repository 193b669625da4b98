import DOM

/// The plotted rows as an HTML `<details>` element to sit beside the chart:
/// `<details class="chart-data"><summary>Data table</summary><table><caption>…</caption>
/// <thead>…</thead><tbody>…</tbody></table></details>`. Numeric columns get `class="num"`.
///
/// - Parameters:
///   - layout: From `layoutChart` (its `table`).
///   - idPrefix: The chart's id prefix; the table gets the id `PREFIXdata`.
///   - document: Owns the new nodes.
public func renderDataTable(_ layout: ChartLayout, idPrefix: String, into document: Document) -> Node {
    let table = layout.table
    func element(_ name: String, _ parent: Node?, _ attributes: KeyValuePairs<String, String> = [:]) -> Node {
        let node = document.createElement(name)
        for (key, value) in attributes { node.setAttribute(key, value) }
        parent?.append(node)
        return node
    }
    let details = element("details", nil, ["class": "chart-data"])
    let summary = element("summary", details)
    summary.append(document.createText("Data table (\(table.rows.count) \(table.rows.count == 1 ? "row" : "rows"))"))
    let tableNode = element("table", details, ["id": "\(idPrefix)data"])
    let caption = element("caption", tableNode)
    caption.append(document.createText(table.caption))
    let headRow = element("tr", element("thead", tableNode))
    for (index, column) in table.columns.enumerated() {
        let th = element("th", headRow, ["scope": "col"])
        if table.numeric[index] { th.setAttribute("class", "num") }
        th.append(document.createText(column))
    }
    let body = element("tbody", tableNode)
    for row in table.rows {
        let tr = element("tr", body)
        for (index, cell) in row.enumerated() {
            let td = element("td", tr)
            if table.numeric[index] { td.setAttribute("class", "num") }
            td.append(document.createText(cell))
        }
    }
    return details
}

/// The chart as a complete figure: `<figure class="chart" id="ID">` holding a `<figcaption>`
/// (title, then caption), the `<svg>` and the `<details>` data table. `ID` is the prefix
/// without its trailing "-" (`chart-3-` → `chart-3`).
public func renderFigure(_ layout: ChartLayout, idPrefix: String, into document: Document) -> Node {
    let figure = document.createElement("figure")
    figure.setAttribute("class", "chart")
    let id = idPrefix.hasSuffix("-") ? String(idPrefix.dropLast()) : idPrefix
    if !id.isEmpty { figure.setAttribute("id", id) }
    if layout.spec.title != nil || layout.spec.caption != nil {
        let caption = document.createElement("figcaption")
        if let title = layout.spec.title {
            let strong = document.createElement("strong")
            strong.setAttribute("class", "chart-title")
            strong.append(document.createText(title))
            caption.append(strong)
        }
        if let text = layout.spec.caption {
            if layout.spec.title != nil { caption.append(document.createText(" ")) }
            let span = document.createElement("span")
            span.setAttribute("class", "chart-caption")
            span.append(document.createText(text))
            caption.append(span)
        }
        figure.append(caption)
    }
    figure.append(renderSVG(layout, idPrefix: idPrefix, into: document))
    figure.append(renderDataTable(layout, idPrefix: idPrefix, into: document))
    return figure
}
