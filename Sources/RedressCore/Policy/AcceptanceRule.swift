import RedressCalendar

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
