import Foundation
import Testing

/// A copy of Halton's pack with two bugs put in, as a pack author might make them: its triage
/// calls `date()` on a fact a damp complaint does not give, and its remedy reads a field of the
/// findings that is not there; and a scenario of a damp complaint. The lines of the two bugs
/// are found in the file as written. (redressTests has the same helper.)
struct BrokenPack {
    static let scripts = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Scripts").path

    static let triageBug = "    if intake.category == \"damp\" then local since = date(intake.damp_since) end\n"
    /// The fact the triage bug reads, declared (a bug of the hook's code, not an undeclared fact).
    static let fact = "    damp_since = { type = \"date\", meaning = \"when the damp began\", clause = \"test\" },\n"
    static let remedyBug = "    local late = findings.delay.days\n"
    static let scenario = "    { name = \"a damp complaint\", intake = { received = \"2026-12-01\", channel = \"email\", category = \"damp\", "
        + "dissatisfied = true }, expect = { kind = \"complaint\" } },\n"

    let path: String
    /// The lines of the two bugs (1-based).
    let triageLine: Int
    let remedyLine: Int

    /// Writes `broken.lua` into `folder`.
    init(in folder: URL) throws {
        var text = try String(contentsOfFile: Self.scripts + "/policies/halton.lua", encoding: .utf8)
        for (anchor, inserted) in [("  triage = function(intake)\n", Self.triageBug),
                                   ("  remedy = function(case, findings)\n", Self.remedyBug),
                                   ("  scenarios = {\n", Self.scenario), ("  facts = {\n", Self.fact)] {
            let range = try #require(text.range(of: anchor), "halton.lua no longer has `\(anchor)`")
            text.insert(contentsOf: inserted, at: range.upperBound)
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        triageLine = try #require(lines.firstIndex { $0 + "\n" == Self.triageBug }) + 1
        remedyLine = try #require(lines.firstIndex { $0 + "\n" == Self.remedyBug }) + 1
        path = folder.appendingPathComponent("broken.lua").path
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    /// The pack error of the triage bug on an intake received on `received`.
    func triageError(received: String) -> String {
        "pack error: \(path):\(triageLine): bad argument #1 to 'date' (date expected, got nil) in triage(), "
            + "while triaging an intake received \(received)"
    }

    /// The pack error of the remedy bug while answering `ref`.
    func remedyError(ref: String) -> String {
        "pack error: \(path):\(remedyLine): attempt to index a nil value (field 'delay') in remedy(), while answering \(ref)"
    }
}
