import Foundation
import Testing
@testable import QCDCKit

private let head = "unit: {code: 00123, name: Xã A, kind: commune}\nperiod: {year: 2026}\n"

@Suite("Report validation against declared facts")
struct ReportReaderTests {
    /// A percentage's spaces are trimmed as Foundation trims them, whether or not the text has any.
    @Test func percentagesTrimLikeFoundation() {
        let texts = ["12%", " 12 % ", "\u{00A0}12,5%", "12%\u{3000}", "", " ", "%", "a", "\t5\t", "5 ", " 5", "~", "!x!", "Ạ5%", "5%\u{2003}"]
        for text in texts {
            #expect(FactCoercion.trimmingSpaces(text) == text.trimmingCharacters(in: .whitespaces), "\(text.debugDescription)")
        }
    }

    @Test func validReport() throws {
        let (r, d) = report(head + "peoples_inspection_board: {members: 5}\n", builtin)
        #expect(d.isEmpty)
        let rep = try #require(r)
        #expect(rep.unit.code == "00123")    // declared string: leading zeros kept
        #expect(rep.period == .year(2026))
        #expect(rep.facts.value(at: "peoples_inspection_board.members")?.mark == Mark(line: 3, column: 37))
    }

    @Test func unknownFieldWarnsWithSuggestion() throws {
        let (r, d) = report(head + "peoples_inspection_board: {member: 5}\n", builtin)
        #expect(r != nil)
        #expect(d.count == 1)
        #expect(d[0].severity == .warning && d[0].code == "report.unknown_field")
        #expect(d[0].notes.first == "did you mean 'members'?")
        #expect((d[0].location.line, d[0].location.column) == (3, 28))
    }

    @Test func wrongTypesNegativeCountsAndImpossibleDates() {
        let (r, d) = report(head + """
        peoples_inspection_board: {members: "5"}
        community_conferences: {villages: -3, held: 1.441}
        staff_conference: {held: no, date: 2025-02-30}
        """, builtin)
        #expect(r == nil)
        let byCode = Dictionary(grouping: d, by: \.code)
        #expect(byCode["report.type_mismatch"]?.count == 3)
        #expect(byCode["report.out_of_range"]?.first?.location.line == 4)
        #expect(byCode["report.out_of_range"]?.first?.location.column == 35)
        #expect(byCode["report.invalid_date"]?.first?.location == SourceLocation(file: "r.yaml", line: 5, column: 36))
        #expect(d.contains { $0.notes.contains("if 1.441 means 1441, write 1441 without a thousands separator") })
        #expect(d.contains { $0.notes.first?.contains("write false") == true })
    }

    @Test func unitAndPeriodProblems() {
        let (_, d) = report("unit: {code: X, name: Y, kind: huyen}\nperiod: {from: 2026-05-01, to: 2026-01-01}\n", builtin)
        #expect(d.contains { $0.code == "report.invalid_unit_kind" && $0.notes.first?.contains("district") == true })
        #expect(d.contains { $0.code == "report.invalid_period" })
        let (_, d2) = report("period: 2026\n", builtin)
        #expect(d2.contains { $0.code == "report.missing_unit" })
    }

    @Test func districtOnlyBeforeTheReform() {
        let (ok, _) = report("unit: {code: \"1\", name: H, kind: district}\nperiod: {year: 2021}\n", builtin)
        #expect(ok != nil)
        let (bad, d) = report("unit: {code: \"1\", name: H, kind: district}\nperiod: {year: 2025}\n", builtin)
        #expect(bad == nil)
        #expect(d.first?.code == "report.district_after_reform")
    }

    @Test func nullMeansNotReported() throws {
        let (r, d) = report(head + "peoples_inspection_board:\n  members:\n", builtin)
        #expect(d.isEmpty)
        #expect(try #require(r).facts.value(at: "peoples_inspection_board.members") == nil)
    }

    @Test func jsonReport() throws {
        let json = "{\"unit\": {\"code\": \"00123\", \"name\": \"A\", \"kind\": \"commune\"}, \"period\": {\"year\": 2026},\n \"peoples_inspection_board\": {\"members\": \"5\"}}"
        let (node, _) = DocumentLoader.load(Array(json.utf8), file: "r.json")
        let (r, d) = ReportReader(ruleSet: builtin).read(node!, file: "r.json")
        #expect(r == nil)
        #expect(d.first?.code == "report.type_mismatch")
        #expect(d.first?.location.line == 2)
    }
}

/// The library's one call for a file's bytes: a document is one report, a spreadsheet one per row.
@Suite("Checker.checkAll: documents and spreadsheets")
struct CheckAllTests {
    @Test func aSpreadsheetGivesAReportPerRow() {
        var checker = Checker(ruleSet: builtin, language: .en)
        checker.checksRegister = false
        let csv = "#qcdc:wide:1\nunit.code,unit.name,unit.kind,period.year,peoples_inspection_board.members\nnames\n"
            + "00001,Xã A,commune,2026,3\n\n00002,Xã B,commune,2026,1.441\n"
        let outcomes = checker.checkAll(bytes: Array(csv.utf8), file: "p.csv")
        #expect(outcomes.map(\.row) == [4, 6])
        #expect(outcomes.map { $0.unit?.code } == ["00001", "00002"])
        #expect(outcomes.allSatisfy { !$0.isInvalid })
        let yaml = checker.checkAll(bytes: Array("unit: {code: \"00001\", name: Xã A, kind: commune}\nperiod: {year: 2026}\n".utf8), file: "r.yaml")
        #expect(yaml.count == 1 && yaml[0].row == nil)
        let unmarked = checker.checkAll(bytes: Array("a,b\n1,2\n".utf8), file: "x.csv")
        #expect(unmarked.count == 1 && unmarked[0].diagnostics.first?.code.rawValue == "input.not_a_template")
    }
}

/// The workbook reader's conversions, each at its edges.
@Suite("Spreadsheets: cells as Excel stores them")
struct SpreadsheetCellTests {
    @Test func serialDatesInBothSystems() {
        #expect(XLSXReader.day(serial: 59, date1904: false)?.description == "1900-02-28")
        #expect(XLSXReader.day(serial: 60, date1904: false) == nil)              // Excel's 29 February 1900
        #expect(XLSXReader.day(serial: 61, date1904: false)?.description == "1900-03-01")
        #expect(XLSXReader.day(serial: 46350.75, date1904: false)?.description == "2026-11-24")
        #expect(XLSXReader.day(serial: 1, date1904: true)?.description == "1904-01-02")
        #expect(XLSXReader.day(serial: -1, date1904: false) == nil && XLSXReader.day(serial: .infinity, date1904: false) == nil)
    }

    @Test func numbersReadAsTheCellShowsThem() {
        #expect(XLSXReader.number(1_000_000_001) == "1000000001")
        #expect(XLSXReader.number(2_000_000_000) == "2000000000")
        #expect(XLSXReader.number(0.855 * 100) == "85.5")
        #expect(XLSXReader.number(12.25) == "12.25")
        #expect(XLSXReader.unescape("a_x000A_b_x00") == "a\nb_x00")
    }

    @Test func formatsThatAreDatesOrPercentages() {
        let styles = XLSXReader.StyleParser()
        styles.custom = [164: "dd/mm/yyyy", 165: "0.00", 166: "#,##0", 167: "0.0%", 168: "\"d\"0", 169: "[Red]0.00"]
        styles.formats = [0, 14, 164, 165, 166, 167, 168, 169, 10]
        #expect((0..<9).map { "\(styles.kind($0))" } == ["other", "date", "date", "other", "other", "percent", "other", "other", "percent"])
    }

    /// Times of day and elapsed times are not dates: 12:00 read as a date was no date at all,
    /// and 25:00 was 1900-01-01. A time of day is the serial's fraction (a date and time in a
    /// time format shows its time); an elapsed time counts hours.
    @Test func timesAreNotDates() {
        let styles = XLSXReader.StyleParser()
        styles.custom = [164: "h:mm", 165: "[h]:mm:ss", 166: "mm:ss", 167: "dd/mm/yyyy hh:mm", 168: "mmmm", 169: "mmm yyyy",
                         170: "hh:mm AM/PM", 171: "\"h\"0", 172: "[Magenta]0.00", 173: "[$-409]h:mm AM/PM", 174: "0.00E+00",
                         175: "mm:ss.0", 176: "#,##0\" [m2]\"", 177: "[mm]:ss", 178: "[Red]#,##0;[Blue]-#,##0", 179: "General"]
        styles.formats = [18, 20, 21, 22, 45, 46, 47] + Array(164...179)
        #expect((0..<23).map { "\(styles.kind($0))" }
                == ["time", "time", "time", "date", "time", "duration", "time",
                    "time", "duration", "time", "date", "date", "date", "time", "other", "other", "time", "other",
                    "time", "other", "duration", "other", "other"])
        #expect(XLSXReader.time(serial: 0.5) == "12:00")
        #expect(XLSXReader.time(serial: 46000.5) == "12:00")                 // a date and time in a time format
        #expect(XLSXReader.time(serial: 25.5 / 24) == "1:30")
        #expect(XLSXReader.time(serial: 5.0 / 86_400) == "0:00:05")
        #expect(XLSXReader.time(serial: 0) == "0:00")
        #expect(XLSXReader.duration(serial: 25.5 / 24) == "25:30")
        #expect(XLSXReader.duration(serial: 0.5) == "12:00")
    }

    @Test func wholeNumbersAsPeopleWriteThem() {
        #expect(["1441", "1.441", "1,441", "1 441", "12.0", "12,0", "12,00"].map { WideForm.integer($0) } == ["1441", "1441", "1441", "1441", "12", "12", "12"])
        #expect(WideForm.integer("1.5") == nil && WideForm.integer("12,5") == nil && WideForm.integer(",0") == nil)
        #expect(WideForm.date("24/11/2026") == "2026-11-24" && WideForm.date("31/02/2026") == nil)
    }

    @Test func workbookPositionsAreNamedAsExcelNamesThem() {
        #expect(SourceLocation(file: "a.xlsx", line: 12, column: 3, sheet: "S1").description == "a.xlsx:S1!C12")
        #expect(SourceLocation(file: "a.xlsx", line: 7, column: 28, sheet: "Lâm Đồng").description == "a.xlsx:'Lâm Đồng'!AB7")
        #expect(SourceLocation(file: "a.xlsx", line: 1, column: 1, sheet: "It's").description == "a.xlsx:'It''s'!A1")
    }
}

@Suite("Spreadsheets: CSV delimiters")
struct CSVDelimiterTests {
    /// The delimiter used most on the first line; a tie always goes the same way (comma, semicolon, tab).
    @Test func theDelimiterIsChosenTheSameWayEveryTime() {
        #expect(CSVReader.detectDelimiter(Array("a;b;c\n".utf8)[...]) == UInt8(ascii: ";"))
        #expect(CSVReader.detectDelimiter(Array("a;b\tc\n".utf8)[...]) == UInt8(ascii: ";"))
        #expect(CSVReader.detectDelimiter(Array("a,b;c\td\n".utf8)[...]) == UInt8(ascii: ","))
        #expect(CSVReader.detectDelimiter(Array("\"a;b\",c\n".utf8)[...]) == UInt8(ascii: ","))     // quoted ones do not count
    }
}

/// A clean YAML report is read straight from the parser's events into its facts
/// (``StreamingReportReader``); any other is composed into nodes first. Both ways must give the
/// same outcome: the same results, diagnostics and facts, with the same positions.
@Suite("Reports read straight into facts")
struct StreamingReadTests {
    static let base = """
    # a comment
    unit: {code: "24985", name: Xã Ninh Gia, kind: commune, subtype: xa, parent: "68"}
    period:
      year: 2026
    notes: |
      free text
    peoples_inspection_board:
      members: 5
      annual_plan: true
      inspections:
        - {id: GS-1, plan_sent: 2026-04-01, start: 2026-04-09}
        - id: GS-2
          plan_sent: 2026-05-01
          start: ~
    community_conferences: {villages: 12, held: 11, min_notice_days: 5, votes: []}
    staff_conference:
      held: true
      date: 2026-04-15
    emulation:
      registration_rate: 83 %
    disclosure:
    complaints:
      cases:
        - {id: KN-1, round: first, received: 2026-02-02, accepted: 2026-02-10, decided: 2026-03-09}
        - {id: 'KN-2', round: first, received: 2026-03-02, decided: 2026-04-10, remote: false}

    """

    /// The base report, changed in each of the ways the fast path gives up on (and a few it
    /// does not): each must still read as the composer and the report reader read it.
    static let variants: [(String, @Sendable (String) -> String)] = [
        ("as is", { $0 }),
        ("explicit document", { "---\n" + $0 + "...\n" }),
        ("second document", { $0 + "---\nunit: {code: x}\n" }),
        ("duplicate fact", { $0 + "staff_conference: {held: false}\n" }),
        ("duplicate nested key", { $0.replacingOccurrences(of: "  members: 5\n", with: "  members: 5\n  members: 6\n") }),
        ("dotted key", { $0 + "mass_mobilisation.annual_plan: true\n" }),
        ("dotted duplicate", { $0 + "staff_conference.held: true\n" }),
        ("unknown key", { $0 + "staf_conference: {held: true}\n" }),
        ("unknown record field", { $0.replacingOccurrences(of: "remote: false", with: "remot: false") }),
        ("duplicate record field", { $0.replacingOccurrences(of: "remote: false", with: "remote: false, remote: true") }),
        ("anchor and alias", { $0.replacingOccurrences(of: "members: 5", with: "members: &m 5\n  supervisions: *m") }),
        ("tag", { $0.replacingOccurrences(of: "members: 5", with: "members: !!str 5") }),
        ("quoted number", { $0.replacingOccurrences(of: "members: 5", with: "members: \"5\"") }),
        ("negative count", { $0.replacingOccurrences(of: "members: 5", with: "members: -5") }),
        ("bad date", { $0.replacingOccurrences(of: "2026-04-15", with: "2026-02-30") }),
        ("merge key", { $0 + "staff: &s {held: true}\n<<: *s\n" }),
        ("merge key in unit", { $0.replacingOccurrences(of: "parent: \"68\"}", with: "parent: \"68\", <<: {x: 1}}") }),
        ("group as scalar", { $0.replacingOccurrences(of: "disclosure:\n", with: "disclosure: 5\n") }),
        ("group as list", { $0.replacingOccurrences(of: "disclosure:\n", with: "disclosure: [1]\n") }),
        ("fact as mapping", { $0.replacingOccurrences(of: "members: 5", with: "members: {n: 5}") }),
        ("list as scalar", { $0.replacingOccurrences(of: "votes: []", with: "votes: 3") }),
        ("list as null", { $0.replacingOccurrences(of: "votes: []", with: "votes: null") }),
        ("record as scalar", { $0.replacingOccurrences(of: "- {id: KN-1", with: "- 7\n    - {id: KN-1") }),
        ("record field as list", { $0.replacingOccurrences(of: "remote: false", with: "remote: [false]") }),
        ("no unit", { $0.replacingOccurrences(of: "unit: {code: \"24985\", name: Xã Ninh Gia, kind: commune, subtype: xa, parent: \"68\"}\n", with: "") }),
        ("no unit nor period", { String($0.split(separator: "\n").dropFirst(4).joined(separator: "\n")) }),
        ("duplicate unit", { $0 + "unit: {code: \"1\"}\n" }),
        ("unit with a tag", { $0.replacingOccurrences(of: "kind: commune", with: "kind: !!str commune") }),
        ("unknown unit kind", { $0.replacingOccurrences(of: "kind: commune", with: "kind: xa") }),
        ("district after the reform", { $0.replacingOccurrences(of: "kind: commune, subtype: xa", with: "kind: district") }),
        ("period as a bare year", { $0.replacingOccurrences(of: "period:\n  year: 2026", with: "period: 2026") }),
        ("notes nested", { $0.replacingOccurrences(of: "notes: |\n  free text", with: "notes: {a: [1, {b: 2}], c: d}") }),
        ("notes with a duplicate", { $0.replacingOccurrences(of: "notes: |\n  free text", with: "notes: {a: 1, a: 2}") }),
        ("schema key", { "$schema: ./report.schema.json\n" + $0 }),
        ("complex key", { $0 + "? [a]\n: 1\n" }),
        ("syntax error", { $0 + "  bad: : :\n" }),
        ("tab", { $0 + "\tx: 1\n" }),
        ("root a list", { _ in "- 1\n- 2\n" }),
        ("empty", { _ in "" }),
        ("only a comment", { _ in "# nothing\n" }),
        ("byte order mark", { "\u{FEFF}" + $0 }),
        ("deep notes", { $0 + "notes2: " + String(repeating: "[", count: 70) + String(repeating: "]", count: 70) + "\n" }),
        ("deep reserved", { $0.replacingOccurrences(of: "notes: |\n  free text", with: "notes: " + String(repeating: "[", count: 63) + String(repeating: "]", count: 63)) }),
        ("deep reserved past the limit", { $0.replacingOccurrences(of: "notes: |\n  free text", with: "notes: " + String(repeating: "[", count: 64) + String(repeating: "]", count: 64)) }),
        ("empty value", { $0.replacingOccurrences(of: "members: 5", with: "members:") }),
        ("quoted keys", { $0.replacingOccurrences(of: "members: 5", with: "\"members\": 5\n  'supervisions': 2") }),
        ("null spellings", { $0.replacingOccurrences(of: "members: 5", with: "members: Null\n  supervisions: ~") }),
        ("quoted null", { $0.replacingOccurrences(of: "members: 5", with: "members: 'null'") }),
        ("block scalars", { $0.replacingOccurrences(of: "id: GS-2", with: "id: >-\n            GS-2") }),
        ("percent without sign", { $0.replacingOccurrences(of: "83 %", with: "0.83") }),
        ("thousands separator", { $0.replacingOccurrences(of: "members: 5", with: "members: 1.304") }),
        // The fast path leaves the bytes to libyaml, which refuses all of these too.
        ("control character in a comment", { $0 + "# a bell \u{07}\n" }),
        ("control character in a value", { $0.replacingOccurrences(of: "id: GS-2", with: "id: \"GS\u{01}2\"") }),
        ("delete character", { $0.replacingOccurrences(of: "id: GS-2", with: "id: GS\u{7F}2") }),
        ("C1 control character", { $0.replacingOccurrences(of: "id: GS-2", with: "id: GS\u{9B}2") }),
        ("next line character", { $0.replacingOccurrences(of: "id: GS-2", with: "id: GS\u{85}2") }),
        ("non-character", { $0.replacingOccurrences(of: "id: GS-2", with: "id: GS\u{FFFE}2") }),
        ("NUL byte at the end", { $0 + "\u{0}" }),
        ("UTF-16 byte order mark", { "\u{FFFE}" + $0 }),
    ]

    /// Bytes that are not text, put in place of the base report's `GS-2`, or before it.
    static let byteVariants: [(String, [UInt8])] = [
        ("a byte that is never UTF-8", [0x47, 0xFF, 0x32]),
        ("Windows-1258", [0x47, 0xE2, 0x32]),
        ("overlong", [0x47, 0xC0, 0xAF, 0x32]),
        ("surrogate", [0x47, 0xED, 0xA0, 0x80, 0x32]),
        ("past U+10FFFF", [0x47, 0xF4, 0x90, 0x80, 0x80]),
        ("cut short", [0x47, 0xE1, 0x80]),
        ("lone continuation byte", [0x47, 0x80, 0x32]),
    ]

    /// The outcome of `text` as `file`, read straight into facts or not.
    static func outcome(_ text: String, file: String, streaming: Bool, checker: Checker) -> String {
        outcome(Array(text.utf8), file: file, streaming: streaming, checker: checker)
    }

    static func outcome(_ bytes: [UInt8], file: String, streaming: Bool, checker: Checker) -> String {
        var checker = checker
        checker.streamsReports = streaming
        let outcome = checker.check(bytes: bytes, file: file)
        let json = String(decoding: JSONReporter().reportUTF8(outcome, index: 0, language: .en), as: UTF8.self)
        return json + "\n" + facts(outcome.facts)
    }

    /// Every fact, record and field with its value, position and path.
    static func facts(_ facts: ReportFacts?) -> String {
        guard let facts else { return "no facts" }
        var lines = ["root \(facts.root)", "containers \(facts.containers)"]
        for (path, f) in facts.all.sorted(by: { $0.key < $1.key }) {
            lines.append("\(path) = \(f.value) at \(f.mark) as \(f.path)")
            guard case .records(let records) = f.value else { continue }
            for r in records {
                lines.append("  \(r.path) at \(r.mark)")
                let fields = r.fields
                for e in r.entries { lines.append("    \(e.name) = \(e.value) at \(e.mark) as \(fields[e.name]?.path ?? "?")") }
            }
        }
        return lines.joined(separator: "\n")
    }

    @Test func bothWaysReadTheSame() throws {
        let national = try #require(RuleSetLoader().loadBuiltin().ruleSet)
        let checker = Checker(ruleSet: national, language: .en)
        var streamed = 0
        for (name, change) in Self.variants {
            let text = change(Self.base)
            let fast = Self.outcome(text, file: "r.yaml", streaming: true, checker: checker)
            let usual = Self.outcome(text, file: "r.yaml", streaming: false, checker: checker)
            #expect(fast == usual, "\(name)")
            if StreamingReportReader(slots: national.factIndex.slots, limits: .default).read(Array(text.utf8), file: "r.yaml") != nil {
                streamed += 1
            }
        }
        let base = Array(Self.base.utf8), gs2 = Array("GS-2".utf8)
        let at = try #require(base.indices.first { base[$0...].starts(with: gs2) })
        for (name, bytes) in Self.byteVariants {
            for changed in [base[..<at] + bytes + base[(at + gs2.count)...], bytes + [0x0A] + base, [0xFF, 0xFE] + base] {
                let changed = Array(changed)
                #expect(Self.outcome(changed, file: "r.yaml", streaming: true, checker: checker)
                        == Self.outcome(changed, file: "r.yaml", streaming: false, checker: checker), "\(name)")
            }
        }
        // The clean ones were read the fast way (else this compares the usual way with itself).
        #expect(streamed >= 15)
        #expect(StreamingReportReader(slots: national.factIndex.slots, limits: .default).read(Array(Self.base.utf8), file: "r.yaml") != nil)
        // Every example and fixture too.
        let files = ["examples", "Tests/qcdcTests/Fixtures"].flatMap { dir in
            (FileManager.default.enumerator(atPath: dir)?.allObjects as? [String] ?? [])
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.map { "\(dir)/\($0)" }
        }
        #expect(files.count > 20)
        for file in files {
            let bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: file)))
            #expect(Self.outcome(bytes, file: file, streaming: true, checker: checker)
                    == Self.outcome(bytes, file: file, streaming: false, checker: checker), "\(file)")
        }
    }
}
