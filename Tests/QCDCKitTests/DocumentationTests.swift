import Foundation
import Testing
@testable import QCDCKit

@Suite("Documentation follows the code")
struct DocumentationTests {
    /// `docs/expressions.md` lists every function and aggregate as the code declares them.
    @Test func expressionFunctionsAreDocumented() throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("docs/expressions.md"), encoding: .utf8)
        let table = ExpressionDocumentation.functionsTable
        #expect(text.contains(table), "docs/expressions.md should contain, under Functions:\n\(table)")
    }

    /// `docs/diagnostics.md` documents exactly the codes of ``DiagnosticCode/all``: a row per
    /// code (`| \`report.type_mismatch\` |`), or a row per namespace (`| \`waiver.*\` |`) that
    /// names each code of it in backticks.
    @Test func diagnosticCodesAreDocumented() throws {
        let text = try String(contentsOf: packageRoot.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        var documented: Set<String> = []
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false)
            let code = cells[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            if code.hasSuffix(".*") {
                let ns = code.dropLast(2)
                let names = line.matches(of: /`([a-z_]+)`/).map { String($0.output.1) }
                documented.formUnion(names.map { "\(ns).\($0)" })
            } else {
                documented.insert(code)
            }
        }
        let declared = Set(DiagnosticCode.all.map(\.rawValue))
        #expect(declared.subtracting(documented).sorted() == [], "declared in DiagnosticCode.all but not in docs/diagnostics.md")
        #expect(documented.subtracting(declared).sorted() == [], "in docs/diagnostics.md but not in DiagnosticCode.all")
    }

    /// The rules compiled into qcdc are the files under `rules/`, byte for byte, and all of them
    /// (the EmbedRules plugin re-embeds on every build where one changed).
    @Test func embeddedRulesAreTheFilesOnDisk() throws {
        let root = packageRoot.appendingPathComponent("rules")
        let onDisk = (FileManager.default.subpaths(atPath: root.path) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        #expect(BuiltinRules.files.keys.sorted() == onDisk.map { "rules/" + $0 })
        for path in onDisk {
            let disk = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
            #expect(BuiltinRules.files["rules/" + path] == disk, "rules/\(path) differs from its embedded copy")
        }
    }
}
