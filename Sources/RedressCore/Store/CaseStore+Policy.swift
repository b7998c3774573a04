import GRDB
import RedressCalendar

#if canImport(Glibc)
import Glibc
#endif

extension CaseStore {
    /// The pack the store is bound to: its name and the path or name it was loaded from.
    public var boundPolicy: (name: String, source: String, hash: String)? {
        get throws(StoreError) {
            try read { db in try Self.boundPolicy(in: db) }
        }
    }

    /// The bound pack, read inside the caller's transaction.
    public static func boundPolicy(in db: Database) throws -> (name: String, source: String, hash: String)? {
        let settings = try Dictionary(uniqueKeysWithValues: Row.fetchAll(
            db, sql: "SELECT key, value FROM settings WHERE key IN ('policy', 'policy_source', 'policy_hash')").map {
                ($0["key"] as String, $0["value"] as String)
            })
        guard let name = settings["policy"], let source = settings["policy_source"], let hash = settings["policy_hash"] else {
            return nil
        }
        return (name, source, hash)
    }

    /// What `bind` did.
    public enum Binding: Sendable, Equatable {
        /// The store was not bound: it is now, recorded as a `policy_bound` event.
        case bound
        /// The store was already bound to this very pack (same source, same hash): nothing changed.
        case unchanged
    }

    /// Binds an unbound store to `pack` (loaded from `source`, a pack name or path) and records
    /// it in the event log with the pack's content hash. A store already bound is left as it is:
    /// the same pack is `unchanged`; another pack's name is refused (its cases' clocks were
    /// computed under that pack's rules); another version or source of the same pack is refused
    /// with the command that rebinds it (`rebind`, audited, by a manager).
    @discardableResult
    public func bind(to pack: PolicyPack, source: String, calendar: WorkingDayCalendar? = nil, actor: String?) throws(StoreError) -> Binding {
        try write { db in
            if let current = try Self.boundPolicy(in: db) {
                if current.name != pack.name {
                    throw StoreError(message: "the store '\(path)' is bound to policy '\(current.name)', not '\(pack.name)'; create a new store for another pack")
                }
                let libraries = try Self.boundLibraries(in: db)
                if current.hash == pack.hash && current.source == source && (libraries == nil || libraries == pack.libraries) {
                    return .unchanged
                }
                let changed = libraries.map { Self.differences($0, pack.libraries) } ?? []
                throw StoreError(message: "the store '\(path)' is bound to policy '\(current.name)' with pack hash \(current.hash) (from \(current.source)); this pack's hash is \(pack.hash) (from \(source))\(changed.isEmpty ? "" : ", and the modules it requires differ (\(changed.joined(separator: "; ")))"). A manager rebinds the store to it, recorded in the audit log: redress policy rebind --db \(path) --policy \(source)")
            }
            try Self.writeBinding(of: pack, source: source, in: db)
            // A new store's due dates will be computed with this calendar: its version is the one
            // every later run checks its own against.
            if let calendar, try String.fetchOne(db, sql: "SELECT value FROM main.settings WHERE key = 'calendar_version'") == nil {
                try Self.setSetting("calendar_version", calendar.version, in: db)
            }
            var data = ["policy": pack.name, "hash": pack.hash, "source": source]
            if !pack.libraries.isEmpty {
                data["libraries"] = pack.libraries.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            }
            try db.execute(sql: "INSERT INTO main.events(type, at, actor, script, data) VALUES ('policy_bound', ?, ?, 'redress init', ?)",
                           arguments: [Timestamp.nowUTC(), actor, JSON.object(data)])
            return .bound
        }
    }

    /// What a rebind changed: the pack's hashes and source before and after, and the
    /// data-protection settings it moved (`key: before -> after`).
    public struct Rebinding: Sendable, Equatable {
        public let previousHash: String
        public let hash: String
        public let previousSource: String
        public let source: String
        /// The data-protection settings it moved, `key: before -> after`.
        public let changes: [String]
        /// The modules the pack requires whose hashes changed, `name: before -> after`.
        public let moduleChanges: [String]
    }

    /// Rebinds the store to another version (or source) of its pack, the only way the binding and
    /// the settings derived from the pack (`confidentiality.*`, `retention.*`) change after
    /// `init`. Once the store has users, only a manager may. Recorded as an append-only
    /// `policy_rebound` event with both hashes, both sources, the settings it changed, who and
    /// when. Returns nil, changing nothing, when the store is already bound to this pack.
    public func rebind(to pack: PolicyPack, source: String, actor: String?) throws(StoreError) -> Rebinding? {
        try write { db in
            guard let current = try Self.boundPolicy(in: db) else {
                throw StoreError(message: "the store '\(path)' is not bound to a policy pack (run `redress init --db \(path)`)")
            }
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM users") ?? 0 > 0 {
                guard let actor, let user = try? Self.user(actor, in: db), user.disabled == nil, user.role == "manager" else {
                    throw StoreError(message: "--user: only a manager rebinds the store's pack (\(actor.map { "'\($0)'" } ?? "nobody") is not one)")
                }
            }
            guard current.name == pack.name else {
                throw StoreError(message: "the store '\(path)' is bound to policy '\(current.name)', not '\(pack.name)'; create a new store for another pack")
            }
            let libraries = try Self.boundLibraries(in: db)
            if current.hash == pack.hash && current.source == source && libraries == pack.libraries { return nil }
            let protection = "SELECT key, value FROM main.settings WHERE key LIKE 'confidentiality.%' OR key LIKE 'retention.%'"
            func settings() throws -> [String: String] {
                try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: protection).map { ($0["key"] as String, $0["value"] as String) })
            }
            let before = try settings()
            try Self.writeBinding(of: pack, source: source, in: db)
            let after = try settings()
            let changes = Set(before.keys).union(after.keys).sorted().compactMap { key -> String? in
                before[key] == after[key] ? nil : "\(key): \(before[key] ?? "(unset)") -> \(after[key] ?? "(unset)")"
            }
            var data = ["policy": pack.name, "previous_hash": current.hash, "hash": pack.hash,
                        "previous_source": current.source, "source": source]
            if !changes.isEmpty { data["settings_changed"] = changes.joined(separator: "; ") }
            let moduleChanges = Self.differences(libraries ?? [:], pack.libraries, unbound: libraries == nil ? "(not recorded)" : "(not required)")
            if !moduleChanges.isEmpty { data["libraries_changed"] = moduleChanges.joined(separator: "; ") }
            try db.execute(sql: "INSERT INTO main.events(type, at, actor, script, data) VALUES ('policy_rebound', ?, ?, 'redress policy rebind', ?)",
                           arguments: [Timestamp.nowUTC(), actor, JSON.object(data)])
            return Rebinding(previousHash: current.hash, hash: pack.hash, previousSource: current.source, source: source,
                             changes: changes, moduleChanges: moduleChanges)
        }
    }

    /// Refuses to run a pack file whose content hash (`hash`, of the text at `path`) is not the
    /// one the store is bound to: an edited pack would otherwise change the store's rules with
    /// no record. The message names both hashes and the command that rebinds the store.
    /// `libraries` are the Scripts/ modules the pack requires, with their hashes (in `scripts`);
    /// a store bound before Redress recorded them (no `policy_libraries`) checks the pack file only.
    public static func checkBinding(hash: String, libraries: [String: String], path: String, scripts: String, storePath: String,
                                    in db: Database) throws {
        guard let bound = try boundPolicy(in: db) else {
            throw StoreError(message: "the store '\(storePath)' is not bound to a policy pack (run `redress init --db \(storePath)`)")
        }
        let rebind = "Nothing was run. If the change is meant, a manager rebinds the store, recorded in its audit log: redress policy rebind --db \(storePath) [--policy NAME|PATH]"
        guard bound.hash == hash else {
            throw StoreError(message: "the store's policy pack has changed since it was bound: \(path) has content hash \(hash), but the store '\(storePath)' is bound to policy '\(bound.name)' with hash \(bound.hash). \(rebind)")
        }
        if let boundLibraries = try boundLibraries(in: db), boundLibraries != libraries {
            let changed = differences(boundLibraries, libraries)
            throw StoreError(message: "the store's policy pack has changed since it was bound: a module it requires from \(scripts) is not the one bound with policy '\(bound.name)' in the store '\(storePath)' (\(changed.joined(separator: "; "))). \(rebind)")
        }
    }

    /// The modules bound with the pack, by name, with their hashes; nil in a store bound before
    /// they were recorded.
    static func boundLibraries(in db: Database) throws -> [String: String]? {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM settings WHERE key = 'policy_libraries'") == true else { return nil }
        return try Dictionary(uniqueKeysWithValues: Row.fetchAll(db, sql: """
            SELECT j.key, j.value FROM settings s, json_each(s.value) j WHERE s.key = 'policy_libraries'
            """).map { ($0["key"] as String, $0["value"] as String) })
    }

    /// `name: bound hash -> current hash` for each module that differs, by name; `unbound`
    /// stands for a module the binding does not name.
    static func differences(_ bound: [String: String], _ current: [String: String], unbound: String = "(not required)") -> [String] {
        Set(bound.keys).union(current.keys).sorted().compactMap { name in
            bound[name] == current[name] ? nil : "\(name): \(bound[name] ?? unbound) -> \(current[name] ?? "(not required)")"
        }
    }

    /// Writes the binding settings and the pack's data-protection rules.
    static func writeBinding(of pack: PolicyPack, source: String, in db: Database) throws {
        for (key, value) in [("policy", pack.name), ("policy_title", pack.title), ("policy_source", source),
                             ("policy_hash", pack.hash), ("region", pack.region.rawValue),
                             ("policy_libraries", JSON.object(pack.libraries))] {
            try setSetting(key, value, in: db)
        }
        try recordDataProtection(of: pack, in: db)
    }
}

/// Times as the store keeps them: ISO 8601, UTC, to the second.
public enum Timestamp {
    public static func nowUTC() -> String {
        var now = time(nil)
        var parts = tm()
        gmtime_r(&now, &parts)
        // YYYY-MM-DDTHH:MM:SSZ, written digit by digit (string interpolation costs microseconds).
        var bytes: [UInt8] = Array("0000-00-00T00:00:00Z".utf8)
        func put(_ value: Int32, at offset: Int, digits: Int) {
            var value = value
            for position in stride(from: offset + digits - 1, through: offset, by: -1) {
                bytes[position] = UInt8(48 + value % 10)
                value /= 10
            }
        }
        put(parts.tm_year + 1900, at: 0, digits: 4)
        put(parts.tm_mon + 1, at: 5, digits: 2)
        put(parts.tm_mday, at: 8, digits: 2)
        put(parts.tm_hour, at: 11, digits: 2)
        put(parts.tm_min, at: 14, digits: 2)
        put(parts.tm_sec, at: 17, digits: 2)
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// The little JSON the event log needs, without Foundation.
public enum JSON {
    /// A JSON object of string values, keys sorted.
    public static func object(_ fields: [String: String]) -> String {
        "{" + fields.sorted { $0.key < $1.key }.map { "\(quote($0.key)):\(quote($0.value))" }.joined(separator: ",") + "}"
    }

    /// A JSON string literal.
    public static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
