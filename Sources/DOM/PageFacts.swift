/// What the HTML writer noticed on its one walk through a page, for the checks a site runs on
/// its own output (issue 5). Elements are described as a reader of the HTML would find them:
/// `` `<img src="a.png">` `` (the first two attributes).
public struct PageFacts: Sendable, Equatable {
    /// Every `href`, `src`, `action`, `formaction`, `poster` and `data` value, in order.
    public var links: [String] = []
    /// Every `id`, each once.
    public var ids: Set<String> = []
    /// Elements repeating an id seen before: (id, element).
    public var duplicateIDs: [(id: String, element: String)] = []
    /// `img` elements without an `alt` attribute.
    public var imagesWithoutAlt: [String] = []
    /// Elements with a `javascript:` URL in a link attribute.
    public var javascriptURLs: [String] = []
    /// `<title>` elements inside `<head>`.
    public var titlesInHead = 0
    /// The root's name, and its `lang` ("" when absent).
    public var rootName = ""
    public var rootLang = ""
    /// `aria-labelledby` references: (the ids named, the element).
    public var labelledBy: [(ids: [String], element: String)] = []

    public init() {}

    public static func == (a: PageFacts, b: PageFacts) -> Bool {
        a.links == b.links && a.ids == b.ids && a.duplicateIDs.map(\.id) == b.duplicateIDs.map(\.id)
            && a.imagesWithoutAlt == b.imagesWithoutAlt && a.javascriptURLs == b.javascriptURLs
            && a.titlesInHead == b.titlesInHead && a.rootName == b.rootName && a.rootLang == b.rootLang
            && a.labelledBy.map(\.ids) == b.labelledBy.map(\.ids)
    }
}
