import Testing
@testable import RedressCore

/// What may name a fact.
@Suite struct FactDeclarationTests {
    @Test(arguments: [
        ("asb", nil as String?),
        ("new_build_completed", nil),
        ("ombudsman_instruction2", nil),
        ("received", "'received' is a standard intake field, which every pack takes: it is not declared as a fact"),
        ("ASB", "a fact's name is a lower-case letter, then lower-case letters, digits and underscores (at most 64), got 'ASB'"),
        ("asb report", "a fact's name is a lower-case letter, then lower-case letters, digits and underscores (at most 64), got 'asb report'"),
        ("_asb", "a fact's name is a lower-case letter, then lower-case letters, digits and underscores (at most 64), got '_asb'"),
    ])
    func aFactsNameIsACsvColumnAndALuaFieldAlike(name: String, problem: String?) {
        #expect(FactDeclaration.problem(withName: name) == problem)
    }

    @Test func aNameLongerThanTheLimitIsRefused() {
        #expect(FactDeclaration.problem(withName: String(repeating: "a", count: 64)) == nil)
        #expect(FactDeclaration.problem(withName: String(repeating: "a", count: 65)) != nil)
    }

    @Test func eachTypeSaysWhatItTakes() {
        #expect(FactDeclaration.Kind.boolean.expected == "true or false (yes or no in a CSV)")
        #expect(FactDeclaration.Kind.oneOf(["mp", "councillor"]).description == "one of: mp, councillor")
    }
}
