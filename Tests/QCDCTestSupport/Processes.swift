import Foundation
import Testing

/// What a child process printed and how it ended.
public struct RunResult: Sendable {
    public var stdout: String
    public var stderr: String
    /// The exit status, or 128 + the signal number when a signal ended it.
    public var status: Int32
    /// True when the run was stopped because it exceeded its time limit.
    public var timedOut: Bool
    /// Wall-clock seconds the run took.
    public var seconds: Double
}

/// What to give a child process on standard input.
public enum StandardInput: Sendable {
    /// Nothing: standard input is closed at once (end of file).
    case none
    case text(String)
    case bytes([UInt8])
    /// `count` bytes of `byte`, written as fast as the child reads them (a stream it must bound).
    case stream(byte: UInt8, count: Int)
    /// Kept open and never written: the child blocks if it reads.
    case open
}

/// Runs a program in its own process group, reading its standard output and error
/// concurrently (so a child that fills one pipe while we wait on the other cannot deadlock),
/// and kills the whole group with SIGKILL after `timeout` seconds. A test that hangs therefore
/// fails instead of hanging the suite, and no grandchild outlives the run.
public func runProcess(_ executable: URL, _ arguments: [String], stdin: StandardInput = .none,
                       directory: URL? = nil, environment: [String: String] = [:],
                       timeout: Double = 120, onStart: ((pid_t) -> Void)? = nil) throws -> RunResult {
    var env = ProcessInfo.processInfo.environment
    for (k, v) in environment { env[k] = v }
    var inPipe: [Int32] = [0, 0], outPipe: [Int32] = [0, 0], errPipe: [Int32] = [0, 0]
    guard pipe(&inPipe) == 0, pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw POSIXError(.EMFILE) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, inPipe[0], 0)
    posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
    posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
    for fd in inPipe + outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
    posix_spawnattr_setpgroup(&attributes, 0)
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGPIPE)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    // The working directory is set by env(1) (-C), as the C library's chdir action is not imported.
    let program = directory == nil ? executable.path : "/usr/bin/env"
    let words = directory.map { ["/usr/bin/env", "-C", $0.path, executable.path] } ?? [executable.path]
    let argv = (words + arguments).map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for p in argv + envp { free(p) } }
    var pid: pid_t = 0
    let start = Date()
    let spawned = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
    for fd in [inPipe[0], outPipe[1], errPipe[1]] { close(fd) }
    guard spawned == 0 else {
        for fd in [inPipe[1], outPipe[0], errPipe[0]] { close(fd) }
        throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT)
    }
    onStart?(pid)
    let group = DispatchGroup()
    let collected = Collected()
    for (fd, isOut) in [(outPipe[0], true), (errPipe[0], false)] {
        group.enter()
        DispatchQueue.global().async {
            collected.set(readAll(fd), stdout: isOut)
            close(fd)
            group.leave()
        }
    }
    let writer = inPipe[1]
    switch stdin {
    case .none:
        close(writer)
    case .text(let s):
        DispatchQueue.global().async { writeAll(writer, Array(s.utf8)); close(writer) }
    case .bytes(let b):
        DispatchQueue.global().async { writeAll(writer, b); close(writer) }
    case .stream(let byte, let count):
        DispatchQueue.global().async {
            let chunk = [UInt8](repeating: byte, count: 1 << 16)
            var left = count
            while left > 0 {
                let n = min(left, chunk.count)
                if !writeAll(writer, Array(chunk[0..<n])) { break }
                left -= n
            }
            close(writer)
        }
    case .open:
        break
    }
    var timedOut = false
    var status: Int32 = 0
    let deadline = Date().addingTimeInterval(timeout)
    while true {
        let r = waitpid(pid, &status, WNOHANG)
        if r == pid { break }
        if r < 0 && errno != EINTR { break }
        if Date() > deadline {
            timedOut = true
            kill(-pid, SIGKILL)
            _ = waitpid(pid, &status, 0)
            break
        }
        usleep(2_000)
    }
    kill(-pid, SIGKILL)     // grandchildren left in the group (a shell's background jobs)
    if case .open = stdin { close(writer) }
    if group.wait(timeout: .now() + 30) == .timedOut { timedOut = true }
    let signalled = status & 0x7f
    let code: Int32 = signalled == 0 ? (status >> 8) & 0xff : 128 + signalled
    return RunResult(stdout: collected.text(stdout: true), stderr: collected.text(stdout: false), status: code,
                     timedOut: timedOut, seconds: Date().timeIntervalSince(start))
}

private func readAll(_ fd: Int32) -> [UInt8] {
    var out: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
        if n < 0 && errno == EINTR { continue }
        if n <= 0 { break }
        out += buffer[0..<n]
    }
    return out
}

/// Writes everything, ignoring SIGPIPE's effect (a child may stop reading): false on failure.
@discardableResult
func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
    signal(SIGPIPE, SIG_IGN)
    var offset = 0
    while offset < bytes.count {
        let n = bytes[offset...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if n < 0 { if errno == EINTR { continue }; return false }
        offset += n
    }
    return true
}

private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var out: [UInt8] = [], err: [UInt8] = []
    func set(_ d: [UInt8], stdout: Bool) { lock.lock(); if stdout { out = d } else { err = d }; lock.unlock() }
    func text(stdout: Bool) -> String { lock.lock(); defer { lock.unlock() }; return String(decoding: stdout ? out : err, as: UTF8.self) }
}

/// The package root, found from this file's path.
public let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The `qcdc` binary that `swift build` made next to the test bundle (or `QCDC_BINARY`, to run the
/// end-to-end tests against another build, e.g. an older release).
public let qcdcBinary: URL = {
    if let path = ProcessInfo.processInfo.environment["QCDC_BINARY"] { return URL(fileURLWithPath: path) }
    let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var candidates = [exe.deletingLastPathComponent().appendingPathComponent("qcdc")]
    for dir in [".build/debug", ".build/release"] { candidates.append(packageRoot.appendingPathComponent(dir).appendingPathComponent("qcdc")) }
    if let found = candidates.first(where: { FileManager.default.isExecutableFile(atPath: $0.path) }) { return found }
    return candidates[0]
}()

/// Runs the built `qcdc` with `arguments` from `directory` (the package root by default), with
/// `NO_COLOR` set, and a hang timeout.
public func qcdc(_ arguments: [String], stdin: String? = nil, directory: URL = packageRoot,
                 environment: [String: String] = [:], timeout: Double = 120) throws -> RunResult {
    var env = ["NO_COLOR": "1"]
    for (k, v) in environment { env[k] = v }
    return try runProcess(qcdcBinary, arguments, stdin: stdin.map { .text($0) } ?? .none, directory: directory,
                          environment: env, timeout: timeout)
}

/// Like ``qcdc(_:stdin:directory:environment:timeout:)`` with any kind of standard input.
public func qcdc(_ arguments: [String], input: StandardInput, directory: URL = packageRoot,
                 environment: [String: String] = [:], timeout: Double = 120,
                 onStart: ((pid_t) -> Void)? = nil) throws -> RunResult {
    var env = ["NO_COLOR": "1"]
    for (k, v) in environment { env[k] = v }
    return try runProcess(qcdcBinary, arguments, stdin: input, directory: directory, environment: env,
                          timeout: timeout, onStart: onStart)
}

/// The directory every test's temporary files go under: one per test process, removed when the
/// process exits, so a test run leaves nothing behind in the system's temporary directory.
private let testRoot: URL = {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("qcdc-test-\(getpid())-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    testRootPath = root.path
    atexit { if let path = testRootPath { try? FileManager.default.removeItem(atPath: path) } }
    return root
}()
nonisolated(unsafe) private var testRootPath: String?

/// A new empty directory under this test process's temporary root (removed at exit).
public func temporaryDirectory() throws -> URL {
    let dir = testRoot.appendingPathComponent(UUID().uuidString)
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir
}
