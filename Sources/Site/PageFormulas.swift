import Charts
import DOM
import Diagnostics
import Formulas
import Markup

/// The formulas of one article (DESIGN.md §3–5), used inside its render task: the `compute`
/// definitions (read first, in order, scoped to the page), the `` `= expr` `` figures and the
/// `check` claims, each with the inputs it read.
final class PageFormulas {
    struct Definition {
        var name: String
        var formula: String
        var value: String
    }

    struct Figure {
        var id: String
        var text: String
        var formula: String
        var inputs: [String]
    }

    let article: Article
    let pageURL: String
    private(set) var scope: Scope
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var figures: [Figure] = []
    private(set) var checks: [CheckResult] = []
    /// The definitions of each `compute` block, in the order of the blocks.
    private var definitions: [[Definition]] = []
    /// The cells each definition read, its own and those of the definitions it used.
    private var definitionReads: [String: [Trace.Read]] = [:]
    private var nextBlock = 0
    /// Tables any figure or check read, by name.
    private(set) var tablesRead: Set<String> = []
    /// Standalone SVG files of the page's charts: output path → bytes.
    private(set) var chartFiles: [String: [UInt8]] = [:]
    /// Point labels left out of the page's charts because they would overlap.
    private(set) var droppedLabels = 0
    let tableNames: Set<String>
    /// Whether the page evaluated any formula (a figure, a `compute`, `check` or `chart`
    /// block): such a page depends on the data tables, so the page cache keys it on them.
    private(set) var evaluatesFormulas = false

    init(article: Article, pageURL: String, tables: [String: Value], functions: FunctionTable) {
        self.article = article
        self.pageURL = pageURL
        self.tableNames = Set(tables.keys)
        scope = Scope(variables: tables, functions: functions, language: article.language)
    }

    var language: String { article.language }

    /// Reads every `compute` block of the article, in order: each line `name = formula` (blank
    /// lines and lines starting with `#` skipped) adds a name to the page's scope.
    func define(_ blocks: [FencedBlock]) {
        evaluatesFormulas = true
        for block in blocks where block.name == "compute" {
            var found: [Definition] = []
            for (offset, line) in block.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.drop(while: { $0 == " " || $0 == "\t" })
                if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
                let indent = line.count - trimmed.count
                let at = SourceLocation(file: block.location.file, line: block.location.line + offset,
                                        column: block.location.column + indent)
                do throws(FormulaError) {
                    let binding = try Formulas.Expression.parseBinding(String(trimmed), at: at)
                    if tableNames.contains(binding.name) {
                        diagnostics.append(.error("`\(binding.name)` is a table: choose another name", at: at))
                        continue
                    }
                    let trace = Trace()
                    let value = try binding.expression.evaluate(in: scope, trace: trace)
                    follow(trace)
                    definitionReads[binding.name] = trace.reads
                    scope = scope.binding(binding.name, to: value)
                    found.append(Definition(name: binding.name, formula: binding.expression.source,
                                            value: Self.describe(value, language: language)))
                } catch {
                    diagnostics.append(error.diagnostic)
                }
            }
            definitions.append(found)
        }
    }

    /// Evaluates a figure; nil (with a diagnostic) when it cannot be computed.
    func figure(_ source: String, at location: SourceLocation) -> Figure? {
        evaluatesFormulas = true
        let trace = Trace()
        do throws(FormulaError) {
            let expression = try Formulas.Expression.parse(source, at: location)
            let value = try expression.evaluate(in: scope, trace: trace)
            follow(trace)
            if value == .null {
                diagnostics.append(.error("the figure `\(source)` has no value: an input is missing", at: location))
                return nil
            }
            note(trace)
            let text: String
            if case .string(let string) = value { text = string } else { text = value.formatted(language: language) }
            let figure = Figure(id: "figure-\(figures.count + 1)", text: text, formula: source,
                                inputs: Self.inputs(trace.reads, language: language))
            figures.append(figure)
            return figure
        } catch {
            diagnostics.append(error.diagnostic)
            return nil
        }
    }

    /// Judges the claims of a `check` block; an unexpected verdict or a claim that cannot be
    /// computed is an error.
    func check(_ text: String, at location: SourceLocation, pageTitle: String) -> [CheckResult] {
        evaluatesFormulas = true
        let (claims, problems) = Claim.parse(text, at: location)
        diagnostics += problems
        var results: [CheckResult] = []
        for claim in claims {
            do throws(DiagnosticError) {
                let judgement = try claim.judge(in: scope, language: language, follow: follow)
                let result = CheckResult(
                    label: claim.label, location: claim.labelLocation, pageURL: pageURL, pageTitle: pageTitle,
                    language: language, anchor: "check-\(checks.count + 1)", stated: judgement.stated, computed: judgement.computed,
                    offBy: judgement.offBy, tolerance: claim.toleranceText, verdict: judgement.verdict.rawValue,
                    expected: claim.expected.rawValue, formula: claim.computed.source, inputs: judgement.inputs)
                for input in judgement.inputs {
                    if let table = input.split(separator: "[").first.map(String.init), tableNames.contains(table) { tablesRead.insert(table) }
                    if let table = input.split(separator: " ").first.map(String.init), tableNames.contains(table) { tablesRead.insert(table) }
                }
                if !result.isExpected {
                    let numbers = "stated \(result.stated), computed \(result.computed)"
                        + (result.offBy.isEmpty ? "" : " (off by \(result.offBy), tolerance \(result.tolerance))")
                    if claim.expected == .fails {
                        diagnostics.append(.error("check “\(claim.label)” now holds: \(numbers); the report says it fails: revisit the prose and set `expect: holds`",
                                                  at: claim.labelLocation))
                    } else {
                        diagnostics.append(.error("check “\(claim.label)” fails: \(numbers)", at: claim.labelLocation))
                    }
                }
                checks.append(result)
                results.append(result)
            } catch {
                diagnostics += error.diagnostics
            }
        }
        return results
    }

    /// Draws a `chart` block (see `ChartBlock`) into `document`: the figure with its SVG and data
    /// table, and a link to the same chart as a standalone `.svg` beside the page. Nil (with
    /// diagnostics) when the block is wrong.
    func chart(_ text: String, at location: SourceLocation, in document: Document, downloadLabel: String) -> Node? {
        evaluatesFormulas = true
        let (parsed, problems) = ChartBlock.parse(text, at: location)
        diagnostics += problems
        guard let block = parsed else { return nil }
        do throws(DiagnosticError) {
            let rows = try block.rows(in: scope)
            var spec = block.spec
            spec.trend = try block.trend(rows, language: language)
            let data = ChartBlock.chartData(rows, language: language,
                                            shown: Set([spec.x?.field, spec.y?.field, spec.label?.field, spec.color?.field]
                                                .compactMap { $0 }))
            let layout: ChartLayout
            do {
                layout = try layoutChart(spec, data)
            } catch {
                diagnostics += error.errors.map { .error("chart: \($0.message)", at: block.location($0.keyPath)) }
                return nil
            }
            // Dropped labels are counted in the build summary rather than warned about: on a
            // dense scatter most labels are expected to give way.
            for warning in layout.warnings where warning.reason != .labelsDropped {
                diagnostics.append(.warning("chart: \(warning.message)", at: block.location(warning.keyPath)))
            }
            droppedLabels += layout.droppedLabels.count
            let number = chartFiles.count + 1
            let prefix = "chart-\(number)-"
            let figure = renderFigure(layout, idPrefix: prefix, into: document)
            let file = "chart-\(number).svg"
            let drawn = figure.children.first { $0.kind == .element && $0.name == "svg" }
            chartFiles[article.urlPath + file] = standaloneSVGBytes(layout, idPrefix: prefix, drawn: drawn)
            let download = document.createElement("p")
            download.setAttribute("class", "chart-download")
            let link = document.createElement("a")
            link.setAttribute("href", pageURL + file)
            link.append(document.createText(downloadLabel))
            download.append(link)
            figure.append(download)
            return figure
        } catch {
            diagnostics += error.diagnostics
            return nil
        }
    }

    /// The definitions of the next `compute` block, in document order.
    func nextDefinitions() -> [Definition] {
        defer { nextBlock += 1 }
        return nextBlock < definitions.count ? definitions[nextBlock] : []
    }

    /// Adds to `trace` the reads of the page's definitions it used.
    private func follow(_ trace: Trace) {
        for name in trace.names {
            if let reads = definitionReads[name] { trace.merge(reads) }
        }
    }

    /// The reads as shown to readers: `path = value`; a whole table is listed only when none of
    /// its cells was read by path.
    static func inputs(_ reads: [Trace.Read], language: String) -> [String] {
        let cellTables = Set(reads.compactMap { read in read.path.contains("[") ? read.path.split(separator: "[").first.map(String.init) : nil })
        return reads.filter { $0.path.contains("[") || !cellTables.contains($0.path) }
            .map { "\($0.path) = \($0.value.formatted(language: language))" }
    }

    /// How a definition's value is shown: a table row by its origin (`models[PaLM (540B)]`), a
    /// table by its size, anything else formatted in the page's language.
    static func describe(_ value: Value, language: String) -> String {
        switch value {
        case .record(let record): return record.origin ?? "a record of \(record.count) fields"
        case .list(let items): return "a list of \(items.count)"
        default: return value.formatted(language: language)
        }
    }

    private func note(_ trace: Trace) {
        for read in trace.reads {
            let head = read.path.prefix(while: { $0 != "[" && $0 != "." })
            if tableNames.contains(String(head)) { tablesRead.insert(String(head)) }
        }
    }
}

/// Builds the DOM of figures, definitions and verdicts in a page's document.
struct FormulaMarkup {
    let document: Document
    /// Interface strings of the page's language (`check_holds`, …), with English defaults.
    let strings: Record

    func string(_ key: String, _ fallback: String) -> String {
        if case .string(let text)? = strings[key] { return text }
        return fallback
    }

    func element(_ name: String, _ text: String? = nil, class className: String? = nil) -> Node {
        let node = document.createElement(name)
        if let className { node.setAttribute("class", className) }
        if let text { node.append(document.createText(text)) }
        return node
    }

    /// `<a class="figure" href="#figure-3" title="formula — inputs">2.53 × 10²⁴ FLOP</a>`
    func figure(_ figure: PageFormulas.Figure) -> Node {
        let link = element("a", figure.text, class: "figure")
        link.setAttribute("href", "#\(figure.id)")
        let reads = figure.inputs.isEmpty ? "" : " ← " + figure.inputs.joined(separator: "; ")
        link.setAttribute("title", "= \(figure.formula)\(reads)")
        return link
    }

    /// A `compute` block: its definitions and their values, folded.
    func definitions(_ definitions: [PageFormulas.Definition]) -> Node {
        let details = element("details", class: "compute")
        details.append(element("summary", string("compute_summary", "Definitions used on this page")))
        let list = element("dl")
        for definition in definitions {
            list.adding(element("dt")).append(element("code", definition.name))
            let value = element("dd")
            value.append(element("code", definition.formula))
            value.append(document.createText(" = " + definition.value))
            list.append(value)
        }
        details.append(list)
        return details
    }

    /// The verdicts of a `check` block, each an `<aside>` with its numbers and its working.
    func checks(_ results: [CheckResult]) -> Node {
        let holder = document.createFragment()
        for result in results {
            let aside = element("aside", class: "check check-\(result.verdict)\(result.isExpected ? "" : " check-unexpected")")
            aside.setAttribute("id", result.anchor)
            let head = element("p", class: "check-head")
            let verdict = result.verdict == "holds" ? string("check_holds", "Holds") : string("check_fails", "Fails")
            head.append(element("span", verdict, class: "check-verdict"))
            head.append(document.createText(" "))
            head.append(element("span", result.label, class: "check-label"))
            aside.append(head)
            let numbers = element("dl", class: "check-numbers")
            numbers.append(element("dt", string("check_stated", "Stated")))
            numbers.append(element("dd", result.stated))
            numbers.append(element("dt", string("check_computed", "Computed")))
            numbers.append(element("dd", result.computed))
            if !result.offBy.isEmpty {
                numbers.append(element("dt", string("check_off_by", "Off by")))
                numbers.append(element("dd", "\(result.offBy) (\(string("check_tolerance", "tolerance")) \(result.tolerance))"))
            }
            aside.append(numbers)
            if result.expected == "fails" {
                aside.append(element("p", string("check_expected_fail", "The report shows this claim to be false."), class: "check-note"))
            }
            let working = element("details")
            working.append(element("summary", string("check_working", "How it is computed")))
            let formula = element("p")
            formula.append(element("code", result.formula))
            working.append(formula)
            if !result.inputs.isEmpty {
                let inputs = element("ul")
                for input in result.inputs { inputs.adding(element("li")).append(element("code", input)) }
                working.append(inputs)
            }
            aside.append(working)
            holder.append(aside)
        }
        return holder
    }
}

private extension Node {
    /// Appends `child` and returns it, for chains such as `list.adding(element("li")).append(…)`.
    @discardableResult
    func adding(_ child: Node) -> Node {
        append(child)
        return child
    }
}
