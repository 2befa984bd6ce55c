import Foundation

/// The official type of an administrative unit, as the register writes it.
public enum AdministrativeType: String, Sendable, Hashable, CaseIterable {
    case tinh
    case thanhPhoTrungUong = "thanh_pho_tw"
    case huyen, quan
    case thiXa = "thi_xa"
    case thanhPho = "thanh_pho"
    case xa, phuong
    case dacKhu = "dac_khu"
    case thiTran = "thi_tran"

    /// The level of the unit: province, district or commune.
    public var level: UnitKind {
        switch self {
        case .tinh, .thanhPhoTrungUong: .province
        case .huyen, .quan, .thiXa, .thanhPho: .district
        case .xa, .phuong, .dacKhu, .thiTran: .commune
        }
    }

    /// The type's name: `thành phố trực thuộc trung ương`, `centrally-run city`.
    public func name(_ lang: Language) -> String {
        switch (self, lang) {
        case (.tinh, .vi): "tỉnh"
        case (.thanhPhoTrungUong, .vi): "thành phố trực thuộc trung ương"
        case (.huyen, .vi): "huyện"
        case (.quan, .vi): "quận"
        case (.thiXa, .vi): "thị xã"
        case (.thanhPho, .vi): "thành phố thuộc tỉnh"
        case (.xa, .vi): "xã"
        case (.phuong, .vi): "phường"
        case (.dacKhu, .vi): "đặc khu"
        case (.thiTran, .vi): "thị trấn"
        case (.tinh, .en): "province"
        case (.thanhPhoTrungUong, .en): "centrally-run city"
        case (.huyen, .en): "rural district"
        case (.quan, .en): "urban district"
        case (.thiXa, .en): "town"
        case (.thanhPho, .en): "provincial city"
        case (.xa, .en): "commune"
        case (.phuong, .en): "ward"
        case (.dacKhu, .en): "special zone"
        case (.thiTran, .en): "township"
        }
    }
}

extension AdministrativeType {
    /// The name for `count` units: English plurals (`wards`, `special zones`); Vietnamese has none.
    func name(_ lang: Language, count: Int) -> String {
        let one = name(lang)
        guard lang == .en, count != 1 else { return one }
        return one.hasSuffix("y") ? String(one.dropLast()) + "ies" : one + "s"
    }
}

/// One unit of the official register.
public struct AdministrativeUnit: Sendable, Hashable {
    /// The official code: 2 digits for a province, 3 for a district, 5 for a commune.
    public let code: String
    /// The official name with its type prefix (`Xã Phú Sơn`, `Tỉnh Lâm Đồng`).
    public let name: String
    /// The official type.
    public let type: AdministrativeType
    /// The code of the unit above (a commune's province, or its district before 1 July 2025);
    /// nil for a province.
    public let parent: String?
}

/// The official list of Vietnamese administrative units (`register/*.tsv`, compiled into qcdc;
/// their sources are cited in the files and in `register/README.md`).
///
/// Two editions ship: the units in force from 1 July 2025 (34 provinces, 3,321 communes;
/// Quyết định 19/2025/QĐ-TTg) and the units before the reorganisation as the register held them
/// on 4 January 2025 (63 provinces, 696 districts, 10,051 communes).
public struct Register: Sendable {
    /// Which list.
    public enum Edition: String, Sendable, CaseIterable {
        /// In force from 1 July 2025.
        case from2025 = "2025"
        /// Before 1 July 2025, as of 4 January 2025.
        case preReform = "pre-2025"
    }

    /// The edition of this list.
    public let edition: Edition
    /// The list's lines, read once; units are made from them when asked for.
    private let table: Table

    /// Every unit: provinces, then districts, then communes, each in code order.
    public var units: [AdministrativeUnit] { table.all.units }

    /// The first day the 2025 list is in force.
    public static let reformDay = UnitKind.districtAbolished
    /// The day the pre-reform list was exported: changes after it are not in it.
    public static let preReformSnapshot = Day(year: 2025, month: 1, day: 4)!

    /// The list in force from 1 July 2025.
    public static let current = Register(edition: .from2025, text: files["register/units-2025.tsv"] ?? "")
    /// The list before the reorganisation (state of 4 January 2025).
    public static let preReform = Register(edition: .preReform, text: files["register/units-pre-2025.tsv"] ?? "")

    /// The list of `edition`.
    public static func edition(_ edition: Edition) -> Register {
        edition == .from2025 ? current : preReform
    }

    /// The list a report for `period` is checked against: the 2025 list when the period ends on
    /// or after 1 July 2025; the pre-reform list when it ends between 4 January and 30 June 2025;
    /// none for earlier periods, whose units the shipped snapshot does not describe (communes
    /// were merged every year before the reform).
    public static func applying(to period: Period) -> Register? {
        if period.end >= reformDay { return current }
        if period.end >= preReformSnapshot { return preReform }
        return nil
    }

    init(edition: Edition, text: String) {
        self.edition = edition
        table = Table(text)
    }

    /// The unit with this code, at any level.
    public subscript(code: String) -> AdministrativeUnit? {
        if let row = table.row(code: code) { return table.unit(row) }
        if table.isSorted { return nil }
        return table.all.index[code].map { table.all.units[$0] }
    }

    /// The provinces, in code order.
    public var provinces: [AdministrativeUnit] { units.filter { $0.type.level == .province } }

    /// The units directly below `code` (a province's communes, or before 2025 its districts;
    /// a district's communes), in code order.
    public func children(of code: String) -> [AdministrativeUnit] {
        let all = table.all
        return (all.children[code] ?? []).map { all.units[$0] }
    }

    /// A province's communes (through its districts before 2025), in code order.
    public func communes(of province: String) -> [AdministrativeUnit] {
        var out: [AdministrativeUnit] = []
        for child in children(of: province) {
            if child.type.level == .commune { out.append(child) } else { out += children(of: child.code) }
        }
        return out.sorted { $0.code < $1.code }
    }

    /// The province a unit belongs to (itself for a province).
    public func province(of unit: AdministrativeUnit) -> AdministrativeUnit? {
        var u = unit
        while let p = u.parent, let up = self[p] { u = up }
        return u.type.level == .province ? u : nil
    }

    /// How many units of each type the list holds.
    public var counts: [AdministrativeType: Int] {
        units.reduce(into: [:]) { $0[$1.type, default: 0] += 1 }
    }
}

extension Register {
    /// The register's text as lines of four tab-separated fields (code, name, type, parent; `#`
    /// starts a comment line), found in one pass over its bytes at start. Checking a report
    /// looks one code up by binary search over the lines (the files list codes by length, then
    /// in order; the pass checks it), making only that unit's strings; listings build every
    /// unit once, on first use.
    final class Table: @unchecked Sendable {
        struct Row {
            var start: Int32, tab1: Int32, tab2: Int32, tab3: Int32, end: Int32
            var type: AdministrativeType
        }

        private let bytes: [UInt8]
        private let rows: [Row]
        /// Whether codes strictly ascend by length, then bytes, so a code can be searched for.
        let isSorted: Bool
        private let lock = NSLock()
        private var built: All?

        /// Every unit, by code and by parent.
        struct All {
            var units: [AdministrativeUnit] = []
            var index: [String: Int] = [:]
            var children: [String: [Int]] = [:]
        }

        init(_ text: String) {
            let bytes = Array(text.utf8)
            let types = AdministrativeType.allCases.map { (Array($0.rawValue.utf8), $0) }
            var rows: [Row] = []
            rows.reserveCapacity(bytes.count / 30)
            var sorted = true
            bytes.withUnsafeBufferPointer { b in
                let tab = UInt8(ascii: "\t"), newline = UInt8(ascii: "\n")
                var start = 0
                while start < b.count {
                    var end = start
                    while end < b.count, b[end] != newline { end += 1 }
                    defer { start = end + 1 }
                    guard end > start, b[start] != UInt8(ascii: "#") else { continue }
                    // The three tabs of a line of four fields; a line with other than three is skipped.
                    var tabs = (0, 0, 0), found = 0
                    for i in start..<end where b[i] == tab {
                        switch found {
                        case 0: tabs.0 = i
                        case 1: tabs.1 = i
                        case 2: tabs.2 = i
                        default: break
                        }
                        found += 1
                    }
                    guard found == 3 else { continue }
                    let typeBytes = UnsafeBufferPointer(rebasing: b[(tabs.1 + 1)..<tabs.2])
                    guard let type = types.first(where: { $0.0.elementsEqual(typeBytes) })?.1 else { continue }
                    let row = Row(start: Int32(start), tab1: Int32(tabs.0), tab2: Int32(tabs.1), tab3: Int32(tabs.2), end: Int32(end), type: type)
                    if sorted, let last = rows.last {
                        sorted = Self.compare(UnsafeBufferPointer(rebasing: b[Int(last.start)..<Int(last.tab1)]),
                                              UnsafeBufferPointer(rebasing: b[start..<tabs.0])) < 0
                    }
                    rows.append(row)
                }
            }
            self.bytes = bytes
            self.rows = rows
            isSorted = sorted
        }

        /// Orders codes by length, then bytes: -1, 0 or 1.
        private static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
            if a.count != b.count { return a.count < b.count ? -1 : 1 }
            for i in 0..<a.count where a[i] != b[i] { return a[i] < b[i] ? -1 : 1 }
            return 0
        }

        /// The row whose code is `code`, by binary search; nil when there is none or the rows
        /// are not in order.
        func row(code: String) -> Row? {
            guard isSorted else { return nil }
            var code = code
            return code.withUTF8 { key in
                bytes.withUnsafeBufferPointer { b in
                    var low = 0, high = rows.count
                    while low < high {
                        let mid = (low + high) / 2, r = rows[mid]
                        switch Self.compare(UnsafeBufferPointer(rebasing: b[Int(r.start)..<Int(r.tab1)]), key) {
                        case 0: return r
                        case ..<0: low = mid + 1
                        default: high = mid
                        }
                    }
                    return nil
                }
            }
        }

        /// The unit a row describes.
        func unit(_ r: Row) -> AdministrativeUnit {
            func field(_ from: Int32, _ to: Int32) -> String { String(decoding: bytes[Int(from)..<Int(to)], as: UTF8.self) }
            return AdministrativeUnit(code: field(r.start, r.tab1), name: field(r.tab1 + 1, r.tab2), type: r.type,
                                      parent: r.tab3 + 1 == r.end ? nil : field(r.tab3 + 1, r.end))
        }

        /// Every unit, made on first use.
        var all: All {
            lock.withLock {
                if let built { return built }
                var all = All()
                all.units = rows.map(unit)
                all.index.reserveCapacity(all.units.count)
                for (i, u) in all.units.enumerated() {
                    all.index[u.code] = i
                    if let p = u.parent { all.children[p, default: []].append(i) }
                }
                built = all
                return all
            }
        }
    }
}
