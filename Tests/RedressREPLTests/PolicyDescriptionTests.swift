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
