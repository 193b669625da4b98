extension FormulaError {
    /// Runs `body`, which throws only `FormulaError`s, and rethrows them typed.
    ///
    /// The lexer, parser and evaluator throw untyped internally: a typed throw of this large
    /// struct costs a stack slot per `try` in debug builds (about 10 KB per nesting level, so
    /// 256 levels overflowed a 512 KiB thread), while an untyped throw passes one register.
    static func rethrowing<T>(_ body: () throws -> T) throws(FormulaError) -> T {
        do {
            return try body()
        } catch let error as FormulaError {
            throw error
        } catch {
            preconditionFailure("formulas threw a non-formula error: \(error)")
        }
    }
}
