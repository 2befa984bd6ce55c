import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A project's settings for qcdc, from `.qcdc.yaml` (docs/configuration.md): what a team would
/// otherwise repeat on every command line. Flags given on the command line override it.
///
/// ```yaml
/// rules: [rules/]                 # rule sets (default: the built-in national set)
/// waivers: qcdc/waivers.yaml
/// baseline: qcdc/baseline.json
/// fail-on: warning                # error, warning, info, none
/// fail-on-missing: true
/// strict: true
/// register: true                  # check codes against the official register
/// lang: vi                        # vi, en
/// show-missing: false             # text: list missing evidence rule by rule
/// omit-missing: false             # SARIF and GitLab: leave missing evidence out
/// include: ["submissions/**"]     # which files found in directories are reports
/// exclude: ["**/drafts/**", "*.bak.yaml"]
/// ```
///
/// Paths are relative to the file's directory. Submissions are untrusted: a CI job names its
/// configuration with `--config` from a trusted place, so that a `.qcdc.yaml` in a submission
/// cannot weaken the gate.
public struct Configuration: Sendable, Equatable {
    /// The name searched for: `.qcdc.yaml`.
    public static let fileName = ".qcdc.yaml"
    /// Every key the file may have.
    public static let keys = ["rules", "waivers", "baseline", "fail-on", "fail-on-missing", "strict", "register", "lang",
                              "show-missing", "omit-missing", "include", "exclude"]

    /// Where the settings came from; nil for none.
    public var file: String?
    public var rules: [String] = []
    public var waivers: String?
    public var baseline: String?
    public var failOn: FailOn?
    public var failOnMissing: Bool?
    public var strict: Bool?
    /// `register:` — check codes against the official register.
    public var checksRegister: Bool?
    public var language: Language?
    public var showMissing: Bool?
    public var omitMissing: Bool?
    /// Which files found in directories are taken, with the file's directory as their base.
    public var selection = FileSelection()

    /// No settings.
    public init() {}

    /// The configuration file that applies in `directory`: `.qcdc.yaml` there or in a directory
    /// above it, but never above the repository's root (the nearest directory holding `.git`);
    /// outside a repository, only `directory` itself. The path is relative to `directory` when
    /// `directory` is `.` (`.qcdc.yaml`, `../../.qcdc.yaml`).
    public static func find(from directory: String = ".") -> String? {
        let inRepository = SourceRoot.repository(containing: realpath(directory) ?? directory) != nil
        var dir = directory
        for _ in 0..<256 {
            let candidate = PathUtil.join(dir, fileName)
            if access(candidate, F_OK) == 0 { return candidate }
            // The repository's root: stop here. Not in a repository: only the first directory.
            if !inRepository || access(PathUtil.join(dir, ".git"), F_OK) == 0 { return nil }
            let up = PathUtil.join(dir, "..")
            guard let here = realpath(dir), let there = realpath(up), here != there else { return nil }
            dir = up
        }
        return nil
    }

    private static func realpath(_ path: String) -> String? {
        guard let p = Glibc.realpath(path, nil) else { return nil }
        defer { free(p) }
        return String(cString: p)
    }

    /// Reads the configuration file at `path`; every problem is a located `config.` error.
    public static func load(path: String, limits: LoadLimits = .default) -> (Configuration?, [Diagnostic]) {
        switch InputReader.read(path, limit: min(limits.maxBytes, 1 << 20)) {
        case .failure(let d): return (nil, [d])
        case .success(let bytes): return load(bytes, file: path, limits: limits)
        }
    }

    /// Reads configuration text; `file` names it in messages, and relative paths in it are
    /// taken from `file`'s directory.
    public static func load(_ bytes: [UInt8], file: String, limits: LoadLimits = .default) -> (Configuration?, [Diagnostic]) {
        // An empty file is no setting at all (the loader would ask for a report).
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            var c = Configuration()
            c.file = file
            return (c, [])
        }
        let (node, loadDiags) = DocumentLoader.load(bytes, file: file, limits: limits)
        guard let node else { return (nil, loadDiags) }
        var r = NodeReading(file: file, namespace: .config, document: .configuration)
        var c = Configuration()
        c.file = file
        let base = PathUtil.dirname(file)
        // An empty file (or only comments) is no setting at all.
        if node.isNull { return (c, loadDiags) }
        guard r.mapping(node, "", known: keys) else { return (nil, loadDiags + r.diags) }
        func path(_ key: String) -> String? {
            guard let p = r.string(node[key], key) else { return nil }
            guard !p.isEmpty, !p.contains("\0") else {
                r.error("invalid_value", .configEmptyPath(key), node[key]!.mark)
                return nil
            }
            return PathUtil.resolve(base, p)
        }
        func paths(_ key: String) -> [String] {
            guard let n = node[key], !n.isNull else { return [] }
            let items = n.scalarText != nil ? [n] : r.list(n, key)
            return items.enumerated().compactMap { i, item in
                guard let p = r.string(item, "\(key)[\(i)]") else { return nil }
                guard !p.isEmpty, !p.contains("\0") else {
                    r.error("invalid_value", .configEmptyPath("\(key)[\(i)]"), item.mark)
                    return nil
                }
                return p
            }
        }
        c.rules = paths("rules").map { PathUtil.resolve(base, $0) }
        c.waivers = path("waivers")
        c.baseline = path("baseline")
        if let v = r.string(node["fail-on"], "fail-on") {
            if let f = FailOn(rawValue: v) { c.failOn = f } else {
                r.error("invalid_value", .configChoice("fail-on", v, FailOn.allCases.map(\.rawValue)), node["fail-on"]!.mark)
            }
        }
        if let v = r.string(node["lang"], "lang") {
            if let l = Language(rawValue: v) { c.language = l } else {
                r.error("invalid_value", .configChoice("lang", v, Language.allCases.map(\.rawValue)), node["lang"]!.mark)
            }
        }
        c.failOnMissing = r.boolean(node["fail-on-missing"], "fail-on-missing")
        c.strict = r.boolean(node["strict"], "strict")
        c.checksRegister = r.boolean(node["register"], "register")
        c.showMissing = r.boolean(node["show-missing"], "show-missing")
        c.omitMissing = r.boolean(node["omit-missing"], "omit-missing")
        c.selection = FileSelection(include: paths("include"), exclude: paths("exclude"), base: base.isEmpty ? "." : base)
        let errors = r.diags.contains { $0.severity == .error }
        return (errors ? nil : c, loadDiags + r.diags)
    }
}

/// Which files found by searching directories are reports: `include` and `exclude` globs,
/// matched against a file's path relative to `base`. Files named on the command line are always
/// taken; hidden files and directories are never searched.
///
/// A pattern without `/` matches a file or directory name at any depth (`*.bak.yaml`,
/// `drafts`); one with `/` matches from `base` (`submissions/2026/**`). `*` and `?` stay within
/// a name, `**` spans directories. A pattern that matches a directory matches everything in it.
public struct FileSelection: Sendable, Equatable {
    /// When not empty, only files some pattern matches are taken.
    public var include: [String]
    /// Files any pattern matches are left out (after `include`).
    public var exclude: [String]
    /// The directory patterns are relative to.
    public var base: String

    public init(include: [String] = [], exclude: [String] = [], base: String = ".") {
        self.include = include
        self.exclude = exclude
        self.base = base
    }

    /// Whether no pattern is set (every file found is taken).
    public var isEmpty: Bool { include.isEmpty && exclude.isEmpty }

    /// Whether a file found under a searched directory is taken.
    public func admits(_ path: String) -> Bool {
        guard !isEmpty else { return true }
        let relative = Self.relative(path, to: base)
        if !include.isEmpty && !include.contains(where: { Self.matches($0, relative) }) { return false }
        return !exclude.contains { Self.matches($0, relative) }
    }

    /// Whether an exclude pattern covers a directory found under a searched directory (its
    /// files would all be left out, so it is not walked).
    public func excludes(directory path: String) -> Bool {
        guard !exclude.isEmpty else { return false }
        let relative = Self.relative(path, to: base)
        return exclude.contains { Self.matches($0, relative) }
    }

    /// `path` relative to `base` (both taken from the working directory); the path itself,
    /// normalised, when it is not under `base`.
    static func relative(_ path: String, to base: String) -> [Substring] {
        let cwd = FileManager.default.currentDirectoryPath
        let p = PathUtil.resolve(cwd, path), b = PathUtil.resolve(cwd, base)
        let rest = p.hasPrefix(b + "/") ? String(p.dropFirst(b.count + 1)) : (b == "/" ? String(p.dropFirst()) : p)
        return rest.split(separator: "/")
    }

    /// Whether `pattern` matches the path (its segments) or a directory above it.
    static func matches(_ pattern: String, _ path: [Substring]) -> Bool {
        let anchored = pattern.dropFirst(pattern.hasPrefix("/") ? 1 : 0)
        var parts = anchored.split(separator: "/", omittingEmptySubsequences: true)
        if parts.isEmpty { return false }
        if !anchored.contains("/") {
            // A name: any segment (a directory matched takes its contents).
            return path.contains { Glob.matches(String(parts[0]), String($0)) }
        }
        // `dir/**` is everything in `dir`; `**` everything.
        if parts.last == "**" { parts.removeLast() }
        if parts.isEmpty { return true }
        // Anchored: the pattern matches the path or one of its directories.
        return !path.isEmpty && (1...path.count).contains { n in segments(parts[...], path[0..<n]) }
    }

    /// Segment-wise matching with `**` for any number of directories, by dynamic programming
    /// (time: pattern segments × path segments, however many `**` a pattern has).
    static func segments(_ p: ArraySlice<Substring>, _ t: ArraySlice<Substring>) -> Bool {
        let p = Array(p), t = Array(t)
        // row[j]: the pattern's first i segments match the path's first j.
        var row = [Bool](repeating: false, count: t.count + 1)
        row[0] = true
        for segment in p {
            var next = [Bool](repeating: false, count: t.count + 1)
            if segment == "**" {
                var any = false
                for j in 0...t.count {
                    any = any || row[j]
                    next[j] = any
                }
            } else {
                for (j, name) in t.enumerated() where row[j] && Glob.matches(String(segment), String(name)) {
                    next[j + 1] = true
                }
            }
            row = next
        }
        return row[t.count]
    }
}
