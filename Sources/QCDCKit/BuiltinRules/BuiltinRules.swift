/// The national rule library under `rules/`, compiled into qcdc (see
/// `scripts/embed-rules.sh`), so that `qcdc check` works from any directory
/// and from an installed binary.
enum BuiltinRules {
    /// Rule-set ids of the built-in files (for `extends: [vn.national]`).
    static var ids: [String] {
        files.keys.sorted().compactMap { path in
            YAMLComposer().compose(Array(files[path]!.utf8), file: path).node?["id"]?.scalarText
        }
    }
}
