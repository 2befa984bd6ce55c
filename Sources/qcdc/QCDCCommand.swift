import ArgumentParser
import QCDCKit

@main
struct QCDCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "qcdc",
        abstract: "Check Vietnamese units' yearly reports against the grassroots-democracy (QCDC) rules.",
        discussion: """
        Exit codes: 0 nothing at or above --fail-on; 1 findings at or above it; \
        2 an invalid report or rule set; 64 a usage error.
        """,
        version: QCDC.version,
        subcommands: [Check.self, Rules.self]
    )
}

extension Language: ExpressibleByArgument {}
extension FailOn: ExpressibleByArgument {}
extension OutputFormat: ExpressibleByArgument {}
