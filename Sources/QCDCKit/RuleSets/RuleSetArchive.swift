import Foundation

/// A compiled rule set as bytes: what ``RuleSetLoader`` makes of the built-in rule files, written
/// once (`Sources/CBuiltinRules/archive.c`, recorded by the test suite) and read back at start
/// instead of parsing, resolving and type-checking about 250 KB of YAML at every run.
///
/// The archive records the SHA-256 of every built-in file it was compiled from; it is used only
/// when those match the files compiled into the binary, so an archive left stale by an edit to
/// `rules/` is never read (the rules are then loaded from their YAML, and a test fails until the
/// archive is recorded again). Everything a compiled rule set holds is written, in a fixed order
/// (dictionaries and sets sorted), so the same rules always give the same bytes; what a rule set
/// derives from what it holds is derived again on reading, except its rules' citations and message
/// templates, which are recorded (working them out was a third of reading).
///
/// Layout: the magic `QCDCRS`, the format version, the file digests, a table of the distinct
/// strings, then the rule set with every string as its index in the table. Integers are LEB128
/// (signed ones zigzagged), doubles their IEEE bits, optionals a presence byte.
package enum RuleSetArchive {
    /// Bumped whenever the layout below or the meaning of a compiled rule set changes.
    static let formatVersion = 2
    private static let magic = Array("QCDCRS".utf8)

    /// Why an archive was not read (it is then ignored, never trusted in part).
    package struct Invalid: Error, CustomStringConvertible {
        package var description: String
    }

    /// The archive of `ruleSet`, compiled from files whose SHA-256 (hex) are `digests`, by path.
    package static func encode(_ ruleSet: RuleSet, digests: [String: String]) throws -> [UInt8] {
        var w = Writer()
        try w.ruleSet(ruleSet)
        var out = magic
        var head = Writer()
        head.uint(UInt64(formatVersion))
        head.uint(UInt64(digests.count))
        for (path, sha) in digests.sorted(by: { $0.key < $1.key }) {
            head.rawString(path)
            head.rawString(sha)
        }
        head.uint(UInt64(w.strings.count))
        for s in w.strings { head.rawString(s) }
        out += head.bytes
        out += w.bytes
        return out
    }

    /// The digests an archive was compiled from, without reading the rest.
    package static func digests(_ bytes: [UInt8]) throws(Invalid) -> [String: String] {
        try bytes.withUnsafeBufferPointer { buffer throws(Invalid) in try digests(buffer) }
    }

    /// The digests an archive was compiled from, without reading the rest.
    package static func digests(_ bytes: UnsafeBufferPointer<UInt8>) throws(Invalid) -> [String: String] {
        var r = try Reader(bytes, strings: [])
        return try r.header()
    }

    /// The rule set in `bytes`, if they are a whole archive of this format.
    package static func decode(_ bytes: [UInt8]) throws(Invalid) -> RuleSet {
        try bytes.withUnsafeBufferPointer { buffer throws(Invalid) in try decode(buffer) }
    }

    /// The rule set in `bytes` (read where they are: the built-in archive is in the binary's
    /// constant data), if they are a whole archive of this format.
    package static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(Invalid) -> RuleSet {
        var r = try Reader(bytes, strings: [])
        _ = try r.header()
        let count = try r.count()
        var strings: [String] = []
        strings.reserveCapacity(count)
        for _ in 0..<count { strings.append(try r.rawString()) }
        r.strings = strings
        let ruleSet = try r.ruleSet()
        guard r.position == bytes.count else { throw Invalid(description: "\(bytes.count - r.position) bytes after the rule set") }
        return ruleSet
    }

    // MARK: Writing

    struct Writer {
        var bytes: [UInt8] = []
        var strings: [String] = []
        private var index: [String: Int] = [:]

        mutating func uint(_ v: UInt64) {
            var v = v
            while v >= 0x80 {
                bytes.append(UInt8(v & 0x7F) | 0x80)
                v >>= 7
            }
            bytes.append(UInt8(v))
        }
        mutating func int(_ v: Int) { uint(UInt64(bitPattern: Int64((v << 1) ^ (v >> (Int.bitWidth - 1))))) }
        mutating func int64(_ v: Int64) { uint(UInt64(bitPattern: (v << 1) ^ (v >> 63))) }
        mutating func double(_ v: Double) {
            var bits = v.bitPattern
            for _ in 0..<8 {
                bytes.append(UInt8(bits & 0xFF))
                bits >>= 8
            }
        }
        mutating func bool(_ v: Bool) { bytes.append(v ? 1 : 0) }
        mutating func rawString(_ s: String) {
            uint(UInt64(s.utf8.count))
            bytes += s.utf8
        }
        /// A string by its index in the table.
        mutating func string(_ s: String) {
            if let i = index[s] { uint(UInt64(i)); return }
            index[s] = strings.count
            uint(UInt64(strings.count))
            strings.append(s)
        }
        mutating func optional<T>(_ v: T?, _ write: (inout Writer, T) throws -> Void) rethrows {
            guard let v else { bool(false); return }
            bool(true)
            try write(&self, v)
        }
        mutating func array<T>(_ items: [T], _ write: (inout Writer, T) throws -> Void) rethrows {
            uint(UInt64(items.count))
            for item in items { try write(&self, item) }
        }

        mutating func text(_ t: LocalizedText) { string(t.vi); string(t.en) }
        mutating func mark(_ m: Mark) { int(m.line); int(m.column) }
        mutating func location(_ l: SourceLocation) {
            string(l.file); int(l.line); int(l.column)
            optional(l.sheet) { $0.string($1) }
        }
        mutating func day(_ d: Day) { int(d.ordinal) }
        mutating func window(_ w: DateWindow) {
            optional(w.from) { $0.day($1) }
            optional(w.until) { $0.day($1) }
        }

        mutating func ruleSet(_ s: RuleSet) throws {
            string(s.id); string(s.version); text(s.title)
            array(s.facts.values.sorted { $0.path < $1.path }) { $0.fact($1) }
            array(s.categories.values.sorted { $0.id < $1.id }) { $0.category($1) }
            try array(s.rules) { try $0.rule($1) }
            array(s.sources) { w, source in w.string(source.id); w.string(source.version); w.string(source.file); w.string(source.sha256) }
            location(s.location)
            string(s.scoring.model.rawValue); string(s.scoring.missing.rawValue)
            array(s.scoring.bands) { w, band in w.string(band.id); w.text(band.name); w.double(band.minimum) }
            array(s.rollups) { w, r in
                w.string(r.id); w.text(r.title); w.string(r.parentFact)
                w.optional(r.totalFact) { $0.string($1) }
                w.string(r.childKind.rawValue); w.string(r.childRule); w.location(r.location)
            }
            let c = s.calendar
            array(c.daysOff.sorted { $0.key < $1.key }) { w, e in w.day(e.key); w.string(e.value) }
            array(c.workingDays.sorted()) { $0.day($1) }
            array(c.scheduledYears.sorted()) { $0.int($1) }
            array(c.fixedDaysOff) { w, f in w.int(f.month); w.int(f.day) }
            array(c.lunarNewYear.sorted { $0.key < $1.key }) { w, e in w.int(e.key); w.day(e.value) }
        }

        mutating func fact(_ f: FactDeclaration) {
            string(f.path)
            factType(f.type)
            optional(f.unit) { $0.text($1) }
            text(f.label)
            optional(f.description) { $0.text($1) }
            optional(f.minimum) { $0.double($1) }
            optional(f.maximum) { $0.double($1) }
            location(f.location)
            string(f.scope.rawValue)
        }

        mutating func factType(_ t: FactType) {
            string(t.name)
            switch t {
            case .enumeration(let values): array(values) { $0.string($1) }
            case .list(let fields): array(fields) { $0.fact($1) }
            case .integer, .number, .percent, .boolean, .date, .string: break
            }
        }

        mutating func category(_ c: Category) {
            string(c.id); text(c.name); double(c.weight); location(c.location); int(c.order)
        }

        mutating func citation(_ c: Citation) {
            string(c.kind.rawValue); string(c.strength.rawValue); string(c.document)
            optional(c.name) { $0.text($1) }
            for part in [c.article, c.clause, c.point, c.url, c.quote] { optional(part) { $0.string($1) } }
            optional(c.note) { $0.text($1) }
        }

        mutating func parameters(_ p: [String: RuleParameter]) throws {
            try array(p.values.sorted { $0.name < $1.name }) { w, p in
                w.string(p.name); try w.value(p.value); w.exprType(p.type); w.location(p.location)
            }
        }

        mutating func rule(_ r: Rule) throws {
            let d = r.definition
            string(d.id); text(d.title)
            array(d.basis) { $0.citation($1) }
            array(d.appliesTo) { $0.string($1.rawValue) }
            window(d.inForce)
            string(d.severity.rawValue); string(d.category); double(d.weight)
            try parameters(d.parameters)
            text(d.message)
            array(d.examples) { w, e in
                w.string(e.expected.rawValue)
                w.optional(e.name) { $0.text($1) }
                w.optional(e.kind) { $0.string($1.rawValue) }
                w.optional(e.period) { w, p in w.day(p.start); w.day(p.end) }
                w.node(e.facts)
                w.location(e.location)
            }
            location(d.location); string(d.ruleSet); bool(d.disabled)
            try parameters(d.declaredParameters)
            optional(d.description) { $0.text($1) }
            bool(d.perYear); bool(d.isMetric)
            array(d.parameterBasis) { $0.citation($1) }
            try optional(r.when) { try $0.expression($1) }
            try expression(r.expect)
            // What a rule derives from its definition when it is made, recorded so that reading
            // does not work it out again (a third of reading the national rules).
            text(LocalizedText(vi: r.basisText(.vi), en: r.basisText(.en)))
            for pieces in [r.template.vi, r.template.en] {
                array(pieces) { w, piece in
                    switch piece {
                    case .text(let t): w.uint(0); w.string(t)
                    case .placeholder(let name): w.uint(1); w.string(name)
                    }
                }
            }
        }

        mutating func node(_ n: Node) {
            mark(n.mark)
            optional(n.tag) { $0.string($1) }
            switch n.kind {
            case .scalar(let text, let style): uint(0); string(text); string(style.rawValue)
            case .mapping(let entries):
                uint(1)
                array(entries) { w, e in w.string(e.key); w.mark(e.keyMark); w.node(e.value) }
            case .sequence(let items): uint(2); array(items) { $0.node($1) }
            }
        }

        mutating func value(_ v: Value) throws {
            switch v {
            case .int(let i): uint(0); int64(i)
            case .number(let d): uint(1); double(d)
            case .percent(let d): uint(2); double(d)
            case .bool(let b): uint(3); bool(b)
            case .date(let d): uint(4); day(d)
            case .string(let s): uint(5); string(s)
            case .list(let items): uint(6); try array(items) { try $0.value($1) }
            case .records, .record: throw Invalid(description: "a record value in a compiled rule set")
            }
        }

        mutating func exprType(_ t: ExprType) {
            switch t {
            case .integer: uint(0)
            case .number: uint(1)
            case .percent: uint(2)
            case .boolean: uint(3)
            case .date: uint(4)
            case .string: uint(5)
            case .records(let p): uint(6); string(p)
            case .record(let p): uint(7); string(p)
            case .list(let t): uint(8); exprType(t)
            }
        }

        mutating func expression(_ e: Expression) throws {
            int(e.id); mark(e.mark)
            optional(e.builtin) { $0.string($1.rawValue) }
            exprType(e.type); string(e.text)
            switch e.kind {
            case .literal(let v): uint(0); try value(v)
            case .fact(let p): uint(1); string(p)
            case .param(let p): uint(2); string(p)
            case .variable(let v, let field): uint(3); string(v); optional(field) { $0.string($1) }
            case .unary(let op, let a): uint(4); string(op.rawValue); try expression(a)
            case .binary(let op, let a, let b): uint(5); string(op.rawValue); try expression(a); try expression(b)
            case .call(let name, let args): uint(6); string(name); try array(args) { try $0.expression($1) }
            case .comprehension(let agg, let variable, let list, let filter, let body):
                uint(7); string(agg.rawValue); string(variable); string(list)
                try optional(filter) { try $0.expression($1) }
                try optional(body) { try $0.expression($1) }
            case .list(let items): uint(8); try array(items) { try $0.expression($1) }
            }
        }
    }

    // MARK: Reading

    /// Reads an archive; every read is bounded by the archive's end (a damaged archive is
    /// `Invalid`, never a read outside it).
    struct Reader {
        let bytes: UnsafeBufferPointer<UInt8>
        var position: Int
        var strings: [String]
        /// How deep nodes and expressions nest (bounded, so a damaged archive cannot overflow the stack).
        private var depth = 0

        init(_ bytes: UnsafeBufferPointer<UInt8>, strings: [String]) throws(Invalid) {
            guard bytes.starts(with: RuleSetArchive.magic) else { throw Invalid(description: "not a compiled rule set") }
            self.bytes = bytes
            position = RuleSetArchive.magic.count
            self.strings = strings
        }

        mutating func header() throws(Invalid) -> [String: String] {
            let version = try uint()
            guard version == UInt64(RuleSetArchive.formatVersion) else {
                throw Invalid(description: "format \(version), not \(RuleSetArchive.formatVersion)")
            }
            var digests: [String: String] = [:]
            for _ in 0..<(try count()) { digests[try rawString()] = try rawString() }
            return digests
        }

        private func damaged(_ what: String) -> Invalid { Invalid(description: "damaged at byte \(position): \(what)") }

        mutating func byte() throws(Invalid) -> UInt8 {
            guard position < bytes.count else { throw damaged("ends early") }
            defer { position += 1 }
            return bytes[position]
        }
        mutating func uint() throws(Invalid) -> UInt64 {
            var v: UInt64 = 0, shift: UInt64 = 0
            while true {
                let b = try byte()
                guard shift < 64 else { throw damaged("an integer too long") }
                v |= UInt64(b & 0x7F) << shift
                if b < 0x80 { return v }
                shift += 7
            }
        }
        mutating func int64() throws(Invalid) -> Int64 {
            let u = try uint()
            return Int64(bitPattern: (u >> 1) ^ (0 &- (u & 1)))
        }
        mutating func int() throws(Invalid) -> Int {
            let v = try int64()
            guard let i = Int(exactly: v) else { throw damaged("an integer out of range") }
            return i
        }
        /// A count of items that follow, each at least a byte long.
        mutating func count() throws(Invalid) -> Int {
            let n = try uint()
            guard n <= UInt64(bytes.count - position) else { throw damaged("a count past the end") }
            return Int(n)
        }
        mutating func double() throws(Invalid) -> Double {
            guard bytes.count - position >= 8 else { throw damaged("ends early") }
            var bits: UInt64 = 0
            for i in 0..<8 { bits |= UInt64(bytes[position + i]) << (8 * UInt64(i)) }
            position += 8
            return Double(bitPattern: bits)
        }
        mutating func bool() throws(Invalid) -> Bool {
            switch try byte() {
            case 0: false
            case 1: true
            default: throw damaged("not a boolean")
            }
        }
        mutating func rawString() throws(Invalid) -> String {
            let n = try count()
            defer { position += n }
            return String(decoding: bytes[position..<(position + n)], as: UTF8.self)
        }
        mutating func string() throws(Invalid) -> String {
            let i = try uint()
            guard i < UInt64(strings.count) else { throw damaged("no string \(i)") }
            return strings[Int(i)]
        }
        mutating func raw<T: RawRepresentable>(_: T.Type) throws(Invalid) -> T where T.RawValue == String {
            let s = try string()
            guard let v = T(rawValue: s) else { throw damaged("'\(s)' is not a \(T.self)") }
            return v
        }
        mutating func optional<T>(_ read: (inout Reader) throws(Invalid) -> T) throws(Invalid) -> T? {
            try bool() ? try read(&self) : nil
        }
        mutating func array<T>(_ read: (inout Reader) throws(Invalid) -> T) throws(Invalid) -> [T] {
            let n = try count()
            var out: [T] = []
            out.reserveCapacity(min(n, 1024))   // a damaged count cannot reserve much at each level
            for _ in 0..<n { out.append(try read(&self)) }
            return out
        }
        private mutating func nested<T>(_ read: (inout Reader) throws(Invalid) -> T) throws(Invalid) -> T {
            guard depth < 256 else { throw damaged("nested too deeply") }
            depth += 1
            defer { depth -= 1 }
            return try read(&self)
        }

        mutating func text() throws(Invalid) -> LocalizedText { LocalizedText(vi: try string(), en: try string()) }
        mutating func mark() throws(Invalid) -> Mark { Mark(line: try int(), column: try int()) }
        mutating func location() throws(Invalid) -> SourceLocation {
            SourceLocation(file: try string(), line: try int(), column: try int(), sheet: try optional { r throws(Invalid) in try r.string() })
        }
        mutating func day() throws(Invalid) -> Day { Day(ordinal: try int()) }
        mutating func window() throws(Invalid) -> DateWindow {
            DateWindow(from: try optional { r throws(Invalid) in try r.day() }, until: try optional { r throws(Invalid) in try r.day() })
        }

        mutating func ruleSet() throws(Invalid) -> RuleSet {
            let id = try string(), version = try string(), title = try text()
            let facts = try array { r throws(Invalid) in try r.fact() }
            let categories = try array { r throws(Invalid) in try r.category() }
            let rules = try array { r throws(Invalid) in try r.rule() }
            let sources = try array { r throws(Invalid) in
                RuleSetSource(id: try r.string(), version: try r.string(), file: try r.string(), sha256: try r.string())
            }
            var s = RuleSet(id: id, version: version, title: title,
                            facts: Dictionary(facts.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a }),
                            categories: Dictionary(categories.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }),
                            rules: rules, sources: sources, location: try location())
            let model = try raw(ScoringConfig.Model.self), missing = try raw(ScoringConfig.MissingPolicy.self)
            let bands = try array { r throws(Invalid) in ScoringConfig.Band(id: try r.string(), name: try r.text(), minimum: try r.double()) }
            s.scoring = ScoringConfig(model: model, missing: missing, bands: bands)
            s.rollups = try array { r throws(Invalid) in
                RollupDeclaration(id: try r.string(), title: try r.text(), parentFact: try r.string(),
                                  totalFact: try r.optional { r throws(Invalid) in try r.string() },
                                  childKind: try r.raw(UnitKind.self), childRule: try r.string(), location: try r.location())
            }
            var c = WorkCalendar()
            var daysOff: [Day: String] = [:]
            for (d, name) in try array({ r throws(Invalid) in (try r.day(), try r.string()) }) { daysOff[d] = name }
            c.daysOff = daysOff
            c.workingDays = Set(try array { r throws(Invalid) in try r.day() })
            c.scheduledYears = Set(try array { r throws(Invalid) in try r.int() })
            c.fixedDaysOff = try array { r throws(Invalid) in (month: try r.int(), day: try r.int()) }
            var lunar: [Int: Day] = [:]
            for (y, d) in try array({ r throws(Invalid) in (try r.int(), try r.day()) }) { lunar[y] = d }
            c.lunarNewYear = lunar
            s.calendar = c
            return s
        }

        mutating func fact() throws(Invalid) -> FactDeclaration {
            let path = try string()
            let type = try nested { r throws(Invalid) in try r.factType() }
            return FactDeclaration(path: path, type: type, unit: try optional { r throws(Invalid) in try r.text() }, label: try text(),
                                   description: try optional { r throws(Invalid) in try r.text() },
                                   minimum: try optional { r throws(Invalid) in try r.double() },
                                   maximum: try optional { r throws(Invalid) in try r.double() },
                                   location: try location(), scope: try raw(FactScope.self))
        }

        mutating func factType() throws(Invalid) -> FactType {
            switch try string() {
            case "integer": .integer
            case "number": .number
            case "percent": .percent
            case "boolean": .boolean
            case "date": .date
            case "string": .string
            case "enum": .enumeration(try array { r throws(Invalid) in try r.string() })
            case "list": .list(try array { r throws(Invalid) in try r.fact() })
            case let other: throw damaged("'\(other)' is not a fact type")
            }
        }

        mutating func category() throws(Invalid) -> Category {
            Category(id: try string(), name: try text(), weight: try double(), location: try location(), order: try int())
        }

        mutating func citation() throws(Invalid) -> Citation {
            let kind = try raw(BasisKind.self), strength = try raw(BasisStrength.self), document = try string()
            let name = try optional { r throws(Invalid) in try r.text() }
            var parts: [String?] = []
            for _ in 0..<5 { parts.append(try optional { r throws(Invalid) in try r.string() }) }
            return Citation(kind: kind, strength: strength, document: document, name: name, article: parts[0], clause: parts[1],
                            point: parts[2], url: parts[3], quote: parts[4], note: try optional { r throws(Invalid) in try r.text() })
        }

        mutating func parameters() throws(Invalid) -> [String: RuleParameter] {
            let list = try array { r throws(Invalid) in
                RuleParameter(name: try r.string(), value: try r.value(), type: try r.exprType(), location: try r.location())
            }
            return Dictionary(list.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        }

        mutating func rule() throws(Invalid) -> Rule {
            let id = try string(), title = try text()
            let basis = try array { r throws(Invalid) in try r.citation() }
            let appliesTo = try array { r throws(Invalid) in try r.raw(UnitKind.self) }
            let inForce = try window()
            let severity = try raw(Severity.self), category = try string(), weight = try double()
            let parameters = try parameters()
            let message = try text()
            let examples = try array { r throws(Invalid) in
                RuleExample(expected: try r.raw(RuleStatus.self), name: try r.optional { r throws(Invalid) in try r.text() },
                            kind: try r.optional { r throws(Invalid) in try r.raw(UnitKind.self) },
                            period: try r.optional { r throws(Invalid) in Period(start: try r.day(), end: try r.day()) },
                            facts: try r.node(), location: try r.location())
            }
            var d = RuleDefinition(id: id, title: title, basis: basis, appliesTo: appliesTo, inForce: inForce, severity: severity,
                                   category: category, weight: weight, parameters: parameters, message: message,
                                   examples: examples, location: try location(), ruleSet: try string())
            d.disabled = try bool()
            d.declaredParameters = try self.parameters()
            d.description = try optional { r throws(Invalid) in try r.text() }
            d.perYear = try bool()
            d.isMetric = try bool()
            d.parameterBasis = try array { r throws(Invalid) in try r.citation() }
            let when = try optional { r throws(Invalid) in try r.expression() }
            let expect = try expression()
            let citations = try text()
            let template = MessageTemplate(vi: try pieces(), en: try pieces())
            return Rule(d, when: when, expect: expect, template: template, citations: (citations.vi, citations.en))
        }

        mutating func pieces() throws(Invalid) -> [MessageTemplate.Piece] {
            try array { r throws(Invalid) in
                switch try r.uint() {
                case 0: return .text(try r.string())
                case 1: return .placeholder(try r.string())
                case let k: throw r.damaged("template piece \(k)")
                }
            }
        }

        mutating func node() throws(Invalid) -> Node {
            try nested { r throws(Invalid) in
                let mark = try r.mark(), tag = try r.optional { r throws(Invalid) in try r.string() }
                switch try r.uint() {
                case 0: return Node(.scalar(try r.string(), try r.raw(ScalarStyle.self)), at: mark, tag: tag)
                case 1:
                    return Node(.mapping(try r.array { r throws(Invalid) in
                        Node.Entry(key: try r.string(), keyMark: try r.mark(), value: try r.node())
                    }), at: mark, tag: tag)
                case 2: return Node(.sequence(try r.array { r throws(Invalid) in try r.node() }), at: mark, tag: tag)
                case let k: throw r.damaged("node kind \(k)")
                }
            }
        }

        mutating func value() throws(Invalid) -> Value {
            try nested { r throws(Invalid) in
                switch try r.uint() {
                case 0: return .int(try r.int64())
                case 1: return .number(try r.double())
                case 2: return .percent(try r.double())
                case 3: return .bool(try r.bool())
                case 4: return .date(try r.day())
                case 5: return .string(try r.string())
                case 6: return .list(try r.array { r throws(Invalid) in try r.value() })
                case let k: throw r.damaged("value kind \(k)")
                }
            }
        }

        mutating func exprType() throws(Invalid) -> ExprType {
            try nested { r throws(Invalid) in
                switch try r.uint() {
                case 0: return .integer
                case 1: return .number
                case 2: return .percent
                case 3: return .boolean
                case 4: return .date
                case 5: return .string
                case 6: return .records(try r.string())
                case 7: return .record(try r.string())
                case 8: return .list(try r.exprType())
                case let k: throw r.damaged("type kind \(k)")
                }
            }
        }

        mutating func expression() throws(Invalid) -> Expression {
            try nested { r throws(Invalid) in
                let id = try r.int(), mark = try r.mark()
                let builtin = try r.optional { r throws(Invalid) in try r.raw(Builtin.self) }
                let type = try r.exprType(), text = try r.string()
                let kind: Expression.Kind
                switch try r.uint() {
                case 0: kind = .literal(try r.value())
                case 1: kind = .fact(try r.string())
                case 2: kind = .param(try r.string())
                case 3: kind = .variable(try r.string(), field: try r.optional { r throws(Invalid) in try r.string() })
                case 4: kind = .unary(try r.raw(UnaryOperator.self), try r.expression())
                case 5: kind = .binary(try r.raw(BinaryOperator.self), try r.expression(), try r.expression())
                case 6: kind = .call(try r.string(), try r.array { r throws(Invalid) in try r.expression() })
                case 7:
                    kind = .comprehension(try r.raw(Aggregate.self), variable: try r.string(), list: try r.string(),
                                          filter: try r.optional { r throws(Invalid) in try r.expression() },
                                          body: try r.optional { r throws(Invalid) in try r.expression() })
                case 8: kind = .list(try r.array { r throws(Invalid) in try r.expression() })
                case let k: throw r.damaged("expression kind \(k)")
                }
                var e = Expression(kind, at: mark, type: type, text: text)
                e.id = id
                e.builtin = builtin
                return e
            }
        }
    }
}
