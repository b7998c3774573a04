import Foundation
import Testing

@Suite struct InitCommandTests {
    func folder() throws -> URL {
        let url = URL(fileURLWithPath: "/tmp/ri-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func createsAnOwnerOnlyStoreBoundToTheReferencePack() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("r.sqlite").path
        let result = try Redress.run(["init", "--db", db])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Created \(db): policy hos-code (Housing Ombudsman Complaint Handling Code 2024), stage 1, stage 2"))
        #expect(try FileManager.default.attributesOfItem(atPath: db)[.posixPermissions] as? Int == 0o600)
        // Again with the same pack: nothing changes. With another: refused, store unchanged.
        #expect(try Redress.run(["init", "--db", db]).stdout.hasPrefix("Unchanged \(db): policy hos-code"))
        let other = dir.appendingPathComponent("other.lua")
        try "return { name = 'other', stages = { { name = '1' } } }".write(to: other, atomically: true, encoding: .utf8)
        let refused = try Redress.run(["init", "--db", db, "--policy", other.path])
        #expect(refused.status == 2)
        #expect(refused.stderr == "redress: the store '\(db)' is bound to policy 'hos-code', not 'other'; create a new store for another pack\n")
        // REDRESS_DB names the store when --db is absent.
        let fromEnvironment = dir.appendingPathComponent("env.sqlite").path
        #expect(try Redress.run(["init"], environment: ["REDRESS_DB": fromEnvironment]).status == 0)
        #expect(FileManager.default.fileExists(atPath: fromEnvironment))
    }

    @Test func aBadPackChangesNothing() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("r.sqlite").path
        let missing = try Redress.run(["init", "--db", db, "--policy", "no-such-pack"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--policy: no pack 'no-such-pack'"))
        let bad = dir.appendingPathComponent("bad.lua")
        try "return { name = 'bad', stages = { { name = '1', clocks = { ack = { working_days = 2, from = 'recieved' } } } } }"
            .write(to: bad, atomically: true, encoding: .utf8)
        let refused = try Redress.run(["init", "--db", db, "--policy", bad.path])
        #expect(refused.status == 2)
        #expect(refused.stderr == "redress: \(bad.path): stages[1].clocks.ack.from: unknown anchor 'recieved' (expected one of: received, logged, acknowledged, escalated, decision_sent, referred)\n")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func scriptsQueryTheStoreWithSql() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("r.sqlite").path
        #expect(try Redress.run(["init", "--db", db]).status == 0)
        let result = try Redress.run(["--db", db, "-e", "for _, r in ipairs(sql('select value from settings where key = ?', 'policy')) do print(r.value) end"])
        #expect(result == .init(status: 0, stdout: "hos-code\n", stderr: ""))
        #expect(try Redress.run(["-e", "print(#sql('select 1 as x'))"], environment: ["REDRESS_DB": db]).stdout == "1\n")
        let missing = try Redress.run(["--db", dir.appendingPathComponent("none.sqlite").path, "-e", "print(1)"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--db: no store at"))
        let write = try Redress.run(["--db", db, "-e", "sql('delete from settings')"])
        #expect(write.status == 1)
        #expect(write.stderr.contains("sql() is read-only"))
    }

    @Test func exportsCasesToAnOwnerOnlyFile() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("r.sqlite").path
        #expect(try Redress.run(["init", "--db", db]).status == 0)
        let out = dir.appendingPathComponent("cases.json").path
        #expect(try Redress.run(["export", "cases", "--format", "json", "--output", out, "--db", db]).status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == "[]\n")
        #expect(try FileManager.default.attributesOfItem(atPath: out)[.posixPermissions] as? Int == 0o600)
        let bad = try Redress.run(["export", "cases", "--format", "xml", "--db", db])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("Please provide one of 'csv' and 'json'"))
        #expect(try Redress.run(["export", "parties", "--db", db]).status == 2)
    }
}
