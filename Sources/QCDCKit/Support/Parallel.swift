import Dispatch
import Synchronization

/// Work spread over up to `workers` threads, with results in the input's order: the same
/// result as on one thread.
enum Parallel {
    /// `transform` of each element (with its index), computed on up to `workers` threads.
    static func map<T: Sendable, U: Sendable>(_ items: [T], workers: Int, _ transform: @Sendable (T, Int) -> U) -> [U] {
        map(items, contexts: [Void](repeating: (), count: max(1, workers))) { item, i, _ in transform(item, i) }
    }

    /// `transform` of each element (with its index), computed on one thread per context (at
    /// least one), each thread taking the next element as it finishes one and handing
    /// `transform` its own context.
    static func map<T: Sendable, U: Sendable, C: Sendable>(_ items: [T], contexts: [C], _ transform: @Sendable (T, Int, C) -> U) -> [U] {
        precondition(!contexts.isEmpty, "Parallel.map needs a context per worker")
        guard contexts.count > 1, items.count > 1 else { return items.enumerated().map { transform($1, $0, contexts[0]) } }
        let next = Atomic<Int>(0)
        // Each element written in place, once, by the thread that made it: an array of optionals
        // copied into the result was a copy (and a release) of every element on this thread.
        return [U](unsafeUninitializedCapacity: items.count) { buffer, initialized in
            nonisolated(unsafe) let target = buffer
            DispatchQueue.concurrentPerform(iterations: min(contexts.count, items.count)) { w in
                while true {
                    let i = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard i < items.count else { return }
                    (target.baseAddress! + i).initialize(to: transform(items[i], i, contexts[w]))
                }
            }
            initialized = items.count
        }
    }

    /// Empties `items`, its elements freed on up to `workers` threads.
    static func clear<T: Sendable>(_ items: inout [T?], workers: Int) {
        if workers > 1, items.count > 1 {
            items.withUnsafeMutableBufferPointer { buffer in
                nonisolated(unsafe) let target = buffer
                DispatchQueue.concurrentPerform(iterations: buffer.count) { i in target[i] = nil }
            }
        }
        items.removeAll(keepingCapacity: true)
    }
}
