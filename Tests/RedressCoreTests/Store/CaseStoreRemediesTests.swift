import Foundation
import GRDB
import RedressCalendar
import Testing
@testable import RedressCore

/// Answers to remedy offers (WDH, shared/seeds/002, "Putting things right": "Customers will
/// receive an Acceptance Form to complete and this will confirm the offer of redress. The
/// customer will be given eight weeks to return the form and confirm their acceptance of the
/// offer. Alternatively, they can refer their complaint to the HOS"), and the rounds a referral
/// back leaves in the store.
@Suite struct CaseStoreRemediesTests {
    let calendar = TestData.calendars[.englandAndWales]!
    let recorder = Recorder(actor: "tester", script: "CaseStoreRemediesTests")

    /// The Code's stages with WDH's eight weeks to accept, a late acceptance taken only with a reason.
    static let pack: PolicyPack = {
        var pack = LifecycleTests.code
        pack.remedyAcceptance = RemedyAcceptanceRule(window: Duration(8, .weeks), late: .needsReason, clause: "Putting things right")
        return pack
    }()

    func withStore(_ body: (CaseStore) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("redress-remedies-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        try body(CaseStore(path: path))
    }

    /// A complaint received Tue 22 Dec 2026, acknowledged the next day, upheld Wed 13 Jan 2027
    /// with £90 for six days without heating and no deadline of its own.
    func offered(in store: CaseStore, pack: PolicyPack = Self.pack, acceptBy: LocalDate? = nil) throws -> String {
        let ref = try store.record(NewCase(kind: .complaint, received: TestData.date("2026-12-22"), channel: "email"),
                                   pack: pack, calendar: calendar, by: recorder)
        try store.record(CaseEvent(.acknowledged, on: TestData.date("2026-12-23")), on: ref, pack: pack, calendar: calendar, by: recorder)
        let offer = RemedyOffer(items: [RemedyItem(kind: "loss_of_amenity", pence: 9000, reason: "six days without heating")], acceptBy: acceptBy)
        try store.record(CaseEvent(.responded, on: TestData.date("2027-01-13")), on: ref, pack: pack, calendar: calendar, by: recorder,
                         with: .decision(DecisionRecord(outcome: "upheld", remedy: offer)))
        return ref
    }

    func answer(_ reply: CaseStore.RemedyAnswer, _ ref: String, on day: String, reason: String? = nil, in store: CaseStore,
                rule: RemedyAcceptanceRule = Self.pack.remedyAcceptance) throws {
        try store.writeThrowingAny { db in
            try CaseStore.answerRemedy(reply, of: ref, on: TestData.date(day), reason: reason, rule: rule, by: recorder, in: db)
        }
    }

    func snapshot(_ store: CaseStore) throws -> [Row] {
        try store.read { try Row.fetchAll($0, sql: "SELECT id, accept_by, accepted, declined, null, null, null, null, null FROM remedies UNION ALL SELECT * FROM events") }
    }

    @Test func anOfferWithoutADeadlineGetsThePacksEightWeeks() throws {
        try withStore { store in
            let ref = try offered(in: store)
            // Wed 13 Jan 2027 + 8 weeks: Wed 10 Mar 2027.
            let remedy = try #require(try store.read { try CaseStore.fetchCase(ref, in: $0) }?.remedy)
            #expect(remedy.acceptBy == TestData.date("2027-03-10"))
            #expect(remedy.pence == 9000)
            #expect(remedy.state(on: TestData.date("2027-03-10")) == .open)
            #expect(remedy.state(on: TestData.date("2027-03-11")) == .lapsed)
            // An offer's own date stands.
            let own = try offered(in: store, acceptBy: TestData.date("2027-02-01"))
            #expect(try store.read { try CaseStore.fetchCase(own, in: $0) }?.remedy?.acceptBy == TestData.date("2027-02-01"))
        }
    }

    @Test func anAcceptanceWritesTheOfferAndTheAuditLog() throws {
        try withStore { store in
            let ref = try offered(in: store)
            try answer(.accepted, ref, on: "2027-03-10", in: store)
            let record = try #require(try store.read { try CaseStore.fetchCase(ref, in: $0) })
            #expect(record.remedy?.accepted == TestData.date("2027-03-10"))
            #expect(record.remedy?.state(on: TestData.date("2027-06-01")) == .accepted)
            let event = try store.read { try Row.fetchOne($0, sql: "SELECT type, on_date, actor, data FROM events ORDER BY id DESC LIMIT 1") }
            #expect(event?["type"] == "remedy_accepted")
            #expect(event?["on_date"] == "2027-03-10")
            #expect(event?["actor"] == "tester")
            #expect(event?["data"] == #"{"remedy_id":"1"}"#)
        }
    }

    @Test func aDeclineKeepsItsReason() throws {
        try withStore { store in
            let ref = try offered(in: store)
            try answer(.declined, ref, on: "2027-01-20", reason: "will ask the Housing Ombudsman", in: store)
            #expect(try store.read { try CaseStore.fetchCase(ref, in: $0) }?.remedy?.declined == TestData.date("2027-01-20"))
            #expect(try store.read { try String.fetchOne($0, sql: "SELECT data FROM events WHERE type = 'remedy_declined'") }
                == #"{"reason":"will ask the Housing Ombudsman","remedy_id":"1"}"#)
        }
    }

    @Test func refusalsNameWhyAndChangeNothing() throws {
        try withStore { store in
            let none = try store.record(NewCase(kind: .complaint, received: TestData.date("2026-12-22"), channel: "email"),
                                        pack: Self.pack, calendar: calendar, by: recorder)
            let ref = try offered(in: store)
            let before = try snapshot(store)
            #expect(throws: StoreError(message: "case \(none) has no remedy offer to accept")) {
                try answer(.accepted, none, on: "2027-01-20", in: store)
            }
            #expect(throws: InputError(field: "on", message: "2027-01-12 is before the remedy offer was made (2027-01-13)")) {
                try answer(.declined, ref, on: "2027-01-12", in: store)
            }
            #expect(throws: InputError(field: "reason", message: "late: the offer of 2027-01-13 was to be accepted by 2027-03-10 (Putting things right); give the reason it is accepted late")) {
                try answer(.accepted, ref, on: "2027-03-11", in: store)
            }
            #expect(throws: InputError(field: "on", message: "too late: the offer of 2027-01-13 was to be accepted by 2027-03-10; the offer has lapsed")) {
                try answer(.accepted, ref, on: "2027-03-11", in: store, rule: RemedyAcceptanceRule(late: .refused))
            }
            #expect(throws: InputError(field: "ref", message: "no case 'C-1999-000001'")) {
                try answer(.accepted, "C-1999-000001", on: "2027-03-11", in: store)
            }
            #expect(try snapshot(store) == before)
            try answer(.accepted, ref, on: "2027-03-11", reason: "form posted on 8 March", in: store)
            #expect(throws: StoreError(message: "the remedy offer of 2027-01-13 was already accepted on 2027-03-11")) {
                try answer(.declined, ref, on: "2027-03-12", in: store)
            }
            #expect(try store.read { try String.fetchOne($0, sql: "SELECT data FROM events WHERE type = 'remedy_accepted'") }
                == #"{"late":"true","reason":"form posted on 8 March","remedy_id":"1"}"#)
        }
    }

    @Test func aLateAcceptanceIsRecordedWhereThePackSaysNothing() throws {
        try withStore { store in
            let ref = try offered(in: store, acceptBy: TestData.date("2027-02-01"))
            try answer(.accepted, ref, on: "2027-02-02", in: store, rule: RemedyAcceptanceRule())
            #expect(try store.read { try CaseStore.fetchCase(ref, in: $0) }?.remedy?.accepted == TestData.date("2027-02-02"))
        }
    }

    @Test func aReferralBackIsStoredAsASecondRoundOfTheStage() throws {
        let pack = LifecycleReferralTests.pack
        try withStore { store in
            let ref = try store.record(NewCase(kind: .complaint, received: TestData.date("2026-07-20"), channel: "email"),
                                       pack: pack, calendar: calendar, by: recorder)
            for event in [CaseEvent(.acknowledged, on: TestData.date("2026-07-21")), CaseEvent(.responded, on: TestData.date("2026-07-31")),
                          CaseEvent(.escalated, on: TestData.date("2026-08-10")),
                          CaseEvent(.referredBack, on: TestData.date("2026-08-14"), reason: "review the survey", appointed: TestData.date("2026-09-04")),
                          CaseEvent(.extended, on: TestData.date("2026-09-01"), clock: "respond", extensionBy: Duration(7, .days),
                                    agreed: true, reason: "contractor")] {
                try store.record(event, on: ref, pack: pack, calendar: calendar, by: recorder)
            }
            try store.read { db in
                #expect(try String.fetchAll(db, sql: "SELECT stage || ' ' || round || ' ' || entered || ' ' || coalesce(reason, '-') FROM stage_history ORDER BY id")
                    == ["1 1 2026-07-20 escalated", "2 1 2026-08-10 referred_back", "1 2 2026-08-14 -"])
                #expect(try String.fetchAll(db, sql: "SELECT stage || ' ' || round || ' ' || name || ' ' || coalesce(extended_due, due) FROM clocks WHERE name = 'respond' ORDER BY id")
                    == ["1 1 respond 2026-08-04", "2 1 respond 2026-09-08", "1 2 respond 2026-09-11"])
                #expect(try String.fetchOne(db, sql: "SELECT k.round FROM extensions e JOIN clocks k ON k.id = e.clock_id") == "2")
                #expect(try String.fetchOne(db, sql: "SELECT data FROM events WHERE type = 'referred_back'")
                    == #"{"stage":"1","reason":"review the survey","appointed":"2026-09-04"}"#)
                let record = try #require(try CaseStore.fetchCase(ref, in: db))
                #expect(record.stage == "1")
                #expect(record.round == 2)
            }
            // The log replays to the same state.
            let events = try store.events(of: ref)
            #expect(try CaseState.replay(events, pack: pack, calendar: calendar).clock("respond")?.dueNow == TestData.date("2026-09-11"))
        }
    }

    /// v8 rebuilds clocks with a round: a store written under v6 keeps its clocks (as round 1)
    /// and its index, and its stage history gains round 1.
    @Test func v8KeepsAV6StoresClocks() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("redress-v6-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        do {
            let queue = try DatabaseQueue(path: path)
            try Schema.migrator.migrate(queue, upTo: "v6: users and roles; confidential outcomes; look-ups for redaction; retention")
            try queue.write { db in
                try db.execute(sql: """
                    INSERT INTO cases(ref, kind, status, stage, received, channel, policy, policy_hash, calendar_version, created_at)
                    VALUES ('C-2026-000001', 'complaint', 'open', '1', '2026-12-22', 'email', 'hos-code', 'h', 'v', '2026-12-22T09:00:00Z');
                    INSERT INTO clocks(case_id, stage, name, anchor, anchor_date, amount, unit, due, calendar_version)
                    VALUES (1, '1', 'acknowledge', 'received', '2026-12-22', 5, 'working_days', '2026-12-31', 'v');
                    INSERT INTO main.extensions(clock_id, amount, unit, reason, new_due, granted) VALUES (1, 2, 'working_days', 'why', '2027-01-05', '2026-12-23');
                    INSERT INTO stage_history(case_id, stage, entered) VALUES (1, '1', '2026-12-22');
                    """)
            }
        }
        let store = try CaseStore(path: path)
        try store.read { (db: Database) throws in
            #expect(try String.fetchOne(db, sql: "SELECT name || ' ' || round FROM clocks") == "acknowledge 1")
            #expect(try Int.fetchOne(db, sql: "SELECT round FROM stage_history") == 1)
            #expect(try String.fetchOne(db, sql: "SELECT due_now FROM clock_status WHERE ref = 'C-2026-000001'") == "2026-12-31")
            #expect(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'clocks' AND name NOT LIKE 'sqlite_%'")
                == ["clocks_open_due"])
            #expect(try Row.fetchAll(db, sql: "PRAGMA foreign_key_check").isEmpty)
        }
        #expect(throws: StoreError.self) {
            try store.write { db in
                try db.execute(sql: "INSERT INTO clocks(case_id, stage, name, anchor, anchor_date, amount, unit, due, calendar_version) VALUES (1, '1', 'acknowledge', 'received', '2026-12-22', 5, 'working_days', '2026-12-31', 'v')")
            }
        }
        try store.write { db in
            try db.execute(sql: "INSERT INTO clocks(case_id, stage, name, anchor, anchor_date, amount, unit, due, calendar_version, round) VALUES (1, '1', 'acknowledge', 'received', '2027-01-22', 5, 'working_days', '2027-01-29', 'v', 2)")
        }
    }
}
