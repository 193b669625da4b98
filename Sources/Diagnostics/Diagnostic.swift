/// One problem found in a build: where, how bad, and what to do about it.
///
/// Diagnostics are values: every phase returns all it finds, the pipeline collects them, and the
/// command line prints them sorted by location (see `DiagnosticList`).
public struct Diagnostic: Hashable, Sendable, Comparable {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case warning, error
        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    public var location: SourceLocation
    public var severity: Severity
    /// One sentence, lower case, no trailing period; says what to do where it can.
    public var message: String

    public init(_ severity: Severity, _ message: String, at location: SourceLocation) {
        self.location = location
        self.severity = severity
        self.message = message
    }

    public static func error(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: String, at location: SourceLocation) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.severity != b.severity { return a.severity > b.severity }
        return a.message < b.message
    }

    /// `path:line:column: error: message`, the first line of the compiler-style report.
    public var summary: String {
        "\(location): \(severity.rawValue): \(message)"
    }
}

/// An error that carries one or more diagnostics; thrown by steps that cannot go on.
public struct DiagnosticError: Error, Sendable, Equatable {
    public var diagnostics: [Diagnostic]
    public init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    public init(_ diagnostic: Diagnostic) { self.diagnostics = [diagnostic] }
}
