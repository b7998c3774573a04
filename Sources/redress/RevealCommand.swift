import ArgumentParser
import RedressCore

/// `redress reveal REF --reason TEXT`: see a withheld complainant, the request audited first.
struct RevealCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reveal",
        abstract: "Show the withheld identity of an anonymous or confidential complaint's complainant.",
        discussion: reflowed("""
            Only a user whose role the store's pack lets ask (its confidentiality.reveal_roles or
            identity_roles), or who took the complaint, may. The request (who, when, which case,
            the reason) is written to the audit trail and committed before anything is shown, so
            no disclosure goes unrecorded. There is no Lua equivalent: a script's writes roll back
            on an error, and this record must not.

            Example:
              redress reveal C-2026-000123 --user asmith --reason "safeguarding referral"
            """)
    )

    @Argument(help: "The case reference.") var ref: String
    @Option(help: "Why you need to see it (the pack may require one).") var reason: String?
    @OptionGroup var store: StoreOptions

    func run() throws {
        let identity = try store.existingStore().reveal(ref, reason: reason, by: store.userName)
        print("\(identity.ref): complainant \(identity.name ?? "(no name)")")
        for (label, value) in [("email", identity.email), ("phone", identity.phone), ("address", identity.address)] {
            if let value { print("  \(label): \(value)") }
        }
        print("(This disclosure is recorded in the case's audit trail.)")
    }
}
