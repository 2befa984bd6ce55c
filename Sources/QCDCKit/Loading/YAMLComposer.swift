import CYAML

/// Composes libyaml's parse events into ``Node`` trees, iteratively (no
/// recursion, so deep input cannot overflow the stack).
///
/// It keeps a 1-based line and column on every node, rejects duplicate keys
/// (at the second key), non-scalar keys and multiple documents, and bounds
/// nesting depth, alias expansion and document size.
package struct YAMLComposer: Sendable {
    package var limits: LoadLimits

    package init(limits: LoadLimits = .default) { self.limits = limits }

    private struct Anchored { var node: Node; var size: Int }

    /// An open mapping or sequence. Frames are mutated in place on the stack (never popped and
    /// pushed back), so appending a child costs O(1) and a long list composes in linear time.
    /// Its children so far are the end of ``Children``'s stack, from ``start``.
    private struct Frame {
        var isMapping: Bool
        var mark: Mark
        var tag: String?
        var anchor: String?
        /// Where the frame's children start in the stack of entries (a mapping) or items.
        var start: Int
        /// The keys by text, once a mapping has ``indexFrom`` entries (a scan is cheaper before).
        var seen: [String: Mark] = [:]
        /// The key read and waiting for its value (mappings only).
        var key: (text: String, mark: Mark, isMerge: Bool)?
        var size = 1

        static let indexFrom = 16

        /// Where `key` was first written in this mapping (whose entries so far are `entries`), if it was.
        mutating func earlier(_ key: String, in entries: UnsafeMutableBufferPointer<Node.Entry>) -> Mark? {
            if seen.isEmpty {
                if entries.count < Self.indexFrom { return entries.first { $0.key == key }?.keyMark }
                for e in entries { seen[e.key] = e.keyMark }
            }
            return seen[key]
        }
    }

    /// The children of the open frames, outermost frame's first, in one stack that grows to the
    /// document's widest nesting and is reused: a closed frame's are moved out at once into an
    /// array of their number. An array per open frame grew as its children came (a mapping of
    /// five entries was three allocations and two copies).
    private final class Children<Element> {
        private var base: UnsafeMutablePointer<Element>
        private var capacity = 32
        private(set) var count = 0

        init() { base = .allocate(capacity: capacity) }

        deinit {
            base.deinitialize(count: count)
            base.deallocate()
        }

        func append(_ element: consuming Element) {
            if count == capacity {
                let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity * 2)
                grown.moveInitialize(from: base, count: count)
                base.deallocate()
                base = grown
                capacity *= 2
            }
            (base + count).initialize(to: element)
            count += 1
        }

        /// The children from `start` on (a frame's), in place.
        func slice(from start: Int) -> UnsafeMutableBufferPointer<Element> {
            UnsafeMutableBufferPointer(start: base + start, count: count - start)
        }

        /// The children from `start` on, moved out of the stack. Reserved and appended: an array
        /// made with `unsafeUninitializedCapacity` is allocated by the standard library's generic
        /// code, which looked up the array's type at every call (a third of the composer's own time).
        func take(from start: Int) -> [Element] {
            let n = count - start
            guard n > 0 else { return [] }
            count = start
            var out: [Element] = []
            out.reserveCapacity(n)
            for i in start..<start + n { out.append((base + i).move()) }
            return out
        }
    }

    /// Parses one YAML document. Non-fatal problems (duplicate keys) come back in
    /// `diagnostics` beside the node; a fatal one leaves `node` nil.
    package func compose(_ bytes: [UInt8], file: String) -> (node: Node?, diagnostics: [Diagnostic]) {
        let body: ArraySlice<UInt8>
        switch SourceText.check(bytes, file: file, limits: limits) {
        case .failure(let d): return (nil, [d])
        case .success(let b): body = b
        }
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return (nil, [Diagnostic(.error, DiagnosticCode(.input, "internal"), .yamlParserUnavailable, at: Mark.start.located(in: file))])
        }
        defer { yaml_parser_delete(&parser) }

        var state = State(limits: limits, file: file)
        return body.withUnsafeBufferPointer { buf -> (Node?, [Diagnostic]) in
            yaml_parser_set_input_string(&parser, buf.baseAddress, buf.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    return syntaxError(&parser, file: file, body: body, diags: state.diags)
                }
                defer { yaml_event_delete(&event) }
                if let done = state.consume(event) { return done }
            }
        }
    }

    /// What composition holds between events: the open frames, the anchors, the alias budget.
    private struct State {
        let limits: LoadLimits
        let file: String
        var stack: [Frame] = []
        /// The open mappings' entries and the open sequences' items.
        let entries = Children<Node.Entry>()
        let items = Children<Node>()
        var anchors: [String: Anchored] = [:]
        var aliasBudget: Int
        var root: Node?
        var documents = 0
        var diags: [Diagnostic] = []

        init(limits: LoadLimits, file: String) {
            self.limits = limits
            self.file = file
            aliasBudget = limits.maxAliasExpansion
        }

        mutating func fatal(_ code: String, _ message: Message, _ mark: Mark, _ notes: [Message] = []) -> (Node?, [Diagnostic]) {
            diags.append(Diagnostic(.error, DiagnosticCode(.input, code), message, at: mark.located(in: file), notes: notes))
            return (nil, diags)
        }

        /// Takes one event; returns the result when the stream ends or on a fatal error.
        mutating func consume(_ event: yaml_event_t) -> (Node?, [Diagnostic])? {
            let mark = Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
            switch event.type {
            case YAML_STREAM_END_EVENT:
                guard let root else { return fatal("empty", .emptyFile, .start, [.writeAReport]) }
                return (root, diags)
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 { return fatal("multiple_documents", .multipleDocuments, mark, [.oneDocumentPerFile]) }
            case YAML_SCALAR_EVENT:
                let (node, anchor) = YAMLComposer.scalar(event, at: mark)
                return complete(node, size: 1, anchor: anchor)
            case YAML_ALIAS_EVENT:
                let name = String(cString: event.data.alias.anchor)
                guard let a = anchors[name] else { return fatal("unknown_alias", .unknownAlias(name), mark) }
                aliasBudget -= a.size
                if aliasBudget < 0 { return fatal("alias_limit", .aliasLimit(limits.maxAliasExpansion), mark, [.aliasBomb]) }
                var node = a.node
                node.mark = mark
                return complete(node, size: a.size, anchor: nil)
            case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                if stack.count >= limits.maxDepth {
                    diags.append(.tooDeep(limits.maxDepth, at: mark.located(in: file)))
                    return (nil, diags)
                }
                if let top = stack.last, top.isMapping, top.key == nil {
                    return fatal("complex_key", .complexKey(isMapping: event.type == YAML_MAPPING_START_EVENT), mark)
                }
                stack.append(YAMLComposer.frame(event, at: mark, start: event.type == YAML_MAPPING_START_EVENT ? entries.count : items.count))
            case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                let f = stack.removeLast()
                return complete(Node(f.isMapping ? .mapping(entries.take(from: f.start)) : .sequence(items.take(from: f.start)), at: f.mark, tag: f.tag),
                                size: f.size, anchor: f.anchor)
            default:
                break
            }
            return nil
        }

        /// A node completed (a scalar, an alias, a closed mapping or sequence), moved into its
        /// parent, or kept as the root. (Held in an optional tuple and taken out again, every
        /// node was copied and destroyed once more: 2% of reading reports.)
        private mutating func complete(_ node: consuming Node, size: Int, anchor: String?) -> (Node?, [Diagnostic])? {
            if let anchor { anchors[anchor] = Anchored(node: copy node, size: size) }
            // Attach the completed node to its parent, in place.
            guard !stack.isEmpty else {
                root = node
                return nil
            }
            if YAMLComposer.attach(node, size: size, to: &stack[stack.count - 1], entries: entries, items: items, file: file, diags: &diags) {
                return (nil, diags)
            }
            return nil
        }
    }

    /// The open frame of a mapping- or sequence-start event, with its tag and anchor.
    private static func frame(_ event: yaml_event_t, at mark: Mark, start: Int) -> Frame {
        if event.type == YAML_MAPPING_START_EVENT {
            let m = event.data.mapping_start
            return Frame(isMapping: true, mark: mark, tag: m.tag.map { String(cString: $0) }, anchor: m.anchor.map { String(cString: $0) },
                         start: start)
        }
        let q = event.data.sequence_start
        return Frame(isMapping: false, mark: mark, tag: q.tag.map { String(cString: $0) }, anchor: q.anchor.map { String(cString: $0) },
                     start: start)
    }

    /// A scalar event as a node (text, quoting style, tag) and its anchor.
    private static func scalar(_ event: yaml_event_t, at mark: Mark) -> (Node, String?) {
        let s = event.data.scalar
        let text = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
        let tag = s.tag.map { String(cString: $0) }
        return (Node(.scalar(text, style(s.style)), at: mark, tag: tag), s.anchor.map { String(cString: $0) })
    }

    /// How a scalar event was written.
    static func style(_ style: yaml_scalar_style_t) -> ScalarStyle {
        switch style {
        case YAML_SINGLE_QUOTED_SCALAR_STYLE: .singleQuoted
        case YAML_DOUBLE_QUOTED_SCALAR_STYLE: .doubleQuoted
        case YAML_LITERAL_SCALAR_STYLE: .literal
        case YAML_FOLDED_SCALAR_STYLE: .folded
        default: .plain
        }
    }

    /// Attaches a completed node to the open frame, in place: an item of a sequence, the value
    /// of a mapping's waiting key (a duplicate or merge key is a diagnostic), or the key
    /// itself. True after adding the fatal error of a key that is not a scalar to `diags` (an
    /// optional diagnostic returned for every node cost more than attaching it).
    private static func attach(_ node: consuming Node, size: Int, to top: inout Frame, entries: Children<Node.Entry>, items: Children<Node>,
                               file: String, diags: inout [Diagnostic]) -> Bool {
        if !top.isMapping {
            items.append(node)
            top.size += size
        } else if let key = top.key {
            top.key = nil
            if key.isMerge {
                diags.append(Diagnostic(.error, DiagnosticCode(.input, "merge_key"), .mergeKey,
                                        at: key.mark.located(in: file), notes: [.writeFieldsOut]))
            } else if let first = top.earlier(key.text, in: entries.slice(from: top.start)) {
                diags.append(.duplicateKey(key.text, first: first, at: key.mark.located(in: file)))
            } else {
                if !top.seen.isEmpty { top.seen[key.text] = key.mark }
                entries.append(Node.Entry(key: key.text, keyMark: key.mark, value: node))
                top.size += size
            }
        } else {
            guard let text = node.scalarText else {
                diags.append(Diagnostic(.error, DiagnosticCode(.input, "complex_key"), .complexKey(isMapping: node.entries != nil),
                                        at: node.mark.located(in: file)))
                return true
            }
            let isMerge = text == "<<" && node.scalarStyle == .plain
                && (node.tag == nil || node.tag == "tag:yaml.org,2002:merge")
            top.key = (text, node.mark, isMerge)
        }
        return false
    }

    private func syntaxError(_ parser: inout yaml_parser_t, file: String, body: ArraySlice<UInt8>,
                             diags: [Diagnostic]) -> (Node?, [Diagnostic]) {
        let problem = parser.problem.map { String(cString: $0) } ?? "syntax error"
        let context = parser.context.map { String(cString: $0) }
        var mark = Mark(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
        if parser.error == YAML_READER_ERROR {
            mark = Self.mark(ofOffset: Int(parser.problem_offset), in: body)
        }
        let contextMark = Mark(line: Int(parser.context_mark.line) + 1, column: Int(parser.context_mark.column) + 1)
        let line = Self.line(mark.line, in: body)
        let (message, notes) = Self.explain(problem: problem, context: context, contextMark: contextMark, mark: mark, line: line)
        return (nil, diags + [Diagnostic(.error, DiagnosticCode(.input, "yaml_syntax"), message, at: mark.located(in: file), notes: notes)])
    }

    /// libyaml's problem in words a report's author can act on; its own wording stays as a last note.
    static func explain(problem: String, context: String?, contextMark: Mark, mark: Mark, line: [Unicode.Scalar])
        -> (Message, [Message]) {
        let at = mark.column - 1
        let ch = at >= 0 && at < line.count ? line[at] : nil
        let leading = line.prefix { $0 == " " || $0 == "\t" }
        let parserSaid = Message.yamlParserSaid(problem, context: context, line: contextMark.line, column: contextMark.column)
        if leading.contains("\t") || ch == "\t" || problem.contains("tab") {
            return (.yamlTab, [.replaceTab(line: mark.line), parserSaid])
        }
        switch problem {
        case "did not find expected key", "did not find expected '-' indicator":
            return (.yamlMisaligned, [.alignLine(line: mark.line, column: leading.count + 1, blockLine: contextMark.line), .quoteIfValue, parserSaid])
        case "mapping values are not allowed in this context":
            return (.yamlColonInValue, [.quoteColonValue, parserSaid])
        case "could not find expected ':'":
            return (.yamlNoColon, [.writeKeyValue, parserSaid])
        case "found unexpected end of stream":
            return (.yamlUnclosed, [.closeOpened(line: contextMark.line, column: contextMark.column), parserSaid])
        case "found character that cannot start any token":
            if let ch, ch == "@" || ch == "`" { return (.yamlCannotStartWith(Character(ch)), [.quoteTheValue, parserSaid]) }
            return (.yamlBadCharacter, [.quoteTheValue, parserSaid])
        case "found undefined tag handle":
            return (.yamlUnknownTag, [.removeTag, parserSaid])
        case "found unknown escape character", "found unknown escape character while parsing a quoted scalar":
            return (.yamlBadEscape, [.writeBackslash, parserSaid])
        default:
            return (.yamlOther(problem), [.fixYAMLHere, parserSaid])
        }
    }

    /// The characters of a 1-based line (for messages).
    static func line(_ number: Int, in body: ArraySlice<UInt8>) -> [Unicode.Scalar] {
        var current = 1
        var start = body.startIndex
        var i = body.startIndex
        while i < body.endIndex && current < number {
            if body[i] == 0x0A { current += 1; start = i + 1 }
            i += 1
        }
        guard current == number else { return [] }
        var end = start
        while end < body.endIndex && body[end] != 0x0A && body[end] != 0x0D { end += 1 }
        return Array(String(decoding: body[start..<end], as: UTF8.self).unicodeScalars)
    }

    static func mark(ofOffset offset: Int, in body: ArraySlice<UInt8>) -> Mark {
        var line = 1, col = 1, n = 0
        for b in body {
            if n >= offset { break }
            n += 1
            if b == 0x0A { line += 1; col = 1 } else if b & 0xC0 != 0x80 { col += 1 }
        }
        return Mark(line: line, column: col)
    }
}
