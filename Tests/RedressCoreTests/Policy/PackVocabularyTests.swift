import Testing
@testable import RedressCore

/// The shared names, and `redress check`'s warnings on a pack's clock names.
@Suite struct PackVocabularyTests {
    static func pack(_ clocks: [ClockRule], tracks: [StageRule] = []) throws -> PolicyPack {
        try PolicyPack(name: "p", title: nil, region: .englandAndWales, closures: [], acceptanceWindow: nil,
                       stages: [StageRule(name: "1", clocks: []), StageRule(name: "review", clocks: clocks)], hash: "test", tracks: tracks)
    }

    /// The clocks the host meets by name are shared names.
    @Test func theNamesTheHostMeetsAreShared() {
        #expect(PackVocabulary.clockNames.isSuperset(of: ["acknowledge", "respond", ClockRule.escalationWindow]))
    }

    @Test func aClockOfItsOwnThatDoesNotSayWhatItMeansIsWarned() throws {
        // Halton's review stage: "Notification of any review meetings ... within 10 working days".
        var notify = ClockRule(name: "notify", duration: Duration(10, .workingDays), anchor: .escalated)
        let warnings = PackVocabulary.warnings(for: try Self.pack([notify]))
        #expect(warnings == ["stages[2].clocks.notify: 'notify' is not a shared clock name (acknowledge, allocate, contact, escalation_window, respond), "
                             + "and the pack does not say what it means: add means = \"what the clock measures\" beside it"])
        notify.means = "the customer is notified of the date, time and venue of the review meeting"
        #expect(PackVocabulary.warnings(for: try Self.pack([notify])).isEmpty)
        #expect(PackVocabulary.meaning(of: notify) == notify.means)
    }

    @Test func aSlipOfASharedNameIsPointedOut() throws {
        let slip = ClockRule(name: "acknowledgement", duration: Duration(5, .workingDays), anchor: .received)
        let track = StageRule(name: "service_request", clocks: [ClockRule(name: "contcat", duration: Duration(3, .workingDays), anchor: .received)])
        let warnings = PackVocabulary.warnings(for: try Self.pack([slip], tracks: [track]))
        #expect(warnings.count == 2)
        #expect(warnings[0].hasPrefix("stages[2].clocks.acknowledgement: "))
        #expect(warnings[0].hasSuffix("; if it is the shared 'acknowledge' (the landlord acknowledges the complaint, or the request to escalate it, "
                                      + "met by c:acknowledge{ on = } (the acknowledged event)), name it so"))
        #expect(warnings[1].hasPrefix("kinds.service_request.clocks.contcat: "))
    }

    @Test func sharedClocksNeedNoMeaningOfTheirOwn() throws {
        let respond = ClockRule(name: "respond", duration: Duration(10, .workingDays), anchor: .received)
        #expect(PackVocabulary.warnings(for: try Self.pack([respond])).isEmpty)
        #expect(PackVocabulary.meaning(of: respond) == "the stage's answer: its decision letter (a track's reply)")
    }
}
