/// What happened to a case, as the event log records it. Due dates are never stored as state to
/// be kept up to date: they are derived by replaying these events against the pack's clocks and
/// the calendar (`CaseState.replay`), so the same log always gives the same dates.
public struct CaseEvent: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case received, logged, acknowledged, contact, met, extended, responded, escalated, closed, withdrawn, excluded
    }

    public let kind: Kind
    /// The day it counts from.
    public let on: LocalDate
    /// For `extended`: the clock, the extension, whether the customer agreed, and why. For
    /// `contact`: the clock it meets, if any. For `met`: the clock whose duty was done, and a note.
    public let clock: String?
    public let extensionBy: Duration?
    public let agreed: Bool
    public let reason: String?
    /// For `received`: the stage triage chose, or nil for a contact that is not a complaint
    /// (a service request, enquiry or compliment: no stage, no clocks). For `escalated`: the
    /// stage entered (informative; replay takes the pack's next stage).
    public let stage: String?

    public init(_ kind: Kind, on: LocalDate, stage: String? = nil, clock: String? = nil,
                extensionBy: Duration? = nil, agreed: Bool = false, reason: String? = nil) {
        self.kind = kind
        self.on = on
        self.stage = stage
        self.clock = clock
        self.extensionBy = extensionBy
        self.agreed = agreed
        self.reason = reason
    }
}

/// A running or finished clock of a case.
public struct ClockState: Hashable, Sendable {
    public let stage: String
    public let rule: ClockRule
    public let anchorDate: LocalDate
    /// As first set.
    public let due: LocalDate
    /// After extensions (equal to `due` when there were none).
    public internal(set) var dueNow: LocalDate
    /// Extensions granted, in the rule's cap unit when they share it.
    public internal(set) var extensions: [Duration] = []
    public internal(set) var met: LocalDate?

    public var name: String { rule.name }
    /// Met after its due date.
    public var metLate: Bool? { met.map { $0 > dueNow } }

    /// Not met and past due on `date`.
    public func isOverdue(on date: LocalDate) -> Bool {
        met == nil && date > dueNow
    }
}

/// A case's status, stage and clocks, derived from its events.
public struct CaseState: Hashable, Sendable {
    public enum Status: String, Sendable { case open, closed, withdrawn, excluded }

    public private(set) var status: Status = .open
    /// When the case was received; nil before its `received` event.
    public private(set) var received: LocalDate?
    /// The current stage; nil for a case that is not a complaint.
    public private(set) var stage: String?
    public private(set) var clocks: [ClockState] = []
    /// When each anchor event last happened in the current stage.
    public private(set) var anchors: [Anchor: LocalDate] = [:]
    /// Whether the current stage's decision has been sent.
    public private(set) var responded = false

    public init() {}

    /// Replays `events` in order. Throws at the first event the lifecycle refuses.
    public static func replay(_ events: [CaseEvent], pack: PolicyPack, calendar: WorkingDayCalendar) throws(LifecycleError) -> CaseState {
        var state = CaseState()
        for event in events {
            try state.apply(event, pack: pack, calendar: calendar)
        }
        return state
    }

    /// The clock `name` of the current stage.
    public func clock(_ name: String, stage: String? = nil) -> ClockState? {
        clocks.first { $0.name == name && $0.stage == (stage ?? self.stage) }
    }

    /// Applies one event, or refuses it (and changes nothing) with a message saying why.
    public mutating func apply(_ event: CaseEvent, pack: PolicyPack, calendar: WorkingDayCalendar) throws(LifecycleError) {
        var next = self
        try next.applying(event, pack: pack, calendar: calendar)
        self = next
    }

    private mutating func applying(_ event: CaseEvent, pack: PolicyPack, calendar: WorkingDayCalendar) throws(LifecycleError) {
        func refuse(_ message: String) -> LifecycleError { LifecycleError(event: event.kind, on: event.on, message: message) }
        let stageName = stage ?? "(none)"
        if event.kind != .received {
            guard let received else { throw refuse("the case has not been received yet") }
            guard event.on >= received else { throw refuse("that is before the case was received (\(received))") }
            guard status == .open || event.kind == .contact else {
                throw refuse("the case is \(status.rawValue)")
            }
        }
        switch event.kind {
        case .received:
            guard received == nil else { throw refuse("the case was already received") }
            if let name = event.stage {
                guard pack.stage(name) != nil else {
                    throw refuse("unknown stage '\(name)' (the pack's stages: \(pack.stages.map(\.name).joined(separator: ", ")))")
                }
                stage = name
            }
            received = event.on
            try anchor(.received, on: event.on, pack: pack, calendar: calendar, event: event)
        case .logged:
            try anchor(.logged, on: event.on, pack: pack, calendar: calendar, event: event)
        case .acknowledged:
            guard anchors[.acknowledged] == nil else { throw refuse("stage \(stageName) was already acknowledged") }
            try meet("acknowledge", on: event.on, event: event)
            try anchor(.acknowledged, on: event.on, pack: pack, calendar: calendar, event: event)
        case .contact:
            // A contact may meet a clock the pack declares for it (e.g. "contact the resident
            // within 2 working days"): the contact names the clock.
            if let name = event.clock {
                guard clocks.contains(where: { $0.name == name && $0.stage == stage }) else {
                    throw refuse("\(stage.map { "stage \($0)" } ?? "the case") has no running clock '\(name)'")
                }
                try meet(name, on: event.on, event: event)
            }
        case .met:
            // A duty no other event records (a visit held, a compliment filed): the event names
            // the clock. The clocks other events meet are met by those events only.
            guard let name = event.clock else { throw refuse("name the clock that was met") }
            let own = ["acknowledge": "acknowledged", "respond": "responded", "escalation_window": "escalated"]
            if let owner = own[name] { throw refuse("clock \(name) is met by the \(owner) event, not by naming it") }
            guard clocks.contains(where: { $0.name == name && $0.stage == stage }) else {
                throw refuse("\(stage.map { "stage \($0)" } ?? "the case") has no running clock '\(name)'")
            }
            try meet(name, on: event.on, event: event)
        case .extended:
            try extend(event, calendar: calendar)
        case .responded:
            guard !responded else { throw refuse("stage \(stageName) has already been answered") }
            let respondRule = stage.flatMap { pack.stage($0) }?.clocks.first { $0.name == "respond" }
            if respondRule?.anchor == .acknowledged, anchors[.acknowledged] == nil {
                throw refuse("stage \(stageName) must be acknowledged before it is answered")
            }
            try meet("respond", on: event.on, event: event)
            responded = true
            try anchor(.decisionSent, on: event.on, pack: pack, calendar: calendar, event: event)
        case .escalated:
            guard let current = stage, !pack.tracks.contains(where: { $0.name == current }) else {
                throw refuse("the case is not a complaint: it has no stage to escalate from")
            }
            guard let index = pack.stages.firstIndex(where: { $0.name == current }), index + 1 < pack.stages.count else {
                throw refuse("stage \(current) is the pack's last stage")
            }
            guard responded else { throw refuse("stage \(current) has not been answered yet, so it cannot be escalated") }
            try meet("escalation_window", on: event.on, event: event)
            stage = pack.stages[index + 1].name
            anchors = [:]
            responded = false
            try anchor(.escalated, on: event.on, pack: pack, calendar: calendar, event: event)
            try anchor(.received, on: event.on, pack: pack, calendar: calendar, event: event)
        case .closed:
            status = .closed
        case .withdrawn:
            status = .withdrawn
        case .excluded:
            status = .excluded
        }
    }

    /// Records an anchor event and starts the current stage's clocks that run from it.
    private mutating func anchor(_ anchor: Anchor, on date: LocalDate, pack: PolicyPack,
                                 calendar: WorkingDayCalendar, event: CaseEvent) throws(LifecycleError) {
        anchors[anchor] = date
        guard let stage, let rule = pack.stage(stage) else { return }
        for clockRule in rule.clocks where clockRule.anchor == anchor && clock(clockRule.name) == nil {
            let due: LocalDate
            do {
                due = try clockRule.duration.due(from: date, calendar: calendar)
            } catch {
                throw LifecycleError(event: event.kind, on: event.on, message: "clock \(clockRule.name): \(error)")
            }
            clocks.append(ClockState(stage: stage, rule: clockRule, anchorDate: date, due: due, dueNow: due))
        }
    }

    /// Marks the current stage's clock `name` met, if the stage has one; a clock met twice is refused.
    private mutating func meet(_ name: String, on date: LocalDate, event: CaseEvent) throws(LifecycleError) {
        guard let index = clocks.firstIndex(where: { $0.name == name && $0.stage == stage }) else { return }
        guard clocks[index].met == nil else {
            throw LifecycleError(event: event.kind, on: date, message: "clock \(name) of stage \(stage!) was already met on \(clocks[index].met!)")
        }
        if date > clocks[index].dueNow {
            let rule = clocks[index].rule
            let window = "clock \(name) of stage \(stage!) (\(rule.duration) from \(rule.anchor.rawValue.replacingUnderscores()) \(clocks[index].anchorDate)) ended on \(clocks[index].dueNow)"
            switch rule.late {
            case .recorded: break
            case .refused: throw LifecycleError(event: event.kind, on: date, message: "too late: \(window)")
            case .needsReason:
                if (event.reason ?? "").isEmpty {
                    throw LifecycleError(event: event.kind, on: date, message: "late: \(window); give the reason it is accepted late (reason =)")
                }
            }
        }
        clocks[index].met = date
    }

    private mutating func extend(_ event: CaseEvent, calendar: WorkingDayCalendar) throws(LifecycleError) {
        func refuse(_ message: String) -> LifecycleError { LifecycleError(event: .extended, on: event.on, message: message) }
        guard let name = event.clock else { throw refuse("name the clock to extend") }
        guard let by = event.extensionBy, by.amount > 0 else { throw refuse("an extension needs a length of 1 or more") }
        guard event.reason?.isEmpty == false else { throw refuse("an extension needs a reason") }
        guard let index = clocks.firstIndex(where: { $0.name == name && $0.stage == stage }) else {
            throw refuse("\(stage.map { "stage \($0)" } ?? "the case") has no running clock '\(name)'")
        }
        guard clocks[index].met == nil else { throw refuse("clock \(name) was already met on \(clocks[index].met!)") }
        guard let rule = clocks[index].rule.extensionRule else { throw refuse("the pack allows no extension of clock \(name)") }
        // An uncapped extension may be of any length; a capped one is counted in the cap's unit.
        if let cap = rule.cap {
            guard by.unit == cap.unit else {
                throw refuse("clock \(name) extends in \(cap.unit.rawValue.replacingUnderscores()), not \(by.unit.rawValue.replacingUnderscores())")
            }
            let used = clocks[index].extensions.reduce(0) { $0 + $1.amount }
            if used + by.amount > cap.amount {
                guard rule.beyondCapWithAgreement else {
                    throw refuse("clock \(name) may be extended by \(cap) at most (\(used) used)")
                }
                guard event.agreed else {
                    throw refuse("extending clock \(name) past \(cap) (\(used) used) needs the customer's agreement")
                }
            }
        }
        do {
            clocks[index].dueNow = try by.due(from: clocks[index].dueNow, calendar: calendar)
        } catch {
            throw refuse("\(error)")
        }
        clocks[index].extensions.append(by)
    }
}

/// An event the lifecycle refuses, and why.
public struct LifecycleError: Error, Equatable, Sendable, CustomStringConvertible {
    public let event: CaseEvent.Kind
    public let on: LocalDate
    public let message: String

    public var description: String { "cannot record \(event.rawValue) on \(on): \(message)" }
}
