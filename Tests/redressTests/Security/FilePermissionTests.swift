import Foundation
import Testing

/// Every file Redress writes holds personal data (issue 15, item 6): it is created or truncated
/// owner-only (0600), a symbolic link planted at its name is refused (the link's target is left
/// as it was), and an existing target others may read is made owner-only before anything is
/// written into it.
@Suite struct FilePermissionTests {
    typealias Workspace = JobsCommandTests.Workspace

    static func mode(_ path: String) throws -> Int {
        try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    /// A file another user could read, with `text` in it.
    static func worldReadable(_ path: String, _ text: String = "old contents\n") throws {
        try text.write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
    }

    /// A victim file the user owns, and a link to it at `link`.
    static func plant(_ link: String) throws -> (victim: String, contents: String) {
        let victim = (link as NSString).deletingLastPathComponent + "/victim-\(UUID().uuidString.prefix(6)).txt"
        let contents = "the victim's own file\n"
        try worldReadable(victim, contents)
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: victim)
        return (victim, contents)
    }

    func workspaceWithACase() throws -> Workspace {
        let workspace = try Workspace()
        let intake = try Redress.run(["--db", workspace.db, "--as-of", "2026-12-22", "-e", """
            cases.intake{ received = "2026-12-22", channel = "email", summary = "Boiler", complainant = { name = "Ann Example" } }
            """])
        #expect(intake.status == 0, "\(intake.stderr)")
        return workspace
    }

    @Test func anExportRefusesALinkAndMakesAWorldReadableTargetOwnerOnly() throws {
        let workspace = try workspaceWithACase()
        let link = workspace.folder.appendingPathComponent("export.csv").path
        let (victim, contents) = try FilePermissionTests.plant(link)
        let refused = try Redress.run(["export", "cases", "--format", "csv", "--output", link, "--db", workspace.db])
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("symbolic link"), "\(refused.stderr)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == contents)

        let open = workspace.folder.appendingPathComponent("open.csv").path
        try FilePermissionTests.worldReadable(open)
        let written = try Redress.run(["export", "cases", "--format", "csv", "--output", open, "--db", workspace.db])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(try FilePermissionTests.mode(open) == 0o600)
        #expect(try String(contentsOfFile: open, encoding: .utf8).contains("C-2026-000001"))
    }

    @Test func theREPLsOutputRefusesALinkAndMakesATargetOwnerOnly() throws {
        let workspace = try workspaceWithACase()
        let link = workspace.folder.appendingPathComponent("results.txt").path
        let (victim, contents) = try FilePermissionTests.plant(link)
        let open = workspace.folder.appendingPathComponent("open.txt").path
        try FilePermissionTests.worldReadable(open)
        let session = try Redress.run(["--db", workspace.db], input: """
            .output \(link)
            'to the link'
            .output \(open)
            'to the file'
            .output
            """)
        #expect(session.stderr.contains("symbolic link"), "\(session.stderr)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == contents)
        #expect(try FilePermissionTests.mode(open) == 0o600)
        #expect(try String(contentsOfFile: open, encoding: .utf8) == "to the file\n")
    }

    @Test func aJobsReportRefusesALinkPlantedAtItsName() throws {
        let workspace = try Workspace()
        try workspace.job("tick", JobsCommandTests.tick)
        let folder = workspace.folder.appendingPathComponent("s-reports/ticks").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let (victim, contents) = try FilePermissionTests.plant(folder + "/2026-12-22.txt")
        let run = try workspace.jobs(["run", "tick", "--as-of", "2026-12-22"])
        #expect(run.stdout.contains("failed"), "\(run.stdout)\(run.stderr)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == contents)
    }

    @Test func aJobsReportRefusesALinkedFolderOnItsWay() throws {
        let workspace = try Workspace()
        try workspace.job("tick", JobsCommandTests.tick)
        let outside = workspace.folder.appendingPathComponent("outside").path
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: workspace.folder.appendingPathComponent("s-reports").path, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: workspace.folder.appendingPathComponent("s-reports/ticks").path,
                                                   withDestinationPath: outside)
        let run = try workspace.jobs(["run", "tick", "--as-of", "2026-12-22"])
        #expect(run.stdout.contains("failed"), "\(run.stdout)\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outside).isEmpty)
    }

    @Test func aSubjectAccessReportAndASampleRefuseLinks() throws {
        let workspace = try workspaceWithACase()
        let party = try Redress.run(["--db", workspace.db, "-e", "print(cases.get('C-2026-000001').complainant.id)"])
        let id = party.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let today = ISO8601DateFormatter().string(from: Date()).prefix(10)
        let sar = workspace.folder.appendingPathComponent("sar-party-\(id)-\(today).json").path
        let (victim, contents) = try FilePermissionTests.plant(sar)
        let refused = try Redress.run(["sar", id, "--output-dir", workspace.folder.path, "--db", workspace.db])
        #expect(refused.status != 0, "\(refused.stdout)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == contents)

        let sample = workspace.folder.appendingPathComponent("sample.csv").path
        let (sampleVictim, sampleContents) = try FilePermissionTests.plant(sample)
        let forced = try Redress.run(["sample", "--contacts", "5", "--output", sample, "--force"])
        #expect(forced.status != 0)
        #expect(try String(contentsOfFile: sampleVictim, encoding: .utf8) == sampleContents)
    }

    @Test func initMakesAnEmptyWorldReadableFileOwnerOnly() throws {
        let folder = "/tmp/rp-\(UUID().uuidString.prefix(8))"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let db = folder + "/touched.sqlite"
        try FilePermissionTests.worldReadable(db, "")
        let created = try Redress.run(["init", "--db", db])
        #expect(created.status == 0, "\(created.stderr)")
        #expect(try FilePermissionTests.mode(db) == 0o600)
    }
}
