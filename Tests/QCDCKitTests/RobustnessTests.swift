import Foundation
import Testing
@testable import QCDCKit

/// Deterministic mutations of the example reports: whatever the bytes, loading,
/// validation and evaluation finish with diagnostics or results, never a crash.
@Suite("Robustness on mutated input")
struct RobustnessTests {
    struct LCG {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
    }

    static let seeds: [String] = ["commune-noncompliant-2026.yaml", "enterprise-2025.json", "agency-2025.yaml"]

    @Test(arguments: seeds)
    func mutatedReportsNeverCrash(_ name: String) throws {
        let original = try [UInt8](Data(contentsOf: packageRoot.appendingPathComponent("examples/\(name)")))
        var rng = LCG(state: UInt64(name.utf8.count))
        let checker = Checker(ruleSet: builtin, language: .vi)
        let alphabet = Array("{}[]:,-#&*!|>'\"\\ \n\t%0123456789.eaz".utf8) + [0xC3, 0xA0, 0xFF, 0x00]
        var outcomes = 0
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<(1 + Int(rng.next() % 4)) {
                let i = Int(rng.next() % UInt64(max(bytes.count, 1)))
                switch rng.next() % 3 {
                case 0: bytes[i] = alphabet[Int(rng.next() % UInt64(alphabet.count))]
                case 1: bytes.insert(alphabet[Int(rng.next() % UInt64(alphabet.count))], at: i)
                default: bytes.remove(at: i)
                }
            }
            let o = checker.check(bytes: bytes, file: name)
            // Either evaluated (one result per enabled rule) or invalid with located errors.
            #expect(o.isInvalid ? o.results.isEmpty && o.diagnostics.allSatisfy({ $0.location.line >= 1 && $0.location.column >= 1 })
                                : o.results.count == builtin.rules.count)
            outcomes += 1
        }
        #expect(outcomes == 300)
    }
}
