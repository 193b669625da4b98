import Diagnostics
import Yams

/// Reads YAML (front matter, `site.yaml`) into Yams nodes, turning Yams' errors and the
/// positions of nodes into `file:line:column` locations of the enclosing file.
struct YAMLReader {
    let file: String
    /// The file line on which the YAML text starts.
    let firstLine: Int

    /// Parses one YAML document; an empty document is an empty mapping.
    ///
    /// Scalars are not given implicit tags (`Resolver.basic`): Reckon reads every scalar as
    /// text and converts it where it needs a number or a flag (`bool`), so the default
    /// resolver's regular expressions, compiled at every start and run on every scalar, were
    /// pure cost (1.5 ms of a 30 ms rebuild).
    func parse(_ text: String) throws(DiagnosticError) -> Node {
        do {
            return try Yams.compose(yaml: text, .basic) ?? Node.mapping(Node.Mapping([]))
        } catch let error as YamlError {
            throw DiagnosticError(.error("invalid YAML: \(Self.describe(error))", at: location(of: error)))
        } catch {
            throw DiagnosticError(.error("invalid YAML: \(error)", at: SourceLocation(file: file, line: firstLine, column: 1)))
        }
    }

    func location(of mark: Mark?) -> SourceLocation {
        guard let mark else { return SourceLocation(file: file, line: firstLine, column: 1) }
        return SourceLocation(file: file, line: firstLine + mark.line - 1, column: mark.column)
    }

    private func location(of error: YamlError) -> SourceLocation {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return location(of: mark)
        default:
            return SourceLocation(file: file, line: firstLine, column: 1)
        }
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
             .composer(let context, let problem, _, _):
            if let context { return "\(problem) (\(context.text))" }
            return problem
        default:
            return "\(error)"
        }
    }

    /// The fields of a mapping with the location of each key, in order.
    func fields(of node: Node, diagnostics: inout [Diagnostic]) -> [(key: String, value: Node, location: SourceLocation)] {
        guard case .mapping(let mapping) = node else {
            diagnostics.append(.error("expected a mapping of `key: value` lines", at: location(of: node.mark)))
            return []
        }
        return mapping.map { pair in (pair.key.string ?? "", pair.value, location(of: pair.key.mark)) }
    }

    /// A scalar's text, or an error at the node.
    func string(_ node: Node, key: String, diagnostics: inout [Diagnostic]) -> String? {
        if case .scalar(let scalar) = node { return scalar.string }
        diagnostics.append(.error("`\(key)` must be a single value", at: location(of: node.mark)))
        return nil
    }

    /// A list of scalars; a single scalar counts as a list of one.
    func strings(_ node: Node, key: String, diagnostics: inout [Diagnostic]) -> [String] {
        switch node {
        case .scalar(let scalar): return scalar.string.isEmpty ? [] : [scalar.string]
        case .sequence(let sequence):
            return sequence.compactMap { string($0, key: key, diagnostics: &diagnostics) }
        default:
            diagnostics.append(.error("`\(key)` must be a list such as `[a, b]`", at: location(of: node.mark)))
            return []
        }
    }

    /// `true`/`false` (YAML 1.1 forms accepted by Yams), or an error at the node.
    func bool(_ node: Node, key: String, diagnostics: inout [Diagnostic]) -> Bool? {
        if let value = node.bool { return value }
        diagnostics.append(.error("`\(key)` must be true or false", at: location(of: node.mark)))
        return nil
    }
}
