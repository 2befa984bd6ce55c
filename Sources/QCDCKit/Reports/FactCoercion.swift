import Foundation

/// Reads a scalar node as the type a fact declares. Typing is by declaration,
/// not by YAML's guess: `00123` declared as a string stays `00123`, and `no`
/// is never a boolean.
enum FactCoercion {
    /// `text` without leading and trailing whitespace (`CharacterSet.whitespaces`). A text that
    /// starts and ends with a printable ASCII character other than a space, as nearly every
    /// value does, has none to trim, and is returned without Foundation's scan.
    static func trimmingSpaces(_ text: String) -> String {
        let utf8 = text.utf8
        if let first = utf8.first, let last = utf8.last, (0x21...0x7E).contains(first), (0x21...0x7E).contains(last) { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// `node` read as a fact of `type`, within `minimum` and `maximum` (a declaration's; passed
    /// apart, read in place from it: a copy of the whole declaration, per fact and per record
    /// field, was a dozen retains and releases each).
    static func coerce(_ node: Node, as type: FactType, minimum: Double?, maximum: Double?, path factPath: FactPath,
                       field: String? = nil, file: String, into diags: inout [Diagnostic]) -> Value? {
        // A record field's path (`factPath` is its record's) is made only for a diagnostic.
        var path: String { (field.map { factPath.field($0) } ?? factPath).description }
        func mismatch(_ what: Expected, _ notes: [Message] = []) -> Value? {
            diags.append(Diagnostic(.error, DiagnosticCode(.report, "type_mismatch"), .expected(path, what, found: .found(node)),
                                    at: node.mark.located(in: file), notes: notes))
            return nil
        }
        if case .list(let fields) = type {
            guard let items = node.items else {
                return mismatch(.records, [.oneRecordPerEntry])
            }
            var records: [RecordValue] = []
            records.reserveCapacity(items.count)
            for (i, item) in items.enumerated() {
                // Paths are kept in parts (``FactPath``): the text of a record's, or a field's,
                // is made only for a diagnostic or a finding.
                let rpath = FactPath(list: path, index: i)
                guard let entries = item.entries else {
                    diags.append(Diagnostic(.error, DiagnosticCode(.report, "type_mismatch"), .expectedRecord(rpath.description, found: .found(item)),
                                            at: item.mark.located(in: file)))
                    continue
                }
                var values: [RecordValue.Field] = []
                values.reserveCapacity(entries.count)
                for e in entries {
                    // The declaration is read in place, by index (a copy is a dozen retains).
                    guard let f = fields.firstIndex(where: { $0.path == e.key }) else {
                        diags.append(Diagnostic(.warning, DiagnosticCode(.report, "unknown_field"), .unknownRecordField(e.key, record: rpath.description),
                                                at: e.keyMark.located(in: file),
                                                notes: Suggest.note(for: e.key, in: fields.map(\.path)) + [.recordFields(fields.map(\.path))]))
                        continue
                    }
                    if e.value.isNull { continue }
                    if let v = coerce(e.value, as: fields[f].type, minimum: fields[f].minimum, maximum: fields[f].maximum,
                                      path: rpath, field: e.key, file: file, into: &diags) {
                        let value = RecordValue.Field(e.key, v, mark: e.value.mark)
                        if let at = values.firstIndex(where: { $0.name == e.key }) { values[at] = value } else { values.append(value) }
                    }
                }
                records.append(RecordValue(entries: values, mark: item.mark, path: rpath))
            }
            return .records(records)
        }
        guard case .scalar(let text, _) = node.kind else { return mismatch(.singleValue(type)) }
        let textual = node.isTextual
        let value: Value
        switch type {
        case .integer:
            guard !textual, let i = CoreSchema.int(text) else {
                if !textual, CoreSchema.looksLikeInteger(text) {
                    return mismatch(.integer, [.integerTooLarge(text)])
                }
                if !textual, text.contains(".") || text.contains(","),
                   text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "").allSatisfy(\.isNumber) {
                    let plain = text.replacingOccurrences(of: ".", with: "").replacingOccurrences(of: ",", with: "")
                    return mismatch(.integer, [.thousandsSeparator(text, plain: plain)])
                }
                if let number = Self.leadingNumber(text) { return mismatch(.integer, [.numberOnly(number)]) }
                return mismatch(.integer, textual ? [.removeTheQuotes] : [])
            }
            value = .int(i)
        case .number:
            guard !textual, let d = CoreSchema.number(text), d.isFinite else {
                if !textual, let number = Self.leadingNumber(text) { return mismatch(.number, [.numberOnly(number)]) }
                return mismatch(.number, textual ? [.removeTheQuotes] : [])
            }
            value = .number(d)
        case .percent:
            var t = Self.trimmingSpaces(text)
            let hasSign = t.hasSuffix("%")
            if hasSign { t = Self.trimmingSpaces(String(t.dropLast())) }
            guard !textual || hasSign, let d = CoreSchema.number(t), d.isFinite else {
                return mismatch(.percentage, [])
            }
            value = .percent(d / 100)
        case .boolean:
            guard !textual, let b = CoreSchema.bool(text) else {
                let yamlOld = ["yes", "no", "on", "off", "y", "n", "Yes", "No", "YES", "NO", "On", "Off", "có", "không"]
                if yamlOld.contains(text) {
                    let guess = ["yes", "on", "y", "Yes", "YES", "On", "có"].contains(text)
                    return mismatch(.boolean, [.writeBoolean(guess, text: text)])
                }
                return mismatch(.boolean)
            }
            value = .bool(b)
        case .date:
            guard let d = Day(iso: text) else {
                if Day.looksLikeDate(text) {
                    diags.append(Diagnostic(.error, DiagnosticCode(.report, "invalid_date"), .notInCalendar(path, text),
                                            at: node.mark.located(in: file), notes: [.checkDayAndMonth]))
                    return nil
                }
                return mismatch(.date, DateHint.notes(for: text))
            }
            value = .date(d)
        case .string:
            value = .string(text)
        case .enumeration(let values):
            guard values.contains(text) else {
                return mismatch(.oneOf(values), Suggest.note(for: text, in: values))
            }
            value = .string(text)
        case .list:
            return nil
        }
        if let x = value.asDouble {
            let scale = type == .percent ? 100.0 : 1.0
            let shown = type == .percent ? "%" : ""
            let minimum = minimum ?? (type == .integer ? 0 : nil)
            if let minimum, x * scale < minimum - 1e-9 {
                diags.append(Diagnostic(.error, DiagnosticCode(.report, "out_of_range"),
                    .belowMinimum(path, text, minimum: Value.format(minimum) + shown), at: node.mark.located(in: file),
                    notes: type == .integer && minimum == 0 ? [.countsNotNegative] : []))
                return nil
            }
            if let maximum, x * scale > maximum + 1e-9 {
                diags.append(Diagnostic(.error, DiagnosticCode(.report, "out_of_range"),
                    .aboveMaximum(path, text, maximum: Value.format(maximum) + shown), at: node.mark.located(in: file)))
                return nil
            }
        }
        return value
    }

    /// `12` in `12 thôn` or `12 người`: a number followed by a word (the unit written with it).
    static func leadingNumber(_ text: String) -> String? {
        let parts = text.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, let first = parts.first, CoreSchema.number(String(first)) != nil,
              parts[1].first?.isLetter == true else { return nil }
        return String(first)
    }
}
