import GRDB

extension CaseStore {
    /// Adds a party and returns its id.
    public static func add(_ party: NewParty, field: String = "party", by recorder: Recorder, in db: Database) throws -> Int64 {
        let party = try party.validated(field: field)
        try db.cachedStatement(sql: """
            INSERT INTO parties(name, role, email, phone, address, preferred_contact, language, vulnerability,
                                reasonable_adjustments, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [party.name, party.role, party.email, party.phone, party.address, party.preferredContact,
                                     party.language, party.vulnerability, party.reasonableAdjustments, Timestamp.nowUTC()])
        let id = db.lastInsertedRowID
        try db.cachedStatement(sql: "INSERT INTO events(party_id, type, at, actor, script) VALUES (?, 'party_added', ?, ?, ?)")
            .execute(arguments: [id, Timestamp.nowUTC(), recorder.actor, recorder.script])
        return id
    }

    /// The party with this email address (compared without regard to case), or a new one.
    /// Without an email address a new party is always added: names are not unique.
    public static func findOrAdd(_ party: NewParty, field: String = "party", by recorder: Recorder, in db: Database) throws -> Int64 {
        if let email = party.email, !email.isEmpty,
           let id = try Int64.fetchOne(db.cachedStatement(sql: "SELECT id FROM parties WHERE lower(email) = lower(?) ORDER BY id LIMIT 1"),
                                       arguments: [email]) {
            return id
        }
        return try add(party, field: field, by: recorder, in: db)
    }

    /// Whether party `id` exists.
    public static func partyExists(_ id: Int64, in db: Database) throws -> Bool {
        try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM parties WHERE id = ?)"), arguments: [id]) ?? false
    }
}
