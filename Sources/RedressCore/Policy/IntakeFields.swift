/// The fields every intake takes, whatever the pack (`cases.intake{}`, a CSV's columns), and the
/// refusal of a field that is neither one of them nor a fact the pack declares.
public enum IntakeFields {
    /// The standard fields, in the order a form or a CSV gives them, each with what it is.
    public static let standard: [(name: String, meaning: String)] = [
        ("received", "the date the complaint reached the landlord (required)"),
        ("channel", "how it arrived (required): " + Vocabulary.intakeChannels.sorted().joined(separator: ", ")),
        ("category", "what it is about (repairs, damp_and_mould...)"),
        ("summary", "the complaint in a sentence"),
        ("desired_outcome", "what the customer wants"),
        ("event_date", "when the problem happened"),
        ("aware_date", "when the customer became aware of it"),
        ("tenure", "lcra (low-cost rental accommodation) or lcho (low-cost home ownership), for TSM returns"),
        ("complainant", "a party id, a name, or a table for parties.add"),
        ("complainant_email", "the complainant's email (an existing party's email finds that party)"),
        ("complainant_phone", "the complainant's phone number"),
        ("complainant_address", "the complainant's address"),
        ("complainant_role", "the complainant's role: " + Vocabulary.partyRoles.sorted().joined(separator: ", ")),
        ("representative", "a party id, a name, or a table for parties.add"),
        ("anonymous", "the complainant gives no identity (true or false)"),
        ("confidential", "the complainant's identity stays with those handling the case (true or false)"),
        ("safeguarding", "the complaint raises a safeguarding concern (true or false)"),
    ]

    public static let standardNames: Set<String> = Set(standard.map(\.name))

    /// The standard fields that are true or false (`yes`/`no` in a CSV); the others are text.
    public static let flags: Set<String> = ["anonymous", "confidential", "safeguarding"]

    /// The refusal of `name`, neither a standard field nor one of `pack`'s facts: a did-you-mean
    /// suggestion from both, and the pack's facts.
    public static func unknown(_ name: String, pack: PolicyPack) -> InputError {
        let facts = pack.facts.map(\.name)
        let suggestion = Suggestion.closest(to: name, in: facts + standard.map(\.name))
        var message = "unknown field: pack \(pack.name) declares no fact '\(name)'"
        if !suggestion.isEmpty { message += " (did you mean \(suggestion.joined(separator: " or "))?)" }
        message += facts.isEmpty
            ? "; it declares no facts at all (a pack lists the facts its triage reads in facts = { name = { type =, meaning =, clause = } })"
            : "; its facts: " + facts.joined(separator: ", ")
        message += "; the standard fields: " + standard.map(\.name).joined(separator: ", ")
        return InputError(field: name, message: message)
    }
}
