import Foundation

/// External programs some tests use to check qcdc's outputs independently (a browser, schema
/// validators, XML and spreadsheet readers).
///
/// When one is absent, its tests are skipped with a visible reason on a developer's machine,
/// and fail when `CI` is set (`CI=true`), so CI can never pass by skipping them.
/// `scripts/test.sh` installs them (Debian packages and a Python virtual environment under
/// `.build/`) before running `swift test`.
public enum ExternalTools {
    /// True when running under CI (`CI` set to anything but `false`/`0`/empty).
    public static let inCI: Bool = {
        let v = ProcessInfo.processInfo.environment["CI"] ?? ""
        return !(v.isEmpty || v == "0" || v.lowercased() == "false")
    }()

    /// A headless-capable Chromium, if one is installed.
    public static let chromium: String? = {
        let env = ProcessInfo.processInfo.environment["QCDC_CHROMIUM"].map { [$0] } ?? []
        return (env + ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"])
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// LibreOffice (Debian package libreoffice-calc-nogui), for converting and re-saving workbooks.
    public static let libreOffice: String? = {
        let env = ProcessInfo.processInfo.environment["QCDC_SOFFICE"].map { [$0] } ?? []
        return (env + ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"])
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()

    /// A Python 3 that can import every module in `modules`: `QCDC_PYTHON`, then the virtual
    /// environment `scripts/test.sh` makes (`.build/venv`), then `python3` on PATH.
    public static func python(with modules: [String]) -> String? {
        var candidates: [String] = []
        if let p = ProcessInfo.processInfo.environment["QCDC_PYTHON"] { candidates.append(p) }
        candidates.append(packageRoot.appendingPathComponent(".build/venv/bin/python3").path)
        for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            candidates.append("\(dir)/python3")
        }
        for c in candidates where FileManager.default.isExecutableFile(atPath: c) {
            let check = "import " + modules.joined(separator: ", ")
            if let r = try? runProcess(URL(fileURLWithPath: c), ["-c", check], timeout: 60), r.status == 0 { return c }
        }
        return nil
    }

    /// Whether a test needing a tool should run: the tool is there, or CI must fail without it.
    public static func shouldRun(_ available: Bool) -> Bool { available || inCI }

    /// The reason shown when such a test is skipped.
    public static func skipReason(_ what: String) -> String {
        "skipped: \(what) not found; scripts/test.sh installs it (and CI=true makes its absence a failure)"
    }
}
