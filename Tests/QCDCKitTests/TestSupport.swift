import Foundation
@testable import QCDCKit

/// The package root, found from this file's path.
@_exported import QCDCTestSupport

func compose(_ text: String, file: String = "t.yaml", limits: LoadLimits = .default) -> (Node?, [Diagnostic]) {
    let r = YAMLComposer(limits: limits).compose(Array(text.utf8), file: file)
    return (r.node, r.diagnostics)
}

/// The built-in national rule set (loaded once).
let builtin: RuleSet = {
    let (rs, diags) = RuleSetLoader().loadBuiltin()
    precondition(rs != nil, "built-in rules invalid: \(diags)")
    return rs!
}()

/// A tiny rule set from YAML text, for focused tests.
func ruleSet(_ yaml: String, file: String = "test.yaml") -> (RuleSet?, [Diagnostic]) {
    // From bytes; only a rule set extending files on disk is written to a temporary file.
    if !yaml.contains("extends:") {
        return RuleSetLoader().load(files: [file: Array(yaml.utf8)], entry: [file])
    }
    let dir = try! temporaryDirectory()
    let path = dir.appendingPathComponent(file).path
    try! Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
    let (rs, diags) = RuleSetLoader().load(paths: [path])
    // Report locations relative to the file name only.
    return (rs, diags.map { var d = $0; d.location.file = file; return d })
}

/// Reads a report (YAML text) against a rule set.
func report(_ yaml: String, _ rs: RuleSet, file: String = "r.yaml") -> (UnitReport?, [Diagnostic]) {
    let (node, d1) = DocumentLoader.load(Array(yaml.utf8), file: file)
    guard let node else { return (nil, d1) }
    let (r, d2) = ReportReader(ruleSet: rs).read(node, file: file)
    return (r, d1 + d2)
}

// Tests compare codes and messages with strings; messages in English.
func == (a: DiagnosticCode?, b: String) -> Bool { a?.rawValue == b }
func != (a: DiagnosticCode?, b: String) -> Bool { a?.rawValue != b }
func == (a: Message?, b: String) -> Bool { a?.en == b }

extension Message {
    func contains(_ s: String) -> Bool { en.contains(s) }
    func hasPrefix(_ s: String) -> Bool { en.hasPrefix(s) }
}

extension RuleResult {
    /// The English message (tests read English).
    var message: String { message(.en) }
    var reason: String? { reason(.en) }
}

extension DiagnosticCode {
    func hasPrefix(_ s: String) -> Bool { rawValue.hasPrefix(s) }
}

extension Array where Element == Message {
    func contains(_ s: String) -> Bool { contains { $0.en == s } }
}
