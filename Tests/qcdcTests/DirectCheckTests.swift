import ArgumentParser
import Testing

@testable import qcdc

/// `qcdc check …` is read by ``DirectCheck`` when it can be, and by argument-parser otherwise:
/// what the direct reading makes must be exactly what argument-parser makes of the same words.
@Suite struct DirectCheckTests {
    /// Every property wrapper's state, values included: an option the direct reading forgot to
    /// set shows as a definition here rather than a value.
    private func described(_ check: Check) -> String {
        var text = ""
        dump(check, to: &text)
        return text
    }

    /// What argument-parser makes of `qcdc check ARGS`, or nil when it refuses them.
    private func fullParse(_ arguments: [String]) -> Check? {
        (try? QCDCCommand.parseAsRoot(["check"] + arguments)) as? Check
    }

    @Test func readsEveryOptionAsArgumentParserDoes() throws {
        let lines: [[String]] = [
            ["a.yaml"],
            ["-"],
            ["a.yaml", "dir/", "b.json"],
            ["--rules", "r.yaml", "--rules=s/", "--format", "json", "-f", "sarif", "--format=jsonl", "--output", "o.json", "-o", "o.sarif", "a.yaml"],
            ["--lang", "en", "--fail-on", "warning", "--fail-on-missing", "--waivers", "w.yaml", "--today", "2026-12-31", "a.yaml"],
            ["--lang=vi", "--fail-on=none", "--no-fail-on-missing", "--waivers=w.yaml", "--today=2025-02-28", "a.yaml"],
            ["--baseline", "b.json", "--write-baseline", "n.json", "--all", "--no-color", "--quiet", "a.yaml"],
            ["--baseline=b.json", "--write-baseline=n.json", "-q", "--show-missing", "--omit-missing", "a.yaml"],
            ["--no-show-missing", "--no-omit-missing", "--strict", "--include", "*.yaml", "--include=x/*.json", "--exclude", "old/**", "a/"],
            ["--no-strict", "--exclude=*.bak", "--jobs", "3", "--register", "a/"],
            ["-j", "1", "--no-register", "--expect", "all", "--expect=province:01", "--expect", "units.txt", "a/"],
            ["--limit", "depth=10", "--limit=eval-steps=5000", "--config", "c.yaml", "a/"],
            ["--no-config", "a.yaml", "--all", "b.yaml", "-"],
            ["a.yaml", "--format", "json"],
            ["--jobs=256", "--today=2024-02-29", "a.yaml"],
            ["--output", "x y.json", "--format", "junit", "Tỉnh Lâm Đồng/báo cáo.yaml"],
        ]
        for line in lines {
            let direct = try #require(DirectCheck.parse(line), "\(line) was not read directly")
            let full = try #require(fullParse(line), "\(line) was refused by argument-parser")
            #expect(described(direct) == described(full), "\(line)")
        }
    }

    /// Help, `--version`, usage errors and the forms it does not read are left to argument-parser
    /// (which gives its messages and exit codes).
    @Test func leavesTheRestToArgumentParser() {
        let lines: [[String]] = [
            [], ["--help"], ["-h"], ["--version"], ["--bogus", "a.yaml"], ["--", "a.yaml"], ["--", "-x.yaml"],
            ["-x.yaml"], ["", "a.yaml"], ["-fjson", "a.yaml"], ["-qf", "json", "a.yaml"], ["-j4", "a.yaml"],
            ["--format", "xml", "a.yaml"], ["--format", "JSON", "a.yaml"], ["--format"], ["--format", "--all", "a.yaml"],
            ["--format=", "a.yaml"], ["--output", "-", "a.yaml"], ["--lang", "fr", "a.yaml"], ["--lang", "vi", "--lang", "en", "a.yaml"],
            ["--fail-on", "fatal", "a.yaml"], ["--jobs", "0", "a.yaml"], ["--jobs", "x", "a.yaml"], ["-j", "1", "--jobs", "2", "a.yaml"],
            ["--all", "--all", "a.yaml"], ["-q", "--quiet", "a.yaml"], ["--strict", "--no-strict", "a.yaml"], ["--all=yes", "a.yaml"],
            ["--register", "--register", "a.yaml"], ["--today", "tomorrow", "a.yaml"], ["--limit", "nope=1", "a.yaml"],
            ["--config", "c.yaml", "--no-config", "a.yaml"], ["-", "-"],
            ["-f", "json", "-o", "x", "-o", "x", "a.yaml"], ["--generate-completion-script", "bash"],
            ["--experimental-dump-help"], ["a.yaml", "--rules"],
        ]
        for line in lines {
            #expect(DirectCheck.parse(line) == nil, "\(line)")
        }
    }

    /// Words drawn at random (a fixed seed) from options, values and paths: whatever the direct
    /// reading accepts, argument-parser accepts too and reads the same way.
    @Test func randomCommandLinesReadTheSame() throws {
        let words = [
            "a.yaml", "b/", "-", "--rules", "r.yaml", "--format", "json", "sarif", "text", "-f", "--output", "-o", "o.txt", "p.txt",
            "--lang", "en", "vi", "--fail-on", "warning", "none", "--fail-on-missing", "--no-fail-on-missing", "--waivers",
            "--today", "2026-01-01", "--baseline", "--write-baseline", "--all", "--no-color", "--quiet", "-q", "--show-missing",
            "--no-show-missing", "--omit-missing", "--no-omit-missing", "--strict", "--no-strict", "--include", "--exclude",
            "*.yaml", "--jobs", "-j", "2", "300", "--register", "--no-register", "--expect", "all", "--limit", "depth=9",
            "--config", "--no-config", "--format=jsonl", "--lang=en", "--jobs=4", "--", "--help", "help", "--version",
        ]
        var rng = SplitMix(seed: 20261124)
        var read = 0
        for _ in 0..<500 {
            let line = (0..<Int(rng.next() % 9)).map { _ in words[Int(rng.next() % UInt64(words.count))] }
            guard let direct = DirectCheck.parse(line) else { continue }
            read += 1
            let full = try #require(fullParse(line), "\(line) was read directly but refused by argument-parser")
            #expect(described(direct) == described(full), "\(line)")
        }
        // The seed gives about 80 command lines both read; too few would test little.
        #expect(read > 40, "\(read)")
    }
}

/// A small deterministic generator (SplitMix64), so that a failure can be replayed.
private struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
