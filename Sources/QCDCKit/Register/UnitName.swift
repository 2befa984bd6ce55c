import Foundation

/// Compares unit names as people write them: Unicode NFC, Vietnamese case folding (`Đ` = `đ`),
/// either tone-mark placement (`Hoà` = `Hòa`), any apostrophe or dash, runs of spaces, and the
/// type prefix optional (`Phú Sơn` = `Xã Phú Sơn`, `TP. Hồ Chí Minh` = `Thành phố Hồ Chí Minh`).
/// Letters are never dropped: `Hoa` is not `Hòa`.
enum UnitName {
    /// A name in comparable form: lowercased and canonically decomposed (NFD) scalars, each
    /// word's tone marks last, one space between words. Equal keys are equal names; a key is
    /// never shown.
    typealias Key = [Unicode.Scalar]

    /// The five Vietnamese tone marks (combining): moved to the end of their word, so that the
    /// old (`oà`) and new (`òa`) placements compare equal.
    private static func isTone(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x300, 0x301, 0x303, 0x309, 0x323: true
        default: false
        }
    }

    /// Type prefixes, longest first, in key form.
    private static let prefixes: [Key] = [
        "thành phố trực thuộc trung ương", "thành phố", "tp.", "tp", "tỉnh", "thị trấn", "thị xã",
        "đặc khu", "xã", "phường", "quận", "huyện",
    ].map { key($0) + [" "] }.sorted { $0.count > $1.count }

    /// The name in comparable form, with its type prefix.
    static func key(_ name: String) -> Key {
        var keys = Keys()
        return keys.key(name)
    }

    /// `key` without a leading type prefix.
    static func bareKey(_ name: String) -> Key {
        strip(key(name))
    }

    /// `bareKey` without any diacritic and with `đ` as `d` (`lam dong` = `Lâm Đồng`): for
    /// guesses only, never to accept a name.
    static func looseKey(_ name: String) -> String {
        var out = String.UnicodeScalarView()
        for s in bareKey(name) where !(0x300...0x36F).contains(s.value) {
            out.append(s == "đ" ? "d" : s)
        }
        return String(out)
    }

    /// Makes keys, working out each distinct scalar's lowercase decomposition once: Foundation's
    /// costs about 20,000 instructions a character, and the 10,819 names of the pre-reform
    /// register use a few hundred distinct scalars. Indexing the 3,355 current names (for an
    /// unknown code's did-you-mean) took 270 M instructions with Foundation on each name.
    struct Keys {
        /// A scalar lowercased and decomposed, any apostrophe as `'`, dash as `-`, space as ` `;
        /// each part with its canonical combining class.
        private var known: [UInt32: [(scalar: Unicode.Scalar, combining: UInt8)]] = [:]

        private mutating func parts(_ scalar: Unicode.Scalar) -> [(scalar: Unicode.Scalar, combining: UInt8)] {
            if let p = known[scalar.value] { return p }
            var out: [(scalar: Unicode.Scalar, combining: UInt8)] = []
            for var s in String(scalar).lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
                switch s.value {
                case 0x2018, 0x2019, 0x02BC, 0x0060, 0x00B4: s = "'"
                case 0x2010...0x2015, 0x2212: s = "-"
                default: if s.properties.isWhitespace { s = " " }
                }
                out.append((s, s.properties.canonicalCombiningClass.rawValue))
            }
            known[scalar.value] = out
            return out
        }

        mutating func key(_ name: String) -> Key {
            var out: [(scalar: Unicode.Scalar, combining: UInt8)] = []
            var tones: [(scalar: Unicode.Scalar, combining: UInt8)] = []
            for scalar in name.unicodeScalars {
                for p in parts(scalar) {
                    let s = p.scalar
                    if UnitName.isTone(s) { tones.append(p); continue }
                    if s == " " || s == "'" || s == "-" {
                        out.append(contentsOf: tones)   // a word ends: its tone mark goes last
                        tones.removeAll()
                        // One space at most, and none next to an apostrophe or a dash (`H' Drai`, `A - B`).
                        let last = out.last?.scalar
                        if s == " " && (last == nil || last == " " || last == "'" || last == "-") { continue }
                        if s != " " && last == " " { out.removeLast() }
                    }
                    out.append(p)
                }
            }
            out.append(contentsOf: tones)
            if out.last?.scalar == " " { out.removeLast() }
            // Canonical order, as in NFD: each run of combining marks sorted by class, stably
            // (moving tone marks can leave a run out of order: `ệ` is e, U+0323, U+0302).
            var i = 0
            while i < out.count {
                guard out[i].combining != 0 else { i += 1; continue }
                var end = i + 1
                while end < out.count && out[end].combining != 0 { end += 1 }
                for j in (i + 1)..<end {
                    var k = j
                    while k > i && out[k - 1].combining > out[k].combining {
                        out.swapAt(k - 1, k)
                        k -= 1
                    }
                }
                i = end
            }
            return out.map(\.scalar)
        }

        mutating func bareKey(_ name: String) -> Key {
            strip(key(name))
        }
    }

    /// `key` without its type prefix, when something follows it.
    static func strip(_ key: Key) -> Key {
        for p in prefixes where key.count > p.count && key.starts(with: p) {
            // The prefix's final space must end a character: not a space with a mark on it. A
            // letter before the combining marks (U+0300) never joins it, and a key's letters
            // are decomposed, so it is rare to ask the grapheme rules.
            let next = key[p.count]
            if next.value >= 0x300 {
                guard String(String.UnicodeScalarView([" ", next])).count == 2 else { continue }
            }
            return Array(key[p.count...])
        }
        return key
    }

    /// True when `written` names the unit officially called `official`.
    static func matches(_ written: String, official: String) -> Bool {
        // Most reports write the official name as it is: no normalising.
        if written == official { return true }
        var keys = Keys()
        let a = keys.key(written), b = keys.key(official)
        return a == b || strip(a) == strip(b)
    }
}
