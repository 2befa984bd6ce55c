import Foundation

/// A unit a run expects a report from (`--expect`).
public struct ExpectedUnit: Sendable, Hashable {
    /// The unit's code.
    public let code: String
    /// Its name: the register's, or the one the list gives; nil when neither knows it.
    public let name: String?
    /// The code of its province (itself for a province); nil when the register does not know it.
    public let province: String?
    /// The province's name.
    public let provinceName: String?
    /// Where the unit was listed (`--expect FILE`), or nil when it came from the register.
    public let location: SourceLocation?
}

/// The units a run expects reports from: `--expect all` (every province and commune in force
/// from 1 July 2025), `--expect province:CODE` (every commune of a province), or
/// `--expect FILE` (one code per line, optionally a tab or comma and a name; `#` comments and
/// blank lines ignored; the CSV of `qcdc units --format csv` works as it is). The option may be
/// repeated; the units are listed once each, in the order given.
public struct Expectation: Sendable {
    /// The expected units, each once.
    public let units: [ExpectedUnit]

    /// The expectation of `specs`, and every problem with them (`input.invalid_expect`,
    /// located in the list file when there is one).
    public static func load(_ specs: [String], limits: LoadLimits = .default) -> (Expectation, [Diagnostic]) {
        var units: [ExpectedUnit] = []
        var seen: Set<String> = []
        var diags: [Diagnostic] = []
        let register = Register.current
        func add(_ unit: ExpectedUnit) {
            if seen.insert(unit.code).inserted { units.append(unit) }
        }
        func registered(_ u: AdministrativeUnit) -> ExpectedUnit {
            let p = register.province(of: u)
            return ExpectedUnit(code: u.code, name: u.name, province: p?.code, provinceName: p?.name, location: nil)
        }
        for spec in specs {
            let argument = SourceLocation(file: "--expect", line: 1, column: 1)
            if spec == "all" {
                for p in register.provinces {
                    add(registered(p))
                    for c in register.communes(of: p.code) { add(registered(c)) }
                }
            } else if spec.hasPrefix("province:") {
                let code = String(spec.dropFirst("province:".count))
                guard let p = register[code], p.type.level == .province else {
                    let listing = RegisterListing(register, language: .en)
                    var notes: [Message] = [.expectForms]
                    if let guess = listing.guessProvince(code) { notes.insert(.unitNamed(guess, province: nil), at: 0) }
                    diags.append(Diagnostic(.error, DiagnosticCode(.input, "invalid_expect"), .expectNoProvince(code), at: argument, notes: notes))
                    continue
                }
                for c in register.communes(of: p.code) { add(registered(c)) }
            } else {
                switch InputReader.read(spec, limit: limits.maxBytes) {
                case .failure(let d): diags.append(d)
                case .success(let bytes):
                    guard let text = String(bytes: bytes, encoding: .utf8) else {
                        diags.append(Diagnostic(.error, DiagnosticCode(.input, "invalid_expect"), .expectNotUTF8(spec),
                                                at: SourceLocation(file: spec, line: 1, column: 1), notes: [.expectForms]))
                        continue
                    }
                    for unit in list(text, file: spec, into: &diags) {
                        // The register places the unit; the list's own name wins.
                        guard let u = register[unit.code] else { add(unit); continue }
                        let p = register.province(of: u)
                        add(ExpectedUnit(code: u.code, name: unit.name ?? u.name, province: p?.code, provinceName: p?.name, location: unit.location))
                    }
                }
            }
        }
        return (Expectation(units: units), diags)
    }

    /// The units a list file names: a code per line, then optionally a tab or comma and a name.
    static func list(_ text: String, file: String, into diags: inout [Diagnostic]) -> [ExpectedUnit] {
        var out: [ExpectedUnit] = []
        var lineNumber = 0
        // "\r\n" is one Character in Swift: split on it as well as on "\n".
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            lineNumber += 1
            var line = Substring(raw)
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = line.split(maxSplits: 1, whereSeparator: { $0 == "\t" || $0 == "," })
            let code = fields[0].trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\"", with: "")
            // The header row of `qcdc units --format csv`.
            if out.isEmpty, ["ma", "code", "mã"].contains(code.lowercased()) { continue }
            let column = line.distance(from: line.startIndex, to: fields[0].startIndex) + 1
            let at = SourceLocation(file: file, line: lineNumber, column: column)
            guard !code.isEmpty, !code.unicodeScalars.contains(where: { $0 == " " }), !Neutral.hasHidden(code) else {
                diags.append(Diagnostic(.error, DiagnosticCode(.input, "invalid_expect"), .expectBadCode(Neutral.visible(code)),
                                        at: at, notes: [.expectForms]))
                continue
            }
            var name: String?
            if fields.count > 1 {
                // Only the name: the other columns of `qcdc units --format csv` are dropped.
                let rest = fields[1].split(separator: ",", maxSplits: 1).first.map(String.init) ?? ""
                let n = rest.trimmingCharacters(in: .whitespaces)
                if !n.isEmpty { name = Neutral.visible(n) }
            }
            out.append(ExpectedUnit(code: code, name: name, province: nil, provinceName: nil, location: at))
        }
        return out
    }
}
