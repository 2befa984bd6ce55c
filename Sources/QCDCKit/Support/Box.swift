/// A value held by reference, set once: for a rarely present part of a value that is copied
/// often (a result's waiver, a node's tag), so that the value itself stays small.
final class Box<Value: Sendable>: Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
