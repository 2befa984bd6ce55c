import Foundation
import Testing

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The `qcdc` binary that `swift build` made next to the test bundle.
let qcdcBinary: URL = {
    let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var candidates = [exe.deletingLastPathComponent().appendingPathComponent("qcdc")]
    for dir in [".build/debug", ".build/release"] { candidates.append(packageRoot.appendingPathComponent(dir).appendingPathComponent("qcdc")) }
    if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) { return found }
    return candidates[0]
}()

struct RunResult {
    var stdout: String
    var stderr: String
    var status: Int32
}

/// Runs the built binary with `arguments`, from `directory` (the package root by default).
func qcdc(_ arguments: [String], stdin: String? = nil, directory: URL = packageRoot,
          environment: [String: String] = [:]) throws -> RunResult {
    let p = Process()
    p.executableURL = qcdcBinary
    p.arguments = arguments
    p.currentDirectoryURL = directory
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (k, v) in environment { env[k] = v }
    p.environment = env
    let out = Pipe(), err = Pipe(), inp = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = inp
    try p.run()
    if let stdin { inp.fileHandleForWriting.write(Data(stdin.utf8)) }
    try inp.fileHandleForWriting.close()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return RunResult(stdout: String(decoding: o, as: UTF8.self), stderr: String(decoding: e, as: UTF8.self),
                     status: p.terminationStatus)
}

/// Compares `actual` with a golden file; `QCDC_RECORD=1 swift test` rewrites it.
func assertGolden(_ actual: String, _ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = packageRoot.appendingPathComponent(relativePath)
    if ProcessInfo.processInfo.environment["QCDC_RECORD"] == "1" {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(actual.utf8).write(to: url)
        return
    }
    // Byte-exact: decoding keeps a BOM (the CSV scorecard starts with one on purpose).
    let expected = (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) }
        ?? "<missing golden file \(relativePath); run QCDC_RECORD=1 swift test>"
    #expect(actual == expected, "differs from \(relativePath); if the change is intended, run QCDC_RECORD=1 swift test",
            sourceLocation: sourceLocation)
}

func temporaryDirectory() throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("qcdc-e2e-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}
