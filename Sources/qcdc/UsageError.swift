import ArgumentParser
import QCDCKit

/// Usage errors in the language of the run. argument-parser writes its own in English; qcdc
/// speaks Vietnamese unless `--lang en`. What a mistyped command line gets (the error, the
/// usage line, the pointer to `--help`) is therefore translated here, sentence by sentence; the
/// help text itself stays English (README, "Language"). A sentence of a kind not known here
/// is left as argument-parser wrote it, so an upgrade can make a message English, never wrong.
///
/// The language is `--lang` until the command has read its configuration, then the run's
/// (`Terminal.language`): a `.qcdc.yaml` with `language: en` makes a command's own usage
/// errors English, but not those argument-parser finds while reading the command line.
enum UsageError {
    /// True when usage errors are written in Vietnamese.
    static var inVietnamese: Bool {
        SubcommandTypo.vi(CommandLine.arguments) && Terminal.language == .vi
    }

    /// Writes what argument-parser would for `error`, in Vietnamese when the run is, and exits
    /// with its code. Help, `--version` and every other exit are argument-parser's own.
    static func exit(_ error: Error) -> Never {
        let code = QCDCCommand.exitCode(for: error)
        guard code == .validationFailure, inVietnamese else { QCDCCommand.exit(withError: error) }
        let message = QCDCCommand.fullMessage(for: error)
        if !message.isEmpty { StandardStreams.err(vietnamese(message) + "\n") }
        Terminal.exit(code.rawValue)
    }

    /// argument-parser's message (error, usage, help pointer), a line at a time.
    static func vietnamese(_ message: String) -> String {
        // A wrapped usage or help line continues under the text after its label, which is
        // four characters longer in Vietnamese.
        var labelled = false
        return message.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            let line = String(line)
            let continues = labelled && line.hasPrefix("       ")
            labelled = continues
            if continues { return "    " + line }
            if line.hasPrefix("Error: ") { return "Lỗi: " + sentence(String(line.dropFirst(7))) }
            if line.hasPrefix("   or: ") { return "   hoặc: " + sentence(String(line.dropFirst(7))) }
            if line.hasPrefix("Usage: ") || line.hasPrefix("Help:  ") {
                labelled = true
                return (line.hasPrefix("Usage: ") ? "Cách dùng: " : "Trợ giúp:  ") + line.dropFirst(7)
            }
            if let command = between(line, "  See '", "' for more information.") {
                return "  Xem '\(command)' để biết thêm."
            }
            return line
        }.joined(separator: "\n")
    }

    /// One of argument-parser's error sentences (UsageGenerator.swift), or `text` unchanged.
    static func sentence(_ text: String) -> String {
        if let rest = after(text, "Unknown option '") {
            if let (option, guess) = split(rest, "'. Did you mean '"), guess.hasSuffix("'?") {
                return "không có tuỳ chọn '\(option)'; có phải ý bạn là '\(guess.dropLast(2))'?"
            }
            if rest.hasSuffix("'") { return "không có tuỳ chọn '\(rest)" }
        }
        if let option = between(text, "Missing value for '", "'") {
            // `-j <n>' in '-qj`: a short option inside a group of them.
            return "thiếu giá trị cho '\(option.replacingOccurrences(of: "' in '", with: "' trong '"))'"
        }
        if let argument = between(text, "Missing expected argument '", "'") { return "thiếu đối số '\(argument)'" }
        if let list = after(text, "Missing one of: ") { return "thiếu một trong: \(list)" }
        if let argument = between(text, "Unexpected argument '", "'") { return "đối số thừa '\(argument)'" }
        if let (count, list) = split(text, " unexpected arguments: "), Int(count) != nil {
            return "\(count) đối số thừa: \(list)"
        }
        if let rest = after(text, "The option '"), let (option, tail) = split(rest, "' does not take any value, but '"),
           tail.hasSuffix("' was specified.") {
            return "tuỳ chọn '\(option)' không nhận giá trị, nhưng đã ghi '\(tail.dropLast(16))'"
        }
        if let (again, first) = split(text, "Value to be set with "), again.isEmpty,
           let (dupe, original) = split(first, " had already been set with ") {
            return "\(element(dupe)) đặt lại giá trị đã đặt bằng \(element(original))"
        }
        if let rest = after(text, "The value '") { return invalidValue(rest) ?? text }
        return text
    }

    /// `V' is invalid for 'O'…`: the value, the option and what it may be.
    private static func invalidValue(_ rest: String) -> String? {
        let value: String, target: String?, tail: String
        if let (v, t) = split(rest, "' is invalid for '"), let end = t.range(of: "'") {
            value = v
            target = String(t[..<end.lowerBound])
            tail = String(t[end.upperBound...])
        } else if let (v, t) = split(rest, "' is invalid.") {
            value = v
            target = nil
            tail = "." + t
        } else {
            return nil
        }
        var out = "giá trị '\(value)' không hợp lệ" + (target.map { " cho '\($0)'" } ?? "")
        switch tail {
        case "", ".": break
        case ". Please provide one of the following:": out += "; hãy chọn một trong các giá trị sau:"
        default:
            if let list = after(tail, ". Please provide one of "), list.hasPrefix("'") {
                out += "; hãy chọn " + (list.hasSuffix(".") ? String(list.dropLast()) : list)
                    .replacingOccurrences(of: "' or '", with: "' hoặc '").replacingOccurrences(of: "' and '", with: "' hoặc '")
            } else if tail.hasPrefix(": ") {
                out += tail   // the value type's own reason
            } else {
                return nil
            }
        }
        return out
    }

    /// `flag '--x'` or `position 3`, as a duplicate-value message names them.
    private static func element(_ s: String) -> String {
        if let rest = after(s, "flag ") { return "cờ " + rest.replacingOccurrences(of: "' in '", with: "' trong '") }
        if let n = after(s, "position ") { return "vị trí " + n }
        return s
    }

    private static func after(_ s: String, _ prefix: String) -> String? {
        s.hasPrefix(prefix) ? String(s.dropFirst(prefix.count)) : nil
    }

    private static func between(_ s: String, _ prefix: String, _ suffix: String) -> String? {
        guard s.hasPrefix(prefix), s.hasSuffix(suffix), s.count >= prefix.count + suffix.count else { return nil }
        return String(s.dropFirst(prefix.count).dropLast(suffix.count))
    }

    private static func split(_ s: String, _ separator: String) -> (String, String)? {
        guard let r = s.range(of: separator) else { return nil }
        return (String(s[..<r.lowerBound]), String(s[r.upperBound...]))
    }
}

/// A usage message of qcdc's own (`ValidationError`), in the language of the run.
func usage(_ vi: String, en: String) -> String {
    UsageError.inVietnamese ? vi : en
}
