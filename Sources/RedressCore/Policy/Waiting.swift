import RedressCalendar

/// How long a stage allows for an event its clocks run from to happen, as the landlord's policy
/// says: `duration` counted from `from`, the event that starts the stage's round. Declared in a
/// pack beside the clause it implements (WDH: "On receiving a Stage 1 complaint form, they will
/// log and acknowledge the complaint ... within five working days"):
///
///     anchors = { logged = { working_days = 5, from = "received", clause = "Customer Relations team" } }
public struct AnchorLimit: Hashable, Sendable {
    /// The event that is owed: one that happens within a stage's round (`Anchor.startsRound` is false).
    public let anchor: Anchor
    public let duration: Duration
    /// The event it counts from: one that starts the stage's round.
    public let from: Anchor
    public let clause: String?

    public init(anchor: Anchor, duration: Duration, from: Anchor, clause: String? = nil) {
        self.anchor = anchor
        self.duration = duration
        self.from = from
        self.clause = clause
    }

    /// `5 working days from received`.
    public var rule: String { "\(duration) from \(from.rawValue)" }
}

extension Anchor {
    /// True for the events that start a stage's round: the complaint received (at intake, and
    /// again when an escalation request is received), the escalation, and a referral back. A
    /// clock that runs from one of them starts with the round or never does in it (a round
    /// entered by a referral has no `received`): it does not wait. A clock from any other event
    /// waits for it.
    public var startsRound: Bool {
        switch self {
        case .received, .escalated, .referred: true
        case .logged, .acknowledged, .decisionSent: false
        }
    }

    /// The events a clock can wait for, by name.
    public static var awaitable: [Anchor] { allCases.filter { !$0.startsRound } }

    /// Whether a clock from this event waits for it in a round entered by a referral back: only
    /// the decision does. The referral stands for the stage's logging and acknowledgement (the
    /// lifecycle gives the round its `respond` clock, due on the date agreed with the customer,
    /// and takes the answer without them), so nothing is owed from those events.
    public var awaitedAfterReferral: Bool { self == .decisionSent }

    /// The clock of a stage that this event meets, as the lifecycle records it: `acknowledged`
    /// meets `acknowledge`, the decision sent (`responded`) meets `respond`. That clock says
    /// when the event is owed.
    public var meets: String? {
        switch self {
        case .acknowledged: "acknowledge"
        case .decisionSent: "respond"
        default: nil
        }
    }
}

/// A clock of an open case's current stage round that has not started, because the event it runs
/// from has not happened: it is shown waiting for that event rather than missing.
public struct WaitingClock: Hashable, Sendable {
    /// What says when the awaited event is owed.
    public enum Limit: Hashable, Sendable {
        /// The event meets this clock of the stage, which says when it is owed (the clock runs,
        /// and is listed with the deadlines, or waits for its own event in turn).
        case clock(String)
        /// The pack's limit for the event: owed by `due`.
        case declared(AnchorLimit, due: LocalDate)
        /// The pack's limit counts from an event this round did not begin with (a round entered
        /// by a referral has no `received`), so it sets no date here.
        case notCounted(AnchorLimit, began: [Anchor])
        /// The pack sets no limit for the event in this stage.
        case none
    }

    public let clock: String
    /// The event it waits for.
    public let anchor: Anchor
    /// When the wait began: the day the case entered the stage's current round.
    public let since: LocalDate
    public let limit: Limit

    public init(clock: String, anchor: Anchor, since: LocalDate, limit: Limit) {
        self.clock = clock
        self.anchor = anchor
        self.since = since
        self.limit = limit
    }
}

extension StageRule {
    /// The clocks that wait for an event when they have not started: those from an event within
    /// the round (in a round entered by a referral, from the decision only); with `anchor`, only
    /// those from it.
    public func awaitingClocks(for anchor: Anchor? = nil, referred: Bool = false) -> [ClockRule] {
        clocks.filter {
            !$0.anchor.startsRound && (!referred || $0.anchor.awaitedAfterReferral) && (anchor == nil || $0.anchor == anchor)
        }
    }

    /// The pack's limit for `anchor` in this stage, if it declares one.
    public func limit(for anchor: Anchor) -> AnchorLimit? {
        anchorLimits.first { $0.anchor == anchor }
    }

    /// The clocks of this stage waiting in a round that began on `entered` with the events
    /// `began` (intake: received; an escalation: escalated and received; a referral: referred),
    /// where `started` names the clocks that have started in the round. In name order.
    public func waiting(started: Set<String>, entered: LocalDate, began: [Anchor],
                        calendar: WorkingDayCalendar) throws(CalendarError) -> [WaitingClock] {
        var list: [WaitingClock] = []
        let referred = began.contains(.referred)
        for rule in awaitingClocks(referred: referred).sorted(by: { $0.name < $1.name }) where !started.contains(rule.name) {
            list.append(WaitingClock(clock: rule.name, anchor: rule.anchor, since: entered,
                                     limit: try limit(rule.anchor, started: started, entered: entered, began: began, calendar: calendar)))
        }
        return list
    }

    private func limit(_ anchor: Anchor, started: Set<String>, entered: LocalDate, began: [Anchor],
                       calendar: WorkingDayCalendar) throws(CalendarError) -> WaitingClock.Limit {
        // The clock the event meets bounds the wait when it applies to this round: it has
        // started, or it waits for its own event (and is listed in turn).
        if let name = anchor.meets, let owner = clocks.first(where: { $0.name == name }),
           started.contains(name) || !owner.anchor.startsRound {
            return .clock(name)
        }
        guard let declared = limit(for: anchor) else { return .none }
        guard began.contains(declared.from) else { return .notCounted(declared, began: began) }
        return .declared(declared, due: try declared.duration.due(from: entered, calendar: calendar))
    }
}
