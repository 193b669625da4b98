import ArgumentParser
import Diagnostics
import Foundation
import Site

extension BriefOptions.Paper: ExpressibleByArgument {
    public init?(argument: String) {
        switch argument.lowercased() {
        case "a4": self = .a4
        case "letter": self = .letter
        default: return nil
        }
    }
}

struct Brief: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief",
        abstract: "Make one self-contained HTML file (and, with --pdf, a PDF) of some articles.",
        discussion: """
        The articles (content paths, or every article with --tag) are rendered by the site's \
        pipeline through templates/brief.html: a cover with the key figures, the articles, and \
        an appendix with the checks, the formulas behind each figure and the sources of every \
        table. The stylesheet is inlined, charts are inline SVG, images are data: URIs, and links \
        to the web are listed as numbered endnotes: the file refers to nothing outside itself. \
        --pdf prints it with headless Chromium. Exit status: 0 written, 1 errors, 2 usage.
        """
    )

    @Argument(help: "Articles, as paths to their Markdown files (content/posts/palm.md).")
    var paths: [String] = []

    @Option(help: "The folder holding content/ and templates/.")
    var site: String = "."

    @Option(name: .shortAndLong, help: "The HTML file to write (default: brief.html); a name ending in .pdf implies --pdf.")
    var output: String = "brief.html"

    @Flag(help: "Also print the brief to PDF (beside the HTML, same name) with headless Chromium.")
    var pdf = false

    @Option(help: "Add every article with this tag (repeatable).")
    var tag: [String] = []

    @Option(help: "The cover's title (default: the first article's).")
    var title: String?

    @Option(help: "Paper size for printing: a4 or letter.")
    var paper: BriefOptions.Paper = .a4

    @Option(name: .customLong("key-figures"), help: "Figures per article on the cover.")
    var keyFigures: Int = 4

    @Flag(help: "Allow drafts and future-dated articles.")
    var drafts = false

    func validate() throws {
        if paths.isEmpty && tag.isEmpty { throw ValidationError("name at least one article, or pass --tag") }
        if keyFigures < 0 { throw ValidationError("--key-figures must be 0 or more") }
    }

    func run() throws {
        let siteURL = URL(fileURLWithPath: site).standardizedFileURL
        let root = siteURL.path.hasSuffix("/") ? siteURL.path : siteURL.path + "/"
        // Paths may be given from the current folder or from the site's.
        let sources = paths.map { path -> String in
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            if FileManager.default.fileExists(atPath: absolute), absolute.hasPrefix(root) {
                return String(absolute.dropFirst(root.count))
            }
            return path
        }
        let report = BriefBuilder.build(BriefOptions(siteDirectory: siteURL, paths: sources, tags: tag, title: title,
                                                     paper: paper, keyFigures: keyFigures, drafts: drafts))
        if !report.diagnostics.isEmpty {
            let text = DiagnosticFormat.text.render(report.diagnostics, renderer: sourceRenderer(site: siteURL))
            writeText(text + "\n", to: STDERR_FILENO)
        }
        if report.failed {
            print("brief failed: nothing written")
            throw ExitCode(1)
        }
        var htmlURL = URL(fileURLWithPath: output).standardizedFileURL
        var pdfURL: URL?
        if htmlURL.pathExtension.lowercased() == "pdf" {
            pdfURL = htmlURL
            htmlURL = htmlURL.deletingPathExtension().appendingPathExtension("html")
        } else if pdf {
            pdfURL = htmlURL.deletingPathExtension().appendingPathExtension("pdf")
        }
        do {
            try FileManager.default.createDirectory(at: htmlURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(report.html).write(to: htmlURL, options: .atomic)
        } catch {
            writeText("\(htmlURL.path): error: cannot write the brief: \(error.localizedDescription)\n", to: STDERR_FILENO)
            throw ExitCode(1)
        }
        print("brief \"\(report.title)\": \(report.articles.count) article\(report.articles.count == 1 ? "" : "s"), \(report.figures) figures, \(report.checks) checks, \(report.endnotes.count) links as endnotes")
        print("  html      \(htmlURL.path) (\(report.html.count / 1024) KB)")
        if let pdfURL {
            do {
                try PDFPrinter.print(html: htmlURL, to: pdfURL)
            } catch {
                let text = DiagnosticFormat.text.render(error.diagnostics, renderer: sourceRenderer(site: siteURL))
                writeText(text + "\n", to: STDERR_FILENO)
                throw ExitCode(1)
            }
            let size = (try? FileManager.default.attributesOfItem(atPath: pdfURL.path)[.size] as? Int) ?? 0
            print("  pdf       \(pdfURL.path) (\(size / 1024) KB)")
        }
    }
}
