import ArgumentParser
import Foundation
import QCDCKit

enum Terminal {
    /// The language of what the command prints on the terminal (set from `--lang` first thing).
    nonisolated(unsafe) static var language: Language = .vi

    /// Diagnostics in the command's language, with their source lines.
    static func render(_ diags: [Diagnostic]) -> String {
        diags.map { TextReporter.diagnostic($0, language: language) }.joined()
    }

    static func wantsColor(noColor: Bool) -> Bool {
        if noColor { return false }
        if let v = environment("NO_COLOR"), !v.isEmpty { return false }
        if environment("TERM") == "dumb" { return false }
        return isatty(STDOUT_FILENO) == 1
    }

    /// One environment variable, through `getenv` (`ProcessInfo`'s `environment` builds a
    /// dictionary of them all at each call).
    static func environment(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

    /// Checks every output target before any work (a directory, an input, a planted link, a
    /// missing directory are refused) and creates the temporary files; exit 2 on any problem.
    static func prepare(_ paths: [String], inputs: ([String]) -> Set<FileIdentity>) throws -> [String: OutputFile] {
        var prepared: [String: OutputFile] = [:]
        var problems: [Diagnostic] = []
        let inputs = inputs(paths)
        for path in paths where prepared[path] == nil {
            switch OutputFile.prepare(path, inputs: inputs) {
            case .success(let f): prepared[path] = f
            case .failure(let d): problems.append(d)
            }
        }
        if !problems.isEmpty {
            prepared.values.forEach { $0.discard() }
            stderr(render(problems))
            throw ExitCode(2)
        }
        return prepared
    }

    /// Writes `text` to a prepared output and finishes it, or to standard output; a write error
    /// is one line on standard error and exit 2.
    static func emit(_ text: String, to file: OutputFile?) throws {
        let problem = file.map { $0.write(text) ?? $0.commit() } ?? StandardStreams.out(text)
        if let problem { try fail(problem, file) }
    }

    /// Ends the run after a failed write: the problem on standard error (not when standard
    /// output's reader has gone, `qcdc … | head`), exit 2.
    private static func fail(_ problem: Diagnostic, _ file: OutputFile?) throws -> Never {
        file?.discard()
        if !StandardStreams.isClosedPipe(problem) { stderr(render([problem])) }
        throw ExitCode(2)
    }

    /// Writes part of an output (to a prepared file, not yet finished, or to standard output).
    static func write(_ text: String, to file: OutputFile?) throws {
        if let problem = file.map({ $0.write(text) }) ?? StandardStreams.out(text) { try fail(problem, file) }
    }

    /// Writes UTF-8 bytes as part of an output.
    static func write(utf8 bytes: [UInt8], to file: OutputFile?) throws {
        let problem = bytes.withUnsafeBytes { buf in file.map { $0.write(buf) } ?? StandardStreams.out(buf) }
        if let problem { try fail(problem, file) }
    }

    /// Writes `text` to `path` (prepared now) or to standard output.
    static func emit(_ text: String, to path: String?, inputs: ([String]) -> Set<FileIdentity> = { _ in [] }) throws {
        guard let path else { return try emit(text, to: nil as OutputFile?) }
        let file = try prepare([path], inputs: inputs)[path]!
        try emit(text, to: file)
    }

    /// Writes `bytes` to `path` (prepared now, replaced atomically).
    static func emit(bytes: Data, to path: String) throws {
        let file = try prepare([path], inputs: { _ in [] })[path]!
        let problem = bytes.withUnsafeBytes { file.write($0) } ?? file.commit()
        if let problem { try fail(problem, file) }
    }

    static func stderr(_ text: String) {
        StandardStreams.err(text)
    }

    /// Ends the process with `code` (C's `exit`, which flushes what `print` buffered).
    static func exit(_ code: Int32) -> Never {
        Foundation.exit(code)
    }
}

/// The files a command reads, so that no output overwrites one of them.
enum InputFile {
    /// Which of `outputs` are files the run reads, by identity, so that no output overwrites one
    /// of them. Only the outputs' identities are kept (the inputs may be 100,000 files), and
    /// the inputs are not searched at all when no output exists yet.
    static func identities(among outputs: [String], reports: [String], rules: [String], others: [String?]) -> Set<FileIdentity> {
        let targets = Set(outputs.compactMap { FileIdentity(path: $0) })
        guard !targets.isEmpty else { return [] }
        var ids = Set<FileIdentity>()
        func note(_ path: String) {
            if let id = FileIdentity(path: path), targets.contains(id) { ids.insert(id) }
        }
        var walker = InputFiles.Walker(reports)
        while let (path, _) = walker.next() {
            if path != "-" { note(path) }
        }
        for path in rules {
            for file in InputFiles.walk(path) + [path] { note(file) }
        }
        for case let path? in others { note(path) }
        return ids
    }
}

/// `--limit NAME=VALUE`: the bounds on inputs (docs/limits.md).
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("limit"), help: ArgumentHelp(
        "Change a limit (repeatable): file-size, depth, aliases, eval-steps, diagnostics, expression-length, expression-depth, expression-nodes. See docs/limits.md.",
        valueName: "NAME=VALUE"))
    var limit: [String] = []

    nonisolated(unsafe) static let names: [(String, WritableKeyPath<LoadLimits, Int>)] = [
        ("file-size", \.maxBytes), ("depth", \.maxDepth), ("aliases", \.maxAliasExpansion), ("eval-steps", \.maxEvaluationSteps),
        ("diagnostics", \.maxDiagnostics), ("expression-length", \.maxExpressionLength), ("expression-depth", \.maxExpressionDepth),
        ("expression-nodes", \.maxExpressionNodes),
    ]

    func validate() throws { _ = try limits() }

    func limits() throws -> LoadLimits {
        var out = LoadLimits.default
        for item in limit {
            let parts = item.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let path = Self.names.first(where: { $0.0 == parts[0] })?.1 else {
                throw ValidationError(usage("--limit \(item): ghi NAME=VALUE, NAME là một trong ", en: "--limit \(item): write NAME=VALUE with NAME one of ")
                                      + Self.names.map(\.0).joined(separator: ", "))
            }
            guard let v = Int(parts[1]), v > 0, v <= 1 << 40 else {
                throw ValidationError(usage("--limit \(item): giá trị phải là số nguyên dương", en: "--limit \(item): the value must be a positive whole number"))
            }
            out[keyPath: path] = v
        }
        return out
    }
}
