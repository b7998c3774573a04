import ArgumentParser
import RedressCore

#if canImport(Glibc)
import Glibc
#endif

/// `redress pack new NAME`: a pack author's starting point.
struct PackCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pack",
        abstract: "Start a policy pack.",
        subcommands: [New.self]
    )

    /// `redress pack new NAME [--output PATH]`: writes Scripts/templates/pack.lua with the name.
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "new",
            abstract: "Write a commented skeleton pack that passes `redress check` as written.",
            discussion: reflowed("""
                The skeleton is the Housing Ombudsman's Complaint Handling Code 2024 as a
                pack: its two stages with their clocks and extensions, the 12-month
                acceptance window, a triage hook with the Code's exclusions (legal
                proceedings, matters already considered, the time bar), a remedy hook (an
                apology, the action, the Ombudsman's 2026 sums from
                Scripts/lib/compensation.lua), and three scenarios. Each rule sits beside
                the clause it implements; change them to your policy's. The file is
                written as NAME.lua in the current folder unless --output names another;
                an existing file is never replaced. docs/packs.md is the guide.

                Examples:
                  redress pack new acme
                  redress pack new acme --output packs/acme.lua
                  redress check ./acme.lua
                """)
        )

        @Argument(help: ArgumentHelp("The pack's name: lower-case letters, digits, '-' and '_', starting with a letter (e.g. acme-homes).",
                                     valueName: "name"))
        var name: String

        @Option(help: ArgumentHelp("Write the pack here (default: ./NAME.lua); an existing file is refused.", valueName: "path"))
        var output: String?

        /// The longest name a pack may have.
        static let maximumName = 64

        func validate() throws {
            let letters = name.unicodeScalars
            guard let first = letters.first, ("a"..."z").contains(first), name.count <= Self.maximumName,
                  letters.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }) else {
                throw ValidationError("name: expected lower-case letters, digits, '-' and '_', starting with a letter, at most \(Self.maximumName) characters (e.g. acme-homes), got '\(name)'")
            }
            if let output, output.isEmpty { throw ValidationError("--output: expected a file path, got ''") }
        }

        func run() throws {
            let template = try Installation.locate().scripts + "/templates/pack.lua"
            let text: String
            do {
                text = try TextFile.read(template)
            } catch {
                throw UsageError("cannot read the skeleton pack \(template): \(error.reason)")
            }
            guard text.contains(Self.placeholder) else {
                throw UsageError("the skeleton pack \(template) has no \(Self.placeholder) to put the name in")
            }
            let path = output ?? "./\(name).lua"
            let file: OutputFile
            do {
                file = try OutputFile(path: path, mode: .create)
            } catch {
                if errno == EEXIST {
                    throw UsageError("\(output == nil ? "name" : "--output"): '\(path)' already exists; `pack new` never replaces a file (give another name or --output)")
                }
                throw UsageError("--output: cannot write '\(path)': \(error.reason)")
            }
            file.write(text.replacingOccurrences(of: Self.placeholder, with: name))
            file.close()
            print("""
                Wrote \(path): the Housing Ombudsman's Code as pack '\(name)', with three scenarios. Next:
                  redress check \(path)
                  redress check --code \(path)
                """)
        }

        /// What the template has where the pack's name goes.
        static let placeholder = "{{name}}"
    }
}
