/// Opaque markup — a DOM fragment such as an article body, a chart or a table — carried
/// through formulas untouched so that a template can insert it with `r:content`.
///
/// Formulas never look inside a fragment: it is truthy, its type name is `markup`, its
/// display text is empty, and two fragments are equal only when they are the same object.
/// The conforming type (in `DOM` or `Templates`) owns the markup; it must be safe to share
/// between tasks, so keep libxml2 pointers out of it (store serialized or Swift-tree markup).
public protocol Fragment: Sendable {}
