import Foundation
import RedressCore
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Files Redress must not use as a store, each refused with a message that says why: a store
/// written by a newer Redress, an empty file, a store in a folder the user cannot write.
@Suite struct StoreVersionTests {
    func folder() throws -> URL {
        let url = URL(fileURLWithPath: "/tmp/rsv-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aStoreFromANewerRedressIsRefusedAndLeftAsItIs() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("r.sqlite").path
        #expect(try Redress.run(["init", "--db", db]).status == 0)
        // What a later Redress leaves: a migration this one does not know.
        try CaseStore(path: db).writeThrowingAny { db in
            try db.execute(sql: "INSERT INTO grdb_migrations(identifier) VALUES ('v99: from a later Redress')")
            try db.execute(sql: "CREATE TABLE later_table (x)")
        }
        for arguments in [["-e", "print(1)"], ["users", "list"], ["settings", "list"], ["init"]] {
            let result = try Redress.run(arguments + ["--db", db])
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr == "redress: the store '\(db)' was written by a newer Redress: its schema has changes this Redress does not know (v99: from a later Redress). Nothing was changed; use a Redress at least as new as the one that wrote it\n",
                    "\(arguments)")
            #expect(result.stdout.isEmpty)
        }
    }

    @Test func anEmptyFileIsNotMadeAStoreExceptByInit() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("empty.sqlite").path
        #expect(FileManager.default.createFile(atPath: db, contents: Data(), attributes: [.posixPermissions: 0o600]))
        let message = "redress: the store '\(db)' is an empty file (0 bytes), not a Redress store; only `redress init --db \(db)` makes a store of it\n"
        for arguments in [["-e", "print(1)"], ["users", "list"], ["export", "cases"], ["jobs", "list"]] {
            let result = try Redress.run(arguments + ["--db", db])
            #expect(result.status == 2, "\(arguments)")
            #expect(result.stderr == message, "\(arguments)")
        }
        // The REPL on the default store, REDRESS_DB, and a pipe.
        let repl = try Redress.run([], environment: ["REDRESS_DB": db], input: "print(1)\n")
        #expect(repl.status == 2)
        #expect(repl.stderr == message)
        #expect(try FileManager.default.attributesOfItem(atPath: db)[.size] as? Int == 0)
        #expect(!FileManager.default.fileExists(atPath: db + "-wal"))
        // init makes a store of it, owner-only like a new one.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: db)
        let made = try Redress.run(["init", "--db", db])
        #expect(made.status == 0)
        #expect(made.stdout.contains(" \(db): policy hos-code"))
        #expect(try FileManager.default.attributesOfItem(atPath: db)[.posixPermissions] as? Int == 0o600)
        #expect(try Redress.run(["-e", "print(#sql('select * from cases'))", "--db", db]).stdout == "0\n")
    }

    @Test func aStoreInAFolderTheUserCannotWriteSaysSo() throws {
        let dir = try folder()
        defer {
            chmod(dir.path, 0o755)
            try? FileManager.default.removeItem(at: dir)
        }
        let db = dir.appendingPathComponent("r.sqlite").path
        #expect(try Redress.run(["init", "--db", db]).status == 0)
        var prefix: [String] = []
        var program = Redress.binary
        if getuid() == 0 {
            // root writes anywhere: run as nobody, who owns the store but not the folder's write bit.
            chown(dir.path, 65534, 65534)
            chown(db, 65534, 65534)
            program = URL(fileURLWithPath: "/usr/bin/setpriv")
            prefix = ["--reuid=65534", "--regid=65534", "--clear-groups", Redress.binary.path]
        }
        chmod(dir.path, 0o555)
        let result = try Redress.run(program, prefix + ["--db", db, "-e", "print(#sql('select * from cases'))"])
        #expect(result.status == 2)
        #expect(result.stderr == "redress: cannot use the store '\(db)': its folder '\(dir.path)' is not writable by you (Permission denied), and SQLite must keep the store's write-ahead log (r.sqlite-wal, r.sqlite-shm) there, even to read it. Ask for write access to the folder, or copy the store to a folder you can write to\n")
        #expect(!result.stderr.contains("readonly database"))
        // With both files of the log there to write, SQLite needs nothing of the folder.
        chmod(dir.path, 0o755)
        for suffix in ["-wal", "-shm"] {
            #expect(FileManager.default.createFile(atPath: db + suffix, contents: Data(), attributes: [.posixPermissions: 0o600]))
            if getuid() == 0 { chown(db + suffix, 65534, 65534) }
        }
        chmod(dir.path, 0o555)
        let used = try Redress.run(program, prefix + ["--db", db, "-e", "print(#sql('select * from cases'))"])
        #expect(used == .init(status: 0, stdout: "0\n", stderr: ""))
    }
}
