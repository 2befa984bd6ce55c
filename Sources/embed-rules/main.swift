// Writes BuiltinRules+Files.swift: the rule files under rules/ as Swift raw strings, so that
// the national rule set is compiled into qcdc. Run by the EmbedRules build-tool plugin on every
// build in which a rule file changed; never committed.
//
//   embed-rules OUTPUT RULES-DIR RELATIVE-PATH...
import Foundation

let args = CommandLine.arguments
guard args.count >= 3 else {
    FileHandle.standardError.write(Data("usage: embed-rules OUTPUT RULES-DIR RELATIVE-PATH...\n".utf8))
    exit(64)
}
let delimiter = "\"\"\"####"
var out = "// Generated at build time by the EmbedRules plugin from rules/. Do not edit.\n"
out += "extension BuiltinRules {\n    static let files: [String: String] = [\n"
for relative in args.dropFirst(3) {
    let path = args[2] + "/" + relative
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        FileHandle.standardError.write(Data("error: cannot read \(path) as UTF-8\n".utf8))
        exit(1)
    }
    guard !text.contains(delimiter), !text.contains("\\####(") else {
        FileHandle.standardError.write(Data("error: \(path) contains the raw-string delimiter\n".utf8))
        exit(1)
    }
    out += "        \"rules/\(relative)\": ####\"\"\"\n"
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        out += line.isEmpty ? "\n" : "        \(line)\n"
    }
    out += "        \"\"\"####,\n"
}
out += "    ]\n}\n"
do {
    try Data(out.utf8).write(to: URL(fileURLWithPath: args[1]), options: .atomic)
} catch {
    FileHandle.standardError.write(Data("error: cannot write \(args[1]): \(error)\n".utf8))
    exit(1)
}
