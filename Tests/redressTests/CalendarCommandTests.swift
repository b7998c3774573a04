import Foundation
import Testing

/// The `redress` binary as a user runs it: output, exit codes, messages.
@Suite struct CalendarCommandTests {
    @Test func addsWorkingDays() throws {
        let result = try Redress.run(["calendar", "add", "2026-12-22", "5"])
        #expect(result == .init(status: 0, stdout: "2026-12-31\n", stderr: ""))
        #expect(try Redress.run(["calendar", "add", "2026-01-12", "-5"]).stdout == "2026-01-05\n")
        #expect(try Redress.run(["calendar", "add", "--region", "scotland", "2026-06-12", "1"]).stdout == "2026-06-16\n")
    }

    @Test func countsWorkingDaysBetween() throws {
        #expect(try Redress.run(["calendar", "between", "2026-12-01", "2026-12-31"]).stdout == "20\n")
    }

    @Test func listsAYearsHolidaysWithNames() throws {
        let result = try Redress.run(["calendar", "holidays", "2026", "--region", "scotland"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 10)
        #expect(lines.contains("2026-06-15  Mon  FIFA World Cup bank holiday"))
        #expect(lines.contains("2026-11-30  Mon  St Andrew’s Day"))
        #expect(lines.last == "2026-12-28  Mon  Boxing Day (substitute day)")
    }

    @Test(arguments: [
        (["calendar", "add", "2026-02-30", "5"], "redress: date: invalid date '2026-02-30': February 2026 has 28 days\n"),
        (["calendar", "add", "tomorrow", "5"], "redress: date: invalid date 'tomorrow': expected YYYY-MM-DD\n"),
        (["calendar", "add", "2026-12-22", "5", "--region", "wales"],
         "redress: --region: unknown region 'wales' (expected one of: england-and-wales, scotland, northern-ireland)\n"),
        (["calendar", "holidays", "2101"], "redress: year 2101 is outside the calendar's range 1995–2100\n"),
        (["calendar", "between", "1990-01-01", "2026-01-01"],
         "redress: date 1990-01-01 is outside the calendar's range 1995-01-01 to 2100-12-31\n"),
    ])
    func badInputExitsTwoWithAMessageNamingTheValue(arguments: [String], message: String) throws {
        let result = try Redress.run(arguments)
        #expect(result.status == 2)
        #expect(result.stdout == "")
        #expect(result.stderr == message)
    }

    @Test func usageErrorsExitTwo() throws {
        let missing = try Redress.run(["calendar", "add", "2026-12-22"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("n: missing the number of working days"))
        let notANumber = try Redress.run(["calendar", "add", "2026-12-22", "five"])
        #expect(notANumber.status == 2)
        #expect(notANumber.stderr.contains("got 'five'"))
        #expect(try Redress.run(["calendar", "frobnicate"]).status == 2)
    }

    @Test func aUserHolidayFileExtendsTheCalendar() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("redress-holidays-\(UUID()).txt")
        try "2027-06-07  england-and-wales  add  Imaginary jubilee\n".write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        #expect(try Redress.run(["calendar", "add", "2027-06-04", "1"]).stdout == "2027-06-07\n")
        #expect(try Redress.run(["calendar", "add", "2027-06-04", "1", "--holidays", file.path]).stdout == "2027-06-08\n")
        #expect(try Redress.run(["calendar", "add", "2027-06-04", "1"], environment: ["REDRESS_HOLIDAYS": file.path]).stdout == "2027-06-08\n")

        try "2027-06-07  england  add  Typo\n".write(to: file, atomically: true, encoding: .utf8)
        let bad = try Redress.run(["calendar", "add", "2027-06-04", "1", "--holidays", file.path])
        #expect(bad.status == 2)
        #expect(bad.stderr == "redress: \(file.path):1: unknown region 'england' (expected all, or some of: england-and-wales, scotland, northern-ireland)\n")
    }
}

/// Runs the built `redress` binary, which SwiftPM puts beside the test bundle.
enum Redress {
    struct Result: Equatable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var binary: URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = bundle.deletingLastPathComponent()
        while !FileManager.default.isExecutableFile(atPath: folder.appendingPathComponent("redress").path),
              folder.path != "/" {
            folder = folder.deletingLastPathComponent()
        }
        return folder.appendingPathComponent("redress")
    }

    static func run(_ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws -> Result {
        try run(binary, arguments, environment: environment, input: input)
    }

    /// Runs another program the same way (a script that drives `redress`, say), its stdin a pipe.
    static func run(_ executable: URL, _ arguments: [String], environment: [String: String] = [:], input: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe(), err = Pipe(), stdin = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = stdin
        try process.run()
        if let input { stdin.fileHandleForWriting.write(Data(input.utf8)) }
        try stdin.fileHandleForWriting.close()
        // Drain stderr on another thread while this one drains stdout, so a child that fills
        // either pipe never blocks.
        nonisolated(unsafe) var errData = Data()
        let drained = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            drained.signal()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        drained.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
