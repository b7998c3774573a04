/// What a pack declares about restricting contact for unreasonable behaviour: the kinds of
/// restriction it uses, whether a warning must come first, when a restriction is reviewed, and
/// how it may be challenged. The pack's `flag` hook (Lua) decides which contacts from a
/// restricted party are flagged, and its `review.decide` hook what a due review concludes.
public struct RestrictionRules: Hashable, Sendable {
    /// A kind of restriction (`acknowledge_only`, `single_contact`, `single_channel`, or a
    /// pack's own).
    public struct Kind: Hashable, Sendable {
        public let name: String
        /// What a restriction of this kind must name (`the named employee`), or nil when it names
        /// nothing.
        public let detail: String?
        /// What the restriction asks of the customer, as a letter says it (`please contact us
        /// only by {detail}`), or nil for the letter to name the kind.
        public let says: String?
        public let clause: String?

        public init(name: String, detail: String? = nil, says: String? = nil, clause: String? = nil) {
            self.name = name
            self.detail = detail
            self.says = says
            self.clause = clause
        }
    }

    public let kinds: [Kind]
    /// True when a party must have been warned before it is restricted.
    public let warningFirst: Bool
    /// How long after it starts (or its last review) a restriction is next reviewed.
    public let review: Duration?
    /// How many times a restriction may be challenged (0: the policy offers no challenge), and
    /// who reviews a challenge.
    public let challenges: Int
    public let challengeReviewer: String?
    /// The user role that must record a challenge's review in a store with users
    /// (`head_of_customer_feedback`), or nil when the pack names none.
    public let challengeRole: String?
    /// True when the pack's `review.decide(restriction, activity)` hook proposes each due
    /// review's outcome; without it every review is a person's decision.
    public let decidesReviews: Bool
    public let clause: String?

    public init(kinds: [Kind], warningFirst: Bool = false, review: Duration? = nil, challenges: Int = 0,
                challengeReviewer: String? = nil, challengeRole: String? = nil, decidesReviews: Bool = false,
                clause: String? = nil) throws(PolicyError) {
        guard !kinds.isEmpty else { throw PolicyError(field: "restrictions.kinds", message: "declare at least one kind of restriction") }
        guard challenges >= 0 else {
            throw PolicyError(field: "restrictions.challenge.times", message: "expected 0 or more, got \(challenges)")
        }
        self.kinds = kinds
        self.warningFirst = warningFirst
        self.review = review
        self.challenges = challenges
        self.challengeReviewer = challengeReviewer
        self.challengeRole = challengeRole
        self.decidesReviews = decidesReviews
        self.clause = clause
    }

    /// The kind called `name`.
    public func kind(_ name: String) -> Kind? {
        kinds.first { $0.name == name }
    }
}
