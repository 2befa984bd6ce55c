/// The national rule library under `rules/`, compiled into qcdc (see
/// the EmbedRules build-tool plugin, at build time), so that `qcdc check` works from any directory
/// and from an installed binary.
enum BuiltinRules {
    /// The built-in files by their rule-set id (for `extends: [vn.national]`), read once.
    static let pathsByID: [String: String] = {
        var index: [String: String] = [:]
        for (path, text) in files {
            if let id = YAMLComposer().compose(Array(text.utf8), file: path).node?["id"]?.scalarText { index[id] = path }
        }
        return index
    }()
}
