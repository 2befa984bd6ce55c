import Testing
@testable import QCDCKit

@Suite("Support: SHA-256")
struct SHA256Tests {
    /// FIPS 180-4's "abc", the empty message, a Vietnamese name, and every padding edge (55, 56,
    /// 63, 64, 65, 119, 120, 128 bytes: the length fits in the last block or needs another),
    /// against Python's hashlib.
    @Test func digestsMatchAReferenceImplementation() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex(Array("Xã Tà Năng".utf8)) == "470f91fd15ae8d570347285be240989f30804ee9902972f23f919c99bfe2b435")
        let expected: [Int: String] = [
            0: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            55: "e7313d333c272e639f790978283f9eb392e843d0f29b7016828bb1daa4aac70b",
            56: "4324d65f3c103567f5589c710bc08f8523f929a9272e3af36fc968e52abc6c27",
            63: "81c80242132f230c3bd41b3e63bbcff16107339549214a99614ff26664625055",
            64: "39e3d7b6b5d075d37d053ad89b24b41bef4f3c29760c84447cab3f3be1882241",
            65: "aacca6ff74fdbb296d165a45cecfa04e5127bc008770fbbdd48006f2d2fae95e",
            119: "9ce7368e4daf32341631b492e80359dc9f594b48453cd0dd5bf0b19279cc177e",
            120: "7836b787757e95e58b3ca5aec90b1b004e8deba1e50e9675af9cabf1a13a04b5",
            128: "d2742f1f4ac6bb7ca2b239ee18402ba8b3f9f8e652d2a72973c2b9ba11c08cf6",
            1000: "1e9bc38cbf860b9ec31918b065f9b52476c549a782e0e7990bed8ce3868d2371",
        ]
        for (n, hex) in expected {
            let bytes = (0..<n).map { UInt8(($0 * 7 + 3) % 256) }
            #expect(SHA256.hex(bytes) == hex, "\(n) bytes")
            #expect(SHA256.digest(bytes).count == 32)
        }
    }
}

@Suite("Support: message templates")
struct MessageTemplateTests {
    /// `{name}` is a placeholder; `{}`, a `{` never closed and a lone `}` are text; a second `{`
    /// makes the first one text.
    @Test func placeholdersAndTheTextAroundThem() {
        typealias P = MessageTemplate.Piece
        let cases: [(String, [P])] = [
            ("Xã {unit} họp {n} lần", [.text("Xã "), .placeholder("unit"), .text(" họp "), .placeholder("n"), .text(" lần")]),
            ("{n}", [.placeholder("n")]),
            ("{}", [.text("{}")]),
            ("a {} b", [.text("a {} b")]),
            ("{a{b}", [.text("{a"), .placeholder("b")]),
            ("{{x}}", [.text("{"), .placeholder("x"), .text("}")]),
            ("x} y", [.text("x} y")]),
            ("chưa đóng {mở", [.text("chưa đóng {mở")]),
            ("", []),
        ]
        for (text, pieces) in cases {
            #expect(MessageTemplate.pieces(text) == pieces, "\(text)")
        }
    }
}

@Suite("Support: the built-in files")
struct EmbeddedFilesTests {
    /// The digests worked out at build time (Plugins/EmbedRules) are those of the embedded text,
    /// one for each file, so outputs name the same sha256 as hashing at run time would.
    @Test func buildTimeDigestsAreTheEmbeddedTextsOwn() {
        #expect(BuiltinRules.digests.count == BuiltinRules.files.count)
        #expect(Register.digests.count == Register.files.count)
        for (path, text) in BuiltinRules.files.merging(Register.files, uniquingKeysWith: { a, _ in a }) {
            let digest = BuiltinRules.digests[path] ?? Register.digests[path]
            #expect(digest == SHA256.hex(Array(text.utf8)), "\(path)")
        }
    }
}

@Suite("Support: paths and URIs")
struct PathTests {
    @Test func resolveNormalisesDotsAndSlashes() {
        #expect(PathUtil.resolve("/work", "a/./b//c") == "/work/a/b/c")
        #expect(PathUtil.resolve("/work/x", "../báo cáo/Xã Tà Năng.yaml") == "/work/báo cáo/Xã Tà Năng.yaml")
        #expect(PathUtil.resolve("/w", "/abs/../etc/./f") == "/etc/f")
        #expect(PathUtil.resolve("rel", "../../up") == "../up")
        #expect(PathUtil.resolve("/", "..") == "/")
        #expect(PathUtil.resolve("/w", "a/..") == "/w")
        #expect(PathUtil.resolve("/w", "/") == "/")
        #expect(PathUtil.resolve("/w", "...") == "/w/...")
    }

    /// RFC 3986 unreserved characters and "/" stay; every other byte is %XX, upper case.
    @Test func uriPercentEncodesEveryOtherByte() {
        #expect(SARIFReporter.uri("báo cáo/Xã 1.yaml") == "b%C3%A1o%20c%C3%A1o/X%C3%A3%201.yaml")
        #expect(SARIFReporter.uri("a-b_c.d~e/F9") == "a-b_c.d~e/F9")
        #expect(SARIFReporter.uri("%#?:[]@!$&'()*+,;=") == "%25%23%3F%3A%5B%5D%40%21%24%26%27%28%29%2A%2B%2C%3B%3D")
        #expect(SARIFReporter.uri("") == "")
    }
}

@Suite("Support: JSON strings")
struct JSONEscapeTests {
    /// Quotes, backslashes and control characters are escaped; everything else, Vietnamese and
    /// bidirectional controls included, is written as it is (other outputs neutralise those).
    @Test func escapesExactlyWhatJSONRequires() {
        func escaped(_ s: String) -> String { var out = ""; JSON.escape(s, into: &out); return out }
        #expect(escaped("Xã Tà Năng") == "\"Xã Tà Năng\"")
        #expect(escaped("a\"b\\c\nd\re\tf\u{1}g\u{1F}h ã\u{7F}") == "\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u001fh ã\u{7F}\"")
        #expect(escaped("\r\n") == "\"\\r\\n\"")
        #expect(escaped("") == "\"\"")
        #expect(escaped("\"") == "\"\\\"\"")
    }

    /// The scan eight bytes at a time finds exactly the bytes the byte-by-byte test finds: every
    /// byte value at every position of buffers of 0 to 24 bytes, among plain ASCII, bytes just
    /// above and below the special ones, and the bytes of Vietnamese letters.
    @Test func wordScanFindsExactlyTheBytesToEscape() {
        let fillers: [[UInt8]] = [Array("abcdefghijklmnopqrstuvwx".utf8), Array(repeating: 0x20, count: 24),
                                  Array(repeating: 0x21, count: 24), Array(repeating: 0x23, count: 24), Array(repeating: 0x5B, count: 24),
                                  Array(repeating: 0x5D, count: 24), Array(repeating: 0x7F, count: 24), Array(repeating: 0xFF, count: 24),
                                  Array("Xã Tà Năng, Lâm Đồng ở".utf8.prefix(24))]
        for filler in fillers {
            for length in 0...24 {
                let plain = Array(filler.prefix(length))
                plain.withUnsafeBufferPointer { #expect(JSON.needsEscape($0) == $0.contains(where: JSON.needsEscape)) }
                for position in 0..<length {
                    for byte in UInt8.min...UInt8.max {
                        var bytes = plain
                        bytes[position] = byte
                        bytes.withUnsafeBufferPointer { buffer in
                            #expect(JSON.needsEscape(buffer) == JSON.needsEscape(byte), "byte \(byte) at \(position) of \(length)")
                        }
                    }
                }
            }
        }
    }
}

@Suite("Support: JSON text")
struct JSONTextTests {
    /// Whole numbers are written digit by digit, as `String(n)` writes them.
    @Test func wholeNumbersAreWrittenAsStringWritesThem() {
        var numbers = [0, 1, 9, 10, 99, 100, 1_000_000, -1, -10, -999, Int.max, Int.min, Int.max - 1, Int.min + 1]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2_000 { numbers.append(Int.random(in: Int.min...Int.max, using: &generator) >> Int.random(in: 0...62)) }
        for n in numbers {
            var text = JSONText("[")
            text.write(int: n)
            #expect(text.string == "[" + String(n), "\(n)")
        }
    }

    /// Days are written digit by digit, as `Day.description` writes them, in quotes.
    @Test func daysAreWrittenAsTheirDescription() {
        var days = [Day(ordinal: -719_162), Day(year: 1, month: 1, day: 1)!, Day(year: 9999, month: 12, day: 31)!]
        for k in stride(from: -800_000, to: 3_000_000, by: 997) { days.append(Day(ordinal: k)) }
        for d in days {
            var text = JSONText()
            text.write(quoted: d)
            #expect(text.string == "\"\(d.description)\"", "\(d.ordinal)")
        }
    }

    /// Pieces written in the source (`StaticString`, a single character included) and escaped
    /// strings give the same text as the `String` path.
    @Test func staticPiecesAndEscapesMatchTheStringPath() {
        var text = JSONText()
        text += "{"
        text += "\"a\":"
        JSON.escape("x\"y\\z\n\u{01}é", into: &text)
        text += "}"
        var string = ""
        string += "{"
        string += "\"a\":"
        JSON.escape("x\"y\\z\n\u{01}é", into: &string)
        string += "}"
        #expect(text.string == string)
        #expect(string == #"{"a":"x\"y\\z\n\u0001é"}"#)
        for plain in ["", "abc", "Xã Ơn Bắc", String(repeating: "dài ", count: 40)] {
            var t = JSONText()
            JSON.escape(plain, into: &t)
            #expect(t.string == "\"" + plain + "\"")
        }
    }
}

@Suite("Support: file extensions")
struct ExtensionTests {
    /// A file's extension is matched ignoring ASCII case, as lowercasing the whole name did.
    @Test func extensionsMatchAsLowercasingDid() {
        let names = ["a.yaml", "A.YAML", "x.Json", "b.yml", "B.YmL", "c.CSV", "d.xlsx", "D.XLSX", ".yml", "yml", "", "x.yaml ",
                     "x.yamll", "x.jsoN", "\u{212A}.yaml", "x.\u{212A}sv", "İ.yml", "x.\u{130}son", "é.JSON", "báo cáo.Yaml",
                     "x.json\u{0301}", "ＹＡＭＬ", "x.ｙａｍｌ", "x\u{0}.yaml", "x.YAM", "x.ya"]
        for name in names {
            for ext in InputFiles.extensions {
                #expect(name.hasSuffix(ignoringASCIICase: ext) == name.lowercased().hasSuffix(ext), "\(name) \(ext)")
            }
        }
        #expect("A.YAML".hasSuffix(ignoringASCIICase: ".yaml") && !"a.yam".hasSuffix(ignoringASCIICase: ".yaml"))
    }
}
