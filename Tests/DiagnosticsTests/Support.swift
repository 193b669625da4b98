import Diagnostics

typealias SourceLocation = Diagnostics.SourceLocation

/// A renderer that reads sources from a dictionary.
func renderer(_ files: [String: String]) -> DiagnosticRenderer {
    DiagnosticRenderer(sourceText: { files[$0] })
}
