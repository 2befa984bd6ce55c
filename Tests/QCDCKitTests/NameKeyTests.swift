import Foundation
import Testing
@testable import QCDCKit

/// Unit-name keys and Vietnamese collation work out each distinct character once; these tests
/// hold them to the whole-string forms they replaced, on every name of both registers and on
/// made-up names with other placements, spacing, apostrophes, dashes and scripts.
@Suite("Name keys and collation, character by character")
struct NameKeyTests {
    /// The key as it was made before: the whole name lowercased and decomposed by Foundation,
    /// tone marks moved to the end of their word, then recomposed.
    static func referenceKey(_ name: String) -> String {
        let toneMarks: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]
        var out = String.UnicodeScalarView()
        var tones: [Unicode.Scalar] = []
        for var s in name.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch s.value {
            case 0x2018, 0x2019, 0x02BC, 0x0060, 0x00B4: s = "'"
            case 0x2010...0x2015, 0x2212: s = "-"
            default: if s.properties.isWhitespace { s = " " }
            }
            if toneMarks.contains(s.value) { tones.append(s); continue }
            if s == " " || s == "'" || s == "-" {
                out.append(contentsOf: tones)
                tones.removeAll()
                if s == " " && (out.isEmpty || out.last == " " || out.last == "'" || out.last == "-") { continue }
                if s != " " && out.last == " " { out.removeLast() }
            }
            out.append(s)
        }
        out.append(contentsOf: tones)
        if out.last == " " { out.removeLast() }
        return String(out).precomposedStringWithCanonicalMapping
    }

    /// The collation key as it was made before: each character decomposed by Foundation.
    static func referenceCollationKey(_ s: String) -> [Int] {
        let tones: [UInt32: Int] = [0x300: 1, 0x309: 2, 0x303: 3, 0x301: 4, 0x323: 5]
        let order = Array("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")
        var letters: [Int] = [], toneList: [Int] = [], cases: [Int] = []
        for ch in s {
            let lower = Character(ch.lowercased())
            cases.append(ch.isUppercase ? 1 : 0)
            let decomposed = String(lower).decomposedStringWithCanonicalMapping.unicodeScalars
            var base = decomposed.first.map { Character($0) } ?? lower
            var tone = 0
            for u in decomposed.dropFirst() {
                if let t = tones[u.value] { tone = t; continue }
                switch (base, u.value) {
                case ("a", 0x306): base = "ă"
                case ("a", 0x302): base = "â"
                case ("e", 0x302): base = "ê"
                case ("o", 0x302): base = "ô"
                case ("o", 0x31B): base = "ơ"
                case ("u", 0x31B): base = "ư"
                default: break
                }
            }
            if lower == "đ" { base = "đ" }
            if let i = order.firstIndex(of: base) {
                letters.append(1000 + i)
            } else if base.isNumber, let v = base.wholeNumberValue {
                letters.append(100 + v)
            } else {
                letters.append(Int(base.unicodeScalars.first?.value ?? 0) % 100)
            }
            toneList.append(tone)
        }
        return letters + [-1] + toneList + [-1] + cases
    }

    /// Every register name, and variants of some: the old tone placement, capitals, decomposed
    /// text, odd spacing, apostrophes, dashes, and text in other scripts.
    static let names: [String] = {
        var out = (Register.current.units + Register.preReform.units).map(\.name)
        out += ["Hoà Bình", "Hòa Bình", "HOÀ  BÌNH", "  xã   Phú Sơn ", "Xã Ia H’Drai", "Ia H' Drai", "Ia H-Drai",
                "A – B", "A‐B", "Thành phố Hồ Chí Minh", "TP. Hồ Chí Minh", "tp hồ chí minh", "Đắk Lắk", "Dak Lak",
                "Hoa", "Hòa", "Hoà", "Ủy", "Uỷ", "Quy", "Quý", "Qúy", "\u{1EA0}", "A\u{323}", "a\u{323}\u{302}",
                "a\u{302}\u{323}", "Hệ", "Hê\u{323}", "Xã \u{302}An", "Xã \u{301}An", "xã\u{323} an", "ΣΊΣΥΦΟΣ", "Straße", "İstanbul", "x\u{301}\u{323}y", "\t\nXã\u{00A0}An\u{2003}Hải",
                "", " ", "'", "-", "e\u{301}\u{301}", "\u{301}a", "a\r\n\u{301}b", "Ǆ", "ǅ", "ﬁ", "١٢٣"]
        return out
    }()

    /// The prefix stripped as before: by characters, from the recomposed key.
    static func referenceStrip(_ key: String) -> String {
        let prefixes = ["thành phố trực thuộc trung ương", "thành phố", "tp.", "tp", "tỉnh", "thị trấn", "thị xã",
                        "đặc khu", "xã", "phường", "quận", "huyện"].map { referenceKey($0) + " " }.sorted { $0.count > $1.count }
        for p in prefixes where key.hasPrefix(p) && key.count > p.count { return String(key.dropFirst(p.count)) }
        return key
    }

    /// A reference key's scalars in canonical (NFD) order: what a key is now.
    static func decomposed(_ s: String) -> [Unicode.Scalar] {
        Array(s.decomposedStringWithCanonicalMapping.unicodeScalars)
    }

    @Test func unitNameKeysAreTheWholeStringOnes() {
        var keys = UnitName.Keys()
        var differ: [String] = []
        for name in Self.names {
            let reference = Self.referenceKey(name)
            // Through a shared `Keys` and a fresh one.
            let key = keys.key(name)
            if key != Self.decomposed(reference) || UnitName.key(name) != key
                || UnitName.strip(key) != Self.decomposed(Self.referenceStrip(reference)) {
                differ.append(name)
            }
        }
        let differing = differ.count
        #expect(differing == 0, "first: \(differ.prefix(10))")
        #expect(UnitName.bareKey("Xã Hoà Bình") == UnitName.bareKey("Hòa Bình"))
        #expect(UnitName.bareKey("Hoa Bình") != UnitName.bareKey("Hòa Bình"))
        #expect(UnitName.bareKey("Xã \u{302}An") == UnitName.key("Xã \u{302}An"))   // a mark on the space: no prefix
        #expect(UnitName.looseKey("lam dong") == UnitName.looseKey("Tỉnh Lâm Đồng"))
        #expect(UnitName.matches("xã  HOÀ bình", official: "Xã Hòa Bình"))
        #expect(!UnitName.matches("Xã Hoa Bình", official: "Xã Hòa Bình"))
    }

    @Test func collationKeysAreTheCharacterByCharacterOnes() {
        var collator = VietnameseCollation.Collator()
        var differ: [String] = []
        for name in Self.names {
            let k = collator.key(name)
            if k.letters + [-1] + k.tones + [-1] + k.cases != Self.referenceCollationKey(name) { differ.append(name) }
        }
        let differing = differ.count
        #expect(differing == 0, "first: \(differ.prefix(10))")
    }
}
