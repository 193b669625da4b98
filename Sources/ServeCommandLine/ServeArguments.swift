import ArgumentParser

/// The arguments of `reckon serve`, shared by the `reckon` binary (which parses them for its
/// help and usage errors, then hands them to `reckon-serve`) and by `reckon-serve`, which runs
/// the server. The server lives in its own binary so that `reckon build` does not load the HTTP
/// server's libraries (FlyingFox imports FoundationNetworking, which loads libcurl) at every start.
public struct ServeArguments: ParsableArguments {
    /// The `serve` subcommand's abstract and discussion, for both binaries' help.
    public static let abstract = "Build SITE, serve it on 127.0.0.1, and rebuild and reload the pages when a source changes."
    public static let discussion = """
        Builds into SITE/public (or --output) and serves that folder on 127.0.0.1 only, under the \
        path of site.yaml's base_url. Watches content/ and templates/: after each change it \
        rebuilds and the open pages reload; a failed rebuild keeps the last good site and shows \
        the errors over the page. Stop with Ctrl-C. The server is the reckon-serve program, \
        installed beside reckon.
        """

    @Argument(help: "The folder holding content/ and templates/.", completion: .directory)
    public var site: String = "."

    @Option(help: "The port to listen on (0: any free port).")
    public var port: UInt16 = 1313

    @Option(name: .shortAndLong, help: "Where to write the site (default: SITE/public).")
    public var output: String?

    @Flag(help: "Include drafts and future-dated articles.")
    public var drafts = false

    @Flag(help: "Report broken internal links as warnings.")
    public var warn = false

    public init() {}
}
