/// Machine-readable forms of a list of diagnostics, for `--format json` and `--format github`.
public enum DiagnosticFormat: String, Sendable, CaseIterable {
    /// `path:line:column: error: message`, the source line and a caret (`DiagnosticRenderer`).
    case text
    /// A JSON array of `{"file", "line", "column", "severity", "message"}` objects, sorted.
    case json
    /// GitHub Actions workflow commands: `::error file=F,line=L,col=C::message`, which the
    /// Actions runner shows as annotations on the lines of the pull request.
    /// Source: docs.github.com, "Workflow commands for GitHub Actions" (escaping of `%`, CR, LF
    /// in messages and of `:` and `,` in properties as in the runner's `escapeData`/`escapeProperty`).
    case github

    public func render(_ diagnostics: [Diagnostic], renderer: DiagnosticRenderer) -> String {
        let sorted = diagnostics.sorted()
        switch self {
        case .text:
            return renderer.render(sorted)
        case .json:
            let items = sorted.map { diagnostic in
                "{\"file\":\(Self.jsonString(diagnostic.location.file)),\"line\":\(diagnostic.location.line),"
                    + "\"column\":\(diagnostic.location.column),\"severity\":\"\(diagnostic.severity.rawValue)\","
                    + "\"message\":\(Self.jsonString(diagnostic.message))}"
            }
            return "[" + items.joined(separator: ",\n") + "]"
        case .github:
            return sorted.map { diagnostic in
                var properties = ["file=" + Self.escapeProperty(diagnostic.location.file)]
                if diagnostic.location.line > 0 { properties.append("line=\(diagnostic.location.line)") }
                if diagnostic.location.column > 0 { properties.append("col=\(diagnostic.location.column)") }
                return "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::\(Self.escapeData(diagnostic.message))"
            }.joined(separator: "\n")
        }
    }

    /// `text` as a JSON string literal (RFC 8259 §7): `"` `\` and control characters escaped,
    /// everything else as is. Shared by every JSON Reckon writes (diagnostics, checks, data).
    public static func jsonString(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let control where control.value < 0x20:
                let hex = String(control.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    static func escapeData(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case "\r\n": out += "%0D%0A"
            default: out.append(character)
            }
        }
        return out
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingColonsAndCommas()
    }
}

private extension String {
    func replacingColonsAndCommas() -> String {
        var out = ""
        for character in self {
            switch character {
            case ":": out += "%3A"
            case ",": out += "%2C"
            default: out.append(character)
            }
        }
        return out
    }
}
