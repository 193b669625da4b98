import Diagnostics
import Dispatch
import FlyingFox
import FlyingSocks
import Foundation
import Site

/// What `reckon serve` builds, where it listens, and how often it looks for changes.
public struct ServeOptions: Sendable {
    public var siteDirectory: URL
    /// Where the site goes; `SITE/public` when nil.
    public var outputDirectory: URL?
    /// 0 picks a free port.
    public var port: UInt16
    public var drafts: Bool
    public var linkWarnings: Bool
    /// How often `content/` and `templates/` are compared with their last state.
    public var pollInterval: Duration
    /// Each build's outcome, as lines for the terminal.
    public var log: @Sendable (String) -> Void

    public init(siteDirectory: URL, outputDirectory: URL? = nil, port: UInt16 = 1313, drafts: Bool = false,
                linkWarnings: Bool = false, pollInterval: Duration = .milliseconds(300),
                log: @escaping @Sendable (String) -> Void = { _ in }) {
        self.siteDirectory = siteDirectory
        self.outputDirectory = outputDirectory
        self.port = port
        self.drafts = drafts
        self.linkWarnings = linkWarnings
        self.pollInterval = pollInterval
        self.log = log
    }
}

/// Builds a site, serves its output on 127.0.0.1, rebuilds when a source changes and tells the
/// open pages (server-sent events on `/__reckon/events`) to reload or to show the build's errors.
public final class DevServer: Sendable {
    /// `http://127.0.0.1:PORT/BASE/`.
    public let url: String
    public let port: UInt16
    public let events: EventHub
    /// The first build.
    public let initialReport: BuildReport
    private let server: HTTPServer
    private let serverTask: Task<Void, any Error>
    private let watchTask: Task<Void, Never>

    private init(url: String, port: UInt16, events: EventHub, initialReport: BuildReport, server: HTTPServer,
                 serverTask: Task<Void, any Error>, watchTask: Task<Void, Never>) {
        self.url = url
        self.port = port
        self.events = events
        self.initialReport = initialReport
        self.server = server
        self.serverTask = serverTask
        self.watchTask = watchTask
    }

    /// Builds, starts listening, and starts watching. A failed first build still serves what
    /// the output folder holds, with the errors shown on the pages.
    public static func start(_ options: ServeOptions) async throws -> DevServer {
        let site = options.siteDirectory.standardizedFileURL
        let output = (options.outputDirectory ?? site.appendingPathComponent("public")).standardizedFileURL
        let events = EventHub()
        let build = Builder(options: options, site: site, output: output)

        let report = await build.run()
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        let state = ServerState(files: StaticFiles(root: output, basePath: SiteConfig.read(siteDirectory: site)?.basePath ?? "/"))
        await build.announce(report, events: events, log: options.log)

        let server = HTTPServer(address: try .inet(ip4: "127.0.0.1", port: options.port), timeout: 30,
                                logger: .disabled, handler: Handler(state: state, events: events))
        let serverTask = Task { try await server.run() }
        do {
            try await server.waitUntilListening(timeout: 10)
        } catch {
            serverTask.cancel()
            throw error
        }
        guard case .ip4(_, let port)? = await server.listeningAddress else {
            serverTask.cancel()
            throw ServeError("could not read the listening address")
        }

        let watchTask = Task {
            var snapshot = SourceSnapshot(site: site)
            var ticks = 0
            while !Task.isCancelled {
                try? await Task.sleep(for: options.pollInterval)
                if Task.isCancelled { break }
                ticks += 1
                if ticks % 50 == 0 { await events.ping() }
                let now = SourceSnapshot(site: site)
                guard now != snapshot else { continue }
                snapshot = now
                let report = await build.run()
                state.update(StaticFiles(root: output, basePath: SiteConfig.read(siteDirectory: site)?.basePath ?? state.files.basePath))
                await build.announce(report, events: events, log: options.log)
            }
        }
        let basePath = state.files.basePath
        return DevServer(url: "http://127.0.0.1:\(port)\(basePath)", port: port, events: events, initialReport: report,
                         server: server, serverTask: serverTask, watchTask: watchTask)
    }

    /// Runs until the server stops (or the task is cancelled).
    public func wait() async throws {
        try await withTaskCancellationHandler {
            try await serverTask.value
        } onCancel: {
            serverTask.cancel()
            watchTask.cancel()
        }
    }

    public func stop() async {
        watchTask.cancel()
        await events.finish()
        await server.stop(timeout: 1)
        serverTask.cancel()
        _ = await watchTask.value
    }
}

struct ServeError: LocalizedError {
    var errorDescription: String?
    init(_ text: String) { errorDescription = text }
}

/// The files being served; replaced after each build (the base path may have changed).
final class ServerState: @unchecked Sendable {
    private let lock = NSLock()
    private var _files: StaticFiles

    init(files: StaticFiles) { _files = files }

    var files: StaticFiles { lock.withLock { _files } }
    func update(_ files: StaticFiles) { lock.withLock { _files = files } }
}

/// Runs SiteBuilder off the concurrency pool and reports the outcome.
struct Builder: Sendable {
    let options: ServeOptions
    let site: URL
    let output: URL

    func run() async -> BuildReport {
        let buildOptions = BuildOptions(siteDirectory: site, outputDirectory: output, drafts: options.drafts,
                                        linkWarnings: options.linkWarnings)
        return await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: SiteBuilder.build(buildOptions))
            }
        }
    }

    func announce(_ report: BuildReport, events: EventHub, log: @Sendable (String) -> Void) async {
        let renderer = DiagnosticRenderer { [site] path in
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : site.appendingPathComponent(path)
            return FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) }
        }
        let text = report.diagnostics.isEmpty ? "" : DiagnosticFormat.text.render(report.diagnostics, renderer: renderer)
        let seconds = report.phases.reduce(0) { $0 + $1.seconds }
        let time = seconds < 1 ? "\(Int((seconds * 1000).rounded())) ms" : String(format: "%.2f s", seconds)
        if report.failed {
            log(text)
            log("build failed: serving the last good build; fix the errors and save to rebuild")
            await events.failed(text)
        } else {
            if !text.isEmpty { log(text) }
            let wasFailing = await events.lastError != nil
            let builds = await events.buildNumber
            if report.upToDate && !wasFailing && builds > 0 { return }
            log(report.upToDate ? "up to date (\(time))" : "built \(report.pages) pages in \(time)")
            await events.succeeded()
        }
    }
}

/// The modification time and size of every input of the site (`SiteBuilder.sourcePaths`: the
/// files a build reads, so an editor's hidden swap files do not count as changes).
struct SourceSnapshot: Equatable {
    var files: [String: [Double]] = [:]

    init(site: URL) {
        let manager = FileManager.default
        for path in SiteBuilder.sourcePaths(site: site) {
            guard let attributes = try? manager.attributesOfItem(atPath: site.appendingPathComponent(path).path) else { continue }
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            let size = (attributes[.size] as? NSNumber)?.doubleValue ?? 0
            files[path] = [modified, size]
        }
    }
}

/// Serves the output folder, the event stream, and the 404 page.
struct Handler: HTTPHandler {
    let state: ServerState
    let events: EventHub

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        guard request.method == .GET || request.method == .HEAD else {
            return HTTPResponse(statusCode: .methodNotAllowed, headers: HTTPHeaders([.allow: "GET, HEAD"]))
        }
        let raw = request.target.path()
        if raw == LiveReload.eventsPath {
            let stream = await events.subscribe()
            return HTTPResponse(statusCode: .ok,
                                headers: HTTPHeaders([.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-store"]),
                                body: HTTPBodySequence(from: EventBytes(events: stream), suggestedBufferSize: 16_384))
        }
        let files = state.files
        switch files.resolve(raw) {
        case .file(let url):
            guard let data = FileManager.default.contents(atPath: url.path) else { return notFound(files, request) }
            return page(.ok, data, type: StaticFiles.contentType(for: url.lastPathComponent), request)
        case .redirect(let location):
            return HTTPResponse(statusCode: .found, headers: HTTPHeaders([.location: location, .cacheControl: "no-store"]))
        case .notFound:
            return notFound(files, request)
        case .forbidden:
            return HTTPResponse(statusCode: .forbidden, headers: HTTPHeaders([.contentType: "text/plain; charset=utf-8"]),
                                body: Data("403 forbidden: outside the site\n".utf8))
        }
    }

    func notFound(_ files: StaticFiles, _ request: HTTPRequest) -> HTTPResponse {
        let data = files.notFoundPage.flatMap { FileManager.default.contents(atPath: $0.path) }
            ?? Data("<!DOCTYPE html><html><head><title>Not found</title></head><body><h1>404 not found</h1></body></html>".utf8)
        return page(.notFound, data, type: "text/html; charset=utf-8", request)
    }

    func page(_ status: HTTPStatusCode, _ data: Data, type: String, _ request: HTTPRequest) -> HTTPResponse {
        let body = type.hasPrefix("text/html") ? LiveReload.inject(into: data) : data
        var headers: HTTPHeaders = [.contentType: type, .cacheControl: "no-store"]
        if request.method == .HEAD {
            headers[.contentLength] = String(body.count)
            return HTTPResponse(statusCode: status, headers: headers)
        }
        return HTTPResponse(statusCode: status, headers: headers, body: body)
    }
}

extension HTTPHeader {
    static let allow = HTTPHeader("Allow")
}
