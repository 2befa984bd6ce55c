/// JUnit XML: one testsuite per report, one testcase per rule result.
/// Failed results are `<failure>`, unevaluable ones `<error>`, missing evidence, waived and
/// not-applicable results `<skipped>` (missing evidence is a `<failure>` with `--fail-on-missing`).
public struct JUnitReporter: Sendable {
    public init() {}

    /// The run as a JUnit XML document.
    public func render(_ run: CheckRun) -> String {
        let lang = run.language
        let l = Localizer(lang)
        var suites = ""
        var totals = (tests: 0, failures: 0, errors: 0, skipped: 0)
        for report in run.reports {
            var cases = ""
            var c = (tests: 0, failures: 0, errors: 0, skipped: 0)
            let suiteName = report.unit.map { "\(report.file) — \($0.name) (\($0.code))" } ?? report.file
            for d in report.diagnostics where d.severity == .error {
                c.tests += 1; c.errors += 1
                cases += "    <testcase classname=\"\(x(report.file))\" name=\"\(x(l(.junitInput(d.code))))\">\n"
                cases += "      <error message=\"\(x(d.message.text(lang)))\" type=\"\(x(d.code.rawValue))\">\(x(d.text(lang)))</error>\n    </testcase>\n"
            }
            for r in report.results where r.baselineState != .unchanged {
                c.tests += 1
                let name = "\(r.rule.id) \(r.rule.title.text(lang))"
                let classname = report.unit.map { "\($0.kind.rawValue).\($0.code)" } ?? report.file
                cases += "    <testcase classname=\"\(x(classname))\" name=\"\(x(name))\" file=\"\(x(r.location.file))\" line=\"\(r.location.line)\">\n"
                let message = r.message(lang)
                let body = "\(r.location): \(message) (\(l.basis(r.rule)))"
                    + r.flagged.map { "\n  \($0.location): \($0.id ?? $0.path)" }.joined()
                switch r.status {
                case .fail:
                    c.failures += 1
                    cases += "      <failure message=\"\(x(message))\" type=\"\(r.severity.rawValue)\">\(x(body))</failure>\n"
                case .error:
                    c.errors += 1
                    cases += "      <error message=\"\(x(message))\" type=\"evaluation\">\(x(body))</error>\n"
                case .missing where run.gate.failOnMissing:
                    c.failures += 1
                    cases += "      <failure message=\"\(x(message))\" type=\"missing\">\(x(body))</failure>\n"
                case .missing, .waived, .notApplicable:
                    c.skipped += 1
                    var why = r.status == .waived ? l(.labelWaived) + ": " + (r.waiver.map { l.waiver($0) } ?? "") : message
                    if r.status == .notApplicable { why = l.status(.notApplicable) + ": " + (r.reason(lang) ?? "") }
                    cases += "      <skipped message=\"\(x(why))\"/>\n"
                case .pass:
                    break
                }
                cases += "    </testcase>\n"
            }
            suites += "  <testsuite name=\"\(x(suiteName))\" tests=\"\(c.tests)\" failures=\"\(c.failures)\" errors=\"\(c.errors)\" skipped=\"\(c.skipped)\">\n"
            suites += cases + "  </testsuite>\n"
            totals = (totals.tests + c.tests, totals.failures + c.failures, totals.errors + c.errors, totals.skipped + c.skipped)
        }
        for d in run.diagnostics where d.severity == .error {
            totals.tests += 1; totals.errors += 1
            suites += "  <testsuite name=\"\(x(d.location.file))\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
            suites += "    <testcase classname=\"qcdc\" name=\"\(x(l(.junitInput(d.code))))\">\n      <error message=\"\(x(d.message.text(lang)))\" type=\"\(x(d.code.rawValue))\">\(x(d.text(lang)))</error>\n    </testcase>\n  </testsuite>\n"
        }
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuites name=\"qcdc \(QCDC.version)\" tests=\"\(totals.tests)\" failures=\"\(totals.failures)\" errors=\"\(totals.errors)\" skipped=\"\(totals.skipped)\">\n"
        return out + suites + "</testsuites>\n"
    }

    /// XML-escapes text for attributes and content; drops characters XML 1.0 forbids.
    func x(_ s: String) -> String { MarkupEscape.escape(Neutral.visible(s, keepingNewlines: true), apostrophe: "&apos;", encodeWhitespace: true) }
}
