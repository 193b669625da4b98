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
