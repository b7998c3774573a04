import GRDB

/// The settings a user may set (`redress settings set KEY VALUE`), each checked, and the folders
/// a store keeps beside it. The pack binding (`policy`, `policy_title`, `policy_source`,
/// `policy_hash`, `policy_libraries`, `region`) is set by `redress init` and `redress policy rebind` only;
/// `calendar_version` by the commands that change the store's calendar.
public enum StoreSettings {
    /// A setting a user may set, what it is for, and how its value is checked.
    public struct Key: Sendable {
        public let name: String
        public let help: String
        let check: @Sendable (String) -> String?
    }

    /// The most homes a landlord's store may say it has: ten million, far above the largest
    /// landlord's, and small enough that CH01's arithmetic on it cannot overflow.
    public static let maximumHomes = 10_000_000

    /// Why `text` is not a number of homes (nil when it is one).
    public static func homesRefusal(_ text: String) -> String? {
        guard let homes = Int(text), homes >= 1 else { return "expected a whole number of homes, 1 or more" }
        guard homes <= maximumHomes else { return "expected at most \(maximumHomes) homes" }
        return nil
    }

    public static let keys: [Key] = [
        Key(name: "homes", help: "homes the landlord owns or manages, the denominator of TSM CH01 (a whole number, 1 to 10,000,000)") {
            homesRefusal($0)
        },
        Key(name: "homes_lcra", help: "low-cost rental homes (LCRA), the denominator of TSM CH01 for LCRA (1 to 10,000,000)") {
            homesRefusal($0)
        },
        Key(name: "homes_lcho", help: "low-cost home ownership homes (LCHO), the denominator of TSM CH01 for LCHO (1 to 10,000,000)") {
            homesRefusal($0)
        },
        Key(name: "landlord", help: "the landlord's name, as letters and reports give it (default: the pack's title)") { nonEmpty($0) },
        Key(name: "landlord_address", help: "the landlord's postal address, for letters") { nonEmpty($0) },
        Key(name: "complaints_email", help: "where customers write about a complaint, for letters") {
            $0.contains("@") ? nil : "not an email address"
        },
        Key(name: "complaints_phone", help: "the complaints team's telephone number, for letters") { nonEmpty($0) },
        Key(name: "jobs_folder", help: "the store's own scheduled jobs (default: NAME-jobs/ beside the store NAME.sqlite)") { nonEmpty($0) },
        Key(name: "reports_folder", help: "where jobs and reports write files (default: NAME-reports/ beside the store)") { nonEmpty($0) },
        Key(name: "letters_folder", help: "the store's own letter templates (default: NAME-letters/ beside the store)") { nonEmpty($0) },
        Key(name: "sample_seed", help: "the base seed of sample draws (a whole number, 0 to 2^64-1; default 0)") {
            UInt64($0) == nil ? "expected a whole number from 0 to \(UInt64.max)" : nil
        },
        Key(name: "deadline_days", help: "how many working days ahead the deadlines job looks (0 to 60; default 3)") {
            guard let days = Int($0), (0...60).contains(days) else { return "expected a whole number of working days from 0 to 60" }
            return nil
        },
    ]

    /// Settings `redress init` and `redress policy rebind` write from the pack and no one else:
    /// the binding, and the pack's data-protection rules (`confidentiality.*`, `retention.*`).
    public static func isBinding(_ name: String) -> Bool {
        ["policy", "policy_title", "policy_source", "policy_hash", "policy_libraries", "region", "calendar_version"].contains(name)
            || name.hasPrefix("confidentiality.") || name.hasPrefix("retention.")
    }

    private static func nonEmpty(_ value: String) -> String? {
        value.trimmingSpaces().isEmpty ? "must not be empty" : nil
    }

    /// Checks `value` for setting `name`; the error names the setting and the value.
    public static func validate(_ name: String, _ value: String) throws(InputError) {
        if name == "calendar_version" {
            throw InputError(field: name, message: "is recorded when the store's calendar changes (`redress calendar proclaim`, `redress calendar recompute`)")
        }
        if isBinding(name) {
            throw InputError(field: name, message: "is set from the store's pack by `redress init` and `redress policy rebind`")
        }
        guard let key = keys.first(where: { $0.name == name }) else {
            throw InputError(field: name, message: "unknown setting (expected one of: \(keys.map(\.name).joined(separator: ", ")))")
        }
        if let problem = key.check(value) {
            throw InputError(field: name, message: "\(problem), got '\(value)'")
        }
    }
}

extension CaseStore {
    /// Every setting, by key.
    public func settings() throws(StoreError) -> [String: String] {
        try read { db in try Self.settings(in: db) }
    }

    /// Every setting, inside the caller's transaction.
    public static func settings(in db: Database) throws -> [String: String] {
        var all: [String: String] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT key, value FROM settings") { all[row["key"]] = row["value"] }
        return all
    }

    /// Sets a user setting after checking it, and records the change in the event log.
    public func changeSetting(_ key: String, to value: String, actor: String?) throws {
        try StoreSettings.validate(key, value)
        try write { db in
            try Self.setSetting(key, value, in: db)
            try db.execute(sql: "INSERT INTO main.events(type, at, actor, script, data) VALUES ('setting_changed', ?, ?, 'redress settings', ?)",
                           arguments: [Timestamp.nowUTC(), actor, JSON.object(["key": key, "value": value])])
        }
    }

    /// Removes a user setting (its default applies again).
    public func removeSetting(_ key: String, actor: String?) throws {
        if StoreSettings.isBinding(key) {
            throw InputError(field: key, message: "is set from the store's pack by `redress init` and `redress policy rebind`")
        }
        guard StoreSettings.keys.contains(where: { $0.name == key }) else {
            throw InputError(field: key, message: "unknown setting (expected one of: \(StoreSettings.keys.map(\.name).joined(separator: ", ")))")
        }
        try write { db in
            try db.execute(sql: "DELETE FROM settings WHERE key = ?", arguments: [key])
            try db.execute(sql: "INSERT INTO main.events(type, at, actor, script, data) VALUES ('setting_removed', ?, ?, 'redress settings', ?)",
                           arguments: [Timestamp.nowUTC(), actor, JSON.object(["key": key])])
        }
    }

    /// The folder a setting names (relative to the store's own folder when not absolute), or
    /// `<name>-<kind>` beside the store `<name>.sqlite`: each store has its own, so several
    /// stores can share a folder.
    public func folder(_ setting: String, kind: String) throws(StoreError) -> String {
        Self.folder(named: try self.setting(setting), kind: kind, store: path)
    }

    /// The same, from the setting's value (`named`) read in a transaction already open.
    public static func folder(named: String?, kind: String, store path: String) -> String {
        let base = Folder.parent(of: path)
        var name = String(path.split(separator: "/").last ?? "redress")
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        let named = named ?? "\(name)-\(kind)"
        return named.hasPrefix("/") ? named : base + "/" + named
    }

    /// The store's own scheduled jobs: `jobs_folder`, else `<name>-jobs/` beside the store.
    public var jobsFolder: String { get throws(StoreError) { try folder("jobs_folder", kind: "jobs") } }
    /// Where jobs and reports write files: `reports_folder`, else `<name>-reports/` beside the store.
    public var reportsFolder: String { get throws(StoreError) { try folder("reports_folder", kind: "reports") } }
    /// The store's own letter templates: `letters_folder`, else `<name>-letters/` beside the store.
    public var lettersFolder: String { get throws(StoreError) { try folder("letters_folder", kind: "letters") } }

    /// Where a letter's template is looked for, first match wins: the store's own letters
    /// folder, Scripts/letters/<pack>/, then Scripts/letters/default/ (the Code's letters).
    public func letterFolders(scripts: String, pack: String) throws(StoreError) -> [String] {
        [try lettersFolder, "\(scripts)/letters/\(pack)", "\(scripts)/letters/default"]
    }
}
