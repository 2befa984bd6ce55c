import Foundation
import PackagePlugin

/// Embeds the rule library (`rules/**/*.yaml`) into QCDCKit at build time, so that `swift run`
/// and an installed binary always carry the rules as they are on disk.
@main
struct EmbedRules: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let rules = context.package.directoryURL.appending(path: "rules")
        let script = context.package.directoryURL.appending(path: "Plugins/EmbedRules/embed-rules.sh")
        let files = (FileManager.default.subpaths(atPath: rules.path) ?? []).filter { $0.hasSuffix(".yaml") }.sorted()
        let output = context.pluginWorkDirectoryURL.appending(path: "BuiltinRules+Files.swift")
        return [.buildCommand(displayName: "Embedding \(files.count) rule files from rules/",
                              executable: URL(fileURLWithPath: "/bin/sh"),
                              arguments: [script.path, output.path, rules.path] + files,
                              inputFiles: [script] + files.map { rules.appending(path: $0) },
                              outputFiles: [output])]
    }
}
