/// JUnit XML: one testsuite per report, one testcase per rule result.
/// A `<failure>` (or `<error>`, for a rule that could not be evaluated) is only what fails the
/// gate, so that the test view agrees with the exit code; findings below `--fail-on`, missing
/// evidence (a failure with `--fail-on-missing`), waived and not-applicable results are
/// `<skipped>` with the reason in the run's language.
///
/// Written report by report: each testsuite carries its own counts; the root `testsuites`
/// carries none (they are known only at the end, and JUnit readers add up the suites).
public struct JUnitReporter: StreamingReporter {
    /// What fails.
    var gate: Gate

    /// A reporter for runs judged by `gate`.
    public init(gate: Gate = Gate()) {
        self.gate = gate
    }

    /// The run as a JUnit XML document.
    public func render(_ run: CheckRun) -> String {
        var me = self
        me.gate = run.gate
        return me.renderStreamed(run)
    }

    /// The XML declaration and the root element.
    public func opening(ruleSet: RuleSet, language: Language) -> String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"qcdc \(QCDC.version)\">\n"
    }

    /// One testsuite: the report's input errors, then one testcase per result.
    public func report(_ report: ReportOutcome, index: Int, language lang: Language) -> String {
        let l = Localizer(lang)
        var cases = ""
        var c = (tests: 0, failures: 0, errors: 0, skipped: 0)
        let suiteName = report.unit.map { "\(report.displayName) — \($0.name) (\($0.code))" } ?? report.displayName
        for d in report.diagnostics where d.severity == .error {
            c.tests += 1; c.errors += 1
            cases += "    <testcase classname=\"\(x(report.displayName))\" name=\"\(x(l(.junitInput(d.code))))\">\n"
            cases += "      <error message=\"\(x(d.message.text(lang)))\" type=\"\(x(d.code.rawValue))\">\(x(d.text(lang)))</error>\n    </testcase>\n"
        }
        for r in report.results where r.baselineState != .unchanged {
            c.tests += 1
            let name = "\(r.rule.id) \(r.rule.title.text(lang))"
            let classname = report.unit.map { "\($0.kind.rawValue).\($0.code)" } ?? report.displayName
            cases += "    <testcase classname=\"\(x(classname))\" name=\"\(x(name))\" file=\"\(x(r.location.file))\" line=\"\(r.location.line)\">\n"
            let message = r.message(lang)
            let body = "\(r.location): \(message) (\(l.basis(r.rule)))"
                + r.flagged.map { "\n  \($0.location): \($0.id ?? $0.path)" }.joined()
            let fails = gate.fails(r)
            switch r.status {
            case .fail where fails:
                c.failures += 1
                cases += "      <failure message=\"\(x(message))\" type=\"\(r.severity.rawValue)\">\(x(body))</failure>\n"
            case .error where fails:
                c.errors += 1
                cases += "      <error message=\"\(x(message))\" type=\"evaluation\">\(x(body))</error>\n"
            case .missing where fails:
                c.failures += 1
                cases += "      <failure message=\"\(x(message))\" type=\"missing\">\(x(body))</failure>\n"
            case .fail, .error:
                c.skipped += 1
                cases += "      <skipped message=\"\(x(l(.belowGate(r.severity, failOn: gate.failOn, message))))\"/>\n"
                cases += "      <system-out>\(x(body))</system-out>\n"
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
        return "  <testsuite name=\"\(x(suiteName))\" tests=\"\(c.tests)\" failures=\"\(c.failures)\" errors=\"\(c.errors)\" skipped=\"\(c.skipped)\">\n"
            + cases + "  </testsuite>\n"
    }

    /// A testsuite per input error of the run as a whole, and the end of the document.
    public func closing(_ run: CheckRun, count: Int) -> String {
        let lang = run.language
        let l = Localizer(lang)
        var suites = ""
        for d in run.diagnostics where d.severity == .error {
            suites += "  <testsuite name=\"\(x(d.location.file))\" tests=\"1\" failures=\"0\" errors=\"1\" skipped=\"0\">\n"
            suites += "    <testcase classname=\"qcdc\" name=\"\(x(l(.junitInput(d.code))))\">\n      <error message=\"\(x(d.message.text(lang)))\" type=\"\(x(d.code.rawValue))\">\(x(d.text(lang)))</error>\n    </testcase>\n  </testsuite>\n"
        }
        if run.expectedCount > 0 {
            let n = run.notSubmitted.count
            suites += "  <testsuite name=\"\(NotSubmitted.id)\" tests=\"\(n)\" failures=\"\(n)\" errors=\"0\" skipped=\"0\">\n"
            for u in run.notSubmitted {
                let text = NotSubmitted.text(u, lang)
                suites += "    <testcase classname=\"\(x(u.province ?? "qcdc"))\" name=\"\(x(u.code + (u.name.map { " " + $0 } ?? "")))\">\n"
                suites += "      <failure message=\"\(x(text))\" type=\"\(NotSubmitted.id)\">\(x(text))</failure>\n    </testcase>\n"
            }
            suites += "  </testsuite>\n"
        }
        return suites + "</testsuites>\n"
    }

    /// XML-escapes text for attributes and content; drops characters XML 1.0 forbids.
    func x(_ s: String) -> String { MarkupEscape.escape(Neutral.visible(s, keepingNewlines: true), apostrophe: "&apos;", encodeWhitespace: true) }
}
