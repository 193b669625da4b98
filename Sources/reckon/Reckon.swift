import ArgumentParser
import Diagnostics
import Foundation
import Site

@main
struct Reckon: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reckon",
        abstract: "Build report sites whose numbers are computed and checked.",
        subcommands: [Build.self],
        defaultSubcommand: Build.self
    )
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
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

    func run() throws {
        let siteURL = URL(fileURLWithPath: site)
        let report = SiteBuilder.build(BuildOptions(
            siteDirectory: siteURL,
            outputDirectory: output.map { URL(fileURLWithPath: $0) },
            drafts: drafts,
            jobs: jobs))
        let root = siteURL.standardizedFileURL
        let renderer = DiagnosticRenderer { path in
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : root.appendingPathComponent(path)
            guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
            return String(decoding: data, as: UTF8.self)
        }
        if !report.diagnostics.isEmpty {
            FileHandle.standardError.write(Data((renderer.render(report.diagnostics) + "\n").utf8))
        }
        print(Self.summary(report))
        if report.failed { throw ExitCode(1) }
    }

    static func summary(_ report: BuildReport) -> String {
        let errors = report.diagnostics.filter { $0.severity == .error }.count
        let warnings = report.diagnostics.count - errors
        var lines: [String] = []
        if report.failed {
            lines.append("build failed: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s"); nothing written")
        } else {
            let target = report.outputDirectory?.path ?? "public"
            lines.append("built \(report.pages) pages (\(report.articles) articles, \(report.pages - report.articles) lists and others) into \(target)")
        }
        lines.append("  tables    \(report.tables) (\(report.tableRows) rows)")
        lines.append("  templates \(report.templates)")
        lines.append("  copied    \(report.copiedFiles) content files")
        if let write = report.write {
            lines.append("  files     \(write.written) written, \(write.unchanged) unchanged, \(write.removed) removed")
        }
        if warnings > 0 && !report.failed { lines.append("  warnings  \(warnings)") }
        let total = report.phases.reduce(0) { $0 + $1.seconds }
        let phases = report.phases.map { "\($0.name) \(format($0.seconds))" }.joined(separator: ", ")
        lines.append("  time      \(format(total)) (\(phases))")
        return lines.joined(separator: "\n")
    }

    static func format(_ seconds: Double) -> String {
        seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : String(format: "%.2f s", seconds)
    }
}
