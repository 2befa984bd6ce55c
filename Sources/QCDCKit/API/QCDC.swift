/// Facts about the tool itself.
public enum QCDC {
    /// The tool version, printed in outputs (see CHANGELOG.md).
    public static let version = "0.1.0"
    /// The version of the JSON output contract (docs/output-json.md).
    public static let jsonSchemaVersion = 2
}
