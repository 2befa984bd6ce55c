import Foundation
import QCDCTestSupport
import Testing

/// The wide form: one unit per row of a CSV file, made by `qcdc template --format csv`.
@Suite("Spreadsheets: CSV in the wide form, end to end")
struct SpreadsheetTests {
    /// Rows of a CSV as Swift writes them (quoted when needed), with a byte-order mark and CRLF.
    static func csv(_ rows: [[String]]) -> String {
        "\u{FEFF}" + rows.map { $0.map { c in
            c.contains(where: { ",\"\n\r;".contains($0) }) ? "\"" + c.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : c
        }.joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    /// The template of Lai Châu's communes, parsed into rows (keys in row 2).
    static func template(_ extra: [String] = []) throws -> [[String]] {
        let r = try qcdc(["template", "--format", "csv", "--province", "12"] + extra)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasPrefix("\u{FEFF}#qcdc:wide:1:vn.national,"))
        #expect(r.stdout.contains("\r\n"))
        return r.stdout.dropFirst().components(separatedBy: "\r\n").filter { !$0.isEmpty }.map { line in
            // The template quotes only its title (row 1); the other rows split on commas.
            line.hasPrefix("#qcdc") ? [String(line.prefix { $0 != "," })] : line.components(separatedBy: ",")
        }
    }

    /// Rule id → status, for each report `check --format json` gives of `path`.
    static func statuses(_ path: String) throws -> [[String: String]] {
        let r = try qcdc(["check", "--format", "json", path])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        return (doc["reports"] as? [[String: Any]] ?? []).map { report in
            Dictionary(uniqueKeysWithValues: (report["results"] as? [[String: Any]] ?? []).map { ($0["rule"] as! String, $0["status"] as! String) })
        }
    }

    /// Sets `key` of data row `row` (1-based, as a spreadsheet shows it).
    static func set(_ rows: inout [[String]], row: Int, _ key: String, _ value: String) {
        let c = rows[1].firstIndex(of: key)!
        rows[row - 1][c] = value
    }

    @Test func templateListsEveryCommuneOfTheProvince() throws {
        let rows = try Self.template()
        #expect(rows.count == 3 + 38)
        #expect(Array(rows[1].prefix(6)) == ["unit.code", "unit.name", "unit.kind", "unit.subtype", "unit.parent", "period.year"])
        #expect(rows[1].contains("peoples_inspection_board.members"))
        #expect(!rows[1].contains("dialogue_conferences.sessions"))       // a list of records: YAML only
        #expect(rows[3].prefix(6) == ["03388", "Phường Đoàn Kết", "commune", "phuong", "12", "2026"])
        #expect(rows[2][0] == "mã đơn vị (giữ số 0 ở đầu)")
        let en = try qcdc(["template", "--format", "csv", "--kind", "commune", "--lang", "en"])
        #expect(en.stdout.contains("unit code (keep leading zeros)"))
        #expect(try qcdc(["template", "--province", "12"]).status == 64)     // rows need --format csv
        #expect(try qcdc(["template", "--format", "csv", "--province", "99"]).status == 64)
    }

    /// Findings and errors point at the cell: row as line, column as column, in every format.
    @Test func findingsAreLocatedAtTheCell() throws {
        var rows = try Self.template()
        rows = Array(rows.prefix(6))
        Self.set(&rows, row: 4, "peoples_inspection_board.members", "4")
        Self.set(&rows, row: 4, "community_conferences.villages", "1.441")     // thousands separator
        Self.set(&rows, row: 5, "peoples_inspection_board.members", "bốn")
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent("lai-chau.csv")
        try Data(Self.csv(rows).utf8).write(to: file)
        let members = rows[1].firstIndex(of: "peoples_inspection_board.members")! + 1
        let text = try qcdc(["check", "--lang", "en", file.path])
        #expect(text.status == 2)
        #expect(text.stdout.contains("\(file.path):4:\(members): error[TTND-C1]: The People's Inspection Board has 4 members for 1441 villages"))
        #expect(text.stdout.contains("\(file.path):5:\(members): error[report.type_mismatch]"))
        #expect(text.stdout.contains("\(file.path):4: Phường Đoàn Kết (commune 03388), 2026"))
        let json = try qcdc(["check", "--format", "json", file.path])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let reports = try #require(doc["reports"] as? [[String: Any]])
        #expect(reports.map { $0["row"] as? Int } == [4, 5, 6])
        let failed = (reports[0]["results"] as? [[String: Any]] ?? []).first { $0["rule"] as? String == "TTND-C1" }
        let at = try #require(failed?["location"] as? [String: Any])
        #expect(at["line"] as? Int == 4 && at["column"] as? Int == members)
        let sarif = try qcdc(["check", "--format", "sarif", file.path])
        #expect(sarif.stdout.contains("\"ruleId\":\"TTND-C1\"") && sarif.stdout.contains("\"region\":{\"startLine\":4,\"startColumn\":\(members)}"))
    }

    /// A row gives the same results as the same figures written as a YAML report.
    @Test func aRowIsTheSameAsItsYAMLReport() throws {
        var rows = Array(try Self.template().prefix(4))
        let values = ["peoples_inspection_board.members": "14", "community_conferences.villages": "14", "community_conferences.held": "14",
                      "peoples_inspection_board.annual_plan": "có", "staff_conference.held": "x", "staff_conference.date": "26/02/2027",
                      "emulation.registration_rate": "85,5%", "disclosure.has_radio": "không"]
        for (k, v) in values { Self.set(&rows, row: 4, k, v) }
        let dir = try temporaryDirectory()
        try Data(Self.csv(rows).utf8).write(to: dir.appendingPathComponent("row.csv"))
        let yaml = """
        unit: {code: "03388", name: Phường Đoàn Kết, kind: commune, subtype: phuong, parent: "12"}
        period: {year: 2026}
        peoples_inspection_board: {members: 14, annual_plan: true}
        community_conferences: {villages: 14, held: 14}
        staff_conference: {held: true, date: 2027-02-26}
        emulation: {registration_rate: 85.5%}
        disclosure: {has_radio: false}

        """
        try Data(yaml.utf8).write(to: dir.appendingPathComponent("row.yaml"))
        let fromCSV = try Self.statuses(dir.appendingPathComponent("row.csv").path).first ?? [:], fromYAML = try Self.statuses(dir.appendingPathComponent("row.yaml").path).first ?? [:]
        #expect(!fromCSV.isEmpty && fromCSV == fromYAML)
        #expect(fromCSV["TTND-C1"] == "pass" && fromCSV["CD-01"] == "pass")
    }

    /// A spreadsheet without qcdc's marker found in a folder (a scorecard export) is skipped with
    /// a note; named, it is an error.
    @Test func otherSpreadsheetsAreSkippedInFoldersAndRejectedWhenNamed() throws {
        let dir = try temporaryDirectory()
        try FileManager.default.copyItem(atPath: "examples/commune-compliant-2026.yaml", toPath: dir.appendingPathComponent("r.yaml").path)
        let export = dir.appendingPathComponent("scorecard.csv")
        _ = try qcdc(["scorecard", "--format", "csv", "--output", export.path, dir.appendingPathComponent("r.yaml").path])
        let walked = try qcdc(["check", "--all", "--lang", "en", dir.path])
        #expect(walked.status == 0, "\(walked.stdout)")
        #expect(walked.stdout.contains("scorecard.csv:1:1: note[input.skipped]: skipped: a spreadsheet not made from qcdc's template"))
        let named = try qcdc(["check", "--lang", "en", export.path])
        #expect(named.status == 2 && named.stdout.contains("error[input.not_a_template]"))
        // A CSV file in another encoding (Windows-1258) and a damaged workbook are someone else's too.
        try Data([0x54, 0xEA, 0x6E, 0x2C, 0xD0, 0xE3, 0x0A]).write(to: dir.appendingPathComponent("legacy.csv"))
        try Data("PK not really".utf8).write(to: dir.appendingPathComponent("broken.xlsx"))
        let walkedAgain = try qcdc(["check", "--all", "--lang", "en", dir.path])
        #expect(walkedAgain.status == 0, "\(walkedAgain.stdout)")
        #expect(walkedAgain.stdout.contains("legacy.csv:1:1: note[input.skipped]") && walkedAgain.stdout.contains("broken.xlsx:1:1: note[input.skipped]"))
    }

    @Test(arguments: [
        ("#qcdc:wide:1\nunit.code,unit.name\n\"03388,Phường\n", "input.csv_syntax", "3:1"),
        ("#qcdc:wide:1\nunit.code,unit.name\n03388,Phường \"Đoàn\" Kết\n", "input.csv_syntax", "3:2"),
        ("#qcdc:wide:2\nunit.code\n", "input.spreadsheet_layout", "1:1"),
        ("#qcdc:tall:1\nunit.code\n", "input.spreadsheet_layout", "1:1"),
        ("#qcdc:wide:1\n\n", "input.spreadsheet_layout", "2:1"),
        ("#qcdc:wide:1\nunit.code,unit.name,unit.code\n", "input.spreadsheet_layout", "2:3"),
        ("#qcdc:wide:1\nunit.code,citizen_reception.leader_days\n", "input.spreadsheet_layout", "2:2"),
        ("#qcdc:wide:1\nunit.code\nmã\n", "input.empty", "4:1"),
        ("#qcdc:wide:1\nunit.code\nmã\n\u{1}\n", "input.control_character", "4:1"),
        ("#qcdc:wide:1\nunit.code,complaints,complaints.received\n", "input.spreadsheet_layout", "2:2"),         // a group beside its member
        ("#qcdc:wide:1\nunit.code,\(Array(repeating: "a", count: 20).joined(separator: "."))\n", "input.spreadsheet_layout", "2:2"),
    ])
    func malformedSpreadsheetsAreLocatedErrors(_ text: String, _ code: String, _ at: String) throws {
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent("bad.csv")
        try Data(text.utf8).write(to: file)
        let r = try qcdc(["check", "--lang", "en", file.path])
        #expect(r.status == 2)
        #expect(r.stdout.contains("bad.csv:\(at): error[\(code)]"), "\(r.stdout)")
    }

    /// Two rows for the same unit: the second is an error naming the first by its row.
    @Test func aUnitTwiceIsADuplicateNamedByRow() throws {
        var rows = Array(try Self.template().prefix(4))
        rows.append(rows[3])
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent("twice.csv")
        try Data(Self.csv(rows).utf8).write(to: file)
        let r = try qcdc(["check", "--lang", "en", file.path])
        #expect(r.status == 2)
        #expect(r.stdout.contains("twice.csv:5:1: error[report.duplicate_report]") && r.stdout.contains("twice.csv:4"), "\(r.stdout)")
    }

    /// Python's csv module, an independent writer, fills the template; qcdc reads it back.
    @Test(.enabled(if: ExternalTools.shouldRun(ExternalTools.python(with: ["csv"]) != nil), Comment(rawValue: ExternalTools.skipReason("python3"))))
    func aTemplateFilledByPythonsCSVModule() throws {
        let dir = try temporaryDirectory()
        let template = dir.appendingPathComponent("template.csv"), filled = dir.appendingPathComponent("filled.csv")
        #expect(try qcdc(["template", "--format", "csv", "--province", "12", "--output", template.path]).status == 0)
        let script = """
        import csv, sys
        rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline="")))
        keys = rows[1]
        for row in rows[3:]:
            row[keys.index("peoples_inspection_board.members")] = "3"
            row[keys.index("community_conferences.villages")] = "12"
        with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
            csv.writer(f, delimiter=";").writerows(rows)
        """
        let python = try #require(ExternalTools.python(with: ["csv"]))
        let run = try runProcess(URL(fileURLWithPath: python), ["-c", script, template.path, filled.path], timeout: 60)
        #expect(run.status == 0, "\(run.stderr)")
        let r = try qcdc(["check", "--format", "json", filled.path])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let reports = try #require(doc["reports"] as? [[String: Any]])
        #expect(reports.count == 38)
        #expect(reports.allSatisfy { ($0["results"] as? [[String: Any]] ?? []).contains { $0["rule"] as? String == "TTND-C1" && $0["status"] as? String == "fail" } })
    }

    /// Hostile cells reach no output raw: workflow commands, markup and spreadsheet formulas in a
    /// row are shown as text; the scorecard names the row.
    @Test func hostileCellsStayText() throws {
        let rows = [["#qcdc:wide:1"], ["unit.code", "unit.name", "unit.kind", "unit.parent", "period.year", "peoples_inspection_board.members"],
                    ["mã"], ["=1+2", "Xã A\n::error file=x::pwned <script>alert(1)</script>", "commune", "@SUM(A1)", "2026", "3"]]
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent("hostile.csv")
        try Data(Self.csv(rows).utf8).write(to: file)
        let github = try qcdc(["check", "--no-register", "--format", "github", file.path])
        #expect(github.stdout.contains("pwned"))                                                    // the name is shown…
        #expect(!github.stdout.split(separator: "\n").contains { $0.hasPrefix("::error file=x::") })    // …never as a command
        let html = try qcdc(["scorecard", "--no-register", file.path])
        #expect(!html.stdout.contains("<script>alert(1)") && html.stdout.contains("&lt;script&gt;alert(1)"))
        #expect(html.stdout.contains("hostile.csv:4</code>"))
        let csv = try qcdc(["scorecard", "--no-register", "--format", "csv", file.path])
        #expect(csv.stdout.contains(",'=1+2,") && csv.stdout.contains(",'@SUM(A1),") && !csv.stdout.contains(",=1+2,"))
        let json = try qcdc(["scorecard", "--no-register", "--format", "json", file.path])
        #expect(json.stdout.contains("\"row\": 4"))
    }

    // MARK: Excel workbooks

    /// Runs a Python script (the virtual environment's, with openpyxl) with `arguments`.
    static func python(_ script: String, _ arguments: [String], modules: [String] = ["openpyxl"]) throws {
        let python = try #require(ExternalTools.python(with: modules), "\(ExternalTools.skipReason("python3 with \(modules)"))")
        let run = try runProcess(URL(fileURLWithPath: python), ["-c", script] + arguments, timeout: 120)
        #expect(run.status == 0, "\(run.stderr)")
    }

    /// The template filled in by openpyxl, an independent writer, with typed cells (numbers,
    /// dates, booleans, percentages, codes as text), gives the results of the same figures as CSV.
    @Test(.enabled(if: ExternalTools.shouldRun(ExternalTools.python(with: ["openpyxl"]) != nil), Comment(rawValue: ExternalTools.skipReason("openpyxl"))))
    func aWorkbookFilledByOpenpyxlReadsAsItsCSV() throws {
        var rows = Array(try Self.template().prefix(6))
        let values = ["peoples_inspection_board.members": "4", "community_conferences.villages": "14", "community_conferences.held": "14",
                      "peoples_inspection_board.annual_plan": "có", "staff_conference.held": "có", "staff_conference.date": "26/02/2027",
                      "emulation.registration_rate": "85,5%", "disclosure.has_radio": "không"]
        for (k, v) in values { Self.set(&rows, row: 4, k, v) }
        Self.set(&rows, row: 5, "peoples_inspection_board.members", "15")
        let dir = try temporaryDirectory()
        let csv = dir.appendingPathComponent("lai-chau.csv"), xlsx = dir.appendingPathComponent("lai-chau.xlsx")
        try Data(Self.csv(rows).utf8).write(to: csv)
        try Self.python("""
        import csv, datetime, sys, openpyxl
        rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig")))
        wb = openpyxl.Workbook(); ws = wb.active; ws.title = "Lai Châu"
        keys = rows[1]
        for r, row in enumerate(rows, start=1):
            for c, v in enumerate(row, start=1):
                if v == "": continue
                key = keys[c - 1] if c - 1 < len(keys) else ""
                cell = ws.cell(r, c)
                if r < 4 or key.startswith("unit."): cell.value = v; cell.number_format = "@"
                elif v.isdigit(): cell.value = int(v)
                elif v in ("có", "không"): cell.value = v == "có"
                elif "/" in v: d, m, y = map(int, v.split("/")); cell.value = datetime.date(y, m, d); cell.number_format = "dd/mm/yyyy"
                elif v.endswith("%"): cell.value = float(v[:-1].replace(",", ".")) / 100; cell.number_format = "0.0%"
                else: cell.value = v
        wb.create_sheet("Ghi chú")["A1"] = "a second sheet, not a report"
        wb.save(sys.argv[2])
        """, [csv.path, xlsx.path])
        let fromCSV = try Self.statuses(csv.path), fromXLSX = try Self.statuses(xlsx.path)
        #expect(fromCSV.count == 3 && fromXLSX == fromCSV)
        #expect(fromXLSX.first?["TTND-C1"] == "fail" && fromXLSX.first?["CD-01"] == "pass")
        let members = rows[1].firstIndex(of: "peoples_inspection_board.members")! + 1
        // In a workbook, a cell is named as Excel names it: sheet, column letters, row.
        var column = "", n = members
        while n > 0 { column = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + column; n = (n - 1) / 26 }
        let text = try qcdc(["check", "--lang", "en", xlsx.path])
        #expect(text.stdout.contains("lai-chau.xlsx:'Lai Châu'!\(column)4: error[TTND-C1]"), "\(text.stdout.prefix(600))")
        let json = try qcdc(["check", "--format", "json", xlsx.path])
        #expect(json.stdout.contains("\"line\":4,\"column\":\(members),\"path\":\"peoples_inspection_board.members\",\"sheet\":\"Lai Châu\""))
        let sarif = try qcdc(["check", "--format", "sarif", xlsx.path])
        #expect(sarif.stdout.contains("{\"name\":\"Lai Châu\",\"kind\":\"resource\"}"))
        // …and stays valid against the official SARIF schema.
        let sarifFile = dir.appendingPathComponent("lai-chau.sarif")
        try Data(sarif.stdout.utf8).write(to: sarifFile)
        let validator = try #require(ExternalTools.python(with: ["jsonschema", "yaml"]))
        let v = try runProcess(URL(fileURLWithPath: validator), ["scripts/validate-schema.py", "Tests/qcdcTests/Schemas/sarif-schema-2.1.0.json", sarifFile.path],
                               timeout: 120)
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
    }

    /// A minimal workbook: one sheet of `cells` (sheetData XML), and options to damage it.
    static let minimalWorkbook = """
    import sys, zipfile
    path, cells, damage = sys.argv[1], sys.argv[2], sys.argv[3]
    main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    doctype = '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa">]>' if damage == "doctype" else ""
    notes = '<sheet name="Ghi chú" sheetId="2" r:id="rId2"/>' if damage == "notes-error" else ""
    wb = '<?xml version="1.0"?>' + doctype + f'<workbook xmlns="{main}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>{notes}<sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>'
    rels = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="w" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="w" Target="worksheets/sheet2.xml"/></Relationships>'
    sheet = f'<?xml version="1.0"?><worksheet xmlns="{main}"><sheetData>{cells}</sheetData></worksheet>'
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", wb)
        if damage != "no-rels": z.writestr("xl/_rels/workbook.xml.rels", rels)
        if damage == "symlink-sheet":    # a "symbolic link" entry where the report's sheet should be
            info = zipfile.ZipInfo("xl/worksheets/sheet1.xml"); info.create_system = 3; info.external_attr = 0o120777 << 16
            z.writestr(info, "/etc/passwd")
        elif damage == "utf16-sheet":    # the sheet written in UTF-16 (Excel writes UTF-8)
            z.writestr("xl/worksheets/sheet1.xml", sheet.replace('version="1.0"?>', 'version="1.0" encoding="UTF-16"?>', 1).encode("utf-16"))
        else:
            z.writestr("xl/worksheets/sheet1.xml", sheet)
        z.writestr("xl/worksheets/sheet2.xml", f'<?xml version="1.0"?><worksheet xmlns="{main}"><sheetData><row r="1"><c r="A1" t="e"><v>#N/A</v></c></row></sheetData></worksheet>')
        if damage == "bomb": z.writestr("xl/sharedStrings.xml", bytes(65 << 20))
    if damage == "cd-offset":       # the central directory said to start past the end (a crash found by fuzzing)
        data = bytearray(open(path, "rb").read())
        eocd = data.rfind(b"PK\\x05\\x06")
        data[eocd + 16:eocd + 20] = (len(data) + 1000).to_bytes(4, "little")
        open(path, "wb").write(bytes(data))
    """

    static func inline(_ ref: String, _ text: String) -> String { "<c r=\"\(ref)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>" }
    static let head = "<row r=\"1\">\(inline("A1", "#qcdc:wide:1"))</row><row r=\"2\">\(inline("A2", "unit.code"))\(inline("B2", "unit.name"))\(inline("C2", "unit.kind"))\(inline("D2", "period.year"))\(inline("E2", "peoples_inspection_board.members"))</row>"
    static let unit = "\(inline("A4", "03388"))\(inline("B4", "Phường Đoàn Kết"))\(inline("C4", "commune"))<c r=\"D4\"><v>2026</v></c>"

    @Test(.enabled(if: ExternalTools.shouldRun(ExternalTools.python(with: ["zipfile"]) != nil), Comment(rawValue: ExternalTools.skipReason("python3"))),
          arguments: [
            ("", "none", "lai.xlsx:S!E4: error[report.out_of_range]"),                                    // sanity: the minimal book reads
            ("<c r=\"E4\"><f>A1+1</f></c>", "none", "lai.xlsx:S!E4: error[input.xlsx_invalid]"),       // a formula never calculated
            ("<c r=\"E4\" t=\"e\"><v>#N/A</v></c>", "none", "lai.xlsx:S!E4: error[input.xlsx_invalid]"),
            ("<c r=\"E4\"><v>5</v></c>", "doctype", "lai.xlsx:1:1: error[input.xlsx_invalid]"),
            ("<c r=\"E4\"><v>5</v></c>", "no-rels", "lai.xlsx:1:1: error[input.xlsx_invalid]"),
            ("<c r=\"E4\"><v>5</v></c>", "bomb", "lai.xlsx:1:1: error[input.xlsx_invalid]"),
            ("<c r=\"E4\"><v>5</v></c>", "cd-offset", "lai.xlsx:1:1: error[input.xlsx_invalid]"),
            // The report's sheet unreadable: said so, not "not made from the template".
            ("<c r=\"E4\"><v>5</v></c>", "symlink-sheet", "lai.xlsx:1:1: error[input.xlsx_invalid]: the workbook's part xl/worksheets/sheet1.xml cannot be unpacked"),
            ("<c r=\"E4\"><v>5</v></c>", "utf16-sheet", "lai.xlsx:1:1: error[input.xlsx_invalid]: the workbook's part xl/worksheets/sheet1.xml is not in UTF-8"),
            ("<c r=\"E4\"><v>-2</v></c>", "notes-error", "lai.xlsx:S!E4: error[report.out_of_range]"),     // an error value in another sheet is not ours
            // A formula whose result is empty text is a blank cell, not an error: row 5 is still read.
            ("<c r=\"E4\" t=\"str\"><f>IF(1,\"\",1)</f><v></v></c></row><row r=\"5\"><c r=\"A5\" t=\"inlineStr\"><is><t>03390</t></is></c>"
             + "<c r=\"B5\" t=\"inlineStr\"><is><t>Xã Bình Lư</t></is></c><c r=\"C5\" t=\"inlineStr\"><is><t>commune</t></is></c><c r=\"D5\"><v>2026</v></c>"
             + "<c r=\"E5\"><v>-3</v></c>", "none", "lai.xlsx:S!E5: error[report.out_of_range]"),
            ("<c r=\"E9223372036854775807\"><v>5</v></c>", "none", "lai.xlsx:S!D4: error[input.xlsx_invalid]"),     // no overflow
            // The far corner of a sheet: read within bounds (a million empty rows), not refused.
            ("<c r=\"E4\"><v>-3</v></c><c r=\"XFD4\"><v>5</v></c></row><row r=\"1048576\"><c r=\"XFD1048576\"><v>5</v></c>", "none",
             "lai.xlsx:S!E4: error[report.out_of_range]"),
          ])
    func malformedWorkbooksAreLocatedErrors(_ cell: String, _ damage: String, _ expected: String) throws {
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent("lai.xlsx")
        let members = cell.isEmpty ? "<c r=\"E4\"><v>-3</v></c>" : cell
        try Self.python(Self.minimalWorkbook, [file.path, Self.head + "<row r=\"4\">\(Self.unit)\(members)</row>", damage], modules: ["zipfile"])
        let r = try qcdc(["check", "--no-register", "--lang", "en", file.path])
        #expect(r.status == 2)
        #expect(r.stdout.contains(expected), "\(r.stdout.prefix(800))")
    }

    @Test func aFileThatIsNotAWorkbookIsAnError() throws {
        let dir = try temporaryDirectory()
        let file = dir.appendingPathComponent("renamed.xlsx")
        try Data("unit.code,unit.name\n".utf8).write(to: file)
        let r = try qcdc(["check", "--lang", "en", file.path])
        #expect(r.status == 2 && r.stdout.contains("renamed.xlsx:1:1: error[input.xlsx_invalid]: not a readable Excel workbook"))
    }

    /// Our workbook template, opened by openpyxl: codes are text cells with their leading zeros,
    /// the keys' row is hidden, the headers are frozen, every fact column is validated, the basis
    /// has its sheet. Filled in by openpyxl and read back by qcdc, a finding points at its cell.
    @Test(.enabled(if: ExternalTools.shouldRun(ExternalTools.python(with: ["openpyxl"]) != nil), Comment(rawValue: ExternalTools.skipReason("openpyxl"))))
    func ourWorkbookTemplateOpensInOpenpyxlAndReadsBack() throws {
        let dir = try temporaryDirectory()
        let template = dir.appendingPathComponent("lai-chau.xlsx"), filled = dir.appendingPathComponent("filled.xlsx")
        #expect(try qcdc(["template", "--format", "xlsx", "--province", "12"]).status == 64)      // a workbook needs --output
        let made = try qcdc(["template", "--format", "xlsx", "--province", "12", "--output", template.path])
        #expect(made.status == 0, "\(made.stderr)")
        // Unfilled, it is 38 reports of missing evidence, none failing.
        let blank = try qcdc(["check", "--format", "json", template.path])
        #expect(blank.status == 0, "\(blank.stdout.prefix(400))")
        try Self.python("""
        import datetime, sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        assert wb.sheetnames[0] == "Báo cáo" and wb.sheetnames[-1] == "Căn cứ" and "complaints.cases" in wb.sheetnames, wb.sheetnames
        cases = wb["complaints.cases"]
        assert cases["A1"].value == "#qcdc:list:1:complaints.cases" and cases["A2"].value == "unit.code" and cases.row_dimensions[2].hidden
        ws = wb["Báo cáo"]
        assert ws["A1"].value.startswith("#qcdc:wide:1:"), ws["A1"].value
        assert ws["A4"].value == "03388" and isinstance(ws["A4"].value, str) and ws["A4"].number_format == "@", (ws["A4"].value, ws["A4"].number_format)
        assert ws.row_dimensions[2].hidden and ws.freeze_panes == "C4", ws.freeze_panes
        keys = [c.value for c in ws[2]]
        members = keys.index("peoples_inspection_board.members") + 1
        validated = {str(r).split(":")[0] for v in ws.data_validations.dataValidation for r in v.sqref.ranges}
        assert ws.cell(4, members).coordinate in validated, validated
        assert wb["Căn cứ"].max_row == len(keys) - 6 + 1, (wb["Căn cứ"].max_row, len(keys))
        ws.cell(4, members).value = 3
        ws.cell(4, keys.index("community_conferences.villages") + 1).value = 12
        ws.cell(4, keys.index("staff_conference.date") + 1).value = datetime.date(2027, 2, 26)
        ws.cell(4, keys.index("staff_conference.held") + 1).value = "có"
        wb.save(sys.argv[2])
        """, [template.path, filled.path])
        let json = try qcdc(["check", "--format", "json", filled.path])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let first = try #require((doc["reports"] as? [[String: Any]])?.first)
        let results = first["results"] as? [[String: Any]] ?? []
        #expect(results.first { $0["rule"] as? String == "TTND-C1" }?["status"] as? String == "fail")
        #expect(results.first { $0["rule"] as? String == "CC-01" }?["status"] as? String == "pass")
        // The same bytes every time.
        let again = dir.appendingPathComponent("again.xlsx")
        _ = try qcdc(["template", "--format", "xlsx", "--province", "12", "--output", again.path])
        #expect(try Data(contentsOf: again) == Data(contentsOf: template))
    }

    /// LibreOffice, another independent program, re-saves a workbook that openpyxl filled with a
    /// formula (which openpyxl cannot calculate: qcdc says so at the cell) and calculates it, and
    /// qcdc reads the result; LibreOffice's CSV of our template keeps the codes' leading zeros.
    @Test(.enabled(if: ExternalTools.shouldRun(ExternalTools.libreOffice != nil && ExternalTools.python(with: ["openpyxl"]) != nil),
                   Comment(rawValue: ExternalTools.skipReason("LibreOffice (Debian libreoffice-calc-nogui) and openpyxl"))))
    func libreOfficeCalculatesAndResavesOurWorkbooks() throws {
        let dir = try temporaryDirectory()
        let template = dir.appendingPathComponent("lai-chau.xlsx"), filled = dir.appendingPathComponent("filled.xlsx")
        let out = dir.appendingPathComponent("out")
        _ = try qcdc(["template", "--format", "xlsx", "--province", "12", "--output", template.path])
        try Self.python("""
        import sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1]); ws = wb.worksheets[0]
        keys = [c.value for c in ws[2]]
        ws.cell(4, keys.index("peoples_inspection_board.members") + 1).value = "=2+1"
        ws.cell(4, keys.index("community_conferences.villages") + 1).value = 12
        wb.save(sys.argv[2])
        """, [template.path, filled.path])
        let uncalculated = try qcdc(["check", "--lang", "en", filled.path])
        #expect(uncalculated.status == 2 && uncalculated.stdout.contains("error[input.xlsx_invalid]: the cell has a formula but no computed value"))
        let soffice = try #require(ExternalTools.libreOffice)
        let profile = "-env:UserInstallation=" + dir.appendingPathComponent("profile").absoluteString
        for (file, filter) in [(filled, "xlsx"), (template, "csv:Text - txt - csv (StarCalc):44,34,76,1")] {
            let run = try runProcess(URL(fileURLWithPath: soffice), [profile, "--headless", "--convert-to", filter, "--outdir", out.path, file.path], timeout: 180)
            #expect(run.status == 0, "\(run.stderr)")
        }
        let json = try qcdc(["check", "--format", "json", out.appendingPathComponent("filled.xlsx").path])
        let doc = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let results = (doc["reports"] as? [[String: Any]])?.first?["results"] as? [[String: Any]] ?? []
        #expect(results.first { $0["rule"] as? String == "TTND-C1" }?["status"] as? String == "fail", "\(json.stdout.prefix(500))")
        let csv = try String(contentsOf: out.appendingPathComponent("lai-chau.csv"), encoding: .utf8)
        // LibreOffice quotes every text cell; the codes keep their leading zeros.
        #expect(csv.hasPrefix("\"#qcdc:wide:1:vn.national\",") && csv.contains("\n\"03388\",\"Phường Đoàn Kết\",\"commune\",\"phuong\",\"12\",2026"), "\(csv.prefix(300))")
        let fromLibreOffice = try qcdc(["check", "--format", "json", out.appendingPathComponent("lai-chau.csv").path])
        #expect(fromLibreOffice.status == 0 && fromLibreOffice.stdout.components(separatedBy: "\"row\":").count - 1 == 38)
        // LibreOffice as the writer of a filled workbook: a filled CSV file imported (the unit
        // columns as text, so codes keep their zeros) and saved as .xlsx gives the CSV's results.
        var rows = Array(try Self.template().prefix(6))
        Self.set(&rows, row: 4, "peoples_inspection_board.members", "3")
        Self.set(&rows, row: 4, "community_conferences.villages", "12")
        Self.set(&rows, row: 5, "staff_conference.date", "26/02/2027")
        let filledCSV = dir.appendingPathComponent("filled-rows.csv")
        try Data(Self.csv(rows).utf8).write(to: filledCSV)
        let imported = try runProcess(URL(fileURLWithPath: soffice), [profile, "--headless", "--infilter=CSV:44,34,76,1,1/2/2/2/3/2/4/2/5/2", "--convert-to", "xlsx",
                                      "--outdir", out.path, filledCSV.path], timeout: 180)
        #expect(imported.status == 0, "\(imported.stderr)")
        let fromCSV = try Self.statuses(filledCSV.path), fromCalc = try Self.statuses(out.appendingPathComponent("filled-rows.xlsx").path)
        #expect(fromCSV.count == 3 && fromCalc == fromCSV)
    }

    /// The scorecard as a workbook: openpyxl finds its sheets, codes as text with their zeros,
    /// scores as numbers with a format, frozen and filtered headers, the long form and the
    /// not-submitted list; LibreOffice converts every sheet without errors, values intact.
    @Test(.enabled(if: ExternalTools.shouldRun(ExternalTools.libreOffice != nil && ExternalTools.python(with: ["openpyxl"]) != nil),
                   Comment(rawValue: ExternalTools.skipReason("LibreOffice (Debian libreoffice-calc-nogui) and openpyxl"))))
    func theScorecardWorkbookOpensInOpenpyxlAndLibreOffice() throws {
        let dir = try temporaryDirectory()
        let book = dir.appendingPathComponent("scorecard.xlsx"), out = dir.appendingPathComponent("out")
        #expect(try qcdc(["scorecard", "--format", "xlsx", "examples/ci/submissions"]).status == 64)     // needs --output
        let r = try qcdc(["scorecard", "--format", "xlsx", "--expect", "province:22", "--output", book.path, "examples/ci/submissions"])
        #expect(r.status == 2)     // one submission is invalid on purpose: listed, the others scored
        try Self.python("""
        import sys, openpyxl
        wb = openpyxl.load_workbook(sys.argv[1])
        assert wb.sheetnames == ["Tổng quan", "Đơn vị", "Quy tắc", "Đơn vị × quy tắc", "Tình hình nộp báo cáo", "Chưa nộp"], wb.sheetnames
        units = wb["Đơn vị"]
        assert units.freeze_panes == "A2" and units.auto_filter.ref.startswith("A1:"), (units.freeze_panes, units.auto_filter.ref)
        codes = [row[1] for row in units.iter_rows(min_row=2, values_only=True)]
        assert "06724" in codes, codes
        row = next(r for r in units.iter_rows(min_row=2) if r[1].value == "06724")
        assert isinstance(row[9].value, (int, float)) and row[9].number_format == "0.0", (row[9].value, row[9].number_format)
        long = wb["Đơn vị × quy tắc"]
        assert long.max_row > 1 + 2 * 50, long.max_row
        missing = [r[0] for r in wb["Chưa nộp"].iter_rows(min_row=2, values_only=True)]
        assert len(missing) > 40 and all(isinstance(c, str) and len(c) == 5 for c in missing), missing[:5]
        """, [book.path])
        let soffice = try #require(ExternalTools.libreOffice)
        let run = try runProcess(URL(fileURLWithPath: soffice), ["-env:UserInstallation=" + dir.appendingPathComponent("profile").absoluteString, "--headless",
                                 "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                                 "--outdir", out.path, book.path], timeout: 180)
        #expect(run.status == 0, "\(run.stderr)")
        let units = try String(contentsOf: out.appendingPathComponent("scorecard-Đơn vị.csv"), encoding: .utf8)
        #expect(units.contains("06724,Xã Hải Sơn,xã,22,22,Tỉnh Quảng Ninh,2026-01-01,2026-12-31,"), "\(units.prefix(400))")
    }

    /// The whole example report of a compliant commune — lists of records included — written by
    /// openpyxl into the workbook template (a sheet per list, records tied to the unit by code)
    /// gives exactly the results of the YAML report; and a finding about a record points at its
    /// cell on the list's sheet.
    @Test(.enabled(if: ExternalTools.shouldRun(ExternalTools.python(with: ["openpyxl", "yaml"]) != nil), Comment(rawValue: ExternalTools.skipReason("openpyxl, PyYAML"))))
    func theCompliantExampleAsAWorkbookGivesItsYAMLResults() throws {
        let dir = try temporaryDirectory()
        let template = dir.appendingPathComponent("t.xlsx"), filled = dir.appendingPathComponent("hiep-thanh.xlsx"), late = dir.appendingPathComponent("late.xlsx")
        #expect(try qcdc(["template", "--format", "xlsx", "--province", "68", "--output", template.path]).status == 0)
        try Self.python("""
        import datetime, sys, yaml, openpyxl
        report = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
        def cell(v):
            if isinstance(v, bool): return "có" if v else "không"
            return v
        def flat(d, prefix=""):
            for k, v in d.items():
                if isinstance(v, dict): yield from flat(v, prefix + k + ".")
                else: yield prefix + k, v
        facts = dict(flat({k: v for k, v in report.items() if k not in ("unit", "period")}))
        for out, late in ((sys.argv[3], False), (sys.argv[4], True)):
            wb = openpyxl.load_workbook(sys.argv[2])
            main = wb.worksheets[0]
            keys = [c.value for c in main[2]]
            # Keep Hiệp Thạnh's row alone, as row 4.
            source = next(r for r in range(4, main.max_row + 1) if main.cell(r, 1).value == "24967")
            for c in range(1, 7): main.cell(4, c).value = main.cell(source, c).value
            main.delete_rows(5, main.max_row)
            for key, value in facts.items():
                if key in keys and not isinstance(value, list): main.cell(4, keys.index(key) + 1).value = cell(value)
            for ws in wb.worksheets[1:]:
                marker = ws["A1"].value or ""
                if not marker.startswith("#qcdc:list:"): continue
                path = marker.split(":", 3)[3]
                records = facts.get(path)
                if records is None: continue
                fields = [c.value for c in ws[2]]
                row = 4
                if not records: ws.cell(row, 1).value = "24967"       # none: the unit's code alone
                for record in records:
                    ws.cell(row, 1).value = "24967"
                    for k, v in record.items():
                        if late and path == "dialogue_conferences.sessions" and k == "results_published": v = datetime.date(2026, 10, 30)
                        ws.cell(row, fields.index(k) + 1).value = cell(v)
                    row += 1
            wb.save(out)
        """, ["examples/commune-compliant-2026.yaml", template.path, filled.path, late.path], modules: ["openpyxl", "yaml"])
        let fromYAML = try Self.statuses("examples/commune-compliant-2026.yaml").first ?? [:], fromWorkbook = try Self.statuses(filled.path).first ?? [:]
        #expect(!fromYAML.isEmpty && fromWorkbook == fromYAML, "\(fromWorkbook.filter { fromYAML[$0.key] != $0.value })")
        #expect(!fromWorkbook.values.contains("fail") && !fromWorkbook.values.contains("missing"))
        // Results published late: the finding is on the sessions' sheet, at the record's cell.
        let text = try qcdc(["check", "--lang", "en", late.path])
        #expect(text.stdout.contains("late.xlsx:'dialogue_conferences.sessions'!"), "\(text.stdout.prefix(1200))")
        #expect(text.stdout.contains("[DIAL-03]"))
    }

    /// One unit's workbook — a sheet per group of facts, a row per fact — filled by openpyxl with
    /// the compliant example report gives exactly the YAML report's results; a wrong figure is
    /// found at its cell on its group's sheet.
    @Test(.enabled(if: ExternalTools.shouldRun(ExternalTools.python(with: ["openpyxl", "yaml"]) != nil), Comment(rawValue: ExternalTools.skipReason("openpyxl, PyYAML"))))
    func oneUnitsWorkbookGivesItsYAMLResults() throws {
        let dir = try temporaryDirectory()
        let template = dir.appendingPathComponent("t.xlsx"), filled = dir.appendingPathComponent("hiep-thanh.xlsx"), wrong = dir.appendingPathComponent("wrong.xlsx")
        #expect(try qcdc(["template", "--format", "xlsx", "--unit", "24967", "--output", template.path]).status == 0)
        let blank = try qcdc(["check", "--format", "json", template.path])
        #expect(blank.status == 0 && !blank.stdout.contains("\"status\":\"fail\""))      // untouched: missing evidence, never a failure
        try Self.python("""
        import sys, yaml, openpyxl
        report = yaml.safe_load(open(sys.argv[1], encoding="utf-8"))
        def cell(v): return ("có" if v else "không") if isinstance(v, bool) else v
        def flat(d, prefix=""):
            for k, v in d.items():
                if isinstance(v, dict): yield from flat(v, prefix + k + ".")
                else: yield prefix + k, v
        facts = dict(flat({k: v for k, v in report.items() if k not in ("unit", "period")}))
        for out, members in ((sys.argv[3], None), (sys.argv[4], 4)):
            wb = openpyxl.load_workbook(sys.argv[2])
            assert [ws.title for ws in wb.worksheets][:2] == ["Đơn vị", "community_conferences"], wb.sheetnames
            for ws in wb.worksheets:
                marker = ws["A1"].value or ""
                if marker.startswith("#qcdc:group:"):
                    for row in ws.iter_rows(min_row=3):
                        key = row[0].value
                        if key in facts and not isinstance(facts[key], list): row[2].value = cell(facts[key])
                        if key == "peoples_inspection_board.members" and members is not None: row[2].value = members
                elif marker.startswith("#qcdc:list:"):
                    records = facts.get(marker.split(":", 3)[3])
                    if records is None: continue
                    fields = [c.value for c in ws[2]]
                    if not records: ws.cell(4, 1).value = "24967"          # none
                    for i, record in enumerate(records):                 # the code may be left blank in one unit's workbook
                        for k, v in record.items(): ws.cell(4 + i, fields.index(k) + 1).value = cell(v)
            wb.save(out)
        """, ["examples/commune-compliant-2026.yaml", template.path, filled.path, wrong.path], modules: ["openpyxl", "yaml"])
        let fromYAML = try Self.statuses("examples/commune-compliant-2026.yaml").first ?? [:], fromWorkbook = try Self.statuses(filled.path).first ?? [:]
        #expect(!fromYAML.isEmpty && fromWorkbook == fromYAML, "\(fromWorkbook.filter { fromYAML[$0.key] != $0.value })")
        let text = try qcdc(["check", "--lang", "en", wrong.path])
        #expect(text.stdout.contains("wrong.xlsx:peoples_inspection_board!C") && text.stdout.contains("error[TTND-C1]"), "\(text.stdout.prefix(800))")
        #expect(text.stdout.hasPrefix("\(wrong.path): Xã Hiệp Thạnh (commune 24967), 2026"))
        // The cell in every format: GitHub's message names it, JUnit's failure too, JSON and SARIF carry the sheet.
        let github = try qcdc(["check", "--format", "github", wrong.path])
        #expect(github.stdout.contains("::peoples_inspection_board!C"), "\(github.stdout.prefix(300))")
        let junit = try qcdc(["check", "--format", "junit", wrong.path])
        #expect(junit.stdout.contains("wrong.xlsx:peoples_inspection_board!C"))
        let markdown = try qcdc(["check", "--format", "markdown", wrong.path])
        #expect(markdown.stdout.contains("wrong.xlsx:peoples_inspection_board!C"))
        let json = try qcdc(["check", "--format", "json", wrong.path])
        #expect(json.stdout.contains("\"sheet\":\"peoples_inspection_board\""))
    }
}
