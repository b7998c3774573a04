import Foundation
import Testing

/// Every command's help at 80 columns is wrapped once, by argument-parser: no prose line broken
/// where its next word would have fitted (wrapped by hand, then again), and no example so long
/// that argument-parser had to break it.
@Suite struct HelpTextTests {
    static let width = 80

    /// The command paths: the root, and each subcommand its help lists, recursively.
    static func commands(_ path: [String] = []) throws -> [[String]] {
        let help = try Redress.run(path + ["--help"], environment: ["COLUMNS": String(width)], input: "").stdout
        guard let start = help.range(of: "\nSUBCOMMANDS:\n") else { return [path] }
        // A name starts its line two spaces in; its description's further lines start further in.
        let names = help[start.upperBound...].split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.isEmpty }
            .filter { $0.hasPrefix("  ") && !$0.hasPrefix("   ") }
            .compactMap { $0.split(separator: " ").first.map(String.init) }
            .filter { $0 != "help" }
        return try [path] + names.flatMap { try commands(path + [$0]) }
    }

    /// What is wrong with a help text's discussion (between OVERVIEW and USAGE), line by line.
    static func problems(_ help: String) -> [String] {
        let lines = help.split(separator: "\n", omittingEmptySubsequences: false).prefix { !$0.hasPrefix("USAGE:") }
        var found: [String] = []
        for (line, next) in zip(lines, lines.dropFirst()) where !line.isEmpty && !next.isEmpty {
            let nextIsProse = next.first != " " && !next.hasPrefix("- ")
            if line.first == " " && nextIsProse {
                found.append("an example broken by argument-parser: '\(line)' / '\(next)'")
            } else if line.first != " " && !line.hasPrefix("OVERVIEW:") && nextIsProse,
                      let word = next.split(separator: " ").first, line.count + 1 + word.count <= width - 2 {
                found.append("prose wrapped twice: '\(line)' / '\(next)'")
            }
        }
        return found
    }

    @Test func everyCommandsHelpIsWrappedOnceAt80Columns() throws {
        let commands = try Self.commands()
        #expect(commands.count > 30, "\(commands)")
        for command in commands {
            let help = try Redress.run(command + ["--help"], environment: ["COLUMNS": String(Self.width)], input: "")
            #expect(help.status == 0)
            #expect(Self.problems(help.stdout) == [], "redress \(command.joined(separator: " ")) --help")
        }
    }

    @Test func theCheckFindsBothFaults() {
        #expect(Self.problems("OVERVIEW: x\n\nruns that input chunk by\nchunk with no prompts\n\nUSAGE: y").count == 1)
        #expect(Self.problems("Examples:\n  redress --db wdh.sqlite < Samples/workbench.session   # a\nscripted session\nUSAGE: y").count == 1)
        #expect(Self.problems("Examples:\n  redress calendar add 2026-12-22 5\n\nA paragraph that fills the line.\nUSAGE: y") == [])
    }
}
