// swift-tools-version:6.1
// libFuzzer harness, kept out of the main package so that `swift build` and `swift test` stay plain.
//   cd Fuzz && swift build -c release --sanitize=fuzzer --sanitize=address
//   ASAN_OPTIONS=detect_leaks=0 SWIFT_BACKTRACE=enable=no .build/release/FuzzReports corpus/ -max_total_time=60
import Foundation
import PackageDescription

// A path dependency is known by its folder's name, which differs between clones.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent

let package = Package(
    name: "Fuzz",
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "FuzzReports",
            dependencies: [.product(name: "QCDCKit", package: root)],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
