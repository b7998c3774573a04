import Testing
@testable import RedressCore

/// The standard intake fields, and the refusal of any other field a pack does not declare.
@Suite struct IntakeFieldsTests {
    static func pack(facts: [FactDeclaration]) throws -> PolicyPack {
        var pack = try PolicyPack(name: "wdh", title: nil, region: .englandAndWales, closures: [], acceptanceWindow: nil,
                                  stages: [StageRule(name: "1", clocks: [])], hash: "test")
        pack.facts = facts
        return pack
    }

    @Test func anUnknownFieldIsRefusedWithTheNearestFactAndThePacksList() throws {
        let pack = try Self.pack(facts: [
            FactDeclaration(name: "about_handling", kind: .boolean, meaning: "about how a report was managed", clause: "Exclusions"),
            FactDeclaration(name: "asb", kind: .boolean, meaning: "a report of nuisance or antisocial behaviour (ASB)", clause: "Exclusions"),
        ])
        let error = IntakeFields.unknown("asb_report", pack: pack)
        #expect(error.field == "asb_report")
        #expect(error.message.hasPrefix("unknown field: pack wdh declares no fact 'asb_report' (did you mean asb?); its facts: about_handling, asb; "
                                        + "the standard fields: received, channel, category, "))
    }

    @Test func aPackWithoutFactsSaysHowToDeclareThem() throws {
        let error = IntakeFields.unknown("legal_proceedings", pack: try Self.pack(facts: []))
        #expect(error.message.contains("it declares no facts at all (a pack lists the facts its triage reads in facts = { name = { type =, meaning =, clause = } })"))
    }

    @Test func theFlagsAreAmongTheStandardFields() {
        #expect(IntakeFields.flags.isSubset(of: IntakeFields.standardNames))
        #expect(IntakeFields.standardNames.count == IntakeFields.standard.count)
    }
}
