import Testing
@testable import RedressCore

/// What the records refuse before anything is written.
@Suite struct RecordsTests {
    @Test func remedyAmountsAreBoundedSoTheirSumCannotOverflow() throws {
        let huge = RemedyOffer(items: [RemedyItem(kind: "apology", pence: Int.max, reason: "x"),
                                       RemedyItem(kind: "apology", pence: Int.max, reason: "x")])
        #expect(throws: InputError(field: "remedy.items[1].pence", message: "expected at most 1000000000 pence (£10,000,000), got 9223372036854775807")) {
            try huge.validated()
        }
        let offset = RemedyOffer(items: [RemedyItem(kind: "apology", pence: 100, reason: "x")], arrearsOffsetPence: Int.max)
        #expect(throws: InputError(field: "remedy.arrears_offset", message: "expected at most 1000000000 pence (£10,000,000), got 9223372036854775807")) {
            try offset.validated()
        }
        #expect(throws: Never.self) {
            try RemedyOffer(items: [RemedyItem(kind: "apology", pence: RemedyItem.maximumPence, reason: "x")]).validated()
        }
    }
}
