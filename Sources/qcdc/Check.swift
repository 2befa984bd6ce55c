import ArgumentParser
import Foundation
import QCDCKit

struct Check: ParsableCommand, Configurable {
    static let configuration = CommandConfiguration(
        // Named here: argument-parser would otherwise derive it with String(describing:), a
        // conformance scan at every start (6 M instructions of `qcdc --version`, by callgrind).
        commandName: "check",
        abstract: "Check reports (YAML or JSON) against the rules.",
        discussion: """
        REPORT may be files, directories (searched for .yaml, .yml, .json) or - for standard input. \
        Without --rules, the built-in national rule set is used.

        Several outputs in one run: pair each --format with an --output, in order \
        (--format json --output out.json --format sarif --output out.sarif); text is then still \
        printed on the terminal (only what fails the gate with --quiet). A last --format without an \
        --output goes to standard output instead of the text.

        Settings: a .qcdc.yaml in the working directory or above it (up to the repository's root), \
        or --config FILE, gives defaults for the flags (rules, waivers, baseline, fail-on, strict, \
        register, lang, include/exclude); flags given win; --no-config ignores it (docs/configuration.md).

        Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 an invalid \
        report, rule set, waiver or baseline file; 64 a usage error.

        \(LanguageHelp.text)
        """
    )

    @OptionGroup var flags: CheckFlags

    var configOptions: ConfigOptions { flags.config }
    mutating func configure(_ c: Configuration) { flags.configure(c) }

    func run() throws {
        Terminal.language = flags.lang
        var options = try flags.options()
        // No output of `check` reads a report's facts (the scorecard's roll-ups do).
        options.keepsFacts = false
        // Every output is checked (and its temporary file made) before any input is read.
        let files = try Terminal.prepare(flags.output + [flags.writeBaseline].compactMap { $0 }, inputs: flags.inputs(among:))
        defer { files.values.forEach { $0.discard() } }
        let session = CheckSession(options)
        // Every format is written report by report: the run keeps nothing per report.
        let root = SourceRoot.current()
        var writers = flags.destinations.map { format, path in
            // --quiet and colour are for the terminal: files get the whole format.
            let style = OutputStyle(color: path == nil && Terminal.wantsColor(noColor: flags.noColor), showAll: flags.all,
                                    showMissing: flags.showMissing, quiet: path == nil && flags.quiet, omitMissing: flags.omitMissing, gate: options.gate, sourceRoot: root)
            return (format.streamer(style), path.flatMap { files[$0] })
        }
        for i in writers.indices {
            try Terminal.write(writers[i].0.opening(ruleSet: session.ruleSet ?? .empty, language: flags.lang), to: writers[i].1)
        }
        var count = 0
        let renderers = writers.map(\.0)
        let language = flags.lang
        let run = try session.run(flags.reports, keepReports: false, render: { outcome, index in
            renderers.map { $0.rendering(outcome, index: index, language: language) }
        }, each: { _, renderings in
            for (i, rendering) in renderings.enumerated() {
                switch rendering {
                case .text(let text): try Terminal.write(writers[i].0.emit(text), to: writers[i].1)
                case .utf8(let bytes): try Terminal.write(utf8: bytes, to: writers[i].1)
                }
            }
            count += 1
        })
        if session.isReady, let path = flags.writeBaseline {
            try Terminal.emit(run.findingsRecord.rendered(), to: files[path])
        }
        for (writer, file) in writers { try Terminal.emit(writer.closing(run, count: count), to: file) }
        // On GitHub Actions, the annotations' job summary (appended: earlier steps wrote theirs).
        if let summaryFile = Terminal.environment("GITHUB_STEP_SUMMARY"), !summaryFile.isEmpty,
           let github = writers.lazy.compactMap({ $0.0 as? GitHubReporter }).first {
            if let problem = StandardStreams.append(github.stepSummary(run), to: summaryFile) {
                Terminal.stderr(Terminal.render([problem]))
                throw ExitCode(2)
            }
        }
        throw ExitCode(run.exitCode)
    }
}
