import ArgumentParser

/// The `redress` command: a scriptable workbench for housing complaint handling.
struct Redress: ParsableCommand {
    static let version = "0.1.0"

    static let configuration = CommandConfiguration(
        commandName: "redress",
        abstract: "A scriptable workbench for housing complaint handling.",
        version: version,
        subcommands: [CalendarCommand.self]
    )
}
