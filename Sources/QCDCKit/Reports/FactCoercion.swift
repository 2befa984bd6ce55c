import Foundation

/// Reads a scalar node as the type a fact declares. Typing is by declaration,
/// not by YAML's guess: `00123` declared as a string stays `00123`, and `no`
/// is never a boolean.
enum FactCoercion {
    static func coerce(_ node: Node, as decl: FactDeclaration, path: String, file: String,
                       into diags: inout [Diagnostic]) -> Value? {
        let loc = node.mark.located(in: file)
        func mismatch(_ what: String, _ notes: [String] = []) -> Value? {
            diags.append(Diagnostic(.error, "report.type_mismatch", "\(path): expected \(what), found \(describe(node))",
                                    at: loc, notes: notes))
            return nil
        }
        if case .list(let fields) = decl.type {
            guard let items = node.items else {
                return mismatch("a list of records", ["write one `- field: value` entry per record"])
            }
            var records: [RecordValue] = []
            for (i, item) in items.enumerated() {
                let rpath = "\(path)[\(i)]"
                guard let entries = item.entries else {
                    diags.append(Diagnostic(.error, "report.type_mismatch", "\(rpath): expected a record (a mapping), found \(describe(item))",
                                            at: item.mark.located(in: file)))
                    continue
                }
                var values: [String: FactValue] = [:]
                for e in entries {
                    guard let f = fields.first(where: { $0.path == e.key }) else {
                        diags.append(Diagnostic(.warning, "report.unknown_field", "unknown field '\(e.key)' in \(rpath)",
                                                at: e.keyMark.located(in: file),
                                                notes: Suggest.note(for: e.key, in: fields.map(\.path)) + ["fields: " + fields.map(\.path).joined(separator: ", ")]))
                        continue
                    }
                    if e.value.isNull { continue }
                    if let v = coerce(e.value, as: f, path: "\(rpath).\(e.key)", file: file, into: &diags) {
                        values[e.key] = FactValue(v, mark: e.value.mark, path: "\(rpath).\(e.key)")
                    }
                }
                records.append(RecordValue(fields: values, mark: item.mark, path: rpath))
            }
            return .records(records)
        }
        guard case .scalar(let text, _) = node.kind else { return mismatch("a single value (\(decl.type.name))") }
        let textual = node.isTextual
        let value: Value
        switch decl.type {
        case .integer:
            guard !textual, let i = CoreSchema.int(text) else {
                if !textual, CoreSchema.looksLikeInteger(text) {
                    return mismatch("an integer", ["\(text) is too large: the largest integer qcdc reads is \(Int64.max)"])
                }
                if !textual, text.contains(".") || text.contains(","),
                   text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "").allSatisfy(\.isNumber) {
                    let plain = text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "")
                    return mismatch("an integer", ["if \(text) means \(plain), write \(plain) without a thousands separator"])
                }
                return mismatch("an integer", textual ? ["remove the quotes"] : [])
            }
            value = .int(i)
        case .number:
            guard !textual, let d = CoreSchema.number(text), d.isFinite else { return mismatch("a number", textual ? ["remove the quotes"] : []) }
            value = .number(d)
        case .percent:
            var t = text.trimmingCharacters(in: .whitespaces)
            let hasSign = t.hasSuffix("%")
            if hasSign { t = String(t.dropLast()).trimmingCharacters(in: .whitespaces) }
            guard !textual || hasSign, let d = CoreSchema.number(t), d.isFinite else {
                return mismatch("a percentage such as 95% or 95", [])
            }
            value = .percent(d / 100)
        case .boolean:
            guard !textual, let b = CoreSchema.bool(text) else {
                let yamlOld = ["yes", "no", "on", "off", "y", "n", "Yes", "No", "YES", "NO", "On", "Off", "có", "không"]
                if yamlOld.contains(text) {
                    let guess = ["yes", "on", "y", "Yes", "YES", "On", "có"].contains(text)
                    return mismatch("true or false", ["write \(guess) (qcdc follows YAML 1.2: '\(text)' is not a boolean)"])
                }
                return mismatch("true or false")
            }
            value = .bool(b)
        case .date:
            guard let d = Day(iso: text) else {
                if Day.looksLikeDate(text) {
                    diags.append(Diagnostic(.error, "report.invalid_date", "\(path): \(text) is not a date in the calendar",
                                            at: loc, notes: ["check the day and the month"]))
                    return nil
                }
                return mismatch("a date YYYY-MM-DD", DateHint.notes(for: text))
            }
            value = .date(d)
        case .string:
            value = .string(text)
        case .enumeration(let values):
            guard values.contains(text) else {
                return mismatch("one of \(values.joined(separator: ", "))", Suggest.note(for: text, in: values))
            }
            value = .string(text)
        case .list:
            return nil
        }
        if let x = value.asDouble {
            let scale = decl.type == .percent ? 100.0 : 1.0
            let shown = decl.type == .percent ? "%" : ""
            let minimum = decl.minimum ?? (decl.type == .integer ? 0 : nil)
            if let minimum, x * scale < minimum - 1e-9 {
                diags.append(Diagnostic(.error, "report.out_of_range",
                    "\(path): \(text) is below the minimum \(Value.format(minimum))\(shown)", at: loc,
                    notes: decl.type == .integer && minimum == 0 ? ["counts cannot be negative"] : []))
                return nil
            }
            if let maximum = decl.maximum, x * scale > maximum + 1e-9 {
                diags.append(Diagnostic(.error, "report.out_of_range",
                    "\(path): \(text) is above the maximum \(Value.format(maximum))\(shown)", at: loc))
                return nil
            }
        }
        return value
    }

    static func describe(_ node: Node) -> String {
        switch node.kind {
        case .scalar(let t, let style):
            let shown = Neutral.visible(t.count > 80 ? String(t.prefix(77)) + "…" : t)
            if let tag = node.tag, tag.hasPrefix("tag:yaml.org,2002:") {
                return "the text '\(shown)' (tagged !!\(tag.dropFirst(18)); remove the tag)"
            }
            if node.tag != nil { return "the tagged value '\(shown)' (remove the tag)" }
            if style.isPlain && t.isEmpty { return "an empty value" }
            return style.isPlain ? "'\(shown)'" : "the quoted text \"\(shown)\""
        case .mapping:
            return "a mapping (a group of key: value lines)"
        case .sequence:
            return "a list"
        }
    }
}
