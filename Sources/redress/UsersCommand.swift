import ArgumentParser
import RedressCore

/// `redress users list|add|role|disable`: who uses the store and with which role.
struct UsersCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users",
        abstract: "The store's users and their roles (the role decides what a run may see).",
        discussion: reflowed("""
            Once a store has users, every run names one (--user or REDRESS_USER) and the audit
            trail records it. A withheld complainant's identity is shown only to the user who
            took the complaint and to the roles the store's pack names; a confidential outcome
            only to the pack's outcome roles. Roles: \(CaseStore.roles.joined(separator: ", ")).

            Examples:
              redress users add jbloggs --role complaints_officer --full-name "Jo Bloggs"
              redress users role jbloggs manager
              redress users disable jbloggs
              redress users list
            """),
        subcommands: [List.self, Add.self, Role.self, Disable.self],
        defaultSubcommand: List.self
    )

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the users, their roles, and who is disabled.")
        @OptionGroup var store: StoreOptions

        func run() throws {
            let users = try store.existingStore().users()
            if users.isEmpty {
                print("No users: every run counts as a user with no role. Add one with `redress users add NAME --role ROLE`.")
                return
            }
            let width = users.map(\.name.count).max() ?? 0
            for user in users {
                let name = user.name.padding(toLength: max(width, 4), withPad: " ", startingAt: 0)
                let role = user.role.padding(toLength: 26, withPad: " ", startingAt: 0)
                print("\(name)  \(role)  \(user.fullName ?? "")\(user.disabled.map { "  (disabled \($0))" } ?? "")")
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a user with a role.")
        @Argument(help: "The user's name (as --user and REDRESS_USER give it).") var name: String
        @Option(help: ArgumentHelp("One of: \(CaseStore.roles.joined(separator: ", ")).", valueName: "role")) var role: String
        @Option(name: .customLong("full-name"), help: "The person's full name.") var fullName: String?
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.existingStore().addUser(name, role: role, fullName: fullName, by: store.userName)
            print("Added \(name) (\(role)).")
        }
    }

    struct Role: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Give a user another role.")
        @Argument(help: "The user.") var name: String
        @Argument(help: ArgumentHelp("One of: \(CaseStore.roles.joined(separator: ", ")).", valueName: "role")) var role: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.existingStore().setRole(of: name, to: role, by: store.userName)
            print("\(name) is now \(role).")
        }
    }

    struct Disable: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop a user running against the store (the audit trail keeps their name).")
        @Argument(help: "The user.") var name: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.existingStore().disableUser(name, by: store.userName)
            print("Disabled \(name).")
        }
    }
}
