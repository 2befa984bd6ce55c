import Foundation

/// Where rule-set files come from: the file system, or the national library
/// compiled into qcdc (so an installed binary works from any directory).
public enum RuleSource: Sendable {
    case fileSystem
    case builtin
    /// Files given as bytes by path (tests, fuzzing, embedding without a file system).
    case memory([String: [UInt8]])

    var isBuiltin: Bool { if case .builtin = self { return true }; return false }

    func read(_ path: String, limit: Int) -> Result<[UInt8], Diagnostic> {
        switch self {
        case .fileSystem:
            return InputReader.read(path, limit: limit)
        case .builtin:
            guard let text = BuiltinRules.files[path] else {
                return .failure(Diagnostic(.error, DiagnosticCode(.ruleset, "not_found"), .cannotReadRuleSet(path), at: Mark.start.located(in: path)))
            }
            return .success(Array(text.utf8))
        case .memory(let files):
            guard let bytes = files[path] else {
                return .failure(Diagnostic(.error, DiagnosticCode(.ruleset, "not_found"), .cannotReadRuleSet(path), at: Mark.start.located(in: path)))
            }
            guard bytes.count <= limit else { return .failure(InputReader.tooLarge(path, size: bytes.count, limit: limit)) }
            return .success(bytes)
        }
    }

    func isDirectory(_ path: String) -> Bool {
        switch self {
        case .fileSystem:
            var isDir: ObjCBool = false
            return FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue
        case .builtin:
            return BuiltinRules.files.keys.contains { $0.hasPrefix(path.hasSuffix("/") ? path : path + "/") }
        case .memory(let files):
            return files.keys.contains { $0.hasPrefix(path.hasSuffix("/") ? path : path + "/") }
        }
    }

    /// The `.yaml`/`.yml` files directly in a directory, sorted.
    func list(_ dir: String) -> [String] {
        switch self {
        case .fileSystem:
            let items = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            return items.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { PathUtil.join(dir, $0) }
        case .builtin:
            let prefix = dir.hasSuffix("/") ? dir : dir + "/"
            return BuiltinRules.files.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") }.sorted()
        case .memory(let files):
            let prefix = dir.hasSuffix("/") ? dir : dir + "/"
            return files.keys.filter { $0.hasPrefix(prefix) && !$0.dropFirst(prefix.count).contains("/") && ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) }.sorted()
        }
    }
}

enum PathUtil {
    static func join(_ dir: String, _ name: String) -> String {
        if dir.isEmpty || dir == "." { return name }
        return dir.hasSuffix("/") ? dir + name : dir + "/" + name
    }
    static func dirname(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }
    /// Joins and removes `.` and `..` segments (for relative `extends`).
    static func resolve(_ base: String, _ rel: String) -> String {
        let full = rel.hasPrefix("/") ? rel : join(base, rel)
        // Split at the byte "/" (a path's separator whatever follows it), without copying parts.
        let dot = UInt8(ascii: ".")
        var parts: [Substring] = []
        for p in full.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            if (p.count == 1 && p.first == dot) || (p.isEmpty && !parts.isEmpty) { continue }
            if p.count == 2, p.allSatisfy({ $0 == dot }), let last = parts.last, last != ".." {
                if !last.isEmpty { parts.removeLast(); continue }
                if parts.count == 1 { continue }   // "/..": the root's parent is the root
            }
            parts.append(Substring(p))
        }
        let joined = parts.joined(separator: "/")
        return joined.isEmpty && full.hasPrefix("/") ? "/" : joined
    }
}
