import Foundation
import PackagePlugin

/// Embeds the rule library (`rules/**/*.yaml`) and the register of administrative units
/// (`register/*.tsv`) into QCDCKit at build time, so that `swift run` and an installed binary
/// always carry them as they are on disk, with a digest of the rule compiler's source (for the
/// compiled built-in rules).
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let script = context.package.directoryURL.appending(path: "Plugins/EmbedRules/embed-files.sh")
        func embed(_ folder: String, suffix: String, into type: String) -> Command {
            let dir = context.package.directoryURL.appending(path: folder)
            let files = (FileManager.default.subpaths(atPath: dir.path) ?? []).filter { $0.hasSuffix(suffix) }.sorted()
            let output = context.pluginWorkDirectoryURL.appending(path: "\(type)+Files.swift")
            return .buildCommand(displayName: "Embedding \(files.count) files from \(folder)/",
                                 executable: URL(fileURLWithPath: "/bin/sh"),
                                 arguments: [script.path, output.path, type, dir.path] + files,
                                 inputFiles: [script] + files.map { dir.appending(path: $0) },
                                 outputFiles: [output])
        }
        // One digest over the code that turns rule files into a compiled rule set: the compiled
        // built-in rules are read only if they were recorded with this very code (and files).
        let digestScript = context.package.directoryURL.appending(path: "Plugins/EmbedRules/digest-files.sh")
        let sources = context.package.directoryURL.appending(path: "Sources/QCDCKit")
        // API/Language.swift too: a localized text's fallback decides the citations recorded.
        let compiler = (["Compile", "Expressions", "Loading", "RuleSets", "Scoring", "Support"].flatMap { folder in
            (FileManager.default.subpaths(atPath: sources.appending(path: folder).path) ?? [])
                .filter { $0.hasSuffix(".swift") }.map { "\(folder)/\($0)" }
        } + ["API/Language.swift"]).sorted()
        let digestOutput = context.pluginWorkDirectoryURL.appending(path: "BuiltinRules+Compiler.swift")
        let digest = Command.buildCommand(displayName: "Hashing \(compiler.count) files of the rule compiler",
                                          executable: URL(fileURLWithPath: "/bin/sh"),
                                          arguments: [digestScript.path, digestOutput.path, "BuiltinRules", "compilerDigest", sources.path] + compiler,
                                          inputFiles: [digestScript] + compiler.map { sources.appending(path: $0) },
                                          outputFiles: [digestOutput])
        return [embed("rules", suffix: ".yaml", into: "BuiltinRules"),
                embed("register", suffix: ".tsv", into: "Register"), digest]
    }
}
