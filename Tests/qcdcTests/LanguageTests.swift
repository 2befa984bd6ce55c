import Foundation
import Testing

/// Words that are English and never Vietnamese (nor part of a Vietnamese name written without
/// its marks): finding one in a Vietnamese output means a sentence escaped the catalogue.
private let englishWords: Set<String> = Set("""
the of and is are not for with this that from must required missing evidence expected found passed failed unknown field \
fields report reports rule rules unit units period periods value values error errors warning warnings note notes days \
month months week weeks least more than less should does has have or if be by it as yes invalid input check checked \
file files line column waiver waivers waived baseline findings finding applicable apply applies law policy basis strength \
primary secondary unverified category categories weight severity title total summary score scores ranking coverage mean \
band bands group groups rollup rollups trend trends before after between within over each every all any none some per \
only also about which who what when where why how list lists text number numbers integer date dates true false see write \
name names add remove use quote did you mean fix run again key keys mapping type types parameter parameters example \
examples expression condition conditions passed passes pass fails fail skipped statement statements was were will would \
could cannot can't its their there here into out than then these those such other others same both either neither unit's \
rule's reports' invalid valid input errors allowed declared quoted records record case cases decided late pending \
complaint complaints denunciation denunciations reception citizens received held dialogue conference conferences members \
board villages commune communes province provinces district districts agency agencies enterprise enterprises service \
services staff disclosed disclosure election elected term plan plans yearly annual monthly weekly daily metric metrics \
share shares tracked figures figure sessions session people delegates delegated chair head deputy not_found \
compliance compliant scorecard scored unscored evaluated evaluation judged judge missing-evidence mediation emulation \
registration registered one-stop dossiers dossier apology letters satisfaction online payment sum count smallest largest \
fewest entries entry satisfies satisfy least most whole window windows partial statutory holiday holidays working
""".split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init))

/// The English words in `text` outside identifiers, paths, codes and rule ids.
private func englishIn(_ text: String) -> [String] {
    var found: [String] = []
    // Machine text and the input's own words: code spans, URLs, bracketed codes, source lines
    // under diagnostics, quoted values, YAML keys and flow mappings (report fragments).
    let stripped = text.replacingOccurrences(of: #"`[^`]*`"#, with: " ", options: .regularExpression)
        .replacingOccurrences(of: #"https?://\S+"#, with: " ", options: .regularExpression)
        .replacingOccurrences(of: #"\[[a-z_]+\.[a-z_]+\]"#, with: " ", options: .regularExpression)
        .replacingOccurrences(of: #"(?m)^\s+\d*\s\|.*$"#, with: " ", options: .regularExpression)
        .replacingOccurrences(of: #"'[^'\n]*'"#, with: " ", options: .regularExpression)
        .replacingOccurrences(of: #"(?m)^[\s#-]*[a-z_.]+:[ \t]*[a-z_]*[ \t]*$"#, with: " ", options: .regularExpression)
        .replacingOccurrences(of: #"(?m)^[\s#-]*[a-z_.]+:(?=\s|$)"#, with: " ", options: .regularExpression)
        .replacingOccurrences(of: #"\{[^{}\n]*\}"#, with: " ", options: .regularExpression)
        .replacingOccurrences(of: #"\{[^{}\n]*\}"#, with: " ", options: .regularExpression)
    for token in stripped.split(whereSeparator: { $0.isWhitespace || ",;:()[]{}<>\"'“”«»—…!?=|*".contains($0) }) {
        var t = String(token)
        while let last = t.last, ".-".contains(last) { t.removeLast() }
        // Identifiers and paths: dotted, underscored, slashed, or with digits.
        if t.contains(where: { "._/\\@#%$".contains($0) || $0.isNumber }) { continue }
        if t.uppercased() == t { continue }   // rule ids, acronyms
        if englishWords.contains(t.lowercased()) { found.append(t) }
    }
    return found
}

/// Every string value of a JSON document, except under keys whose values a schema fixes.
private func prose(_ json: Any, key: String? = nil) -> [String] {
    let fixed: Set<String> = ["status", "severity", "kind", "code", "rule", "ruleId", "id", "file", "path", "uri", "category",
                              "strength", "basis_kind", "basis_strength", "model", "model_urn", "missing", "grouping", "language",
                              "url", "document", "article", "clause", "point", "version", "sha256", "baseline_state",
                              "original_status", "level", "$schema", "band", "fullyQualifiedName", "helpUri", "semanticVersion",
                              "tags", "basisKind", "basisStrength", "unit", "parent", "subtype", "from", "to", "expected", "actual",
                              "ruleSets", "name_en", "rule_set", "facts", "evidence", "justification", "approved_by", "applies_to",
                              "in_force", "shortfall", "flagged", "missing_facts", "file_name", "value", "when", "type", "condition",
                              "not_in_force"]
    switch json {
    case let s as String: return key.map { fixed.contains($0) } == true ? [] : [s]
    case let a as [Any]: return a.flatMap { prose($0, key: key) }
    case let d as [String: Any]: return d.flatMap { prose($0.value, key: $0.key) }
    default: return []
    }
}

/// Text content and attribute values of an HTML or XML document, without markup, scripts,
/// styles, code and machine attributes.
private func markupProse(_ s: String) -> String {
    s.replacingOccurrences(of: #"(?s)<(script|style|code)[^>]*>.*?</\1>"#, with: " ", options: .regularExpression)
        .replacingOccurrences(of: #"(?s)<\?xml.*?\?>"#, with: " ", options: .regularExpression)
        .replacingOccurrences(of: #"\s(type|classname|file|line|class|id|href|style|d|viewBox|xmlns|role|lang|charset|content|data-[a-z-]+|aria-sort|aria-label|colspan|width|height|x|y|fill|points|transform|font-size|text-anchor|stroke|stroke-width|rx|cx|cy|r|dy|dx)="[^"]*""#,
                              with: " ", options: .regularExpression)
        .replacingOccurrences(of: #"<[^>]+>"#, with: " ", options: .regularExpression)
        .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&apos;", with: "'")
}

/// What a person reads in one output format.
private func readable(_ output: String, format: String) throws -> String {
    switch format {
    case "json", "sarif":
        let doc = try JSONSerialization.jsonObject(with: Data(output.utf8))
        return prose(doc).joined(separator: "\n")
    case "jsonl":
        return try output.split(separator: "\n").flatMap { prose(try JSONSerialization.jsonObject(with: Data($0.utf8))) }.joined(separator: "\n")
    case "junit", "html", "markdown": return markupProse(output)
    case "github":
        // `::level file=…,line=…,col=…,title=TITLE::MESSAGE`: the title and message.
        return output.split(separator: "\n").map { line -> String in
            guard let r = line.range(of: "title=") else { return String(line) }
            return String(line[r.upperBound...]).removingPercentEncoding ?? String(line[r.upperBound...])
        }.joined(separator: "\n")
    default: return output
    }
}

@Suite("Vietnamese everywhere, English on request")
struct LanguageTests {
    static let checkFormats = ["text", "json", "jsonl", "sarif", "junit", "github", "markdown"]

    /// A Vietnamese run over the examples holds no English words outside codes, ids, paths and
    /// schema-fixed values; an English run holds English where the Vietnamese one has Vietnamese.
    @Test(arguments: checkFormats)
    func checkOutputsAreVietnamese(_ format: String) throws {
        let r = try qcdc(["check", "--today", "2026-11-23", "--waivers", "examples/ci/waivers.yaml", "--fail-on", "none",
                          "--format", format, "examples/"])
        let words = englishIn(try readable(r.stdout, format: format))
        #expect(words.isEmpty, "English in the Vietnamese \(format) output: \(Set(words).sorted())")
        let en = try qcdc(["check", "--lang", "en", "--format", format, "examples/commune-noncompliant-2026.yaml"])
        #expect(!englishIn(try readable(en.stdout, format: format)).isEmpty, "the English \(format) output has English")
    }

    @Test(arguments: ["html", "markdown", "csv", "json"])
    func scorecardsAreVietnamese(_ format: String) throws {
        let r = try qcdc(["scorecard", "--no-register", "--format", format, "Tests/qcdcTests/Fixtures/scorecard/"])
        let words = englishIn(try readable(r.stdout, format: format))
        #expect(words.isEmpty, "English in the Vietnamese \(format) scorecard: \(Set(words).sorted())")
    }

    @Test(arguments: [["rules", "list"], ["rules", "test"], ["rules", "lint"], ["explain", "TTND-C1"], ["explain", "TCD-01A"],
                      ["explain", "--report", "examples/commune-noncompliant-2026.yaml", "KN-02A"],
                      ["template", "--kind", "commune", "--year", "2026"], ["template", "--kind", "enterprise", "--year", "2025"]])
    func authoringOutputsAreVietnamese(_ args: [String]) throws {
        let r = try qcdc(args)
        let words = englishIn(r.stdout)
        #expect(words.isEmpty, "English in `qcdc \(args.joined(separator: " "))`: \(Set(words).sorted())")
    }

    /// The reverse: an English run holds none of qcdc's Vietnamese words. (Data stays as the
    /// unit wrote it — names, waiver justifications — and so do the law's own words quoted in
    /// SARIF help and explain, so the check is on the catalogue's phrases, not on diacritics.)
    @Test(arguments: [
        ["check", "--today", "2026-11-23", "--waivers", "examples/ci/waivers.yaml", "--fail-on", "none", "examples/"],
        ["check", "--format", "json", "examples/"], ["check", "--format", "sarif", "examples/"],
        ["check", "--format", "junit", "examples/"], ["check", "--format", "github", "examples/"],
        ["check", "--today", "2026-11-23", "--waivers", "examples/ci/waivers.yaml", "--fail-on", "none", "--format", "markdown", "examples/"],
        ["scorecard", "--no-register", "--format", "html", "Tests/qcdcTests/Fixtures/scorecard/"], ["scorecard", "--no-register", "--format", "markdown", "Tests/qcdcTests/Fixtures/scorecard/"],
        ["scorecard", "--no-register", "--format", "csv", "Tests/qcdcTests/Fixtures/scorecard/"], ["scorecard", "--no-register", "--format", "json", "Tests/qcdcTests/Fixtures/scorecard/"],
        ["rules", "list"], ["rules", "test"], ["rules", "lint"], ["explain", "--report", "examples/commune-noncompliant-2026.yaml", "KN-02A"],
        ["template", "--kind", "commune", "--year", "2026"], ["schema", "--kind", "commune"],
    ])
    func englishRunsHaveNoVietnameseWords(_ args: [String]) throws {
        let r = try qcdc(Array(args.prefix(args.first == "rules" ? 2 : 1)) + ["--lang", "en"] + args.dropFirst(args.first == "rules" ? 2 : 1))
        let phrases = ["không đạt", "thiếu dữ liệu", "không áp dụng", "Tổng cộng", "yêu cầu", "ghi chú", "Căn cứ", "lỗi[", "cảnh báo[",
                       "Bảng điểm", "miễn trừ", "báo cáo", "Nhóm", "quy tắc", "Ví dụ", "Mức độ"]
        let found = phrases.filter { r.stdout.contains($0) || r.stderr.contains($0) }
        #expect(!r.stdout.isEmpty)
        #expect(found.isEmpty, "Vietnamese in `qcdc \(args.joined(separator: " ")) --lang en`: \(found)")
    }

    /// Every subcommand's help (English, the argument parser's) says the output is Vietnamese
    /// and names `--lang`.
    @Test(arguments: [["check"], ["scorecard"], ["rules"], ["rules", "list"], ["rules", "lint"], ["rules", "test"],
                      ["explain"], ["template"], ["schema"], []])
    func everyHelpNamesLang(_ command: [String]) throws {
        let r = try qcdc(command + ["--help"])
        #expect(r.stdout.contains("--lang en"), "`qcdc \(command.joined(separator: " ")) --help` should name --lang en")
    }

    /// Input problems, in both languages.
    @Test func diagnosticsAreVietnamese() throws {
        let dir = try temporaryDirectory()
        let files: [String: String] = [
            "tab.yaml": "unit: {code: \"1\", name: X, kind: commune}\nperiod: {year: 2026}\npeoples_inspection_board:\n\tmembers: 4\n",
            "bad.yaml": "unit: {code: \"1\", name: X, kind: xa}\nperiod: {yaer: 2026}\npeoples_inspection_board: {members: bốn, memebrs: 3}\nstaff_conference: {date: 15/04/2027, held: có}\ncommunity_conferences: {villages: 12 thôn}\n",
            "json.json": "{\"unit\": {\"code\": \"1\", \"name\": \"X\", \"kind\": \"commune\"} \"period\": 2026}",
        ]
        for (name, text) in files { try Data(text.utf8).write(to: dir.appendingPathComponent(name)) }
        let vi = try qcdc(["check", dir.path])
        #expect(vi.status == 2)
        let words = englishIn(vi.stdout)
        #expect(words.isEmpty, "English in Vietnamese diagnostics: \(Set(words).sorted())\n\(vi.stdout)")
        #expect(vi.stdout.contains("hãy viết 2027-04-15 (năm-tháng-ngày)"))
        #expect(vi.stdout.contains("chỉ viết con số, không kèm đơn vị: 12"))
        #expect(vi.stdout.contains("YAML không cho phép dùng phím tab để thụt lề"))
        #expect(vi.stdout.contains("  3 | peoples_inspection_board: {members: bốn, memebrs: 3}"))
        let en = try qcdc(["check", "--lang", "en", dir.path])
        #expect(en.stdout.contains("write 2027-04-15 (year-month-day)"))
        #expect(en.stdout.contains("a tab is used for indentation; YAML allows only spaces"))
    }
}
