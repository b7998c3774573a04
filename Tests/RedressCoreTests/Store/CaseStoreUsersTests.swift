import Foundation
import GRDB
import RedressCalendar
import Testing
@testable import RedressCore

/// Users, roles and the redaction that every read through a store's connection goes through.
@Suite struct CaseStoreUsersTests {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("redress-users-\(UUID()).sqlite").path

    func remove() {
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    /// A store where `taker` took an anonymous staff-conduct complaint (C-2026-000001, outcome
    /// confidential, decided) and an open one (C-2026-000002) from Bob.
    func store(_ confidentiality: Confidentiality) throws -> CaseStore {
        let store = try CaseStore(path: path)
        var pack = try PolicyPack(name: "test", title: nil, region: .englandAndWales, closures: [], acceptanceWindow: nil,
                                  stages: [StageRule(name: "1", clocks: [])], hash: "h")
        pack.confidentiality = confidentiality
        try store.bind(to: pack, source: "test", actor: "admin")
        let calendar = try HolidayData.load(files: [Installation.locate().bankHolidayChanges]).calendar(.englandAndWales)
        try store.write { db in
            let ann = try CaseStore.add(NewParty(name: "Ann Secret", email: "ann@example.org", phone: "07700 900001", address: "1 High St"),
                                        by: Recorder(actor: "taker"), in: db)
            let bob = try CaseStore.add(NewParty(name: "Bob Open", email: "bob@example.org"), by: Recorder(actor: "taker"), in: db)
            var anonymous = NewCase(kind: .complaint, received: try LocalDate(iso: "2026-12-22"), channel: "phone",
                                    category: "staff_conduct", complainantID: ann)
            anonymous.anonymous = true
            anonymous.outcomeConfidential = true
            _ = try CaseStore.record(anonymous, pack: pack, calendar: calendar, by: Recorder(actor: "taker"), in: db)
            _ = try CaseStore.record(NewCase(kind: .complaint, received: try LocalDate(iso: "2026-12-22"), channel: "email", complainantID: bob),
                                     pack: pack, calendar: calendar, by: Recorder(actor: "taker"), in: db)
            try db.execute(sql: "INSERT INTO main.decisions(case_id, stage, outcome, findings, reasons, decided) VALUES (1, '1', 'upheld', 'the officer was rude', 'witnesses', '2027-01-08'), (2, '1', 'not_upheld', 'no fault', NULL, '2027-01-08')")
        }
        return store
    }

    func names(_ store: CaseStore) throws -> [String?] {
        try store.read { try String?.fetchAll($0, sql: "SELECT name FROM parties ORDER BY id") }
    }

    func outcomes(_ store: CaseStore) throws -> [[String?]] {
        try store.read { db in
            try Row.fetchAll(db, sql: "SELECT outcome, findings, reasons FROM decisions ORDER BY id").map { [$0[0], $0[1], $0[2]] }
        }
    }

    @Test func anonymousIdentitiesShowOnlyToTheReceiverAndThePacksRoles() throws {
        defer { remove() }
        let store = try store(Confidentiality(identityRoles: ["resolution_team"], outcomeRoles: ["manager"]))
        try store.addUser("admin", role: "manager", by: "admin")
        try store.addUser("taker", role: "complaints_officer", by: "admin")
        try store.addUser("res", role: "resolution_team", by: "admin")
        try store.addUser("ana", role: "analyst", by: "admin")

        try store.identify("ana")
        #expect(try names(store) == ["[withheld]", "Bob Open"])
        #expect(try store.read { try Row.fetchOne($0, sql: "SELECT email, phone, address FROM parties WHERE id = 1") }
                == ["email": "[withheld]", "phone": "[withheld]", "address": "[withheld]"])
        try store.identify("taker")
        #expect(try names(store) == ["Ann Secret", "Bob Open"])
        try store.identify("res")
        #expect(try names(store) == ["Ann Secret", "Bob Open"])
        try store.identify("admin")
        #expect(try names(store) == ["[withheld]", "Bob Open"])
        // A returning complainant is matched by email only for a viewer who may see them; for
        // anyone else the address is a new party's, as an unknown one would be.
        func returning() throws -> Int64 {
            try store.write { try CaseStore.findOrAdd(NewParty(name: "Ann again", email: "ANN@example.org"), by: Recorder(), in: $0) }
        }
        #expect(try returning() == 3)
        try store.identify("res")
        #expect(try returning() == 1)
    }

    @Test func aConfidentialOutcomeShowsOnlyToThePacksOutcomeRolesAndNeverToLetters() throws {
        defer { remove() }
        let store = try store(Confidentiality(identityRoles: [], outcomeRoles: ["manager", "investigating_officer"]))
        try store.addUser("admin", role: "manager", by: "admin")
        try store.addUser("ana", role: "analyst", by: "admin")
        try store.identify("ana")
        #expect(try outcomes(store) == [["[confidential]", "[confidential]", "[confidential]"], ["not_upheld", "no fault", nil]])
        try store.identify("admin")
        #expect(try outcomes(store) == [["upheld", "the officer was rude", "witnesses"], ["not_upheld", "no fault", nil]])
        let letter = try store.write { db in try CaseStore.asOutsider(in: db) { try String.fetchOne(db, sql: "SELECT outcome FROM decisions WHERE id = 1") } }
        #expect(letter == "[confidential]")
        #expect(try outcomes(store)[0][0] == "upheld")
    }

    @Test func usersAreManagedByManagersAndARunMustNameOne() throws {
        defer { remove() }
        let store = try store(Confidentiality())
        // Before there are users everyone runs with no role.
        #expect(try store.identify("whoever") == nil)
        #expect(throws: StoreError(message: "name: the store has no users yet: the first is you, as a manager (redress users add admin --role manager)")) {
            try store.addUser("someone", role: "analyst", by: "admin")
        }
        try store.addUser("admin", role: "manager", by: "admin")
        #expect(throws: StoreError(message: "role: unknown role 'boss' (expected one of: complaints_officer, investigating_officer, resolution_team, manager, head_of_customer_feedback, analyst, auditor)")) {
            try store.addUser("b", role: "boss", by: "admin")
        }
        try store.addUser("ana", role: "analyst", by: "admin")
        #expect(throws: StoreError(message: "--user: only a manager manages users ('ana' is not one)")) {
            try store.addUser("c", role: "analyst", by: "ana")
        }
        #expect(throws: StoreError(message: "name: there is already a user 'ana'")) { try store.addUser("ana", role: "analyst", by: "admin") }
        #expect(throws: StoreError(message: "--user: no user 'whoever' in this store (see `redress users list`)")) { try store.identify("whoever") }
        try store.setRole(of: "ana", to: "auditor", by: "admin")
        try store.disableUser("ana", by: "admin")
        #expect(throws: StoreError(message: "--user: user 'ana' is disabled")) { try store.identify("ana") }
        #expect(try store.users().map { "\($0.name) \($0.role) \($0.disabled == nil)" } == ["admin manager true", "ana auditor false"])
        let log = try store.read { try String.fetchAll($0, sql: "SELECT type || ' ' || data FROM events WHERE type LIKE 'user_%' ORDER BY id") }
        #expect(log == [#"user_added {"role":"manager","user":"admin"}"#, #"user_added {"role":"analyst","user":"ana"}"#,
                        #"user_role_changed {"role":"auditor","user":"ana"}"#, #"user_disabled {"user":"ana"}"#])
    }

    @Test func revealingAWithheldIdentityIsAllowedToThePacksRolesAndAuditedFirst() throws {
        defer { remove() }
        let store = try store(Confidentiality(revealRoles: ["manager"], revealNeedsReason: true))
        try store.addUser("admin", role: "manager", by: "admin")
        try store.addUser("ana", role: "analyst", by: "admin")
        try store.identify("ana")
        #expect(throws: StoreError(message: "case C-2026-000001: the complainant's identity is withheld, and role 'analyst' may not ask to see it")) {
            try store.reveal("C-2026-000001", reason: "curious", by: "ana")
        }
        try store.identify("admin")
        #expect(throws: StoreError(message: "--reason: the pack asks for a reason to see a withheld identity")) {
            try store.reveal("C-2026-000001", reason: nil, by: "admin")
        }
        #expect(throws: StoreError(message: "ref: case C-2026-000002 is neither anonymous nor confidential: nothing is withheld")) {
            try store.reveal("C-2026-000002", reason: "x", by: "admin")
        }
        #expect(try store.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM events WHERE type = 'identity_revealed'") } == 0)
        let identity = try store.reveal("C-2026-000001", reason: "safeguarding referral", by: "admin")
        #expect(identity == RevealedIdentity(ref: "C-2026-000001", name: "Ann Secret", email: "ann@example.org", phone: "07700 900001", address: "1 High St"))
        let audit = try store.read { try Row.fetchOne($0, sql: "SELECT case_id, actor, data FROM events WHERE type = 'identity_revealed'") }
        #expect(audit == ["case_id": 1, "actor": "admin", "data": #"{"reason":"safeguarding referral","ref":"C-2026-000001"}"#])
        // Revealing does not lift the redaction for later reads.
        #expect(try names(store) == ["[withheld]", "Bob Open"])
    }
}
