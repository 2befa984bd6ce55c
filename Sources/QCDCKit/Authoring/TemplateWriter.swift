/// `qcdc template`: a blank report for a unit kind and year, with every fact the
/// applicable rules read, commented with its label, type, unit and legal basis.
/// Blank values are "not reported": `check` gives `missing` until they are filled in.
public struct TemplateWriter: Sendable {
    public let ruleSet: RuleSet
    public var language: Language

    public init(ruleSet: RuleSet, language: Language = .vi) {
        self.ruleSet = ruleSet
        self.language = language
    }

    private func vi(_ v: String, _ e: String) -> String { language.pick(v, e) }

    /// The facts read by rules that apply to `kind` during `year`, with the rules that read each.
    public func facts(kind: UnitKind, year: Int) -> [(FactDeclaration, [Rule])] {
        let period = Period.year(year)
        var byPath: [String: [Rule]] = [:]
        for r in ruleSet.rules where !r.disabled && r.appliesTo.contains(kind) && period.intersect(r.inForce) != nil {
            for p in r.factsRead where ruleSet.facts[p] != nil { byPath[p, default: []].append(r) }
        }
        return byPath.keys.sorted().map { (ruleSet.facts[$0]!, byPath[$0]!) }
    }

    public func render(kind: UnitKind, year: Int) -> String {
        var o = "# \(vi("Báo cáo thực hiện dân chủ ở cơ sở", "Grassroots-democracy report")) — \(kind.rawValue), \(year)\n"
        o += "# \(vi("Tạo bởi", "Made by")) qcdc \(QCDC.version) \(vi("từ bộ quy tắc", "from rule set")) \(ruleSet.id) \(ruleSet.version).\n"
        o += "# " + vi("Điền số liệu vào sau dấu hai chấm. Để trống mục chưa có số liệu: qcdc sẽ báo \"thiếu dữ liệu\", không coi là vi phạm.",
                       "Fill in the values after the colons. Leave blank what you do not know: qcdc reports it as missing evidence, not as a violation.") + "\n"
        o += "# " + vi("Ghi 0 (hoặc [] với danh sách) khi thực tế là không có.", "Write 0 (or [] for a list) when the true answer is none.") + "\n"
        o += "# " + vi("Kiểm tra: qcdc check <tệp này>", "Check it: qcdc check <this file>") + "\n"
        o += "unit:\n"
        o += "  code:      # \(vi("mã đơn vị (đặt trong ngoặc kép, ví dụ \"00123\")", "unit code (quoted, e.g. \"00123\")"))\n"
        o += "  name:      # \(vi("tên đơn vị", "unit name"))\n"
        o += "  kind: \(kind.rawValue)\n"
        if kind == .commune { o += "  subtype:   # xa | phuong | dac_khu\n" }
        o += "  parent:    # \(vi("mã đơn vị cấp trên", "code of the unit above"))\n"
        o += "period:\n  year: \(year)\n"
        var openGroups: [String] = []
        for (decl, rules) in facts(kind: kind, year: year) {
            let segments = decl.path.split(separator: ".").map(String.init)
            let groups = Array(segments.dropLast())
            var common = 0
            while common < min(groups.count, openGroups.count) && groups[common] == openGroups[common] { common += 1 }
            for (i, g) in groups.enumerated() where i >= common {
                o += String(repeating: "  ", count: i) + "\(g):\n"
            }
            openGroups = groups
            let indent = String(repeating: "  ", count: groups.count)
            o += indent + "# \(decl.label.text(language))\n"
            if let d = decl.description?.text(language) { o += indent + "#   \(d)\n" }
            o += indent + "#   " + typeText(decl) + "\n"
            let cites = rules.map { "\($0.id) (\($0.basis.first?.short(language) ?? ""))" }.joined(separator: "; ")
            o += indent + "#   \(vi("Căn cứ", "Basis")): \(cites)\n"
            if case .list(let fields) = decl.type {
                for f in fields { o += indent + "#     \(f.path): \(typeText(f)) — \(f.label.text(language))\n" }
                let sample = fields.map { "\($0.path): \(sampleValue($0))" }.joined(separator: ", ")
                o += indent + "#   \(vi("Ví dụ", "e.g.")):\n" + indent + "#     - {\(sample)}\n"
            }
            o += indent + "\(segments.last!):\n"
        }
        return o
    }

    func typeText(_ d: FactDeclaration) -> String {
        var s: String
        switch d.type {
        case .integer: s = vi("số nguyên", "integer")
        case .number: s = vi("số", "number")
        case .percent: s = vi("tỷ lệ phần trăm, ví dụ 95%", "percentage, e.g. 95%")
        case .boolean: s = "true / false"
        case .date: s = vi("ngày YYYY-MM-DD", "date YYYY-MM-DD")
        case .string: s = vi("văn bản", "text")
        case .enumeration(let v): s = v.joined(separator: " | ")
        case .list: s = vi("danh sách, mỗi mục:", "a list; each entry:")
        }
        if let u = d.unit?.text(language) { s += ", \(u)" }
        if let m = d.minimum ?? (d.type == .integer ? 0 : nil) { s += ", ≥ \(Value.format(m))" }
        if let m = d.maximum { s += ", ≤ \(Value.format(m))" }
        return s
    }

    func sampleValue(_ d: FactDeclaration) -> String {
        switch d.type {
        case .integer: "1"
        case .number: "1.5"
        case .percent: "100%"
        case .boolean: "true"
        case .date: "2026-01-06"
        case .string: "\"…\""
        case .enumeration(let v): v.first ?? ""
        case .list: "[]"
        }
    }
}
