import Testing
@testable import QCDCKit

private let facts = """
id: t
version: "1"
title: {vi: t, en: t}
facts:
  a.n: {type: integer, label: {vi: n, en: n}}
  a.m: {type: integer, label: {vi: m, en: m}}
  a.x: {type: number, label: {vi: x, en: x}}
  a.p: {type: percent, label: {vi: p, en: p}}
  a.d: {type: date, label: {vi: d, en: d}}
  a.ok: {type: boolean, label: {vi: ok, en: ok}}
  a.kind: {type: enum, values: [plenary, delegates], label: {vi: k, en: k}}
  cases:
    type: list
    label: {vi: c, en: c}
    fields:
      id: {type: string, label: {vi: id, en: id}}
      days: {type: integer, label: {vi: days, en: days}}
      complex: {type: boolean, label: {vi: cx, en: cx}}
categories:
  c: {name: {vi: c, en: c}}
rules: []
"""

/// Parses and type-checks one expression against the facts above.
private func check(_ text: String, params: [String: RuleParameter] = [:]) -> (Expression?, [Diagnostic]) {
    let (rs, d) = ruleSet(facts)
    precondition(rs != nil, "\(d)")
    var parser: ExpressionParser
    do { parser = try ExpressionParser(text: text, markAt: { Mark(line: 1, column: 1 + $0) }) } catch {
        return (nil, [Diagnostic(.error, "expression.syntax", error.message, at: SourceLocation(file: "x", line: 1, column: 1 + error.offset))])
    }
    do {
        let e = try parser.parse()
        var tc = TypeChecker(facts: rs!.facts, parameters: params, file: "x")
        let typed = tc.check(e, expecting: .boolean)
        tc.dropCascades(from: 0)    // as the rule compiler does after each expression
        return (typed, tc.diagnostics)
    } catch {
        return (nil, [Diagnostic(.error, "expression.syntax", error.message, at: SourceLocation(file: "x", line: 1, column: 1 + error.offset))])
    }
}

private func eval(_ text: String, _ reportFacts: String, period: Period = .year(2026)) -> Outcome {
    let (rs, _) = ruleSet(facts)
    let (e, diags) = check(text)
    precondition(diags.isEmpty, "\(diags)")
    let (node, _) = compose(reportFacts)
    var d: [Diagnostic] = []
    let f = ReportReader(ruleSet: rs!).readFacts(node!, file: "r.yaml", skipReserved: false, into: &d)
    precondition(d.isEmpty, "\(d)")
    var ev = Evaluator(context: EvaluationContext(facts: f, period: period, parameters: [:]))
    return ev.evaluate(e!)
}

private func isTrue(_ o: Outcome) -> Bool { if case .value(.bool(true), _) = o { return true }; return false }
private func isFalse(_ o: Outcome) -> Bool { if case .value(.bool(false), _) = o { return true }; return false }
private func isMissing(_ o: Outcome) -> Bool { if case .missing = o { return true }; return false }
private func isFailure(_ o: Outcome) -> Bool { if case .failure = o { return true }; return false }

@Suite("Expression parser and type checker")
struct ExpressionCheckTests {
    @Test func literalsParse() {
        for text in ["1 < 2", "1.5 >= 1", "100% == 1", "2026-07-01 > 2026-06-30", "\"a\" == 'a'", "true", "not false",
                     "-3 < 0", "(1 + 2) * 3 == 9", "1 in [1, 2]", "a.kind not in [\"plenary\"]"] {
            let (e, d) = check(text)
            #expect(e != nil && d.isEmpty, "\(text): \(d)")
        }
    }

    @Test func syntaxErrorsHaveColumns() {
        let (_, d) = check("a.n >= ")
        #expect(d.first?.code == "expression.syntax")
        #expect(d.first?.location.column == 8)
        let (_, d2) = check("a.n = 1")
        #expect(d2.first?.message.contains("==") == true)
        #expect(d2.first?.location.column == 5)
        let (_, d3) = check("2025-02-30 < a.d")
        #expect(d3.first?.message.contains("not a valid date") == true)
    }

    @Test func unknownFactSuggests() {
        let (_, d) = check("a.nn >= 1")
        #expect(d.first?.message == "unknown fact 'a.nn'")
        #expect(d.first?.notes.first == "did you mean 'a.n'?")
        #expect(d.first?.location.column == 1)
        #expect(d.count == 1, "no second error that follows from the unknown fact: \(d)")
        let (_, d2) = check("a.nn >= 1 and nope(a.n) > 2")
        #expect(d2.map(\.message.key) == ["expression.type.unknown_fact", "expression.type.unknown_function"])
    }

    @Test func typeErrorsAreLocatedAtTheOperand() {
        let (_, d) = check("a.n + a.ok > 1")
        #expect(d.count == 1)
        #expect(d.first?.location.column == 7)
        let (_, d2) = check("a.d > 5")
        #expect(d2.first?.message.contains("cannot compare") == true)
        let (_, d3) = check("a.n")
        #expect(d3.first?.message.contains("expected boolean") == true)
        let (_, d4) = check("a.kind == \"plenery\"")
        #expect(d4.first?.notes.first == "did you mean 'plenary'?")
    }

    @Test func functionsAreChecked() {
        #expect(check("count(c in cases where c.days > 30) == 0").1.isEmpty)
        #expect(check("sum(c in cases: c.days) >= 0").1.isEmpty)
        #expect(check("all(c in cases: c.days <= if(c.complex, 45, 30))").1.isEmpty)
        #expect(check("max(c in cases: c.days) <= 90").1.isEmpty)
        #expect(check("period_days() > 0 and in_period(a.d) and add_months(a.d, 3) > a.d").1.isEmpty)
        #expect(check("frobnicate(1)").1.first?.message == "unknown function 'frobnicate'")
        #expect(check("count(c in cases where c.dayz > 1) > 0").1.first?.notes.first == "did you mean 'days'?")
        #expect(check("sum(c in cases: c.complex) > 0").1.first?.message.contains("needs numbers") == true)
        #expect(check("params.limit > 1").1.first?.message == "unknown parameter 'params.limit'")
    }
}

@Suite("Expression lexer: by byte and by character")
struct LexerTests {
    /// The tokens of `text` (kinds, texts, offsets) or its error (message in both languages,
    /// offset), lexed by byte when it allows (ASCII without a carriage return) and by character.
    private func both(_ text: String) -> (bytes: String, characters: String) {
        func show(_ source: LexSource) -> String {
            switch Result(catching: { () throws(ExpressionSyntaxError) in try source.tokenize() }) {
            case .success(let tokens): tokens.map { "\($0.token)@\($0.offset)+\($0.length)" }.joined(separator: " ")
            case .failure(let e): "error \(e.code) \(e.message.text(.vi)) / \(e.message.text(.en))@\(e.offset)"
            }
        }
        return (show(LexSource(text)), show(LexSource(text, byCharacter: true)))
    }

    @Test func bytesAndCharactersAgree() {
        let texts = ["a.n >= 1 and not b.ok", "count(c in cases where c.days > 30) == 0", "1_000 + 2.5 * 90% - 3",
                     "2026-07-01 > a.d", "2025-02-30 < a.d", "a.kind in [\"plenary\", 'x\\'y']", "\"open", "a = 1",
                     "a & b", "a | b", "a # b", "99999999999999999999 > 1", "  \t\n a.n  ", "\"\\", "x.y_z9 != _a",
                     "20260701", "2026-07-011", "1.", "1.x", "a<=b>=c<d>e==f!=g", ""]
        for text in texts {
            let (b, c) = both(text)
            #expect(b == c, "\(text)")
        }
    }

    /// Tokens as the lexer gave them before it read bytes (written out by hand).
    @Test func tokensAreTheOnesBefore() throws {
        let tokens = try Lexer.tokenize("count(c in a.cases where c.days > 30_000) >= 90% and 'x\\zy' != \"\" or d <= 2026-07-01")
        #expect(tokens.map { "\($0.token)@\($0.offset)+\($0.length)" } == [
            "identifier(\"count\")@0+5", "op(\"(\")@5+1", "identifier(\"c\")@6+1", "identifier(\"in\")@8+2",
            "identifier(\"a\")@11+1", "op(\".\")@12+1", "identifier(\"cases\")@13+5", "identifier(\"where\")@19+5",
            "identifier(\"c\")@25+1", "op(\".\")@26+1", "identifier(\"days\")@27+4", "op(\">\")@32+1", "integer(30000)@34+6",
            "op(\")\")@40+1", "op(\">=\")@42+2", "percent(0.9)@45+3", "identifier(\"and\")@49+3", "string(\"xzy\")@53+6",
            "op(\"!=\")@60+2", "string(\"\")@63+2", "identifier(\"or\")@66+2", "identifier(\"d\")@69+1", "op(\"<=\")@71+2",
            "date(2026-07-01)@74+10", "end@84+0",
        ])
    }

    @Test func charactersCountOutsideASCII() {
        // Offsets count characters: "ệ" (one character, three bytes; or e + two combining marks)
        // puts the error at the same column.
        for text in ["a.tên == \"ệ\" and %", "\"e\u{0323}\u{0302}\" == b %", "a == 1\r\n and %"] {
            guard case .failure(let e) = Result(catching: { () throws(ExpressionSyntaxError) in try Lexer.tokenize(text) }) else {
                Issue.record("\(text) lexed"); continue
            }
            #expect(e.offset == Array(text).firstIndex(of: "%"), "\(text)")
        }
        #expect((try? Lexer.tokenize("a.tên"))?.map(\.token) == [.identifier("a"), .op("."), .identifier("tên"), .end])
        #expect((try? Lexer.tokenize("\"đã giải quyết\""))?.first?.token == .string("đã giải quyết"))
    }
}

@Suite("Expression evaluator")
struct EvaluatorTests {
    @Test func arithmeticAndComparison() {
        #expect(isTrue(eval("a.n * 2 + 1 == 7", "a: {n: 3}")))
        #expect(isTrue(eval("a.n / a.m >= 100%", "a: {n: 5, m: 5}")))
        #expect(isFalse(eval("a.n / a.m >= 100%", "a: {n: 4, m: 5}")))
        #expect(isTrue(eval("a.p >= 95%", "a: {p: 95%}")))
        #expect(isTrue(eval("a.p == 95%", "a: {p: 95}")))
        #expect(isTrue(eval("0.1 + 0.2 == 0.3", "{}")))
        #expect(isTrue(eval("a.d - 2026-01-01 == 31", "a: {d: 2026-02-01}")))
        #expect(isTrue(eval("add_months(a.d, 1) == 2026-02-28", "a: {d: 2026-01-31}")))
    }

    @Test func missingFactsGiveMissingNotFalse() {
        #expect(isMissing(eval("a.n >= 1", "{}")))
        guard case .missing(let m) = eval("a.n >= 1", "a: {m: 1}") else { Issue.record("expected missing"); return }
        #expect(m.first?.path == "a.n")
        // Where it should be written is looked up only for the results that cite it.
        #expect(m.first?.mark == nil)
        let (rs, _) = ruleSet(facts)
        let (node, _) = compose("a: {m: 1}")
        var d: [Diagnostic] = []
        let f = ReportReader(ruleSet: rs!).readFacts(node!, file: "r.yaml", skipReserved: false, into: &d)
        #expect(f.container(of: "a.n") == Mark(line: 1, column: 4))
        #expect(f.container(of: "b.n") == Mark(line: 1, column: 1))
        // A record's missing field knows its record at once.
        guard case .missing(let r) = eval("all(c in cases: c.days > 0)", "cases: [{days: 1}, {id: b}]") else {
            Issue.record("expected missing"); return
        }
        #expect(r.map(\.path) == ["cases[1].days"])
        #expect(r.first?.mark == Mark(line: 1, column: 20))
    }

    @Test func kleeneLogic() {
        #expect(isFalse(eval("a.n > 1 and a.m > 1", "a: {m: 0}")))
        #expect(isMissing(eval("a.n > 1 and a.m > 1", "a: {m: 5}")))
        #expect(isTrue(eval("a.n > 1 or a.m > 1", "a: {m: 5}")))
        #expect(isMissing(eval("a.n > 1 or a.m > 1", "a: {m: 0}")))
        #expect(isTrue(eval("exists(a.m) and not exists(a.n)", "a: {m: 0}")))
    }

    @Test func evaluationIsTotal() {
        #expect(isFailure(eval("a.n / a.m > 1", "a: {n: 1, m: 0}")))
        #expect(isFailure(eval("a.n * a.m > 1", "a: {n: 9223372036854775807, m: 2}")))
        #expect(isFailure(eval("a.n + a.m > 1", "a: {n: 9223372036854775807, m: 1}")))
        #expect(isFailure(eval("max(c in cases: c.days) > 1", "cases: []")))
    }

    /// Numbers near the largest double are written as numbers: rounding them to a few places
    /// overflowed to `inf`, which a workbook template then carried as a validation bound.
    @Test func hugeNumbersAreWrittenAsNumbers() throws {
        #expect(Value.format(1e300, digits: 10) == "1e+300")
        #expect(Value.format(-1e300, digits: 10) == "-1e+300")
        #expect(Value.format(1e306) == "1e+306")
        #expect(!Value.format(.greatestFiniteMagnitude).contains("inf"))
        #expect(Value.format(2.5) == "2.5" && Value.format(1.23456) == "1.2346" && Value.format(1e20) == "1e+20")
        let xml = XLSXWriter(sheets: []).validation(.decimal(min: -1e300, max: 1e300), sqref: "A1", prompt: nil, error: "e")
        #expect(xml.contains("<formula1>-1e+300</formula1><formula2>1e+300</formula2>"), "\(xml)")
        // Whole numbers are bounded as Excel takes them (±10^15), whatever the rule set declares.
        let ruleSet = try #require(RuleSetLoader().loadBuiltin().ruleSet)
        let huge = FactDeclaration(path: "x.n", type: .integer, label: LocalizedText(vi: "n", en: "n"), minimum: -1e300, maximum: 1e300,
                                   location: SourceLocation(file: "r.yaml", line: 1, column: 1))
        guard case .whole(let min, let max)? = TemplateWriter(ruleSet: ruleSet).column(huge, yesNo: []).validation else {
            Issue.record("not a whole-number validation"); return
        }
        #expect(min == -1_000_000_000_000_000 && max == 1_000_000_000_000_000)
    }

    @Test func comprehensions() {
        let cases = "cases: [{id: A, days: 10, complex: false}, {id: B, days: 40, complex: true}, {id: C, days: 50, complex: false}]"
        #expect(isTrue(eval("count(c in cases where c.days > 30) == 2", cases)))
        #expect(isTrue(eval("sum(c in cases: c.days) == 100", cases)))
        #expect(isTrue(eval("max(c in cases: c.days) == 50 and min(c in cases: c.days) == 10", cases)))
        #expect(isTrue(eval("any(c in cases: c.complex)", cases)))
        #expect(isFalse(eval("all(c in cases: c.days <= if(c.complex, 45, 30))", cases)))
        #expect(isTrue(eval("all(c in cases where c.id != \"C\": c.days <= if(c.complex, 45, 30))", cases)))
        // A record without the field: missing, located at the record.
        guard case .missing(let m) = eval("all(c in cases: c.days < 100)", "cases: [{id: A}]") else {
            Issue.record("expected missing"); return
        }
        #expect(m.first?.path == "cases[0].days")
        // But a decisive record decides despite missing data elsewhere.
        #expect(isFalse(eval("all(c in cases: c.days < 100)", "cases: [{id: A}, {id: B, days: 200}]")))
    }

    /// A comprehension's variable is compiled to a slot (``Program``): a nested comprehension
    /// reads the outer record through its slot, and a variable named again inside binds the
    /// inner record (the innermost binding wins).
    @Test func variablesAreTheirInnermostBinding() {
        let cases = "cases: [{id: A, days: 10}, {id: B, days: 40}, {id: C, days: 50}]"
        // B alone has exactly one case shorter than itself.
        #expect(isTrue(eval("count(c in cases where count(d in cases where d.days < c.days) == 1) == 1", cases)))
        #expect(isTrue(eval("all(c in cases: count(d in cases where d.days <= c.days) >= 1)", cases)))
        // The inner `c` is the inner record: the inner count is 2 for every outer record.
        let (shadow, diags) = check("count(c in cases where count(c in cases where c.days > 30) == 2) == 3")
        if let shadow, diags.isEmpty {
            let (rs, _) = ruleSet(facts)
            let (node, _) = compose(cases)
            var d: [Diagnostic] = []
            let f = ReportReader(ruleSet: rs!).readFacts(node!, file: "r.yaml", skipReserved: false, into: &d)
            var ev = Evaluator(context: EvaluationContext(facts: f, period: .year(2026), parameters: [:]))
            #expect(isTrue(ev.evaluate(shadow)))
        }
        // `exists` of a record's field looks in the record bound.
        #expect(isTrue(eval("count(c in cases where exists(c.days)) == 3 and count(c in cases where exists(c.complex)) == 0", cases)))
    }

    /// A report's facts are held by their rule set's slots, and a program compiled against the
    /// same slots reads them by slot; compiled against others, it finds them by path.
    @Test func factsAreReadBySlot() throws {
        let rs = try #require(ruleSet(facts).0)
        let (node, _) = compose("a: {n: 3, m: 2}\ncases: [{id: A, days: 1}]")
        var d: [Diagnostic] = []
        let f = ReportReader(ruleSet: rs).readFacts(node!, file: "r.yaml", skipReserved: false, into: &d)
        #expect(f.slots === rs.factIndex.slots)
        #expect(f.value(at: "a.n")?.value.description == "3" && f.value(at: "a.x") == nil && f.value(at: "nope") == nil)
        #expect(Set(f.all.keys) == ["a.n", "a.m", "cases"])
        let (e, diags) = check("a.n - a.m == 1 and exists(a.n) and not exists(a.x) and count(c in cases) == 1")
        let expr = try #require(e, "\(diags)")
        var ev = Evaluator(context: EvaluationContext(facts: f, period: .year(2026), parameters: [:]))
        #expect(isTrue(ev.evaluate(Program(expr, parameters: [:], slots: rs.factIndex.slots))))
        // The same paths in another order: slots that do not match the report's.
        let reversed = FactSlots(rs.facts, sorted: rs.facts.keys.sorted().reversed())
        #expect(isTrue(ev.evaluate(Program(expr, parameters: [:], slots: reversed))))
        #expect(isTrue(ev.evaluate(expr)))
    }

    /// Keys are looked up a group at a time (``FactSlots``): nested, dotted and mixed forms read
    /// the same facts, a fact given both ways is a duplicate, and undeclared names keep their
    /// full path in the warning.
    @Test func nestedAndDottedKeysReadTheSameFacts() throws {
        let rs = try #require(ruleSet(facts).0)
        func read(_ yaml: String) -> (ReportFacts, [Diagnostic]) {
            let (node, _) = compose(yaml)
            var d: [Diagnostic] = []
            let f = ReportReader(ruleSet: rs).readFacts(node!, file: "r.yaml", skipReserved: false, into: &d)
            return (f, d)
        }
        for yaml in ["a: {n: 3, m: 2}", "a.n: 3\na.m: 2", "a: {n: 3}\na.m: 2"] {
            let (f, d) = read(yaml)
            #expect(d.isEmpty && f.value(at: "a.n")?.value.description == "3" && f.value(at: "a.m")?.value.description == "2", "\(yaml)")
            #expect(f.value(at: "a.n")?.path == "a.n")
        }
        // The top level is read before the groups in it: the nested one is the duplicate.
        let (dup, dd) = read("a: {n: 3}\na.n: 4")
        #expect(dd.map(\.code.rawValue) == ["report.duplicate_fact"] && dd[0].location.line == 1 && dd[0].location.column == 5)
        #expect(dup.value(at: "a.n")?.value.description == "4")
        let (_, unknown) = read("a: {n: 3, nn: 1, x.y: 2}\nb: {c: 1}")
        #expect(Set(unknown.map(\.message)).count == 3)
        #expect(unknown.allSatisfy { $0.code.rawValue == "report.unknown_field" })
        #expect(unknown.contains { $0.message.contains("a.x.y") } && unknown.contains { $0.message.contains("a.nn") })
        let (_, scalar) = read("a: 5")
        #expect(scalar.map(\.code.rawValue) == ["report.type_mismatch"])
        // A missing fact is located at its group's mapping, or at the top when the group is
        // only written in dotted keys.
        let (g, _) = read("b: 1\na: {m: 1}")
        #expect(g.container(of: "a.n") == Mark(line: 2, column: 4))
        let (top, _) = read("b: 1\na.m: 1")
        #expect(top.container(of: "a.n") == Mark(line: 1, column: 1))
    }

    /// A rule set with type errors is still compiled before it is thrown away: a call with the
    /// wrong number of arguments compiles to a failure instead of reading past its arguments
    /// (found by FuzzExpressions: `if(exists(c, x, y))` crashed loading the rule set).
    @Test func illTypedCallsCompileToFailures() {
        var compiled = 0
        for text in ["if(a.ok)", "if(a.ok, 1)", "exists()", "exists(a.n, a.m)", "if(exists(a.n, a.m, 1))"] {
            let (e, diags) = check(text)
            guard let e else { continue }
            compiled += 1
            #expect(!diags.isEmpty, "\(text)")
            var ev = Evaluator(context: EvaluationContext(facts: ReportFacts(), period: .year(2026), parameters: [:]))
            #expect(isFailure(ev.evaluate(Program(e, parameters: [:]))), "\(text)")
        }
        #expect(compiled == 5)
    }

    /// A rule's parameters are compiled into its programs as values; a parameter without a
    /// value fails the evaluation rather than reading anything else.
    @Test func parametersAreCompiledIn() throws {
        let (rs, _) = ruleSet(facts)
        let (node, _) = compose("a: {n: 3}")
        var d: [Diagnostic] = []
        let f = ReportReader(ruleSet: rs!).readFacts(node!, file: "r.yaml", skipReserved: false, into: &d)
        let param = RuleParameter(name: "min", value: .int(3), type: .integer, location: SourceLocation(file: "x", line: 1, column: 1))
        let (e, diags) = check("a.n >= params.min", params: ["min": param])
        let expr = try #require(e, "\(diags)")
        var ev = Evaluator(context: EvaluationContext(facts: f, period: .year(2026), parameters: [:]))
        #expect(isTrue(ev.evaluate(Program(expr, parameters: ["min": .int(3)]))))
        #expect(isFalse(ev.evaluate(Program(expr, parameters: ["min": .int(4)]))))
        #expect(isFailure(ev.evaluate(Program(expr, parameters: [:]))))
        // Through the context, for an expression compiled as it is evaluated.
        ev.context.parameters = ["min": .int(4)]
        #expect(isFalse(ev.evaluate(expr)))
    }

    @Test func periodFunctions() {
        let h2 = Period(start: Day(year: 2026, month: 7, day: 1)!, end: Day(year: 2026, month: 12, day: 31)!)
        #expect(isTrue(eval("period_months() == 6 and period_days() == 184 and period_weeks() == 26", "{}", period: h2)))
        #expect(isTrue(eval("in_period(a.d)", "a: {d: 2026-07-01}", period: h2)))
        #expect(isFalse(eval("in_period(a.d)", "a: {d: 2026-06-30}", period: h2)))
        #expect(isTrue(eval("period_start() == 2026-07-01 and period_end() == 2026-12-31", "{}", period: h2)))
    }
}

@Suite("Calendar")
struct DayTests {
    @Test func civilRoundTrip() {
        for (y, m, d) in [(1970, 1, 1), (2000, 2, 29), (2024, 12, 31), (2026, 7, 1), (1999, 3, 1)] {
            let day = Day(year: y, month: m, day: d)!
            #expect(day.components == (y, m, d))
            #expect(Day(iso: day.description) == day)
        }
        #expect(Day(year: 1970, month: 1, day: 1)!.ordinal == 0)
        #expect(Day(iso: "2025-02-30") == nil)
        #expect(Day(iso: "2024-02-29") != nil)
        #expect(Day(iso: "2100-02-29") == nil)
    }

    /// A day's text is written digit by digit; held to the padded interpolation it replaced, from
    /// before year 1 to past 9999.
    @Test func dayDescriptionMatchesPaddedInterpolation() {
        func pad(_ v: Int, _ w: Int) -> String { let s = String(v); return String(repeating: "0", count: max(0, w - s.count)) + s }
        for k in stride(from: -1_000_000, to: 3_500_000, by: 331) {
            let d = Day(ordinal: k), c = d.components
            #expect(d.description == "\(pad(c.year, 4))-\(pad(c.month, 2))-\(pad(c.day, 2))", "\(k)")
        }
    }

    @Test func periodMonthsCountsWholeMonths() {
        #expect(Period.year(2026).months == 12)
        #expect(Period(start: Day(iso: "2026-01-15")!, end: Day(iso: "2026-03-31")!).months == 2)
        #expect(Period.year(2026).weeks == 52)
    }

    /// `months` and `isLongerThanAYear` are worked out arithmetically; held here to the month by
    /// month walk they replaced, for periods starting on every day of 2023–2024 (a leap day
    /// included), up to two years long, and at the ends of the calendar (where the walk never
    /// ended: `period_months()` on a period ending 31 December 9999 hung).
    @Test func periodMonthsAndYearLengthMatchTheWalk() {
        func walkedMonths(_ p: Period) -> Int {
            var n = 0
            var m = Day(year: p.start.year, month: p.start.components.month, day: 1)!
            while m <= p.end {
                // The walk's own end: December 9999 has no next month (`addingMonths` stays on
                // its last day), and the walk never ended for a period reaching it.
                guard let next = m.addingMonths(checked: 1) else { return n + (m >= p.start && p.end.components.day == 31 ? 1 : 0) }
                if m >= p.start && next.advanced(by: -1) <= p.end { n += 1 }
                m = next
            }
            return n
        }
        var starts = (0..<731).map { Day(year: 2023, month: 1, day: 1)!.advanced(by: $0) }
        starts += [Day(year: 1, month: 1, day: 1)!, Day(year: 9998, month: 12, day: 31)!]
        for start in starts {
            for length in [0, 1, 27, 28, 29, 30, 31, 58, 59, 60, 89, 90, 180, 363, 364, 365, 366, 367, 400, 730] {
                let p = Period(start: start, end: min(start.advanced(by: length), Day(year: 9999, month: 12, day: 31)!))
                #expect(p.months == walkedMonths(p), "\(p)")
                #expect(p.isLongerThanAYear == (p.end > p.start.addingMonths(12).advanced(by: -1)), "\(p)")
            }
        }
    }
}

@Suite("Working days")
struct WorkdayTests {
    @Test func mondayToFriday() {
        let mon = Day(iso: "2026-11-23")!
        #expect(mon.weekday == 0)
        #expect(Day.workdays(after: mon, through: Day(iso: "2026-11-30")!) == 5)   // next Monday
        #expect(Day.workdays(after: mon, through: Day(iso: "2026-11-27")!) == 4)   // Friday
        #expect(Day.workdays(after: mon, through: Day(iso: "2026-11-29")!) == 4)   // Sunday
        #expect(Day.workdays(after: mon, through: mon) == 0)
        #expect(Day.workdays(after: Day(iso: "2026-11-30")!, through: mon) == -5)
        #expect(Day.workdays(after: mon, through: Day(iso: "2027-01-04")!) == 30)
    }
}
