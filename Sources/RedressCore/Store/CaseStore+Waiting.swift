import GRDB
import RedressCalendar

/// `cases.find{ waiting = true | false | event }`: open cases whose current stage round has a
/// clock waiting for the event it runs from (as `c.waiting` lists them), or cases with none.
public struct WaitingFilter: Sendable, Equatable {
    /// true: cases with a waiting clock; false: cases without one.
    public var wanted: Bool
    /// Only clocks waiting for this event.
    public var anchor: Anchor?
    /// Stage (or track) name → the names of its clocks that can wait (for `anchor`), from the pack.
    public var clocks: [String: Names]

    /// A stage's clocks that can wait: in a round entered by the complaint or an escalation, and
    /// in one entered by a referral back.
    public struct Names: Sendable, Equatable {
        public var entered: [String]
        public var referred: [String]
    }

    public init(wanted: Bool, anchor: Anchor? = nil, pack: PolicyPack) {
        self.wanted = wanted
        self.anchor = anchor
        var clocks: [String: Names] = [:]
        for stage in pack.stages + pack.tracks {
            let names = stage.awaitingClocks(for: anchor).map(\.name).sorted()
            if !names.isEmpty {
                clocks[stage.name] = Names(entered: names, referred: stage.awaitingClocks(for: anchor, referred: true).map(\.name).sorted())
            }
        }
        self.clocks = clocks
    }

    /// The condition on `cases c`, with its arguments: for each stage with clocks that can wait,
    /// fewer of them have started in the case's current round than wait in it (a round entered
    /// by a referral is the one with the referral's clock, `from = "referred"`).
    var condition: (sql: String, arguments: [String]) {
        var terms: [String] = []
        var arguments: [String] = []
        func fewerStarted(_ names: [String]) -> String {
            guard !names.isEmpty else { return "0" }
            arguments += names
            return """
                (SELECT count(*) FROM clocks k WHERE k.case_id = c.id AND k.stage = c.stage AND k.round = \(CaseStore.currentRound)
                   AND k.name IN (\(names.map { _ in "?" }.joined(separator: ", ")))) < \(names.count)
                """
        }
        for (stage, names) in clocks.sorted(by: { $0.key < $1.key }) {
            arguments.append(stage)
            // in the order of their placeholders below
            let referred = fewerStarted(names.referred)
            let entered = fewerStarted(names.entered)
            terms.append("""
                (c.stage = ? AND CASE WHEN EXISTS (SELECT 1 FROM clocks r WHERE r.case_id = c.id AND r.stage = c.stage
                                                     AND r.round = \(CaseStore.currentRound) AND r.anchor = 'referred')
                                 THEN \(referred) ELSE \(entered) END)
                """)
        }
        // coalesce: a case with no stage compares as NULL, which NOT would not turn into true
        let waiting = terms.isEmpty ? "0" : "coalesce(c.status = 'open' AND (" + terms.joined(separator: " OR ") + "), 0)"
        return (wanted ? waiting : "NOT " + waiting, arguments)
    }
}

extension CaseStore {
    /// The round of the stage case `c` is in (SQL): its latest stage entry's, 1 without one.
    static let currentRound = "coalesce((SELECT h.round FROM stage_history h WHERE h.case_id = c.id ORDER BY h.id DESC LIMIT 1), 1)"

    /// The clocks of an open case's current stage round that wait for the event they run from,
    /// with what limits each wait (`StageRule.waiting`); none for a case that is not open or has
    /// no stage. `pack` is the store's pack, `calendar` its calendar.
    public static func waiting(_ record: CaseRecord, pack: PolicyPack, calendar: WorkingDayCalendar,
                               in db: Database) throws -> [WaitingClock] {
        guard record.status == "open", let stage = record.stage, let rule = pack.stage(stage) else { return [] }
        let started = Set(record.clocks.filter { $0.stage == stage && $0.round == record.round }.map(\.name))
        guard rule.awaitingClocks().contains(where: { !started.contains($0.name) }) else { return [] }
        let (entered, began) = try roundEntry(ofCase: record.id, received: record.received, in: db)
        do {
            return try rule.waiting(started: started, entered: entered, began: began, calendar: calendar)
        } catch {
            throw StoreError(message: "case \(record.ref): \(error)")
        }
    }

    /// The day case `id` entered its current stage round, and the events that began the round,
    /// as the lifecycle anchors them: the case received (its first entry); an escalation (the
    /// request escalated and received); a referral back (referred); none known otherwise.
    static func roundEntry(ofCase id: Int64, received: String, in db: Database) throws -> (LocalDate, [Anchor]) {
        let row = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT h.entered, (SELECT p.reason FROM stage_history p WHERE p.case_id = h.case_id AND p.id < h.id
                               ORDER BY p.id DESC LIMIT 1)
            FROM stage_history h WHERE h.case_id = ? ORDER BY h.id DESC LIMIT 1
            """), arguments: [id])
        let entered: String = row?[0] ?? received
        let day: LocalDate
        do { day = try LocalDate(iso: entered) } catch { throw StoreError(message: "case \(id): stage entered on '\(entered)': \(error)") }
        switch row?[1] as String? {
        case nil: return (day, [.received])
        case CaseEvent.Kind.escalated.rawValue?: return (day, [.escalated, .received])
        case CaseEvent.Kind.referredBack.rawValue?: return (day, [.referred])
        // Not an event that starts a stage: no limit counts from it (the wait is still listed).
        case _?: return (day, [])
        }
    }
}
