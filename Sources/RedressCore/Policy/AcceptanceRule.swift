/// A pack's acceptance window as the lifecycle applies it at intake (`acceptance = { months = 6,
/// from = { "event_date", "aware_date" }, on_the_day = "excluded", exceptions = { ... }, clause = }`):
/// a complaint made after the window's last day is excluded whatever the pack's triage answered,
/// unless an exception the pack declares applies to the intake's facts (WDH: "We will comply with
/// any instruction from the HOS to enter a complaint into our Complaints Procedure").
///
/// The window runs from the later of the date facts it names that the intake gives (the Code
/// 2.3: "within 12 months of the issue occurring or the resident becoming aware of the issue"),
/// counted forward as a due date is: `months` to the same day of the month, clamped to the
/// month's end (31 August + 6 months is 28 February); `working_days` by the pack's calendar.
/// The day the count reaches is the last day inside the window (`on_the_day = "accepted"`, the
/// default: "within 12 months"), or the first day outside it (`on_the_day = "excluded"`:
/// "complaints made six months after a problem occurred").
public struct AcceptanceRule: Hashable, Sendable {
    /// The intake facts a window may run from: when the problem occurred, and when the customer
    /// became aware of it.
    public static let dateFacts = ["event_date", "aware_date"]
    /// Facts no exception may name: every intake has them, or the window itself runs from them.
    public static let reservedFacts: Set<String> = ["received", "channel", "event_date", "aware_date"]

    /// What a complaint made on the day the count reaches is.
    public enum Day: String, CaseIterable, Hashable, Sendable {
        case accepted, excluded

        public static var validNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
    }

    /// A fact that lets a complaint outside the window in, with the policy's words for it.
    public struct Exception: Hashable, Sendable {
        /// The intake fact (`ombudsman_instruction`): the exception applies when the intake
        /// gives it as anything but `false`.
        public let fact: String
        public let text: String?
        public let clause: String?

        public init(fact: String, text: String? = nil, clause: String? = nil) {
            self.fact = fact
            self.text = text
            self.clause = clause
        }
    }

    public let window: Duration
    /// The date facts the window runs from (the later of those given), a non-empty subset of
    /// `dateFacts`.
    public var from: [String]
    public var onTheDay: Day
    public var exceptions: [Exception]
    /// The clause of the landlord's policy it implements.
    public var clause: String?
    /// Where the customer can take an exclusion by the window (joined to the reason, as
    /// triage's signpost is).
    public var signpost: String?

    public init(window: Duration, from: [String] = AcceptanceRule.dateFacts, onTheDay: Day = .accepted,
                exceptions: [Exception] = [], clause: String? = nil, signpost: String? = nil) {
        self.window = window
        self.from = from
        self.onTheDay = onTheDay
        self.exceptions = exceptions
        self.clause = clause
        self.signpost = signpost
    }

    /// The window in words: `6 months from the later of event_date and aware_date, the day 6
    /// months on outside`.
    public var summary: String {
        let start = from.count == 1 ? from[0] : "the later of " + from.joined(separator: " and ")
        return "\(window) from \(start)" + (onTheDay == .excluded ? ", the day \(window) on outside" : "")
    }

    /// The last day a complaint is inside the window that starts on `start`.
    public func lastDay(from start: LocalDate, calendar: WorkingDayCalendar) throws(CalendarError) -> LocalDate {
        let reached = try window.due(from: start, calendar: calendar)
        guard onTheDay == .excluded else { return reached }
        do { return try reached.adding(days: -1) } catch { throw .dateOutOfRange(error) }
    }

    /// Judges a complaint received on `received` whose date facts are `dates` (fact name → date:
    /// `event_date`, `aware_date`), and whose facts given as anything but `false` are `given`.
    /// A calendar that cannot count the window (a date it does not cover) is an error naming
    /// the fact the window would run from.
    public func judge(received: LocalDate, dates: [String: LocalDate], given: Set<String>,
                      calendar: WorkingDayCalendar) throws(InputError) -> AcceptanceFinding {
        var start: (fact: String, date: LocalDate)?
        for fact in from {
            guard let date = dates[fact] else { continue }
            if start == nil || date > start!.date { start = (fact, date) }
        }
        guard let start else {
            return AcceptanceFinding(result: .undated, rule: self, received: received)
        }
        let last: LocalDate
        do {
            last = try lastDay(from: start.date, calendar: calendar)
        } catch {
            throw InputError(field: start.fact, message: "cannot count the acceptance window (\(window)) from \(start.date): \(error)")
        }
        var finding = AcceptanceFinding(result: received <= last ? .within : .outside, rule: self, received: received,
                                        fact: start.fact, start: start.date, lastDay: last)
        if finding.result == .outside, let exception = exceptions.first(where: { given.contains($0.fact) }) {
            finding.result = .excepted
            finding.exception = exception
        }
        return finding
    }
}

/// How the acceptance window judged one complaint: inside it, outside it (excluded), outside
/// it but let in by an exception, or not dated (the intake gave none of the facts the window
/// runs from, so nothing bars it).
public struct AcceptanceFinding: Hashable, Sendable {
    public enum Result: String, Hashable, Sendable {
        case within, outside, excepted, undated
    }

    public var result: Result
    public let rule: AcceptanceRule
    public let received: LocalDate
    /// The date fact the window ran from, and its date.
    public var fact: String?
    public var start: LocalDate?
    /// The last day inside the window.
    public var lastDay: LocalDate?
    /// The exception that let an outside complaint in.
    public var exception: AcceptanceRule.Exception?

    public init(result: Result, rule: AcceptanceRule, received: LocalDate, fact: String? = nil, start: LocalDate? = nil,
                lastDay: LocalDate? = nil, exception: AcceptanceRule.Exception? = nil) {
        self.result = result
        self.rule = rule
        self.received = received
        self.fact = fact
        self.start = start
        self.lastDay = lastDay
        self.exception = exception
    }

    /// What the fact means, for the customer.
    static func meaning(_ fact: String) -> String {
        switch fact {
        case "event_date": "when the problem occurred"
        case "aware_date": "when you became aware of it"
        default: fact
        }
    }

    /// The reason an outside complaint is excluded, as the customer is told it, with the
    /// window's signpost; nil unless the result is `outside`.
    public var exclusionReason: String? {
        guard result == .outside, let fact, let start, let lastDay else { return nil }
        let reason = "the complaint was made on \(received), after the last day the policy allows for it, \(lastDay) "
            + "(\(rule.window) from \(start), \(Self.meaning(fact)))"
        return rule.signpost.map { reason + ". " + $0 } ?? reason
    }

    /// One line for an explanation: `within: 6 months from event_date 2026-06-22, last day
    /// 2026-12-21; received 2026-12-01 [Exclusions]`.
    public var text: String {
        let clause = rule.clause.map { " [\($0)]" } ?? ""
        guard let fact, let start, let lastDay else {
            return "undated: no \(rule.from.joined(separator: " or ")) given, so the \(rule.window) window does not apply\(clause)"
        }
        var line = "\(result.rawValue): \(rule.window) from \(fact) \(start), last day \(lastDay); received \(received)\(clause)"
        if let exception {
            line += "; let in by \(exception.fact)" + (exception.text.map { " (\"\($0)\")" } ?? "")
                + (exception.clause.map { " [\($0)]" } ?? "")
        }
        return line
    }

    /// The finding as JSON text, as the store keeps it with the intake's facts.
    public var json: String {
        var fields: [(String, String)] = [("result", JSON.quote(result.rawValue)), ("window", JSON.quote(rule.window.description)),
                                          ("received", JSON.quote(received.description))]
        if let fact { fields.append(("from", JSON.quote(fact))) }
        if let start { fields.append(("start", JSON.quote(start.description))) }
        if let lastDay { fields.append(("last_day", JSON.quote(lastDay.description))) }
        if let exception {
            fields.append(("exception", JSON.quote(exception.fact)))
            if let clause = exception.clause { fields.append(("exception_clause", JSON.quote(clause))) }
        }
        if let clause = rule.clause { fields.append(("clause", JSON.quote(clause))) }
        fields.append(("text", JSON.quote(text)))
        return "{" + fields.map { "\(JSON.quote($0.0)):\($0.1)" }.joined(separator: ",") + "}"
    }
}
