import ArgumentParser
import QCDCKit

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check reports (YAML or JSON) against the rules.",
        discussion: """
        REPORT may be files, directories (searched for .yaml, .yml, .json) or - for standard input. \
        Without --rules, the built-in national rule set is used.

        Several outputs in one run: pair each --format with an --output, in order \
        (--format json --output out.json --format sarif --output out.sarif); text is then still \
        printed on the terminal (unless --quiet). A last --format without an --output goes to \
        standard output instead of the text.

        Exit codes: 0 no finding at or above --fail-on; 1 findings at or above it; 2 an invalid \
        report, rule set, waiver or baseline file; 64 a usage error.

        \(LanguageHelp.text)
        """
    )

    @OptionGroup var flags: CheckFlags

    func run() throws {
        Terminal.language = flags.lang
        let options = try flags.options()
        // Every output is checked (and its temporary file made) before any input is read.
        let files = try Terminal.prepare(flags.output + [flags.writeBaseline].compactMap { $0 }, inputs: flags.inputs)
        defer { files.values.forEach { $0.discard() } }
        let session = CheckSession(options)
        // Text and JSON are written report by report; the other formats need the whole run (kept only then).
        let streamed = flags.destinations.compactMap { format, path in
            format.streamer(color: path == nil && Terminal.wantsColor(noColor: flags.noColor), showAll: flags.all).map { ($0, path.flatMap { files[$0] }) }
        }
        let buffered = flags.destinations.filter { $0.0.streamer() == nil }
        for (writer, file) in streamed { try Terminal.write(writer.opening(ruleSet: session.ruleSet ?? .empty, language: flags.lang), to: file) }
        var count = 0
        let writers = streamed.map(\.0)
        let language = flags.lang
        let run = try session.run(flags.reports, keepReports: !buffered.isEmpty, render: { outcome, index in
            writers.map { $0.report(outcome, index: index, language: language) }
        }, each: { _, texts in
            for ((_, file), text) in zip(streamed, texts) { try Terminal.write(text, to: file) }
            count += 1
        })
        if session.isReady, let path = flags.writeBaseline {
            try Terminal.emit(run.findingsRecord.rendered(), to: files[path])
        }
        for (writer, file) in streamed { try Terminal.emit(writer.closing(run, count: count), to: file) }
        for (format, file) in buffered { try Terminal.emit(format.render(run, showAll: flags.all), to: file.flatMap { files[$0] }) }
        throw ExitCode(run.exitCode)
    }
}
