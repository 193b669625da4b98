import Diagnostics
import Foundation

/// Prints an HTML file to PDF with headless Chromium (`reckon brief --pdf`).
///
/// Chromium is the first of `$RECKON_CHROMIUM`, then `chromium`, `chromium-browser`,
/// `google-chrome`, `google-chrome-stable` found on `PATH` (Debian's package is `chromium`,
/// installed by `scripts/install-deps`). It runs as
/// `chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer --print-to-pdf=OUT
/// file:///…/brief.html`, with a throw-away profile folder so that runs do not share state. The
/// page size and margins come from the document's `@page` rules.
public enum PDFPrinter {
    public static let candidates = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]

    /// The Chromium executable, or nil when none is installed.
    public static func chromium(environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let path = environment["RECKON_CHROMIUM"], !path.isEmpty {
            return FileManager.default.isExecutableFile(atPath: path) ? path : nil
        }
        return findExecutable(candidates, environment: environment)
    }

    /// The first of `names` that is an executable file in a folder of `PATH`.
    public static func findExecutable(_ names: [String], environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        let folders = (environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin").split(separator: ":")
        for name in names {
            for folder in folders {
                let path = folder + "/" + name
                if FileManager.default.isExecutableFile(atPath: path) { return path }
            }
        }
        return nil
    }

    /// Prints `html` (a local file) to `pdf`, replacing it.
    ///
    /// - Throws: `DiagnosticError` when Chromium is missing, fails, takes longer than `timeout`
    ///   seconds, or writes no PDF; the message says what to do.
    public static func print(html: URL, to pdf: URL, timeout: Double = 120) throws(DiagnosticError) {
        let location = SourceLocation(file: pdf.path)
        guard let executable = chromium() else {
            throw DiagnosticError(.error("--pdf needs Chromium, and none was found on PATH (looked for \(candidates.joined(separator: ", "))): install Debian's `chromium` (scripts/install-deps does) or set RECKON_CHROMIUM to its path",
                                         at: location))
        }
        let manager = FileManager.default
        let profile = manager.temporaryDirectory.appendingPathComponent("reckon-chromium-\(UUID().uuidString)")
        let log = manager.temporaryDirectory.appendingPathComponent("reckon-chromium-\(UUID().uuidString).log")
        defer {
            try? manager.removeItem(at: profile)
            try? manager.removeItem(at: log)
        }
        try? manager.removeItem(at: pdf)
        // Chromium's own messages go to the log, shown when it fails (or nowhere, when the
        // log cannot be made).
        let output = manager.createFile(atPath: log.path, contents: nil) ? try? FileHandle(forWritingTo: log) : nil
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--user-data-dir=\(profile.path)",
            "--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", html.standardizedFileURL.absoluteString,
        ]
        process.standardOutput = output ?? FileHandle.nullDevice
        process.standardError = output ?? FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw DiagnosticError(.error("could not start \(executable): \(error.localizedDescription)", at: location))
        }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
            throw DiagnosticError(.error("\(executable) did not finish printing \(html.path) in \(Int(timeout)) s", at: location))
        }
        try? output?.close()
        let size = (try? manager.attributesOfItem(atPath: pdf.path)[.size] as? Int) ?? 0
        guard process.terminationStatus == 0, size > 0 else {
            let messages = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            let tail = messages.split(separator: "\n").suffix(5).joined(separator: "\n")
            throw DiagnosticError(.error("\(executable) exited with status \(process.terminationStatus) and wrote no PDF\(tail.isEmpty ? "" : ":\n" + tail)",
                                         at: location))
        }
    }
}
