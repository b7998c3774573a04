import RedressCalendar

/// Bad input to the store: the field (`intake.received`, `remedy.items[2].pence`) and what is
/// wrong with its value. Nothing is written when one is thrown.
public struct InputError: Error, Equatable, Sendable, CustomStringConvertible {
    public let field: String
    public let message: String

    public init(field: String, message: String) {
        self.field = field
        self.message = message
    }

    public var description: String { "\(field): \(message)" }
}

/// The fixed vocabularies of the store (the schema's CHECK constraints say the same).
public enum Vocabulary {
    /// How a complaint reached the landlord.
    public static let intakeChannels: Set<String> = ["email", "letter", "phone", "web", "social_media", "in_person",
                                                     "text", "mp_or_councillor", "other"]
    /// Record keeping: the kinds of contact logged against a case.
    public static let contactChannels: Set<String> = ["phone", "letter", "email", "text", "message", "visit", "evidence"]
    public static let directions: Set<String> = ["in", "out"]
    public static let partyRoles: Set<String> = ["tenant", "leaseholder", "applicant", "former_tenant", "representative",
                                                 "mp_or_councillor", "member_of_public", "anonymous", "other"]
    public static let outcomes: Set<String> = ["upheld", "partly_upheld", "not_upheld"]
    /// The tenure of a case, as the Regulator's TSM returns split them: low-cost rental
    /// accommodation and low-cost home ownership.
    public static let tenures: Set<String> = ["lcra", "lcho"]
    public static let remedyKinds: Set<String> = ["apology", "practical_action", "evidenced_loss", "time_and_trouble",
                                                  "distress_and_inconvenience", "loss_of_amenity", "goodwill_gesture"]

    /// `value` when it is in `set`; else an error naming the field, the value and the choices.
    public static func check(_ value: String, in set: Set<String>, field: String) throws(InputError) -> String {
        guard set.contains(value) else {
            throw InputError(field: field, message: "unknown value '\(value)' (expected one of: \(set.sorted().joined(separator: ", ")))")
        }
        return value
    }
}

/// A person: complainant, representative, MP or councillor. Only `role` is required (an
/// anonymous complainant has no name).
public struct NewParty: Sendable, Equatable {
    public var name: String?
    public var role: String
    public var email: String?
    public var phone: String?
    public var address: String?
    public var preferredContact: String?
    public var language: String?
    public var vulnerability: String?
    public var reasonableAdjustments: String?

    public init(name: String? = nil, role: String = "tenant", email: String? = nil, phone: String? = nil,
                address: String? = nil, preferredContact: String? = nil, language: String? = nil,
                vulnerability: String? = nil, reasonableAdjustments: String? = nil) {
        self.name = name
        self.role = role
        self.email = email
        self.phone = phone
        self.address = address
        self.preferredContact = preferredContact
        self.language = language
        self.vulnerability = vulnerability
        self.reasonableAdjustments = reasonableAdjustments
    }

    func validated(field: String) throws(InputError) -> NewParty {
        _ = try Vocabulary.check(role, in: Vocabulary.partyRoles, field: field + ".role")
        if let email, !email.contains("@") {
            throw InputError(field: field + ".email", message: "not an email address: '\(email)'")
        }
        return self
    }
}

/// A contact logged against a case: a call, letter, email, text, message, visit or evidence.
public struct ContactRecord: Sendable, Equatable {
    public var channel: String
    public var direction: String
    public var summary: String
    /// When it happened: a date or an ISO date-time, as given.
    public var at: String
    public var staff: String?

    public init(channel: String, direction: String, summary: String, at: String, staff: String? = nil) {
        self.channel = channel
        self.direction = direction
        self.summary = summary
        self.at = at
        self.staff = staff
    }

    func validated() throws(InputError) -> ContactRecord {
        _ = try Vocabulary.check(channel, in: Vocabulary.contactChannels, field: "channel")
        _ = try Vocabulary.check(direction, in: Vocabulary.directions, field: "direction")
        guard !summary.isEmpty else { throw InputError(field: "summary", message: "must not be empty") }
        return self
    }
}

/// One item of a remedy offer, in pence, with its reason.
public struct RemedyItem: Sendable, Equatable {
    /// The most one item may be, in pence: £10,000,000. Far past any remedy a complaint gets,
    /// and small enough that no sum of a store's items can overflow.
    public static let maximumPence = 1_000_000_000

    static func tooMuch(_ pence: Int) -> String {
        "expected at most \(maximumPence) pence (£10,000,000), got \(pence)"
    }

    public var kind: String
    public var pence: Int
    public var reason: String

    public init(kind: String, pence: Int, reason: String) {
        self.kind = kind
        self.pence = pence
        self.reason = reason
    }
}

/// A remedy offer: its items, and how and by when it may be accepted.
public struct RemedyOffer: Sendable, Equatable {
    public var items: [RemedyItem]
    public var acceptBy: LocalDate?
    public var paymentRoute: String?
    /// The part of the compensation set against rent arrears, in pence.
    public var arrearsOffsetPence: Int

    public init(items: [RemedyItem], acceptBy: LocalDate? = nil, paymentRoute: String? = nil, arrearsOffsetPence: Int = 0) {
        self.items = items
        self.acceptBy = acceptBy
        self.paymentRoute = paymentRoute
        self.arrearsOffsetPence = arrearsOffsetPence
    }

    /// The sum of the items, in pence.
    public var totalPence: Int { items.reduce(0) { $0 + $1.pence } }

    func validated() throws(InputError) -> RemedyOffer {
        for (index, item) in items.enumerated() {
            let field = "remedy.items[\(index + 1)]"
            _ = try Vocabulary.check(item.kind, in: Vocabulary.remedyKinds, field: field + ".kind")
            guard item.pence >= 0 else {
                throw InputError(field: field + ".pence", message: "expected 0 or more pence, got \(item.pence)")
            }
            guard item.pence <= RemedyItem.maximumPence else {
                throw InputError(field: field + ".pence", message: RemedyItem.tooMuch(item.pence))
            }
            guard !item.reason.isEmpty else { throw InputError(field: field + ".reason", message: "every item needs a reason") }
        }
        guard arrearsOffsetPence <= RemedyItem.maximumPence else {
            throw InputError(field: "remedy.arrears_offset", message: RemedyItem.tooMuch(arrearsOffsetPence))
        }
        guard arrearsOffsetPence >= 0 else {
            throw InputError(field: "remedy.arrears_offset", message: "expected 0 or more pence, got \(arrearsOffsetPence)")
        }
        guard arrearsOffsetPence <= totalPence else {
            throw InputError(field: "remedy.arrears_offset",
                             message: "\(arrearsOffsetPence) pence is more than the offer's \(totalPence) pence")
        }
        return self
    }
}

/// A stage's decision: outcome, findings and reasons, and the remedy offered.
public struct DecisionRecord: Sendable, Equatable {
    public var outcome: String
    public var findings: String?
    public var reasons: String?
    public var remedy: RemedyOffer?

    public init(outcome: String, findings: String? = nil, reasons: String? = nil, remedy: RemedyOffer? = nil) {
        self.outcome = outcome
        self.findings = findings
        self.reasons = reasons
        self.remedy = remedy
    }

    func validated() throws(InputError) -> DecisionRecord {
        if outcome.isEmpty {
            throw InputError(field: "outcome", message: "required (one of: \(Vocabulary.outcomes.sorted().joined(separator: ", ")))")
        }
        _ = try Vocabulary.check(outcome, in: Vocabulary.outcomes, field: "outcome")
        _ = try remedy?.validated()
        return self
    }
}
