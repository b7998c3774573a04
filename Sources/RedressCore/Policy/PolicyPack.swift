import RedressCalendar

/// The events a clock can start from.
public enum Anchor: String, CaseIterable, Sendable {
    /// The complaint (or escalation request) reached the landlord.
    case received
    /// It was logged.
    case logged
    /// It was acknowledged.
    case acknowledged
    /// The customer asked to escalate.
    case escalated
    /// The stage's decision letter was sent.
    case decisionSent = "decision_sent"
    /// A later stage referred the complaint back to this one for a review of its decision.
    case referred

    public static var validNames: String { allCases.map(\.rawValue).joined(separator: ", ") }

    /// The case method that records the anchor event, for messages that say what to do.
    public var method: String? {
        switch self {
        case .received: nil
        case .logged: "logged{ on = }"
        case .acknowledged: "acknowledge{ on = }"
        case .escalated: "escalate{ on = }"
        case .decisionSent: "respond{ on = }"
        case .referred: "refer_back{ on =, respond_by = }"
        }
    }
}

/// How far a clock may be extended, and whether going past that needs the customer's agreement.
public struct ExtensionRule: Hashable, Sendable {
    /// The most the landlord may extend by on its own decision; nil when the policy sets no
    /// limit (the customer is told the new date).
    public let cap: Duration?
    /// True when an extension beyond the cap needs the customer's agreement; false when it is
    /// not allowed at all.
    public let beyondCapWithAgreement: Bool
    /// The clause of the landlord's policy it implements (`Code 6.4`).
    public let clause: String?

    public init(cap: Duration?, beyondCapWithAgreement: Bool, clause: String? = nil) {
        self.cap = cap
        self.beyondCapWithAgreement = beyondCapWithAgreement
        self.clause = clause
    }
}

/// A stage's clock: `duration` from `anchor`, perhaps extendable.
public struct ClockRule: Hashable, Sendable {
    /// The clock that is the customer's, not the landlord's: the window to ask for the next
    /// stage. It ends (expires) rather than falls overdue, so no overdue list counts it.
    public static let escalationWindow = "escalation_window"

    public let name: String
    public let duration: Duration
    public let anchor: Anchor
    public let extensionRule: ExtensionRule?
    /// What happens to the event that meets the clock after its due date.
    public enum Lateness: String, Hashable, Sendable {
        /// It is recorded, late.
        case recorded
        /// It is refused (a customer's window that closes, such as "ask for a review within
        /// 28 days").
        case refused
        /// It is accepted only with a reason, recorded with it ("requests outside this
        /// timescale will only be considered if there are exceptional circumstances").
        case needsReason = "needs_reason"
    }

    public let late: Lateness
    /// For a clock whose duty is to give notice of a date (Halton: "Any such notification will
    /// give the customer at least 10 working days notice of the date, time and venue of the
    /// meeting"): the least notice. The event that meets the clock names the date, which must
    /// be at least this long after the event (counted as a due date is: the date may be the
    /// notice's due date itself).
    public let notice: Duration?
    /// The clause of the landlord's policy it implements (`Code 6.2`).
    public let clause: String?

    /// True when the event that meets the clock is refused after its due date.
    public var refusesLate: Bool { late == .refused }

    public init(name: String, duration: Duration, anchor: Anchor, extensionRule: ExtensionRule? = nil, late: Lateness = .recorded,
                notice: Duration? = nil, clause: String? = nil) {
        self.name = name
        self.duration = duration
        self.anchor = anchor
        self.extensionRule = extensionRule
        self.late = late
        self.notice = notice
        self.clause = clause
    }
}

/// A stage that may send a complaint back to an earlier stage for a review of that stage's
/// decision, with a response date agreed with the customer (WDH: "they may refer the complaint
/// back to Stage 1, for a review of the decision. The customer will be notified of this and a
/// response timescale will be agreed with them").
public struct ReferBackRule: Hashable, Sendable {
    /// The earlier stage that reviews its decision.
    public let to: String
    public let clause: String?

    public init(to: String, clause: String? = nil) {
        self.to = to
        self.clause = clause
    }
}

/// The grounds on which a request to enter a stage may be declined (WDH 2.15: "We may decline a
/// request to escalate ..."), each by a short name with the policy's own words.
public struct DeclineRule: Hashable, Sendable {
    /// Ground name → the policy's text for it.
    public let grounds: [String: String]
    public let clause: String?

    public init(grounds: [String: String], clause: String? = nil) {
        self.grounds = grounds
        self.clause = clause
    }

    public var groundNames: String { grounds.keys.sorted().joined(separator: ", ") }
}

/// A way a case may be closed that the policy names, recorded with the closing (Halton: "If at
/// any stage the Trust deems its complaints process to have been exhausted, it will refer the
/// customer to the Housing Ombudsman Service using a 'fast track' mechanism").
public struct ClosingOutcome: Hashable, Sendable {
    public let name: String
    /// What it means, in the policy's words (for letters and reports).
    public let text: String?
    public let clause: String?

    public init(name: String, text: String? = nil, clause: String? = nil) {
        self.name = name
        self.text = text
        self.clause = clause
    }
}

/// How a remedy offer is answered: how long the customer has to accept it when the offer sets
/// no date, and what happens to an acceptance after that date.
public struct RemedyAcceptanceRule: Hashable, Sendable {
    /// The acceptance window from the decision, for an offer that gives no `accept_by`; nil: such
    /// an offer has no deadline.
    public var window: Duration?
    /// What happens to an acceptance after the offer's `accept_by`: recorded as late, refused
    /// (the offer lapsed), or accepted only with the reason.
    public var late: ClockRule.Lateness
    public var clause: String?

    public init(window: Duration? = nil, late: ClockRule.Lateness = .recorded, clause: String? = nil) {
        self.window = window
        self.late = late
        self.clause = clause
    }
}

/// A stage of a landlord's process, named as the landlord names it (`1`, `2`, `review`, `board`).
public struct StageRule: Hashable, Sendable {
    public let name: String
    /// Its clocks, by name (a Lua table has no order).
    public let clocks: [ClockRule]
    /// The clause of the landlord's policy that sets the stage up.
    public let clause: String?
    /// Whether (and to which earlier stage) this stage may refer a complaint back.
    public let referBack: ReferBackRule?
    /// The grounds on which a request to enter this stage may be declined, if the policy gives any.
    public let decline: DeclineRule?
    /// How long the stage allows for the events its clocks wait for (`anchors = { logged = ... }`).
    public var anchorLimits: [AnchorLimit] = []

    public init(name: String, clocks: [ClockRule], clause: String? = nil, referBack: ReferBackRule? = nil,
                decline: DeclineRule? = nil) {
        self.name = name
        self.clocks = clocks
        self.clause = clause
        self.referBack = referBack
        self.decline = decline
    }
}

/// What a policy pack declares, as Swift reads it. The hooks (triage, remedy, restrictions) stay
/// in Lua; this is the part the host's lifecycle runs on.
public struct PolicyPack: Hashable, Sendable {
    public let name: String
    public let title: String
    public let region: Region
    public let closures: [Holiday]
    /// How long after the problem (or the customer learning of it) a complaint is accepted, from
    /// which facts, and what lets one outside it in: applied by the lifecycle at intake.
    public var acceptance: AcceptanceRule?
    /// The acceptance window's length.
    public var acceptanceWindow: Duration? { acceptance?.window }
    /// The clause the acceptance window comes from.
    public var acceptanceClause: String? { acceptance?.clause }
    public let stages: [StageRule]
    /// Clocks for contacts that are not complaints, one track per kind (`service_request`,
    /// `enquiry`, `compliment`), named after the kind: such a case runs in its kind's track
    /// instead of having no stage. A track cannot be escalated.
    public let tracks: [StageRule]
    /// How the pack restricts contact for unreasonable behaviour, if it declares that.
    public let restrictions: RestrictionRules?
    /// The content hash of the pack's source (SHA-256): which version of the pack produced a record.
    public let hash: String
    /// The Scripts/ modules the pack requires by name, directly or through another, each with
    /// its file's content hash (`lib.compensation` → hash): bound with the pack, checked with it.
    public var libraries: [String: String] = [:]
    /// Who may see a withheld identity or a confidential outcome, and who may ask to.
    public var confidentiality = Confidentiality()
    /// How many months after a case is closed its personal data is kept; nil: kept.
    public var retentionMonths: Int?
    /// The ways of closing a case the policy names (`c:close{ outcome = }`).
    public var closings: [ClosingOutcome] = []
    /// How remedy offers are answered.
    public var remedyAcceptance = RemedyAcceptanceRule()

    /// The kinds of contact that may have a track.
    public static let trackKinds = NewCase.Kind.allCases.filter { $0 != .complaint }.map(\.rawValue)

    /// Validates what no single field can: at least one stage, stage names unique, clocks
    /// within a stage unique, tracks named after a kind of contact other than a complaint.
    public init(name: String, title: String?, region: Region, closures: [Holiday], acceptanceWindow: Duration?,
                stages: [StageRule], hash: String, acceptanceClause: String? = nil, tracks: [StageRule] = [],
                restrictions: RestrictionRules? = nil) throws(PolicyError) {
        guard !name.isEmpty else { throw PolicyError(field: "name", message: "must not be empty") }
        guard !stages.isEmpty else { throw PolicyError(field: "stages", message: "a pack needs at least one stage") }
        var seen: Set<String> = []
        for (index, stage) in stages.enumerated() {
            guard seen.insert(stage.name).inserted else {
                throw PolicyError(field: "stages[\(index + 1)].name", message: "stage '\(stage.name)' is declared twice")
            }
            let clockNames = stage.clocks.map(\.name)
            if let duplicate = clockNames.first(where: { name in clockNames.filter { $0 == name }.count > 1 }) {
                throw PolicyError(field: "stages[\(index + 1)].clocks", message: "clock '\(duplicate)' is declared twice")
            }
            if let referral = stage.referBack, !stages[..<index].contains(where: { $0.name == referral.to }) {
                throw PolicyError(field: "stages[\(index + 1)].refer_back.to",
                                  message: "'\(referral.to)' is not a stage before stage \(stage.name) (a complaint is referred back to an earlier stage)")
            }
            if stage.decline != nil && index == 0 {
                throw PolicyError(field: "stages[1].decline", message: "the first stage is not entered by a request to escalate, so none can be declined")
            }
        }
        for track in tracks {
            guard Self.trackKinds.contains(track.name) else {
                throw PolicyError(field: "kinds.\(track.name)",
                                  message: "unknown kind (expected one of: \(Self.trackKinds.joined(separator: ", ")))")
            }
            guard !seen.contains(track.name) else {
                throw PolicyError(field: "kinds.\(track.name)", message: "a stage has the same name as this kind's track")
            }
        }
        self.name = name
        self.title = title ?? name
        self.region = region
        self.closures = closures
        self.acceptance = acceptanceWindow.map { AcceptanceRule(window: $0, clause: acceptanceClause) }
        self.stages = stages
        self.tracks = tracks
        self.restrictions = restrictions
        self.hash = hash
    }

    /// The stage or track called `name`.
    public func stage(_ name: String) -> StageRule? {
        stages.first { $0.name == name } ?? tracks.first { $0.name == name }
    }

    /// The stage a new case of `kind` enters: the one triage named (a complaint stage for a
    /// complaint; for another kind only its own track), else a complaint's first stage, or the
    /// kind's track when the pack declares one (nil: no stage, no clocks).
    public func entryStage(for kind: NewCase.Kind, named requested: String?) throws(InputError) -> String? {
        if kind == .complaint {
            guard let requested else { return stages[0].name }
            guard stages.contains(where: { $0.name == requested }) else {
                throw InputError(field: "triage.stage",
                                 message: "unknown stage '\(requested)' (the pack's stages: \(stages.map(\.name).joined(separator: ", ")))")
            }
            return requested
        }
        let track = tracks.first { $0.name == kind.rawValue }?.name
        if let requested, requested != track {
            throw InputError(field: "triage.stage",
                             message: "a \(kind.rawValue.replacingUnderscores()) has no stage '\(requested)' (only complaints have stages\(track.map { "; its track is '\($0)'" } ?? ""))")
        }
        return track
    }
}

/// A pack that does not declare what the host needs: the field (`stages[2].clocks.respond.from`)
/// and what is wrong with its value.
public struct PolicyError: Error, Equatable, Sendable, CustomStringConvertible {
    public let field: String
    public let message: String
    /// The pack file, when known.
    public var source: String?

    public init(field: String, message: String, source: String? = nil) {
        self.field = field
        self.message = message
        self.source = source
    }

    public var description: String {
        (source.map { "\($0): " } ?? "") + "\(field): \(message)"
    }
}
