import Foundation

/// A product of this package, `name` (`reckon`, `reckon-serve`), built beside the test bundle or
/// in `.build/debug`; nil when it has not been built.
public func builtExecutable(_ name: String) -> URL? {
    var candidates: [URL] = []
    if let first = ProcessInfo.processInfo.arguments.first {
        var folder = URL(fileURLWithPath: first).deletingLastPathComponent()
        // On macOS the bundle's executable sits in X.xctest/Contents/MacOS.
        for _ in 0..<4 {
            candidates.append(folder.appendingPathComponent(name))
            folder = folder.deletingLastPathComponent()
        }
    }
    candidates.append(URL(fileURLWithPath: Bundle.main.bundlePath).deletingLastPathComponent().appendingPathComponent(name))
    let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(package.appendingPathComponent(".build/debug/\(name)"))
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
}

/// What a finished process left: its exit status and everything it wrote.
public struct ProcessOutput: Sendable {
    public var status: Int32
    public var standardOutput: Data
    public var standardError: Data

    public var errorText: String { String(decoding: standardError, as: UTF8.self) }
}

/// Runs `executable` with `arguments` to its end, in `folder` when given, with `environment`
/// when given (else this process's), reading its standard output and error at once (one on
/// another thread, so that neither pipe can fill up and stall it).
public func runToEnd(_ executable: URL, _ arguments: [String], environment: [String: String]? = nil,
                     in folder: URL? = nil) throws -> ProcessOutput {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let folder { process.currentDirectoryURL = folder }
    let output = Pipe(), errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let reader = DispatchQueue(label: "reckon.fixtures.stdout")
    nonisolated(unsafe) var outputData = Data()
    let done = DispatchSemaphore(value: 0)
    reader.async {
        outputData = output.fileHandleForReading.readDataToEndOfFile()
        done.signal()
    }
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    done.wait()
    process.waitUntilExit()
    return ProcessOutput(status: process.terminationStatus, standardOutput: outputData, standardError: errorData)
}
