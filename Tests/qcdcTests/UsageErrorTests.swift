import Testing

@testable import qcdc

/// A mistyped command line is answered in the run's language: argument-parser's English
/// sentences are translated, qcdc's own are written in both languages; `--help` stays English.
@Suite struct UsageErrorTests {
    /// Every sentence form argument-parser writes for a usage error (UsageGenerator.swift).
    @Test func argumentParserSentencesAreTranslated() {
        let cases: [(String, String)] = [
            ("Unknown option '--formt'. Did you mean '--format'?", "không có tuỳ chọn '--formt'; có phải ý bạn là '--format'?"),
            ("Unknown option '--zzz'", "không có tuỳ chọn '--zzz'"),
            ("Missing value for '--format <format>'", "thiếu giá trị cho '--format <format>'"),
            ("Missing value for '-q'", "thiếu giá trị cho '-q'"),
            ("Missing expected argument '<REPORT> ...'", "thiếu đối số '<REPORT> ...'"),
            ("Missing one of: '--a', '--b'", "thiếu một trong: '--a', '--b'"),
            ("Unexpected argument 'extra'", "đối số thừa 'extra'"),
            ("2 unexpected arguments: 'a', 'b'", "2 đối số thừa: 'a', 'b'"),
            ("The option '--quiet' does not take any value, but 'yes' was specified.", "tuỳ chọn '--quiet' không nhận giá trị, nhưng đã ghi 'yes'"),
            ("Value to be set with flag '--x' had already been set with flag '--y'", "cờ '--x' đặt lại giá trị đã đặt bằng cờ '--y'"),
            ("Value to be set with position 3 had already been set with position 1", "vị trí 3 đặt lại giá trị đã đặt bằng vị trí 1"),
            ("The value 'jsn' is invalid for '--format <format>'. Please provide one of the following:",
             "giá trị 'jsn' không hợp lệ cho '--format <format>'; hãy chọn một trong các giá trị sau:"),
            ("The value 'x' is invalid for '--fail-on <SEVERITY>'. Please provide one of 'error', 'warning', 'info' or 'none'.",
             "giá trị 'x' không hợp lệ cho '--fail-on <SEVERITY>'; hãy chọn 'error', 'warning', 'info' hoặc 'none'"),
            ("The value 'x' is invalid for '--lang <LANG>'. Please provide one of 'vi' and 'en'.",
             "giá trị 'x' không hợp lệ cho '--lang <LANG>'; hãy chọn 'vi' hoặc 'en'"),
            ("The value 'x' is invalid for '<year>'", "giá trị 'x' không hợp lệ cho '<year>'"),
            ("The value 'x' is invalid for '-j <n>': not a number", "giá trị 'x' không hợp lệ cho '-j <n>': not a number"),
            ("The value 'x' is invalid.", "giá trị 'x' không hợp lệ"),
        ]
        for (english, vietnamese) in cases {
            #expect(UsageError.sentence(english) == vietnamese, "\(english)")
        }
        // A sentence of a kind not known here is left as written; qcdc's own are already in the language.
        for kept in ["--jobs phải từ 1 đến 256", "Something new in a later argument-parser", "The value 'x' is odd"] {
            #expect(UsageError.sentence(kept) == kept)
        }
        #expect(UsageError.vietnamese("Error: Unknown option '--q'\nUsage: qcdc check [<options>] <REPORT> ...\n  See 'qcdc check --help' for more information.")
                == "Lỗi: không có tuỳ chọn '--q'\nCách dùng: qcdc check [<options>] <REPORT> ...\n  Xem 'qcdc check --help' để biết thêm.")
        // A group of short options: the second line of the error.
        #expect(UsageError.vietnamese("Error: Unknown option '-qj'\n   or: Missing value for '-j <N>' in '-qj'")
                == "Lỗi: không có tuỳ chọn '-qj'\n   hoặc: thiếu giá trị cho '-j <N>' trong '-qj'")
        // A wrapped usage line stays under the text after its (longer) label; other lines do not move.
        #expect(UsageError.vietnamese("Usage: qcdc template [--a]\n       [--b]\n  See 'x' for more information.\n       z")
                == "Cách dùng: qcdc template [--a]\n           [--b]\n  Xem 'x' để biết thêm.\n       z")
        #expect(UsageError.vietnamese("") == "")
    }

    /// A configuration's `lang: en` makes a command's own usage errors English (those found while
    /// reading the command line follow `--lang` only: they come before the configuration is read).
    @Test func theConfigurationsLanguageCounts() throws {
        let dir = try temporaryDirectory()
        try "lang: en\n".write(to: dir.appendingPathComponent(".qcdc.yaml"), atomically: true, encoding: .utf8)
        let en = try qcdc(["explain", "DIAL-1"], directory: dir)
        #expect(en.status == 64 && en.stderr.contains("no rule DIAL-1; did you mean DIAL-01?") && en.stderr.contains("Usage: "), "\(en.stderr)")
        let vi = try qcdc(["explain", "DIAL-1", "--no-config"], directory: dir)
        #expect(vi.status == 64 && vi.stderr.contains("không có quy tắc DIAL-1") && vi.stderr.contains("Cách dùng: "), "\(vi.stderr)")
    }

    /// Bad command lines of every command, run as a user would: Vietnamese, with the usage line
    /// and the pointer to help, and exit 64; with `--lang en`, argument-parser's English.
    @Test func theBinaryAnswersInVietnamese() throws {
        let lines: [[String]] = [
            ["check"], ["check", "--formt", "json", "examples/"], ["check", "--format", "jsn", "examples/"],
            ["check", "--format"], ["check", "--fail-on", "bogus", "examples/"], ["check", "-j", "0", "examples/"],
            ["check", "--limit", "nope=1", "examples/"], ["check", "--today", "2026-13-01", "examples/"],
            ["check", "-", "-"], ["check", "--quiet=yes", "examples/"],
            ["scorecard"], ["scorecard", "--format", "xlsx", "examples/"], ["explain", "XX-99"], ["rules", "list", "extra"],
            ["template", "--year", "1900", "--kind", "commune"], ["template"], ["units", "--province", "99"],
            ["schema", "--bogus"], ["check", "--config", "a.yaml", "--no-config", "examples/"],
        ]
        for args in lines {
            let r = try qcdc(args)
            #expect(r.status == 64, "\(args)")
            #expect(r.stderr.hasPrefix("Lỗi: ") && r.stderr.contains("Cách dùng: qcdc") && r.stderr.contains("để biết thêm."), "\(args): \(r.stderr)")
            for english in ["Error:", "Usage:", "See '", "Please provide", "Unknown option", "Missing", "Unexpected", "is invalid", "must be", "give "] {
                #expect(!r.stderr.contains(english), "\(args): \(english) in \(r.stderr)")
            }
            let en = try qcdc(args + ["--lang", "en"])
            #expect(en.status == 64 && en.stderr.hasPrefix("Error: ") && en.stderr.contains("Usage: qcdc"), "\(args): \(en.stderr)")
        }
        let help = try qcdc(["check", "--help"])
        #expect(help.status == 0 && help.stdout.contains("USAGE: qcdc check"))
    }
}
