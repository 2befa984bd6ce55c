// swift-tools-version:6.1
import PackageDescription

// QCDC_STATIC_LIBYAML=1 (set by scripts/install.sh) links libyaml from its static archive
// (Debian libyaml-dev's libyaml.a), so the installed binary needs no libyaml at run time. The
// system-library target stays; only its module map (without `link "yaml"`) and the linker flag
// change. Without it, libyaml is linked as the shared library pkg-config names.
let staticLibYAML = Context.environment["QCDC_STATIC_LIBYAML"].map { !$0.isEmpty && $0 != "0" } ?? false

let package = Package(
    name: "qcdc",
    platforms: [.macOS(.v13)],
    products: [
        .library(name: "QCDCKit", targets: ["QCDCKit"]),
        .executable(name: "qcdc", targets: ["qcdc"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Excel workbooks are zip archives; reading their deflated parts needs inflate (zlib).
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        // libyaml itself (Debian libyaml-dev): we compose nodes over its event parser.
        staticLibYAML
            ? .systemLibrary(name: "CYAML", path: "Sources/CYAML/static")
            : .systemLibrary(
                name: "CYAML",
                pkgConfig: "yaml-0.1",
                providers: [.apt(["libyaml-dev"]), .brew(["libyaml"])]
            ),
        // The national rules compiled (RuleSetArchive), recorded by the test suite as one C
        // string: the C compiler puts the bytes in the binary as they are, so nothing is decoded
        // at start (base64 in a Swift literal was 2.5 M instructions and 200 KB copied twice).
        .target(name: "CBuiltinRules"),
        .target(
            name: "QCDCKit",
            dependencies: ["CYAML", "CBuiltinRules", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            swiftSettings: [.swiftLanguageMode(.v6)],
            linkerSettings: staticLibYAML ? [.linkedLibrary(":libyaml.a")] : [],
            plugins: ["EmbedRules"]
        ),
        // rules/**/*.yaml → BuiltinRules+Files.swift and register/*.tsv → Register+Files.swift, at
        // build time (never committed), by Plugins/EmbedRules/embed-files.sh (/bin/sh and awk: no host tool).
        .plugin(
            name: "EmbedRules",
            capability: .buildTool()
        ),
        .executableTarget(
            name: "qcdc",
            dependencies: [
                "QCDCKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        // Helpers shared by the test targets: running the binary, golden files, external validators.
        .target(
            name: "QCDCTestSupport",
            path: "Tests/QCDCTestSupport",
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .testTarget(
            name: "QCDCKitTests",
            dependencies: ["QCDCKit", "QCDCTestSupport"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
        .testTarget(
            name: "qcdcTests",
            dependencies: ["qcdc", "QCDCKit", "QCDCTestSupport"],
            exclude: ["Golden", "Schemas", "Fixtures"],
            swiftSettings: [.swiftLanguageMode(.v6)]
        ),
    ]
)
