import Foundation
import GRDB
import Testing

/// A store owns its calendar (issue 16, item 1): a bank holiday proclaimed for it moves exactly
/// the open due dates it should, is counted by every run whatever its flags, and a user's own
/// holiday file cannot change one run's calendar. Dates worked by hand from GOV.UK's bank
/// holidays for England and Wales (2027: Spring bank holiday Monday 31 May) and the Code's
/// timescales as hos-code declares them (acknowledge within 5 working days of receipt, respond
/// within 10 of the acknowledgement), with an imagined Jubilee bank holiday on Monday 7 June 2027.
@Suite struct StoreCalendarTests {
    /// Five complaints:
    /// - 000001 received Tue 1 June, not acknowledged: due 2, 3, 4, 7, 8 June -> 8 June; with
    ///   the Jubilee 2, 3, 4, 8, 9 -> 9 June. Moves.
    /// - 000002 received Mon 24 May: 25, 26, 27, 28 May, (31 May a bank holiday) 1 June. Stays.
    /// - 000003 received 1 June, acknowledged Thu 3 June (on time); its response is due 10
    ///   working days on: 4, 7, 8, 9, 10, 11, 14, 15, 16, 17 -> 17 June; with the Jubilee 18 June. Moves.
    /// - 000004 received 1 June, acknowledged Wed 9 June: late against 8 June. Its met clock keeps
    ///   that history; its response counts from 9 June (due 23 June), past the Jubilee. Stays.
    /// - 000005 received Thu 27 May: 28 May, 1, 2, 3, 4 June -> 4 June. Stays.
    static func store() throws -> (folder: URL, db: String) {
        let folder = URL(fileURLWithPath: "/tmp/rcal-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let db = folder.appendingPathComponent("x.sqlite").path
        #expect(try Redress.run(["init", "--db", db, "--policy", "hos-code"]).status == 0)
        let made = try Redress.run(["--db", db, "--as-of", "2027-06-09", "-e", """
            local function intake(on) return cases.intake{ received = on, channel = "email", summary = "Repair",
                                                           complainant = { name = "Ann Example" } } end
            intake("2027-06-01")
            intake("2027-05-24")
            intake("2027-06-01"):acknowledge{ on = "2027-06-03" }
            intake("2027-06-01"):acknowledge{ on = "2027-06-09" }
            intake("2027-05-27")
            """])
        #expect(made.status == 0, "\(made.stderr)")
        return (folder, db)
    }

    static let dues = """
        local out = {}
        for i = 1, 5 do
          local c = cases.get(string.format("C-2027-%06d", i))
          local due = {}
          for _, k in ipairs(c.clocks) do due[#due + 1] = k.name .. "=" .. tostring(k.due) .. (k.met and (k.met_late and " late" or " met") or "") end
          out[#out + 1] = c.ref .. " " .. table.concat(due, " ")
        end
        print(table.concat(out, "\\n"))
        """

    @Test func aProclaimedHolidayMovesExactlyTheOpenClocksItShould() throws {
        let (folder, db) = try Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let before = try Redress.run(["--db", db, "-e", Self.dues])
        #expect(before.stdout == """
            C-2027-000001 acknowledge=2027-06-08
            C-2027-000002 acknowledge=2027-06-01
            C-2027-000003 acknowledge=2027-06-08 met respond=2027-06-17
            C-2027-000004 acknowledge=2027-06-08 late respond=2027-06-23
            C-2027-000005 acknowledge=2027-06-04

            """, "\(before.stderr)")

        let proclaimed = try Redress.run(["calendar", "proclaim", "2027-06-07", "Jubilee bank holiday", "--db", db])
        #expect(proclaimed.status == 0, "\(proclaimed.stderr)")
        #expect(proclaimed.stdout.hasPrefix("Proclaimed 2027-06-07 Jubilee bank holiday (england-and-wales) in \(db)\nCalendar version "))
        #expect(proclaimed.stdout.hasSuffix("""
            Moved 2 due dates of 5 open clocks:
              C-2027-000001 1 acknowledge: 2027-06-08 -> 2027-06-09
              C-2027-000003 1 respond: 2027-06-17 -> 2027-06-18

            """), "\(proclaimed.stdout)")

        let after = try Redress.run(["--db", db, "-e", Self.dues])
        #expect(after.stdout == """
            C-2027-000001 acknowledge=2027-06-09
            C-2027-000002 acknowledge=2027-06-01
            C-2027-000003 acknowledge=2027-06-08 met respond=2027-06-18
            C-2027-000004 acknowledge=2027-06-08 late respond=2027-06-23
            C-2027-000005 acknowledge=2027-06-04

            """, "\(after.stderr)")

        // One event per moved clock, with both dates and both calendar versions.
        let queue = try DatabaseQueue(path: db)
        let moved = try queue.read { db in
            try Row.fetchAll(db, sql: """
                SELECT c.ref, json_extract(e.data, '$.clock') AS clock, json_extract(e.data, '$.old_due') AS old,
                       json_extract(e.data, '$.new_due') AS new, json_extract(e.data, '$.old_calendar') <> json_extract(e.data, '$.new_calendar') AS versions
                FROM events e JOIN cases c ON c.id = e.case_id WHERE e.type = 'clock_moved' ORDER BY e.id
                """).map { "\($0["ref"] as String) \($0["clock"] as String) \($0["old"] as String) \($0["new"] as String) \($0["versions"] as Bool)" }
        }
        #expect(moved == ["C-2027-000001 acknowledge 2027-06-08 2027-06-09 true", "C-2027-000003 respond 2027-06-17 2027-06-18 true"])

        // The deadline views count on the same calendar: on 9 June nothing of 000001 is overdue.
        let overdue = try Redress.run(["--db", db, "--as-of", "2027-06-09", "-e",
                                       "for _, r in ipairs(sql('select ref, clock from overdue_clocks order by ref')) do print(r.ref, r.clock) end"])
        #expect(overdue.stdout == "C-2027-000002\tacknowledge\nC-2027-000005\tacknowledge\n", "\(overdue.stderr)")

        // The explanation names the proclaimed day, and the store is consistent.
        let explained = try Redress.run(["--db", db, "explain", "C-2027-000001", "acknowledge"])
        #expect(explained.stdout.contains("count      5 working days after 2027-06-01: 2027-06-09; skipped 2027-06-07 Jubilee bank holiday and 2 weekend days"),
                "\(explained.stdout)\(explained.stderr)")
        #expect(try Redress.run(["doctor", "--db", db]) == .init(status: 0, stdout: "ok: \(db)\n", stderr: ""))
        // And the calendar commands count it on the store.
        #expect(try Redress.run(["calendar", "add", "2027-06-04", "1", "--db", db]).stdout == "2027-06-08\n")
        #expect(try Redress.run(["calendar", "is-working-day", "2027-06-07", "--db", db]).stdout == "no: Jubilee bank holiday\n")
    }

    @Test func aUsersHolidayFileCannotChangeOneRunOfAStore() throws {
        let (folder, db) = try Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("jubilee.txt").path
        try "2027-06-07  england-and-wales  add  Jubilee bank holiday\n".write(toFile: file, atomically: true, encoding: .utf8)
        let refused = try Redress.run(["--db", db, "--holidays", file, "-e", "print(#cases.find{})"])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("would change the england-and-wales calendar of \(db) for this run only"))
        #expect(refused.stderr.contains("redress calendar proclaim 2027-06-07 \"Jubilee bank holiday\" --region england-and-wales --db \(db)"))
        let byEnvironment = try Redress.run(["--db", db, "calendar", "add", "2027-06-04", "1"], environment: ["REDRESS_HOLIDAYS": file])
        #expect(byEnvironment.status != 0 && byEnvironment.stderr.contains("(--holidays, REDRESS_HOLIDAYS)"))
        // Once the store has the day, the same file repeats its calendar and is accepted.
        #expect(try Redress.run(["calendar", "proclaim", "2027-06-07", "Jubilee bank holiday", "--db", db]).status == 0)
        let accepted = try Redress.run(["--db", db, "--holidays", file, "-e", "print(#cases.find{})"])
        #expect(accepted == .init(status: 0, stdout: "5\n", stderr: ""))
    }

    @Test func onlyAManagerChangesTheCalendarAndNonsenseIsRefused() throws {
        let (folder, db) = try Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(try Redress.run(["users", "add", "boss", "--role", "manager", "--db", db, "--user", "boss"]).status == 0)
        #expect(try Redress.run(["users", "add", "jo", "--role", "complaints_officer", "--db", db, "--user", "boss"]).status == 0)
        let notManager = try Redress.run(["calendar", "proclaim", "2027-06-07", "Jubilee", "--db", db, "--user", "jo"])
        #expect(notManager.status != 0 && notManager.stderr.contains("only a manager changes the store's calendar ('jo' is not one)"))
        let holiday = try Redress.run(["calendar", "proclaim", "2027-05-31", "Again", "--db", db, "--user", "boss"])
        #expect(holiday.stderr.contains("date: 2027-05-31 is already a bank holiday in england-and-wales: Spring bank holiday"))
        let weekend = try Redress.run(["calendar", "proclaim", "2027-06-05", "Saturday", "--db", db, "--user", "boss"])
        #expect(weekend.stderr.contains("date: 2027-06-05 is a Saturday: never a working day"))
        let notOne = try Redress.run(["calendar", "proclaim", "--remove", "2027-06-07", "Jubilee", "--db", db, "--user", "boss"])
        #expect(notOne.stderr.contains("date: 2027-06-07 is not a bank holiday in england-and-wales, so it cannot be removed"))
        #expect(try Redress.run(["calendar", "changes", "--db", db, "--user", "jo"]).stdout.hasSuffix("no changes of the store's own\n"))
    }

    @Test func aClosureDayAndItsReopeningMoveTheDatesBothWays() throws {
        let (folder, db) = try Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let closed = try Redress.run(["calendar", "close", "2027-06-02", "Office move", "--db", db])
        // 000001: 3, 4, 7, 8, 9 -> 9 June; 000003's response from 3 June does not span 2 June;
        // 000005: 28 May, 1, 3, 4, 7 -> 7 June.
        #expect(closed.stdout.hasSuffix("""
            Moved 2 due dates of 5 open clocks:
              C-2027-000001 1 acknowledge: 2027-06-08 -> 2027-06-09
              C-2027-000005 1 acknowledge: 2027-06-04 -> 2027-06-07

            """), "\(closed.stdout)\(closed.stderr)")
        let reopened = try Redress.run(["calendar", "close", "--reopen", "2027-06-02", "Move postponed", "--db", db])
        #expect(reopened.stdout.hasSuffix("""
            Moved 2 due dates of 5 open clocks:
              C-2027-000001 1 acknowledge: 2027-06-09 -> 2027-06-08
              C-2027-000005 1 acknowledge: 2027-06-07 -> 2027-06-04

            """), "\(reopened.stdout)\(reopened.stderr)")
        let changes = try Redress.run(["calendar", "changes", "--db", db]).stdout.split(separator: "\n").dropFirst()
            .map { String($0.split(separator: "(")[0]) }
        #expect(changes == ["2027-06-02  close   all  Office move  ", "2027-06-02  reopen  all  Move postponed  "])
    }

    @Test func doctorFindsADueDateThatDisagreesAndACalendarThatChanged() throws {
        let (folder, db) = try Self.store()
        defer { try? FileManager.default.removeItem(at: folder) }
        let queue = try DatabaseQueue(path: db)
        try queue.write { db in
            try db.execute(sql: "UPDATE clocks SET due = '2027-06-10' WHERE name = 'acknowledge' AND case_id = 1")
        }
        let found = try Redress.run(["doctor", "--db", db])
        #expect(found == .init(status: 1, stdout: """
            clock: C-2027-000001 1 acknowledge: stored due 2027-06-10, but the store's calendar gives 2027-06-08 \
            (calendar \(try Self.version(db)) stored, \(try Self.version(db)) now)
            1 problem in \(db)

            """, stderr: ""))
        // A calendar that changed under the store (here: the recorded version) stops every run
        // that computes dates, and says what to do.
        try queue.write { db in try db.execute(sql: "UPDATE settings SET value = 'older' WHERE key = 'calendar_version'") }
        let refused = try Redress.run(["--db", db, "-e", "print(#cases.find{})"])
        #expect(refused.status != 0 && refused.stderr.contains("has changed since its due dates were computed (calendar version older then"))
        #expect(refused.stderr.contains("`redress calendar recompute --db \(db)`"))
        let recomputed = try Redress.run(["calendar", "recompute", "--db", db])
        #expect(recomputed.stdout.hasSuffix("Moved 1 due date of 5 open clocks:\n  C-2027-000001 1 acknowledge: 2027-06-10 -> 2027-06-08\n"),
                "\(recomputed.stdout)\(recomputed.stderr)")
        #expect(try Redress.run(["doctor", "--db", db]).status == 0)

        // A clock that vanished from the store is found too: 000001's acknowledgement is owed
        // 5 working days after 1 June, on 8 June.
        try queue.write { db in try db.execute(sql: "DELETE FROM clocks WHERE case_id = 1") }
        let vanished = try Redress.run(["doctor", "--db", db])
        #expect(vanished.status == 1 && vanished.stdout.hasPrefix(
            "clock: C-2027-000001 1 acknowledge: its case's events start it (due 2027-06-08), but the store holds no such clock\n"),
            "\(vanished.stdout)")
    }

    static func version(_ path: String) throws -> String {
        try DatabaseQueue(path: path).read { db in try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'calendar_version'")! }
    }
}
