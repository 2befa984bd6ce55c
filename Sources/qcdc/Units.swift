import ArgumentParser
import QCDCKit

struct Units: ParsableCommand, Configurable {
    static let configuration = CommandConfiguration(
        // Named here: argument-parser would otherwise derive it with String(describing:), a
        // conformance scan at every start (6 M instructions of `qcdc --version`, by callgrind).
        commandName: "units",
        abstract: "List the official register of administrative units (provinces and communes).",
        discussion: """
        Without options: the 34 provinces and 3,321 communes in force from 1 July 2025 \
        (Decision 19/2025/QĐ-TTg). --pre-reform lists the units before that day (provinces, \
        districts and communes as the register held them on 4 January 2025). Reports of \
        provinces, districts and communes are checked against these lists (see `qcdc check --no-register`).

        \(LanguageHelp.text)
        """
    )

    @Option(name: .long, help: ArgumentHelp("Only this province (its 2-digit code, e.g. 68).", valueName: "CODE"))
    var province: String?

    @Option(name: [.customShort("f"), .long], help: "Output format: text, json, csv.")
    var format: RegisterListing.Format = .text

    @Flag(name: .customLong("pre-reform"), help: "The units before 1 July 2025 (as of 4 January 2025).")
    var preReform = false

    @Option(name: .customLong("lang"), help: ArgumentHelp("Language: vi (Vietnamese, the default) or en (English).", valueName: "LANG"))
    var language: Language?

    @OptionGroup var config: ConfigOptions

    var lang: Language { language ?? .vi }
    var configOptions: ConfigOptions { config }
    mutating func configure(_ c: Configuration) { if language == nil { language = c.language } }

    @Option(name: [.customShort("o"), .long], help: ArgumentHelp("Write to FILE (atomically) instead of standard output.", valueName: "FILE"),
            completion: .file())
    var output: String?

    var listing: RegisterListing { RegisterListing(preReform ? .preReform : .current, language: lang) }

    func validate() throws {
        if listing.provinces(province) == nil { throw ValidationError(listing.unknownProvince(province ?? "")) }
    }

    func run() throws {
        Terminal.language = lang
        try Terminal.emit(listing.render(listing.provinces(province) ?? [], format: format), to: output)
    }
}

extension RegisterListing.Format: ExpressibleByArgument {}
