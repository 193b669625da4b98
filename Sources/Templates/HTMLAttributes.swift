/// The attribute names `r:NAME="expr"` may set. A name outside this list is reported as an
/// unknown directive, so that a typo such as `r:iff` fails the build instead of writing an
/// `iff` attribute. Sources: the WHATWG HTML attribute index, SVG 2 attribute index (the
/// subset Reckon's charts and themes use), WAI-ARIA (`aria-*`), and `data-*`.
enum HTMLAttributes {
    static let names: Set<String> = [
        // Global attributes.
        "accesskey", "autocapitalize", "autofocus", "class", "contenteditable", "dir", "draggable",
        "enterkeyhint", "hidden", "id", "inert", "inputmode", "is", "itemid", "itemprop", "itemref",
        "itemscope", "itemtype", "lang", "nonce", "popover", "role", "slot", "spellcheck", "style",
        "tabindex", "title", "translate",
        // Element attributes.
        "abbr", "accept", "accept-charset", "action", "allow", "alt", "as", "async", "autocomplete",
        "autoplay", "charset", "checked", "cite", "cols", "colspan", "content", "controls",
        "coords", "crossorigin", "data", "datetime", "decoding", "default", "defer", "dirname",
        "disabled", "download", "enctype", "fetchpriority", "for", "form", "formaction", "headers",
        "height", "high", "href", "hreflang", "http-equiv", "integrity", "ismap", "kind", "label",
        "list", "loading", "loop", "low", "max", "maxlength", "media", "method", "min", "minlength",
        "multiple", "muted", "name", "novalidate", "open", "optimum", "pattern", "ping",
        "placeholder", "poster", "preload", "property", "readonly", "referrerpolicy", "rel",
        "required", "reversed", "rows", "rowspan", "sandbox", "scope", "selected", "shape", "size",
        "sizes", "span", "src", "srcdoc", "srclang", "srcset", "start", "step", "target", "type",
        "usemap", "value", "width", "wrap",
        // SVG.
        "viewBox", "preserveAspectRatio", "x", "y", "x1", "x2", "y1", "y2", "cx", "cy", "r", "rx",
        "ry", "d", "points", "transform", "fill", "stroke", "stroke-width", "stroke-dasharray",
        "opacity", "fill-opacity", "stroke-opacity", "text-anchor", "dominant-baseline", "dx", "dy",
        "font-size", "font-weight", "xmlns", "focusable",
    ]

    /// Whether `r:NAME` sets an attribute.
    static func isKnown(_ name: String) -> Bool {
        names.contains(name) || name.hasPrefix("data-") || name.hasPrefix("aria-")
    }
}
