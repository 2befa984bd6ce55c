import Foundation
import QCDCTestSupport
import Testing
@testable import QCDCKit

/// A tree whose names sort differently by whole path and by name alone: `a.yaml` before `a/`,
/// `a-b/` (`-` is before `/`) before `a/`, a space, capitals, Vietnamese, a hidden directory,
/// a file that is not a report, depth, and names that share their first eight bytes.
private func tree() throws -> (root: String, files: [String]) {
    let root = try temporaryDirectory().path
    let files = ["a.yaml", "a/b.yaml", "a/b/c.yaml", "a/b-c/d.yml", "a-b/e.json", "a b/f.yaml", "A/g.yaml",
                 "Đà Lạt/h.yaml", "xã/i.yaml", "z.csv", "a/b/c/d/e/f.yaml", "a/a.yaml",
                 // Names alike in their first eight bytes, or shorter than eight (the sort
                 // compares those bytes as a number first).
                 "abcdefgh.yaml", "abcdefgh0.yaml", "abcdefg.yaml", "abcdefgh/k.yaml", "abcdefgh-/l.yaml", "Abcdefgh.yaml",
                 "abcdefgé.yaml", "abcdefg/m.yaml", "ab.json"]
    for f in files + [".hidden/x.yaml", "a/.git/y.yaml", "a/notes.txt"] {
        let path = root + "/" + f
        try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try Data("unit: {}\n".utf8).write(to: URL(fileURLWithPath: path))
    }
    return (root, files.map { root + "/" + $0 })
}

@Suite("Input: walking directories one at a time")
struct InputWalkTests {
    /// The walk lists one directory at a time, yet gives the order of a sort of whole paths (what
    /// a run's output order has always been).
    @Test func ordersFilesAsTheirWholePaths() throws {
        let (root, files) = try tree()
        #expect(InputFiles.walk(root) == files.sorted())
        var walker = InputFiles.Walker([root])
        var seen: [String] = []
        while let (path, walked) = walker.next() {
            #expect(walked)
            seen.append(path)
        }
        #expect(seen == files.sorted())
        #expect(walker.diagnostics.isEmpty)
        #expect(walker.count == files.count)
    }

    /// Every file's path is found again by its number, in any order, for files found in
    /// directories and named explicitly alike, across several arguments.
    @Test func namesEveryFileByItsNumber() throws {
        let (root, files) = try tree()
        let explicit = files[0]
        var walker = InputFiles.Walker([root + "/a", explicit, "-", root])
        var all: [String] = []
        while let (path, _) = walker.next() { all.append(path) }
        #expect(all.count == files.filter { $0.hasPrefix(root + "/a/") }.count + 2 + files.count)
        let named = all.count - files.count - 2
        #expect(Array(all[named...named + 1]) == [explicit, "-"])
        for i in all.indices.reversed() + all.indices.shuffled() {
            #expect(walker.name(of: i) == all[i], "file \(i)")
        }
    }

    /// A file that vanished after it was checked is named by its directory, not by a neighbour;
    /// so are the others of a directory whose report files changed (a digest of their names
    /// tells, whatever the file system's clock: a file added that sorts first shifts them all).
    @Test func namesTheDirectoryWhenAFileVanished() throws {
        let (root, _) = try tree()
        var walker = InputFiles.Walker([root + "/a/b"])
        var all: [String] = []
        while let (path, _) = walker.next() { all.append(path) }
        #expect(all == [root + "/a/b/c.yaml", root + "/a/b/c/d/e/f.yaml"])
        try FileManager.default.removeItem(atPath: root + "/a/b/c.yaml")
        try Data().write(to: URL(fileURLWithPath: root + "/a/b/c/d/e/0.yaml"))
        #expect(walker.name(of: 0) == root + "/a/b")
        #expect(walker.name(of: 1) == root + "/a/b/c/d/e")
        // A directory that did not change gives its file back; a listing once found to match the
        // walk is kept, and names the file checked even if the directory changes later.
        var again = InputFiles.Walker([root + "/a/b/c"])
        while again.next() != nil {}
        #expect(again.name(of: 0) == root + "/a/b/c/d/e/0.yaml")
        try Data().write(to: URL(fileURLWithPath: root + "/a/b/c/d/e/00.yaml"))
        #expect(again.name(of: 1) == root + "/a/b/c/d/e/f.yaml")
    }

    /// Names equal to Swift (the same letters, composed and decomposed) are ordered by their
    /// bytes, whatever order the file system lists them in.
    @Test func ordersCanonicallyEqualNamesByTheirBytes() throws {
        let root = try temporaryDirectory().path
        let composed = "\u{E9}", decomposed = "e\u{301}"
        for dir in [decomposed, composed] {
            try FileManager.default.createDirectory(atPath: root + "/" + dir, withIntermediateDirectories: true)
            for f in ["x.yaml", "y.yaml"] { try Data("unit: {}\n".utf8).write(to: URL(fileURLWithPath: root + "/" + dir + "/" + f)) }
        }
        let found = InputFiles.walk(root).map { Array($0.dropFirst(root.count + 1).utf8) }
        // "e" (0x65) before "é" (0xC3 0xA9): the decomposed directory's files come first, together.
        #expect(found == [decomposed + "/x.yaml", decomposed + "/y.yaml", composed + "/x.yaml", composed + "/y.yaml"].map { Array($0.utf8) })
    }

    /// A report file or directory whose name is not UTF-8 (a Windows-1258 name unpacked from a
    /// zip) cannot be opened by its `String`: it is an error naming it, never skipped in
    /// silence; the files beside it are still found, and other files with such names ignored.
    @Test func namesThatAreNotUTF8AreErrors() throws {
        let root = try temporaryDirectory().path
        try Data("unit: {}\n".utf8).write(to: URL(fileURLWithPath: root + "/ok.yaml"))
        try FileManager.default.createDirectory(atPath: root + "/skip", withIntermediateDirectories: true)
        let names: [[UInt8]] = [[0x78, 0xE9] + Array(".yaml".utf8), [0x64, 0xE9], [0x6E, 0xE9] + Array(".txt".utf8),
                                Array("skip/".utf8) + [0x73, 0xE9] + Array(".yaml".utf8)]
        for name in names {
            let path = Array(root.utf8) + [0x2F] + name + [0]
            let made = path.withUnsafeBufferPointer { p in
                p.baseAddress!.withMemoryRebound(to: CChar.self, capacity: p.count) { c -> Int32 in
                    if name.first == 0x64 { return mkdir(c, 0o755) }
                    let fd = open(c, O_CREAT | O_WRONLY, 0o644)
                    if fd >= 0 { close(fd) }
                    return fd
                }
            }
            #expect(made >= 0)
        }
        // What the exclude patterns leave out is not looked at; what include leaves out is not named.
        let skipping = FileSelection(exclude: ["skip"], base: root)
        #expect(InputFiles.expand([root], selection: skipping).diagnostics.map(\.location.file).sorted()
                == [root + "/d\u{FFFD}", root + "/x\u{FFFD}.yaml"])
        let only = FileSelection(include: ["ok.yaml"], base: root)
        #expect(InputFiles.expand([root], selection: only).diagnostics.map(\.location.file) == [root + "/d\u{FFFD}"])
        let (files, diags) = InputFiles.expand([root])
        #expect(files.map(\.path) == [root + "/ok.yaml"])
        #expect(diags.map(\.code.rawValue) == ["input.unreadable", "input.unreadable", "input.unreadable"])
        #expect(Set(diags.map(\.location.file)) == [root + "/d\u{FFFD}", root + "/x\u{FFFD}.yaml", root + "/skip/s\u{FFFD}.yaml"])
        #expect(diags.allSatisfy { $0.notes.count == 1 })
    }

    /// Problems come in the order of the arguments, after the walk that finds them.
    @Test func reportsMissingPathsAndEmptyDirectoriesInOrder() throws {
        let (root, files) = try tree()
        let empty = try temporaryDirectory().path
        let (found, diags) = InputFiles.expand([root + "/missing.yaml", empty, root + "/a-b", root + "/gone"],
                                               selection: FileSelection())
        #expect(found.map(\.path) == [root + "/a-b/e.json"])
        #expect(diags.map(\.code.rawValue) == ["input.not_found", "input.empty_directory", "input.not_found"])
        #expect(diags.map(\.location.file) == [root + "/missing.yaml", empty, root + "/gone"])
        // A selection that admits nothing leaves the directory empty too.
        let none = FileSelection(include: ["nothing-matches"], base: root)
        #expect(InputFiles.expand([root], selection: none).diagnostics.map(\.code.rawValue) == ["input.empty_directory"])
        #expect(files.count == InputFiles.expand([root]).files.count)
    }
}

@Suite("Duplicate reports: the index kept by unit")
struct DuplicateIndexTests {
    typealias Seen = Checker.DuplicateReports.Seen

    /// Different units never share a key: leading zeros count, kinds differ, and codes that do
    /// not pack stay text.
    @Test func keysTellUnitsApart() {
        let key = Checker.DuplicateReports.key
        var keys = Set<Checker.DuplicateReports.Key>()
        let codes = ["1", "01", "001", "10", "0", "9999999", "0000000", "24985", "00001", "12345678", "", "BNV", "x1", "١٢"]
        for kind in UnitKind.allCases {
            for code in codes { keys.insert(key(kind, code)) }
        }
        #expect(keys.count == UnitKind.allCases.count * codes.count)
        #expect(key(.commune, "24985") == .packed(UInt32(2) << 27 | 5 << 24 | 24985))
        #expect(key(.commune, "12345678") == .text("commune|12345678"))
        #expect(key(.agency, "BNV") == .text("agency|BNV"))
        // A code of letters written composed or decomposed is the same unit, as before.
        #expect(key(.agency, "S\u{E9}") == key(.agency, "Se\u{301}"))
    }

    /// 200,000 units go in and each comes back with its own values; a value that does not fit a
    /// slot (a spreadsheet row, a file numbered past 22 bits, a period past the 4,095 the table
    /// numbers) comes back whole.
    @Test func tableGivesBackWhatWentIn() {
        let table = Checker.PackedTable()
        var rng = SystemRandomNumberGenerator()
        var expected: [UInt32: Seen] = [:]
        while expected.count < 200_000 {
            let key = UInt32.random(in: 1..<(1 << 30), using: &rng)
            guard expected[key] == nil else { continue }
            // More distinct periods than the table numbers: the later ones are kept elsewhere.
            let start = Int32.random(in: 19_000...21_000, using: &rng)
            let seen = Seen(start: start, end: start + Int32.random(in: 0...400, using: &rng), file: Int32(expected.count), row: 0)
            expected[key] = seen
            #expect(table.insert(key, seen) == nil)
        }
        let odd: [Seen] = [Seen(start: 20_000, end: 20_365, file: 7, row: 12),
                           Seen(start: -5, end: 300, file: 8, row: 0),
                           Seen(start: 1_000, end: 70_000, file: 9, row: 0),
                           Seen(start: 70_000, end: 70_001, file: 10, row: 0),
                           Seen(start: 20_000, end: 20_365, file: 1 << 22, row: 0),
                           Seen(start: 20_000, end: 20_365, file: Int32.max, row: 0),
                           Seen(start: .min, end: .max, file: 11, row: 0)]
        for (i, seen) in odd.enumerated() {
            let key = UInt32(i + 1)
            if expected[key] != nil { continue }
            expected[key] = seen
            #expect(table.insert(key, seen) == nil)
        }
        let probe = Seen(start: 0, end: 0, file: -1, row: 0)
        for (key, seen) in expected { #expect(table.insert(key, probe) == seen) }
    }
}
