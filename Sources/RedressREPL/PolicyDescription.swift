import RedressCore

/// A policy pack's declarations in a few lines, for `.policy`: its name and title, where it
/// came from and its hash, its calendar, each stage's and kind's clocks (and its limits on the
/// wait for the events they run from), the window to accept a remedy offer, and the intake facts
/// its triage reads.
///
///     hos-code: Housing Ombudsman Complaint Handling Code 2024
///       file      Scripts/policies/hos-code.lua (hash 3f2a...)
///       calendar  england-and-wales
///       stage 1   acknowledge 5 working days from received; respond 10 working days from acknowledged (extension up to 10 working days)
///       facts     compliment (boolean): praise for the landlord's service, not a complaint [Code 1.2]
///                 enquiry (boolean): a request for information, not an expression of dissatisfaction [Code 1.2]
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
        for track in pack.tracks {
            let clocks = track.clocks.sorted { $0.name < $1.name }.map(PolicyDescription.describe) + track.anchorLimits.map(PolicyDescription.describe)
            lines.append("  " + "kind".padding(to: 10) + "\(track.name): " + (clocks.isEmpty ? "no clocks" : clocks.joined(separator: "; ")))
        }
        if let window = pack.remedyAcceptance.window {
            let late = switch pack.remedyAcceptance.late {
            case .recorded: "recorded as late"
            case .refused: "refused"
            case .needsReason: "taken only with the reason"
            }
            lines.append("  " + "remedies".padding(to: 10) + "an offer is accepted within \(window) of the decision (c.remedy.accept_by); after it, \(late)")
        }
        lines += PolicyDescription.describe(facts: pack.facts).enumerated().map { index, line in
            "  " + (index == 0 ? "facts" : "").padding(to: 10) + line
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line a fact: `asb (boolean): a report of nuisance or antisocial behaviour (ASB) [Exclusions]`;
    /// `none declared` for a pack that declares none.
    static func describe(facts: [FactDeclaration]) -> [String] {
        guard !facts.isEmpty else { return ["none declared: an intake takes only the standard fields"] }
        return facts.map { "\($0.name) (\($0.kind)): \($0.meaning)" + ($0.clause.map { " [\($0)]" } ?? "") }
    }

    /// A limit on the wait for an event: `logged owed within 5 working days from received`.
    static func describe(_ limit: AnchorLimit) -> String {
        "\(limit.anchor.rawValue) owed within \(limit.rule)"
    }

    static func describe(_ clock: ClockRule) -> String {
        var text = "\(clock.name) \(clock.duration) from \(clock.anchor.rawValue)"
        if let means = clock.means { text += " (\(means))" }
        if let rule = clock.extensionRule {
            text += " (extension " + (rule.cap.map { "up to \($0)" } ?? "without a limit")
                + (rule.beyondCapWithAgreement ? ", more with the customer's agreement)" : ")")
        }
        return text
    }
}
