import CYAML

/// Reads a valid YAML report straight from libyaml's events into its facts, with no tree of
/// nodes for them: the facts are most of a report, and composing them into nodes, walking the
/// nodes and freeing them cost more than reading the facts did.
///
/// Only a report that reads cleanly is read this way. Anything that would give a diagnostic
/// from the composer or from reading the facts (a syntax error, a duplicate or unknown key, a
/// dotted key, a value of the wrong shape or type, an anchor, alias or tag anywhere, a second
/// document, nesting past the limit) makes ``read(_:file:)`` give nil, and the report is read
/// again the usual way (``YAMLComposer``, then ``ReportReader``), which says what is wrong.
/// What a clean report gives is the same either way: the same facts, values, positions and
/// paths, so the same results. The reserved keys (`unit`, `period`, `$schema`, `notes`) are
/// composed as nodes, into a root that holds only them, for ``ReportReader`` to read as before.
struct StreamingReportReader {
    let slots: FactSlots
    let limits: LoadLimits

    /// What a clean report gives: a root mapping of its reserved keys only, and its facts.
    struct Read {
        var root: Node
        var facts: ReportFacts
    }

    /// Thrown to give up on the fast path: the report is read the usual way instead.
    private struct Unclean: Error {}

    init(slots: FactSlots, limits: LoadLimits) {
        self.slots = slots
        self.limits = limits
    }

    /// The report's reserved keys and facts, or nil when anything in it would be a diagnostic.
    func read(_ bytes: [UInt8], file: String) -> Read? {
        // Bytes that are not UTF-8, or control characters, fail in libyaml: no scan for them here.
        guard let body = SourceText.unchecked(bytes, limits: limits) else { return nil }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        return body.withUnsafeBufferPointer { buf -> Read? in
            yaml_parser_set_input_string(&parser, buf.baseAddress, buf.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            return withUnsafeMutablePointer(to: &parser) { p -> Read? in
                var session = Session(events: Events(parser: p), slots: slots, maxDepth: limits.maxDepth, file: file)
                defer { session.events.release() }
                return try? session.document()
            }
        }
    }

    /// libyaml's events, one at a time: the current one is freed as the next is parsed.
    private struct Events {
        let parser: UnsafeMutablePointer<yaml_parser_t>
        var event = yaml_event_t()
        var live = false

        init(parser: UnsafeMutablePointer<yaml_parser_t>) { self.parser = parser }

        /// The next event; a syntax error ends the fast path.
        mutating func next() throws(Unclean) -> yaml_event_type_t {
            release()
            guard yaml_parser_parse(parser, &event) == 1 else { throw Unclean() }
            live = true
            return event.type
        }

        mutating func release() {
            if live { yaml_event_delete(&event) }
            live = false
        }

        var mark: Mark { Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1) }

        /// The current scalar's bytes, valid until the next event; an anchor or a tag ends the
        /// fast path, as in ``scalar()``.
        func scalarBytes() throws(Unclean) -> UnsafeBufferPointer<UInt8> {
            let s = event.data.scalar
            guard s.anchor == nil, s.tag == nil else { throw Unclean() }
            return UnsafeBufferPointer(start: s.value, count: s.length)
        }

        /// The current scalar's text and style; an anchor or a tag ends the fast path (a tag
        /// changes how the value is typed, and the composer's reading of either is kept).
        func scalar() throws(Unclean) -> (String, ScalarStyle) {
            let s = event.data.scalar
            guard s.anchor == nil, s.tag == nil else { throw Unclean() }
            return (String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self), YAMLComposer.style(s.style))
        }

        /// Whether the current mapping or sequence start has neither anchor nor tag.
        var isBare: Bool {
            event.type == YAML_MAPPING_START_EVENT
                ? event.data.mapping_start.anchor == nil && event.data.mapping_start.tag == nil
                : event.data.sequence_start.anchor == nil && event.data.sequence_start.tag == nil
        }
    }

    private struct Session {
        var events: Events
        let slots: FactSlots
        let maxDepth: Int
        let file: String
        var facts: ReportFacts
        /// Whether each slot's key, and each group's, was written (a second time is a duplicate).
        var given: [Bool]
        var groupGiven: [Bool]
        /// The reserved keys' entries, in the order written.
        var reserved: [Node.Entry] = []
        /// Diagnostics from reading a value; any at all ends the fast path.
        var diags: [Diagnostic] = []

        init(events: Events, slots: FactSlots, maxDepth: Int, file: String) {
            self.events = events
            self.slots = slots
            self.maxDepth = maxDepth
            self.file = file
            facts = ReportFacts(slots: slots)
            given = Array(repeating: false, count: slots.paths.count)
            groupGiven = Array(repeating: false, count: slots.groupPaths.count)
        }

        mutating func document() throws(Unclean) -> Read {
            guard maxDepth > 0, try events.next() == YAML_STREAM_START_EVENT, try events.next() == YAML_DOCUMENT_START_EVENT,
                  try events.next() == YAML_MAPPING_START_EVENT, events.isBare else { throw Unclean() }
            let rootMark = events.mark
            facts.root = rootMark
            facts.containers[0] = rootMark
            try mapping(group: 0, depth: 1)
            // Not a report, or not only one: `unit` or `period` says it is one (as a directory is walked).
            guard reserved.contains(where: { $0.key == "unit" || $0.key == "period" }),
                  try events.next() == YAML_DOCUMENT_END_EVENT, try events.next() == YAML_STREAM_END_EVENT else { throw Unclean() }
            return Read(root: Node(.mapping(reserved), at: rootMark), facts: facts)
        }

        /// Whether a key's bytes may be a reserved key's, ruled out by the first byte for nearly
        /// every key before a string is made and a set asked.
        private static func mayBeReserved(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
            switch name.first {
            case UInt8(ascii: "u"), UInt8(ascii: "p"), UInt8(ascii: "n"), UInt8(ascii: "$"): true
            default: false
            }
        }

        /// The key of a mapping's next entry, or nil at its end.
        private mutating func key() throws(Unclean) -> (String, Mark)? {
            guard try keyEvent() else { return nil }
            return (try events.scalar().0, events.mark)
        }

        /// Whether a mapping has a next entry, whose key is then the current event (a scalar).
        private mutating func keyEvent() throws(Unclean) -> Bool {
            switch try events.next() {
            case YAML_MAPPING_END_EVENT: return false
            case YAML_SCALAR_EVENT: return true
            default: throw Unclean()   // a key that is not a scalar, or an alias
            }
        }

        /// Opens the mapping or sequence just started, `depth` deep, as the composer would.
        private func open(depth: Int) throws(Unclean) {
            guard depth < maxDepth, events.isBare else { throw Unclean() }
        }

        /// A group's mapping (the report's top level is group 0), to its end.
        private mutating func mapping(group: Int, depth: Int) throws(Unclean) {
            while try keyEvent() {
                // The key is matched as bytes: only a reserved one is made a string.
                let name = try events.scalarBytes()
                if group == 0, Self.mayBeReserved(name) {
                    let (name, _) = try events.scalar()
                    if ReportReader.reservedKeys.contains(name) {
                        guard !reserved.contains(where: { $0.key == name }) else { throw Unclean() }
                        let keyMark = events.mark
                        reserved.append(Node.Entry(key: name, keyMark: keyMark, value: try node(events.next(), depth: depth)))
                        continue
                    }
                }
                // An unknown or dotted key is a diagnostic, or a path to work out: the usual way.
                switch slots.member(name, in: group) {
                case .fact(let slot)?:
                    guard !given[slot] else { throw Unclean() }
                    given[slot] = true
                    try fact(slot, depth: depth)
                case .group(let g)?:
                    guard !groupGiven[g] else { throw Unclean() }
                    groupGiven[g] = true
                    switch try events.next() {
                    case YAML_MAPPING_START_EVENT:
                        try open(depth: depth)
                        facts.containers[g] = events.mark
                        try mapping(group: g, depth: depth + 1)
                    case YAML_SCALAR_EVENT:
                        let (text, style) = try events.scalar()
                        guard style == .plain, CoreSchema.isNull(text) else { throw Unclean() }
                    default:
                        throw Unclean()
                    }
                case nil:
                    throw Unclean()
                }
            }
        }

        /// The value of the fact in `slot`.
        private mutating func fact(_ slot: Int, depth: Int) throws(Unclean) {
            // The declaration read in place (a copy of it is a dozen retains).
            switch try events.next() {
            case YAML_SCALAR_EVENT:
                let mark = events.mark
                let (text, style) = try events.scalar()
                if style == .plain, CoreSchema.isNull(text) { return }
                if case .list = slots.declarations[slot].type { throw Unclean() }
                let v = try coerce(Node(.scalar(text, style), at: mark), as: slots.declarations[slot].type,
                                   minimum: slots.declarations[slot].minimum, maximum: slots.declarations[slot].maximum,
                                   path: FactPath(slots.paths[slot]))
                facts.set(FactValue(v, mark: mark, path: slots.paths[slot]), slot: slot)
            case YAML_SEQUENCE_START_EVENT:
                guard case .list(let fields) = slots.declarations[slot].type else { throw Unclean() }
                try open(depth: depth)
                let mark = events.mark
                let records = try records(fields, slot: slot, depth: depth + 1)
                facts.set(FactValue(.records(records), mark: mark, path: slots.paths[slot]), slot: slot)
            default:
                throw Unclean()
            }
        }

        /// A list fact's records, to the sequence's end.
        private mutating func records(_ fields: [FactDeclaration], slot: Int, depth: Int) throws(Unclean) -> [RecordValue] {
            let list = slots.paths[slot]
            // All the records' fields in one array, each record a slice of it, made once the
            // list is read (a slice taken while the array still grew would copy it).
            var values: [RecordValue.Field] = []
            var read: [(mark: Mark, end: Int)] = []
            // Which of the fields a record gave, by number: a record's fields are a handful.
            guard fields.count <= 64 else { throw Unclean() }
            while true {
                switch try events.next() {
                case YAML_SEQUENCE_END_EVENT:
                    var records: [RecordValue] = []
                    records.reserveCapacity(read.count)
                    var start = 0
                    for (i, r) in read.enumerated() {
                        records.append(RecordValue(entries: values[start..<r.end], mark: r.mark, path: FactPath(list: list, index: i)))
                        start = r.end
                    }
                    return records
                case YAML_MAPPING_START_EVENT:
                    try open(depth: depth)
                    let mark = events.mark
                    let path = FactPath(list: list, index: read.count)
                    var written: UInt64 = 0
                    while try keyEvent() {
                        // Matched as bytes: the field's name is its declaration's.
                        guard let f = try slots.field(events.scalarBytes(), of: slot), written & 1 << f == 0 else { throw Unclean() }
                        let name = fields[f].path
                        written |= 1 << f
                        guard try events.next() == YAML_SCALAR_EVENT else { throw Unclean() }
                        let at = events.mark
                        let (text, style) = try events.scalar()
                        if style == .plain, CoreSchema.isNull(text) { continue }
                        let v = try coerce(Node(.scalar(text, style), at: at), as: fields[f].type, minimum: fields[f].minimum,
                                           maximum: fields[f].maximum, path: path, field: name)
                        values.append(RecordValue.Field(name, v, mark: at))
                    }
                    read.append((mark, values.count))
                default:
                    throw Unclean()
                }
            }
        }

        /// A scalar read as `type`, as ``ReportReader`` reads it; a diagnostic ends the fast path.
        private mutating func coerce(_ node: Node, as type: FactType, minimum: Double?, maximum: Double?,
                                     path: FactPath, field: String? = nil) throws(Unclean) -> Value {
            guard let v = FactCoercion.coerce(node, as: type, minimum: minimum, maximum: maximum, path: path, field: field, file: file,
                                              into: &diags),
                  diags.isEmpty else { throw Unclean() }
            return v
        }

        /// A reserved key's value as a node, from its first event, `type` (`depth` deep if a
        /// mapping or sequence), composed as ``YAMLComposer`` composes it.
        private mutating func node(_ type: yaml_event_type_t, depth: Int) throws(Unclean) -> Node {
            let mark = events.mark
            switch type {
            case YAML_SCALAR_EVENT:
                let (text, style) = try events.scalar()
                return Node(.scalar(text, style), at: mark)
            case YAML_MAPPING_START_EVENT:
                try open(depth: depth)
                var entries: [Node.Entry] = []
                while let (name, keyMark) = try key() {
                    // A merge key, or a duplicate, is the composer's to report.
                    guard name != "<<", !entries.contains(where: { $0.key == name }) else { throw Unclean() }
                    entries.append(Node.Entry(key: name, keyMark: keyMark, value: try node(events.next(), depth: depth + 1)))
                }
                return Node(.mapping(entries), at: mark)
            case YAML_SEQUENCE_START_EVENT:
                try open(depth: depth)
                var items: [Node] = []
                while case let next = try events.next(), next != YAML_SEQUENCE_END_EVENT {
                    items.append(try node(next, depth: depth + 1))
                }
                return Node(.sequence(items), at: mark)
            default:
                throw Unclean()
            }
        }
    }
}
