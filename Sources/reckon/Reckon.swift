import ArgumentParser
import Diagnostics
import Foundation
import ServeCommandLine
import Site

@main
struct Reckon: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reckon",
        abstract: "Build report sites whose numbers are computed and checked.",
        subcommands: [Build.self, Check.self, Brief.self, Serve.self],
        defaultSubcommand: Build.self
    )
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site in SITE (content/ and templates/) into SITE/public.",
        discussion: """
        Runs load → compute → render → validate → write. Every error is printed as \
        path:line:column with the source line; on any error nothing is written and the \
        previous output stays as it was. Exit status: 0 built, 1 errors, 2 usage.
        """
    )

    @Argument(help: "The folder holding content/ and templates/.", completion: .directory)
    var site: String = "."

    @Option(name: .shortAndLong, help: "Where to write the site (default: SITE/public).")
    var output: String?

    @Flag(help: "Include drafts and future-dated articles.")
    var drafts = false

    @Option(help: "Pages to render at once (default: one per core).")
    var jobs: Int?

    @Flag(help: "Report broken internal links as warnings (for working on drafts).")
    var warn = false

    func run() throws {
        let siteURL = URL(fileURLWithPath: site)
        var options = BuildOptions(siteDirectory: siteURL, outputDirectory: output.map { URL(fileURLWithPath: $0) },
                                   drafts: drafts, jobs: jobs, linkWarnings: warn)
        options.keepsMemoryUntilExit = true  // the process ends after this one build
        let report = SiteBuilder.build(options)
        if !report.diagnostics.isEmpty {
            let text = DiagnosticFormat.text.render(report.diagnostics, renderer: sourceRenderer(site: siteURL))
            writeText(text + "\n", to: STDERR_FILENO)
        }
        writeText(Self.summary(report) + "\n", to: STDOUT_FILENO)
        if report.failed { throw ExitCode(1) }
    }

    static func summary(_ report: BuildReport) -> String {
        summaryLines(report).joined(separator: "\n")
    }

    static func summaryLines(_ report: BuildReport) -> [String] {
        if report.upToDate {
            let files = report.write?.unchanged ?? 0
            return ["nothing changed since the last build: \(files) files in \(report.outputDirectory?.path ?? "public") are up to date",
                    "  time      \(format(report.phases.reduce(0) { $0 + $1.seconds })) (inputs read and compared; delete .reckon-cache/ to force a build)"]
        }
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.count - errors
        var lines: [String] = []
        if report.failed {
            lines.append("build failed: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"); nothing written")
        } else {
            let target = report.outputDirectory?.path ?? "public"
            lines.append("built \(report.pages) pages (\(report.articles) articles, \(report.pages - report.articles) lists and others) into \(target)"
                         + (report.keptPages > 0 ? "; \(report.pages - report.keptPages) rendered, \(report.keptPages) unchanged since the last build" : ""))
        }
        lines.append("  tables    \(report.tables) (\(report.tableRows) rows)")
        lines.append("  templates \(report.templates)")
        lines.append("  figures   \(report.checks.count) checks (\(report.checks.filter { !$0.isExpected }.count) unexpected), \(report.charts) charts (\(report.droppedLabels) point labels dropped to avoid overlaps)")
        lines.append("  copied    \(report.copiedFiles) content files")
        if let write = report.write {
            lines.append("  files     \(write.written) written, \(write.unchanged) unchanged, \(write.removed) removed")
        }
        if warnings > 0 && !report.failed { lines.append("  warnings  \(warnings)") }
        let total = report.phases.reduce(0) { $0 + $1.seconds }
        let phases = report.phases.map { "\($0.name) \(format($0.seconds))" }.joined(separator: ", ")
        lines.append("  time      \(format(total)) (\(phases))")
        return lines
    }

    static func format(_ seconds: Double) -> String {
        seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : String(format: "%.2f s", seconds)
    }
}

/// Reads a diagnostic's source file (relative to the site folder) to show its line and caret.
func sourceRenderer(site: URL) -> DiagnosticRenderer {
    let root = site.standardizedFileURL
    return DiagnosticRenderer { path in
        let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

extension DiagnosticFormat: ExpressibleByArgument {}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Build SITE in memory, validate it, and report every problem without writing.",
        discussion: """
        Runs every phase but the write: the pages' checks (ids, links, alt, titles, lang, labels), \
        the feeds' required elements, the sitemap against its XSD. Prints all diagnostics on \
        standard output in the chosen format. Exit status: 0 no error, 1 errors, 2 usage.
        """
    )

    @Argument(help: "The folder holding content/ and templates/.", completion: .directory)
    var site: String = "."

    @Option(help: "text, json or github (workflow-command annotations).")
    var format: DiagnosticFormat = .text

    @Flag(help: "Include drafts and future-dated articles.")
    var drafts = false

    @Flag(help: "Report broken internal links as warnings.")
    var warn = false

    func run() throws {
        let siteURL = URL(fileURLWithPath: site)
        let report = SiteBuilder.build(BuildOptions(siteDirectory: siteURL, drafts: drafts, write: false,
                                                    linkWarnings: warn))
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        switch format {
        case .json:
            let diagnostics = DiagnosticFormat.json.render(report.diagnostics, renderer: sourceRenderer(site: siteURL))
            print("{\"diagnostics\":\(diagnostics),\n\"checks\":[" + report.checks.map(Self.json).joined(separator: ",\n") + "]}")
        case .github:
            let output = DiagnosticFormat.github.render(report.diagnostics, renderer: sourceRenderer(site: siteURL))
            if !output.isEmpty { print(output) }
        case .text:
            for check in report.checks { print(Self.line(check)) }
            let output = DiagnosticFormat.text.render(report.diagnostics, renderer: sourceRenderer(site: siteURL))
            if !output.isEmpty { print(output) }
            let unexpected = report.checks.filter { !$0.isExpected }.count
            print("checked \(report.pages) pages and \(report.checks.count) claims (\(unexpected) unexpected): \(errors) error\(errors == 1 ? "" : "s"), \(report.diagnostics.count - errors) warnings")
        }
        if report.failed { throw ExitCode(1) }
    }

    /// `holds  content/posts/x.md:12:10  PaLM's compute: stated …, computed … (+1.2%, tolerance 5%)`
    static func line(_ check: CheckResult) -> String {
        let verdict = check.isExpected ? check.verdict : "\(check.verdict.uppercased()) (expected \(check.expected))"
        let numbers = "stated \(check.stated), computed \(check.computed)"
            + (check.offBy.isEmpty ? "" : " (off by \(check.offBy), tolerance \(check.tolerance))")
        return "\(verdict)  \(check.location)  \(check.label): \(numbers)"
    }

    static func json(_ check: CheckResult) -> String {
        let string = DiagnosticFormat.jsonString
        let fields: [(String, String)] = [
            ("label", string(check.label)), ("file", string(check.location.file)),
            ("line", String(check.location.line)), ("column", String(check.location.column)),
            ("page", string(check.pageURL + "#" + check.anchor)), ("stated", string(check.stated)),
            ("computed", string(check.computed)), ("off_by", string(check.offBy)), ("tolerance", string(check.tolerance)),
            ("verdict", string(check.verdict)), ("expected", string(check.expected)), ("formula", string(check.formula)),
            ("inputs", "[" + check.inputs.map(string).joined(separator: ",") + "]"),
        ]
        return "{" + fields.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}"
    }
}

/// `reckon serve`: parses its arguments here (for help and usage errors), then replaces this
/// process with the `reckon-serve` program, which runs the server.
struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve", abstract: ServeArguments.abstract, discussion: ServeArguments.discussion)

    @OptionGroup var arguments: ServeArguments

    func run() throws {
        // The arguments parsed above are handed over as written: everything after `serve`.
        let all = CommandLine.arguments
        let passed = all.firstIndex(of: "serve").map { Array(all[($0 + 1)...]) } ?? []
        let failure = ServeLauncher.exec(passed)
        writeText("error: \(failure)\n", to: STDERR_FILENO)
        throw ExitCode(1)
    }
}
