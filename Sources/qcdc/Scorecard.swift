import ArgumentParser
import QCDCKit

struct ScorecardCommand: ParsableCommand, Configurable {
    static let configuration = CommandConfiguration(
        commandName: "scorecard",
        abstract: "Score many units: per unit, per category, per group and per rule; roll-up contradictions and trends.",
        discussion: """
        Scores follow the rule set's `scoring:` (docs/scoring.md): each scored rule earns its weight when it \
        passes; not-applicable and waived results are left out; missing evidence counts as failed unless \
        --missing exclude, and coverage (the share of rules that could be evaluated) is always shown.
        Exit codes: 0 scored; 2 an input was invalid (it is listed, the others are scored); 64 usage error.

        \(LanguageHelp.text)
        """
    )

    @OptionGroup var flags: ScorecardFlags

    var configOptions: ConfigOptions { flags.ruleSet.config }
    mutating func configure(_ c: Configuration) { flags.configure(c) }

    func run() throws {
        Terminal.language = flags.ruleSet.lang
        let files = try Terminal.prepare([flags.output].compactMap { $0 }, inputs: flags.inputs(among:))
        defer { files.values.forEach { $0.discard() } }
        let session = CheckSession(try flags.options())
        var config = (session.ruleSet ?? .empty).scoring
        if let model = flags.model { config.model = model }
        if let missing = flags.missing { config.missing = missing }
        // Each report is scored as it is checked; the scorecard keeps a compact summary per unit.
        var collector = Scorecard.Collector(ruleSet: session.ruleSet ?? .empty, config: config, usesRegister: flags.register.checks)
        let run = session.run(flags.reports, keepReports: false, render: { [collector] outcome, _ in collector.entry(outcome) },
                              each: { _, entry in collector.add(entry) })
        let card = collector.scorecard(run, grouping: flags.groupBy, selection: flags.selection, heading: flags.heading)
        // Written in pieces (JSON a unit at a time), then the file is finished; a workbook at once.
        let target = flags.output.flatMap { files[$0] }
        if flags.format.isBinary, let target {
            let bytes = try flags.format.workbook(card)
            if let problem = bytes.withUnsafeBytes({ target.write($0) }) ?? target.commit() {
                Terminal.stderr(Terminal.render([problem]))
                throw ExitCode(2)
            }
        } else {
            try flags.format.write(card, workers: session.options.workers) { piece throws(any Error) in try Terminal.write(piece, to: target) }
            try Terminal.emit("", to: target)
        }
        // The scorecard usually goes to a file: its input errors are repeated on the terminal.
        Terminal.stderr(Terminal.render(run.diagnostics.sorted().filter { $0.severity == .error }))
        for r in card.invalid { Terminal.stderr(Terminal.render(r.diagnostics.filter { $0.severity == .error })) }
        if run.hasInvalidInput || !card.invalid.isEmpty { throw ExitCode(2) }
    }
}
