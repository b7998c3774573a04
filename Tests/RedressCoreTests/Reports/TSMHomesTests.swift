import Testing
@testable import RedressCore

/// CH01's denominators from the store's settings: the landlord's homes, and each tenure's.
@Suite struct TSMHomesTests {
    @Test func theTotalIsTheHomesSettingOrBothTenuresHomes() throws {
        #expect(try TSMHomes.from(settings: [:]) == nil)
        #expect(try TSMHomes.from(settings: ["homes_lcra": "300"]) == nil)
        #expect(try TSMHomes.from(settings: ["homes": "12000"]) == TSMHomes(total: 12_000, source: "the store's `homes` setting"))
        #expect(try TSMHomes.from(settings: ["homes_lcra": "11000", "homes_lcho": "1000"])
            == TSMHomes(total: 12_000, source: "homes_lcra 11,000 + homes_lcho 1,000", byTenure: ["lcra": 11_000, "lcho": 1_000]))
        #expect(try TSMHomes.from(settings: ["homes": "12000", "homes_lcra": "11000", "homes_lcho": "1000"])
            == TSMHomes(total: 12_000, source: "the store's `homes` setting", byTenure: ["lcra": 11_000, "lcho": 1_000]))
        #expect(try TSMHomes.from(settings: ["homes": "12000", "homes_lcho": "1000"])
            == TSMHomes(total: 12_000, source: "the store's `homes` setting", byTenure: ["lcho": 1_000]))
    }

    @Test func settingsThatDisagreeAreRefusedNotReported() {
        #expect(throws: InputError(field: "homes", message: "12,000, but homes_lcra (11,000) and homes_lcho (1,500) add up to 12,500: "
                                   + "CH01's total is over both tenures' homes; make them agree "
                                   + "(`redress settings set homes 12500`, or `redress settings unset homes`)")) {
            try TSMHomes.from(settings: ["homes": "12000", "homes_lcra": "11000", "homes_lcho": "1500"])
        }
        #expect(throws: InputError(field: "homes", message: "12,000, fewer than homes_lcra (13,000): a tenure's homes are part of "
                                   + "the landlord's; make them agree (`redress settings set homes N`)")) {
            try TSMHomes.from(settings: ["homes": "12000", "homes_lcra": "13000"])
        }
        #expect(throws: InputError(field: "homes_lcho", message: "expected a whole number of homes, 1 or more, got '0' "
                                   + "(set it with `redress settings set homes_lcho N`)")) {
            try TSMHomes.from(settings: ["homes": "12000", "homes_lcho": "0"])
        }
    }
}
