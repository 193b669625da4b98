extension Character {
    /// A space or tab, the padding CSV writers put around cells.
    var isSpace: Bool { self == " " || self == "\t" }
}

extension StringProtocol {
    /// The text without spaces and tabs at either end.
    var trimmingSpaces: SubSequence {
        guard let first = firstIndex(where: { !$0.isSpace }) else { return self[endIndex...] }
        let last = lastIndex(where: { !$0.isSpace })!
        return self[first...last]
    }
}
