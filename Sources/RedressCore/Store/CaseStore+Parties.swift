import GRDB

extension CaseStore {
    /// Adds a party and returns its id. `isolated`: as for `record(_:pack:calendar:by:in:isolated:)`.
    public static func add(_ party: NewParty, field: String = "party", by recorder: Recorder, in db: Database,
                           isolated: Bool = true) throws -> Int64 {
        let party = try party.validated(field: field)
        let now = Timestamp.nowUTC()
        return try DirectStatement.savepoint(db, isolated: isolated) {
            let insert = try DirectStatement(db, """
                INSERT INTO main.parties(name, role, email, phone, address, preferred_contact, language, vulnerability,
                                    reasonable_adjustments, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) -- direct
                """)
            for (index, value) in [party.name, party.role, party.email, party.phone, party.address, party.preferredContact,
                                   party.language, party.vulnerability, party.reasonableAdjustments, now].enumerated() {
                insert.bind(Int32(index + 1), value)
            }
            try insert.run()
            let id = db.lastInsertedRowID
            let event = try DirectStatement(db, "INSERT INTO main.events(party_id, type, at, actor, script) VALUES (?, 'party_added', ?, ?, ?) -- direct")
            event.bind(1, id)
            event.bind(2, now)
            event.bind(3, recorder.actor)
            event.bind(4, recorder.script)
            try event.run()
            return id
        }
    }

    /// The party with this email address (compared without regard to case), or a new one.
    /// Without an email address a new party is always added: names are not unique.
    ///
    /// A party whose identity is withheld from the viewer (`Redaction`) is never the match: the
    /// viewer gets a new party, exactly as for an address the store does not know, so that an
    /// intake cannot confirm a guessed address of an anonymous or confidential complainant.
    /// Someone who may see that complainant links their returning complaints.
    public static func findOrAdd(_ party: NewParty, field: String = "party", by recorder: Recorder, in db: Database,
                                 isolated: Bool = true) throws -> Int64 {
        if let email = party.email, !email.isEmpty {
            let find = try DirectStatement(db, """
                SELECT p.id FROM main.parties p WHERE lower(p.email) = lower(?) AND NOT \(Redaction.withheld(.identity, "p.id"))
                ORDER BY p.id LIMIT 1 -- direct
                """)
            find.bind(1, email)
            if let id = try find.integer() { return id }
        }
        return try add(party, field: field, by: recorder, in: db, isolated: isolated)
    }

    /// Whether party `id` exists.
    public static func partyExists(_ id: Int64, in db: Database) throws -> Bool {
        let exists = try DirectStatement(db, "SELECT 1 FROM main.parties WHERE id = ? -- direct")
        exists.bind(1, id)
        return try exists.integer() != nil
    }
}
