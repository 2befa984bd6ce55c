import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// The robustness contract, tried as a hostile submitter would: every input gets a located,
/// clear error or a correct result, in bounded time; one bad file never stops the others;
/// nothing outside the requested output is written; nothing from a report injects into output.
///
/// Large inputs are generated at test time. The time limit on each run is a hang detector,
/// not a performance figure (speed is measured by scripts/bench.sh).

/// Three real communes of Lâm Đồng (68), so that reports pass the register check.
let realCommunes = ["24967": "Xã Hiệp Thạnh", "24985": "Xã Ninh Gia", "24988": "Xã Tà Năng"]

/// A small valid commune report that every rule set accepts; `extra` is appended at the end.
/// The unit is real (24967, 24985 or 24988) unless the test makes the code or name otherwise.
func goodReport(code: String = "24967", name: String? = nil, year: Int = 2026, extra: String = "") -> String {
    """
    unit: {code: "\(code)", name: "\(name ?? realCommunes[code] ?? "Xã Thử")", kind: commune, subtype: xa, parent: "68"}
    period: {year: \(year)}
    peoples_inspection_board: {members: 7}
    community_conferences: {villages: 7, held: 7}

    """ + extra
}

/// Writes files into a new temporary directory.
func tree(_ files: [String: String]) throws -> URL {
    let dir = try temporaryDirectory()
    for (name, text) in files {
        let url = dir.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }
    return dir
}

/// The JSON output of a run, or an empty object.
func json(_ r: RunResult) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any]) ?? [:]
}

/// Every diagnostic code in a JSON run (run-level and per report).
func codes(_ doc: [String: Any]) -> [String] {
    var out = ((doc["errors"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String }
    for r in (doc["reports"] as? [[String: Any]]) ?? [] {
        out += ((r["errors"] as? [[String: Any]]) ?? []).compactMap { $0["code"] as? String }
    }
    return out
}

/// The report entry for `file` in a JSON run.
func report(_ doc: [String: Any], endingWith file: String) -> [String: Any]? {
    ((doc["reports"] as? [[String: Any]]) ?? []).first { ($0["file"] as? String)?.hasSuffix(file) == true }
}

/// True when the good report in the batch was evaluated (it has results).
func evaluated(_ doc: [String: Any], _ file: String) -> Bool {
    ((report(doc, endingWith: file)?["results"] as? [Any])?.count ?? 0) > 0
}

@Suite("Hostile input: hangs")
struct HangTests {
    @Test func farFuturePeriodEndIsAnErrorNotALoop() throws {
        let dir = try tree(["a.yaml": goodReport().replacingOccurrences(of: "period: {year: 2026}", with: "period: {from: 2026-01-01, to: 9999-12-01}"),
                            "b.yaml": goodReport(code: "24985")])
        let r = try qcdc(["check", "--format", "json", dir.path], timeout: 60)
        #expect(!r.timedOut)
        #expect(r.status == 2)
        #expect(codes(json(r)).contains("report.invalid_period"))
        #expect(evaluated(json(r), "b.yaml"))
    }

    @Test(arguments: ["list", "mapping"])
    func hugeIgnoredCollectionsAreLinear(_ shape: String) throws {
        var big = shape == "list" ? "ignored_list:\n" : "ignored_map:\n"
        big.reserveCapacity(6_000_000)
        let n = shape == "list" ? 1_000_000 : 300_000
        for i in 0..<n { big += shape == "list" ? "  - \(i % 10)\n" : "  k\(i): 1\n" }
        let dir = try tree(["a.yaml": goodReport(extra: big), "b.yaml": goodReport(code: "24985")])
        let r = try qcdc(["check", "--format", "json", dir.path], timeout: 90)
        #expect(!r.timedOut, "took \(r.seconds) s")
        #expect(evaluated(json(r), "a.yaml") && evaluated(json(r), "b.yaml"))
    }

    @Test func manyUnknownKeysAreCappedAndFast() throws {
        var big = ""
        for i in 0..<300_000 { big += "unknown_key_\(i): 1\n" }
        let dir = try tree(["a.yaml": goodReport(extra: big)])
        let r = try qcdc(["check", "--format", "json", dir.appendingPathComponent("a.yaml").path], timeout: 90)
        #expect(!r.timedOut, "took \(r.seconds) s")
        let errors = (report(json(r), endingWith: "a.yaml")?["errors"] as? [[String: Any]]) ?? []
        #expect(errors.count <= 201, "diagnostics are capped per report: \(errors.count)")
        #expect(errors.contains { ($0["message"] as? String)?.contains("299") == true || ($0["code"] as? String) == "report.diagnostics_capped" })
    }

    @Test func sixteenThousandUndatedCasesAreLinear() throws {
        var cases: [String] = []
        for i in 0..<16_000 { cases.append("{\"id\": \"KN-\(i)\", \"round\": \"first\", \"received\": \"2026-03-02\"}") }
        let doc = "{\"unit\": {\"code\": \"24967\", \"name\": \"Xã Hiệp Thạnh\", \"kind\": \"commune\"}, \"period\": {\"year\": 2026}, "
            + "\"complaints\": {\"cases\": [\(cases.joined(separator: ","))]}}"
        let dir = try tree(["a.json": doc])
        let r = try qcdc(["check", "--format", "json", dir.appendingPathComponent("a.json").path], timeout: 90)
        #expect(!r.timedOut, "took \(r.seconds) s")
        #expect(evaluated(json(r), "a.json"))
    }

    /// A rule-set overlay with a three-deep comprehension over 1,000 cases: the evaluation
    /// budget stops it with status `error`, and the other reports are still checked.
    @Test func expensiveRuleHitsTheEvaluationBudget() throws {
        let overlay = """
        id: test.expensive
        version: "1"
        title: {vi: "Thử", en: "Test"}
        extends: [vn.national]
        rules:
          - id: X-CUBE
            title: {vi: "Khối", en: "Cube"}
            basis: [{kind: law, strength: unverified, document: "10/2022/QH15"}]
            applies_to: [commune]
            severity: info
            category: accountability
            expect: 'count(a in complaints.cases where count(b in complaints.cases where count(c in complaints.cases where c.received == b.received) > 0) > 0) >= 0'
            message: {vi: "x", en: "x"}
            examples: [{status: missing, report: {}}]
          - id: Y-AFTER
            title: {vi: "Sau", en: "After"}
            basis: [{kind: law, strength: unverified, document: "10/2022/QH15"}]
            applies_to: [commune]
            severity: info
            category: accountability
            expect: 'count(a in complaints.cases where a.received == a.received) >= 1'
            message: {vi: "x", en: "x"}
            examples: [{status: missing, report: {}}]

        """
        var cases = ""
        for i in 0..<1000 { cases += "    - {id: K\(i), round: first, received: 2026-03-02}\n" }
        let dir = try tree(["rules.yaml": overlay, "r/a.yaml": goodReport(extra: "complaints:\n  cases:\n" + cases),
                            "r/b.yaml": goodReport(code: "24985")])
        let r = try qcdc(["check", "--lang", "en", "--rules", dir.appendingPathComponent("rules.yaml").path, "--format", "json",
                          dir.appendingPathComponent("r").path], timeout: 120)
        #expect(!r.timedOut, "took \(r.seconds) s")
        let results = (report(json(r), endingWith: "a.yaml")?["results"] as? [[String: Any]]) ?? []
        let cube = results.first { $0["rule"] as? String == "X-CUBE" }
        #expect(cube?["status"] as? String == "error")
        #expect((cube?["reason"] as? String)?.contains("budget") == true || (cube?["message"] as? String)?.contains("budget") == true)
        // The next rule on the same report starts with a whole budget of its own.
        #expect(results.first { $0["rule"] as? String == "Y-AFTER" }?["status"] as? String == "pass")
        #expect(evaluated(json(r), "b.yaml"))
    }
}

@Suite("Hostile input: crashes")
struct CrashTests {
    static func overlay(expect: String) -> String {
        """
        id: test.deep
        version: "1"
        title: {vi: "Thử", en: "Test"}
        extends: [vn.national]
        rules:
          - id: X-DEEP
            title: {vi: "Sâu", en: "Deep"}
            basis: [{kind: law, strength: unverified, document: "10/2022/QH15"}]
            applies_to: [commune]
            severity: info
            category: accountability
            expect: '\(expect)'
            message: {vi: "x", en: "x"}
            examples: [{status: pass, report: {}}]

        """
    }

    @Test(arguments: ["parens", "not", "sum", "negate", "list"])
    func deepOrHugeExpressionsAreErrors(_ shape: String) throws {
        let n = 10_000
        let e: String
        switch shape {
        case "parens": e = String(repeating: "(", count: n) + "true" + String(repeating: ")", count: n)
        case "not": e = String(repeating: "not ", count: n) + "true"
        case "sum": e = (0..<n).map { _ in "1" }.joined(separator: " + ") + " > 0"
        case "negate": e = String(repeating: "-", count: n) + "1 < 0"
        default: e = "1 in [" + (0..<n).map(String.init).joined(separator: ", ") + "]"
        }
        let r = try Self.check(expect: e)
        #expect(r.stdout.contains("expression.too_deep") || r.stdout.contains("expression.too_large"), "\(r.stdout.prefix(800))")
    }

    /// `qcdc check` of a good report with a rule set that adds one rule expecting `expect`:
    /// finished in time and exit 2.
    static func check(expect: String) throws -> RunResult {
        let dir = try tree(["rules.yaml": Self.overlay(expect: expect), "a.yaml": goodReport()])
        let r = try qcdc(["check", "--rules", dir.appendingPathComponent("rules.yaml").path, dir.appendingPathComponent("a.yaml").path],
                         timeout: 60)
        #expect(!r.timedOut)
        #expect(r.status == 2, "exit \(r.status): \(r.stderr.suffix(500))")
        return r
    }

    /// A rule whose condition calls a function with the wrong number of arguments is a type
    /// error (exit 2), not a crash while the rule set is compiled (found by FuzzExpressions).
    @Test(arguments: ["if(true)", "if(exists(complaints.cases, 1, 2))", "exists() and true"])
    func callsWithTheWrongArgumentsAreErrors(_ expect: String) throws {
        let r = try Self.check(expect: expect)
        #expect(r.stdout.contains("expression.type"), "\(r.stdout.prefix(800))")
    }

    /// A directory qcdc may not list is an error (exit 2) naming it, and the reports beside it
    /// are still checked: never a silent gap in what was checked.
    @Test(.enabled(if: geteuid() != 0 || rootCanDropCapabilities))
    func unreadableDirectoryIsAnError() throws {
        let dir = try tree(["r/a.yaml": goodReport(), "r/locked/b.yaml": goodReport(code: "24985")])
        let reports = dir.appendingPathComponent("r").path, locked = reports + "/locked"
        chmod(locked, 0o000)
        defer { chmod(locked, 0o755) }
        let r = try qcdcWithoutPrivileges(["check", reports])
        #expect(r.status == 2, "exit \(r.status): \(r.stdout) \(r.stderr)")
        #expect(r.stdout.contains(locked + ":1:1: lỗi[input.unreadable]"), "\(r.stdout)")
        #expect(r.stdout.contains(reports + "/a.yaml: Xã Hiệp Thạnh"), "\(r.stdout)")
        #expect(!r.stdout.contains("b.yaml"))
        // A file named inside it cannot even be looked at: not "no such file", which would
        // send the user looking for a typo.
        let named = try qcdcWithoutPrivileges(["check", locked + "/b.yaml"])
        #expect(named.status == 2)
        #expect(named.stdout.contains(locked + "/b.yaml:1:1: lỗi[input.unreadable]: không có quyền đọc"), "\(named.stdout)")
        #expect(!named.stdout.contains("input.not_found"), "\(named.stdout)")
    }

    /// qcdc as a user whom permissions bind. Root may read anything, so as root qcdc keeps its
    /// user id but runs without capabilities (`setpriv`): a mode-000 directory root owns is then
    /// closed to it, wherever the temporary directory is (an earlier version ran it as `nobody`,
    /// who could not reach a temporary directory under /root).
    private static let rootCanDropCapabilities: Bool =
        (try? runProcess(URL(fileURLWithPath: "/usr/bin/setpriv"), ["--inh-caps=-all", "--bounding-set=-all", "/bin/true"],
                         timeout: 30).status) == 0

    private func qcdcWithoutPrivileges(_ arguments: [String]) throws -> RunResult {
        guard geteuid() == 0 else { return try qcdc(arguments, timeout: 60) }
        return try runProcess(URL(fileURLWithPath: "/usr/bin/setpriv"),
                              ["--inh-caps=-all", "--bounding-set=-all", qcdcBinary.path] + arguments,
                              directory: packageRoot, environment: ["NO_COLOR": "1"], timeout: 60)
    }

    @Test func endlessStandardInputIsBounded() throws {
        let r = try qcdc(["check", "-"], input: .stream(byte: UInt8(ascii: "a"), count: Int.max), timeout: 60)
        #expect(!r.timedOut)
        #expect(r.status == 2)
        #expect(r.stdout.contains("input.too_large"), "\(r.stdout.prefix(500)) \(r.stderr.prefix(500))")
    }

    @Test(.enabled(if: ProcessInfo.processInfo.environment["QCDC_BINARY"] == nil))
    func fullDiskIsOneClearLine() throws {
        let r = try qcdc(["check", "--format", "json", "--output", "/dev/full", "examples/commune-compliant-2026.yaml"], timeout: 60)
        #expect(r.status == 2)
        #expect(r.stderr.contains("output.write_failed"), "\(r.stderr)")
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Stack dump"))
    }

    @Test func closedStandardOutputIsExit2NotATrap() throws {
        // `qcdc … | head -c 0`: the reader is gone before qcdc writes.
        let r = try runProcess(URL(fileURLWithPath: "/bin/sh"),
                               ["-c", "'\(qcdcBinary.path)' check --all examples/ 2>err.txt | true; echo $? > /dev/null; cat err.txt; rm -f err.txt"],
                               directory: try copyOfExamples(), timeout: 60)
        #expect(!r.stdout.contains("Fatal error") && !r.stdout.contains("Stack dump"), "\(r.stdout)")
        let direct = try runProcess(URL(fileURLWithPath: "/bin/sh"),
                                    ["-c", "exec 1>&-; '\(qcdcBinary.path)' check examples/commune-compliant-2026.yaml; echo \"exit $?\" >&2"],
                                    directory: packageRoot, timeout: 60)
        #expect(direct.stderr.contains("exit 2"), "\(direct.stderr)")
        #expect(direct.stderr.contains("output.write_failed"), "\(direct.stderr)")
        #expect(!direct.stderr.contains("Fatal error"), "\(direct.stderr)")
    }
}

/// A copy of examples/ (commands that may write next to their inputs run there).
func copyOfExamples() throws -> URL {
    let dir = try temporaryDirectory()
    try FileManager.default.copyItem(at: packageRoot.appendingPathComponent("examples"), to: dir.appendingPathComponent("examples"))
    return dir
}

@Suite("Hostile input: outputs are never destroyed")
struct OutputSafetyTests {
    /// Run only against this package's own build: an old binary would replace /dev/null.
    @Test(.enabled(if: ProcessInfo.processInfo.environment["QCDC_BINARY"] == nil))
    func devNullStaysADevice() throws {
        let r = try qcdc(["check", "--format", "json", "--output", "/dev/null", "examples/commune-compliant-2026.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        var st = stat()
        #expect(stat("/dev/null", &st) == 0 && (st.st_mode & S_IFMT) == S_IFCHR)
    }

    @Test func fifoIsWrittenIntoNotReplaced() throws {
        let dir = try temporaryDirectory()
        let fifo = dir.appendingPathComponent("out.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let reader = try runProcess(URL(fileURLWithPath: "/bin/sh"),
                                    ["-c", "timeout 30 cat '\(fifo)' & '\(qcdcBinary.path)' check --format json --output '\(fifo)' examples/commune-compliant-2026.yaml; wait"],
                                    directory: packageRoot, timeout: 60)
        #expect(reader.stdout.contains("\"schema_version\""))
        var st = stat()
        #expect(lstat(fifo, &st) == 0 && (st.st_mode & S_IFMT) == S_IFIFO)
    }

    @Test func standardOutputByName() throws {
        let r = try qcdc(["check", "--format", "json", "--output", "/dev/stdout", "examples/commune-compliant-2026.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("\"schema_version\""))
    }

    @Test func symlinkTargetIsRefusedAndLeftIntact() throws {
        let dir = try tree(["victim.txt": "keep me\n"])
        let link = dir.appendingPathComponent("out.json").path
        #expect(symlink(dir.appendingPathComponent("victim.txt").path, link) == 0)
        let r = try qcdc(["check", "--format", "json", "--output", link, "examples/commune-compliant-2026.yaml"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("output.symlink"), "\(r.stderr)")
        #expect(try String(contentsOf: dir.appendingPathComponent("victim.txt"), encoding: .utf8) == "keep me\n")
        var st = stat()
        #expect(lstat(link, &st) == 0 && (st.st_mode & S_IFMT) == S_IFLNK)
    }

    @Test func outputThatIsAnInputIsRefusedBeforeAnyWork() throws {
        let dir = try tree(["r.yaml": goodReport()])
        let path = dir.appendingPathComponent("r.yaml").path
        let r = try qcdc(["check", "--format", "json", "--output", path, path])
        #expect(r.status == 2)
        #expect(r.stderr.contains("output.is_input"), "\(r.stderr)")
        #expect(try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8) == goodReport())
        // Also when the input is found by walking a directory, and for scorecard.
        let s = try qcdc(["scorecard", "--format", "json", "--output", path, dir.path])
        #expect(s.status == 2 && s.stderr.contains("output.is_input"), "\(s.stderr)")
    }

    @Test func directoryTargetIsRefused() throws {
        let dir = try temporaryDirectory()
        let r = try qcdc(["check", "--format", "json", "--output", dir.path, "examples/commune-compliant-2026.yaml"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("output.is_directory"), "\(r.stderr)")
    }

    @Test func permissionsAreKeptAndNoTemporaryFileIsLeft() throws {
        let dir = try tree(["out.json": "old\n"])
        let out = dir.appendingPathComponent("out.json").path
        #expect(chmod(out, 0o600) == 0)
        let r = try qcdc(["check", "--format", "json", "--output", out, "examples/commune-compliant-2026.yaml"])
        #expect(r.status == 0, "\(r.stderr)")
        var st = stat()
        #expect(stat(out, &st) == 0 && st.st_mode & 0o777 == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.json"])
    }

    @Test func signalRemovesTheTemporaryFile() throws {
        let dir = try temporaryDirectory()
        let out = dir.appendingPathComponent("out.json").path
        // qcdc waits on standard input (kept open) after preparing its output; SIGTERM then.
        let r = try qcdc(["check", "--format", "json", "--output", out, "-"], input: .open, timeout: 60) { pid in
            DispatchQueue.global().asyncAfter(deadline: .now() + 1.5) { kill(pid, SIGTERM) }
        }
        #expect(!r.timedOut)
        #expect(r.status != 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func missingParentDirectoryIsAClearError() throws {
        let r = try qcdc(["check", "--format", "json", "--output", "/nonexistent-dir/out.json", "examples/commune-compliant-2026.yaml"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("output.") && r.stderr.contains("/nonexistent-dir"), "\(r.stderr)")
    }
}

@Suite("Hostile input: nothing injects into outputs")
struct InjectionTests {
    static let evilName = "Xã A\r\n| forged | row |\n## Heading\n::error file=x::forged\n::add-mask::secret\n##[add-mask]secret2\n  ::warning::indented\n\u{1B}[31mred\u{1B}[0m @octocat [x](https://evil.example) ![i](https://evil.example/i.png) <b>b</b>"

    static func evilDir() throws -> URL {
        try tree(["a.yaml": goodReport(name: "\(evilName.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"").replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\u{1B}", with: "\\e"))",
                                       extra: "dialogue_conferences: {sessions: []}\n")])
    }

    @Test func textHasNoRawControlsOrWorkflowCommands() throws {
        let r = try qcdc(["check", try Self.evilDir().path])
        #expect(!r.stdout.unicodeScalars.contains { $0.value == 0x1B || $0 == "\r" })
        for line in r.stdout.split(separator: "\n") {
            #expect(!line.trimmingCharacters(in: .whitespaces).hasPrefix("::"), "a line GitHub would run: \(line)")
        }
        #expect(r.stdout.contains("\\n") || r.stdout.contains("␊"))
        #expect(!r.stdout.contains("##["))
    }

    @Test func annotationsEscapeData() throws {
        let r = try qcdc(["check", "--format", "github", try Self.evilDir().path])
        for line in r.stdout.split(separator: "\n") {
            #expect(line.hasPrefix("::error ") || line.hasPrefix("::warning ") || line.hasPrefix("::notice "), "\(line)")
        }
        // Mid-line `::` is inert (a command must start its line); the legacy `##[` marker is not.
        #expect(!r.stdout.contains("##["))
        #expect(!r.stdout.unicodeScalars.contains { $0.value == 0x1B })
    }

    @Test func markdownCannotForgeRowsMentionsOrLinks() throws {
        let r = try qcdc(["check", "--format", "markdown", try Self.evilDir().path])
        #expect(!r.stdout.contains("\n| forged |"))
        #expect(!r.stdout.contains("\n## Heading"))
        #expect(!r.stdout.contains("@octocat"), "a live mention")
        #expect(!r.stdout.contains("](https://evil"), "a live link or image")
        #expect(!r.stdout.contains("<b>"))
        #expect(!r.stdout.unicodeScalars.contains { $0.value == 0x1B })
    }

    @Test func structuredFormatsStayParseable() throws {
        let dir = try Self.evilDir()
        let j = try qcdc(["check", "--format", "json", dir.path])
        #expect(json(j)["reports"] != nil)
        let s = try qcdc(["check", "--format", "sarif", dir.path])
        #expect((try? JSONSerialization.jsonObject(with: Data(s.stdout.utf8))) != nil)
        let x = try qcdc(["check", "--format", "junit", dir.path])
        #expect(!x.stdout.unicodeScalars.contains { $0.value == 0x1B })
        #expect(XMLParser(data: Data(x.stdout.utf8)).parse())
    }

    @Test func invisibleCharactersInCodesAreErrorsAndInNamesWarnings() throws {
        let dir = try tree(["a.yaml": goodReport(code: "\u{202E}24967"), "b.yaml": goodReport(code: "24985", name: "Xã\u{200B}Thử"),
                            "c.yaml": goodReport(code: "24988").replacingOccurrences(of: "parent: \"68\"", with: "parent: \"6\u{200D}8\"")])
        let r = try qcdc(["check", "--format", "json", dir.path])
        let doc = json(r)
        #expect(r.status == 2)
        let a = (report(doc, endingWith: "a.yaml")?["errors"] as? [[String: Any]]) ?? []
        #expect(a.contains { $0["code"] as? String == "report.invisible_character" && $0["severity"] as? String == "error" })
        let c = (report(doc, endingWith: "c.yaml")?["errors"] as? [[String: Any]]) ?? []
        #expect(c.contains { $0["code"] as? String == "report.invisible_character" && $0["severity"] as? String == "error" })
        let b = (report(doc, endingWith: "b.yaml")?["errors"] as? [[String: Any]]) ?? []
        #expect(b.contains { $0["code"] as? String == "report.invisible_character" && $0["severity"] as? String == "warning" })
        #expect(evaluated(doc, "b.yaml"))
        let text = try qcdc(["check", dir.appendingPathComponent("b.yaml").path])
        #expect(text.stdout.contains("<U+200B>"), "\(text.stdout)")
    }

    @Test func fileNamesCannotStartAWorkflowCommand() throws {
        let dir = try tree(["::error::x.yaml": goodReport()])
        let r = try qcdc(["check", "::error::x.yaml"], directory: dir)
        for line in r.stdout.split(separator: "\n") {
            #expect(!line.hasPrefix("::"), "\(line)")
        }
    }
}

@Suite("Hostile input: gate holes")
struct GateHoleTests {
    @Test func periodsBefore1990AreRejectedLikeYears() throws {
        let dir = try tree(["a.yaml": goodReport().replacingOccurrences(of: "period: {year: 2026}", with: "period: {from: 1900-01-01, to: 1900-12-31}")])
        let r = try qcdc(["check", "--format", "json", dir.path])
        #expect(r.status == 2)
        #expect(codes(json(r)).contains("report.invalid_period"))
    }

    @Test func aFiveYearPeriodDoesNotPassYearlyDutiesWithOneEvent() throws {
        let text = goodReport().replacingOccurrences(of: "period: {year: 2026}", with: "period: {from: 2026-01-01, to: 2030-12-31}")
            + "dialogue_conferences:\n  sessions:\n    - {date: 2026-09-15, announced: 2026-09-05, results_published: 2026-09-22}\n"
        let dir = try tree(["a.yaml": text])
        let r = try qcdc(["check", "--format", "json", dir.path])
        let results = (report(json(r), endingWith: "a.yaml")?["results"] as? [[String: Any]]) ?? []
        let dial = results.first { $0["rule"] as? String == "DIAL-01" }
        #expect(dial?["status"] as? String == "fail", "\(String(describing: dial))")
        #expect(r.status == 1)
    }

    @Test func factsWithoutUnitAreNotSkippedAsARuleSet() throws {
        let dir = try tree(["a.yaml": "period: {year: 2026}\nfacts: {x: 1}\npeoples_inspection_board: {members: 1}\n"])
        let r = try qcdc(["check", dir.path])
        #expect(r.status == 2, "\(r.stdout)")
        #expect(r.stdout.contains("report.missing_unit"), "\(r.stdout)")
    }

    @Test(arguments: ["check", "scorecard"])
    func anEmptyFolderIsAnError(_ command: String) throws {
        let dir = try temporaryDirectory()
        let r = try qcdc([command, dir.path])
        #expect(r.status == 2)
        #expect((r.stdout + r.stderr).contains("input.no_reports"), "\(r.stdout) \(r.stderr)")
    }

    @Test func twoReportsForTheSameUnitAndPeriodAreAnError() throws {
        let dir = try tree(["a.yaml": goodReport(), "b.yaml": goodReport()])
        let r = try qcdc(["check", "--format", "json", dir.path])
        #expect(r.status == 2)
        let b = (report(json(r), endingWith: "b.yaml")?["errors"] as? [[String: Any]]) ?? []
        let dup = b.first { $0["code"] as? String == "report.duplicate_report" }
        #expect((dup?["message"] as? String)?.contains("a.yaml") == true, "\(b)")
    }

    @Test func nestedAndDottedKeysForOneFactAreAnError() throws {
        let dir = try tree(["a.yaml": goodReport(extra: "peoples_inspection_board.members: 3\n")])
        let r = try qcdc(["check", "--format", "json", dir.path])
        #expect(r.status == 2)
        #expect(codes(json(r)).contains("report.duplicate_fact"), "\(codes(json(r)))")
    }

    @Test(arguments: ["-5", "1e308", ".nan", "1001"])
    func absurdWeightsAreRejected(_ weight: String) throws {
        let overlay = """
        id: test.weights
        version: "1"
        title: {vi: "Thử", en: "Test"}
        extends: [vn.national]
        overrides:
          - {rule: TTND-C1, weight: \(weight), reason: test}

        """
        let dir = try tree(["rules.yaml": overlay])
        let r = try qcdc(["check", "--rules", dir.appendingPathComponent("rules.yaml").path, "examples/commune-compliant-2026.yaml"])
        #expect(r.status == 2)
        #expect(r.stdout.contains("ruleset.invalid_value") || r.stdout.contains("ruleset.type_mismatch"), "\(r.stdout)")
    }

    @Test func baselineEntriesAreValidated() throws {
        let baseline = """
        {"qcdc_baseline": 1, "findings": [
          {"rule": "NO-SUCH-RULE", "unit": "00001", "period": "2026-01-01..2026-12-31", "status": "fail"},
          {"rule": "TTND-C1", "unit": "00001", "period": "2026-01-01..2026-12-31", "status": "whatever"},
          {"rule": "TTND-C1", "unit": "00001", "period": "someday", "status": "fail"}
        ]}
        """
        let dir = try tree(["b.json": baseline])
        let r = try qcdc(["check", "--format", "json", "--baseline", dir.appendingPathComponent("b.json").path,
                          "examples/commune-compliant-2026.yaml"])
        #expect(r.status == 2)
        let c = codes(json(r))
        #expect(c.contains("baseline.unknown_rule") && c.contains("baseline.invalid_value"), "\(c)")
        #expect(!c.contains { $0.hasPrefix("ruleset.") || $0.hasPrefix("report.") }, "\(c)")
    }

    @Test func waiversCannotWaiveEverything() throws {
        let waivers = """
        waivers:
          - rule: "*"
            unit: "*"
            period: {year: 2026}
            justification: "\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}\u{200B}"
            approved_by: someone
            expires: 9999-12-31

        """
        let dir = try tree(["w.yaml": waivers])
        let r = try qcdc(["check", "--format", "json", "--waivers", dir.appendingPathComponent("w.yaml").path,
                          "examples/commune-noncompliant-2026.yaml"])
        #expect(r.status == 2)
        let c = codes(json(r))
        #expect(c.contains("waiver.too_broad"), "\(c)")
        #expect(c.contains("waiver.invalid_value"), "\(c)")
        #expect(!c.contains { $0.hasPrefix("ruleset.") || $0.hasPrefix("report.") }, "\(c)")
    }

    @Test func strictMakesATypoFailTheGate() throws {
        let dir = try tree(["a.yaml": goodReport(extra: "peoples_inspection_board_x: {memebrs: 7}\n")])
        let lax = try qcdc(["check", "--fail-on", "warning", dir.path])
        #expect(lax.stdout.contains("report.unknown_field"))
        let strict = try qcdc(["check", "--strict", dir.path])
        #expect(strict.status == 2, "\(strict.stdout)")
        #expect(strict.stdout.contains("lỗi[report.unknown_field]"), "\(strict.stdout)")
        #expect(strict.stdout.contains("ghi chú: là lỗi vì dùng --strict"), "\(strict.stdout)")
    }
}

@Suite("Hostile input: clear messages")
struct MessageTests {
    func check(_ text: String, name: String = "a.yaml") throws -> RunResult {
        let dir = try tree([name: text])
        return try qcdc(["check", "--lang", "en", dir.appendingPathComponent(name).path])
    }

    @Test func mergeKeys() throws {
        let r = try check("base: &b {members: 7}\n" + goodReport() + "peoples_inspection_board2:\n  <<: *b\n")
        #expect(r.stdout.contains("input.merge_key") && r.stdout.contains("<<"), "\(r.stdout)")
    }

    @Test func taggedStringWhereABooleanIsDeclared() throws {
        let r = try check(goodReport(extra: "one_stop: {pa_service_centre: !!str true}\n"))
        #expect(r.stdout.contains("!!str"), "\(r.stdout)")
    }

    @Test func integerTooLarge() throws {
        let r = try check(goodReport().replacingOccurrences(of: "members: 7", with: "members: 9223372036854775808"))
        #expect(r.stdout.contains("too large"), "\(r.stdout)")
    }

    @Test func emptyFileAndEmptyStandardInput() throws {
        let r = try check("")
        #expect(r.stdout.contains("input.empty") && r.stdout.contains("empty"), "\(r.stdout)")
        let s = try qcdc(["check", "--lang", "en", "-"], stdin: "")
        #expect(s.stdout.contains("input.empty"), "\(s.stdout)")
    }

    @Test func tabIndentation() throws {
        let r = try check("unit:\n\tcode: \"1\"\n")
        let error = r.stdout.split(separator: "\n").first { $0.contains("error[") } ?? ""
        #expect(error.contains("tab"), "\(r.stdout)")
        #expect(!error.contains("cannot start any token"), "\(r.stdout)")
    }

    @Test func badIndentation() throws {
        let r = try check("unit:\n  code: \"1\"\n   name: x\n")
        #expect(r.stdout.contains("indent"), "\(r.stdout)")
    }

    @Test func utf32IsNamedAsSuch() throws {
        let dir = try temporaryDirectory()
        let f = dir.appendingPathComponent("a.yaml")
        try Data([0xFF, 0xFE, 0, 0] + Array("u".utf8).flatMap { [$0, 0, 0, 0] }).write(to: f)
        let r = try qcdc(["check", "--lang", "en", f.path])
        #expect(r.stdout.contains("UTF-32"), "\(r.stdout)")
    }

    @Test func hugeFileIsRejectedWithoutReadingIt() throws {
        let dir = try temporaryDirectory()
        let f = dir.appendingPathComponent("big.yaml")
        #expect(FileManager.default.createFile(atPath: f.path, contents: nil))
        #expect(truncate(f.path, 200 << 20) == 0)
        let r = try qcdc(["check", "--lang", "en", f.path], timeout: 30)
        #expect(r.stdout.contains("input.too_large"), "\(r.stdout)")
    }

    @Test func directoryDeviceAndFifoGivenAsWaivers() throws {
        let dir = try temporaryDirectory()
        let d = try qcdc(["check", "--lang", "en", "--waivers", dir.path, "examples/commune-compliant-2026.yaml"])
        #expect(d.status == 2 && (d.stdout + d.stderr).contains("directory"), "\(d.stdout + d.stderr)")
        #expect(!(d.stdout + d.stderr).contains("permissions"))
        let z = try qcdc(["check", "--lang", "en", "--waivers", "/dev/zero", "examples/commune-compliant-2026.yaml"], timeout: 30)
        #expect(z.status == 2 && !z.timedOut, "\(z.stdout + z.stderr)")
        #expect(!(z.stdout + z.stderr).contains("permissions"))
    }
}
