/// The compile stage: every rule's `when` and `expect` parsed and type-checked against the
/// declared facts and its parameters (errors at the operand), its message placeholders
/// checked, categories and roll-ups cross-referenced; the result is the ``RuleSet`` the engine
/// runs, with each rule's typed conditions and parsed templates built once.
struct RuleCompiler {
    let limits: LoadLimits
    var diags: [Diagnostic] = []

    init(limits: LoadLimits) { self.limits = limits }

    /// Compiles expressions and checks cross-references once everything is merged.
    mutating func compile(_ merged: ResolvedRuleSet) -> RuleSet {
        var rules: [Rule] = []
        for (_, raw) in merged.rules.sorted(by: { $0.key < $1.key }) {
            let rule = raw.rule
            let file = rule.location.file
            if merged.categories[rule.category] == nil, !rule.category.isEmpty {
                diags.append(Diagnostic(.error, DiagnosticCode(.ruleset, "unknown_category"), .unknownCategory(rule: rule.id, rule.category),
                                        at: rule.location, notes: Suggest.note(for: rule.category, in: merged.categories.keys) + [.declareCategory]))
            }
            var checker = TypeChecker(facts: merged.facts, parameters: rule.parameters, file: file)
            var start = checker.diagnostics.count
            let when = raw.when.flatMap { compileExpression($0, what: "rules[\(rule.id)].when", file: file, checker: &checker) }
            checker.dropCascades(from: start)
            start = checker.diagnostics.count
            let expect = raw.expect.flatMap { compileExpression($0, what: "rules[\(rule.id)].expect", file: file, checker: &checker) }
            checker.dropCascades(from: start)
            diags += checker.diagnostics
            checkPlaceholders(rule, merged: merged, mark: raw.messageMarks)
            // A rule whose condition did not compile has an error above: the rule set is not returned.
            if let expect { rules.append(Rule(rule, when: when, expect: expect)) }
        }
        var rollups: [RollupDeclaration] = []
        for (_, (decl, node)) in merged.rollups.sorted(by: { $0.key < $1.key }) {
            for (path, key) in [(decl.parentFact, "parent_fact"), (decl.totalFact, "total_fact")] {
                guard let path else { continue }
                if merged.facts[path]?.type != .integer {
                    diags.append(Diagnostic(.error, DiagnosticCode(.ruleset, "unknown_fact"), .rollupFactNotInteger(decl.id, key: key, path: path),
                                            at: (node[key]?.mark ?? node.mark).located(in: decl.location.file),
                                            notes: Suggest.note(for: path, in: merged.facts.keys)))
                }
            }
            if merged.rules[decl.childRule] == nil {
                diags.append(Diagnostic(.error, DiagnosticCode(.ruleset, "unknown_rule"), .rollupNoRule(decl.id, rule: decl.childRule),
                                        at: (node["child_rule"]?.mark ?? node.mark).located(in: decl.location.file),
                                        notes: Suggest.note(for: decl.childRule, in: merged.rules.keys)))
            }
            rollups.append(decl)
        }
        var ruleSet = RuleSet(id: merged.id, version: merged.version, title: merged.title, facts: merged.facts,
                              categories: merged.categories, rules: rules, sources: merged.sources, location: merged.location)
        ruleSet.scoring = merged.scoring ?? ScoringConfig()
        ruleSet.rollups = rollups
        ruleSet.calendar = merged.calendar
        return ruleSet
    }

    mutating func compileExpression(_ node: Node, what: String, file: String, checker: inout TypeChecker) -> Expression? {
        guard let text = node.scalarText else {
            diags.append(Diagnostic(.error, DiagnosticCode(.ruleset, "type_mismatch"), .expectedExpression(.path(what)), at: node.mark.located(in: file)))
            return nil
        }
        let base = node.mark
        let style = node.scalarStyle ?? .plain
        // Character offsets where each line of a block scalar starts, worked out once.
        var lineStarts = [0]
        if style == .literal || style == .folded {
            for (i, ch) in text.enumerated() where ch == "\n" { lineStarts.append(i + 1) }
        }
        let markAt: (Int) -> Mark = { offset in
            switch style {
            case .literal, .folded:
                var line = 0
                while line + 1 < lineStarts.count, lineStarts[line + 1] <= offset { line += 1 }
                return Mark(line: base.line + 1 + line, column: base.column + 2 + offset - lineStarts[line])
            case .singleQuoted, .doubleQuoted:
                return Mark(line: base.line, column: base.column + 1 + offset)
            case .plain:
                return Mark(line: base.line, column: base.column + offset)
            }
        }
        guard text.count <= limits.maxExpressionLength else {
            diags.append(Diagnostic(.error, DiagnosticCode(.expression, "too_large"),
                .expressionTooLong(.path(what), length: text.count, limit: limits.maxExpressionLength),
                at: base.located(in: file), notes: [.splitRequirement]))
            return nil
        }
        do {
            var parser = try ExpressionParser(text: text, markAt: markAt)
            parser.maxNesting = limits.maxExpressionDepth
            var e = try parser.parse()
            e.text = text.trimmingWhitespace
            let shape = e.shape
            if shape.nodes > limits.maxExpressionNodes || shape.depth > limits.maxExpressionDepth {
                let tooDeep = shape.depth > limits.maxExpressionDepth
                diags.append(Diagnostic(.error, DiagnosticCode(.expression, tooDeep ? "too_deep" : "too_large"),
                    tooDeep ? .expressionTooDeep(.path(what), depth: shape.depth, limit: limits.maxExpressionDepth)
                            : .expressionTooManyParts(.path(what), parts: shape.nodes, limit: limits.maxExpressionNodes),
                    at: base.located(in: file), notes: [.splitOrComprehension]))
                return nil
            }
            let checked = checker.check(e, expecting: .boolean)
            if shape.comprehensionNesting >= 3 {
                diags.append(Diagnostic(.warning, DiagnosticCode(.expression, "expensive"), .expensiveNesting(.path(what), depth: shape.comprehensionNesting),
                    at: base.located(in: file), notes: [.budgetNote(limits.maxEvaluationSteps)]))
            }
            return checked.numbered().0
        } catch {
            diags.append(Diagnostic(.error, DiagnosticCode(.expression, error.code), error.message, at: markAt(error.offset).located(in: file),
                                    notes: error.code == "syntax" ? [.seeGrammar] : [.splitIntoSimpler]))
            return nil
        }
    }

    static let builtinPlaceholders: Set<String> = ["actual", "expected", "failed", "count_failed", "period"]

    mutating func checkPlaceholders(_ rule: RuleDefinition, merged: ResolvedRuleSet, mark: Mark) {
        for name in MessageTemplate(rule.message).placeholders {
                let known = Self.builtinPlaceholders.contains(name) || rule.parameters[name] != nil
                    || name.hasPrefix("params.") && rule.parameters[String(name.dropFirst(7))] != nil
                    || merged.facts[name] != nil
                if !known {
                    diags.append(Diagnostic(.error, DiagnosticCode(.ruleset, "unknown_placeholder"), .unknownPlaceholder(rule: rule.id, name),
                        at: mark.located(in: rule.location.file),
                        notes: Suggest.note(for: name, in: Array(Self.builtinPlaceholders) + Array(rule.parameters.keys)) + [.placeholderKinds]))
                }
        }
    }
}

extension String {
    var trimmingWhitespace: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

