import Foundation
import PackagePlugin

/// Embeds the rule library (`rules/**/*.yaml`) and the register of administrative units
/// (`register/*.tsv`) into QCDCKit at build time, so that `swift run` and an installed binary
/// always carry them as they are on disk.
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
        return [embed("rules", suffix: ".yaml", into: "BuiltinRules"),
                embed("register", suffix: ".tsv", into: "Register")]
    }
}
