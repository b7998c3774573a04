import RedressCalendar

/// What happened to a case, as the event log records it. Due dates are never stored as state to
/// be kept up to date: they are derived by replaying these events against the pack's clocks and
/// the calendar (`CaseState.replay`), so the same log always gives the same dates.
public struct CaseEvent: Hashable, Sendable {
    public enum Kind: String, CaseIterable, Sendable {
        case received, logged, acknowledged, contact, met, extended, responded, escalated, closed, withdrawn, excluded
        /// A later stage sent the complaint back to an earlier one to review its decision.
        case referredBack = "referred_back"
        /// A request to escalate was declined on one of the pack's grounds; the case closes.
        case escalationDeclined = "escalation_declined"
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
    /// (a service request, enquiry or compliment: no stage, no clocks). For `escalated` and
    /// `referred_back`: the stage entered (informative; replay takes it from the pack).
    public let stage: String?
    /// A date the event sets: for `referred_back`, the response date agreed with the customer;
    /// for `met` of a clock that gives notice, the date the notice gives (a meeting's).
    public let appointed: LocalDate?
    /// For `closed`: the pack's closing outcome, if any. For `escalation_declined`: the pack's
    /// ground for declining.
    public let outcome: String?

    public init(_ kind: Kind, on: LocalDate, stage: String? = nil, clock: String? = nil,
                extensionBy: Duration? = nil, agreed: Bool = false, reason: String? = nil,
                appointed: LocalDate? = nil, outcome: String? = nil) {
        self.kind = kind
        self.on = on
        self.stage = stage
        self.clock = clock
        self.extensionBy = extensionBy
        self.agreed = agreed
        self.reason = reason
        self.appointed = appointed
        self.outcome = outcome
    }

    /// The same event, naming the stage it entered.
    func entering(_ stage: String?) -> CaseEvent {
        CaseEvent(kind, on: on, stage: stage, clock: clock, extensionBy: extensionBy, agreed: agreed, reason: reason,
                  appointed: appointed, outcome: outcome)
    }
}

/// A running or finished clock of a case.
public struct ClockState: Hashable, Sendable {
    public let stage: String
    /// Which time the case was in the stage when the clock started: 1 the first time, 2 when a
    /// complaint referred back (or escalated again after that) enters it a second time.
    public let round: Int
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
    /// How many times the case has entered each stage: the current round of a stage.
    public private(set) var rounds: [String: Int] = [:]
    /// True while the current stage is reviewing its decision after a later stage referred the
    /// complaint back.
    public private(set) var referred = false

    public init() {}

    /// Replays `events` in order. Throws at the first event the lifecycle refuses.
    public static func replay(_ events: [CaseEvent], pack: PolicyPack, calendar: WorkingDayCalendar) throws(LifecycleError) -> CaseState {
        var state = CaseState()
        for event in events {
            try state.apply(event, pack: pack, calendar: calendar)
        }
        return state
    }

    /// The clock `name` of the current stage (or of `stage`), in that stage's latest round.
    public func clock(_ name: String, stage: String? = nil) -> ClockState? {
        index(of: name, stage: stage).map { clocks[$0] }
    }

    /// The current round of `stage`.
    public func round(of stage: String) -> Int { rounds[stage] ?? 1 }

    private func index(of name: String, stage: String? = nil) -> Int? {
        guard let stage = stage ?? self.stage else { return nil }
        let round = round(of: stage)
        return clocks.firstIndex { $0.name == name && $0.stage == stage && $0.round == round }
    }

    /// Enters `stage` (another round of it when the case was in it before).
    private mutating func enter(_ name: String) {
        stage = name
        rounds[name, default: 0] += 1
        anchors = [:]
        responded = false
        referred = false
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
                enter(name)
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
                guard let index = index(of: name) else {
                    throw refuse("\(stage.map { "stage \($0)" } ?? "the case") has no running clock '\(name)'")
                }
                if clocks[index].rule.notice != nil {
                    throw refuse("clock \(name) gives notice of a date: record it with c:meet{ clock = \"\(name)\", date = }")
                }
                try meet(name, on: event.on, event: event)
            }
        case .met:
            // A duty no other event records (a visit held, a compliment filed): the event names
            // the clock. The clocks other events meet are met by those events only.
            guard let name = event.clock else { throw refuse("name the clock that was met") }
            let own = ["acknowledge": "acknowledged", "respond": "responded", "escalation_window": "escalated"]
            if let owner = own[name] { throw refuse("clock \(name) is met by the \(owner) event, not by naming it") }
            guard let index = index(of: name) else {
                throw refuse("\(stage.map { "stage \($0)" } ?? "the case") has no running clock '\(name)'")
            }
            if let notice = clocks[index].rule.notice {
                if let appointed = event.appointed {
                    let earliest: LocalDate
                    do { earliest = try notice.due(from: event.on, calendar: calendar) } catch { throw refuse("clock \(name): \(error)") }
                    guard appointed >= earliest else {
                        throw refuse("date: \(appointed) gives less than \(notice)' notice from \(event.on); clock \(name) needs a date on or after \(earliest)")
                    }
                } else if (event.reason ?? "").isEmpty {
                    throw refuse("clock \(name) gives \(notice)' notice of a date: give the date (date =), or the reason no date is given (reason =)")
                }
            } else if event.appointed != nil {
                throw refuse("clock \(name) gives no notice of a date, so it takes no date (date =)")
            }
            try meet(name, on: event.on, event: event)
        case .extended:
            try extend(event, calendar: calendar)
        case .responded:
            guard !responded else { throw refuse("stage \(stageName) has already been answered") }
            let respondRule = stage.flatMap { pack.stage($0) }?.clocks.first { $0.name == "respond" }
            if respondRule?.anchor == .acknowledged, anchors[.acknowledged] == nil, !referred {
                throw refuse("stage \(stageName) must be acknowledged before it is answered")
            }
            // An answer whose clock never started could never have been late: no clock may
            // vanish that way. The stage's respond clock waits for its anchor event first.
            if let respondRule, index(of: "respond") == nil, anchors[respondRule.anchor] == nil {
                let anchor = respondRule.anchor
                throw refuse("stage \(stageName)'s respond clock has not started: it runs from \(anchor.rawValue.replacingUnderscores()), which has not been recorded (record it first\(anchor.method.map { " with c:\($0)" } ?? ""))")
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
            enter(pack.stages[index + 1].name)
            try anchor(.escalated, on: event.on, pack: pack, calendar: calendar, event: event)
            try anchor(.received, on: event.on, pack: pack, calendar: calendar, event: event)
        case .referredBack:
            try referBack(event, pack: pack, calendar: calendar)
        case .escalationDeclined:
            guard let current = stage, !pack.tracks.contains(where: { $0.name == current }) else {
                throw refuse("the case is not a complaint: it has no stage to escalate from")
            }
            guard let index = pack.stages.firstIndex(where: { $0.name == current }), index + 1 < pack.stages.count else {
                throw refuse("stage \(current) is the pack's last stage: there is no request to escalate to decline")
            }
            let next = pack.stages[index + 1]
            guard let decline = next.decline else {
                throw refuse("the pack gives no grounds for declining a request to escalate to stage \(next.name)")
            }
            guard let ground = event.outcome else {
                throw refuse("give the ground for declining (ground =: one of \(decline.groundNames))")
            }
            guard decline.grounds[ground] != nil else {
                throw refuse("ground: unknown ground '\(ground)' (stage \(next.name)'s grounds: \(decline.groundNames))")
            }
            guard responded else { throw refuse("stage \(current) has not been answered yet, so there is no request to escalate to decline") }
            // The request came within the window (or late, as the window allows): it is answered.
            try meet("escalation_window", on: event.on, event: event)
            status = .closed
        case .closed:
            if let outcome = event.outcome {
                guard !pack.closings.isEmpty else {
                    throw refuse("outcome: the pack names no closing outcomes, so '\(outcome)' is unknown")
                }
                guard pack.closings.contains(where: { $0.name == outcome }) else {
                    throw refuse("outcome: unknown outcome '\(outcome)' (the pack's closing outcomes: \(pack.closings.map(\.name).sorted().joined(separator: ", ")))")
                }
            }
            status = .closed
        case .withdrawn:
            status = .withdrawn
        case .excluded:
            status = .excluded
        }
    }

    /// A later stage sends the complaint back to an earlier one to review its decision, by a
    /// response date agreed with the customer. The referral is the stage's answer to the
    /// customer, so it meets the stage's running acknowledge and respond clocks; the earlier
    /// stage is entered again (a new round of its clocks), with a `respond` clock due on the
    /// agreed date, moved only with the customer's agreement.
    private mutating func referBack(_ event: CaseEvent, pack: PolicyPack, calendar: WorkingDayCalendar) throws(LifecycleError) {
        func refuse(_ message: String) -> LifecycleError { LifecycleError(event: event.kind, on: event.on, message: message) }
        guard let current = stage, let rule = pack.stages.first(where: { $0.name == current })?.referBack else {
            throw refuse("the pack does not let stage \(stage ?? "(none)") refer a complaint back (no refer_back on the stage)")
        }
        guard !responded else { throw refuse("stage \(current) has already been answered, so it can no longer refer the complaint back") }
        guard let agreed = event.appointed else {
            throw refuse("respond_by: give the response date agreed with the customer")
        }
        guard agreed >= event.on else {
            throw refuse("respond_by: the agreed response date \(agreed) is before the referral")
        }
        for name in ["acknowledge", "respond"] {
            if let index = index(of: name), clocks[index].met == nil { try meet(name, on: event.on, event: event) }
        }
        enter(rule.to)
        referred = true
        let respond = ClockRule(name: "respond", duration: Duration(agreed.dayNumber - event.on.dayNumber, .days), anchor: .referred,
                                extensionRule: ExtensionRule(cap: Duration(0, .days), beyondCapWithAgreement: true, clause: rule.clause),
                                clause: rule.clause)
        clocks.append(ClockState(stage: rule.to, round: round(of: rule.to), rule: respond, anchorDate: event.on, due: agreed, dueNow: agreed))
        try anchor(.referred, on: event.on, pack: pack, calendar: calendar, event: event)
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
            clocks.append(ClockState(stage: stage, round: round(of: stage), rule: clockRule, anchorDate: date, due: due, dueNow: due))
        }
    }

    /// Marks the current stage's clock `name` met, if the stage has one; a clock met twice is refused.
    private mutating func meet(_ name: String, on date: LocalDate, event: CaseEvent) throws(LifecycleError) {
        guard let index = index(of: name) else { return }
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
        guard by.amount <= Duration.maximum(by.unit) else {
            throw refuse("an extension of \(by) is longer than \(Duration.maximum(by.unit)) \(by.unit.rawValue.replacingUnderscores()) (about ten years)")
        }
        guard event.reason?.isEmpty == false else { throw refuse("an extension needs a reason") }
        guard let index = index(of: name) else {
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
                    if cap.amount == 0 {
                        throw refuse("clock \(name) may be moved only with the customer's agreement (agreed = true)")
                    }
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
