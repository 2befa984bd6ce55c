import Foundation

/// Orders names as Vietnamese readers expect: the letters a ă â b c d đ e ê g h i k l m n o ô
/// ơ p q r s t u ư v x y, then tones (none, huyền, hỏi, ngã, sắc, nặng), then case —
/// so "Đ" sorts after "D" and diacritics do not scatter names through the list.
public enum VietnameseCollation {
    private static let tones: [UInt32: Int] = [0x300: 1, 0x309: 2, 0x303: 3, 0x301: 4, 0x323: 5]
    private static let letterOrder: [Character] = Array("aăâbcdđeêfghijklmnoôơpqrstuưvwxyz")

    struct Key: Comparable {
        var letters: [Int]
        var tones: [Int]
        var cases: [Int]
        static func < (a: Key, b: Key) -> Bool {
            if a.letters != b.letters { return a.letters.lexicographicallyPrecedes(b.letters) }
            if a.tones != b.tones { return a.tones.lexicographicallyPrecedes(b.tones) }
            return a.cases.lexicographicallyPrecedes(b.cases)
        }
    }

    static func key(_ s: String) -> Key {
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
            if let i = letterOrder.firstIndex(of: base) {
                letters.append(1000 + i)
            } else if base.isNumber, let v = base.wholeNumberValue {
                letters.append(100 + v)
            } else {
                letters.append(Int(base.unicodeScalars.first?.value ?? 0) % 100)   // spaces and punctuation first
            }
            toneList.append(tone)
        }
        return Key(letters: letters, tones: toneList, cases: cases)
    }

    /// Sorts by a string, computing each collation key once (not once per comparison).
    public static func sorted<T>(_ items: [T], by name: (T) -> String, then tieBreak: (T, T) -> Bool = { _, _ in false }) -> [T] {
        let keyed = items.map { (key(name($0)), name($0), $0) }
        return keyed.sorted { a, b in
            if a.0 != b.0 { return a.0 < b.0 }
            if a.1 != b.1 { return a.1 < b.1 }
            return tieBreak(a.2, b.2)
        }.map(\.2)
    }

    /// True when `a` sorts before `b`.
    public static func less(_ a: String, _ b: String) -> Bool {
        let ka = key(a), kb = key(b)
        return ka == kb ? a < b : ka < kb
    }
}
