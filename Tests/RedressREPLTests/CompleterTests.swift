import Foundation
import Testing
import RedressLua
@testable import RedressREPL

/// What Tab offers, from a real state and store.
@Suite struct CompleterTests {
    func completer(_ state: LuaState) -> Completer {
        Completer(members: LuaMembers(state: state))
    }

    @Test func theWordEndsAtTheCursorAndStartsAfterTheContextsBreaks() {
        #expect(Completer.context(of: "print(str") == .lua)
        #expect(Completer.word(in: "print(1+str", context: .lua) == "str")
        #expect(Completer.word(in: "x = c:lo", context: .lua) == "c:lo")
        #expect(Completer.context(of: ".re") == .command)
        #expect(Completer.context(of: "  .read Samp") == .argument("read"))
        #expect(Completer.word(in: ".read Samples/scr", context: .argument("read")) == "Samples/scr")
        #expect(Completer.context(of: "c = cases.get(\"C-2026-00") == .caseReference)
        #expect(Completer.context(of: "cases.get 'C-") == .caseReference)
        #expect(Completer.word(in: "c = cases.get(\"C-2026-00", context: .caseReference) == "C-2026-00")
        #expect(Completer.context(of: "cases.get(ref") == .lua)
    }

    @Test func globalsKeywordsFieldsAndMethods() throws {
        let state = try TestSupport.state()
        try state.run("return cases.get", name: "=warm")
        try state.run("account = { balance = 1, deposit = function() end }", name: "=t")
        let completer = completer(state)
        #expect(completer.complete("str").matches == ["string"])
        #expect(completer.complete("x = wh").matches == ["while"])
        #expect(completer.complete("print(string.up").matches == ["string.upper"])
        #expect(completer.complete("string.re").matches == ["string.rep", "string.reverse"])
        #expect(completer.complete("cases.f").matches == ["cases.find"])
        #expect(completer.complete("acc").matches == ["account"])
        #expect(completer.complete("account.").matches == ["account.balance", "account.deposit"])
        #expect(completer.complete("account:").matches == ["account:deposit"])
        // calendar and date are userdata: their methods come through the metatable.
        #expect(completer.complete("calendar:add_").matches == ["calendar:add_working_days"])
        try state.run("d = date('2026-12-22')", name: "=t")
        #expect(completer.complete("d:add_m").matches == ["d:add_months"])
        #expect(completer.complete("d.ye").matches == ["d.year"])
        // Strings reach the string library through their metatable.
        try state.run("s = 'text'", name: "=t")
        #expect(completer.complete("s:up").matches == ["s:upper"])
        #expect(completer.complete("nothing.here").matches == [])
        #expect(completer.complete("account.balance.").matches == [])
    }

    @Test func aCasesMethodsComeThroughItsMetatable() throws {
        let fixture = try Fixture()
        let ref = try fixture.intake()
        try fixture.state.withTransaction(on: fixture.store) {
            try fixture.state.run("c = cases.get('\(ref)')", name: "=t")
        }
        let completer = completer(fixture.state)
        #expect(completer.complete("c:lo").matches == ["c:log", "c:logged"])
        #expect(completer.complete("c:ack").matches == ["c:acknowledge"])
        #expect(completer.complete("c.re").matches == ["c.received", "c.ref", "c.refer_back", "c.refresh", "c.respond", "c.retriage"])
        #expect(completer.complete("c.intake_").matches == ["c.intake_facts", "c.intake_triage", "c.intake_window"])
    }

    @Test func caseReferencesInsideCasesGet() throws {
        let fixture = try Fixture()
        let first = try fixture.intake(), second = try fixture.intake(received: "2026-12-02")
        let repl = fixture.repl()
        #expect(repl.completer.complete("cases.get(\"C-2026").matches == [first, second])
        #expect(repl.completer.complete("c = cases.get('\(second)").matches == [second])
        #expect(repl.completer.complete("cases.get(\"C-2025").matches == [])
    }

    @Test func dotCommandsAndTheirArguments() throws {
        let fixture = try Fixture()
        let repl = fixture.repl()
        #expect(repl.completer.complete(".").matches.count == DotCommand.entries.count)
        #expect(repl.completer.complete(".ti").matches == [".timer"])
        #expect(repl.completer.complete(".mode j").matches == ["json"])
        #expect(repl.completer.complete(".timer ").matches == ["off", "on"])
        #expect(repl.completer.complete(".schema open_").matches == ["open_cases"])
        #expect(repl.completer.complete(".policy hos").matches == ["hos-code"])
        #expect(repl.completer.complete(".mode json extra").matches == [])
    }

    @Test func fileNamesAfterReadAndOpen() throws {
        let folder = try TestSupport.folder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["session.lua", "setup.lua", "notes.txt", ".hidden.lua"] {
            _ = FileManager.default.createFile(atPath: folder.appendingPathComponent(name).path, contents: Data())
        }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("scripts"), withIntermediateDirectories: true)
        let state = try TestSupport.state()
        let completer = completer(state)
        let base = folder.path + "/"
        #expect(completer.complete(".read \(base)s").matches == [base + "scripts/", base + "session.lua", base + "setup.lua"])
        #expect(completer.complete(".read \(base)s").files)
        #expect(completer.complete(".read \(base)n").matches == [])
        #expect(completer.complete(".open \(base)n").matches == [base + "notes.txt"])
        #expect(completer.complete(".read \(base).h").matches == [base + ".hidden.lua"])
    }
}
