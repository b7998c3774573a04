import GRDB

/// A person who uses the store, with the role that decides what they may see.
public struct User: Equatable, Sendable {
    public let name: String
    public let role: String
    public let fullName: String?
    public let added: String
    public let disabled: String?
}

/// What a pack says about confidentiality: which roles see a withheld complainant's identity
/// (beside the user who took the complaint), which see a confidential outcome, which may ask to
/// reveal a withheld identity, and whether that request needs a reason.
public struct Confidentiality: Hashable, Sendable {
    public var identityRoles: [String]
    public var outcomeRoles: [String]
    public var revealRoles: [String]
    public var revealNeedsReason: Bool

    public init(identityRoles: [String] = [], outcomeRoles: [String] = [], revealRoles: [String] = [],
                revealNeedsReason: Bool = true) {
        self.identityRoles = identityRoles
        self.outcomeRoles = outcomeRoles
        self.revealRoles = revealRoles
        self.revealNeedsReason = revealNeedsReason
    }
}

/// A withheld identity, disclosed to someone allowed to ask for it.
public struct RevealedIdentity: Equatable, Sendable {
    public let ref: String
    public let name: String?
    public let email: String?
    public let phone: String?
    public let address: String?
}

extension CaseStore {
    /// The roles a user may have (the schema's check says the same).
    public static let roles = ["complaints_officer", "investigating_officer", "resolution_team", "manager",
                               "head_of_customer_feedback", "analyst", "auditor"]

    /// Every user, by name.
    public func users() throws(StoreError) -> [User] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT name, role, full_name, added, disabled FROM users ORDER BY name").map {
                User(name: $0["name"], role: $0["role"], fullName: $0["full_name"], added: $0["added"], disabled: $0["disabled"])
            }
        }
    }

    /// Adds a user with `role`, recorded in the event log as done by `actor`. Only a manager
    /// manages users; the first user is the one running the command, as a manager.
    public func addUser(_ name: String, role: String, fullName: String? = nil, by actor: String?) throws(StoreError) {
        let role = try Self.checkRole(role)
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "._-@".contains($0) }) else {
            throw StoreError(message: "name: '\(name)' is not a user name (letters, digits and . _ - @)")
        }
        try write { db in
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM users") == 0 {
                guard name == actor, role == "manager" else {
                    throw StoreError(message: "name: the store has no users yet: the first is you, as a manager (redress users add \(actor ?? "NAME") --role manager)")
                }
            } else {
                try Self.requireManager(actor, in: db)
            }
            if try Bool.fetchOne(db, sql: "SELECT 1 FROM users WHERE name = ?", arguments: [name]) == true {
                throw StoreError(message: "name: there is already a user '\(name)'")
            }
            let now = Timestamp.nowUTC()
            try db.execute(sql: "INSERT INTO users(name, role, full_name, added) VALUES (?, ?, ?, ?)",
                           arguments: [name, role, fullName, now])
            try Self.audit("user_added", ["user": name, "role": role], by: actor, at: now, in: db)
        }
    }

    /// Gives user `name` another role.
    public func setRole(of name: String, to role: String, by actor: String?) throws(StoreError) {
        let role = try Self.checkRole(role)
        try write { db in
            try Self.requireManager(actor, in: db)
            _ = try Self.user(name, in: db)
            try db.execute(sql: "UPDATE users SET role = ? WHERE name = ?", arguments: [role, name])
            try Self.audit("user_role_changed", ["user": name, "role": role], by: actor, in: db)
        }
    }

    /// Disables user `name`: they can no longer run against the store. The log keeps their name.
    public func disableUser(_ name: String, by actor: String?) throws(StoreError) {
        try write { db in
            try Self.requireManager(actor, in: db)
            let user = try Self.user(name, in: db)
            guard user.disabled == nil else { throw StoreError(message: "name: user '\(name)' is already disabled") }
            try db.execute(sql: "UPDATE users SET disabled = ? WHERE name = ?", arguments: [Timestamp.nowUTC(), name])
            try Self.audit("user_disabled", ["user": name], by: actor, in: db)
        }
    }

    /// Makes `name` the connection's viewer: what every read shows from now on depends on their
    /// role. Once a store has users, `name` must be one of them and not disabled; a store
    /// without users treats everyone as a user with no role (who sees withheld identities only
    /// of the complaints they took). Returns the user, or nil in a store without users.
    @discardableResult
    public func identify(_ name: String?) throws(StoreError) -> User? {
        // Deferred: the viewer is a temporary table, and a run that only reads takes no lock.
        do {
            return try transaction(lockingAtStart: false) { db in try Self.identify(name, in: db) }
        } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(message: StoreError.describe(error))
        }
    }

    static func identify(_ name: String?, in db: Database) throws -> User? {
        var user: User?
        if try Int.fetchOne(db, sql: "SELECT count(*) FROM users") ?? 0 > 0 {
            guard let name else { throw StoreError(message: "--user: this store has users; say who you are with --user or REDRESS_USER") }
            guard let found = try? Self.user(name, in: db) else {
                throw StoreError(message: "--user: no user '\(name)' in this store (see `redress users list`)")
            }
            guard found.disabled == nil else { throw StoreError(message: "--user: user '\(name)' is disabled") }
            user = found
        }
        try db.execute(sql: "UPDATE temp.redress_viewer SET user = ?, role = ?", arguments: [name, user?.role])
        return user
    }

    /// Reads as someone with no role and no case of their own would: a customer-facing letter
    /// shows nothing withheld or confidential. Restores the viewer afterwards.
    public static func asOutsider<T>(in db: Database, _ body: () throws -> T) throws -> T {
        let viewer = try becomeOutsider(in: db)
        defer { try? restore(viewer, in: db) }
        return try body()
    }

    /// Who the connection reads as: a user and their role (both nil for an outsider).
    public struct Viewer: Sendable, Equatable {
        public var user: String?
        public var role: String?
    }

    /// Makes the connection read as an outsider; returns the viewer to `restore` afterwards.
    public static func becomeOutsider(in db: Database) throws -> Viewer {
        let row = try Row.fetchOne(db, sql: "SELECT user, role FROM temp.redress_viewer")
        try db.execute(sql: "UPDATE temp.redress_viewer SET user = NULL, role = NULL")
        return Viewer(user: row?["user"], role: row?["role"])
    }

    /// Gives the connection back the viewer `becomeOutsider` set aside.
    public static func restore(_ viewer: Viewer, in db: Database) throws {
        try db.execute(sql: "UPDATE temp.redress_viewer SET user = ?, role = ?", arguments: [viewer.user, viewer.role])
    }

    /// Records the pack's data-protection rules where the store's views and retention read
    /// them: who sees what, and how long personal data is kept. Only with the binding (`bind`,
    /// `rebind`): loading a pack never changes them. Writes only what changed.
    static func recordDataProtection(of pack: PolicyPack, in db: Database) throws {
        try record(pack.confidentiality, in: db)
        let months = try String.fetchOne(db, sql: "SELECT value FROM main.settings WHERE key = 'retention.months'")
        if let wanted = pack.retentionMonths.map(String.init) {
            if months != wanted { try setSetting("retention.months", wanted, in: db) }
        } else if months != nil {
            try db.execute(sql: "DELETE FROM settings WHERE key = 'retention.months'")
        }
    }

    static func record(_ confidentiality: Confidentiality, in db: Database) throws {
        func array(_ roles: [String]) -> String { "[" + roles.map(JSON.quote).joined(separator: ",") + "]" }
        for (key, value) in [("confidentiality.identity_roles", array(confidentiality.identityRoles)),
                             ("confidentiality.outcome_roles", array(confidentiality.outcomeRoles)),
                             ("confidentiality.reveal_roles", array(confidentiality.revealRoles)),
                             ("confidentiality.reveal_reason", confidentiality.revealNeedsReason ? "required" : "optional")]
        where try String.fetchOne(db, sql: "SELECT value FROM main.settings WHERE key = ?", arguments: [key]) != value {
            try setSetting(key, value, in: db)
        }
    }

    /// Discloses the withheld complainant of case `ref` to the current viewer, if their role is
    /// one the pack lets ask (or they may already see it). The request is written to the event
    /// log and committed before anything is disclosed: who, when, which case, the reason.
    public func reveal(_ ref: String, reason: String?, by actor: String?) throws(StoreError) -> RevealedIdentity {
        try write { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT c.id, c.anonymous, c.confidential, p.name, p.email, p.phone, p.address,
                       c.id IN (SELECT e.case_id FROM main.events e, temp.redress_viewer v
                                WHERE e.case_id = c.id AND e.type = 'received' AND e.actor = v.user) AS received_it,
                       (SELECT role FROM temp.redress_viewer) AS role
                FROM main.cases c LEFT JOIN main.parties p ON p.id = c.complainant_id WHERE c.ref = ?
                """, arguments: [ref]) else {
                throw StoreError(message: "ref: no case '\(ref)'")
            }
            guard row["anonymous"] as Bool || row["confidential"] as Bool else {
                throw StoreError(message: "ref: case \(ref) is neither anonymous nor confidential: nothing is withheld")
            }
            let role: String? = row["role"]
            let settings = try Dictionary(uniqueKeysWithValues: Row.fetchAll(
                db, sql: "SELECT key, value FROM settings WHERE key LIKE 'confidentiality.%'").map { ($0["key"] as String, $0["value"] as String) })
            func roles(_ key: String) -> [String] {
                guard let text = settings[key] else { return [] }
                return text.split(whereSeparator: { "[],\" ".contains($0) }).map(String.init)
            }
            let mayAsk = (row["received_it"] as Bool) || role.map { roles("confidentiality.identity_roles").contains($0)
                || roles("confidentiality.reveal_roles").contains($0) } ?? false
            guard mayAsk else {
                throw StoreError(message: "case \(ref): the complainant's identity is withheld, and role \(role.map { "'\($0)'" } ?? "(none)") may not ask to see it")
            }
            let reason = reason.flatMap { $0.isEmpty ? nil : $0 }
            if reason == nil && settings["confidentiality.reveal_reason"] != "optional" {
                throw StoreError(message: "--reason: the pack asks for a reason to see a withheld identity")
            }
            var data = ["ref": ref]
            if let reason { data["reason"] = reason }
            try Self.audit("identity_revealed", data, caseID: row["id"], by: actor, in: db)
            return RevealedIdentity(ref: ref, name: row["name"], email: row["email"], phone: row["phone"], address: row["address"])
        }
    }

    static func requireManager(_ actor: String?, in db: Database) throws {
        guard let actor, let user = try? Self.user(actor, in: db), user.disabled == nil, user.role == "manager" else {
            throw StoreError(message: "--user: only a manager manages users (\(actor.map { "'\($0)'" } ?? "nobody") is not one)")
        }
    }

    static func checkRole(_ role: String) throws(StoreError) -> String {
        guard roles.contains(role) else {
            throw StoreError(message: "role: unknown role '\(role)' (expected one of: \(roles.joined(separator: ", ")))")
        }
        return role
    }

    static func user(_ name: String, in db: Database) throws -> User {
        guard let row = try Row.fetchOne(db, sql: "SELECT name, role, full_name, added, disabled FROM users WHERE name = ?",
                                         arguments: [name]) else {
            throw StoreError(message: "name: no user '\(name)'")
        }
        return User(name: row["name"], role: row["role"], fullName: row["full_name"], added: row["added"], disabled: row["disabled"])
    }

    static func audit(_ type: String, _ data: [String: String], caseID: Int64? = nil, partyID: Int64? = nil, by actor: String?,
                      at now: String = Timestamp.nowUTC(), in db: Database) throws {
        try db.execute(sql: "INSERT INTO main.events(case_id, party_id, type, at, actor, script, data) VALUES (?, ?, ?, ?, ?, 'redress', ?)",
                       arguments: [caseID, partyID, type, now, actor, data.isEmpty ? nil : JSON.object(data)])
    }
}
