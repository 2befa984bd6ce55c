import Foundation
import Testing

/// `.qcdc.yaml`, `--config`, `--no-config`, include/exclude, and the command line's conventions.
@Suite("Configuration file and command-line conventions")
struct ConfigurationTests {
    let noncompliant = packageRoot.appendingPathComponent("examples/commune-noncompliant-2026.yaml").path

    /// A repository with a configuration at its root, a subdirectory to run in, and one above
    /// the root that must never be read.
    func repository(_ config: String) throws -> (outside: URL, root: URL, sub: URL) {
        let outside = try temporaryDirectory()
        let root = outside.appendingPathComponent("repo"), sub = root.appendingPathComponent("a/b")
        try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try config.write(to: root.appendingPathComponent(".qcdc.yaml"), atomically: true, encoding: .utf8)
        // Above the repository: would make every run fail if it were read.
        try "fail-on: [broken\n".write(to: outside.appendingPathComponent(".qcdc.yaml"), atomically: true, encoding: .utf8)
        return (outside, root, sub)
    }

    @Test func foundUpwardToTheRepositoryRootAndFlagsWin() throws {
        let (_, root, sub) = try repository("lang: en\nfail-on: none\nshow-missing: true\n")
        // From a subdirectory: the root's settings apply (English, gate off, missing listed).
        let r = try qcdc(["check", noncompliant], directory: sub)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("error[TTND-C1]") && r.stdout.contains("missing[HG-01]"))
        // A flag beats the file.
        let flags = try qcdc(["check", "--lang", "vi", "--fail-on", "error", "--no-show-missing", noncompliant], directory: sub)
        #expect(flags.status == 1 && flags.stdout.contains("lỗi[TTND-C1]") && !flags.stdout.contains("thiếu dữ liệu[HG-01]"))
        // --no-config: the defaults.
        let none = try qcdc(["check", "--no-config", noncompliant], directory: root)
        #expect(none.status == 1 && none.stdout.contains("lỗi[TTND-C1]"))
        // --config names the file (a trusted one in CI), and no other is looked for.
        let trusted = root.appendingPathComponent("trusted.yaml")
        try "fail-on: warning\nlang: vi\n".write(to: trusted, atomically: true, encoding: .utf8)
        let named = try qcdc(["check", "--config", trusted.path, noncompliant], directory: sub)
        #expect(named.status == 1 && named.stdout.contains("lỗi[TTND-C1]"))
        // Every command that reads rule sets takes the language from it.
        let list = try qcdc(["rules", "list"], directory: sub)
        #expect(list.status == 0 && list.stdout.contains("dialogue conference"), "\(list.stdout.prefix(300))")
    }

    @Test func neverAboveTheRepositoryRootNorOutsideOne() throws {
        let (outside, root, _) = try repository("lang: en\n")
        try FileManager.default.removeItem(at: root.appendingPathComponent(".qcdc.yaml"))
        // In the repository: the broken file above its root is not read.
        let inRepo = try qcdc(["check", noncompliant], directory: root.appendingPathComponent("a"))
        #expect(inRepo.status == 1 && inRepo.stderr.isEmpty, "\(inRepo.stderr)")
        // Outside any repository only the working directory's own file counts.
        let plain = outside.appendingPathComponent("plain/sub")
        try FileManager.default.createDirectory(at: plain, withIntermediateDirectories: true)
        try "lang: en\n".write(to: outside.appendingPathComponent("plain/.qcdc.yaml"), atomically: true, encoding: .utf8)
        let below = try qcdc(["check", noncompliant], directory: plain)
        #expect(below.stdout.contains("lỗi[TTND-C1]"), "the parent's file is not read outside a repository")
        let here = try qcdc(["check", noncompliant], directory: outside.appendingPathComponent("plain"))
        #expect(here.stdout.contains("error[TTND-C1]"))
    }

    @Test func invalidConfigurationIsLocatedAndExitsTwo() throws {
        let (_, root, _) = try repository("lang: fr\nfail_on: warning\nstrict: maybe\nrules: \"\"\n")
        let r = try qcdc(["check", noncompliant], directory: root)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty, "nothing is checked with invalid settings")
        #expect(r.stderr.contains(".qcdc.yaml:1:7: lỗi[config.invalid_value]: lang: 'fr' không phải một trong vi, en"), "\(r.stderr)")
        #expect(r.stderr.contains(".qcdc.yaml:2:1: lỗi[config.unknown_key]") && r.stderr.contains("fail-on"))
        #expect(r.stderr.contains(".qcdc.yaml:3:9: lỗi[config.type_mismatch]"))
        #expect(r.stderr.contains(".qcdc.yaml:4:8: lỗi[config.invalid_value]"))
        // A named file that does not exist is an error too, not silently no settings.
        let missing = try qcdc(["check", "--config", "nope.yaml", noncompliant], directory: root)
        #expect(missing.status == 2 && missing.stderr.contains("nope.yaml"))
    }

    /// `qcdc check .` in a repository: hidden directories (.github), files that are no report
    /// (package.json, a tool's YAML) and excluded globs are left out; paths in the file are
    /// taken from its directory.
    @Test func checkingARepositoryTakesOnlyReports() throws {
        let (_, root, _) = try repository("""
            waivers: policy/waivers.yaml
            exclude: ["drafts", "*.bak.yaml"]
            """)
        let fm = FileManager.default
        for dir in [".github/workflows", "submissions/2026", "drafts", "policy"] {
            try fm.createDirectory(at: root.appendingPathComponent(dir), withIntermediateDirectories: true)
        }
        try "on: push\njobs: {}\n".write(to: root.appendingPathComponent(".github/workflows/ci.yml"), atomically: true, encoding: .utf8)
        try #"{"name": "site", "version": "1.0.0", "scripts": {}}"#.write(to: root.appendingPathComponent("package.json"), atomically: true, encoding: .utf8)
        try "tabWidth: 2\n".write(to: root.appendingPathComponent(".prettierrc.yaml"), atomically: true, encoding: .utf8)
        try "site_name: docs\nnav: []\n".write(to: root.appendingPathComponent("mkdocs.yml"), atomically: true, encoding: .utf8)
        let compliant = try String(contentsOfFile: packageRoot.appendingPathComponent("examples/commune-compliant-2026.yaml").path, encoding: .utf8)
        for path in ["submissions/2026/Xã Hiệp Thạnh.yaml", "drafts/nháp.yaml", "submissions/2026/cũ.bak.yaml"] {
            try compliant.write(to: root.appendingPathComponent(path), atomically: true, encoding: .utf8)
        }
        try "waivers: []\n".write(to: root.appendingPathComponent("policy/waivers.yaml"), atomically: true, encoding: .utf8)
        let r = try qcdc(["check", "--lang", "en", "."], directory: root)
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(r.stdout.contains("Total: 1 report;"), "\(r.stdout)")
        #expect(r.stdout.contains("Xã Hiệp Thạnh.yaml") && !r.stdout.contains("package.json") && !r.stdout.contains("nháp"))
        // The flags replace the file's globs.
        let flags = try qcdc(["check", "--lang", "en", "--include", "**/*.bak.yaml", "."], directory: root)
        #expect(flags.stdout.contains("Total: 1 report;") && flags.stdout.contains("cũ.bak.yaml"), "\(flags.stdout)")
        // `**` spans any number of directories, several times in one pattern.
        let deep = try qcdc(["check", "--lang", "en", "--include", "**/**/2026/**", "--exclude", "**/*.bak.yaml", "."], directory: root)
        #expect(deep.stdout.contains("Total: 1 report;") && deep.stdout.contains("Xã Hiệp Thạnh.yaml"), "\(deep.stdout)")
        let none = try qcdc(["check", "--lang", "en", "--include", "**/2025/**", "."], directory: root)
        #expect(!none.stdout.contains("Xã Hiệp Thạnh"), "\(none.stdout)")
        // An empty configuration file is no setting at all.
        let empty = try qcdc(["check", "--config", "/dev/null", "--lang", "en", "submissions/2026/Xã Hiệp Thạnh.yaml"], directory: root)
        #expect(empty.status == 0 && empty.stdout.contains("Total: 1 report;"))
        // A file named on the command line is always taken.
        let named = try qcdc(["check", "--lang", "en", "drafts/nháp.yaml"], directory: root)
        #expect(named.status == 0 && named.stdout.contains("Total: 1 report;"))
    }

    @Test func commandLineConventions() throws {
        // A mistyped subcommand gets a suggestion and the usage exit code.
        let typo = try qcdc(["chek", noncompliant])
        #expect(typo.status == 64 && typo.stderr.contains("'check'"), "\(typo.stderr)")
        let nested = try qcdc(["rules", "lnt", "--lang", "en"])
        #expect(nested.status == 64 && nested.stderr.contains("did you mean 'lint'"), "\(nested.stderr)")
        // A date says its format and what is wrong with it.
        for (value, words) in [("2026-13-01", "không có tháng 13"), ("2026-02-30", "tháng 2/2026 có 28 ngày"), ("31/12/2026", "YYYY-MM-DD")] {
            let r = try qcdc(["check", "--today", value, noncompliant])
            #expect(r.status == 64 && r.stderr.contains(words), "\(value): \(r.stderr)")
        }
        // --rules works for lint like for every other command, as do short options.
        #expect(try qcdc(["rules", "lint", "--rules", "rules/"]).status == 0)
        let short = try qcdc(["check", "-f", "json", "-q", noncompliant])
        #expect(short.status == 1 && short.stdout.hasPrefix("{"))
    }

    /// Text: missing evidence is one line per report unless asked for.
    @Test func missingEvidenceIsCollapsed() throws {
        let r = try qcdc(["check", "--lang", "en", noncompliant])
        #expect(!r.stdout.contains("missing[HG-01]"))
        #expect(r.stdout.contains("missing: 13 rules lack the evidence to evaluate them (CD-05, CD-06"), "\(r.stdout)")
        let all = try qcdc(["check", "--lang", "en", "--show-missing", noncompliant])
        #expect(all.stdout.contains("missing[HG-01]") && !all.stdout.contains("lack the evidence"))
        // A gate that counts missing evidence lists it.
        let gate = try qcdc(["check", "--lang", "en", "--fail-on-missing", noncompliant])
        #expect(gate.stdout.contains("missing[HG-01]"))
    }
}
