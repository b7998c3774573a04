import RedressCalendar

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
