import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The directory code-scanning outputs name files from: the repository's root (the nearest
/// directory above the working directory that holds `.git`), else the working directory.
/// GitHub and GitLab read a result's path relative to the repository's root, whichever
/// directory qcdc ran in.
public struct SourceRoot: Sendable, Hashable {
    /// The root's absolute path, without a trailing slash (`/` itself excepted).
    public let path: String
    /// The working directory, absolute, that relative input paths are taken from.
    let workingDirectory: String

    /// A root at `path` (absolute), with inputs named relative to `workingDirectory`.
    public init(path: String, workingDirectory: String) {
        self.path = path
        self.workingDirectory = workingDirectory
    }

    /// The repository's root above the working directory, or the working directory.
    public static func current() -> SourceRoot {
        let cwd = FileManager.default.currentDirectoryPath
        return SourceRoot(path: repository(containing: cwd) ?? cwd, workingDirectory: cwd)
    }

    /// The nearest directory at or above `directory` (an absolute path) that holds `.git`.
    static func repository(containing directory: String) -> String? {
        var dir = directory
        while true {
            if access(PathUtil.join(dir, ".git"), F_OK) == 0 { return dir }
            let parent = PathUtil.dirname(dir)
            if parent == dir || dir == "/" { return nil }
            dir = parent.isEmpty ? "/" : parent
        }
    }

    /// `file` relative to the root (`submissions/Xã A.yaml`), or nil when it is outside the
    /// root or is not a file (standard input).
    public func relative(_ file: String) -> String? {
        guard file != InputReader.stdinName else { return nil }
        let absolute = PathUtil.resolve(workingDirectory, file)
        if path == "/" { return absolute.hasPrefix("/") ? String(absolute.dropFirst()) : nil }
        guard absolute.hasPrefix(path + "/") else { return nil }
        return String(absolute.dropFirst(path.count + 1))
    }

    /// The root as a `file:` URI ending in `/`, percent-encoded.
    public var uri: String { "file://" + SARIFReporter.uri(path.hasSuffix("/") ? path : path + "/") }
}

extension Baseline {
    /// A finding's stable identity as a fingerprint: the SHA-256 of rule, unit, period and
    /// status (what a baseline matches findings by), so that code-scanning hosts follow a finding
    /// from run to run however its report's lines move or its message is worded.
    public static func fingerprint(_ result: RuleResult, of report: ReportOutcome) -> String? {
        guard let unit = report.unit, let period = report.period else { return nil }
        return SHA256.hex(Array("\(result.rule.id)|\(unit.code)|\(periodKey(period))|\(result.status.rawValue)".utf8))
    }

    /// An input problem's fingerprint: the SHA-256 of its code, file and position.
    static func fingerprint(_ d: Diagnostic) -> String {
        SHA256.hex(Array("\(d.code)|\(d.location.file)|\(d.location.sheet ?? "")|\(d.location.line)|\(d.location.column)".utf8))
    }
}
