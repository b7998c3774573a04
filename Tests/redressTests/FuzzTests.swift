import Foundation
import GRDB
import Testing

/// The Lua API fuzzer (Tests/Fuzz/api.lua) through the real binary: random calls of every host
/// function and method with hostile arguments, on a store. Every run must end with a result or a
/// Lua error (exit 0 or 1), never a signal or a trap; the store must pass integrity_check and
/// every case must still replay.
///
/// `knownSeeds` keeps the seeds that once crashed the host. `fuzzForAWhile` runs new seeds for
/// REDRESS_FUZZ_SECONDS (default 10; CI gives it minutes), starting at REDRESS_FUZZ_SEED (default:
/// the day's number, so a day's runs repeat) and names the seed of any failure.
@Suite(.serialized) struct FuzzTests {
    /// Seeds that found defects, each with what it found at the time.
    static let knownSeeds: [(seed: Int, found: String)] = [
        (1, "SIGILL: an overflow trap in LocalDate.adding(years:) from date:add_years"),
        (2, "SIGSEGV: the host's stack overflowed converting a deeply nested table (LuaValue)"),
        (3, "SIGILL: an overflow trap in the date type's `d - n`"),
    ]

    static let script = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz/api.lua")

    struct Outcome {
        var exitCode: Int32
        var signalled: Bool
        var output: String
    }

    static func redress(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = Redress.binary
        process.arguments = arguments
        // A crash should end the run at once, not spend seconds symbolicating.
        process.environment = ProcessInfo.processInfo.environment.merging(["SWIFT_BACKTRACE": "enable=no"]) { $1 }
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(exitCode: process.terminationStatus,
                       signalled: process.terminationReason == .uncaughtSignal,
                       output: String(decoding: data, as: UTF8.self))
    }

    /// Fuzzes one seed on a new store and checks what must hold afterwards. Returns a failure's
    /// description, or nil.
    static func fuzz(seed: Int, calls: Int = 300) throws -> String? {
        let folder = URL(fileURLWithPath: "/tmp/rf-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = folder.appendingPathComponent("fuzz.sqlite").path
        let initialised = try redress(["init", "--db", db, "--policy", "hos-code"])
        guard initialised.exitCode == 0 else { return "init failed: \(initialised.output)" }

        let run = try redress(["run", "--db", db, "--max-instructions", "200000000", script.path, "\(seed)", "\(calls)"])
        let tail = String(run.output.suffix(600))
        if run.signalled { return "seed \(seed): killed by signal \(run.exitCode)\n\(tail)" }
        if run.exitCode != 0 && run.exitCode != 1 { return "seed \(seed): exit \(run.exitCode)\n\(tail)" }
        if run.output.contains("FUZZ-INVARIANT") { return "seed \(seed): \(tail)" }
        if run.exitCode == 0 && !run.output.contains("fuzz: seed \(seed),") { return "seed \(seed): no summary\n\(tail)" }

        let integrity = try DatabaseQueue(path: db).read { try String.fetchAll($0, sql: "PRAGMA integrity_check") }
        if integrity != ["ok"] { return "seed \(seed): integrity_check: \(integrity)" }
        let replay = try redress(["--db", db, "-e", """
            local n = 0
            for _, row in ipairs(sql("select ref from cases")) do
              assert(cases.get(row.ref), row.ref); n = n + 1
            end
            print("replayed " .. n)
            """])
        if replay.exitCode != 0 || !replay.output.hasPrefix("replayed ") {
            return "seed \(seed): the store no longer replays: \(replay.output.suffix(600))"
        }
        return nil
    }

    @Test(arguments: knownSeeds.map(\.seed))
    func knownSeedsNoLongerCrash(seed: Int) throws {
        let found = Self.knownSeeds.first { $0.seed == seed }!.found
        let failure = try Self.fuzz(seed: seed)
        #expect(failure == nil, "once found: \(found)")
    }

    @Test(.timeLimit(.minutes(30))) func fuzzForAWhile() throws {
        let environment = ProcessInfo.processInfo.environment
        let seconds = Double(environment["REDRESS_FUZZ_SECONDS"] ?? "") ?? 10
        let start = Int(environment["REDRESS_FUZZ_SEED"] ?? "") ?? Int(Date().timeIntervalSince1970 / 86_400) * 1_000
        let deadline = Date().addingTimeInterval(seconds)
        var seed = start, failures: [String] = []
        repeat {
            if let failure = try Self.fuzz(seed: seed) { failures.append(failure) }
            seed += 1
        } while Date() < deadline && failures.count < 3
        print("fuzz: seeds \(start)..<\(seed), \(failures.count) failed")
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n\n"))")
    }
}
