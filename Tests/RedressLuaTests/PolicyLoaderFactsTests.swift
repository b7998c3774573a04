import Testing
import RedressCore
@testable import RedressLua

/// Each pack declares the intake facts its triage reads, beside the clause each serves; the
/// loader refuses a declaration it cannot use, naming the field.
@Suite struct PolicyLoaderFactsTests {
    static func load(_ pack: String) throws -> PolicyPack {
        try PolicyLoader.load(path: TestSupport.scripts + "/policies/\(pack).lua", in: TestSupport.state())
    }

    /// The facts each pack's triage reads, from its policy's text (shared/seeds and domain.md for
    /// the Code), and the clause of one of them.
    @Test(arguments: [
        ("hos-code", ["asked_for_complaint", "compliment", "dissatisfied", "enquiry", "legal_proceedings", "previously_considered",
                      "service_request"], "legal_proceedings", "Code 2.2(b)"),
        ("wdh", ["about_handling", "asb", "asked_for_complaint", "consent", "court_matter", "dissatisfied", "insurance_claim",
                 "legal_proceedings", "licence_to_occupy", "needs_investigation", "new_build_completed", "ombudsman_instruction",
                 "other_route", "previously_considered", "repairs_completed", "service_agreement", "staff_conduct",
                 "tenancy_breach_action", "vexatious"], "asb", "Exclusions"),
        ("halton", ["appeal_of_other_policy", "behaviour_exclusion", "compliment", "contacted_before", "dissatisfied", "enquiry",
                    "service_request", "via"], "via", "Policy Statement: Formal Enquiries"),
        ("southern-charity", ["asked_for_complaint", "debt_advice", "dissatisfied", "lease_terms", "leaseholder", "previously_reviewed",
                              "service_charges", "service_request", "shared_owner"], "previously_reviewed",
         "When the same complaint is continually raised"),
        ("willow-tree", ["asked_for_complaint", "compliment", "declined_complaint", "dissatisfied", "legal_proceedings",
                         "previously_considered", "service_request", "survey"], "survey", "Statement of Intent"),
        ("winchester", ["compliment"], "compliment", "Objectives"),
    ])
    func eachPackDeclaresTheFactsItsTriageReads(pack: String, facts: [String], fact: String, clause: String) throws {
        let loaded = try Self.load(pack)
        #expect(loaded.facts.map(\.name) == facts)
        #expect(loaded.fact(fact)?.clause == clause)
        #expect(loaded.facts.allSatisfy { !$0.meaning.isEmpty && $0.clause != nil })
        // An exception to the acceptance window is a declared fact.
        for exception in loaded.acceptance?.exceptions ?? [] { #expect(loaded.fact(exception.fact) != nil) }
    }

    @Test func typesAreTheFactsOwn() throws {
        let wdh = try Self.load("wdh"), halton = try Self.load("halton")
        #expect(wdh.fact("asb")?.kind == .boolean)
        #expect(wdh.fact("new_build_completed")?.kind == .date)
        #expect(wdh.fact("other_route")?.kind == .text)
        // Halton: "via local MP's, Councillors, Board Members or Independent 3rd Party Advocates".
        #expect(halton.fact("via")?.kind == .oneOf(["mp", "councillor", "board_member", "advocate"]))
    }

    @Test func aClockOfItsOwnSaysWhatItMeans() throws {
        let halton = try Self.load("halton")
        #expect(halton.stage("review")?.clocks.first { $0.name == "notify" }?.means
                == "the customer is notified of the date, time and venue of the review meeting")
        #expect(halton.stage("1")?.clocks.first { $0.name == "respond" }?.means == nil)
        for pack in ["hos-code", "wdh", "halton", "southern-charity", "willow-tree", "winchester"] {
            #expect(PackVocabulary.warnings(for: try Self.load(pack)).isEmpty, "\(pack)")
        }
    }

    static let stage = "stages = { { name = '1' } }"

    @Test(arguments: [
        ("facts = { received = { type = 'date', meaning = 'x' } }",
         "facts.received: 'received' is a standard intake field, which every pack takes: it is not declared as a fact"),
        ("facts = { ASB = { type = 'boolean', meaning = 'x' } }",
         "facts.ASB: a fact's name is a lower-case letter, then lower-case letters, digits and underscores (at most 64), got 'ASB'"),
        ("facts = { asb = { type = 'bool', meaning = 'x' } }",
         "facts.asb.type: unknown type 'bool' (expected one of: boolean, date, text, number); or give the list of the texts it may be"),
        ("facts = { asb = { meaning = 'x' } }",
         "facts.asb.type: expected one of: boolean, date, text, number, or a list of the texts it may be, got nothing"),
        ("facts = { asb = { type = 'boolean' } }",
         "facts.asb.meaning: required: what the fact means, in the policy's words (got nothing)"),
        ("facts = { asb = { type = 'boolean', meaning = 'x', clase = 'Exclusions' } }",
         "facts.asb.clase: unknown key (expected one of: clause, meaning, type)"),
        ("facts = { via = { type = { 'mp', 'mp' }, meaning = 'x' } }", "facts.via.type[2]: 'mp' is listed twice"),
        ("facts = { via = { type = { 'mp', 3 }, meaning = 'x' } }", "facts.via.type[2]: expected text, got 3"),
        ("facts = { 'asb' }", "facts: expected a table { name = { type =, meaning =, clause = } }, got a table"),
        ("facts = true", "facts: expected a table { name = { type =, meaning =, clause = } }, got true"),
        ("acceptance = { months = 6, exceptions = { ombudsman_instruction = {} } }",
         "acceptance.exceptions.ombudsman_instruction: 'ombudsman_instruction' is not one of the pack's facts: declare it, "
            + "facts = { ombudsman_instruction = { type = \"boolean\", meaning = \"...\", clause = \"...\" } }"),
    ])
    func aBadDeclarationIsRefusedNamingTheField(declaration: String, message: String) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("pack.lua", "return { name = 'x', \(Self.stage), \(declaration) }")
        do {
            _ = try PolicyLoader.load(path: path, in: TestSupport.state())
            Issue.record("accepted: \(declaration)")
        } catch let error as PolicyError {
            #expect(error.description == "\(path): \(message)")
        }
    }

    @Test func aClocksMeaningIsText() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("pack.lua", "return { name = 'x', stages = { { name = '1', clocks = { visit = { working_days = 3, from = 'received', means = 5 } } } } }")
        #expect(throws: PolicyError(field: "stages[1].clocks.visit.means", message: "expected text, got 5", source: path)) {
            _ = try PolicyLoader.load(path: path, in: TestSupport.state())
        }
    }
}
