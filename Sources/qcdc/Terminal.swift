import ArgumentParser
import Foundation
import QCDCKit

enum Terminal {
    static func wantsColor(noColor: Bool) -> Bool {
        if noColor { return false }
        if let v = ProcessInfo.processInfo.environment["NO_COLOR"], !v.isEmpty { return false }
        if ProcessInfo.processInfo.environment["TERM"] == "dumb" { return false }
        return isatty(STDOUT_FILENO) == 1
    }

    /// Writes to standard output, or atomically to a file (temporary file, then rename).
    static func emit(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        do {
            try AtomicFile.write(text, to: path)
        } catch {
            FileHandle.standardError.write(Data("qcdc: cannot write \(path): \(error.localizedDescription)\n".utf8))
            throw ExitCode(2)
        }
    }

    static func stderr(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// Reads files named on the command line (waivers, baselines) as located diagnostics on failure.
enum InputFile {
    static func read(_ path: String, into diags: inout [Diagnostic]) -> [UInt8] {
        guard let data = FileManager.default.contents(atPath: path) else {
            diags.append(Diagnostic(.error, "input.not_found", "cannot read \(path)", at: SourceLocation(file: path, line: 1, column: 1),
                                    notes: ["check the path"]))
            return []
        }
        return [UInt8](data)
    }

    /// A validated waiver file, or nil with every located error appended to `diags`.
    static func waivers(_ path: String, ruleSet: RuleSet, into diags: inout [Diagnostic]) -> WaiverSet? {
        let (set, d) = WaiverSet.load(read(path, into: &diags), file: path, knownRules: Set(ruleSet.rules.map(\.id)))
        diags += d
        return set
    }
}
