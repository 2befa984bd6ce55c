#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads one input — a report, a rule set, a waiver or baseline file, or standard input —
/// with its size bounded *before* reading: a regular file's size is checked with `fstat`, and
/// a stream (standard input, a pipe, a character device such as `/dev/zero`) is read until
/// one byte past the limit at most. A directory, block device or socket is a clear error.
///
/// Every failure is a located ``Diagnostic`` (line 1, column 1 of the named file).
public enum InputReader {
    /// The name standard input goes by in messages.
    public static let stdinName = "<stdin>"

    /// The bytes of `path` (`-` is standard input), or why they cannot be read.
    public static func read(_ path: String, limit: Int) -> Result<[UInt8], Diagnostic> {
        if path == "-" { return readStream(STDIN_FILENO, name: stdinName, limit: limit) }
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return .failure(openError(path, errno)) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { return .failure(openError(path, errno)) }
        switch st.st_mode & S_IFMT {
        case S_IFREG:
            if Int(st.st_size) > limit { return .failure(tooLarge(path, size: Int(st.st_size), limit: limit)) }
        case S_IFDIR:
            return .failure(notAFile(path, "is a directory", "name a file; directories are searched only for reports"))
        case S_IFBLK:
            return .failure(notAFile(path, "is a block device", "name a file"))
        case S_IFSOCK:
            return .failure(notAFile(path, "is a socket", "name a file"))
        default:
            break   // a FIFO or character device: read as a stream, bounded
        }
        // Blocking reads from here on (the non-blocking open only avoids waiting for a FIFO's writer).
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return readStream(fd, name: path, limit: limit)
    }

    private static func readStream(_ fd: Int32, name: String, limit: Int) -> Result<[UInt8], Diagnostic> {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let want = min(chunk.count, limit + 1 - out.count)
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, want) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EISDIR { return .failure(notAFile(name, "is a directory", "name a file")) }
                return .failure(Diagnostic(.error, "input.unreadable", "cannot read \(name): \(describe(errno))",
                                           at: SourceLocation(file: name, line: 1, column: 1)))
            }
            if n == 0 { return .success(out) }
            out += chunk[0..<n]
            if out.count > limit { return .failure(tooLarge(name, size: nil, limit: limit)) }
        }
    }

    static func tooLarge(_ name: String, size: Int?, limit: Int) -> Diagnostic {
        let what = size.map { "the file is \($0) bytes" } ?? "the input is longer than \(limit) bytes"
        return Diagnostic(.error, "input.too_large", "\(what); the limit is \(limit) bytes",
                          at: SourceLocation(file: name, line: 1, column: 1),
                          notes: ["split the file, or raise the limit with --limit file-size=BYTES if this size is expected (docs/limits.md)"])
    }

    static func notAFile(_ path: String, _ what: String, _ note: String) -> Diagnostic {
        Diagnostic(.error, "input.not_a_file", "\(path) \(what), not a file", at: SourceLocation(file: path, line: 1, column: 1),
                   notes: [note])
    }

    static func openError(_ path: String, _ code: Int32) -> Diagnostic {
        let at = SourceLocation(file: path, line: 1, column: 1)
        switch code {
        case ENOENT, ENOTDIR:
            return Diagnostic(.error, "input.not_found", "no such file: \(path)", at: at, notes: ["check the path"])
        case EACCES, EPERM:
            return Diagnostic(.error, "input.unreadable", "permission denied: \(path)", at: at,
                              notes: ["the file exists but this user may not read it"])
        case ELOOP:
            return Diagnostic(.error, "input.unreadable", "too many symbolic links: \(path)", at: at)
        default:
            return Diagnostic(.error, "input.unreadable", "cannot open \(path): \(describe(code))", at: at)
        }
    }

    /// The C library's text for an `errno` value.
    static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }
}

/// Identifies a file on disk (device and inode), so that an output that is also an input is
/// recognised whatever path names it.
public struct FileIdentity: Sendable, Hashable {
    public var device: UInt64
    public var inode: UInt64

    /// The identity of what `path` names (following symbolic links), or nil if it does not exist.
    public init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
    }
}
