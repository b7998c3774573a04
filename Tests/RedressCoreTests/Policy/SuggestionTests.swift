import Testing
@testable import RedressCore

/// "Did you mean ...?" on the slips the issue and the packs show.
@Suite struct SuggestionTests {
    static let wdh = ["about_handling", "asb", "asked_for_complaint", "consent", "court_matter", "dissatisfied", "other_route"]
        + IntakeFields.standard.map(\.name)

    @Test(arguments: [
        ("asb_report", ["asb"]),                      // the case: a word added
        ("abs", ["asb"]),                             // two letters swapped
        ("catgory", ["category"]),                    // a letter missed
        ("complainant_mail", ["complainant_email"]),
        ("consnet", ["consent"]),
        ("dissatisfed", ["dissatisfied"]),
        ("report", []),                               // nothing like it
        ("asb", []),                                  // itself is no slip
    ])
    func theNearestNamesAreSuggested(name: String, expected: [String]) {
        #expect(Suggestion.closest(to: name, in: Self.wdh) == expected)
    }

    @Test func aLongerWordBeginningWithASharedNameFindsIt() {
        #expect(Suggestion.closest(to: "acknowledgement", in: PackVocabulary.clocks.map(\.name)) == ["acknowledge"])
    }

    @Test func distanceCountsASwapAsOneEdit() {
        func distance(_ a: String, _ b: String) -> Int { Suggestion.distance(Array(a.unicodeScalars), Array(b.unicodeScalars)) }
        #expect(distance("asb", "abs") == 1)
        #expect(distance("kitten", "sitting") == 3)
        #expect(distance("", "asb") == 3)
        #expect(distance("asb", "asb") == 0)
    }
}
