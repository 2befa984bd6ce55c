/// Loads rule sets: reads each file, resolves `extends` and `overrides`, and compiles every
/// rule. All problems in all files are reported together; a rule set with errors is not
/// returned.
public struct RuleSetLoader: Sendable {
    /// Bounds on every file read and every rule expression compiled.
    public var limits: LoadLimits

    /// A loader bounded by `limits`.
    public init(limits: LoadLimits = .default) { self.limits = limits }

    /// The path of the built-in national rule set.
    public static let builtinEntry = "rules/national.yaml"

    /// The national rule set compiled into qcdc: read from its compiled form when that is
    /// current and the limits are no tighter than the defaults (the built-in files load within
    /// them without a diagnostic), else loaded from its YAML like any other rule set.
    public func loadBuiltin() -> (ruleSet: RuleSet?, diagnostics: [Diagnostic]) {
        if limits.admitsBuiltinRules, let compiled = BuiltinRules.compiledNational { return (compiled, []) }
        return loadBuiltinFromYAML()
    }

    /// The national rule set loaded from its YAML files, never from the compiled form.
    package func loadBuiltinFromYAML() -> (ruleSet: RuleSet?, diagnostics: [Diagnostic]) {
        load(paths: [Self.builtinEntry], source: .builtin)
    }

    /// Loads rule-set files or directories, or the built-in national set when `paths` is empty
    /// (the `--rules` option of every command).
    public func load(rules paths: [String]) -> (ruleSet: RuleSet?, diagnostics: [Diagnostic]) {
        paths.isEmpty ? loadBuiltin() : load(paths: paths)
    }

    /// Loads files or directories (each `.yaml` in a directory) and merges them into one rule set,
    /// stage by stage: each file read (``RuleSetFileReader``), `extends` and `overrides` resolved
    /// (``RuleSetResolver``), conditions compiled (``RuleCompiler``). Every problem in every file
    /// is reported; a rule set with errors is not returned.
    public func load(paths: [String], source: RuleSource = .fileSystem) -> (ruleSet: RuleSet?, diagnostics: [Diagnostic]) {
        var resolver = RuleSetResolver(reader: RuleSetFileReader(limits: limits))
        var tops: [ResolvedRuleSet] = []
        for path in paths {
            let files = source.isDirectory(path) ? source.list(path) : [path]
            if files.isEmpty {
                resolver.diags.append(Diagnostic(.error, DiagnosticCode(.ruleset, "not_found"), .noRuleSetFiles(path), at: Mark.start.located(in: path)))
            }
            for f in files {
                if let r = resolver.resolve(file: f, source: source, from: nil) { tops.append(r) }
            }
        }
        // Merge the top-level sets (a set already included by another's `extends` is taken once).
        var merged = ResolvedRuleSet.empty
        var seen = Set<String>()
        for t in tops where !seen.contains(t.key) {
            seen.formUnion(t.includedKeys)
            merged.absorb(t, diags: &resolver.diags)
        }
        if let last = tops.last {
            merged.id = tops.count == 1 ? last.id : tops.map(\.id).joined(separator: "+")
            merged.version = last.version
            merged.title = last.title
            merged.location = last.location
        }
        var compiler = RuleCompiler(limits: limits)
        let ruleSet = compiler.compile(merged)
        var diags = (resolver.diags + compiler.diags).sorted()
        for (file, bytes) in resolver.texts { CodeFrame.attach(&diags, bytes: bytes, file: file) }
        return (diags.contains { $0.severity == .error } ? nil : ruleSet, diags)
    }

    /// Loads a rule set from bytes in memory (files by path; `extends` resolved among them).
    public func load(files: [String: [UInt8]], entry: [String]) -> (ruleSet: RuleSet?, diagnostics: [Diagnostic]) {
        load(paths: entry, source: .memory(files))
    }
}

extension LoadLimits {
    /// Whether every bound on loading a rule set is at least the default: the built-in rules,
    /// which load within the defaults, then load the same from their compiled form.
    var admitsBuiltinRules: Bool {
        let d = LoadLimits.default
        return maxBytes >= d.maxBytes && maxDepth >= d.maxDepth && maxAliasExpansion >= d.maxAliasExpansion
            && maxDiagnostics >= d.maxDiagnostics && maxExpressionLength >= d.maxExpressionLength
            && maxExpressionDepth >= d.maxExpressionDepth && maxExpressionNodes >= d.maxExpressionNodes
    }
}
