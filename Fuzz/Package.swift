// swift-tools-version:6.1
// libFuzzer harnesses, kept out of the main package so that `swift build` and `swift test` stay plain.
// Build with coverage *and* AddressSanitizer (see README.md for why both flags are needed):
//   cd Fuzz && swift build -c release --sanitize=fuzzer -Xswiftc -sanitize=fuzzer,address -Xlinker --no-gc-sections
import Foundation
import PackageDescription

// A path dependency is known by its folder's name, which differs between clones.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let harnesses = ["FuzzReports", "FuzzRuleSets", "FuzzWaivers", "FuzzBaselines", "FuzzExpressions", "FuzzSpreadsheets"]

let package = Package(
    name: "Fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzSupport", dependencies: [.product(name: "QCDCKit", package: root)]),
    ] + harnesses.map { name in
        .executableTarget(
            name: name,
            dependencies: ["FuzzSupport", .product(name: "QCDCKit", package: root)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        )
    }
)
