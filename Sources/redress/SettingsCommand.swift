import ArgumentParser
import RedressCore

/// `redress settings list|get|set|unset`: the store's settings.
struct SettingsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "settings",
        abstract: "Show or change the store's settings (homes for TSM returns, the landlord's details, folders).",
        discussion: reflowed("""
            Settings a user may set:
            \(StoreSettings.keys.map { "- \($0.name): \($0.help)" }.joined(separator: "\n"))

            The pack binding (policy, policy_title, policy_source, policy_hash, policy_libraries,
            region) and the
            pack's data-protection rules (confidentiality.*, retention.*) are set by `redress
            init` and `redress policy rebind`. Each change is recorded in the event log.

            Examples:
              redress settings set homes 12000
              redress settings set landlord "Example Homes"
              redress settings list
              redress settings unset deadline_days
            """),
        subcommands: [List.self, Get.self, Set.self, Unset.self]
    )
}

extension SettingsCommand {
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every setting and its value.")

        @OptionGroup var store: StoreOptions

        func run() throws {
            let settings = try store.existingStore().settings()
            for key in settings.keys.sorted() { print("\(key) = \(settings[key]!)") }
        }
    }

    struct Get: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "One setting's value (exit code 1 when it is not set).")

        @Argument(help: ArgumentHelp("The setting.", valueName: "key")) var key: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            guard let value = try store.existingStore().setting(key) else { throw ExitCode(1) }
            print(value)
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Sets a setting, after checking its value.")

        @Argument(help: ArgumentHelp("The setting.", valueName: "key")) var key: String
        @Argument(help: ArgumentHelp("Its value.", valueName: "value")) var value: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.existingStore().changeSetting(key, to: value, actor: store.userName)
        }
    }

    struct Unset: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Removes a setting, so that its default applies.")

        @Argument(help: ArgumentHelp("The setting.", valueName: "key")) var key: String
        @OptionGroup var store: StoreOptions

        func run() throws {
            try store.existingStore().removeSetting(key, actor: store.userName)
        }
    }
}
