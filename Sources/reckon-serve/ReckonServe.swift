import ArgumentParser
import Foundation
import Serve
import ServeCommandLine

/// `reckon-serve`: the server behind `reckon serve`, which execs this binary with its arguments.
@main
struct ReckonServe: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reckon serve", abstract: ServeArguments.abstract, discussion: ServeArguments.discussion)

    @OptionGroup var arguments: ServeArguments

    func run() async throws {
        let server = try await DevServer.start(ServeOptions(
            siteDirectory: URL(fileURLWithPath: arguments.site),
            outputDirectory: arguments.output.map { URL(fileURLWithPath: $0) },
            port: arguments.port, drafts: arguments.drafts, linkWarnings: arguments.warn,
            log: { line in try? FileHandle.standardError.write(contentsOf: Data((line + "\n").utf8)) }))
        try? FileHandle.standardOutput.write(contentsOf: Data("serving \(server.url) (127.0.0.1 only); watching content/ and templates/; Ctrl-C to stop\n".utf8))
        try await server.wait()
    }
}
