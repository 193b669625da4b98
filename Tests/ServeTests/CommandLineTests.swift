import Foundation
import SiteFixtures
import Testing

/// `reckon serve` as a user runs it: the `reckon` binary hands its arguments to `reckon-serve`.
@Suite(.serialized) struct CommandLineTests {
    @Test func reckonServeExecsTheServerProgram() throws {
        let site = try Fixture(serveSite)
        defer { site.remove() }
        let process = Process()
        let reckon: URL = try #require(builtExecutable("reckon"), "build the `reckon` product first")
        process.executableURL = reckon
        #expect(builtExecutable("reckon-serve") != nil, "build the `reckon-serve` product first")
        process.arguments = ["serve", site.root.path, "--port", "0"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        defer { process.terminate(); process.waitUntilExit() }
        // Bounded: the watchdog ends the server (and with it the pipe) if it never says where it is.
        let watchdog = DispatchWorkItem { process.terminate() }
        DispatchQueue.global().asyncAfter(deadline: .now() + 60, execute: watchdog)
        defer { watchdog.cancel() }

        var text = ""
        while !text.contains("\n") {
            let data = output.fileHandleForReading.availableData
            if data.isEmpty { break }
            text += String(decoding: data, as: UTF8.self)
        }
        let line = try #require(text.split(separator: "\n").first.map(String.init))
        let match = try #require(line.wholeMatch(of: /serving http:\/\/127\.0\.0\.1:(\d+)\/reports\/ \(127\.0\.0\.1 only\); watching content\/ and templates\/; Ctrl-C to stop/))
        let port = try #require(UInt16(match.1))
        // The same process (exec, not a child) serves the site.
        let page = try get(port, "/reports/posts/hello/")
        #expect(page.status == 200)
        #expect(page.body.contains("First title"))
        #expect(process.isRunning)
    }

    /// A `reckon` with no `reckon-serve` beside it or on PATH says what to build.
    @Test func missingServerProgramIsNamed() throws {
        let reckon = try #require(builtExecutable("reckon"), "build the `reckon` product first")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("reckon-alone-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let alone = folder.appendingPathComponent("reckon")
        do { try FileManager.default.linkItem(at: reckon, to: alone) } catch { try FileManager.default.copyItem(at: reckon, to: alone) }

        let result = try runToEnd(alone, ["serve", folder.path, "--port", "0"],
                                  environment: ["PATH": folder.appendingPathComponent("empty").path])
        #expect(result.status == 1)
        #expect(result.errorText == """
            error: reckon serve runs the reckon-serve program, found neither beside reckon nor on PATH; \
            build it with `swift build -c release --product reckon-serve` (make build does)

            """)
    }

    /// Usage errors come from `reckon` itself, before anything is started.
    @Test func badArgumentsAreRefusedByReckon() throws {
        let reckon: URL = try #require(builtExecutable("reckon"), "build the `reckon` product first")
        let result = try runToEnd(reckon, ["serve", "--port", "70000"])
        #expect(result.status == 64)
        #expect(result.errorText.hasPrefix("Error: The value '70000' is invalid for '--port <port>'\n"))
    }
}
