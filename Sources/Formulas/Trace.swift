/// The inputs a formula read: table cells (`models[PaLM].parameters = 540 billion params`)
/// and whole tables passed to functions (`epoch`). Filled by `Expression.evaluate(in:trace:)`
/// so that every figure and check can show what it was computed from.
///
/// A trace is written by one evaluation at a time on one thread; it is a class so that nested
/// evaluations share it.
public final class Trace: @unchecked Sendable {
    /// One input: its path and the value read.
    public struct Read: Sendable, Equatable {
        public var path: String
        public var value: Value

        public init(path: String, value: Value) {
            self.path = path
            self.value = value
        }
    }

    /// The reads in the order they happened, each path once.
    public private(set) var reads: [Read] = []
    private var seen: Set<String> = []
    /// Every name the formula looked up, in order, each once: the site uses it to follow a
    /// page's `compute` definitions back to the cells they read.
    public private(set) var names: [String] = []

    public init() {}

    /// Adds reads found elsewhere (those of a definition the formula used).
    public func merge(_ other: [Read]) {
        for read in other { record(read.path, read.value) }
    }

    func lookedUp(_ name: String) {
        if !names.contains(name) { names.append(name) }
    }

    func record(_ path: String, _ value: Value) {
        guard !seen.contains(path) else { return }
        seen.insert(path)
        reads.append(Read(path: path, value: value))
    }
}
