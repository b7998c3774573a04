import RedressCalendar

/// An intake fact a pack's triage reads, as the pack declares it beside the clause it serves:
/// `facts = { asb = { type = "boolean", meaning = "a report of nuisance or antisocial behaviour",
/// clause = "Exclusions" } }`. `cases.intake{}` and `redress import` refuse a field that is
/// neither a standard intake field (`IntakeFields`) nor a declared fact, and a fact whose value
/// is not of its type.
public struct FactDeclaration: Hashable, Sendable {
    /// What values the fact takes.
    public enum Kind: Hashable, Sendable, CustomStringConvertible {
        /// `true` or `false` (`yes`/`no` in a CSV).
        case boolean
        /// A date value or ISO text; triage is given a date value.
        case date
        /// Any text.
        case text
        /// A number, or text that reads as one (a CSV cell); triage is given a number.
        case number
        /// One of the texts listed (`type = { "mp", "councillor" }`).
        case oneOf([String])

        /// The names of the types a pack writes as text.
        public static let names = ["boolean", "date", "text", "number"]

        /// `boolean`, `date`, `text`, `number`, or `one of: mp, councillor`.
        public var description: String {
            switch self {
            case .boolean: "boolean"
            case .date: "date"
            case .text: "text"
            case .number: "number"
            case .oneOf(let choices): "one of: " + choices.joined(separator: ", ")
            }
        }

        /// What a refusal says the fact takes: `true or false (yes or no in a CSV)`.
        public var expected: String {
            switch self {
            case .boolean: "true or false (yes or no in a CSV)"
            case .date: "a date (a date value or ISO text, YYYY-MM-DD)"
            case .text: "text"
            case .number: "a number"
            case .oneOf(let choices): "one of: " + choices.joined(separator: ", ")
            }
        }
    }

    /// The intake field's name (`asb`): lower-case letters, digits and underscores.
    public let name: String
    public let kind: Kind
    /// What the fact means, in the policy's words (for the people who record intakes).
    public let meaning: String
    /// The clause of the landlord's policy the fact serves.
    public let clause: String?

    public init(name: String, kind: Kind, meaning: String, clause: String? = nil) {
        self.name = name
        self.kind = kind
        self.meaning = meaning
        self.clause = clause
    }

    /// The longest name a fact may have: longer than any word a policy uses, short enough for
    /// a CSV header and a message.
    public static let maximumNameLength = 64

    /// Nil when `name` may name a fact, else why not: a lower-case letter, then lower-case
    /// letters, digits and underscores (so that it is a CSV column and a Lua field alike), not
    /// one of the standard intake fields.
    public static func problem(withName name: String) -> String? {
        if IntakeFields.standardNames.contains(name) {
            return "'\(name)' is a standard intake field, which every pack takes: it is not declared as a fact"
        }
        let bytes = Array(name.utf8)
        guard let first = bytes.first, (97...122).contains(first), bytes.count <= maximumNameLength,
              bytes.allSatisfy({ (97...122).contains($0) || (48...57).contains($0) || $0 == 95 }) else {
            return "a fact's name is a lower-case letter, then lower-case letters, digits and underscores (at most \(maximumNameLength)), got '\(name)'"
        }
        return nil
    }
}
