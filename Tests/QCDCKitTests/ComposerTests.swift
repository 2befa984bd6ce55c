import Testing
@testable import QCDCKit

@Suite("YAML composer and JSON reader")
struct ComposerTests {
    @Test func positionsAreOneBased() throws {
        let (node, diags) = compose("unit:\n  code: \"00123\"\n  name: Xã A\nlist:\n  - 1\n  - {a: b}\n")
        #expect(diags.isEmpty)
        let root = try #require(node)
        #expect(root.mark == Mark(line: 1, column: 1))
        let unit = try #require(root["unit"])
        #expect(unit.mark == Mark(line: 2, column: 3))
        #expect(unit.entry("code")?.keyMark == Mark(line: 2, column: 3))
        #expect(unit["code"]?.mark == Mark(line: 2, column: 9))
        #expect(root["list"]?.items?[1].mark == Mark(line: 6, column: 5))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let (node, _) = compose("tên: Đồng Hới\nsố: 5\n")
        #expect(node?["tên"]?.mark == Mark(line: 1, column: 6))
        #expect(node?["số"]?.mark == Mark(line: 2, column: 5))
    }

    @Test func scalarsStayTextWithStyle() throws {
        let (node, _) = compose("a: 00123\nb: no\nc: '7'\nd: !!str 5\n")
        #expect(node?["a"]?.scalarText == "00123")
        #expect(node?["a"]?.scalarStyle == .plain)
        #expect(node?["b"]?.scalarText == "no")
        #expect(node?["c"]?.isTextual == true)
        #expect(node?["d"]?.isTextual == true)
        #expect(node?["a"]?.isTextual == false)
    }

    @Test func duplicateKeyIsReportedAtTheSecondKey() {
        let (_, diags) = compose("a: 1\nb: 2\na: 3\n")
        #expect(diags.count == 1)
        #expect(diags[0].code == "input.duplicate_key")
        #expect(diags[0].location.line == 3 && diags[0].location.column == 1)
        #expect(diags[0].message.contains("line 1"))
    }

    /// Small mappings find an earlier key by a scan, larger ones through an index built at the
    /// 16th key: duplicates are found on both sides of that point, each at its first line.
    @Test func duplicateKeysInSmallAndLargeMappings() {
        var lines = (1...40).map { "k\($0): \($0)" }
        lines.insert("k3: again", at: 10)      // line 11, while the mapping has 10 keys
        lines.insert("k5: again", at: 30)      // line 31, after the index was built
        lines.append("k40: again")             // line 43, a key added after the index
        let (node, diags) = compose(lines.joined(separator: "\n") + "\n")
        #expect(node?.entries?.count == 40)
        #expect(diags.map(\.location.line) == [11, 31, 43])
        #expect(diags.map { $0.message.contains("line \($0.location.line == 11 ? 3 : $0.location.line == 31 ? 5 : 42)") } == [true, true, true],
                "\(diags.map(\.message))")
    }

    @Test func aliasBombIsStopped() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
        var prev = "a"
        for i in 0..<9 {
            let name = "l\(i)"
            yaml += "\(name): &\(name) [" + Array(repeating: "*\(prev)", count: 10).joined(separator: ", ") + "]\n"
            prev = name
        }
        let (node, diags) = compose(yaml)
        #expect(node == nil)
        #expect(diags.first?.code == "input.alias_limit")
        #expect((diags.first?.location.line ?? 0) >= 3)
    }

    @Test func smallAliasesAreShared() {
        let (node, diags) = compose("base: &b {x: 1}\ncopy: *b\n")
        #expect(diags.isEmpty)
        #expect(node?["copy"]?["x"]?.scalarText == "1")
        #expect(node?["copy"]?.mark == Mark(line: 2, column: 7))
    }

    @Test func depthLimit() {
        let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
        let (node, diags) = compose(deep)
        #expect(node == nil)
        #expect(diags.first?.code == "input.too_deep")
        let (ok, _) = compose(String(repeating: "[", count: 10) + String(repeating: "]", count: 10))
        #expect(ok != nil)
    }

    @Test func veryDeepInputDoesNotCrash() {
        let deep = String(repeating: "[", count: 200_000)
        let (node, diags) = compose(deep, limits: LoadLimits(maxBytes: 1 << 20, maxDepth: 64))
        #expect(node == nil)
        #expect(!diags.isEmpty)
    }

    @Test func sizeLimit() {
        let (node, diags) = compose(String(repeating: "a: 1\n", count: 100), limits: LoadLimits(maxBytes: 100))
        #expect(node == nil)
        #expect(diags.first?.code == "input.too_large")
    }

    @Test func bomAndCRLF() throws {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb:\r\n  c: 2\r\n".utf8)
        let r = YAMLComposer().compose(bytes, file: "t.yaml")
        #expect(r.diagnostics.isEmpty)
        #expect(r.node?["b"]?["c"]?.scalarText == "2")
        #expect(r.node?["b"]?["c"]?.mark == Mark(line: 3, column: 6))
    }

    @Test func invalidUTF8IsLocated() {
        let bytes: [UInt8] = Array("a: 1\nb: ".utf8) + [0xC3, 0x28] + Array("\n".utf8)
        let r = YAMLComposer().compose(bytes, file: "t.yaml")
        #expect(r.node == nil)
        #expect(r.diagnostics.first?.code == "input.invalid_utf8")
        #expect(r.diagnostics.first?.location.line == 2)
        #expect(r.diagnostics.first?.location.column == 4)
    }

    /// The first bad byte (a control character, invalid UTF-8) is found eight bytes at a time
    /// through printable ASCII: on random texts it is the one a byte-by-byte scan finds.
    @Test func firstBadByteMatchesAByteByByteScan() {
        func reference(_ bytes: [UInt8]) -> Int? {
            var i = 0
            while i < bytes.count {
                let b = bytes[i]
                if b < 0x80 {
                    if b >= 0x20 && b != 0x7F || b == 0x0A || b == 0x0D || b == 0x09 { i += 1; continue }
                    return i
                }
                // Valid UTF-8 by the standard library's own decoder.
                var it = bytes[i...].makeIterator()
                var decoder = UTF8()
                guard case .scalarValue(let scalar) = decoder.decode(&it) else { return i }
                i += UTF8.width(scalar)
            }
            return nil
        }
        let alphabet: [UInt8] = [0x00, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x41, 0x7A, 0x7E, 0x7F, 0x80, 0xBF, 0xC0, 0xC3, 0xA1,
                                 0xE1, 0xBB, 0x87, 0xE0, 0xED, 0xA0, 0xF0, 0x9F, 0x98, 0x80, 0xF4, 0x90, 0xFF]
        var state: UInt64 = 0x5EED_2026
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        var bad = 0
        for _ in 0..<20_000 {
            // Mostly printable ASCII, so that the eight-byte path runs, with a rare other byte.
            let bytes = (0..<(next() % 40)).map { _ in next() % 6 == 0 ? alphabet[next() % alphabet.count] : UInt8(0x20 + next() % 95) }
            let found = SourceText.firstBadByte(bytes[...])
            #expect(found == reference(bytes), "\(bytes)")
            if found != nil { bad += 1 }
            // A slice that does not start at 0 gives indexes in the slice's terms.
            let sliced = ([0x41] + bytes)[1...]
            #expect(SourceText.firstBadByte(sliced) == reference(bytes).map { $0 + 1 })
        }
        #expect(bad > 2_000 && bad < 18_000, "\(bad)")
    }

    @Test func controlCharacterAndTabs() {
        let r = YAMLComposer().compose(Array("a: 1\u{0}\n".utf8), file: "t.yaml")
        #expect(r.diagnostics.first?.code == "input.control_character")
        let (_, diags) = compose("a:\n\tb: 1\n")
        #expect(diags.first?.code == "input.yaml_syntax")
        #expect(diags.first?.location.line == 2)
    }

    @Test func syntaxErrorIsLocated() {
        let (node, diags) = compose("a: [1, 2\nb: 3\n")
        #expect(node == nil)
        #expect(diags.first?.code == "input.yaml_syntax")
        #expect(diags.first?.location.file == "t.yaml")
    }

    @Test func oneDocumentOnly() {
        let (_, diags) = compose("a: 1\n---\nb: 2\n")
        #expect(diags.first?.code == "input.multiple_documents")
    }

    @Test func complexKeysAreRejected() {
        let (_, diags) = compose("? [a, b]\n: 1\n")
        #expect(diags.first?.code == "input.complex_key")
    }

    @Test func jsonWithPositions() throws {
        let text = "{\n  \"unit\": {\"code\": \"00123\", \"kind\": \"commune\"},\n  \"n\": 12,\n  \"ok\": true\n}"
        let r = JSONReader().read(Array(text.utf8), file: "r.json")
        #expect(r.diagnostics.isEmpty)
        let root = try #require(r.node)
        #expect(root["unit"]?["code"]?.scalarText == "00123")
        #expect(root["unit"]?["code"]?.isTextual == true)
        #expect(root["n"]?.mark == Mark(line: 3, column: 8))
        #expect(root["n"]?.isTextual == false)
        #expect(root["ok"]?.scalarText == "true")
    }

    @Test func jsonDuplicateKeysAndErrors() {
        let dup = JSONReader().read(Array("{\"a\": 1, \"a\": 2}".utf8), file: "r.json")
        #expect(dup.diagnostics.first?.code == "input.duplicate_key")
        #expect(dup.diagnostics.first?.location.column == 10)
        let bad = JSONReader().read(Array("{\"a\": 01}".utf8), file: "r.json")
        #expect(bad.node == nil)
        #expect(bad.diagnostics.first?.code == "input.json_syntax")
        let trailing = JSONReader().read(Array("{\"a\": 1,}".utf8), file: "r.json")
        #expect(trailing.node == nil)
        let deep = JSONReader().read(Array((String(repeating: "[", count: 500) + String(repeating: "]", count: 500)).utf8), file: "r.json")
        #expect(deep.diagnostics.first?.code == "input.too_deep")
    }

    @Test func jsonEscapesAndBOM() {
        let bytes: [UInt8] = [0xEF, 0xBB, 0xBF] + Array("{\"t\": \"X\\u00e3 \\ud83d\\ude00\"}\r\n".utf8)
        let r = JSONReader().read(bytes, file: "r.json")
        #expect(r.node?["t"]?.scalarText == "Xã 😀")
    }

    /// Strings without escapes are copied whole: the column after one still counts characters,
    /// not bytes, and a string with an escape (the slow path) agrees.
    @Test func jsonColumnsAfterStrings() {
        for (text, column) in [("{\"tên\": \"Xã Tà Năng\", \"n\": 1}", 28), ("{\"tên\": \"Xã T\\u00e0 Năng\", \"n\": 1}", 33)] {
            let r = JSONReader().read(Array(text.utf8), file: "r.json")
            #expect(r.diagnostics.isEmpty)
            #expect(r.node?["n"]?.mark == Mark(line: 1, column: column), "\(text)")
        }
        let unterminated = JSONReader().read(Array("{\"a\": \"xã".utf8), file: "r.json")
        #expect(unterminated.diagnostics.first?.code == "input.json_syntax")
        // A raw tab passes the text check and stops the fast path: JSON strings may not hold one.
        let tab = JSONReader().read(Array("{\"a\": \"xã\tb\"}".utf8), file: "r.json")
        #expect(tab.diagnostics.first?.code == "input.json_syntax")
        #expect(tab.diagnostics.first?.location.column == 10)
    }

    /// An object's earlier keys are found by a scan up to 16 keys and by an index after: a
    /// duplicate is caught, and located at its first key, on both sides of that point.
    @Test func jsonDuplicateKeysInLargeObjects() {
        for n in [3, 15, 16, 17, 40] {
            let members = (0..<n).map { "\"k\($0)\": \($0)" } + ["\"k\(n / 2)\": 0", "\"k\(n - 1)\": 0"]
            let r = JSONReader().read(Array(("{" + members.joined(separator: ",\n") + "}").utf8), file: "r.json")
            #expect(r.diagnostics.map(\.code.rawValue) == ["input.duplicate_key", "input.duplicate_key"], "\(n)")
            #expect(r.diagnostics.map(\.location.line) == [n + 1, n + 2], "\(n)")
            #expect(r.diagnostics.map(\.message.en) == ["duplicate key 'k\(n / 2)' (first defined at line \(n / 2 + 1), column 1)",
                                                        "duplicate key 'k\(n - 1)' (first defined at line \(n), column 1)"], "\(n)")
            #expect(r.node?.entries?.count == n)
        }
    }

    /// The first bad byte is found without counting lines, then located: after CRLF line ends and
    /// multi-byte characters, the line and column are those of a character-by-character count.
    @Test func badBytesAreLocatedAfterCRLFAndVietnamese() {
        let prefix = Array("a: Tà Năng\r\nb: ả\rc: ạ".utf8)
        for (bad, code) in [([UInt8(0x01)], "input.control_character"), ([0x7F], "input.control_character"),
                            ([0xC3, 0x28], "input.invalid_utf8"), ([0xED, 0xA0, 0x80], "input.invalid_utf8"),
                            ([0xF4, 0x90, 0x80, 0x80], "input.invalid_utf8"), ([0xE1, 0xBA], "input.invalid_utf8")] {
            let r = YAMLComposer().compose(prefix + bad + Array("\n".utf8), file: "t.yaml")
            #expect(r.diagnostics.first?.code == code, "\(bad)")
            #expect(r.diagnostics.first?.location.line == 3, "\(bad)")
            #expect(r.diagnostics.first?.location.column == 5, "\(bad)")
        }
    }

    @Test func loaderPicksJSONForStdin() {
        let r = DocumentLoader.load(Array("  {\"a\": 1}".utf8), file: "<stdin>")
        #expect(r.node?["a"]?.scalarText == "1")
    }
}
