import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Expands report arguments into files.
package enum InputFiles {
    static let extensions = [".yaml", ".yml", ".json", ".csv", ".xlsx"]

    /// Files named explicitly are taken as they are (a FIFO or `/dev/stdin` too); directories are
    /// searched recursively for report files, skipping hidden entries (`.git`, `.github`) and not
    /// following symbolic links to directories (no loops).
    /// Files found in directories are taken when `selection` admits them.
    /// Keeps every path: a run walks with ``Walker`` instead.
    package static func expand(_ paths: [String], selection: FileSelection = FileSelection()) -> (files: [(path: String, walked: Bool)], diagnostics: [Diagnostic]) {
        var walker = Walker(paths, selection: selection)
        var files: [(path: String, walked: Bool)] = []
        while let file = walker.next() { files.append(file) }
        return (files, walker.diagnostics)
    }

    /// The report files under a directory (hidden entries skipped, linked directories not
    /// followed), in path order; none when `root` is not a directory.
    package static func walk(_ root: String) -> [String] {
        var st = stat()
        guard stat(root, &st) == 0, st.st_mode & S_IFMT == S_IFDIR else { return [] }
        return expand([root]).files.map(\.path)
    }

    /// The subdirectories and report files of a directory (hidden entries left out), sorted so
    /// that walking them depth first gives files in the order of their whole paths: a directory
    /// sorts as its name followed by `/`, which is where the whole paths of its files would sort.
    ///
    /// Kept as bytes: the names one after another and where each ends, and the sorted order, about
    /// 30 bytes an entry (a `String` each took 80 for names past 15 bytes: 800 KB for a directory
    /// of 10,000 reports).
    struct Listing {
        /// The names (a directory's followed by `/`), one after another.
        private var bytes: [UInt8] = []
        /// Where each name ends in `bytes`; the top bit says the name is not all ASCII.
        private var ends: [UInt32] = []
        /// Positions in `ends`, sorted.
        private var order: [UInt32] = []
        private static let notASCII: UInt32 = 1 << 31
        /// Subdirectories and report files whose names are not UTF-8, as shown (with U+FFFD).
        private(set) var unnamed: [(path: String, isDirectory: Bool)] = []
        /// A digest of the report files' names in order: two listings with the same digest have
        /// the same files at the same positions (within the run: `Hasher` is seeded per process).
        private(set) var files = 0

        /// How many entries there are.
        var count: Int { order.count }

        /// Lists `dir`; nil (with `errno` set) when it cannot be opened or read. A directory found
        /// while walking is opened without following a link (one that replaced it since it was
        /// seen is not walked into); a directory named as an argument may be a link.
        init?(_ dir: String, follow: Bool = true) {
            let fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC | (follow ? 0 : O_NOFOLLOW))
            guard fd >= 0 else { return nil }
            guard let handle = fdopendir(fd) else {
                let saved = errno
                close(fd)
                errno = saved
                return nil
            }
            defer { closedir(handle) }
            while true {
                errno = 0
                guard let item = readdir(handle) else {
                    // The end of the directory, or an error reading it (never taken for the end).
                    if errno != 0 { return nil }
                    break
                }
                // Entries are looked at through the directory and their own bytes, so a name that is
                // not UTF-8 (which no `String` can give back) is still seen: to be named as an
                // error, never skipped in silence.
                // The directory says what a file or subdirectory is (`d_type`): only a link, or an
                // entry of a file system that does not say, is looked up (two lookups per report
                // were most of the walk's system calls).
                var st = stat(), target = stat()
                let type = Int(item.pointee.d_type)
                let (name, valid, linked, regular) = withUnsafeBytes(of: &item.pointee.d_name) { raw in
                    let bytes = raw.prefix { $0 != 0 }
                    let name = String(decoding: bytes, as: UTF8.self)
                    let valid = name.utf8.elementsEqual(bytes)
                    if type == Int(DT_REG) || type == Int(DT_DIR) {
                        st.st_mode = type == Int(DT_REG) ? S_IFREG : S_IFDIR
                        return (name, valid, true, type == Int(DT_REG))
                    }
                    let entry = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
                    let linked = fstatat(fd, entry, &st, AT_SYMLINK_NOFOLLOW) == 0
                    let regular = fstatat(fd, entry, &target, 0) == 0 && target.st_mode & S_IFMT == S_IFREG
                    return (name, valid, linked, regular)
                }
                guard !name.hasPrefix("."), !name.isEmpty, linked else { continue }
                let directory: Bool
                switch st.st_mode & S_IFMT {
                case S_IFDIR:
                    directory = true
                case S_IFREG, S_IFLNK:
                    guard InputFiles.extensions.contains(where: { name.hasSuffix(ignoringASCIICase: $0) }), regular else { continue }
                    directory = false
                default:
                    continue
                }
                guard valid else {
                    unnamed.append((PathUtil.join(dir, name), directory))
                    continue
                }
                // Positions are 31 bits: a directory whose names pass 2 GiB is refused, not wrapped.
                guard bytes.count + name.utf8.count + 1 < Int(Self.notASCII) else {
                    errno = EOVERFLOW
                    return nil
                }
                append(name, directory: directory)
            }
            // Each name's first eight bytes as a number, big-endian: for two ASCII names that
            // differ there (nearly every pair of reports' names), one comparison of numbers
            // orders them as their bytes do. The directory is sorted on the thread that hands
            // out the files, while the workers wait: comparing slices was 4,000 instructions a
            // file in a directory of a thousand.
            var keys = [UInt64](repeating: 0, count: ends.count)
            for i in keys.indices {
                var key: UInt64 = 0
                let r = range(UInt32(i))
                for k in 0..<8 { key = key << 8 | UInt64(k < r.count ? bytes[r.lowerBound + k] : 0) }
                keys[i] = key
            }
            order = (0..<UInt32(ends.count)).sorted { a, b in
                if (ends[Int(a)] | ends[Int(b)]) & Self.notASCII == 0, keys[Int(a)] != keys[Int(b)] { return keys[Int(a)] < keys[Int(b)] }
                return precedes(a, b)
            }
            var hasher = Hasher()
            for k in 0..<order.count {
                let r = range(order[k])
                guard bytes[r.upperBound - 1] != UInt8(ascii: "/") else { continue }
                hasher.combine(r.count)
                bytes[r].withUnsafeBytes { hasher.combine(bytes: $0) }
            }
            files = hasher.finalize()
        }

        private mutating func append(_ name: String, directory: Bool) {
            bytes += name.utf8
            if directory { bytes.append(UInt8(ascii: "/")) }
            ends.append(UInt32(bytes.count) | (name.utf8.allSatisfy { $0 < 0x80 } ? 0 : Self.notASCII))
        }

        private func range(_ i: UInt32) -> Range<Int> {
            let start = i == 0 ? 0 : Int(ends[Int(i) - 1] & ~Self.notASCII)
            return start..<Int(ends[Int(i)] & ~Self.notASCII)
        }

        /// Swift's order of the names as strings; for names that are all ASCII that is the order
        /// of their bytes, compared in place. Names that differ only in Unicode normalisation are
        /// equal to Swift: their bytes decide, so that the order never depends on the order the
        /// file system lists them in.
        private func precedes(_ a: UInt32, _ b: UInt32) -> Bool {
            let x = bytes[range(a)], y = bytes[range(b)]
            if (ends[Int(a)] | ends[Int(b)]) & Self.notASCII != 0 {
                let s = String(decoding: x, as: UTF8.self), t = String(decoding: y, as: UTF8.self)
                if s != t { return s < t }
            }
            return x.lexicographicallyPrecedes(y)
        }

        /// The `k`th entry in order: its name, and whether it is a directory.
        func entry(_ k: Int) -> (name: String, isDirectory: Bool) {
            let r = range(order[k])
            let directory = bytes[r.upperBound - 1] == UInt8(ascii: "/")
            return (String(decoding: bytes[r.lowerBound..<(directory ? r.upperBound - 1 : r.upperBound)], as: UTF8.self), directory)
        }
    }

    /// The report files of a run's arguments, handed out one at a time in the order a run checks
    /// them: each argument in turn, a directory's files in path order. Directories are listed one
    /// at a time as the walk reaches them, so a run keeps only the listings of the directories it
    /// is in, not every path (100,000 reports are 10 MB of paths); ``name(of:)`` finds an earlier
    /// file's path again when a finding must name it.
    package struct Walker {
        private let paths: [String]
        private let selection: FileSelection
        /// The next argument to expand.
        private var argument = 0
        /// The directories being walked, outermost first.
        private var stack: [Level] = []
        /// The directory argument being walked, and how many files were taken from it.
        private var root: (path: String, found: Int, failed: Bool)?
        /// Problems with the arguments: a path that does not exist, a directory with no reports.
        package private(set) var diagnostics: [Diagnostic] = []
        /// How many files were handed out.
        package private(set) var count = 0
        /// Where each file handed out came from, one entry per run of files taken in a row from
        /// the same directory (or named explicitly): a few per directory, not one per file.
        private var origins: [Origin] = []
        private var levels = 0
        /// Directories listed again by ``name(of:)``, most recent last (a few: a run of findings
        /// naming reports in several directories must not list them again for each).
        private var relisted: [(directory: String, listing: Listing, files: [UInt32])] = []

        struct Level {
            var id: Int
            var directory: String
            /// A directory named as an argument (it may be a link), not found while walking.
            var isRoot: Bool
            var entries: Listing
            var next = 0
            /// Files of this directory taken so far.
            var taken = 0
        }

        struct Origin {
            /// The number of the first file of the run.
            var first: Int
            /// The file named explicitly, or the directory the run's files are in.
            var path: String
            /// The directory's level (nil for a file named explicitly), and the position among
            /// the files taken from it of the run's first file.
            var level: Int?
            var taken: Int
            /// The directory's ``Listing/files`` digest as it was walked.
            var files: Int
            /// The directory was named as an argument (and may be a link).
            var follow = false
        }

        /// Starts walking `dir` (an argument when `root`). A directory that cannot be listed
        /// (permission denied, gone) is an error, never a silent gap in the run; so is a report
        /// file or directory whose name is not UTF-8. What the exclude patterns leave out is not
        /// looked at.
        private mutating func enter(_ dir: String, root isRoot: Bool) {
            levels += 1
            guard let listing = Listing(dir, follow: isRoot) else {
                diagnostics.append(InputReader.openError(dir, errno))
                root?.failed = true
                return
            }
            for (path, isDirectory) in listing.unnamed where isDirectory ? !selection.excludes(directory: path) : selection.admits(path) {
                diagnostics.append(Diagnostic(.error, DiagnosticCode(.input, "unreadable"), .nameNotUTF8(path),
                                              at: Mark.start.located(in: path), notes: [.renameInUTF8]))
                root?.failed = true
            }
            stack.append(Level(id: levels, directory: dir, isRoot: isRoot, entries: listing))
        }

        package init(_ paths: [String], selection: FileSelection = FileSelection()) {
            self.paths = paths
            self.selection = selection
        }

        /// The next file, and whether it was found in a directory (not named explicitly); nil
        /// after the last.
        package mutating func next() -> (path: String, walked: Bool)? {
            while true {
                if let path = nextInDirectory() { return (path, true) }
                guard argument < paths.count else { return nil }
                let p = paths[argument]
                argument += 1
                var st = stat()
                if p != "-" && stat(p, &st) != 0 {
                    let code = errno
                    switch code {
                    case ENOENT, ENOTDIR:
                        diagnostics.append(Diagnostic(.error, DiagnosticCode(.input, "not_found"), .notFound(p),
                                                      at: Mark.start.located(in: p), notes: [.checkThePath]))
                    case EACCES:
                        // A directory on the way may not be searched: the path may well exist.
                        diagnostics.append(Diagnostic(.error, DiagnosticCode(.input, "unreadable"), .permissionDenied(p),
                                                      at: Mark.start.located(in: p), notes: [.cannotReachPath]))
                    default:
                        diagnostics.append(InputReader.openError(p, code))
                    }
                    continue
                }
                guard p != "-" && st.st_mode & S_IFMT == S_IFDIR else {
                    origins.append(Origin(first: count, path: p, level: nil, taken: 0, files: 0))
                    count += 1
                    return (p, false)
                }
                root = (p, 0, false)
                enter(p, root: true)
                if stack.isEmpty { root = nil }
            }
        }

        private mutating func nextInDirectory() -> String? {
            while let i = stack.indices.last {
                guard stack[i].next < stack[i].entries.count else {
                    stack.removeLast()
                    if stack.isEmpty, let root, root.found == 0, !root.failed {
                        diagnostics.append(Diagnostic(.warning, DiagnosticCode(.input, "empty_directory"), .emptyDirectory(root.path),
                                                      at: Mark.start.located(in: root.path)))
                    }
                    continue
                }
                let entry = stack[i].entries.entry(stack[i].next)
                stack[i].next += 1
                let path = PathUtil.join(stack[i].directory, entry.name)
                if entry.isDirectory {
                    if !selection.excludes(directory: path) { enter(path, root: false) }
                    continue
                }
                guard selection.admits(path) else { continue }
                let taken = stack[i].taken
                if let last = origins.last, last.level == stack[i].id, count - last.first == taken - last.taken {
                    // The same run goes on.
                } else {
                    origins.append(Origin(first: count, path: stack[i].directory, level: stack[i].id, taken: taken,
                                         files: stack[i].entries.files, follow: stack[i].isRoot))
                }
                stack[i].taken += 1
                root?.found += 1
                count += 1
                return path
            }
            return nil
        }

        /// The path of file number `file` (0-based, in the order handed out). A file found in a
        /// directory is looked up in the directory's listing again (the last few listed are kept,
        /// so that a run of findings costs a listing per directory, not per finding). Should the
        /// directory's report files have changed since it was walked (a digest of their names
        /// tells), the directory is named instead: never a neighbour.
        package mutating func name(of file: Int) -> String {
            var low = 0, high = origins.count
            while high - low > 1 {
                let mid = (low + high) / 2
                if origins[mid].first <= file { low = mid } else { high = mid }
            }
            guard low < origins.count else { return "" }
            let origin = origins[low]
            guard origin.level != nil else { return origin.path }
            let cached: (directory: String, listing: Listing, files: [UInt32])
            if let k = relisted.lastIndex(where: { $0.directory == origin.path }) {
                cached = relisted.remove(at: k)
            } else {
                guard let listing = Listing(origin.path, follow: origin.follow) else {
                    return origin.path
                }
                let files = (0..<listing.count).filter { k in
                    let entry = listing.entry(k)
                    return !entry.isDirectory && selection.admits(PathUtil.join(origin.path, entry.name))
                }.map { UInt32($0) }
                cached = (origin.path, listing, files)
            }
            relisted.append(cached)
            if relisted.count > 8 { relisted.removeFirst() }
            let position = origin.taken + file - origin.first
            guard cached.listing.files == origin.files, cached.files.indices.contains(position) else { return origin.path }
            return PathUtil.join(origin.path, cached.listing.entry(Int(cached.files[position])).name)
        }
    }
}
