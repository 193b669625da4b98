// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Reckon",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "reckon", targets: ["reckon"]),
        .executable(name: "reckon-serve", targets: ["reckon-serve"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/swhitty/FlyingFox.git", from: "0.27.1"),
    ],
    targets: [
        // C libraries, through pkg-config. Only DOM imports CLibXML2; only Markup imports CCmark.
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),

        .target(name: "Diagnostics"),
        .target(name: "DOM", dependencies: ["CLibXML2", "Diagnostics"]),
        .target(name: "Markup", dependencies: ["CCmark", "DOM", "Diagnostics"]),
        .target(name: "Quantities"),
        .target(name: "Formulas", dependencies: ["Diagnostics", "Quantities"]),
        .target(name: "Tables", dependencies: ["Diagnostics", "Quantities"]),
        .target(name: "Charts", dependencies: ["DOM", "Diagnostics", "Quantities"]),
        .target(name: "Templates", dependencies: ["DOM", "Formulas", "Diagnostics"]),
        .target(name: "Site", dependencies: [
            "DOM", "Markup", "Quantities", "Formulas", "Tables", "Templates", "Charts", "Diagnostics",
            .product(name: "Yams", package: "Yams"),
        ]),
        // `reckon serve`: the HTTP server, the watcher and live reload (FlyingFox).
        .target(name: "Serve", dependencies: [
            "Site", "Diagnostics",
            .product(name: "FlyingFox", package: "FlyingFox"),
        ]),
        // The arguments of `reckon serve`, parsed by both binaries.
        .target(name: "ServeCommandLine", dependencies: [
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // mimalloc (Debian libmimalloc-dev) replaces glibc's malloc in the reckon binary: a build
        // allocates many small strings and DOM nodes on every core, and glibc's arenas cost 25%
        // of a 10,000-page build's CPU (docs/BENCHMARKS.md). Linking it is enough: its malloc
        // and free come before libc's.
        // On Linux the Swift runtime and Foundation are linked statically (-static-stdlib, given
        // to the compiler too so that its imports name the static libraries): loading them as
        // shared libraries took two thirds of every start, more than the rest of a rebuild with
        // nothing changed (docs/BENCHMARKS.md). `reckon serve` execs `reckon-serve`, which holds
        // the server, so that reckon does not load FoundationNetworking and libcurl.
        // And it is linked position-dependent (-no-pie), as Go links Hugo: a PIE had its 90,000
        // relative relocations applied at every start (4.4 M cycles, some 300 copy-on-write page
        // faults), 1.5 ms of the 12.8 ms of a 1,000-page rebuild with nothing changed
        // (docs/BENCHMARKS.md). Only reckon's own code and data load at a fixed address; the
        // shared libraries (cmark, libxml2), the heap and the stacks are still placed at random.
        .executableTarget(name: "reckon", dependencies: [
            "Site", "ServeCommandLine", "Diagnostics",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], swiftSettings: [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux]))],
        linkerSettings: [.linkedLibrary("mimalloc"), .unsafeFlags(["-static-stdlib", "-Xclang-linker", "-no-pie"], .when(platforms: [.linux]))]),
        .executableTarget(name: "reckon-serve", dependencies: [
            "Serve", "ServeCommandLine",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], linkerSettings: [.linkedLibrary("mimalloc")]),

        .testTarget(name: "DiagnosticsTests", dependencies: ["Diagnostics"]),
        .testTarget(name: "DOMTests", dependencies: ["DOM"]),
        .testTarget(name: "MarkupTests", dependencies: ["Markup", "DOM"]),
        .testTarget(name: "QuantitiesTests", dependencies: ["Quantities"]),
        .testTarget(name: "FormulasTests", dependencies: ["Formulas", "Quantities", "Diagnostics"]),
        .testTarget(name: "TablesTests", dependencies: ["Tables", "Quantities"]),
        .testTarget(name: "ChartsTests", dependencies: ["Charts", "DOM", "Diagnostics"], exclude: ["Golden"]),
        .testTarget(name: "TemplatesTests", dependencies: ["Templates", "DOM", "Formulas"]),
        // Writes whole sites from `-- path --` sections; shared by the two site-level test targets.
        .target(name: "SiteFixtures", dependencies: ["Site"], path: "Tests/SiteFixtures"),
        .testTarget(name: "SiteTests", dependencies: ["Site", "DOM", "SiteFixtures"]),
        .testTarget(name: "ServeTests", dependencies: ["Serve", "Site", "SiteFixtures"]),
    ],
    swiftLanguageModes: [.v6]
)
