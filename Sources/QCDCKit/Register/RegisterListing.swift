/// `qcdc units`: the register as text (for people), JSON (nested, for programs) or CSV (one row
/// per unit, for spreadsheets).
public struct RegisterListing: Sendable {
    /// The output formats.
    public enum Format: String, Sendable, CaseIterable {
        case text, json, csv
    }

    /// The list shown.
    public let register: Register
    /// The language of text and CSV headers (codes, names and `type` values are the register's).
    public var language: Language

    /// A listing of `register` in `language`.
    public init(_ register: Register, language: Language = .vi) {
        self.register = register
        self.language = language
    }

    /// The provinces shown: one (by code), or all; nil when `province` is not a province's code.
    public func provinces(_ province: String?) -> [AdministrativeUnit]? {
        guard let province else { return register.provinces }
        guard let p = register[province], p.type.level == .province else { return nil }
        return [p]
    }

    /// Why `code` names no province, with the province it most likely means (by code or name).
    public func unknownProvince(_ code: String) -> String {
        var text = Message.noSuchProvince(code).text(language)
        if let guess = guessProvince(code) { text += "; " + Message.unitNamed(guess, province: nil).text(language) }
        return text + " (qcdc units)"
    }

    /// The province `code` most likely means: the code with its leading zero, or a name.
    func guessProvince(_ code: String) -> AdministrativeUnit? {
        let key = UnitName.looseKey(code)
        return register.provinces.first { $0.code == "0" + code }
            ?? Suggest.closest(to: key, in: register.provinces.map { UnitName.looseKey($0.name) }).flatMap { k in
                register.provinces.first { UnitName.looseKey($0.name) == k }
            }
    }

    /// The listing of `provinces` (from ``provinces(_:)``) in `format`.
    public func render(_ provinces: [AdministrativeUnit], format: Format) -> String {
        switch format {
        case .text: text(provinces)
        case .json: json(provinces)
        case .csv: csv(provinces)
        }
    }

    /// A count with the language's thousands separator: `3.321`, `3,321`.
    static func count(_ n: Int, _ lang: Language) -> String {
        let digits = String(n)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(lang == .vi ? "." : ",") }
            out.append(c)
        }
        return out
    }

    /// `34 tỉnh, thành phố (28 tỉnh, 6 thành phố trực thuộc trung ương); 3.321 đơn vị cấp xã (…)`.
    func summary(_ units: [AdministrativeUnit]) -> String {
        let lang = language
        func part(_ level: UnitKind) -> String? {
            let of = units.filter { $0.type.level == level }
            guard !of.isEmpty else { return nil }
            let byType = AdministrativeType.allCases.compactMap { t -> String? in
                let n = of.filter { $0.type == t }.count
                return n == 0 ? nil : "\(Self.count(n, lang)) \(t.name(lang, count: n))"
            }
            return Message.registerCount(Self.count(of.count, lang), level: level).text(lang) + " (" + byType.joined(separator: ", ") + ")"
        }
        return [UnitKind.province, .district, .commune].compactMap(part).joined(separator: "; ")
    }

    func all(_ provinces: [AdministrativeUnit]) -> [AdministrativeUnit] {
        provinces.flatMap { p in [p] + register.children(of: p.code).flatMap { [$0] + register.children(of: $0.code) } }
    }

    func text(_ provinces: [AdministrativeUnit]) -> String {
        var out = Message.registerTitle(register.edition).text(language) + "\n"
        for p in provinces {
            let communes = register.communes(of: p.code).count
            out += "\n\(p.code)  \(p.name) (\(p.type.name(language))): " + Message.registerCount(Self.count(communes, language), level: .commune).text(language) + "\n"
            for child in register.children(of: p.code) {
                out += "    \(child.code)  \(child.name)\n"
                for c in register.children(of: child.code) { out += "        \(c.code)  \(c.name)\n" }
            }
        }
        return out + "\n" + summary(all(provinces)) + "\n"
    }

    func json(_ provinces: [AdministrativeUnit]) -> String {
        func unit(_ u: AdministrativeUnit, _ nested: [(String, JSON)]) -> JSON {
            .object([("code", .string(u.code)), ("name", .string(u.name)), ("type", .string(u.type.rawValue))] + nested)
        }
        func below(_ u: AdministrativeUnit) -> [(String, JSON)] {
            let children = register.children(of: u.code)
            guard let first = children.first else { return [] }
            return [(first.type.level == .district ? "districts" : "communes", .array(children.map { unit($0, below($0)) }))]
        }
        return JSON.object([
            ("register", .string(register.edition.rawValue)),
            ("source", .string(Message.registerTitle(register.edition).text(.en))),
            ("provinces", .array(provinces.map { unit($0, below($0)) })),
        ]).rendered()
    }

    func csv(_ provinces: [AdministrativeUnit]) -> String {
        var rows = [Message.registerColumns.map { $0.text(language) }.joined(separator: ",")]
        for u in all(provinces) {
            let province = register.province(of: u)?.code ?? ""
            rows.append([u.code, u.name, u.type.rawValue, u.parent ?? "", province].map(ScorecardCSV.cell).joined(separator: ","))
        }
        return "\u{FEFF}" + rows.joined(separator: "\r\n") + "\r\n"
    }
}
