import Testing
@testable import RedressLua

/// Scripts/lib/compensation.lua against the Housing Ombudsman's 2026 compensation guidance fixed
/// sums (domain.md 2.3): heating £15 a day, heating or hot water £8 a day, power £10 a day,
/// lighting £10 a week, £15 a missed appointment.
@Suite struct CompensationLibTests {
    @Test func theGuidanceSumsInPence() throws {
        let result = try TestSupport.eval("""
            local c = require "lib.compensation"
            local items = c.guidance_items{ days_without_heating = 6, days_without_heating_or_hot_water = 3,
                                            days_without_power = 2, weeks_without_lighting = 3, missed_appointments = 2 }
            local pence = {}
            for i, item in ipairs(items) do pence[i] = item.pence end
            return { pence, c.total(items), items[5].kind, items[1].reason }
            """)
        #expect(result == .array([.array([.integer(9000), .integer(2400), .integer(2000), .integer(3000), .integer(3000)]),
                                  .integer(19400), .string("time_and_trouble"),
                                  .string("6 days without heating at £15.00 a day (Housing Ombudsman compensation guidance 2026)")]))
    }

    @Test func aShareOfRentForTheDaysARoomWasUnusable() throws {
        // One of four rooms for two weeks at £100 a week: £50. One of three for 10 days at £87.50
        // a week: 8750 × 10 / 21 = 4166.67 pence, rounded to 4167.
        let result = try TestSupport.eval("""
            local c = require "lib.compensation"
            return { c.rent_share{ rooms = 1, of = 4, days = 14, weekly_rent = 10000 }.pence,
                     c.rent_share{ rooms = 1, of = 3, days = 10, weekly_rent = 8750 }.pence }
            """)
        #expect(result == .array([.integer(5000), .integer(4167)]))
    }

    @Test func badCountsAreNamed() throws {
        let error = try TestSupport.failure("require('lib.compensation').loss_of_heating(-1)")
        #expect(error.message.contains("compensation: days without heating: expected a whole number of 0 or more, got -1"))
        let share = try TestSupport.failure("require('lib.compensation').rent_share{ rooms = 5, of = 4, days = 1, weekly_rent = 100 }")
        #expect(share.message.contains("compensation: rooms unusable: 5 of 4 rooms is not a share of the home"))
    }
}
