import RedressCalendar
import RedressCore

extension PackCheck {
    /// The days an acceptance window is counted from when the triage is tried on it: a mid-month
    /// day, and days whose count to the month `window` on is clamped or reaches a longer month
    /// (31 August, 31 January, 28 February of a common year, 29 February of a leap year), where
    /// counting back from the receipt and forward from the start differ.
    static let probeStarts: [LocalDate] = ["2025-06-16", "2025-08-31", "2025-01-31", "2025-02-28", "2024-02-29"].map {
        try! LocalDate(iso: $0)
    }

    /// One intake the triage is tried on: the date facts, the receipt, and what the declared
    /// window makes of it.
    struct Probe {
        var received: LocalDate
        var eventDate: LocalDate?
        var awareDate: LocalDate?
        var lastDay: LocalDate
        var extra: [String: LuaValue] = [:]
        /// The declaration admits it (inside the window, or let in by an exception).
        var admitted: Bool
        var exception: String?

        var facts: String {
            var parts = ["received \(received)"]
            if let eventDate { parts.append("event_date \(eventDate)") }
            if let awareDate { parts.append("aware_date \(awareDate)") }
            parts += extra.keys.sorted()
            return parts.joined(separator: ", ")
        }
    }

    /// Compares the pack's triage with the acceptance window it declares (`redress check --code`):
    /// the triage is run alone (nothing is recorded) on the intake of each scenario it accepts as
    /// a complaint, with the date facts the window runs from moved to the window's last day and
    /// the first day after it, from each of `probeStarts`, and, for each exception the window
    /// declares, past the window with that fact given. Each way the triage departs from the
    /// declaration is listed once, with the first intake that shows it: a complaint the
    /// declaration excludes that triage accepts (the lifecycle excludes it anyway), one it admits
    /// that triage excludes, or one it answers as another kind. A pack that declares no window
    /// has nothing to compare; one whose scenarios give no accepted complaint is reported, since
    /// its triage cannot be tried. Nil when there is nothing to compare: no window, or no triage
    /// hook (the lifecycle then applies the window alone).
    public static func acceptance(of pack: PolicyPack, path: String, calendar: WorkingDayCalendar, in state: LuaState) throws -> [Departure]? {
        guard let rule = pack.acceptance else { return nil }
        let source = Installation.realPath(path) ?? path
        let subject = "acceptance (triage)"
        let hook = try state.run("return require('lib.scenarios').has_triage(...)", name: "=[redress check --code]", arguments: [.string(source)])
        guard hook.first == .boolean(true) else { return nil }
        let count = try state.run("return require('lib.scenarios').count(...)", name: "=[redress check --code]",
                                  arguments: [.string(source)])
        guard case .integer(let scenarios)? = count.first else { return [] }
        struct Answer {
            var scenario: String
            var kind: String?
            var exclusion: String?
            var given: Set<String>
            var error: String?
        }
        func triage(_ index: Int, _ probe: Probe?) throws -> Answer {
            var arguments: [LuaValue] = [.string(source), .integer(Int64(index)), .boolean(probe != nil)]
            if let probe {
                arguments += [.date(probe.received), probe.eventDate.map { .date($0) } ?? .nil, probe.awareDate.map { .date($0) } ?? .nil,
                              .map(Dictionary(uniqueKeysWithValues: probe.extra.map { (LuaValue.string($0.key), $0.value) }))]
            }
            let values = try state.run("return require('lib.scenarios').triage(...)", name: "=[redress check --code]", arguments: arguments)
            func text(_ position: Int) -> String? {
                guard position < values.count, case .string(let text) = values[position] else { return nil }
                return text
            }
            var given: Set<String> = []
            if values.count > 3, case .array(let names) = values[3] {
                for case .string(let name) in names { given.insert(name) }
            }
            return Answer(scenario: text(0) ?? "scenarios[\(index)]", kind: text(1), exclusion: text(2), given: given, error: text(4))
        }

        // The scenarios whose intake triage accepts as a complaint, no exception given.
        var bases: [Int] = []
        for index in 1...max(1, Int(scenarios)) where scenarios > 0 {
            let answer = try triage(index, nil)
            guard answer.error == nil, answer.kind == "complaint", answer.exclusion == nil,
                  !rule.exceptions.contains(where: { answer.given.contains($0.fact) }) else { continue }
            bases.append(index)
        }
        guard !bases.isEmpty else {
            return [Departure(subject: subject,
                              finding: "cannot try the triage against the window (\(rule.summary)): none of the pack's scenarios is an intake it accepts as a complaint",
                              provision: rule.clause)]
        }

        var probes: [Probe] = []
        for start in probeStarts {
            let last = try rule.lastDay(from: start, calendar: calendar)
            let firstOut = try last.adding(days: 1)
            // Each fact the window runs from alone, and an awareness later than the problem.
            var dated: [(event: LocalDate?, aware: LocalDate?)] = []
            if rule.from.contains("event_date") { dated.append((start, nil)) }
            if rule.from.contains("aware_date") { dated.append((nil, start)) }
            if rule.from.count > 1 { dated.append((try start.adding(years: -2), start)) }
            for (event, aware) in dated {
                probes.append(Probe(received: last, eventDate: event, awareDate: aware, lastDay: last, admitted: true))
                probes.append(Probe(received: firstOut, eventDate: event, awareDate: aware, lastDay: last, admitted: false))
                for exception in rule.exceptions where start == probeStarts[0] {
                    probes.append(Probe(received: firstOut, eventDate: event, awareDate: aware, lastDay: last,
                                        extra: [exception.fact: .boolean(true)], admitted: true, exception: exception.fact))
                }
            }
        }

        var found: [Departure] = []
        var reported: Set<String> = []
        for probe in probes {
            for base in bases {
                let answer = try triage(base, probe)
                let accepted = answer.error == nil && answer.kind == "complaint" && answer.exclusion == nil
                let example = "\(probe.facts) (the window's last day \(probe.lastDay)), the intake of scenario '\(answer.scenario)'"
                var key: String, finding: String
                if let error = answer.error {
                    key = "error"
                    finding = "triage fails on \(example): \(error)"
                } else if answer.exclusion == nil && answer.kind != "complaint" {
                    key = "kind"
                    finding = "triage answers a \(answer.kind ?? "nothing") when only the dates change: \(example)"
                } else if accepted == probe.admitted {
                    continue
                } else if accepted {
                    key = "accepts"
                    finding = "triage accepts a complaint the declared window (\(rule.summary)) excludes: \(example); the lifecycle excludes it"
                } else if let exception = probe.exception {
                    key = "exception \(exception)"
                    finding = "triage excludes a complaint the declared exception \(exception) lets in: \(example): '\(answer.exclusion ?? "")'"
                } else {
                    key = "excludes"
                    finding = "triage excludes a complaint inside the declared window (\(rule.summary)): \(example): '\(answer.exclusion ?? "")'"
                }
                if reported.insert(key).inserted { found.append(Departure(subject: subject, finding: finding, provision: rule.clause)) }
            }
        }
        return found
    }
}
