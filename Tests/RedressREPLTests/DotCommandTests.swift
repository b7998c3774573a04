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
        #expect(try DotCommand.parse(".mode box") == .mode(.box))
        #expect(try DotCommand.parse(".headers off") == .headers(false))
        #expect(try DotCommand.parse(".headers") == .headers(nil))
        #expect(try DotCommand.parse(".once out.csv") == .once("out.csv"))
        #expect(try DotCommand.parse(".import \"my data.csv\" temp.extra") == .import(file: "my data.csv", table: "extra"))
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
        #expect(error(".mode xml") == ".mode: unknown mode 'xml' (expected column, table, box, markdown, list, line, csv, json or lua)")
        #expect(error(".headers yes") == ".headers: expected on or off, got 'yes'")
        #expect(error(".once") == ".once: expected a file: .once FILE")
        #expect(error(".import data.csv") == ".import: expected a CSV file and a table name: .import FILE TABLE (got 1 argument)")
        #expect(error(".import data.csv 2nd") == ".import: bad table name '2nd' (a letter or _ then letters, digits or _, at most 64)")
        #expect(error(".import data.csv a-b") == ".import: bad table name 'a-b' (a letter or _ then letters, digits or _, at most 64)")
        #expect(error(".import data.csv sqlite_x") == ".import: bad table name 'sqlite_x' (a letter or _ then letters, digits or _, at most 64)")
        #expect(error(".asof 2026-02-30") == ".asof: invalid date '2026-02-30': February 2026 has 28 days")
        #expect(error(".timer maybe") == ".timer: expected on or off, got 'maybe'")
        #expect(error(".read") == ".read: expected a Lua file: .read FILE.lua")
        #expect(error(".tables extra") == ".tables: takes no argument, got 'extra'")
        #expect(error(".open a b") == ".open: expected one argument at most, got 2")
        #expect(error(".read \"unfinished") == "unfinished quote: \"unfinished")
    }
}
