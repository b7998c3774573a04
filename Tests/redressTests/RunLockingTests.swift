import Foundation
import Testing

/// Two runs writing one store at once: a run's transaction takes the lock at its first write,
/// and that write waits its turn even when the run has read before it.
@Suite struct RunLockingTests {
    @Test func aRunThatReadsThenWritesWaitsForAnotherWriter() throws {
        let folder = URL(fileURLWithPath: "/tmp/rl-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("s.sqlite").path
        #expect(try Redress.run(["init", "--db", db]).status == 0)
        // The first run writes, then keeps its transaction (and the lock) for two seconds.
        let holder = try RunningRedress(["--db", db, "--max-instructions", "0", "-e", """
            cases.intake{ received = "2026-12-22", channel = "phone", complainant = { name = "First" } }
            print("wrote")
            io.stdout:flush()
            local started = os.time()
            while os.time() - started < 2 do end
            """])
        #expect(holder.wait(for: "wrote"))
        // The second reads first (its snapshot), then writes while the first holds the lock.
        let second = try Redress.run(["--db", db, "-e", """
            print(#sql("SELECT id FROM cases"))
            cases.intake{ received = "2026-12-23", channel = "email", complainant = { name = "Second" } }
            print(#sql("SELECT id FROM cases"))
            """])
        #expect(holder.finish() == 0)
        #expect(second.status == 0, "\(second.stderr)")
        // It read before the first committed, and wrote after, on the store as it then was.
        #expect(second.stdout == "0\n2\n", "\(second.stdout)")
        #expect(try Redress.run(["--db", db, "-e", "print(#sql('SELECT id FROM cases'))"]).stdout == "2\n")
    }
}
