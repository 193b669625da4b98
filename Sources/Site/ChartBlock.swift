import Charts
import DOM
import Diagnostics
import Formulas
import Foundation
import Quantities
import Yams

/// A `chart` block of an article (DESIGN.md §6, issue 4):
///
/// ```yaml
/// data: epoch                      # a table, or a formula giving a list of records
/// where: compute != null           # optional: a formula per row (the row's columns are names)
/// mark: point                      # point, line, bar, area, rule
/// x: { field: date, scale: time, title: Published }
/// y: { field: compute, scale: log, title: Training compute (FLOP) }
/// color: { field: organization }
/// label: { field: name }
/// trend: exponential               # linear, power or exponential, fitted by Reckon
/// title: Training compute of notable models
/// caption: "Data: Epoch AI (CC BY 4.0)."
/// ```
///
/// Unknown keys, fields missing from the data and invalid values are errors at their
/// `file:line:column` inside the block.
struct ChartBlock {
    var spec: ChartSpec
    var data: Formulas.Expression
    var filter: Formulas.Expression?
    var trendKind: Trend.Kind?
    var trendAnnotation: String?
    /// Key path (`y.scale`) → where its value is written, for the errors of `layoutChart`.
    var locations: [String: SourceLocation]
    var start: SourceLocation

    func location(_ keyPath: String) -> SourceLocation {
        var path = keyPath
        while !path.isEmpty {
            if let location = locations[path] { return location }
            guard let dot = path.lastIndex(of: ".") else { break }
            path = String(path[..<dot])
        }
        return start
    }

    /// Reads the block's YAML; every problem is returned.
    static func parse(_ text: String, at start: SourceLocation) -> (ChartBlock?, [Diagnostic]) {
        let reader = YAMLReader(file: start.file, firstLine: start.line)
        var diagnostics: [Diagnostic] = []
        let root: Yams.Node
        do {
            root = try reader.parse(text)
        } catch {
            return (nil, error.diagnostics)
        }
        var locations: [String: SourceLocation] = [:]
        var strings: [String: String] = [:]
        var nested: [String: [String: (String, SourceLocation)]] = [:]
        func scalar(_ node: Yams.Node, _ path: String) -> String? {
            guard case .scalar(let value) = node else {
                diagnostics.append(.error("`\(path)` must be a single value", at: reader.location(of: node.mark)))
                return nil
            }
            var location = reader.location(of: node.mark)
            if value.style == .singleQuoted || value.style == .doubleQuoted { location = location.advanced(by: 1) }
            locations[path] = location
            return value.string
        }
        for (key, value, keyLocation) in reader.fields(of: root, diagnostics: &diagnostics) {
            locations[key] = keyLocation
            guard ChartSpec.keys.contains(key) else {
                diagnostics.append(.error(unknownKeyMessage(key, known: Set(ChartSpec.keys)), at: keyLocation))
                continue
            }
            let channelKeys: [String: [String]] = [
                "x": ChannelSpec.keys, "y": ChannelSpec.keys, "color": ColorSpec.keys, "label": LabelSpec.keys,
                "trend": Trend.keys,
            ]
            if let allowed = channelKeys[key] {
                if case .scalar = value {  // `label: name`, `trend: exponential`: the main field
                    let field = key == "trend" ? "kind" : "field"
                    if let text = scalar(value, "\(key).\(field)") { nested[key, default: [:]][field] = (text, locations["\(key).\(field)"]!) }
                    continue
                }
                for (inner, innerValue, innerLocation) in reader.fields(of: value, diagnostics: &diagnostics) {
                    guard allowed.contains(inner) else {
                        diagnostics.append(.error(unknownKeyMessage(inner, known: Set(allowed)), at: innerLocation))
                        continue
                    }
                    if inner == "domain", case .sequence(let items) = innerValue {
                        let parts = items.compactMap { scalar($0, "\(key).domain") }
                        nested[key, default: [:]]["domain"] = (parts.joined(separator: "\u{1F}"), reader.location(of: innerValue.mark))
                        locations["\(key).domain"] = reader.location(of: innerValue.mark)
                        continue
                    }
                    if let text = scalar(innerValue, "\(key).\(inner)") { nested[key, default: [:]][inner] = (text, locations["\(key).\(inner)"]!) }
                }
            } else if let text = scalar(value, key) {
                strings[key] = text
            }
        }
        guard diagnostics.isEmpty else { return (nil, diagnostics) }

        func channel(_ key: String) -> ChannelSpec? {
            guard let fields = nested[key] else { return nil }
            guard let field = fields["field"]?.0 else {
                diagnostics.append(.error("`\(key)` needs a `field`", at: locations[key] ?? start))
                return nil
            }
            var spec = ChannelSpec(field: field)
            if let (scale, location) = fields["scale"] {
                do { spec.scale = try ScaleKind.parse(scale, at: "\(key).scale") } catch {
                    diagnostics.append(.error(error.message, at: location))
                }
            }
            spec.title = fields["title"]?.0
            spec.format = fields["format"]?.0
            if let (domain, _) = fields["domain"] {
                spec.domain = domain.split(separator: "\u{1F}").map { part in
                    Double(part).map(ChartValue.number) ?? .string(String(part))
                }
            }
            return spec
        }
        var mark = MarkKind.point
        if let text = strings["mark"] {
            do { mark = try MarkKind.parse(text) } catch { diagnostics.append(.error(error.message, at: locations["mark"]!)) }
        } else {
            diagnostics.append(.error("a chart needs a `mark`: point, line, bar, area or rule", at: start))
        }
        var spec = ChartSpec(mark: mark, x: channel("x"), y: channel("y"))
        if let color = nested["color"] {
            if let field = color["field"]?.0 {
                spec.color = ColorSpec(field: field, title: color["title"]?.0,
                                       domain: color["domain"].map { $0.0.split(separator: "\u{1F}").map(String.init) })
            } else {
                diagnostics.append(.error("`color` needs a `field`", at: locations["color"] ?? start))
            }
        }
        if let field = nested["label"]?["field"]?.0 { spec.label = LabelSpec(field: field) }
        spec.title = strings["title"]
        spec.caption = strings["caption"]
        spec.description = strings["description"]
        for dimension in ["width", "height"] {
            guard let text = strings[dimension] else { continue }
            if let value = Double(text), value >= 100, value <= 4000 {
                if dimension == "width" { spec.width = value } else { spec.height = value }
            } else {
                diagnostics.append(.error("`\(dimension)` must be a number of pixels from 100 to 4000", at: locations[dimension]!))
            }
        }
        var trendKind: Trend.Kind?
        if let (kind, location) = nested["trend"]?["kind"] {
            do { trendKind = try Trend.Kind.parse(kind) } catch { diagnostics.append(.error(error.message, at: location)) }
        }
        var data: Formulas.Expression?
        var filter: Formulas.Expression?
        do throws(FormulaError) {
            if let text = strings["data"] {
                data = try Formulas.Expression.parse(text, at: locations["data"]!)
            } else {
                diagnostics.append(.error("a chart needs `data`: a table name or a formula giving rows", at: start))
            }
            if let text = strings["where"] { filter = try Formulas.Expression.parse(text, at: locations["where"]!) }
        } catch {
            diagnostics.append(error.diagnostic)
        }
        guard diagnostics.isEmpty, let data else { return (nil, diagnostics) }
        return (ChartBlock(spec: spec, data: data, filter: filter, trendKind: trendKind,
                           trendAnnotation: nested["trend"]?["annotation"]?.0, locations: locations, start: start), [])
    }

    /// The rows to plot: the data formula's records, kept by `where`.
    func rows(in scope: Scope) throws(DiagnosticError) -> [Record] {
        let value: Value
        do throws(FormulaError) {
            value = try data.evaluate(in: scope)
        } catch {
            throw DiagnosticError(error.diagnostic)
        }
        guard case .list(let items) = value else {
            throw DiagnosticError(.error("`data` must give rows (a table or a list of records), not a \(value.typeName)", at: data.location))
        }
        var rows: [Record] = []
        for item in items {
            guard case .record(let record) = item else {
                throw DiagnosticError(.error("`data` must give records; it gives a list of \(item.typeName)", at: data.location))
            }
            if let filter {
                // Every field is a name (only identifiers can be written in a formula) and `row`
                // the whole row.
                let rowScope = scope.binding(row: record, as: "row")
                do throws(FormulaError) {
                    guard try filter.evaluate(in: rowScope).isTruthy else { continue }
                } catch {
                    throw DiagnosticError(error.diagnostic)
                }
            }
            rows.append(record)
        }
        return rows
    }

    /// The records as chart values: numbers (quantities in base units), ISO dates as dates,
    /// text; `null` as missing. Cell texts are formatted in the page's language for the table.
    /// - Parameter shown: The fields a chart shows as text (its data table and labels: the
    ///   `x`, `y`, `label` and `color` fields); only these are formatted.
    static func chartData(_ rows: [Record], language: String, shown: Set<String>) -> ChartData {
        var fields: [String] = []
        for row in rows { for key in row.keys where !fields.contains(key) { fields.append(key) } }
        let values: [[String: ChartValue]] = rows.map { row in
            var result: [String: ChartValue] = [:]
            for (key, value) in row.fields { result[key] = chartValue(value) }
            return result
        }
        let texts: [[String: String]] = rows.map { row in
            var result: [String: String] = [:]
            for key in shown {
                guard let value = row[key] else { continue }
                result[key] = value == .null ? "" : value.formatted(language: language)
            }
            return result
        }
        let keys = rows.map { row -> String in
            if let origin = row.origin, let open = origin.firstIndex(of: "[") { return String(origin[origin.index(after: open)...].dropLast()) }
            return row.keys.first.flatMap { row[$0] }?.text() ?? ""
        }
        return ChartData(rows: values, fields: fields, rowKeys: keys, cellText: texts)
    }

    static func chartValue(_ value: Value) -> ChartValue {
        switch value {
        case .null: return .missing
        case .number(let number): return .number(number)
        case .quantity(let quantity):
            // In the column's own unit (chip·h, not chip·s), the midpoint of a range.
            let value = quantity.valueInUnit
            return .number((value.lowerBound + value.upperBound) / 2)
        case .string(let text):
            if let day = Day(text) { return .date(CalendarDate(year: day.year, month: day.month, day: day.day)) }
            // `2021-10` and `2021` as the first day of the month or year.
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            if (1...2).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]), (1000...2999).contains(year) {
                if parts.count == 1 { return .date(CalendarDate(year: year, month: 1, day: 1)) }
                if parts[1].count == 2, let month = Int(parts[1]), (1...12).contains(month) {
                    return .date(CalendarDate(year: year, month: month, day: 1))
                }
            }
            return .string(text)
        default: return .string(value.text())
        }
    }

    /// Fits the trend with the formula library's `fit_power` / `fit_exponential` over the
    /// plotted x and y, and writes its annotation (exponent, doubling time, R²).
    func trend(_ rows: [Record], language: String) throws(DiagnosticError) -> Trend? {
        guard let kind = trendKind, let x = spec.x?.field, let y = spec.y?.field else { return nil }
        let pairs = rows.compactMap { row -> (Value, Value)? in
            guard let xv = row[x], let yv = row[y], xv != .null, yv != .null else { return nil }
            return (xv, yv)
        }
        let xs = Value.list(pairs.map(\.0)), ys = Value.list(pairs.map(\.1))
        let zh = language.hasPrefix("zh")
        func call(_ name: String) throws(DiagnosticError) -> Record {
            do throws(FunctionFailure) {
                guard case .record(let fit) = try FunctionTable.standard[name]!.call([xs, ys]) else { return Record([]) }
                return fit
            } catch {
                throw DiagnosticError(.error("cannot fit the trend: \(error.message)", at: location("trend")))
            }
        }
        func number(_ record: Record, _ key: String) -> Double {
            if case .number(let value)? = record[key] { return value }
            return .nan
        }
        let r2 = { (fit: Record) in String(format: "R² = %.2f", number(fit, "r2")) }
        switch kind {
        case .power:
            let fit = try call("fit_power")
            let exponent = number(fit, "exponent")
            let text = trendAnnotation ?? (zh ? String(format: "指數 %.2f，", exponent) + r2(fit) : String(format: "exponent %.2f, ", exponent) + r2(fit))
            return Trend(kind: .power, a: number(fit, "prefactor"), b: exponent, annotation: text)
        case .exponential:
            let fit = try call("fit_exponential")
            let rate = number(fit, "rate")
            let months = log(2) / rate * 12
            let text = trendAnnotation ?? (zh ? String(format: "每 %.1f 個月翻倍，", months) + r2(fit)
                                                : String(format: "doubling every %.1f months, ", months) + r2(fit))
            // Fitted in decimal years, whose prefactor at year 0 underflows: draw it about 2000.
            let origin = pairs.first.map { Self.chartValue($0.0) }.map { if case .date = $0 { return 2000.0 } else { return 0 } } ?? 0
            return Trend(kind: .exponential, a: exp(number(fit, "intercept") + rate * origin), b: rate, origin: origin,
                         annotation: text)
        case .linear:
            let fit = try call("fit_linear")
            let text = trendAnnotation ?? r2(fit)
            return Trend(kind: .linear, a: number(fit, "intercept"), b: number(fit, "slope"), annotation: text)
        }
    }
}
