import Testing
@testable import QCDCKit

@Suite("The register of administrative units")
struct RegisterTests {
    /// The counts of Decision 19/2025/QĐ-TTg and of the pre-reform snapshot.
    @Test func countsAreTheOfficialOnes() {
        let now = Register.current.counts
        #expect(now[.tinh] == 28 && now[.thanhPhoTrungUong] == 6)
        #expect(now[.xa] == 2621 && now[.phuong] == 687 && now[.dacKhu] == 13)
        #expect(Register.current.units.count == 34 + 3321)
        #expect(Register.current.provinces.map(\.code).joined(separator: " ") ==
                "01 04 08 11 12 14 15 19 20 22 24 25 31 33 37 38 40 42 44 46 48 51 52 56 66 68 75 79 80 82 86 91 92 96")
        let before = Register.preReform.counts
        #expect(Register.preReform.provinces.count == 63)
        #expect(before[.huyen]! + before[.quan]! + before[.thiXa]! + before[.thanhPho]! == 696)
        #expect(before[.xa]! + before[.phuong]! + before[.thiTran]! == 10051)
        #expect(Register.current.communes(of: "68").count == 124)
        #expect(Register.preReform.communes(of: "17").allSatisfy { $0.type.level == .commune })
        #expect(Register.preReform.province(of: Register.preReform["05266"]!)?.name == "Tỉnh Hoà Bình")
    }

    /// A code looked up by binary search over the lines gives the unit the full list holds, for
    /// every unit of both editions; a code not listed gives nothing.
    @Test func lookupByCodeAgreesWithTheFullList() {
        for register in [Register.current, Register.preReform] {
            for u in register.units { #expect(register[u.code] == u, "\(u.code)") }
            for code in ["", "0", "1", "00", "97", "99", "000", "0001", "00000", "99999", "999999", "01 ", " 01", "0\u{0661}"] {
                #expect(register[code] == nil, "\(code)")
            }
        }
    }

    /// Lines out of order, duplicated, malformed or commented out: the same units as the old
    /// reading (every line of four fields with a known type; a repeated code's last line wins).
    @Test func aListOutOfOrderIsStillRead() {
        let text = "# comment\n02\tTỉnh B\ttinh\t\n01\tTỉnh A\ttinh\t\n00001\tXã C\txa\t01\n"
            + "bad line\n00002\tXã D\tnot_a_type\t01\n00001\tXã C2\txa\t02\n00003\tXã E\txa\t01\textra\n\n"
        let r = Register(edition: .from2025, text: text)
        #expect(r.units.map(\.code) == ["02", "01", "00001", "00001"])
        #expect(r["01"]?.name == "Tỉnh A" && r["02"]?.parent == nil)
        #expect(r["00001"]?.name == "Xã C2" && r["00001"]?.parent == "02")
        #expect(r["00002"] == nil && r["00003"] == nil)
        #expect(r.children(of: "01").map(\.name) == ["Xã C"])
        let ordered = Register(edition: .from2025, text: "01\tTỉnh A\ttinh\t\n02\tTỉnh B\ttinh\t\n00001\tXã C\txa\t01")
        #expect(ordered["00001"]?.name == "Xã C" && ordered["00001"]?.parent == "01" && ordered["02"]?.name == "Tỉnh B")
        #expect(ordered.province(of: ordered["00001"]!)?.code == "01")
    }

    @Test func theListFollowsThePeriod() {
        #expect(Register.applying(to: .year(2026))?.edition == .from2025)
        #expect(Register.applying(to: .year(2025))?.edition == .from2025)
        let h1 = Period(start: Day(year: 2025, month: 1, day: 1)!, end: Day(year: 2025, month: 6, day: 30)!)
        #expect(Register.applying(to: h1)?.edition == .preReform)
        #expect(Register.applying(to: .year(2024)) == nil)
    }

    @Test func namesCompareAsPeopleWriteThem() {
        #expect(UnitName.matches("Xã Hiệp Thạnh", official: "Xã Hiệp Thạnh"))
        #expect(UnitName.matches("xã  hiệp thạnh ", official: "Xã Hiệp Thạnh"))
        #expect(UnitName.matches("Hiệp Thạnh", official: "Xã Hiệp Thạnh"))
        #expect(UnitName.matches("XÃ HIỆP THẠNH", official: "Xã Hiệp Thạnh"))
        #expect(UnitName.matches("Phường Phú Thủy", official: "Phường Phú Thuỷ"))      // tone-mark placement
        #expect(UnitName.matches("Xã Hòa An", official: "Xã Hoà An"))
        #expect(UnitName.matches("Xa\u{0303} Hie\u{0302}\u{0323}p Tha\u{0323}nh", official: "Xã Hiệp Thạnh"))   // NFD
        #expect(UnitName.matches("Xã Ea H'Leo", official: "Xã Ea H’Leo"))
        #expect(UnitName.matches("Huyện Ia H'Drai", official: "Huyện Ia H' Drai"))
        #expect(UnitName.matches("Phường Văn Miếu – Quốc Tử Giám", official: "Phường Văn Miếu - Quốc Tử Giám"))
        #expect(UnitName.matches("TP. Hồ Chí Minh", official: "Thành phố Hồ Chí Minh"))
        #expect(!UnitName.matches("Xã Hiep Thanh", official: "Xã Hiệp Thạnh"))          // letters are never dropped
        #expect(!UnitName.matches("Xã Ninh Gia", official: "Xã Hiệp Thạnh"))
        #expect(UnitName.looseKey("lam dong") == UnitName.looseKey("Tỉnh Lâm Đồng"))
    }

    static let rules = builtin

    func read(_ unit: String, period: String = "{year: 2026}") -> (UnitReport?, [Diagnostic]) {
        var reader = ReportReader(ruleSet: builtin)
        reader.checksRegister = true
        let (node, _) = compose("unit: \(unit)\nperiod: \(period)\n")
        return reader.read(node!, file: "r.yaml")
    }

    @Test func aRealCommunePassesAndGetsItsParentAndSubtype() {
        let (r, d) = read("{code: \"24967\", name: Xã Hiệp Thạnh, kind: commune}")
        #expect(d.isEmpty, "\(d)")
        #expect(r?.unit.parent == "68" && r?.unit.subtype == "xa")
    }

    @Test func unknownCodeIsAnErrorWithDidYouMean() {
        // Leading zeros lost: YAML read the code as a number.
        let (r, d) = read("{code: 4967, name: Xã Hiệp Thạnh, kind: commune, parent: \"68\"}")
        #expect(r == nil)
        let e = d.first { $0.code == "report.unknown_unit" }
        #expect(e?.severity == .error && e?.location.line == 1 && e?.location.column == 14)
        #expect(e?.notes.contains { $0.contains("'24967'") } == true, "\(String(describing: e))")   // by name
        let zeros = read("{code: \"4\", name: Phường Ba Đình, kind: commune}").1.first { $0.code == "report.unknown_unit" }
        #expect(zeros?.notes.first?.contains("did you mean '00004' (Phường Ba Đình)") == true, "\(String(describing: zeros))")
        // A province's code given for a commune.
        let level = read("{code: \"68\", name: Xã Hiệp Thạnh, kind: commune}").1.first { $0.code == "report.unknown_unit" }
        #expect(level?.notes.contains { $0.contains("'68' is the code of Tỉnh Lâm Đồng") } == true)
        // One keystroke away, in the report's province.
        let typo = read("{code: \"24968\", name: Xã Không Có, kind: commune, parent: \"68\"}").1.first { $0.code == "report.unknown_unit" }
        #expect(typo?.notes.contains { $0.contains("'24967': Xã Hiệp Thạnh") } == true, "\(String(describing: typo))")
        // An unknown province.
        #expect(read("{code: \"90\", name: Tỉnh Minh Sơn, kind: province}").1.contains { $0.code == "report.unknown_unit" && $0.severity == .error })
    }

    @Test func wrongNameIsAWarningWithTheOfficialName() {
        let (r, d) = read("{code: \"24967\", name: Xã Ninh Gia, kind: commune}")
        #expect(r != nil)
        let w = d.first { $0.code == "report.unit_name_mismatch" }
        #expect(w?.severity == .warning && w?.location.column == 29)
        #expect(w?.message == "'Xã Ninh Gia' is not the official name of code '24967': Xã Hiệp Thạnh")
    }

    @Test func wrongSubtypeAndParentAreErrors() {
        let (r, d) = read("{code: \"24967\", name: Xã Hiệp Thạnh, kind: commune, subtype: phuong, parent: \"01\"}")
        #expect(r == nil)
        let sub = d.first { $0.code == "report.unit_subtype_mismatch" }
        #expect(sub?.message == "unit.subtype is `phuong` but Xã Hiệp Thạnh is a commune (`xa`)" && sub?.location.column == 68)
        let parent = d.first { $0.code == "report.unit_parent_mismatch" }
        #expect(parent?.message == "unit.parent is '01' but Xã Hiệp Thạnh belongs to Tỉnh Lâm Đồng (code '68')")
        #expect(parent?.notes.first == "write `parent: \"68\"`, or leave it out: qcdc takes it from the register")
    }

    @Test func beforeTheReformTheSnapshotWarnsAndOlderPeriodsAreNotChecked() {
        let h1 = "{from: 2025-01-01, to: 2025-06-30}"
        // A pre-reform commune may name its district or its province.
        #expect(read("{code: \"05266\", name: Thị trấn Vụ Bản, kind: commune, subtype: thi_tran, parent: \"157\"}", period: h1).1.isEmpty)
        #expect(read("{code: \"05266\", name: Thị trấn Vụ Bản, kind: commune, parent: \"17\"}", period: h1).1.isEmpty)
        // Unknown in the snapshot: a warning, since the snapshot misses the last months' changes.
        let (r, d) = read("{code: \"99999\", name: Xã Mới, kind: commune}", period: h1)
        #expect(r != nil && d.map(\.severity) == [.warning] && d.first?.code == "report.unknown_unit")
        // Before 2025: nothing is checked.
        #expect(read("{code: \"99999\", name: Xã Cũ, kind: commune}", period: "{year: 2022}").1.isEmpty)
        // Agencies and enterprises are not in the register.
        #expect(read("{code: \"SNV-68\", name: Sở Nội vụ, kind: agency}").1.isEmpty)
    }
}
