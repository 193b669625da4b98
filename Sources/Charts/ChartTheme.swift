/// The chart palette and theme, as CSS custom properties with light and dark values.
///
/// SVG attributes refer to the properties with fallbacks (`fill="var(--chart-1, #4269d0)"`),
/// so a chart is readable even on a page that does not define them; a page (or the standalone
/// SVG's own `<style>`) defines them to follow `prefers-color-scheme`.
///
/// - Source: colours from Observable Plot's "observable10" categorical scheme (reordered so
///   that the first three are blue, red, green); dark variants lightened for contrast on
///   #121212.
public enum ChartTheme {
    public static let paletteSize = 6

    /// Light-scheme series colours, `--chart-1` … `--chart-6`.
    public static let light = ["#4269d0", "#ff725c", "#3ca951", "#efb118", "#a463f2", "#6cc5b0"]
    /// Dark-scheme series colours.
    public static let dark = ["#7b9cf0", "#ff8f7d", "#5fcf75", "#f5c84c", "#bf8ff7", "#86dcc6"]

    /// Other properties: (name, light, dark).
    static let roles: [(String, String, String)] = [
        ("--chart-text", "#1f1f1f", "#e6e6e6"),
        ("--chart-axis", "#6b6b6b", "#a3a3a3"),
        ("--chart-grid", "#e6e6e6", "#333333"),
        ("--chart-trend", "#1f1f1f", "#e6e6e6"),
        ("--chart-background", "#ffffff", "#121212"),
    ]

    /// `var(--chart-N, fallback)` for a series index (colours repeat after six).
    public static func seriesColor(_ series: Int) -> String {
        let index = ((series % paletteSize) + paletteSize) % paletteSize
        return "var(--chart-\(index + 1), \(light[index]))"
    }

    /// `var(--chart-ROLE, fallback)` for `text`, `axis`, `grid`, `trend`, `background`.
    public static func color(_ role: String) -> String {
        let entry = roles.first { $0.0 == "--chart-\(role)" }!
        return "var(\(entry.0), \(entry.1))"
    }

    /// Custom property declarations for one scheme.
    static func declarations(dark: Bool) -> String {
        var lines: [String] = []
        for (index, color) in (dark ? Self.dark : Self.light).enumerated() {
            lines.append("--chart-\(index + 1): \(color);")
        }
        for (name, light, darkValue) in roles { lines.append("\(name): \(dark ? darkValue : light);") }
        return lines.joined(separator: " ")
    }

    /// CSS for a page that shows charts: the properties on `:root`, switched for dark mode.
    public static let pageCSS = """
        :root { \(declarations(dark: false)) }
        @media (prefers-color-scheme: dark) { :root { \(declarations(dark: true)) } }
        svg.chart { display: block; max-width: 100%; height: auto; }
        svg.chart text { fill: var(--chart-text, currentColor); }
        """

    /// CSS inside a standalone SVG: the properties on the root `svg`, light and dark.
    public static let standaloneCSS = """
        svg { \(declarations(dark: false)) }
        @media (prefers-color-scheme: dark) { svg { \(declarations(dark: true)) } }
        text { fill: var(--chart-text); }
        """
}
