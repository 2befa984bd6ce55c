import Testing
@testable import QCDCKit

private func rule(_ id: String, weight: Double, category: String) -> Rule {
    Rule(RuleDefinition(id: id, title: LocalizedText(vi: id, en: id), basis: [], appliesTo: [.commune], inForce: .always,
                        severity: .error, category: category, weight: weight, parameters: [:], message: LocalizedText(vi: "", en: ""),
                        examples: [], location: SourceLocation(file: "t", line: 1, column: 1), ruleSet: "t"),
         when: nil, expect: Expression(.literal(.bool(true)), at: .start))
}

private func result(_ r: Rule, _ status: RuleStatus) -> RuleResult {
    RuleResult(rule: r, status: status, explanation: .passed, location: FindingLocation(file: "r.yaml", line: 1, column: 1, path: ""))
}

private func ruleSetWith(_ categories: [(String, Double)]) -> RuleSet {
    var rs = RuleSet.empty
    for (i, (c, w)) in categories.enumerated() {
        var cat = Category(id: c, name: LocalizedText(vi: c, en: c), weight: w, location: SourceLocation(file: "t", line: 1, column: 1))
        cat.order = i
        rs.categories[c] = cat
    }
    return rs
}

/// pass (w3, A), fail (w1, A), not applicable (w2, A), waived (w2, A), missing (w1, B), info (w0, A, fail).
private func outcome() -> ReportOutcome {
    let results = [
        result(rule("P", weight: 3, category: "A"), .pass),
        result(rule("F", weight: 1, category: "A"), .fail),
        result(rule("N", weight: 2, category: "A"), .notApplicable),
        result(rule("W", weight: 2, category: "A"), .waived),
        result(rule("M", weight: 1, category: "B"), .missing),
        result(rule("I", weight: 0, category: "A"), .fail),
    ]
    return ReportOutcome(file: "r.yaml", unit: UnitInfo(code: "1", name: "X", kind: .commune, parent: nil, subtype: nil),
                         period: .year(2026), results: results, diagnostics: [])
}

@Suite("Scoring arithmetic")
struct ScoringTests {
    let rs = ruleSetWith([("A", 1), ("B", 3)])

    @Test func flatWeightedMissingCountsAsFailed() {
        let s = Scorecard.score(outcome(), ruleSet: rs, config: ScoringConfig())
        #expect(s.earned == 3 && s.maximum == 5)           // P / (P + F + M); N, W and the weight-0 rule are out
        #expect(abs(s.score! - 60) < 1e-9)
        #expect(abs(s.coverage! - 2.0 / 3.0) < 1e-9)       // P and F evaluated; M not
        #expect(s.band?.id == "lower_middle")
        #expect(abs(s.categories["A"]!! - 75) < 1e-9)
        #expect(s.categories["B"]!! == 0)
        #expect(s.failed.map(\.rule.id) == ["F", "I"])
        #expect(s.missing == ["M"])
    }

    @Test func missingExcluded() {
        let s = Scorecard.score(outcome(), ruleSet: rs, config: ScoringConfig(missing: .exclude))
        #expect(abs(s.score! - 75) < 1e-9)
        #expect(abs(s.coverage! - 2.0 / 3.0) < 1e-9)       // coverage is shown whatever the policy
        #expect(s.categories["B"]! == nil)
    }

    @Test func xccdfModels() {
        let unweighted = Scorecard.score(outcome(), ruleSet: rs, config: ScoringConfig(model: .flatUnweighted))
        #expect(abs(unweighted.score! - 100.0 / 3.0) < 1e-9)
        let byCategory = Scorecard.score(outcome(), ruleSet: rs, config: ScoringConfig(model: .xccdfDefault))
        #expect(abs(byCategory.score! - (1 * 75 + 3 * 0) / 4.0) < 1e-9)
        let absolute = Scorecard.score(outcome(), ruleSet: rs, config: ScoringConfig(model: .absolute))
        #expect(absolute.score == 0)
        #expect(ScoringConfig.Model.flatUnweighted.urn == "urn:xccdf:scoring:flat-unweighted")
    }

    @Test func nothingScorableHasNoScore() {
        var o = outcome()
        o.results = [result(rule("N", weight: 2, category: "A"), .notApplicable)]
        let s = Scorecard.score(o, ruleSet: rs, config: ScoringConfig())
        #expect(s.score == nil && s.coverage == nil && s.band == nil)
    }

    @Test func bands() {
        let c = ScoringConfig()
        #expect(c.band(for: 90)?.id == "high")
        #expect(c.band(for: 89.99)?.id == "upper_middle")
        #expect(c.band(for: 0)?.id == "low")
    }

    @Test func vietnameseCollation() {
        let names = ["Đà Nẵng", "Dương", "Ân", "Ăn", "An", "Bắc", "Á", "Yên", "Ê"]
        #expect(names.sorted(by: VietnameseCollation.less) == ["Á", "An", "Ăn", "Ân", "Bắc", "Dương", "Đà Nẵng", "Ê", "Yên"])
        let tones = ["Mạ", "Má", "Mã", "Mả", "Mà", "Ma"]
        #expect(tones.sorted(by: VietnameseCollation.less) == ["Ma", "Mà", "Mả", "Mã", "Má", "Mạ"])
        #expect(VietnameseCollation.less("Xã Đông", "Xã Ea"))      // Đ after D, before E
        #expect(VietnameseCollation.less("Xã Dương", "Xã Đông"))
    }

    @Test func csvCellsAreNeutralisedAndQuoted() {
        #expect(ScorecardCSV.cell("=SUM(A1:A9)") == "'=SUM(A1:A9)")
        #expect(ScorecardCSV.cell("+84 123") == "'+84 123")
        #expect(ScorecardCSV.cell("-1") == "'-1")
        #expect(ScorecardCSV.cell("@cmd") == "'@cmd")
        #expect(ScorecardCSV.cell("\tx") == "\\tx")                 // a control character is shown, not kept
        #expect(ScorecardCSV.cell("Xã\u{202E}A") == "Xã<U+202E>A")
        #expect(ScorecardCSV.cell("Xã An, Phú") == "\"Xã An, Phú\"")
        #expect(ScorecardCSV.cell("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(ScorecardCSV.cell("Xã An Phú") == "Xã An Phú")
    }

    @Test func htmlEscaping() {
        #expect(ScorecardHTML.esc("Xã\u{202E}A") == "Xã&lt;U+202E&gt;A")
        #expect(ScorecardHTML.esc("<script>alert('x')</script> & \"q\"") == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
        #expect(ScorecardHTML.colour(nil) == "#d9d9d9")
        #expect(ScorecardHTML.colour(100) == "#1a9850")
        #expect(ScorecardHTML.colour(0) == "#d73027")
    }
}

/// Places in a ranking: equal as shown (to 0.1 point) is a tie; no score, no place.
@Suite("Scorecard: places in a ranking")
struct RankingPlacesTests {
    static func unit(_ code: String, _ name: String, _ score: Double?, kind: UnitKind = .commune, year: Int = 2026) -> UnitScore {
        UnitScore(file: "\(code).yaml", unit: UnitInfo(code: code, name: name, kind: kind, parent: "68", subtype: nil), period: .year(year),
                  statuses: [], rollupFacts: [:], score: score, coverage: nil, band: nil, categories: [:], earned: 0, maximum: 0,
                  failed: [], missing: [])
    }

    @Test func equalAsShownSharesAPlaceAndNoScoreHasNone() {
        let xs = [Self.unit("1", "Xã Bình", 85.04), Self.unit("2", "Xã An", 84.96), Self.unit("3", "Xã Cư", 84.94),
                  Self.unit("4", "Xã Đa", nil), Self.unit("5", "Xã Ê", 90)]
        let (units, rankings) = Scorecard.rankings(xs)
        #expect(rankings.count == 1)
        #expect(units.map(\.unit.name) == ["Xã Ê", "Xã An", "Xã Bình", "Xã Cư", "Xã Đa"])    // a tie in Vietnamese order
        #expect(units.map { $0.rank?.description ?? "—" } == ["1", "2=", "2=", "4", "—"])
    }

    @Test func periodsAndKindsAreRankedApartNewestFirst() {
        let xs = [Self.unit("1", "A", 50, year: 2025), Self.unit("2", "B", 60), Self.unit("68", "Tỉnh", 70, kind: .province),
                  Self.unit("3", "C", 40, year: 2025)]
        let (units, rankings) = Scorecard.rankings(xs)
        #expect(rankings.map { "\($0.period) \($0.kind.rawValue) \($0.units.count)" } == ["2026 province 1", "2026 commune 1", "2025 commune 2"])
        #expect(units.map { $0.rank?.position ?? 0 } == [1, 1, 1, 2])
    }
}
