import Testing
@testable import QCDCKit

/// The scalar readers work on bytes; the references below are the `Character` forms they
/// replaced, kept as the oracle (every report value is read by them, so a difference would
/// change what a report means).
@Suite("Core schema scalars: bytes read as characters were")
struct CoreSchemaTests {
    private static func intByCharacter(_ s: String) -> Int64? {
        var u = Substring(s)
        if u.first == "+" { u = u.dropFirst() }
        guard !u.isEmpty, u.allSatisfy({ $0 == "-" || $0.isASCII && $0.isNumber }) else { return nil }
        return Int64(u)
    }

    private static func numberByCharacter(_ s: String) -> Double? {
        guard let first = s.first, first.isNumber || first == "-" || first == "+" || first == "." else { return nil }
        guard s.allSatisfy({ $0.isASCII && ($0.isNumber || "+-.eE".contains($0)) }) else { return nil }
        guard s.contains(where: { $0.isNumber }) else { return nil }
        return Double(s)
    }

    private static func dayByArray(_ text: String) -> Day? {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == UInt8(ascii: "-"), u[7] == UInt8(ascii: "-") else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var v = 0
            for k in r { guard u[k] >= 48 && u[k] <= 57 else { return nil }; v = v * 10 + Int(u[k] - 48) }
            return v
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) else { return nil }
        return Day(year: y, month: m, day: d)
    }

    /// Hand-picked edges, then every string of up to three characters from an alphabet of signs,
    /// digits, letters, a combining mark and digits of other scripts, then dates with one
    /// character changed.
    private static var corpus: [String] {
        var out = ["", "0", "-0", "+0", "+", "-", "+-1", "--1", "1-2", "007", "12", "-12", "+3", "9223372036854775807",
                   "9223372036854775808", "-9223372036854775808", "1.5", "-2e3", ".5", "5.", "1e", "e1", "1,000", "1 000",
                   " 1", "1 ", "١٢", "٣", "1\u{0301}", "+\u{0301}1", "-\u{0301}1", "１２", "½", "\r\n", "1\r\n", ".nan", ".inf",
                   "0x1F", "1_000", "2026-01-31", "2026-02-30", "2026-13-01", "0000-01-01", "2026-1-01", "2026/01/01",
                   "2026-01-3١", "２026-01-01", "2026-01-01 ", "2026-01-0\u{0301}"]
        let alphabet: [String] = ["0", "7", "9", "+", "-", ".", "e", "E", "x", " ", "\u{0301}", "٣", "１"]
        for a in alphabet {
            out.append(a)
            for b in alphabet {
                out.append(a + b)
                for c in alphabet { out.append(a + b + c) }
            }
        }
        let date = Array("2026-07-15")
        for i in date.indices {
            for c in ["0", "9", "-", "x", "٣", " ", "\u{0301}"] {
                var d = date.map(String.init)
                d[i] = c
                out.append(d.joined())
            }
        }
        return out
    }

    @Test func integersReadAsBefore() {
        for s in Self.corpus { #expect(CoreSchema.int(s) == Self.intByCharacter(s), "\(Array(s.unicodeScalars))") }
    }

    @Test func numbersReadAsBefore() {
        for s in Self.corpus {
            let a = CoreSchema.number(s), b = Self.numberByCharacter(s)
            #expect(a == b || (a?.isNaN == true && b?.isNaN == true), "\(Array(s.unicodeScalars))")
        }
    }

    @Test func datesReadAsBefore() {
        for s in Self.corpus {
            #expect(Day(iso: s) == Self.dayByArray(s), "\(Array(s.unicodeScalars))")
            let shaped = Array(s.utf8).count == 10 && Array(s.utf8)[4] == UInt8(ascii: "-") && Array(s.utf8)[7] == UInt8(ascii: "-")
                && [0, 1, 2, 3, 5, 6, 8, 9].allSatisfy { Array(s.utf8)[$0] >= 48 && Array(s.utf8)[$0] <= 57 }
            #expect(Day.looksLikeDate(s) == shaped, "\(Array(s.unicodeScalars))")
        }
    }
}
