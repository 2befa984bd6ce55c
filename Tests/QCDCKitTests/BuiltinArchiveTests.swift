import Foundation
import QCDCTestSupport
import Testing
@testable import QCDCKit

/// A value's whole content as text, through reflection (every stored property, private ones
/// too, so a property the archive forgot shows), with dictionaries and sets in sorted order.
private func canonical(_ value: Any) -> String {
    let m = Mirror(reflecting: value)
    let name = String(describing: type(of: value))
    if name.contains("WeekCache") { return name }   // a cache of results, not content
    switch m.displayStyle {
    case .dictionary, .set:
        return name + "{" + m.children.map { canonical($0.value) }.sorted().joined(separator: ",") + "}"
    case .optional:
        return m.children.first.map { "some(" + canonical($0.value) + ")" } ?? "nil"
    case nil:
        return "\(name):\(value)"
    case .enum where m.children.isEmpty:
        return "\(name).\(value)"
    default:
        return name + "(" + m.children.map { "\($0.label ?? "_")=" + canonical($0.value) }.joined(separator: ",") + ")"
    }
}

/// Where two texts first differ, with some context.
private func firstDifference(_ a: String, _ b: String) -> String {
    let x = Array(a.utf8), y = Array(b.utf8)
    var i = 0
    while i < min(x.count, y.count), x[i] == y[i] { i += 1 }
    func around(_ s: [UInt8]) -> String { String(decoding: s[max(0, i - 200)..<min(s.count, i + 200)], as: UTF8.self) }
    return "at byte \(i):\n  YAML:     …\(around(x))…\n  compiled: …\(around(y))…"
}

@Suite("The built-in rules, compiled")
struct BuiltinArchiveTests {
    static let fromYAML = RuleSetLoader().loadBuiltinFromYAML()

    /// The archive compiled into qcdc is what the built-in YAML compiles to now. After an edit to
    /// rules/ or to the rule compiler, `QCDC_RECORD=1 swift test --filter BuiltinArchiveTests`
    /// records it again (until then qcdc reads the YAML, and this test fails).
    @Test func compiledFormIsCurrent() throws {
        // The compiled form gives no diagnostics: the YAML must give none either, or recording
        // it would hide them from `rules lint` and `check`.
        try #require(Self.fromYAML.diagnostics.isEmpty, "\(Self.fromYAML.diagnostics)")
        try #require(!BuiltinRules.archiveDigests.isEmpty, "the build could not hash the rules or the compiler")
        let ruleSet = try #require(Self.fromYAML.ruleSet)
        let archive = try RuleSetArchive.encode(ruleSet, digests: BuiltinRules.archiveDigests)
        let source = BuiltinRules.compiledSource(archive)
        let url = packageRoot.appendingPathComponent("Sources/CBuiltinRules/archive.c")
        if ProcessInfo.processInfo.environment["QCDC_RECORD"] == "1" {
            if (try? String(contentsOf: url, encoding: .utf8)) != source {
                try Data(source.utf8).write(to: url)
                Issue.record("recorded Sources/CBuiltinRules/archive.c; build and run the tests again without QCDC_RECORD")
            }
            return
        }
        let compiled = Array(BuiltinRules.compiled)
        let current = compiled == archive   // not compared in #expect: it would print both archives
        #expect(current, "the compiled built-in rules are stale: run QCDC_RECORD=1 swift test --filter BuiltinArchiveTests, then build again")
        #expect(BuiltinRules.compiledNational != nil, "the compiled form is not read: qcdc loads the YAML at every start")
    }

    /// Read back, the archive is the rule set the YAML gives, property by property.
    @Test func compiledFormReadsAsTheYAML() throws {
        let yaml = try #require(Self.fromYAML.ruleSet)
        let compiled = try #require(BuiltinRules.compiledNational)
        let (a, b) = (canonical(yaml), canonical(compiled))
        #expect(a == b, "\(firstDifference(a, b))")
        #expect(a.count > 100_000 && a.contains("TTND-C1") && a.contains("examples"), "the dump shows the rules")
        // And the default load uses it.
        let loaded = try #require(RuleSetLoader().loadBuiltin().ruleSet)
        #expect(canonical(loaded) == a)
    }

    /// The canonical dump tells a changed property, so the comparison above can fail.
    @Test func theComparisonSeesEveryProperty() throws {
        var changed = try #require(Self.fromYAML.ruleSet)
        let original = canonical(changed)
        changed.rules[3].parameterBasis = changed.rules[3].parameterBasis + [Citation(kind: .policy, document: "x")]
        #expect(canonical(changed) != original)
        var calendar = try #require(Self.fromYAML.ruleSet)
        calendar.calendar.fixedDaysOff.append((month: 12, day: 25))
        #expect(canonical(calendar) != original)
        var example = try #require(Self.fromYAML.ruleSet)
        let i = try #require(example.rules.firstIndex { !$0.examples.isEmpty })
        example.rules[i].examples[0].facts.mark.column += 1
        #expect(canonical(example) != original)
    }

    @Test func encodingIsDeterministicAndRoundTrips() throws {
        let ruleSet = try #require(Self.fromYAML.ruleSet)
        let archive = try RuleSetArchive.encode(ruleSet, digests: BuiltinRules.archiveDigests)
        #expect(try RuleSetArchive.encode(ruleSet, digests: BuiltinRules.archiveDigests) == archive)
        #expect(try RuleSetArchive.encode(RuleSetArchive.decode(archive), digests: BuiltinRules.archiveDigests) == archive)
        #expect(try RuleSetArchive.digests(archive) == BuiltinRules.archiveDigests)
    }

    /// An archive compiled from other files is not read; nor is a damaged one, which never
    /// crashes the reader.
    @Test func staleOrDamagedArchivesAreNotRead() throws {
        let ruleSet = try #require(Self.fromYAML.ruleSet)
        let archive = try RuleSetArchive.encode(ruleSet, digests: BuiltinRules.archiveDigests)
        func national(_ bytes: [UInt8], _ digests: [String: String]) -> RuleSet? {
            bytes.withUnsafeBufferPointer { BuiltinRules.national(archive: $0, digests: digests) }
        }
        #expect(national(archive, BuiltinRules.archiveDigests) != nil)
        var other = BuiltinRules.archiveDigests
        other[RuleSetLoader.builtinEntry] = String(repeating: "0", count: 64)
        #expect(national(archive, other) == nil)
        var otherCompiler = BuiltinRules.archiveDigests
        otherCompiler["(compiler)"] = String(repeating: "0", count: 64)
        #expect(national(archive, otherCompiler) == nil)
        #expect(national([], BuiltinRules.archiveDigests) == nil)
        #expect(national(archive, [:]) == nil)
        for cut in stride(from: 0, to: archive.count, by: max(1, archive.count / 97)) {
            #expect(throws: RuleSetArchive.Invalid.self) { try RuleSetArchive.decode(Array(archive[..<cut])) }
        }
        #expect(throws: RuleSetArchive.Invalid.self) { try RuleSetArchive.decode(archive + [0]) }
        var newer = archive
        newer[6] = UInt8(RuleSetArchive.formatVersion + 1)
        #expect(throws: RuleSetArchive.Invalid.self) { try RuleSetArchive.decode(newer) }
        // Flipped bytes: refused or read, never a crash or a hang.
        for position in stride(from: 7, to: archive.count, by: max(1, archive.count / 61)) {
            var damaged = archive
            damaged[position] ^= 0xA5
            _ = try? RuleSetArchive.decode(damaged)
        }
    }

    /// Every bound on loading is weighed before the compiled form is used: a limit added to
    /// `LoadLimits` must be added to `admitsBuiltinRules` (or here, if it bounds only evaluation).
    @Test func everyLoadingLimitIsWeighed() {
        let fields = Mirror(reflecting: LoadLimits.default).children.compactMap(\.label).sorted()
        #expect(fields == ["maxAliasExpansion", "maxBytes", "maxDepth", "maxDiagnostics", "maxEvaluationSteps",
                           "maxExpressionDepth", "maxExpressionLength", "maxExpressionNodes"])
        for field in fields where field != "maxEvaluationSteps" {
            var tighter = LoadLimits.default
            switch field {
            case "maxAliasExpansion": tighter.maxAliasExpansion -= 1
            case "maxBytes": tighter.maxBytes -= 1
            case "maxDepth": tighter.maxDepth -= 1
            case "maxDiagnostics": tighter.maxDiagnostics -= 1
            case "maxExpressionDepth": tighter.maxExpressionDepth -= 1
            case "maxExpressionLength": tighter.maxExpressionLength -= 1
            default: tighter.maxExpressionNodes -= 1
            }
            #expect(!tighter.admitsBuiltinRules, "\(field)")
        }
        #expect(LoadLimits.default.admitsBuiltinRules && LoadLimits(maxEvaluationSteps: 1).admitsBuiltinRules)
    }

    /// Tighter limits still bind the built-in rules (they are then loaded from the YAML).
    @Test func tighterLimitsBindTheBuiltinRules() {
        let (ruleSet, diagnostics) = RuleSetLoader(limits: LoadLimits(maxExpressionNodes: 5)).loadBuiltin()
        #expect(ruleSet == nil)
        #expect(diagnostics.contains { $0.code == "expression.too_large" }, "\(diagnostics.prefix(3))")
        #expect(RuleSetLoader(limits: LoadLimits(maxEvaluationSteps: 10)).loadBuiltin().ruleSet != nil)
    }
}
