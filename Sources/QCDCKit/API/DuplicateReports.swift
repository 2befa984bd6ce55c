import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Checker {
    /// Two reports for the same unit and period: the later one (in path order) is an error
    /// naming the first; overlapping periods of one unit get a warning (trends would mislead).
    ///
    /// The reports already seen are kept by unit, which grows with the run, so each costs little:
    /// a unit with a code of up to seven digits (every official code) is a 32-bit key, and with
    /// its first report's period and file number it takes a slot in an open-addressing
    /// table (``PackedTable``: 8 bytes a slot, about 10 a unit at 100,000). Other codes, and a unit's
    /// further periods (rare), are kept in dictionaries.
    struct DuplicateReports {
        struct Seen: Equatable {
            var start: Int32
            var end: Int32
            var file: Int32
            var row: Int32
            var period: Period { Period(start: Day(ordinal: Int(start)), end: Day(ordinal: Int(end))) }
        }

        /// A unit: its kind and code packed into 32 bits when they fit, else as text.
        enum Key: Hashable {
            case packed(UInt32)
            case text(String)
        }

        private var table = PackedTable()
        private var others: [String: Seen] = [:]
        private var more: [Key: [Seen]] = [:]

        /// The key of a unit: a code of one to seven ASCII digits is packed with its kind and
        /// length (leading zeros count) as `kind + 1` (3 bits), the length (3 bits) and the number
        /// (24 bits), never 0; any other code stays text, compared as Swift compares strings.
        static func key(kind: UnitKind, code: String) -> Key {
            let bytes = code.utf8
            guard (1...7).contains(bytes.count), bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else {
                return .text("\(kind.rawValue)|\(code)")
            }
            let value = bytes.reduce(UInt32(0)) { $0 * 10 + UInt32($1 - 0x30) }
            return .packed(UInt32(UnitKind.allCases.firstIndex(of: kind)! + 1) << 27 | UInt32(bytes.count) << 24 | value)
        }

        /// Flags `outcome` (the run's file number `index`) when its unit already has a report
        /// for the same or an overlapping period; `name` gives a file number's name.
        mutating func flag(_ outcome: inout ReportOutcome, index: Int, name: (Int, Int?) -> String) {
            guard let unit = outcome.unit, let period = outcome.period else { return }
            let key = Self.key(kind: unit.kind, code: unit.code)
            let seen = Seen(start: Int32(clamping: period.start.ordinal), end: Int32(clamping: period.end.ordinal), file: Int32(clamping: index),
                            row: Int32(clamping: outcome.row ?? 0))
            let earlier: Seen?
            switch key {
            case .packed(let k):
                earlier = table.insert(k, seen)
            case .text(let t):
                earlier = others[t]
                if earlier == nil { others[t] = seen }
            }
            guard let head = earlier else { return }
            let sheet = outcome.results.first?.location.sheet ?? outcome.diagnostics.first { $0.location.file == outcome.file }?.location.sheet
            for other in [head] + (more[key] ?? []) {
                var at = Mark(line: outcome.row ?? 1, column: 1).located(in: outcome.file)
                at.sheet = sheet
                // Named only for a finding: naming may list a directory again.
                func file() -> String { name(Int(other.file), other.row == 0 ? nil : Int(other.row)) }
                if other.period == period {
                    outcome.diagnostics.append(Diagnostic(.error, DiagnosticCode(.report, "duplicate_report"),
                        .secondReport(kind: unit.kind, code: unit.code, period: period, first: file()), at: at, notes: [.keepOneReport]))
                    outcome.results = []
                    break
                } else if other.period.start <= period.end && period.start <= other.period.end {
                    outcome.diagnostics.append(Diagnostic(.warning, DiagnosticCode(.report, "overlapping_period"),
                        .overlappingPeriod(period, other: other.period, file: file(), kind: unit.kind, code: unit.code), at: at,
                        notes: [.overlapCountedTwice]))
                }
            }
            // A unit's further periods are few; past 64 (a sheet of one unit's rows), only the first are compared.
            if (more[key]?.count ?? 0) < 64 { more[key, default: []].append(seen) }
        }
    }

    /// Open addressing with linear probing from nonzero 30-bit keys (``DuplicateReports/key(kind:code:)``
    /// never gives more) to ``DuplicateReports/Seen``, 8 bytes a slot: the key, the period as a
    /// number in a small table of the run's distinct periods (most runs have a handful: a year, its
    /// quarters) and the file number. In 16 shards chosen by the mixed key's top bits, each
    /// doubling when it is seven eighths full. Shards are anonymous memory mappings of their own:
    /// zero (empty) without being written, and returned whole when they grow, so that the table
    /// leaves no holes in the heap, and growing never holds two copies of the whole table. A
    /// first report that does not fit a slot (a spreadsheet row, a file numbered past 4,194,303,
    /// a run's 4,096th distinct period) keeps its values in a dictionary, its slot marked.
    ///
    /// The index is what a run keeps for each unit it has seen, so it is what grows with the run:
    /// at 12 bytes a slot (the period's days in the slot) it was most of the growth from 10,000 to
    /// 100,000 reports.
    final class PackedTable {
        /// `key << 34 | period << 22 | file`; 0 is empty (a key is never 0).
        typealias Slot = UInt64
        private static let fileBits = 22, periodBits = 12
        /// The period number that marks a slot whose values are in ``overflow``.
        private static let elsewhere = UInt64(1) << periodBits - 1
        private var shards = [UnsafeMutableBufferPointer<Slot>](repeating: UnsafeMutableBufferPointer(start: nil, count: 0), count: 16)
        private var counts = [Int](repeating: 0, count: 16)
        private var overflow: [UInt32: DuplicateReports.Seen] = [:]
        /// The distinct periods of first reports, by number (at most `elsewhere` of them).
        private var periods: [(start: Int32, end: Int32)] = []
        private var periodNumbers: [Int64: UInt64] = [:]

        deinit {
            for shard in shards { Self.release(shard) }
        }

        /// The first key's value when `key` is already there; else stores `value` and gives nil.
        func insert(_ key: UInt32, _ value: DuplicateReports.Seen) -> DuplicateReports.Seen? {
            precondition(key != 0 && key >> 30 == 0, "a packed unit key has 30 bits")
            let hash = Self.mix(key)
            let s = Int(hash >> 60)
            if (counts[s] + 1) * 8 > shards[s].count * 7 { grow(s) }
            let shard = shards[s]
            let mask = shard.count - 1
            var i = Int(truncatingIfNeeded: hash) & mask
            while true {
                let slot = shard[i]
                if slot == 0 {
                    shard[i] = UInt64(key) << 34 | pack(value)
                    counts[s] += 1
                    return nil
                }
                if UInt32(truncatingIfNeeded: slot >> 34) == key {
                    let number = (slot >> UInt64(Self.fileBits)) & Self.elsewhere
                    if number == Self.elsewhere { return overflow[key] }
                    let period = periods[Int(number)]
                    return DuplicateReports.Seen(start: period.start, end: period.end,
                                                 file: Int32(truncatingIfNeeded: slot & (1 << UInt64(Self.fileBits) - 1)), row: 0)
                }
                i = (i + 1) & mask
            }

            /// The period number and file of `value`, or the mark that they are in `overflow`.
            func pack(_ value: DuplicateReports.Seen) -> UInt64 {
                if value.row == 0, value.file >= 0, value.file >> Self.fileBits == 0, let number = number(of: value) {
                    return number << UInt64(Self.fileBits) | UInt64(value.file)
                }
                overflow[key] = value
                return Self.elsewhere << UInt64(Self.fileBits)
            }
        }

        /// The number of `value`'s period, given one if new; nil when the numbers are all taken.
        private func number(of value: DuplicateReports.Seen) -> UInt64? {
            let days = Int64(value.start) << 32 | Int64(UInt32(bitPattern: value.end))
            if let n = periodNumbers[days] { return n }
            guard UInt64(periods.count) < Self.elsewhere else { return nil }
            let n = UInt64(periods.count)
            periods.append((value.start, value.end))
            periodNumbers[days] = n
            return n
        }

        private func grow(_ s: Int) {
            let old = shards[s]
            let new = Self.allocate(max(256, old.count * 2))
            let mask = new.count - 1
            for slot in old where slot != 0 {
                var i = Int(truncatingIfNeeded: Self.mix(UInt32(truncatingIfNeeded: slot >> 34))) & mask
                while new[i] != 0 { i = (i + 1) & mask }
                new[i] = slot
            }
            shards[s] = new
            Self.release(old)
        }

        /// `count` empty slots, in a mapping of their own (zero-filled by the system).
        private static func allocate(_ count: Int) -> UnsafeMutableBufferPointer<Slot> {
            let bytes = count * MemoryLayout<Slot>.stride
            guard let raw = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
                  raw != UnsafeMutableRawPointer(bitPattern: -1) else {
                fatalError("qcdc: out of memory (\(bytes) bytes for the duplicate-report index)")
            }
            return UnsafeMutableBufferPointer(start: raw.bindMemory(to: Slot.self, capacity: count), count: count)
        }

        private static func release(_ shard: UnsafeMutableBufferPointer<Slot>) {
            guard let base = shard.baseAddress else { return }
            munmap(UnsafeMutableRawPointer(base), shard.count * MemoryLayout<Slot>.stride)
        }

        /// SplitMix64's finaliser: every bit of the key moves the shard and the slot.
        static func mix(_ key: UInt32) -> UInt64 {
            var z = UInt64(key)
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return z ^ (z >> 31)
        }
    }
}
