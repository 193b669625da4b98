import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Finds `reckon-serve` and replaces this process with it, as git runs `git-NAME` for its
/// subcommands.
enum ServeLauncher {
    static let program = "reckon-serve"

    /// Where `reckon-serve` is looked for, in order: beside this executable as invoked (a symlink's
    /// folder), beside the file it resolves to, then each folder on `PATH`.
    static func candidates(invokedAs argument0: String, executable: URL?, path: String?) -> [String] {
        var folders: [String] = []
        if argument0.contains("/") {
            folders.append(URL(fileURLWithPath: argument0).deletingLastPathComponent().path)
        }
        if let executable {
            folders.append(executable.resolvingSymlinksInPath().deletingLastPathComponent().path)
        }
        for folder in (path ?? "").split(separator: ":") where !folder.isEmpty {
            folders.append(String(folder))
        }
        var seen = Set<String>()
        return folders.map { ($0 as NSString).appendingPathComponent(program) }.filter { seen.insert($0).inserted }
    }

    /// Execs the first executable candidate with `arguments`; returns only on failure, with the
    /// reason.
    static func exec(_ arguments: [String]) -> String {
        let found = candidates(invokedAs: CommandLine.arguments.first ?? "", executable: Bundle.main.executableURL,
                               path: ProcessInfo.processInfo.environment["PATH"])
        guard let path = found.first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else {
            return "reckon serve runs the \(program) program, found neither beside reckon nor on PATH; "
                + "build it with `swift build -c release --product \(program)` (make build does)"
        }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, argv)
        return "could not run \(path): \(String(cString: strerror(errno)))"
    }
}
