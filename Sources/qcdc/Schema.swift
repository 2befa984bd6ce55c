import ArgumentParser
import QCDCKit

struct Schema: ParsableCommand, Configurable {
    static let configuration = CommandConfiguration(
        // Named here: argument-parser would otherwise derive it with String(describing:), a
        // conformance scan at every start (6 M instructions of `qcdc --version`, by callgrind).
        commandName: "schema",
        abstract: "Print the JSON Schema (2020-12) of reports, derived from the declared facts.",
        discussion: "Point editors at it with a first line `# yaml-language-server: $schema=PATH` in a report. Descriptions are in Vietnamese; --lang en gives English."
    )

    @OptionGroup var options: RuleSetOptions

    var configOptions: ConfigOptions { options.config }
    mutating func configure(_ c: Configuration) { options.configure(c) }

    @Option(name: .long, help: "Only the facts read by rules for this unit kind.")
    var kind: UnitKind?

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to FILE (atomically) instead of standard output.", valueName: "FILE"),
            completion: .file())
    var output: String?

    func run() throws {
        let ruleSet = try options.load()
        try Terminal.emit(SchemaWriter(ruleSet: ruleSet, language: options.lang).schema(kind: kind).rendered(), to: output)
    }
}
