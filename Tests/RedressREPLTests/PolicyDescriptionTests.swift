import Testing
import RedressCore
@testable import RedressREPL

/// `.policy`'s line for a clock: its length, anchor and extension.
@Suite struct PolicyDescriptionTests {
    @Test func aClocksExtensionIsDescribedWithItsCapOrItsLackOfOne() throws {
        // halton.lua: a formal enquiry's response "may be extended" with no limit given.
        let unlimited = ClockRule(name: "respond", duration: Duration(10, .workingDays), anchor: .received,
                                  extensionRule: ExtensionRule(cap: nil, beyondCapWithAgreement: false))
        #expect(PolicyDescription.describe(unlimited) == "respond 10 working days from received (extension without a limit)")
        let capped = ClockRule(name: "respond", duration: Duration(10, .workingDays), anchor: .logged,
                               extensionRule: ExtensionRule(cap: Duration(10, .workingDays), beyondCapWithAgreement: true))
        #expect(PolicyDescription.describe(capped)
                == "respond 10 working days from logged (extension up to 10 working days, more with the customer's agreement)")
    }

    @Test func aStagesLimitOnTheWaitForAnEventFollowsItsClocks() throws {
        // wdh.lua: "log and acknowledge the complaint ... within five working days" of receiving it.
        #expect(PolicyDescription.describe(AnchorLimit(anchor: .logged, duration: Duration(5, .workingDays), from: .received))
                == "logged owed within 5 working days from received")
    }
}

/// `.policy` lists what a pack's intake takes, the clocks of its kinds and its remedy window: WDH's
/// second `contact` clock (service recovery's) and its eight weeks to accept an offer were found
/// only in its source.
@Suite struct PolicyDescriptionFactsTests {
    @Test func eachFactIsALineWithItsTypeMeaningAndClause() {
        let facts = [FactDeclaration(name: "asb", kind: .boolean, meaning: "a report of nuisance or antisocial behaviour (ASB)", clause: "Exclusions"),
                     FactDeclaration(name: "via", kind: .oneOf(["mp", "councillor"]), meaning: "who the contact came through")]
        #expect(PolicyDescription.describe(facts: facts) == [
            "asb (boolean): a report of nuisance or antisocial behaviour (ASB) [Exclusions]",
            "via (one of: mp, councillor): who the contact came through",
        ])
        #expect(PolicyDescription.describe(facts: []) == ["none declared: an intake takes only the standard fields"])
        var meeting = ClockRule(name: "meeting", duration: Duration(3, .workingDays), anchor: .received)
        meeting.means = "a face to face meeting"
        #expect(PolicyDescription.describe(meeting) == "meeting 3 working days from received (a face to face meeting)")
    }

    @Test func dotPolicyShowsWDHsFactsKindsAndRemedyWindow() throws {
        let fixture = try Fixture()
        _ = fixture.repl().run(input: ScriptedInput([".policy wdh"]))
        let out = fixture.stdout
        // WDH's Exclusions: "Complaints of nuisance or antisocial behaviour (ASB) ..."; Service
        // Recovery: "contact the customer within three working days"; Putting things right: "The
        // customer will be given eight weeks to return the form".
        #expect(out.contains("\n  facts     about_handling (boolean): "))
        #expect(out.contains("\n            asb (boolean): a report of nuisance or antisocial behaviour (ASB) [Exclusions]\n"))
        #expect(out.contains("\n  kind      service_request: contact 3 working days from received "))
        #expect(out.contains("\n  remedies  an offer is accepted within 8 weeks of the decision (c.remedy.accept_by); after it, taken only with the reason\n"))
    }
}
