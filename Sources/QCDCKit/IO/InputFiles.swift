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
        private(set) var unnamed: [String] = []

        /// How many entries there are.
        var count: Int { order.count }

        /// Lists `dir`; nil (with `errno` set) when it cannot be opened.
        init?(_ dir: String) {
            guard let handle = opendir(dir) else { return nil }
            defer { closedir(handle) }
            let fd = dirfd(handle)
            while let item = readdir(handle) {
                // Entries are looked at through the directory and their own bytes, so a name that is
                // not UTF-8 (which no `String` can give back) is still seen: to be named as an
                // error, never skipped in silence.
                var st = stat(), target = stat()
                let (name, valid, linked, regular) = withUnsafeBytes(of: &item.pointee.d_name) { raw in
                    let bytes = raw.prefix { $0 != 0 }
                    let name = String(decoding: bytes, as: UTF8.self)
                    let valid = name.utf8.elementsEqual(bytes)
                    let entry = raw.baseAddress!.assumingMemoryBound(to: CChar.self)
                    let linked = fstatat(fd, entry, &st, AT_SYMLINK_NOFOLLOW) == 0
                    let regular = fstatat(fd, entry, &target, 0) == 0 && target.st_mode & S_IFMT == S_IFREG
                    return (name, valid, linked, regular)
                }
                guard !name.hasPrefix("."), !name.isEmpty, linked else { continue }
                switch st.st_mode & S_IFMT {
                case S_IFDIR:
                    if valid { append(name, directory: true) } else { unnamed.append(PathUtil.join(dir, name)) }
                case S_IFREG, S_IFLNK:
                    guard InputFiles.extensions.contains(where: { name.lowercased().hasSuffix($0) }), regular else { continue }
                    if valid { append(name, directory: false) } else { unnamed.append(PathUtil.join(dir, name)) }
                default:
                    continue
                }
            }
            order = (0..<UInt32(ends.count)).sorted(by: precedes)
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
        /// The last directory listed again by ``name(of:)``, and its files.
        private var relisted: (directory: String, files: [String])?

        struct Level {
            var id: Int
            var directory: String
            /// When the directory last changed, as it was listed.
            var stamp: Stamp?
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
            var stamp: Stamp?
        }

        /// A directory's modification time: files added, removed or renamed change it.
        struct Stamp: Equatable {
            var seconds: Int
            var nanoseconds: Int
            init?(_ dir: String) {
                var st = stat()
                guard stat(dir, &st) == 0 else { return nil }
                seconds = st.st_mtim.tv_sec
                nanoseconds = st.st_mtim.tv_nsec
            }
        }

        /// Starts walking `dir`. A directory that cannot be listed (permission denied, gone) is an
        /// error, never a silent gap in the run.
        private mutating func enter(_ dir: String) {
            levels += 1
            let stamp = Stamp(dir)
            guard let listing = Listing(dir) else {
                diagnostics.append(InputReader.openError(dir, errno))
                root?.failed = true
                return
            }
            for path in listing.unnamed {
                diagnostics.append(Diagnostic(.error, DiagnosticCode(.input, "unreadable"), .nameNotUTF8(path),
                                              at: Mark.start.located(in: path), notes: [.renameInUTF8]))
                root?.failed = true
            }
            stack.append(Level(id: levels, directory: dir, stamp: stamp, entries: listing))
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
                    diagnostics.append(Diagnostic(.error, DiagnosticCode(.input, "not_found"), .notFound(p),
                                                  at: Mark.start.located(in: p), notes: [.checkThePath]))
                    continue
                }
                guard p != "-" && st.st_mode & S_IFMT == S_IFDIR else {
                    origins.append(Origin(first: count, path: p, level: nil, taken: 0, stamp: nil))
                    count += 1
                    return (p, false)
                }
                root = (p, 0, false)
                enter(p)
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
                    enter(path)
                    continue
                }
                guard selection.admits(path) else { continue }
                let taken = stack[i].taken
                if let last = origins.last, last.level == stack[i].id, count - last.first == taken - last.taken {
                    // The same run goes on.
                } else {
                    origins.append(Origin(first: count, path: stack[i].directory, level: stack[i].id, taken: taken, stamp: stack[i].stamp))
                }
                stack[i].taken += 1
                root?.found += 1
                count += 1
                return path
            }
            return nil
        }

        /// The path of file number `file` (0-based, in the order handed out). A file found in a
        /// directory is looked up in the directory's listing again (the last one listed is kept,
        /// so that a run of duplicates costs one listing). Should the directory have changed since
        /// it was walked (its modification time tells), the directory is named instead: never a
        /// neighbour.
        package mutating func name(of file: Int) -> String {
            var low = 0, high = origins.count
            while high - low > 1 {
                let mid = (low + high) / 2
                if origins[mid].first <= file { low = mid } else { high = mid }
            }
            guard low < origins.count else { return "" }
            let origin = origins[low]
            guard origin.level != nil else { return origin.path }
            guard let stamp = origin.stamp, Stamp(origin.path) == stamp else { return origin.path }
            if relisted?.directory != origin.path {
                guard let listing = Listing(origin.path) else { return origin.path }
                relisted = (origin.path, (0..<listing.count).lazy.map(listing.entry).filter { !$0.isDirectory }
                    .map { PathUtil.join(origin.path, $0.name) }.filter(selection.admits))
            }
            let position = origin.taken + file - origin.first
            guard let files = relisted?.files, files.indices.contains(position) else { return origin.path }
            return files[position]
        }
    }
}
