import Foundation
import GRDB
import Testing
@testable import RedressCore

@Suite struct CaseStoreCasesTests {
    let pack = LifecycleTests.code
    let calendar = TestData.calendars[.englandAndWales]!
    let recorder = Recorder(actor: "tester", script: "CaseStoreCasesTests")

    func withStore(_ body: (CaseStore) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("redress-cases-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try body(CaseStore(path: path))
    }

    @Test func recordsACaseItsEventsAndClocks() throws {
        try withStore { store in
            let ref = try store.record(NewCase(kind: .complaint, received: TestData.date("2025-12-17"), channel: "email"),
                                       pack: pack, calendar: calendar, by: recorder)
            #expect(ref == "C-2025-000001")
            try store.record(CaseEvent(.acknowledged, on: TestData.date("2025-12-24")), on: ref, pack: pack, calendar: calendar, by: recorder)
            try store.record(CaseEvent(.extended, on: TestData.date("2026-01-05"), clock: "respond",
                                       extensionBy: Duration(10, .workingDays), reason: "survey needed"),
                             on: ref, pack: pack, calendar: calendar, by: recorder)
            #expect(try store.storedClocks(of: ref) == [
                StoredClock(stage: "1", name: "acknowledge", due: "2025-12-24", extendedDue: nil, met: "2025-12-24", metLate: 0),
                StoredClock(stage: "1", name: "respond", due: "2026-01-12", extendedDue: "2026-01-26", met: nil, metLate: nil),
            ])
            #expect(try store.read { try String.fetchAll($0, sql: "SELECT type || ' ' || coalesce(actor, '') FROM events WHERE case_id = 1") }
                == ["received tester", "acknowledged tester", "extended tester"])
            let next = try store.record(NewCase(kind: .complaint, received: TestData.date("2025-12-18"), channel: "phone"),
                                        pack: pack, calendar: calendar, by: recorder)
            #expect(next == "C-2025-000002")
        }
    }

    @Test func aRefusedEventChangesNothing() throws {
        try withStore { store in
            let ref = try store.record(NewCase(kind: .complaint, received: TestData.date("2026-12-22"), channel: "email"),
                                       pack: pack, calendar: calendar, by: recorder)
            let before = try store.read { try Row.fetchAll($0, sql: "SELECT * FROM events UNION ALL SELECT id, case_id, stage, name, due, met, null, null, null FROM clocks") }
            #expect(throws: StoreError(message: "cannot record responded on 2026-12-23: stage 1 must be acknowledged before it is answered")) {
                try store.record(CaseEvent(.responded, on: TestData.date("2026-12-23")), on: ref, pack: pack, calendar: calendar, by: recorder)
            }
            let after = try store.read { try Row.fetchAll($0, sql: "SELECT * FROM events UNION ALL SELECT id, case_id, stage, name, due, met, null, null, null FROM clocks") }
            #expect(before == after)
            #expect(throws: StoreError(message: "no case 'C-1999-000001'")) {
                try store.record(CaseEvent(.closed, on: TestData.date("2026-12-23")), on: "C-1999-000001", pack: pack, calendar: calendar, by: recorder)
            }
        }
    }

    @Test func replayingEachCasesLogReproducesEveryStoredDueDate() throws {
        // A generated set: 300 cases with random event sequences recorded one event at a time,
        // as a complaints team would; refused events are part of the mix and must leave no trace.
        try withStore { store in
            var random = SplitMix64(seed: 42)
            var refs: [String] = []
            var refused = 0
            for _ in 0..<300 {
                var day = try TestData.date("2025-11-01").adding(days: Int(random.next() % 500))
                let ref = try store.record(NewCase(kind: .complaint, received: day, channel: "email"),
                                           pack: pack, calendar: calendar, by: recorder)
                refs.append(ref)
                // Mostly the natural course of a complaint, sometimes a random (often illegal) event.
                let course: [CaseEvent.Kind] = [.acknowledged, .extended, .responded, .escalated, .acknowledged,
                                                 .extended, .responded, .closed]
                var step = 0
                for _ in 0..<Int(random.next() % 10) {
                    day = try day.adding(days: Int(random.next() % 12))
                    let kinds: [CaseEvent.Kind] = [.acknowledged, .responded, .escalated, .extended, .logged, .contact, .closed]
                    let kind: CaseEvent.Kind
                    if random.next() % 10 < 7, step < course.count {
                        kind = course[step]
                        step += 1
                    } else {
                        kind = kinds[Int(random.next() % UInt64(kinds.count))]
                    }
                    let event = kind == .extended
                        ? CaseEvent(.extended, on: day, clock: "respond", extensionBy: Duration(Int(random.next() % 12) + 1, .workingDays),
                                    agreed: random.next() % 2 == 0, reason: "generated")
                        : CaseEvent(kind, on: day)
                    do {
                        try store.record(event, on: ref, pack: pack, calendar: calendar, by: recorder)
                    } catch {
                        refused += 1
                    }
                }
            }
            #expect(refused > 0)
            // The set exercises the interesting paths, not only receipt.
            #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM cases WHERE stage = '2'") ?? 0 } > 5)
            #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM clocks WHERE extended_due IS NOT NULL") ?? 0 } > 5)
            #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM clocks WHERE met_late = 1") ?? 0 } > 5)
            for ref in refs {
                let state = try CaseState.replay(store.events(of: ref), pack: pack, calendar: calendar)
                let replayed = state.clocks.map {
                    StoredClock(stage: $0.stage, name: $0.name, due: $0.due.description,
                                extendedDue: $0.dueNow == $0.due ? nil : $0.dueNow.description,
                                met: $0.met?.description, metLate: $0.metLate.map { $0 ? 1 : 0 })
                }
                #expect(try store.storedClocks(of: ref) == replayed, "\(ref)")
                let row = try store.read { try Row.fetchOne($0, sql: "SELECT status, stage FROM cases WHERE ref = ?", arguments: [ref]) }
                #expect(row?["status"] == state.status.rawValue)
                #expect(row?["stage"] == state.stage)
            }
        }
    }

    @Test(.timeLimit(.minutes(2))) func aSecondWriterWaitsItsTurnAndLosesNothing() throws {
        // Two connections to one file, as two processes would have. Writer A holds its write
        // transaction open for 0.3 s; writer B starts writing while A holds it, so B must wait
        // for the lock (the busy timeout) rather than fail.
        try withStore { store in
            let other = try CaseStore(path: store.path)
            let pack = self.pack, calendar = self.calendar
            let aHoldsTheLock = DispatchSemaphore(value: 0), done = DispatchGroup()
            let outcome = Outcome()
            // Real threads: Dispatch's pool may run both blocks on one worker, one after the other.
            done.enter()
            Thread {
                defer { done.leave() }
                do {
                    try store.write { db in
                        _ = try CaseStore.record(NewCase(kind: .complaint, received: TestData.date("2026-01-05"), channel: "email"),
                                                 pack: pack, calendar: calendar, by: Recorder(actor: "A"), in: db)
                        aHoldsTheLock.signal()
                        Thread.sleep(forTimeInterval: 0.3)
                    }
                } catch {
                    outcome.fail("A: \(error)")
                }
            }.start()
            done.enter()
            Thread {
                defer { done.leave() }
                aHoldsTheLock.wait()
                let started = Date()
                do {
                    _ = try other.record(NewCase(kind: .complaint, received: TestData.date("2026-01-06"), channel: "phone"),
                                         pack: pack, calendar: calendar, by: Recorder(actor: "B"))
                    outcome.waited = Date().timeIntervalSince(started)
                } catch {
                    outcome.fail("B: \(error)")
                }
            }.start()
            done.wait()
            #expect(outcome.failures.isEmpty, "\(outcome.failures)")
            #expect(outcome.waited >= 0.2)   // B really had to wait for A
            #expect(try store.read { try String.fetchAll($0, sql: "SELECT actor FROM events ORDER BY id") } == ["A", "B"])
            #expect(try store.read { try String.fetchAll($0, sql: "SELECT ref FROM cases ORDER BY id") } == ["C-2026-000001", "C-2026-000002"])
        }
    }
}

/// What the writer threads report.
final class Outcome: @unchecked Sendable {
    private let lock = NSLock()
    private var _failures: [String] = []
    private var _waited: TimeInterval = 0
    var failures: [String] { lock.withLock { _failures } }
    var waited: TimeInterval {
        get { lock.withLock { _waited } }
        set { lock.withLock { _waited = newValue } }
    }
    func fail(_ message: String) { lock.withLock { _failures.append(message) } }
}
