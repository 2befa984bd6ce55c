import Foundation

/// Compares unit names as people write them: Unicode NFC, Vietnamese case folding (`Đ` = `đ`),
/// either tone-mark placement (`Hoà` = `Hòa`), any apostrophe or dash, runs of spaces, and the
/// type prefix optional (`Phú Sơn` = `Xã Phú Sơn`, `TP. Hồ Chí Minh` = `Thành phố Hồ Chí Minh`).
/// Letters are never dropped: `Hoa` is not `Hòa`.
enum UnitName {
    /// The five Vietnamese tone marks (combining): moved to the end of their word, so that the
    /// old (`oà`) and new (`òa`) placements compare equal.
    private static let toneMarks: Set<UInt32> = [0x300, 0x301, 0x303, 0x309, 0x323]

    /// Type prefixes, longest first, in key form.
    private static let prefixes: [String] = [
        "thành phố trực thuộc trung ương", "thành phố", "tp.", "tp", "tỉnh", "thị trấn", "thị xã",
        "đặc khu", "xã", "phường", "quận", "huyện",
    ].map { key($0) + " " }.sorted { $0.count > $1.count }

    /// The name in comparable form, with its type prefix.
    static func key(_ name: String) -> String {
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
                out.append(contentsOf: tones)   // a word ends: its tone mark goes last
                tones.removeAll()
                // One space at most, and none next to an apostrophe or a dash (`H' Drai`, `A - B`).
                if s == " " && (out.isEmpty || out.last == " " || out.last == "'" || out.last == "-") { continue }
                if s != " " && out.last == " " { out.removeLast() }
            }
            out.append(s)
        }
        out.append(contentsOf: tones)
        if out.last == " " { out.removeLast() }
        return String(out).precomposedStringWithCanonicalMapping
    }

    /// `key` without a leading type prefix.
    static func bareKey(_ name: String) -> String {
        strip(key(name))
    }

    /// `bareKey` without any diacritic and with `đ` as `d` (`lam dong` = `Lâm Đồng`): for
    /// guesses only, never to accept a name.
    static func looseKey(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        for s in bareKey(name).decomposedStringWithCanonicalMapping.unicodeScalars where !(0x300...0x36F).contains(s.value) {
            out.append(s == "đ" ? "d" : s)
        }
        return String(out)
    }

    static func strip(_ key: String) -> String {
        for p in prefixes where key.hasPrefix(p) && key.count > p.count {
            return String(key.dropFirst(p.count))
        }
        return key
    }

    /// True when `written` names the unit officially called `official`.
    static func matches(_ written: String, official: String) -> Bool {
        // Most reports write the official name as it is: no normalising (Foundation's is slow).
        if written == official { return true }
        let a = key(written), b = key(official)
        return a == b || strip(a) == strip(b)
    }
}
