#if canImport(Glibc)
import Glibc
#endif

// The catalogue: files, bytes and syntax (the `input.*` and `output.*` diagnostics).
extension Message {
    // MARK: Reading files

    static func fileTooLarge(bytes: Int, limit: Int) -> Message {
        Message("input.too_large", vi: "tệp có \(bytes) byte; giới hạn là \(limit) byte",
                en: "the file is \(bytes) bytes; the limit is \(limit) bytes")
    }
    static func streamTooLarge(limit: Int) -> Message {
        Message("input.too_large.stream", vi: "dữ liệu vào dài hơn \(limit) byte; giới hạn là \(limit) byte",
                en: "the input is longer than \(limit) bytes; the limit is \(limit) bytes")
    }
    static let splitOrRaiseLimit = Message("note.split_or_raise_limit",
        vi: "chia nhỏ tệp, hoặc nâng giới hạn bằng --limit file-size=BYTES nếu kích thước này là bình thường (docs/limits.md)",
        en: "split the file, or raise the limit with --limit file-size=BYTES if this size is expected (docs/limits.md)")
    static func otherEncoding(_ encoding: String) -> Message {
        Message("input.encoding", vi: "tệp được mã hóa \(encoding); qcdc chỉ đọc UTF-8",
                en: "the file is \(encoding); qcdc reads UTF-8 only")
    }
    static let saveAsUTF8WithOrWithoutBOM = Message("note.save_utf8_bom", vi: "lưu tệp dưới dạng UTF-8 (có hoặc không có BOM)",
                                                    en: "save the file as UTF-8 (with or without a BOM)")
    static func controlCharacter(_ hex: String) -> Message {
        Message("input.control_character", vi: "không được dùng ký tự điều khiển U+00\(hex)",
                en: "control character U+00\(hex) is not allowed")
    }
    static let removeControlCharacter = Message("note.remove_control_character",
        vi: "xóa ký tự này; chỉ được dùng tab, xuống dòng (LF) và về đầu dòng (CR)",
        en: "remove the character; only tab, line feed and carriage return are allowed")
    static func invalidUTF8(_ hex: String) -> Message {
        Message("input.invalid_utf8", vi: "byte 0x\(hex) không hợp lệ trong UTF-8", en: "invalid UTF-8 byte 0x\(hex)")
    }
    static let saveAsUTF8 = Message("note.save_utf8", vi: "lưu tệp dưới dạng UTF-8", en: "save the file as UTF-8")
    /// Bytes that look like a Vietnamese legacy encoding: name it.
    static let legacyVietnameseEncoding = Message("note.legacy_vietnamese_encoding",
        vi: "tệp có vẻ được lưu bằng bảng mã cũ Windows-1258 hoặc TCVN3 (ABC, font .Vn…): mở bằng trình soạn thảo, chọn lưu với mã hóa UTF-8 (Unikey: công cụ chuyển mã TCVN3 → Unicode)",
        en: "the file looks like it was saved in the legacy Windows-1258 or TCVN3 (ABC, .Vn fonts) encoding: open it in an editor and save it as UTF-8 (Unikey's converter turns TCVN3 into Unicode)")
    static func duplicateKey(_ key: String, line: Int, column: Int) -> Message {
        Message("input.duplicate_key", vi: "khóa '\(key)' bị lặp (đã có ở dòng \(line), cột \(column))",
                en: "duplicate key '\(key)' (first defined at line \(line), column \(column))")
    }
    static let removeOrMerge = Message("note.remove_or_merge", vi: "xóa một trong hai, hoặc gộp chúng lại", en: "remove one of the two, or merge them")
    static func tooDeep(_ limit: Int) -> Message {
        Message("input.too_deep", vi: "cấu trúc lồng sâu quá \(limit) cấp", en: "nesting is deeper than \(limit) levels")
    }
    static let flatten = Message("note.flatten", vi: "giảm bớt số cấp lồng nhau", en: "flatten the structure")
    static let yamlParserUnavailable = Message("input.internal", vi: "không khởi tạo được bộ phân tích YAML",
                                               en: "could not initialise the YAML parser")
    static let emptyFile = Message("input.empty", vi: "tệp rỗng", en: "the file is empty")
    static let writeAReport = Message("note.write_a_report",
        vi: "viết một báo cáo gồm unit, period và các số liệu (lệnh qcdc template in ra một mẫu)",
        en: "write a report: unit, period and the facts (qcdc template prints one)")
    static let multipleDocuments = Message("input.multiple_documents", vi: "tệp chứa nhiều hơn một tài liệu YAML",
                                           en: "the file holds more than one YAML document")
    static let oneDocumentPerFile = Message("note.one_document_per_file",
        vi: "mỗi tệp chỉ chứa một báo cáo hoặc một bộ quy tắc; xóa dòng phân cách `---`",
        en: "put one report or rule set per file; remove the `---` separator")
    static func unknownAlias(_ name: String) -> Message {
        Message("input.unknown_alias", vi: "bí danh *\(name) không trỏ tới neo (anchor) nào được khai báo trước đó",
                en: "alias *\(name) names no anchor defined before it")
    }
    static func aliasLimit(_ limit: Int) -> Message {
        Message("input.alias_limit", vi: "các bí danh (alias) mở rộng thành hơn \(limit) nút",
                en: "aliases expand to more than \(limit) nodes")
    }
    static let aliasBomb = Message("note.alias_bomb",
        vi: "tệp có dạng \"bom bí danh\" (billion laughs); hãy viết các giá trị ra đầy đủ",
        en: "this looks like an alias bomb (\"billion laughs\"); write the values out")
    static func complexKey(isMapping: Bool) -> Message {
        Message("input.complex_key", vi: "khóa của ánh xạ phải là một giá trị đơn, không phải \(isMapping ? "một ánh xạ" : "một danh sách")",
                en: "a mapping key must be a scalar, not \(isMapping ? "a mapping" : "a list")")
    }
    static let mergeKey = Message("input.merge_key", vi: "qcdc không hỗ trợ khóa gộp YAML (<<)", en: "YAML merge keys (<<) are not supported")
    static let writeFieldsOut = Message("note.write_fields_out", vi: "viết đầy đủ các trường thay vì gộp từ một neo (anchor)",
                                        en: "write the fields out in full instead of merging them from an anchor")

    // MARK: YAML syntax, in plain words

    static let yamlTab = Message("input.yaml_syntax.tab", vi: "YAML không cho phép dùng phím tab để thụt lề; hãy dùng dấu cách",
                                 en: "a tab is used for indentation; YAML allows only spaces")
    static func replaceTab(line: Int) -> Message {
        Message("note.replace_tab", vi: "thay dấu tab ở đầu dòng \(line) bằng dấu cách (hai dấu cách cho mỗi cấp)",
                en: "replace the tab at the start of line \(line) with spaces (two per level)")
    }
    static let yamlMisaligned = Message("input.yaml_syntax.indent", vi: "dòng này không thụt lề thẳng hàng với các dòng trong khối của nó",
                                        en: "this line is not indented like the lines of its block")
    static func alignLine(line: Int, column: Int, blockLine: Int) -> Message {
        Message("note.align_line",
                vi: "dòng \(line) bắt đầu ở cột \(column); hãy thụt lề bằng với các khóa của khối bắt đầu ở dòng \(blockLine)",
                en: "line \(line) starts at column \(column); give it the same indentation as the keys of the block that starts at line \(blockLine)")
    }
    static let quoteIfValue = Message("note.quote_if_value", vi: "nếu dòng này là một phần của giá trị, hãy đặt giá trị trong dấu ngoặc kép",
                                      en: "if the line is part of a value, quote the value")
    static let yamlColonInValue = Message("input.yaml_syntax.colon", vi: "dấu ': ' trong giá trị làm bắt đầu một khóa mới ở đây",
                                          en: "a ': ' inside a value starts a new key here")
    static let quoteColonValue = Message("note.quote_colon_value",
        vi: "đặt giá trị trong dấu ngoặc kép (\"…\") nếu nó chứa ': ', hoặc sửa thụt lề của dòng này",
        en: "put the value in quotes (\"…\") if it contains ': ', or fix the indentation of this line")
    static let yamlNoColon = Message("input.yaml_syntax.no_colon", vi: "khóa ở đây thiếu dấu ':' phía sau",
                                     en: "a key here has no ':' after it")
    static let writeKeyValue = Message("note.write_key_value",
        vi: "viết `khóa: giá trị`; một đoạn văn bản dài sang dòng sau phải đặt trong dấu ngoặc kép",
        en: "write `key: value`; a long text that continues on the next line must be quoted")
    static let yamlUnclosed = Message("input.yaml_syntax.unclosed", vi: "tệp kết thúc khi một giá trị trong ngoặc kép hoặc một ngoặc mở chưa được đóng",
                                      en: "the file ends inside a quoted value or an open bracket")
    static func closeOpened(line: Int, column: Int) -> Message {
        Message("note.close_opened", vi: "đóng dấu ngoặc kép hoặc ngoặc đã mở ở dòng \(line), cột \(column)",
                en: "close the quote or bracket opened at line \(line), column \(column)")
    }
    static func yamlCannotStartWith(_ ch: Character) -> Message {
        Message("input.yaml_syntax.start", vi: "giá trị không được bắt đầu bằng '\(ch)'", en: "a value cannot start with '\(ch)'")
    }
    static let yamlBadCharacter = Message("input.yaml_syntax.character", vi: "ký tự này không thể mở đầu một giá trị ở đây",
                                          en: "this character cannot start a value here")
    static let quoteTheValue = Message("note.quote_the_value", vi: "đặt giá trị trong dấu ngoặc kép", en: "put the value in quotes")
    static let yamlUnknownTag = Message("input.yaml_syntax.tag", vi: "thẻ (tag) không xác định (một từ bắt đầu bằng '!')",
                                        en: "unknown tag (a word starting with '!')")
    static let removeTag = Message("note.remove_tag", vi: "xóa thẻ, hoặc đặt giá trị bắt đầu bằng '!' trong dấu ngoặc kép",
                                   en: "remove the tag, or quote a value that starts with '!'")
    static let yamlBadEscape = Message("input.yaml_syntax.escape", vi: "ký tự thoát không hợp lệ sau dấu gạch chéo ngược trong giá trị đặt trong ngoặc kép",
                                       en: "unknown escape after a backslash in a double-quoted value")
    static let writeBackslash = Message("note.write_backslash", vi: "viết \\\\ cho một dấu gạch chéo ngược, hoặc dùng dấu nháy đơn",
                                        en: "write \\\\ for a backslash, or use single quotes")
    static let fixYAMLHere = Message("note.fix_yaml", vi: "sửa cú pháp YAML tại vị trí này", en: "fix the YAML syntax at this position")
    /// libyaml's own words, for the last note (not translated: it is the parser's text).
    static func yamlParserSaid(_ problem: String, context: String?, line: Int, column: Int) -> Message {
        let ctx = context.map { " (\($0) at line \(line), column \(column))" } ?? ""
        // Vietnamese output leaves it out: it would be the one English sentence.
        return Message("note.yaml_parser_said", vi: "", en: "YAML parser: \(problem)\(ctx)")
    }
    /// A syntax error libyaml describes in words qcdc has no plain-language version of.
    static func yamlOther(_ problem: String) -> Message {
        Message("input.yaml_syntax.other", vi: "lỗi cú pháp YAML ở vị trí này", en: problem)
    }

    // MARK: JSON syntax

    static func json(_ problem: JSONProblem) -> Message {
        switch problem {
        case .trailingText: Message("input.json_syntax.trailing", vi: "có văn bản thừa sau giá trị JSON", en: "unexpected text after the JSON value")
        case .expected(let what):
            Message("input.json_syntax.expected", vi: "thiếu \(what.joined(separator: " hoặc "))", en: "expected \(what.joined(separator: " or "))")
        case .endOfInput: Message("input.json_syntax.end", vi: "dữ liệu kết thúc đột ngột", en: "unexpected end of input")
        case .endOfInputExpecting(let what):
            Message("input.json_syntax.end_expecting", vi: "dữ liệu kết thúc đột ngột; cần \(what.joined(separator: " hoặc "))",
                    en: "unexpected end of input; expected \(what.joined(separator: " or "))")
        case .stringKey: Message("input.json_syntax.key", vi: "cần một khóa dạng chuỗi", en: "expected a string key")
        case .unterminatedString: Message("input.json_syntax.string", vi: "chuỗi chưa được đóng", en: "unterminated string")
        case .controlInString: Message("input.json_syntax.control", vi: "ký tự điều khiển trong chuỗi; hãy dùng ký tự thoát", en: "control character in a string; escape it")
        case .unterminatedEscape: Message("input.json_syntax.escape_end", vi: "ký tự thoát chưa hoàn chỉnh", en: "unterminated escape")
        case .unpairedSurrogate: Message("input.json_syntax.surrogate", vi: "nửa cặp thay thế (surrogate) đứng riêng trong \\u", en: "unpaired surrogate in \\u escape")
        case .invalidLowSurrogate: Message("input.json_syntax.low_surrogate", vi: "nửa sau của cặp thay thế không hợp lệ", en: "invalid low surrogate")
        case .invalidEscape(let e): Message("input.json_syntax.escape", vi: "ký tự thoát không hợp lệ '\\\(e)'", en: "invalid escape '\\\(e)'")
        case .hexDigits: Message("input.json_syntax.hex", vi: "cần bốn chữ số thập lục phân sau \\u", en: "expected four hex digits after \\u")
        case .value: Message("input.json_syntax.value", vi: "cần một giá trị", en: "expected a value")
        case .notAValue(let word): Message("input.json_syntax.not_value", vi: "'\(word)' không phải một giá trị JSON", en: "'\(word)' is not a JSON value")
        }
    }
    static let fixJSONHere = Message("note.fix_json", vi: "sửa cú pháp JSON tại vị trí này", en: "fix the JSON syntax at this position")

    // MARK: Files and directories

    static func notFound(_ path: String) -> Message {
        Message("input.not_found", vi: "không có tệp hoặc thư mục: \(path)", en: "no such file or directory: \(path)")
    }
    static func noSuchFile(_ path: String) -> Message {
        Message("input.not_found.file", vi: "không có tệp: \(path)", en: "no such file: \(path)")
    }
    static let checkThePath = Message("note.check_path", vi: "kiểm tra lại đường dẫn", en: "check the path")
    static func permissionDenied(_ path: String) -> Message {
        Message("input.unreadable.permission", vi: "không có quyền đọc: \(path)", en: "permission denied: \(path)")
    }
    static let existsButUnreadable = Message("note.unreadable",
                                             vi: "đường dẫn tồn tại nhưng người dùng này không được phép đọc: kiểm tra quyền của tệp hoặc thư mục",
                                             en: "the path exists but this user may not read it: check the file's or directory's permissions")
    static let cannotReachPath = Message("note.unreachable",
                                         vi: "người dùng này không được phép đi vào một thư mục trên đường dẫn: kiểm tra quyền của các thư mục cha",
                                         en: "this user may not enter a directory on the path: check the parent directories' permissions")
    static func tooManyLinks(_ path: String) -> Message {
        Message("input.unreadable.links", vi: "quá nhiều liên kết tượng trưng: \(path)", en: "too many symbolic links: \(path)")
    }
    static func nameNotUTF8(_ path: String) -> Message {
        Message("input.unreadable.name", vi: "tên không phải UTF-8 nên qcdc không mở được: \(path)",
                en: "the name is not UTF-8, so qcdc cannot open it: \(path)")
    }
    static let renameInUTF8 = Message("note.rename_utf8", vi: "đặt lại tên bằng chữ Unicode (UTF-8), ví dụ bằng `convmv -f cp1258 -t utf8`",
                                      en: "rename it in Unicode (UTF-8), for example with `convmv -f cp1258 -t utf8`")
    static func cannotOpen(_ path: String, _ errno: Int32) -> Message {
        Message("input.unreadable.open", vi: "không mở được \(path): \(systemError(errno).vi)", en: "cannot open \(path): \(systemError(errno).en)")
    }
    static func cannotRead(_ path: String, _ errno: Int32) -> Message {
        Message("input.unreadable.read", vi: "không đọc được \(path): \(systemError(errno).vi)", en: "cannot read \(path): \(systemError(errno).en)")
    }
    static func notAFile(_ path: String, _ what: NotAFile) -> Message {
        switch what {
        case .directory: Message("input.not_a_file.directory", vi: "\(path) là một thư mục, không phải tệp", en: "\(path) is a directory, not a file")
        case .blockDevice: Message("input.not_a_file.block", vi: "\(path) là một thiết bị khối, không phải tệp", en: "\(path) is a block device, not a file")
        case .socket: Message("input.not_a_file.socket", vi: "\(path) là một socket, không phải tệp", en: "\(path) is a socket, not a file")
        }
    }
    static let nameAFile = Message("note.name_a_file", vi: "hãy chỉ tên một tệp", en: "name a file")
    static let nameAFileNotDirectory = Message("note.name_a_file_not_directory",
        vi: "hãy chỉ tên một tệp; chỉ khi kiểm tra báo cáo mới tìm trong thư mục",
        en: "name a file; directories are searched only for reports")
    static func emptyDirectory(_ path: String) -> Message {
        Message("input.empty_directory", vi: "thư mục \(path) không có tệp .yaml, .yml hay .json nào", en: "no .yaml, .yml or .json files in \(path)")
    }
    static func skippedNotAReport(_ kind: DocumentKind) -> Message {
        Message("input.skipped", vi: "bỏ qua: \(kind.name.vi), không phải báo cáo", en: "skipped: \(kind.name.en), not a report")
    }
    static let nameItToCheck = Message("note.name_to_check", vi: "chỉ tên tệp trực tiếp để kiểm tra nó như một báo cáo",
                                       en: "name the file explicitly to check it as a report")
    static func noReports(_ paths: [String]) -> Message {
        let list = paths.joined(separator: ", ")
        return Message("input.no_reports", vi: "không tìm thấy báo cáo nào trong \(list)", en: "no report found in \(list)")
    }
    static let whatReportsAre = Message("note.what_reports_are",
        vi: "báo cáo là tệp .yaml, .yml hoặc .json có `unit` và `period`; không tìm trong thư mục ẩn",
        en: "reports are .yaml, .yml or .json files with `unit` and `period`; hidden folders are not searched")

    // MARK: Outputs

    static func outputIsDirectory(_ path: String) -> Message {
        Message("output.is_directory", vi: "\(path) là một thư mục", en: "\(path) is a directory")
    }
    static let nameAFileInside = Message("note.name_file_inside", vi: "hãy chỉ tên một tệp bên trong thư mục đó", en: "name a file inside it")
    static func outputIsSymlink(_ path: String) -> Message {
        Message("output.symlink", vi: "\(path) là một liên kết tượng trưng; qcdc không ghi qua liên kết",
                en: "\(path) is a symbolic link; qcdc does not write through links")
    }
    static let nameLinkTarget = Message("note.name_link_target",
        vi: "chỉ tên tệp mà liên kết trỏ tới, hoặc xóa liên kết (một liên kết cài vào giữa các tệp nộp lên có thể chuyển hướng kết quả)",
        en: "name the file the link points to, or remove the link (a link planted among submitted files could redirect the output)")
    static func outputIsInput(_ path: String) -> Message {
        Message("output.is_input", vi: "\(path) là một tệp đầu vào của lần chạy này; ghi vào sẽ làm mất nó",
                en: "\(path) is one of this run's inputs; writing it would destroy it")
    }
    static let writeElsewhere = Message("note.write_elsewhere", vi: "ghi kết quả ra một tệp khác", en: "write the output to another file")
    static func outputNotAFile(_ path: String) -> Message {
        Message("output.not_a_file", vi: "\(path) không phải tệp thường, thiết bị hay đường ống", en: "\(path) is not a regular file, a device or a pipe")
    }
    static func cannotWrite(_ path: String, _ errno: Int32) -> Message {
        Message("output.write_failed", vi: "không ghi được \(path): \(systemError(errno).vi)", en: "cannot write \(path): \(systemError(errno).en)")
    }
    static func cannotWriteStandardOutput(_ errno: Int32) -> Message {
        Message(errno == EPIPE ? StandardStreams.closedKey : "output.write_failed.stdout", vi: "không ghi được ra đầu ra chuẩn: \(systemError(errno).vi)",
                en: "cannot write to standard output: \(systemError(errno).en)")
    }
    static func cannotCreateIn(_ dir: String, _ errno: Int32) -> Message {
        Message("output.write_failed.create", vi: "không tạo được tệp trong \(dir): \(systemError(errno).vi)",
                en: "cannot create a file in \(dir): \(systemError(errno).en)")
    }
    static let checkWritable = Message("note.check_writable", vi: "kiểm tra xem thư mục có cho phép ghi không", en: "check that the directory is writable")
    static let freeDiskSpace = Message("note.free_disk", vi: "giải phóng bớt dung lượng ổ đĩa rồi chạy lại", en: "free some disk space and run again")
    static func noDirectory(_ dir: String) -> Message {
        Message("output.no_directory", vi: "thư mục \(dir) không tồn tại", en: "the directory \(dir) does not exist")
    }
    static let createDirectoryFirst = Message("note.create_directory",
        vi: "hãy tạo thư mục trước; qcdc chỉ ghi đúng tệp được yêu cầu",
        en: "create it first; qcdc writes only the file it is asked to write")

    /// The operating system's reason, in words (the C library's English text for rare ones).
    static func systemError(_ code: Int32) -> Message {
        let en = String(cString: strerror(code))
        let vi: String
        switch code {
        case ENOENT: vi = "không tồn tại"
        case EACCES, EPERM: vi = "không có quyền"
        case ENOSPC: vi = "ổ đĩa đã đầy"
        case EDQUOT: vi = "vượt hạn mức dung lượng"
        case EPIPE: vi = "đầu nhận đã đóng (đường ống bị ngắt)"
        case EROFS: vi = "hệ thống tệp chỉ cho phép đọc"
        case EISDIR: vi = "là một thư mục"
        case ENOTDIR: vi = "một phần của đường dẫn không phải thư mục"
        case EIO: vi = "lỗi vào/ra của thiết bị"
        case EFBIG: vi = "tệp quá lớn"
        case ENAMETOOLONG: vi = "tên tệp quá dài"
        case ELOOP: vi = "quá nhiều liên kết tượng trưng"
        case EBADF: vi = "mô tả tệp không hợp lệ"
        default: vi = "lỗi hệ thống \(code) (\(en))"
        }
        return Message("system.errno", vi: vi, en: en)
    }
}

/// What a path named as a file turned out to be.
enum NotAFile: Sendable {
    case directory, blockDevice, socket
}

/// Kinds of YAML documents qcdc reads, by name (for "skipped: a waiver file").
enum DocumentKind: Sendable {
    case waiverFile, ruleSet, baseline, report, spreadsheet, configuration, other

    var name: (vi: String, en: String) {
        switch self {
        case .spreadsheet: ("một bảng tính không theo mẫu của qcdc", "a spreadsheet not made from qcdc's template")
        case .waiverFile: ("một tệp miễn trừ", "a waiver file")
        case .ruleSet: ("một bộ quy tắc", "a rule set")
        case .baseline: ("một tệp đường cơ sở", "a baseline")
        case .report: ("một báo cáo", "a report")
        case .configuration: ("một tệp cấu hình qcdc", "a qcdc configuration file")
        case .other: ("một tệp khác (không có trường nào của báo cáo)", "another kind of file (none of a report's fields)")
        }
    }
}

/// JSON syntax problems the reader finds.
enum JSONProblem: Sendable {
    case trailingText, endOfInput, stringKey, unterminatedString, controlInString, unterminatedEscape
    case unpairedSurrogate, invalidLowSurrogate, hexDigits, value
    case expected([String])
    case endOfInputExpecting([String])
    case invalidEscape(Character)
    case notAValue(String)
}

// Spreadsheets: CSV syntax and the wide form's layout.
extension Message {
    static let csvUnclosedQuote = Message("input.csv_syntax.unclosed_quote", vi: "dấu ngoặc kép mở ở ô này không được đóng đến hết tệp",
                                          en: "the quote opened in this cell is never closed")
    static let csvTextAfterQuote = Message("input.csv_syntax.text_after_quote", vi: "có chữ sau dấu ngoặc kép đóng của ô (mỗi ô chỉ được bọc trong một cặp ngoặc kép)",
                                           en: "text after the closing quote of a cell (a cell is quoted once, as a whole)")
    static let csvQuoteInsideField = Message("input.csv_syntax.quote_inside_field", vi: "dấu ngoặc kép nằm giữa ô không được bọc ngoặc kép (viết ô trong ngoặc kép và nhân đôi dấu ngoặc bên trong: \"\")",
                                             en: "a quote inside a cell that is not quoted (quote the whole cell and double the quote inside: \"\")")
    static func csvTooManyCells(_ n: Int) -> Message {
        Message("input.csv_syntax.too_many_cells", vi: "bảng tính có hơn \(n) ô; hãy chia nhỏ tệp", en: "the spreadsheet has more than \(n) cells; split it")
    }
    static func notATemplate(_ file: String) -> Message {
        Message("input.not_a_template", vi: "\(file) không phải báo cáo theo mẫu của qcdc: ô A1 không có dấu hiệu `#qcdc`",
                en: "\(file) is not a report made from qcdc's template: cell A1 has no `#qcdc` marker")
    }
    static let makeATemplate = Message("note.make_a_template", vi: "tạo mẫu bằng `qcdc template --format csv --kind commune --year 2026` rồi chép số liệu vào",
                                       en: "make one with `qcdc template --format csv --kind commune --year 2026` and copy the figures in")
    static func spreadsheetUnknownLayout(_ marker: String) -> Message {
        Message("input.spreadsheet_layout.unknown", vi: "dấu hiệu `\(marker)` ở ô A1 không phải bố cục qcdc đọc được (`#qcdc:wide:1`)",
                en: "the marker `\(marker)` in A1 is not a layout qcdc reads (`#qcdc:wide:1`)")
    }
    static func spreadsheetNewerLayout(_ version: String) -> Message {
        Message("input.spreadsheet_layout.version", vi: "mẫu phiên bản \(version) do một bản qcdc khác tạo; bản này đọc phiên bản 1",
                en: "template version \(version) was made by another qcdc; this one reads version 1")
    }
    static let spreadsheetNoKeys = Message("input.spreadsheet_layout.no_keys", vi: "dòng 2 phải ghi mã các cột (`unit.code`, `unit.name`, …, đường dẫn các số liệu) nhưng đang trống",
                                           en: "row 2 must hold the column keys (`unit.code`, `unit.name`, …, the fact paths) but is empty")
    static func spreadsheetDuplicateColumn(_ key: String, first: Int) -> Message {
        Message("input.spreadsheet_layout.duplicate_column", vi: "cột `\(key)` đã có ở cột \(first)", en: "column `\(key)` already appears in column \(first)")
    }
    static func spreadsheetListColumn(_ key: String) -> Message {
        Message("input.spreadsheet_layout.list_column", vi: "`\(key)` là danh sách bản ghi; bảng tính một dòng mỗi đơn vị chỉ nhận số liệu đơn",
                en: "`\(key)` is a list of records; a spreadsheet of one row per unit takes single values only")
    }
    static func emptySpreadsheet(_ file: String) -> Message {
        Message("input.empty.spreadsheet", vi: "\(file) không có dòng số liệu nào (số liệu bắt đầu từ dòng 4)", en: "\(file) has no row of figures (they start at row 4)")
    }
    static let xlsxNotAWorkbook = Message("input.xlsx_invalid.not_a_workbook", vi: "tệp không phải sổ tính Excel (.xlsx) đọc được: hỏng, hoặc là định dạng khác đổi tên",
                                          en: "not a readable Excel workbook (.xlsx): damaged, or another format renamed")
    static func xlsxTooManyParts(_ n: Int) -> Message {
        Message("input.xlsx_invalid.too_many_parts", vi: "sổ tính có hơn \(n) phần bên trong", en: "the workbook holds more than \(n) parts")
    }
    static func xlsxMissingPart(_ path: String) -> Message {
        Message("input.xlsx_invalid.missing_part", vi: "sổ tính thiếu phần \(path)", en: "the workbook lacks its part \(path)")
    }
    static func xlsxPartTooLarge(_ path: String, _ n: Int) -> Message {
        Message("input.xlsx_invalid.part_too_large", vi: "phần \(path) của sổ tính giải nén ra hơn \(n / 1_048_576) MiB", en: "the workbook's part \(path) unpacks to more than \(n / 1_048_576) MiB")
    }
    static func xlsxDamaged(_ path: String) -> Message {
        Message("input.xlsx_invalid.damaged", vi: "không giải nén được phần \(path) của sổ tính (tệp hỏng)", en: "the workbook's part \(path) cannot be unpacked (the file is damaged)")
    }
    static func xlsxPartNotUTF8(_ path: String) -> Message {
        Message("input.xlsx_invalid.not_utf8", vi: "phần \(path) của sổ tính không mã hóa UTF-8 như Excel và LibreOffice vẫn lưu (có vẻ là UTF-16); mở và lưu lại sổ tính bằng một trong hai chương trình đó",
                en: "the workbook's part \(path) is not in UTF-8, the encoding Excel and LibreOffice save in (it seems to be UTF-16); open and save the workbook again in either")
    }
    static func xlsxDocumentType(_ path: String) -> Message {
        Message("input.xlsx_invalid.doctype", vi: "phần \(path) khai báo kiểu tài liệu (DOCTYPE); sổ tính Excel không có, và qcdc không mở rộng thực thể XML",
                en: "the part \(path) declares a document type (DOCTYPE); Excel workbooks have none, and qcdc expands no XML entities")
    }
    static let xlsxFormulaWithoutValue = Message("input.xlsx_invalid.no_cached_value", vi: "ô có công thức nhưng không có giá trị đã tính (sổ tính được lưu bởi chương trình không tính công thức); mở và lưu lại bằng Excel hoặc LibreOffice",
                                                 en: "the cell has a formula but no computed value (the workbook was saved by a program that does not calculate); open and save it again in Excel or LibreOffice")
    static func xlsxErrorValue(_ v: String) -> Message {
        Message("input.xlsx_invalid.error_value", vi: "ô chứa giá trị lỗi của Excel \(v); sửa công thức", en: "the cell holds the Excel error \(v); fix its formula")
    }
    static func spreadsheetKeyTooDeep(_ key: String, _ n: Int) -> Message {
        Message("input.spreadsheet_layout.too_deep", vi: "mã cột `\(key)` có hơn \(n) cấp", en: "the column key `\(key)` has more than \(n) levels")
    }
    static func spreadsheetGroupColumn(_ key: String) -> Message {
        Message("input.spreadsheet_layout.group_column", vi: "cột `\(key)` là một nhóm mà các cột khác (`\(key).…`) nằm trong đó; mỗi cột là một số liệu",
                en: "column `\(key)` is a group other columns (`\(key).…`) belong to; each column is one fact")
    }
    static func spreadsheetNotAList(_ path: String) -> Message {
        Message("input.spreadsheet_layout.not_a_list", vi: "trang tính đánh dấu danh sách `\(path)`, nhưng bộ quy tắc không khai báo danh sách nào như vậy",
                en: "the sheet is marked as the list `\(path)`, but the rule set declares no such list")
    }
    static let listsInYAML = Message("note.lists_in_yaml", vi: "ghi danh sách (các cuộc đối thoại, ngày tiếp dân, vụ khiếu nại…) trong báo cáo YAML của đơn vị",
                                     en: "write lists (dialogue sessions, reception days, complaint cases…) in the unit's YAML report")
}
