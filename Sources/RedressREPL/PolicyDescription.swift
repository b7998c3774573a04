import RedressCore

/// A policy pack's declarations in a few lines, for `.policy`: its name and title, where it
/// came from and its hash, its calendar, and each stage's clocks (and its limits on the wait for
/// the events they run from).
///
///     hos-code: Housing Ombudsman Complaint Handling Code 2024
///       file      Scripts/policies/hos-code.lua (hash 3f2a...)
///       calendar  england-and-wales
///       stage 1   acknowledge 5 working days from received; respond 10 working days from acknowledged (extension up to 10 working days)
struct PolicyDescription {
    let pack: PolicyPack
    let path: String

    var text: String {
        var lines = ["\(pack.name): \(pack.title)", "  file      \(path) (hash \(pack.hash))"]
        let closures = pack.closures.map { "\($0.date)" }
        lines.append("  calendar  \(pack.region)" + (closures.isEmpty ? "" : "; closed \(closures.joined(separator: ", "))"))
        if let window = pack.acceptanceWindow { lines.append("  accepts   complaints within \(window) of the problem") }
        for stage in pack.stages {
            let clocks = stage.clocks.sorted { $0.name < $1.name }.map(PolicyDescription.describe)
                + stage.anchorLimits.map(PolicyDescription.describe)
            lines.append("  " + "stage \(stage.name)".padding(to: 10) + (clocks.isEmpty ? "no clocks" : clocks.joined(separator: "; ")))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A limit on the wait for an event: `logged owed within 5 working days from received`.
    static func describe(_ limit: AnchorLimit) -> String {
        "\(limit.anchor.rawValue) owed within \(limit.rule)"
    }

    static func describe(_ clock: ClockRule) -> String {
        var text = "\(clock.name) \(clock.duration) from \(clock.anchor.rawValue)"
        if let rule = clock.extensionRule {
            text += " (extension " + (rule.cap.map { "up to \($0)" } ?? "without a limit")
                + (rule.beyondCapWithAgreement ? ", more with the customer's agreement)" : ")")
        }
        return text
    }
}
