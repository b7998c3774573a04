import RedressCalendar

/// A way a pack's declarations depart from a reference pack's (for `redress check --code`, the
/// Housing Ombudsman's Code as `hos-code` declares it): what departs, how, and the provision of
/// the reference it departs from (the reference's own `clause`).
public struct Departure: Hashable, Sendable, CustomStringConvertible {
    /// `stages`, `acceptance`, `stage 1 respond`, `stage review (the Code's stage 2) acknowledge`...
    public let subject: String
    public let finding: String
    public let provision: String?

    public init(subject: String, finding: String, provision: String?) {
        self.subject = subject
        self.finding = finding
        self.provision = provision
    }

    public var description: String { "\(subject): \(finding)" + (provision.map { " [\($0)]" } ?? "") }
}

/// Compares a pack's declarations with a reference pack's: the number of stages, each stage's
/// clocks (matched by position and clock name), their anchors, lengths and extension caps, and
/// the acceptance window. Every figure compared comes from the two packs; lengths in different
/// units (working days against calendar days, or on calendars with different closure days) are
/// compared by working out both due dates from every start date in `sample`, so a timescale is
/// "longer" when some start date gives it a later due date.
public enum CodeComparison {
    public static func departures(of pack: PolicyPack, on calendar: WorkingDayCalendar,
                                  from code: PolicyPack, on codeCalendar: WorkingDayCalendar,
                                  sample: ClosedRange<LocalDate>) -> [Departure] {
        var found: [Departure] = []
        let codeLast = code.stages.last
        let codeStages = code.stages.count
        if pack.stages.count > codeStages {
            let extra = pack.stages[codeStages...].map(\.name).joined(separator: ", ")
            found.append(Departure(
                subject: "stages",
                finding: "\(pack.stages.count) stages (\(pack.stages.map(\.name).joined(separator: ", "))), more than the Code's \(codeStages): \(extra) after the Code's last stage \(codeLast?.name ?? "")",
                provision: codeLast?.clause))
        } else if pack.stages.count < codeStages {
            found.append(Departure(
                subject: "stages",
                finding: "\(pack.stages.count) stage, fewer than the Code's \(codeStages)",
                provision: codeLast?.clause))
        }

        // A window is shorter when the Code's, from the same day, ends later.
        if let window = code.acceptanceWindow, let packWindow = pack.acceptanceWindow,
           later(window, on: codeCalendar, than: packWindow, on: calendar, sample: sample) != nil {
            found.append(Departure(subject: "acceptance",
                                   finding: "complaints accepted for \(packWindow) after the issue, less than the Code's \(window)",
                                   provision: code.acceptanceClause))
        }

        for (codeStage, stage) in zip(code.stages, pack.stages) {
            let subject = stage.name == codeStage.name ? "stage \(stage.name)" : "stage \(stage.name) (the Code's stage \(codeStage.name))"
            for codeClock in codeStage.clocks {
                guard let clock = stage.clocks.first(where: { $0.name == codeClock.name }) else {
                    found.append(Departure(subject: "\(subject) \(codeClock.name)",
                                           finding: "no \(codeClock.name) clock; the Code: \(describe(codeClock))",
                                           provision: codeClock.clause))
                    continue
                }
                found += compare(clock, with: codeClock, subject: "\(subject) \(codeClock.name)", calendar: calendar,
                                 codeCalendar: codeCalendar, sample: sample)
            }
        }
        return found
    }

    /// One clock against the Code's clock of the same name and stage.
    static func compare(_ clock: ClockRule, with codeClock: ClockRule, subject: String, calendar: WorkingDayCalendar,
                        codeCalendar: WorkingDayCalendar, sample: ClosedRange<LocalDate>) -> [Departure] {
        var found: [Departure] = []
        if rank(clock.anchor) > rank(codeClock.anchor) {
            found.append(Departure(subject: subject,
                                   finding: "\(describe(clock)) starts later than the Code's \(describe(codeClock))",
                                   provision: codeClock.clause))
        } else if let example = later(clock.duration, on: calendar, than: codeClock.duration, on: codeCalendar, sample: sample) {
            // The same length running later can only be the pack's calendar (its closure days).
            let how = clock.duration == codeClock.duration ? "ends later, on the pack's calendar, than" : "is longer than"
            found.append(Departure(subject: subject,
                                   finding: "\(describe(clock)) \(how) the Code's \(describe(codeClock)) (from \(example.start): due \(example.ours), the Code's \(example.theirs))",
                                   provision: codeClock.clause))
        }
        switch (clock.extensionRule, codeClock.extensionRule) {
        case (let ours?, nil):
            found.append(Departure(subject: subject + " extension",
                                   finding: "may be extended by \(ours.cap.map { "\($0)" } ?? "any length"); the Code allows no extension of it",
                                   provision: codeClock.clause))
        case (let ours?, let theirs?):
            if let theirCap = theirs.cap {
                if let cap = ours.cap {
                    if let example = later(cap, on: calendar, than: theirCap, on: codeCalendar, sample: sample) {
                        found.append(Departure(subject: subject + " extension",
                                               finding: "up to \(cap), more than the Code's \(theirCap) (from \(example.start): \(example.ours), the Code's \(example.theirs))",
                                               provision: theirs.clause))
                    }
                } else {
                    found.append(Departure(subject: subject + " extension",
                                           finding: "of any length; the Code's is up to \(theirCap)", provision: theirs.clause))
                }
                if ours.beyondCapWithAgreement && !theirs.beyondCapWithAgreement {
                    found.append(Departure(subject: subject + " extension",
                                           finding: "may go past its cap with the customer's agreement; the Code allows nothing past \(theirCap)",
                                           provision: theirs.clause))
                }
            }
        case (nil, _):
            break
        }
        return found
    }

    /// The first start date in `sample` on which `ours` ends after `theirs`, with both due dates.
    static func later(_ ours: Duration, on calendar: WorkingDayCalendar, than theirs: Duration, on codeCalendar: WorkingDayCalendar,
                      sample: ClosedRange<LocalDate>) -> (start: LocalDate, ours: LocalDate, theirs: LocalDate)? {
        var day = sample.lowerBound
        while day <= sample.upperBound {
            if let a = try? ours.due(from: day, calendar: calendar), let b = try? theirs.due(from: day, calendar: codeCalendar), a > b {
                return (day, a, b)
            }
            day = day.offset(days: 1)
        }
        return nil
    }

    /// Anchors in the order they happen within a stage: receipt (or the escalation request),
    /// logging, acknowledgement, the decision.
    static func rank(_ anchor: Anchor) -> Int {
        switch anchor {
        case .received, .escalated, .referred: 0
        case .logged: 1
        case .acknowledged: 2
        case .decisionSent: 3
        }
    }

    static func describe(_ clock: ClockRule) -> String {
        "\(clock.duration) from \(clock.anchor.rawValue.replacingUnderscores())"
    }
}
