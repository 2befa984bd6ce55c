import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Expands report arguments into files.
package enum InputFiles {
    static let extensions = [".yaml", ".yml", ".json", ".csv", ".xlsx"]

    /// Files named explicitly are taken as they are (a FIFO or `/dev/stdin` too); directories are
    /// searched recursively for report files, skipping hidden entries (`.git`, `.github`) and not
    /// following symbolic links to directories (no loops).
    /// Files found in directories are taken when `selection` admits them.
    package static func expand(_ paths: [String], selection: FileSelection = FileSelection()) -> (files: [(path: String, walked: Bool)], diagnostics: [Diagnostic]) {
        var files: [(path: String, walked: Bool)] = []
        var diags: [Diagnostic] = []
        for p in paths {
            if p == "-" { files.append((p, false)); continue }
            var st = stat()
            guard stat(p, &st) == 0 else {
                diags.append(Diagnostic(.error, DiagnosticCode(.input, "not_found"), .notFound(p),
                                        at: Mark.start.located(in: p), notes: [.checkThePath]))
                continue
            }
            guard st.st_mode & S_IFMT == S_IFDIR else { files.append((p, false)); continue }
            let found = walk(p).filter(selection.admits)
            if found.isEmpty {
                diags.append(Diagnostic(.warning, DiagnosticCode(.input, "empty_directory"), .emptyDirectory(p),
                                        at: Mark.start.located(in: p)))
            }
            files += found.map { ($0, true) }
        }
        return (files, diags)
    }

    /// The report files under a directory (hidden entries skipped, linked directories not followed), sorted.
    package static func walk(_ root: String) -> [String] {
        var found: [String] = []
        var pending = [root]
        let fm = FileManager.default
        while let dir = pending.popLast() {
            for name in ((try? fm.contentsOfDirectory(atPath: dir)) ?? []) where !name.hasPrefix(".") {
                let path = PathUtil.join(dir, name)
                var st = stat()
                guard lstat(path, &st) == 0 else { continue }
                switch st.st_mode & S_IFMT {
                case S_IFDIR:
                    pending.append(path)
                case S_IFREG, S_IFLNK:
                    guard extensions.contains(where: { name.lowercased().hasSuffix($0) }) else { continue }
                    var target = stat()
                    if stat(path, &target) == 0, target.st_mode & S_IFMT == S_IFREG { found.append(path) }
                default:
                    continue
                }
            }
        }
        return found.sorted()
    }
}
