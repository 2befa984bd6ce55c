/// The national rule library under `rules/`, compiled into qcdc (see
/// the EmbedRules build-tool plugin, at build time), so that `qcdc check` works from any directory
/// and from an installed binary.
enum BuiltinRules {
    /// The built-in files by their rule-set id (for `extends: [vn.national]`), worked out once
    /// from each file's top-level `id:` line (our own files, written that way; a test checks the
    /// index against a full read), not by composing every file at each start.
    static let pathsByID: [String: String] = {
        var index: [String: String] = [:]
        for (path, text) in files {
            if let id = topLevelID(text) { index[id] = path }
        }
        return index
    }()

    /// The value of a plain `id: value` line at the start of a line.
    static func topLevelID(_ text: String) -> String? {
        for line in text.split(separator: "\n", omittingEmptySubsequences: true) where line.hasPrefix("id:") {
            let value = String(line.dropFirst(3).split(separator: "#", maxSplits: 1).first ?? "").trimmingWhitespace
            return value.isEmpty ? nil : value
        }
        return nil
    }
}
