import Foundation
import Testing

/// The Python with the schema validators and junitparser, if there is one.
private let validators = ExternalTools.python(with: ["jsonschema", "junitparser"])

/// CI outputs at scale: SARIF fingerprints and %SRCROOT%, GitLab Code Quality, GitHub's caps and
/// job summary, JUnit's gate, and the recipe on files named the way people name them.
@Suite("CI outputs that scale")
struct CIOutputTests {
    let noncompliant = "examples/commune-noncompliant-2026.yaml"

    func json(_ text: String) throws -> Any { try JSONSerialization.jsonObject(with: Data(text.utf8)) }

    func sarifResults(_ args: [String], directory: URL = packageRoot) throws -> (run: [String: Any], results: [[String: Any]]) {
        let r = try qcdc(["check", "--format", "sarif"] + args, directory: directory)
        let doc = try #require(try json(r.stdout) as? [String: Any], "\(r.stderr)")
        let run = try #require((doc["runs"] as? [[String: Any]])?.first)
        return (run, try #require(run["results"] as? [[String: Any]]))
    }

    static func artifact(_ result: [String: Any]) -> [String: Any]? {
        ((result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any])?["artifactLocation"] as? [String: Any]
    }

    @Test func sarifFingerprintsAndSourceRoot() throws {
        let (run, results) = try sarifResults([noncompliant])
        // Paths relative to %SRCROOT%, the repository's root, which the run declares.
        let bases = try #require(run["originalUriBaseIds"] as? [String: Any])
        let root = try #require((bases["%SRCROOT%"] as? [String: Any])?["uri"] as? String)
        #expect(root.hasPrefix("file:///") && root.hasSuffix("/"))
        let ttnd = try #require(results.first { $0["ruleId"] as? String == "TTND-C1" })
        #expect(Self.artifact(ttnd)?["uri"] as? String == noncompliant)
        #expect(Self.artifact(ttnd)?["uriBaseId"] as? String == "%SRCROOT%")
        // From a subdirectory, the same path: it is the repository's, not the working directory's.
        let (_, fromSub) = try sarifResults(["../" + noncompliant], directory: packageRoot.appendingPathComponent("docs"))
        #expect(Self.artifact(try #require(fromSub.first { $0["ruleId"] as? String == "TTND-C1" }))?["uri"] as? String == noncompliant)
        // Fingerprints: the baseline identity, unchanged when the report's lines move.
        let fingerprint = try #require((ttnd["partialFingerprints"] as? [String: String])?["qcdc/v1"])
        let dir = try temporaryDirectory()
        let moved = dir.appendingPathComponent("moved.yaml")
        let text = try String(contentsOf: packageRoot.appendingPathComponent(noncompliant), encoding: .utf8)
        try ("# a comment\n# and another\n" + text).write(to: moved, atomically: true, encoding: .utf8)
        let (_, again) = try sarifResults([moved.path])
        let ttnd2 = try #require(again.first { $0["ruleId"] as? String == "TTND-C1" })
        #expect((ttnd2["partialFingerprints"] as? [String: String])?["qcdc/v1"] == fingerprint)
        let fingerprints = results.compactMap { ($0["partialFingerprints"] as? [String: String])?["qcdc/v1"] }
        #expect(fingerprints.count == results.count && Set(fingerprints).count == fingerprints.count)
        // Missing evidence: level none for review; --omit-missing leaves it out; a gate counting it makes it an error.
        #expect(results.contains { $0["ruleId"] as? String == "HG-01" && $0["level"] as? String == "none" && $0["kind"] as? String == "review" })
        let (_, omitted) = try sarifResults(["--omit-missing", noncompliant])
        #expect(!omitted.contains { $0["ruleId"] as? String == "HG-01" } && omitted.contains { $0["ruleId"] as? String == "TTND-C1" })
        let (_, gated) = try sarifResults(["--omit-missing", "--fail-on-missing", noncompliant])
        #expect(gated.contains { $0["ruleId"] as? String == "HG-01" && $0["level"] as? String == "error" })
    }

    @Test(.enabled(if: ExternalTools.shouldRun(validators != nil), Comment(rawValue: ExternalTools.skipReason("Python jsonschema and junitparser"))))
    func sarifAndGitLabPassTheirSchemas() throws {
        let out = try temporaryDirectory()
        let sarif = out.appendingPathComponent("q.sarif").path, gitlab = out.appendingPathComponent("gl.json").path
        let junit = out.appendingPathComponent("q.xml").path
        let r = try qcdc(["check", "--no-register", "-f", "sarif", "-o", sarif, "-f", "gitlab", "-o", gitlab, "-f", "junit", "-o", junit,
                          "examples/"])
        #expect(r.status == 2, "examples/ci holds an invalid report")
        let v = try python(validators, ["scripts/validate-ci-formats.py",
                                        "--sarif", sarif, "Tests/qcdcTests/Schemas/sarif-schema-2.1.0.json",
                                        "--gitlab", gitlab, "Tests/qcdcTests/Schemas/gitlab-codequality.schema.json",
                                        "--junit", junit])
        #expect(v.status == 0, "\(v.stdout)\(v.stderr)")
        #expect(v.stdout.contains("SARIF valid") && v.stdout.contains("GitLab valid") && v.stdout.contains("JUnit valid"), "\(v.stdout)")
        // The validator can fail: an issue without a fingerprint, or two sharing one.
        let broken = out.appendingPathComponent("broken.json")
        try #"[{"description":"x","check_name":"X","severity":"major","location":{"path":"a.yaml","lines":{"begin":0}}}]"#
            .write(to: broken, atomically: true, encoding: .utf8)
        let w = try python(validators, ["scripts/validate-ci-formats.py", "--gitlab", broken.path, "Tests/qcdcTests/Schemas/gitlab-codequality.schema.json"])
        #expect(w.status != 0 && w.stdout.contains("INVALID"))
    }

    @Test func gitLabReport() throws {
        let r = try qcdc(["check", "--format", "gitlab", noncompliant])
        let issues = try #require(try json(r.stdout) as? [[String: Any]])
        let ttnd = try #require(issues.first { $0["check_name"] as? String == "TTND-C1" })
        #expect(ttnd["severity"] as? String == "critical")
        #expect(((ttnd["location"] as? [String: Any])?["path"] as? String) == noncompliant)
        #expect((((ttnd["location"] as? [String: Any])?["lines"] as? [String: Any])?["begin"] as? Int) == 14)
        #expect(issues.contains { $0["check_name"] as? String == "HG-01" && $0["severity"] as? String == "info" })
        // The fingerprint is the one SARIF and baselines use.
        let (_, sarif) = try sarifResults([noncompliant])
        let sarifPrint = (sarif.first { $0["ruleId"] as? String == "TTND-C1" }?["partialFingerprints"] as? [String: String])?["qcdc/v1"]
        #expect(ttnd["fingerprint"] as? String == sarifPrint)
        let clean = try qcdc(["check", "--format", "gitlab", "--omit-missing", "examples/commune-compliant-2026.yaml"])
        #expect(clean.status == 0 && clean.stdout == "[]\n")
    }

    /// 40 non-compliant reports: at most 10 error annotations, errors before warnings, the rest
    /// as plain log lines with a closing count, notices summed up, and a job summary appended.
    @Test func gitHubCapsAndJobSummary() throws {
        let dir = try noncompliantReports(40)
        let summary = try temporaryDirectory().appendingPathComponent("summary.md")
        try "# Earlier step\n".write(to: summary, atomically: true, encoding: .utf8)
        let r = try qcdc(["check", "--lang", "en", "--fail-on", "warning", "--format", "github", dir.path],
                         environment: ["GITHUB_STEP_SUMMARY": summary.path])
        let lines = r.stdout.split(separator: "\n")
        let errors = lines.filter { $0.hasPrefix("::error ") }, warnings = lines.filter { $0.hasPrefix("::warning ") }
        let notices = lines.filter { $0.hasPrefix("::notice ") }
        #expect(errors.count == 10 && warnings.count <= 10 && notices.count <= 10, "\(errors.count) / \(warnings.count) / \(notices.count)")
        let lastError = try #require(lines.lastIndex { $0.hasPrefix("::error ") })
        if let firstWarning = lines.firstIndex(where: { $0.hasPrefix("::warning ") }) { #expect(firstWarning > lastError) }
        #expect(lines.contains { $0.hasPrefix("  ") && $0.contains(": error[") }, "what is beyond the cap is in the log")
        #expect(!lines.contains { $0.hasPrefix("::") && !$0.hasPrefix("::error ") && !$0.hasPrefix("::warning ") && !$0.hasPrefix("::notice ") })
        #expect(r.stdout.contains("more errors and") && r.stdout.contains("are plain lines in the log"))
        #expect(r.stdout.contains("::notice title=qcdc Missing evidence::Missing evidence: "))
        let written = try String(contentsOf: summary, encoding: .utf8)
        // (The 40th report repeats an earlier unit: invalid.)
        #expect(written.hasPrefix("# Earlier step\n## qcdc — ⛔ Invalid input\n\n40 reports: "), "\(written.prefix(200))")
        #expect(written.contains("| `TTND-C1` | 39 |") && written.contains("| `report.duplicate_report` | 1 |"), "\(written)")
    }

    /// JUnit: a failure is only what fails the gate.
    @Test func junitFailsOnlyWhatFailsTheGate() throws {
        let report = "examples/ci/submissions/06724-2026.yaml"
        let byDefault = try qcdc(["check", "--lang", "en", "--no-config", "--format", "junit", report])
        #expect(byDefault.status == 0 && !byDefault.stdout.contains("<failure"))
        #expect(byDefault.stdout.contains("<skipped message=\"does not fail the gate: a finding of severity warning, below --fail-on error — "))
        let strict = try qcdc(["check", "--lang", "en", "--fail-on", "warning", "--format", "junit", report])
        #expect(strict.status == 1 && strict.stdout.contains("<failure message=\"") && strict.stdout.contains("type=\"warning\""))
        let vi = try qcdc(["check", "--format", "junit", report])
        #expect(vi.stdout.contains("không chặn: vi phạm mức cảnh báo, dưới ngưỡng --fail-on error"))
    }

    /// docs/ci.md's recipe on the files a province really receives: names with spaces and
    /// Vietnamese letters, one renamed, checked as changed since the base revision.
    @Test func recipeOnVietnameseNamesWithSpaces() throws {
        let repo = try temporaryDirectory()
        func git(_ args: [String]) throws {
            let r = try runProcess(URL(fileURLWithPath: "/usr/bin/env"), ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"] + args,
                                   directory: repo, environment: ["GIT_CONFIG_GLOBAL": "/dev/null"])
            #expect(r.status == 0, "git \(args): \(r.stderr)")
        }
        let fm = FileManager.default
        try git(["init", "-q", "-b", "main"])
        let submissions = repo.appendingPathComponent("báo cáo/Lâm Đồng")
        try fm.createDirectory(at: submissions, withIntermediateDirectories: true)
        let compliant = try String(contentsOf: packageRoot.appendingPathComponent("examples/commune-compliant-2026.yaml"), encoding: .utf8)
        let broken = try String(contentsOf: packageRoot.appendingPathComponent(noncompliant), encoding: .utf8)
        try compliant.write(to: submissions.appendingPathComponent("cũ.yaml"), atomically: true, encoding: .utf8)
        try git(["add", "-A"])
        try git(["commit", "-q", "-m", "base"])
        try compliant.write(to: submissions.appendingPathComponent("Xã Hiệp Thạnh 2026.yaml"), atomically: true, encoding: .utf8)
        try broken.write(to: submissions.appendingPathComponent("Xã Ninh Gia (bản sửa) 2026.yaml"), atomically: true, encoding: .utf8)
        try "not a report\n".write(to: submissions.appendingPathComponent("ghi chú.txt"), atomically: true, encoding: .utf8)
        try git(["add", "-A"])
        try git(["commit", "-q", "-m", "submissions"])
        let out = repo.appendingPathComponent("qcdc out")
        let script = packageRoot.appendingPathComponent("examples/ci/check-submissions.sh").path
        let r = try runProcess(URL(fileURLWithPath: "/bin/bash"), [script, "--changed-since", "HEAD~1", "báo cáo"], directory: repo,
                               environment: ["QCDC": qcdcBinary.path, "OUT": out.path, "QCDC_LANG": "en", "QCDC_TODAY": "2026-11-23",
                                             "NO_COLOR": "1", "QCDC_CONFIG": packageRoot.appendingPathComponent("examples/ci/qcdc.yaml").path,
                                             "GIT_CONFIG_GLOBAL": "/dev/null"])
        #expect(r.status == 1, "the changed non-compliant report fails: \(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("::error file=báo cáo/Lâm Đồng/Xã Ninh Gia (bản sửa) 2026.yaml,line=14,col=12,title=TTND-C1 "), "\(r.stdout)")
        #expect(!r.stdout.contains("\\3") && !r.stdout.contains("cũ.yaml"), "no octal quoting; unchanged files are not checked")
        let sarif = try String(contentsOf: out.appendingPathComponent("qcdc.sarif"), encoding: .utf8)
        #expect(sarif.contains("\"uri\":\"b%C3%A1o%20c%C3%A1o/L%C3%A2m%20%C4%90%E1%BB%93ng/X%C3%A3%20Ninh%20Gia%20%28b%E1%BA%A3n%20s%E1%BB%ADa%29%202026.yaml\",\"uriBaseId\":\"%SRCROOT%\""))
        let junit = try String(contentsOf: out.appendingPathComponent("qcdc-junit.xml"), encoding: .utf8)
        #expect(junit.contains("Xã Hiệp Thạnh 2026.yaml") && junit.contains("Xã Ninh Gia (bản sửa) 2026.yaml"))
        // From a subdirectory of the repository, the same files.
        let sub = try runProcess(URL(fileURLWithPath: "/bin/bash"), [script, "--changed-since", "HEAD~1", "."],
                                 directory: submissions, environment: ["QCDC": qcdcBinary.path, "OUT": out.path, "QCDC_LANG": "en",
                                                                       "NO_COLOR": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
                                                                       "QCDC_CONFIG": packageRoot.appendingPathComponent("examples/ci/qcdc.yaml").path])
        #expect(sub.status == 1 && sub.stdout.contains("Xã Ninh Gia (bản sửa) 2026.yaml"), "\(sub.stdout)\(sub.stderr)")
        // Nothing changed: the gate passes without running qcdc on everything.
        let none = try runProcess(URL(fileURLWithPath: "/bin/bash"), [script, "--changed-since", "HEAD", "báo cáo"], directory: repo,
                                  environment: ["QCDC": qcdcBinary.path, "OUT": out.path, "GIT_CONFIG_GLOBAL": "/dev/null"])
        #expect(none.status == 0 && none.stdout.contains("no report changed"))
    }
}
