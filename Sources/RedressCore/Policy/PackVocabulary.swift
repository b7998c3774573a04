/// The names that mean the same thing in every pack: the shared clock names (the host meets
/// `acknowledge`, `respond` and `escalation_window` by their names), the anchors a clock runs
/// from, and the windows that are not a stage's clock. A pack names a clock with a shared name
/// when it is that duty; a clock of its own says what it means (`means = "..."`), and
/// `redress check` warns of one that does not.
public enum PackVocabulary {
    /// A shared name: what it means, and what records it.
    public struct Term: Hashable, Sendable {
        public let name: String
        public let meaning: String
        /// The call or event that meets the clock, or where the window shows.
        public let recordedBy: String
    }

    /// The shared clock names, each the same duty in every pack that has it (a stage's clocks,
    /// and a kind's track's: WDH's stage 1 `contact` and its service requests' `contact` are
    /// both the landlord's first contact with the customer, each in its own stage).
    public static let clocks: [Term] = [
        Term(name: "acknowledge", meaning: "the landlord acknowledges the complaint, or the request to escalate it",
             recordedBy: "c:acknowledge{ on = } (the acknowledged event)"),
        Term(name: "allocate", meaning: "the case is allocated to the officer who handles it",
             recordedBy: "c:assign{ officer =, on = }, with met_by = \"assignment\" on the clock"),
        Term(name: "contact", meaning: "the landlord contacts the customer about the case (a call, a visit, a message)",
             recordedBy: "a logged contact, c:log{ ..., meets = \"contact\" }"),
        Term(name: ClockRule.escalationWindow,
             meaning: "the customer's window to ask for the next stage (a stage 2, a review, a panel): it expires rather than falls overdue",
             recordedBy: "c:escalate{ on = } (or c:decline_escalation{ on =, ground = })"),
        Term(name: "respond", meaning: "the stage's answer: its decision letter (a track's reply)",
             recordedBy: "c:respond{ on =, outcome = } (the responded event)"),
    ]

    public static let clockNames: Set<String> = Set(clocks.map(\.name))

    /// The windows a pack declares outside its stages' clocks, by the pack key that sets them.
    public static let windows: [Term] = [
        Term(name: "acceptance",
             meaning: "how long after the problem (or the customer learning of it) a complaint is accepted: the time bar",
             recordedBy: "the lifecycle at intake: c.intake_window, c:retriage()"),
        Term(name: "remedy_acceptance",
             meaning: "the customer's time to accept a remedy offer that gives no date of its own, from the decision",
             recordedBy: "the offer's c.remedy.accept_by; past it, c.remedy.state is lapsed (the remedy-offers job lists them)"),
    ]

    /// The shared clock called `name`.
    public static func clock(_ name: String) -> Term? {
        clocks.first { $0.name == name }
    }

    /// What `clock` measures: the pack's own words (`means`), else the shared name's meaning.
    public static func meaning(of clock: ClockRule) -> String? {
        clock.means ?? self.clock(clock.name)?.meaning
    }

    /// `redress check`'s warnings on `pack`'s names: each clock (of a stage or a kind's track)
    /// that has no shared name and does not say what it means, with the shared name it may be
    /// a slip for. Its path as the loader names it: `stages[2].clocks.notify`.
    public static func warnings(for pack: PolicyPack) -> [String] {
        var found: [String] = []
        let shared = clocks.map(\.name).joined(separator: ", ")
        func check(_ stage: StageRule, at path: String) {
            for clock in stage.clocks.sorted(by: { $0.name < $1.name }) where !clockNames.contains(clock.name) && clock.means == nil {
                var text = "\(path).clocks.\(clock.name): '\(clock.name)' is not a shared clock name (\(shared)), "
                    + "and the pack does not say what it means: add means = \"what the clock measures\" beside it"
                for near in Suggestion.closest(to: clock.name, in: clocks.map(\.name)) {
                    let term = self.clock(near)!
                    text += "; if it is the shared '\(near)' (\(term.meaning), met by \(term.recordedBy)), name it so"
                }
                found.append(text)
            }
        }
        for (index, stage) in pack.stages.enumerated() { check(stage, at: "stages[\(index + 1)]") }
        for track in pack.tracks { check(track, at: "kinds.\(track.name)") }
        return found
    }
}

extension Anchor {
    /// What the event is, the same in every pack.
    public var meaning: String {
        switch self {
        case .received: "the complaint (or the request to escalate it) reached the landlord"
        case .logged: "the landlord logged it (c:logged{ on = })"
        case .acknowledged: "the landlord acknowledged it (c:acknowledge{ on = })"
        case .escalated: "the customer asked for the next stage (c:escalate{ on = })"
        case .decisionSent: "the stage's decision was sent (c:respond{ on = })"
        case .referred: "a later stage referred the complaint back for a review of this stage's decision (c:refer_back{ on =, respond_by = })"
        }
    }
}
