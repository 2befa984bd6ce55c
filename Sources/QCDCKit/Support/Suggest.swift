/// "Did you mean …?" suggestions by edit distance (also for the command line's subcommands).
public enum Suggest {
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased().unicodeScalars), b = Array(b.lowercased().unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var prev = Array(0...b.count)
        var cur = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            cur[0] = i
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }

    /// The closest candidate within a distance proportional to the word's length.
    public static func closest(to word: String, in candidates: some Sequence<String>) -> String? {
        let limit = max(2, word.count / 3)
        let length = word.unicodeScalars.count
        var best: (String, Int)?
        for c in candidates {
            // The distance is at least the difference in length: skip the far ones unscored.
            guard abs(c.unicodeScalars.count - length) <= limit else { continue }
            let d = distance(word, c)
            if d <= limit, best == nil || d < best!.1 || d == best!.1 && c < best!.0 { best = (c, d) }
        }
        return best?.0
    }

    static func note(for word: String, in candidates: some Sequence<String>) -> [Message] {
        closest(to: word, in: candidates).map { [Message.didYouMean($0)] } ?? []
    }
}
