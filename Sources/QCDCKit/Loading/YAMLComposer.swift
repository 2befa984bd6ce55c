import CYAML

/// Composes libyaml's parse events into ``Node`` trees, iteratively (no
/// recursion, so deep input cannot overflow the stack).
///
/// It keeps a 1-based line and column on every node, rejects duplicate keys
/// (at the second key), non-scalar keys and multiple documents, and bounds
/// nesting depth, alias expansion and document size.
public struct YAMLComposer: Sendable {
    public var limits: LoadLimits

    public init(limits: LoadLimits = .default) { self.limits = limits }

    private struct Anchored { var node: Node; var size: Int }

    private enum Frame {
        case mapping(mark: Mark, tag: String?, anchor: String?, entries: [Node.Entry], seen: [String: Mark],
                     key: (String, Mark)?, size: Int)
        case sequence(mark: Mark, tag: String?, anchor: String?, items: [Node], size: Int)
    }

    /// Parses one YAML document. Non-fatal problems (duplicate keys) come back in
    /// `diagnostics` beside the node; a fatal one leaves `node` nil.
    public func compose(_ bytes: [UInt8], file: String) -> (node: Node?, diagnostics: [Diagnostic]) {
        let body: ArraySlice<UInt8>
        switch SourceText.check(bytes, file: file, limits: limits) {
        case .failure(let d): return (nil, [d])
        case .success(let b): body = b
        }
        var diags: [Diagnostic] = []
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return (nil, [Diagnostic(.error, "input.internal", "could not initialise the YAML parser",
                                     at: Mark.start.located(in: file))])
        }
        defer { yaml_parser_delete(&parser) }

        var stack: [Frame] = []
        var anchors: [String: Anchored] = [:]
        var aliasBudget = limits.maxAliasExpansion
        var root: Node?
        var documents = 0

        func fatal(_ code: String, _ message: String, _ mark: Mark, _ notes: [String] = []) -> (Node?, [Diagnostic]) {
            diags.append(Diagnostic(.error, code, message, at: mark.located(in: file), notes: notes))
            return (nil, diags)
        }

        return body.withUnsafeBufferPointer { buf -> (Node?, [Diagnostic]) in
            yaml_parser_set_input_string(&parser, buf.baseAddress, buf.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else {
                    return syntaxError(&parser, file: file, body: body, diags: diags)
                }
                defer { yaml_event_delete(&event) }
                let mark = Mark(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
                var completed: (Node, Int, String?)?   // node, size, anchor

                switch event.type {
                case YAML_STREAM_END_EVENT:
                    if root == nil {
                        return (Node(.scalar("", .plain), at: .start), diags)
                    }
                    return (root, diags)
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents > 1 {
                        return fatal("input.multiple_documents", "the file holds more than one YAML document", mark,
                                     ["put one report or rule set per file; remove the `---` separator"])
                    }
                case YAML_SCALAR_EVENT:
                    let s = event.data.scalar
                    let text = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
                    let style: ScalarStyle
                    switch s.style {
                    case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
                    case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
                    case YAML_LITERAL_SCALAR_STYLE: style = .literal
                    case YAML_FOLDED_SCALAR_STYLE: style = .folded
                    default: style = .plain
                    }
                    let tag = s.tag.map { String(cString: $0) }
                    completed = (Node(.scalar(text, style), at: mark, tag: tag), 1, s.anchor.map { String(cString: $0) })
                case YAML_ALIAS_EVENT:
                    let name = String(cString: event.data.alias.anchor)
                    guard let a = anchors[name] else {
                        return fatal("input.unknown_alias", "alias *\(name) names no anchor defined before it", mark)
                    }
                    aliasBudget -= a.size
                    if aliasBudget < 0 {
                        return fatal("input.alias_limit",
                                     "aliases expand to more than \(limits.maxAliasExpansion) nodes", mark,
                                     ["this looks like an alias bomb (\"billion laughs\"); write the values out"])
                    }
                    var node = a.node
                    node.mark = mark
                    completed = (node, a.size, nil)
                case YAML_MAPPING_START_EVENT, YAML_SEQUENCE_START_EVENT:
                    if stack.count >= limits.maxDepth {
                        diags.append(.tooDeep(limits.maxDepth, at: mark.located(in: file)))
                        return (nil, diags)
                    }
                    if case .mapping(_, _, _, _, _, nil, _) = stack.last {
                        return fatal("input.complex_key", "a mapping key must be a scalar, not \(event.type == YAML_MAPPING_START_EVENT ? "a mapping" : "a list")", mark)
                    }
                    if event.type == YAML_MAPPING_START_EVENT {
                        let m = event.data.mapping_start
                        stack.append(.mapping(mark: mark, tag: m.tag.map { String(cString: $0) },
                                              anchor: m.anchor.map { String(cString: $0) },
                                              entries: [], seen: [:], key: nil, size: 1))
                    } else {
                        let q = event.data.sequence_start
                        stack.append(.sequence(mark: mark, tag: q.tag.map { String(cString: $0) },
                                               anchor: q.anchor.map { String(cString: $0) }, items: [], size: 1))
                    }
                case YAML_MAPPING_END_EVENT, YAML_SEQUENCE_END_EVENT:
                    switch stack.removeLast() {
                    case .mapping(let m, let tag, let anchor, let entries, _, _, let size):
                        completed = (Node(.mapping(entries), at: m, tag: tag), size, anchor)
                    case .sequence(let m, let tag, let anchor, let items, let size):
                        completed = (Node(.sequence(items), at: m, tag: tag), size, anchor)
                    }
                default:
                    break
                }

                guard let (node, size, anchor) = completed else { continue }
                if let anchor { anchors[anchor] = Anchored(node: node, size: size) }
                // Attach the completed node to its parent.
                guard let top = stack.popLast() else {
                    root = node
                    continue
                }
                switch top {
                case .sequence(let m, let tag, let anc, var items, let sz):
                    items.append(node)
                    stack.append(.sequence(mark: m, tag: tag, anchor: anc, items: items, size: sz + size))
                case .mapping(let m, let tag, let anc, var entries, var seen, let key, let sz):
                    if let (k, kmark) = key {
                        if let first = seen[k] {
                            diags.append(.duplicateKey(k, first: first, at: kmark.located(in: file)))
                        } else {
                            seen[k] = kmark
                            entries.append(Node.Entry(key: k, keyMark: kmark, value: node))
                        }
                        stack.append(.mapping(mark: m, tag: tag, anchor: anc, entries: entries, seen: seen, key: nil, size: sz + size))
                    } else {
                        guard let text = node.scalarText else {
                            return fatal("input.complex_key", "a mapping key must be a scalar, not \(node.kindName)", node.mark)
                        }
                        stack.append(.mapping(mark: m, tag: tag, anchor: anc, entries: entries, seen: seen,
                                              key: (text, node.mark), size: sz))
                    }
                }
            }
        }
    }

    private func syntaxError(_ parser: inout yaml_parser_t, file: String, body: ArraySlice<UInt8>,
                             diags: [Diagnostic]) -> (Node?, [Diagnostic]) {
        let problem = parser.problem.map { String(cString: $0) } ?? "syntax error"
        let context = parser.context.map { String(cString: $0) }
        var mark = Mark(line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
        if parser.error == YAML_READER_ERROR {
            mark = Self.mark(ofOffset: Int(parser.problem_offset), in: body)
        }
        var notes: [String] = []
        if let context {
            let cm = parser.context_mark
            notes.append("\(context) at line \(cm.line + 1), column \(cm.column + 1)")
        }
        if problem.contains("tab") { notes.append("indent with spaces; YAML does not allow tabs for indentation") }
        notes.append("fix the YAML syntax at this position")
        return (nil, diags + [Diagnostic(.error, "input.yaml_syntax", problem, at: mark.located(in: file), notes: notes)])
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
