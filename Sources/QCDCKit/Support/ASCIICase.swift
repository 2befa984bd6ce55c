extension String {
    /// Whether the text ends with `suffix`, written in lowercase ASCII, ignoring ASCII case:
    /// `lowercased().hasSuffix(suffix)` for the file extensions this is used for (no other
    /// character lowercases to an ASCII letter of theirs), without a lowercased copy of every
    /// file name read.
    func hasSuffix(ignoringASCIICase suffix: String) -> Bool {
        // Over the bytes by index: zipping the two UTF-8 views instantiated generic metadata
        // at run time.
        var name = self, suffix = suffix
        return name.withUTF8 { n in
            suffix.withUTF8 { e in
                guard n.count >= e.count else { return false }
                let offset = n.count - e.count
                for i in 0..<e.count {
                    let a = n[offset + i], b = e[i]
                    if a != b && !(0x41...0x5A ~= a && a &+ 0x20 == b) { return false }
                }
                return true
            }
        }
    }
}
