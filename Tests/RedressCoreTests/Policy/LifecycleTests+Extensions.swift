import RedressCalendar
import Testing
@testable import RedressCore

/// Refusals of an extension say the limit, the unit as the policy gives it, and what to write.
/// The charity's policy (southern-charity.lua, from shared/seeds/001): "we aim to agree a solution
/// with our customer within ten working days. If this isn't possible ... we may need a further ten
/// days": the extension is ten calendar days, and no more.
@Suite struct LifecycleExtensionTests {
    static let charity: PolicyPack = try! PolicyPack(
        name: "southern-charity", title: nil, region: .englandAndWales, closures: [], acceptanceWindow: nil,
        stages: [StageRule(name: "1", clocks: [
            ClockRule(name: "respond", duration: Duration(10, .workingDays), anchor: .received,
                      extensionRule: ExtensionRule(cap: Duration(10, .days), beyondCapWithAgreement: false)),
        ])], hash: "test")

    static let received = CaseEvent(.received, on: TestData.date("2026-12-16"), stage: "1")

    func extend(_ amount: Int, _ unit: Duration.Unit, after earlier: [CaseEvent] = [], agreed: Bool = false,
                pack: PolicyPack = charity) -> String? {
        let event = CaseEvent(.extended, on: TestData.date("2026-12-31"), clock: "respond", extensionBy: Duration(amount, unit),
                              agreed: agreed, reason: "complicated")
        do {
            _ = try CaseState.replay([Self.received] + earlier + [event], pack: pack, calendar: TestData.calendars[.englandAndWales]!)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func anExtensionInAnotherUnitIsToldTheLimitAndWhatToWrite() {
        // The issue's own words for it.
        #expect(extend(5, .workingDays)
                == "clock respond of stage 1 extends by up to 10 days (calendar days, as the policy says); write `days = 10`, not `working_days = 5`")
        let four = CaseEvent(.extended, on: TestData.date("2026-12-30"), clock: "respond", extensionBy: Duration(4, .days), reason: "first")
        #expect(extend(1, .weeks, after: [four])
                == "clock respond of stage 1 extends by up to 10 days (calendar days, as the policy says); write `days = 6` or less (4 used), not `weeks = 1`")
        let ten = CaseEvent(.extended, on: TestData.date("2026-12-30"), clock: "respond", extensionBy: Duration(10, .days), reason: "first")
        #expect(extend(1, .workingDays, after: [ten])
                == "clock respond of stage 1 extends by up to 10 days (calendar days, as the policy says), all 10 used: the policy allows no more, not `working_days = 1`")
    }

    @Test func anExtensionPastTheCapIsToldWhatIsLeft() {
        let four = CaseEvent(.extended, on: TestData.date("2026-12-30"), clock: "respond", extensionBy: Duration(4, .days), reason: "first")
        #expect(extend(7, .days, after: [four]) == "clock respond of stage 1 may be extended by 10 days at most (4 used); write `days = 6` or less")
        #expect(extend(6, .days, after: [four]) == nil)
    }

    @Test func aClockThatMovesOnlyByAgreementSaysSo() throws {
        // WDH's service recovery: "Where a customer is happy to allow us additional time ... any
        // agreement must be recorded": no extension of its own, more only with agreement.
        let recovery = try PolicyPack(
            name: "wdh", title: nil, region: .englandAndWales, closures: [], acceptanceWindow: nil,
            stages: [StageRule(name: "1", clocks: [
                ClockRule(name: "respond", duration: Duration(3, .workingDays), anchor: .received,
                          extensionRule: ExtensionRule(cap: Duration(0, .workingDays), beyondCapWithAgreement: true)),
            ])], hash: "test")
        #expect(extend(3, .workingDays, pack: recovery)
                == "clock respond of stage 1 may be moved only with the customer's agreement: write `working_days = 3, agreed = true` once they agree")
        #expect(extend(3, .days, pack: recovery)
                == "clock respond of stage 1 moves only with the customer's agreement, in working days (as the policy says); "
                    + "write `working_days = N, agreed = true` (N: the working days agreed), not `days = 3`")
        #expect(extend(3, .workingDays, agreed: true, pack: recovery) == nil)
    }
}
