import Diagnostics
import DOM

typealias SourceLocation = Diagnostics.SourceLocation

/// The diagnostics `Document.parseXML` throws for `text`, or nil when it parses.
func parseErrors(_ text: String, file: String = "templates/page.html") -> DiagnosticError? {
    do {
        _ = try Document.parseXML(text, file: file)
        return nil
    } catch {
        return error
    }
}

/// Serializes the root element of `text` parsed as XML.
func serializedRoot(_ text: String) throws -> String {
    let document = try Document.parseXML(text, file: "templates/page.html")
    return HTMLSerializer().serialize(document.root!)
}
