#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One output a run writes (`--output FILE`, `--write-baseline FILE`), prepared before any work.
///
/// - A regular file (new or existing) is written to a temporary file created exclusively
///   (`mkstemp`: a random name, `O_EXCL`, so a symbolic link planted at that name is never
///   followed) in the target's own directory, with the target's permissions, then renamed
///   over the target. An interrupted run (SIGINT, SIGTERM, SIGHUP) removes the temporary file.
/// - A character device or FIFO (`/dev/null`, a named pipe, a process substitution) is written
///   into directly: the node is never replaced.
/// - `-`, `/dev/stdout`, `/dev/stderr` and `/dev/fd/N` write to the descriptor already open.
/// - A directory, one of the run's inputs, a symbolic link to a regular file (a link planted in
///   a submission could redirect the write) and a missing directory are refused with a clear
///   error before anything is read or written.
///
/// Every write error (a full disk, a closed pipe) is a ``Diagnostic`` with code
/// `output.write_failed`; nothing traps.
package final class OutputFile: @unchecked Sendable {
    enum Kind {
        case descriptor(Int32)
        case special
        case file(temporary: String)
    }

    /// The path as the user gave it.
    package let path: String
    let kind: Kind
    private var fd: Int32 = -1
    private var slot: Int?

    private init(path: String, kind: Kind, fd: Int32, slot: Int?) {
        self.path = path
        self.kind = kind
        self.fd = fd
        self.slot = slot
    }

    /// Checks the target and, for a regular file, creates its temporary file. `inputs` are the
    /// run's input files: writing over one of them is refused.
    package static func prepare(_ path: String, inputs: Set<FileIdentity>) -> Result<OutputFile, Diagnostic> {
        if let fd = standardDescriptor(path) { return .success(OutputFile(path: path, kind: .descriptor(fd), fd: fd, slot: nil)) }
        var st = stat()
        if lstat(path, &st) == 0 {
            switch st.st_mode & S_IFMT {
            case S_IFDIR:
                return .failure(error("is_directory", path, .outputIsDirectory(path), .nameAFileInside))
            case S_IFCHR, S_IFIFO:
                return .success(OutputFile(path: path, kind: .special, fd: -1, slot: nil))
            case S_IFLNK:
                var target = stat()
                if stat(path, &target) == 0, [S_IFCHR, S_IFIFO].contains(target.st_mode & S_IFMT) {
                    return .success(OutputFile(path: path, kind: .special, fd: -1, slot: nil))
                }
                return .failure(error("symlink", path, .outputIsSymlink(path), .nameLinkTarget))
            case S_IFREG:
                if let id = FileIdentity(path: path), inputs.contains(id) {
                    return .failure(error("is_input", path, .outputIsInput(path), .writeElsewhere))
                }
                return temporary(for: path, mode: mode_t(st.st_mode & 0o7777))
            default:
                return .failure(error("not_a_file", path, .outputNotAFile(path), .nameAFile))
            }
        }
        guard errno == ENOENT else {
            return .failure(error("write_failed", path, .cannotWrite(path, errno), nil))
        }
        let dir = directory(of: path)
        var ds = stat()
        guard stat(dir, &ds) == 0, ds.st_mode & S_IFMT == S_IFDIR else {
            return .failure(error("no_directory", path, .noDirectory(dir), .createDirectoryFirst))
        }
        let mask = umask(0)
        umask(mask)
        return temporary(for: path, mode: 0o666 & ~mask)
    }

    /// Writes `text` (all of it, or a located error).
    package func write(_ text: String) -> Diagnostic? {
        var text = text
        return text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes raw bytes (all of them, or a located error).
    package func write(_ bytes: UnsafeRawBufferPointer) -> Diagnostic? {
        if case .special = kind, fd < 0 {
            fd = open(path, O_WRONLY | O_CLOEXEC)
            if fd < 0 { return failed(errno) }
        }
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return failed(errno)
            }
            offset += n
        }
        return nil
    }

    /// Finishes the output: a temporary file is renamed over the target.
    package func commit() -> Diagnostic? {
        switch kind {
        case .descriptor:
            return nil
        case .special:
            if fd < 0 { return write("") }
            let r = close(fd)
            fd = -1
            return r == 0 ? nil : failed(errno)
        case .file(let temporary):
            defer { release() }
            if close(fd) != 0 { let e = errno; fd = -1; unlink(temporary); return failed(e) }
            fd = -1
            if rename(temporary, path) != 0 { let e = errno; unlink(temporary); return failed(e) }
            return nil
        }
    }

    /// Abandons the output: a temporary file is removed, the target left as it was.
    package func discard() {
        if case .file(let temporary) = kind {
            if fd >= 0 { close(fd); fd = -1 }
            unlink(temporary)
            release()
        }
    }

    private func release() {
        if let slot { TemporaryFiles.unregister(slot) }
        slot = nil
    }

    private func failed(_ code: Int32) -> Diagnostic {
        return Self.error("write_failed", path, path == "-" ? .cannotWriteStandardOutput(code) : .cannotWrite(path, code),
                          code == ENOSPC ? .freeDiskSpace : nil)
    }

    static func error(_ code: String, _ path: String, _ message: Message, _ note: Message?) -> Diagnostic {
        Diagnostic(.error, DiagnosticCode(.output, code), message, at: SourceLocation(file: path, line: 1, column: 1), notes: note.map { [$0] } ?? [])
    }

    /// `-`, `/dev/stdout`, `/dev/stderr`, `/dev/fd/N`, `/proc/self/fd/N`: the descriptor already open.
    static func standardDescriptor(_ path: String) -> Int32? {
        switch path {
        case "-", "/dev/stdout": return STDOUT_FILENO
        case "/dev/stderr": return STDERR_FILENO
        default:
            for prefix in ["/dev/fd/", "/proc/self/fd/"] where path.hasPrefix(prefix) {
                if let n = Int32(path.dropFirst(prefix.count)), fcntl(n, F_GETFD) != -1 { return n }
            }
            return nil
        }
    }

    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let dir = String(path[..<slash])
        return dir.isEmpty ? "/" : dir
    }

    private static func temporary(for path: String, mode: mode_t) -> Result<OutputFile, Diagnostic> {
        let dir = directory(of: path)
        let name = path.split(separator: "/").last.map(String.init) ?? path
        var template = Array("\(dir)/.\(String(decoding: Array(name.utf8.prefix(180)), as: UTF8.self)).qcdc-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            return .failure(error("write_failed", path, .cannotCreateIn(dir, errno), .checkWritable))
        }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        let slot = TemporaryFiles.register(temporary)
        _ = fchmod(fd, mode)
        return .success(OutputFile(path: path, kind: .file(temporary: temporary), fd: fd, slot: slot))
    }
}

/// Temporary output files to remove if the process is interrupted. The signal handler reads
/// only this fixed table of C strings and calls `unlink`, which is async-signal-safe.
enum TemporaryFiles {
    static let capacity = 64
    nonisolated(unsafe) static let table: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> = {
        let t = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: capacity)
        t.initialize(repeating: nil, count: capacity)
        return t
    }()
    nonisolated(unsafe) static var installed = false

    static func register(_ path: String) -> Int? {
        installHandlers()
        for i in 0..<capacity where table[i] == nil {
            table[i] = strdup(path)
            return i
        }
        return nil
    }

    static func unregister(_ slot: Int) {
        let p = table[slot]
        table[slot] = nil
        free(p)
    }

    static func installHandlers() {
        guard !installed else { return }
        installed = true
        for sig in [SIGINT, SIGTERM, SIGHUP] {
            signal(sig) { received in
                for i in 0..<TemporaryFiles.capacity {
                    if let p = TemporaryFiles.table[i] { unlink(p) }
                }
                signal(received, SIG_DFL)
                raise(received)
            }
        }
    }
}

/// Writes to standard output and standard error with errors reported, never trapped.
package enum StandardStreams {
    /// Appends `text` to the file at `path`, creating it: the one output not written by
    /// replacement, for GitHub's `$GITHUB_STEP_SUMMARY`, which a job's steps add to in turn.
    package static func append(_ text: String, to path: String) -> Diagnostic? {
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return OutputFile.error("write_failed", path, .cannotWrite(path, errno), nil) }
        defer { close(fd) }
        return write(text, to: fd, name: path) == nil ? nil : OutputFile.error("write_failed", path, .cannotWrite(path, errno), nil)
    }

    /// Writes all of `text` to standard output; a closed pipe or full disk gives a diagnostic.
    package static func out(_ text: String) -> Diagnostic? {
        write(text, to: STDOUT_FILENO, name: "-")
    }

    /// Writes to standard error, ignoring failure (there is nowhere left to report it).
    package static func err(_ text: String) {
        _ = write(text, to: STDERR_FILENO, name: "/dev/stderr")
    }

    /// The message key of a write to standard output whose reader has gone (`qcdc … | head`).
    package static let closedKey = "output.write_failed.closed_pipe"

    /// True when `problem` is standard output's reader having gone: not worth a message, as
    /// with any command line tool, though the run still ends with a non-zero status.
    package static func isClosedPipe(_ problem: Diagnostic) -> Bool { problem.message.key == closedKey }

    /// Makes a closed pipe an error return (EPIPE) instead of a fatal signal.
    package static func ignoreBrokenPipes() { signal(SIGPIPE, SIG_IGN) }

    /// Writes all of `bytes` to standard output.
    package static func out(_ bytes: UnsafeRawBufferPointer) -> Diagnostic? {
        write(bytes, to: STDOUT_FILENO, name: "-")
    }

    static func write(_ text: String, to fd: Int32, name: String) -> Diagnostic? {
        var text = text
        return text.withUTF8 { write(UnsafeRawBufferPointer($0), to: fd, name: name) }
    }

    static func write(_ buf: UnsafeRawBufferPointer, to fd: Int32, name: String) -> Diagnostic? {
        var offset = 0
        while offset < buf.count {
            let n = Glibc.write(fd, buf.baseAddress! + offset, buf.count - offset)
            if n < 0 {
                if errno == EINTR { continue }
                return OutputFile.error("write_failed", name, .cannotWriteStandardOutput(errno), nil)
            }
            offset += n
        }
        return nil
    }
}
