import RedressCalendar
import RedressCore
import Testing
@testable import RedressREPL

@Suite struct DotCommandTests {
    func error(_ line: String) -> String? {
        do {
            _ = try DotCommand.parse(line)
            return nil
        } catch {
            return error.description
        }
    }

    @Test func commandsAndTheirArguments() throws {
        #expect(try DotCommand.parse(".help") == .help)
        #expect(try DotCommand.parse("  .mode csv") == .mode(.csv))
        #expect(try DotCommand.parse(".mode") == .mode(nil))
        #expect(try DotCommand.parse(".asof 2026-12-22") == .asOf(try LocalDate(iso: "2026-12-22")))
        #expect(try DotCommand.parse(".read \"my session.lua\"") == .read("my session.lua"))
        #expect(try DotCommand.parse(".timer on") == .timer(true))
        #expect(try DotCommand.parse(".exit") == .quit)
        #expect(try DotCommand.parse(".output") == .output(nil))
    }

    @Test func aDotThenALetterIsACommand() {
        #expect(DotCommand.isCommand(".help"))
        #expect(DotCommand.isCommand("  .mode csv"))
        #expect(DotCommand.isCommand("."))
        #expect(!DotCommand.isCommand(".5 + 1"))
        #expect(!DotCommand.isCommand("x = .5"))
    }

    @Test func badInputNamesTheCommandAndTheValue() {
        #expect(error(".frob") == "unknown command '.frob' (.help lists them)")
        #expect(error(".mode xml") == ".mode: unknown mode 'xml' (expected table, csv, json or lua)")
        #expect(error(".asof 2026-02-30") == ".asof: invalid date '2026-02-30': February 2026 has 28 days")
        #expect(error(".timer maybe") == ".timer: expected on or off, got 'maybe'")
        #expect(error(".read") == ".read: expected a Lua file: .read FILE.lua")
        #expect(error(".tables extra") == ".tables: takes no argument, got 'extra'")
        #expect(error(".open a b") == ".open: expected one argument at most, got 2")
        #expect(error(".read \"unfinished") == "unfinished quote: \"unfinished")
    }
}
