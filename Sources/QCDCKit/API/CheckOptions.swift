import Foundation

/// What a check run is asked to do: the flags of `qcdc check` as a value.
public struct CheckOptions: Sendable {
    /// Rule-set files or directories; empty for the built-in national set.
    public var rules: [String] = []
    /// A waiver file (validated before any report is read).
    public var waivers: String?
    /// A baseline file: findings recorded there do not gate.
    public var baseline: String?
    /// The gating policy.
    public var gate = Gate()
    /// Input warnings are errors.
    public var strict = false
    /// Check provinces, districts and communes against the official register of administrative
    /// units (``Register``); off for test data with made-up codes (`--no-register`).
    public var checksRegister = true
    /// `--expect`: the units a report is expected from (``Expectation``); empty for none.
    public var expect: [String] = []
    /// Which files found in directories are reports (`include`, `exclude`).
    public var selection = FileSelection()
    /// The language of messages.
    public var language: Language = .vi
    /// The date waivers expire against; nil for today in Việt Nam.
    public var today: Day?
    /// Bounds on every input.
    public var limits: LoadLimits = .default
    /// Record every finding for a new baseline (``CheckRun/findingsRecord``); off, the run
    /// keeps nothing per finding.
    public var recordFindings = false
    /// Keep each outcome's facts (``ReportOutcome/facts``) for the caller, as roll-ups need them;
    /// off when nothing reads them (`qcdc check`), so that a run holds less and frees each
    /// report's facts on the thread that read it.
    public var keepsFacts = true
    /// Reports checked at once (threads); the output is the same for any number.
    public var workers = Checker.defaultWorkers

    public init() {}

    /// Today's date in Việt Nam (UTC+7), the default for waiver expiry.
    public static func currentDay() -> Day {
        let c = Calendar(identifier: .gregorian).dateComponents(in: TimeZone(identifier: "Asia/Ho_Chi_Minh")!, from: Date())
        return Day(year: c.year!, month: c.month!, day: c.day!)!
    }
}
