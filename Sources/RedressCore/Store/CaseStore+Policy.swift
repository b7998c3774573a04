import GRDB

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

    /// Binds the store to `pack` (loaded from `source`, a pack name or path) and records it in
    /// the event log with the pack's content hash. Refuses to rebind a store bound to another
    /// pack: its cases' clocks were computed under that pack's rules.
    public func bind(to pack: PolicyPack, source: String, actor: String?) throws(StoreError) {
        try write { db in
            let current = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'policy'")
            if let current, current != pack.name {
                throw StoreError(message: "the store '\(path)' is bound to policy '\(current)', not '\(pack.name)'; create a new store for another pack")
            }
            for (key, value) in [("policy", pack.name), ("policy_title", pack.title), ("policy_source", source),
                                 ("policy_hash", pack.hash), ("region", pack.region.rawValue)] {
                try Self.setSetting(key, value, in: db)
            }
            try Self.recordDataProtection(of: pack, in: db)
            try db.execute(sql: "INSERT INTO main.events(type, at, actor, script, data) VALUES ('policy_bound', ?, ?, 'redress init', ?)",
                           arguments: [Timestamp.nowUTC(), actor,
                                       JSON.object(["policy": pack.name, "hash": pack.hash, "source": source])])
        }
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
