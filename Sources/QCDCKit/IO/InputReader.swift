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
package enum InputReader {
    /// The name standard input goes by in messages.
    package static let stdinName = "<stdin>"

    /// The bytes of `path` (`-` is standard input), or why they cannot be read.
    package static func read(_ path: String, limit: Int) -> Result<[UInt8], Diagnostic> {
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
            return .failure(notAFile(path, .directory, .nameAFileNotDirectory))
        case S_IFBLK:
            return .failure(notAFile(path, .blockDevice, .nameAFile))
        case S_IFSOCK:
            return .failure(notAFile(path, .socket, .nameAFile))
        default:
            break   // a FIFO or character device: read as a stream, bounded
        }
        let regular = st.st_mode & S_IFMT == S_IFREG
        // Blocking reads from here on (the non-blocking open only avoids waiting for a FIFO's
        // writer); a regular file's reads never wait, so its flags are left alone.
        if !regular { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK) }
        return readStream(fd, name: path, limit: limit, expected: regular ? Int(st.st_size) : nil)
    }

    /// Reads to the end, refusing more than `limit` bytes. `expected` (a regular file's size)
    /// sizes the buffer: a zeroed 64 KiB one per file cost more than reading a small report. A
    /// regular file's read returns less than asked at its end, so a short read that brings a
    /// regular file to its size ends it without another read to see the end (a short read
    /// before that, as some network and FUSE file systems give, or of a file that says it is
    /// empty, as those in /proc do, reads on).
    private static func readStream(_ fd: Int32, name: String, limit: Int, expected: Int? = nil) -> Result<[UInt8], Diagnostic> {
        var out: [UInt8] = []
        // One more byte than expected, so that a file that grew is still read to its end.
        let size = min(1 << 16, max(4096, (expected ?? 1 << 16) + 1))
        out.reserveCapacity(min(limit, expected ?? 0) + 1)
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 1)
        defer { chunk.deallocate() }
        while true {
            let want = min(chunk.count, limit + 1 - out.count)
            let n = Glibc.read(fd, chunk.baseAddress, want)
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EISDIR { return .failure(notAFile(name, .directory, .nameAFile)) }
                return .failure(Diagnostic(.error, DiagnosticCode(.input, "unreadable"), .cannotRead(name, errno),
                                           at: SourceLocation(file: name, line: 1, column: 1)))
            }
            if n == 0 { return .success(out) }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<n]))
            if out.count > limit { return .failure(tooLarge(name, size: nil, limit: limit)) }
            if let expected, expected > 0, n < want, out.count >= expected { return .success(out) }
        }
    }

    static func tooLarge(_ name: String, size: Int?, limit: Int) -> Diagnostic {
        Diagnostic(.error, DiagnosticCode(.input, "too_large"),
                   size.map { .fileTooLarge(bytes: $0, limit: limit) } ?? .streamTooLarge(limit: limit),
                   at: SourceLocation(file: name, line: 1, column: 1), notes: [.splitOrRaiseLimit])
    }

    static func notAFile(_ path: String, _ what: NotAFile, _ note: Message) -> Diagnostic {
        Diagnostic(.error, DiagnosticCode(.input, "not_a_file"), .notAFile(path, what), at: SourceLocation(file: path, line: 1, column: 1),
                   notes: [note])
    }

    static func openError(_ path: String, _ code: Int32) -> Diagnostic {
        let at = SourceLocation(file: path, line: 1, column: 1)
        switch code {
        case ENOENT, ENOTDIR:
            return Diagnostic(.error, DiagnosticCode(.input, "not_found"), .noSuchFile(path), at: at, notes: [.checkThePath])
        case EACCES, EPERM:
            return Diagnostic(.error, DiagnosticCode(.input, "unreadable"), .permissionDenied(path), at: at, notes: [.existsButUnreadable])
        case ELOOP:
            return Diagnostic(.error, DiagnosticCode(.input, "unreadable"), .tooManyLinks(path), at: at)
        default:
            return Diagnostic(.error, DiagnosticCode(.input, "unreadable"), .cannotOpen(path, code), at: at)
        }
    }

    /// The C library's text for an `errno` value.
    static func describe(_ code: Int32) -> String { String(cString: strerror(code)) }
}

/// Identifies a file on disk (device and inode), so that an output that is also an input is
/// recognised whatever path names it.
package struct FileIdentity: Sendable, Hashable {
    package var device: UInt64
    package var inode: UInt64

    /// The identity of what `path` names (following symbolic links), or nil if it does not exist.
    package init?(path: String) {
        var st = stat()
        guard stat(path, &st) == 0 else { return nil }
        device = UInt64(st.st_dev)
        inode = UInt64(st.st_ino)
    }
}
