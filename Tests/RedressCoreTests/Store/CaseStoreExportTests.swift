import Foundation
import Testing
@testable import RedressCore

@Suite struct CaseStoreExportTests {
    func withCases(_ body: (CaseStore) throws -> Void) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("redress-export-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try CaseStore(path: path)
        let calendar = TestData.calendars[.englandAndWales]!
        var first = NewCase(kind: .complaint, received: TestData.date("2026-12-22"), channel: "email", category: "repairs",
                            summary: "Boiler broken, \"again\"\nsecond line")
        first.tenure = "lcho"
        _ = try store.record(first, pack: LifecycleTests.code, calendar: calendar, by: Recorder())
        _ = try store.record(NewCase(kind: .complaint, received: TestData.date("2026-12-23"), channel: "phone",
                                     exclusion: (reason: "legal proceedings have started", clause: "Code 2.2(b)")),
                             pack: LifecycleTests.code, calendar: calendar, by: Recorder())
        try body(store)
    }

    @Test func csvQuotesWhatNeedsQuotingAndNamesTheNextClock() throws {
        try withCases { store in
            var text = ""
            let count = try store.exportCases(format: .csv) { text += $0 }
            #expect(count == 2)
            let lines = text.components(separatedBy: "\r\n")
            #expect(lines[0].hasPrefix("ref,kind,status,stage,received,channel,category,summary,event_date,tenure,exclusion_reason,"))
            #expect(lines[0].hasSuffix(",next_clock,next_due"))
            #expect(lines[1].hasPrefix("C-2026-000001,complaint,open,1,2026-12-22,email,repairs,\"Boiler broken, \"\"again\"\"\nsecond line\",,lcho,,"))
            #expect(lines[1].hasSuffix(",acknowledge,2026-12-31"))
            #expect(lines[2].hasPrefix("C-2026-000002,complaint,excluded,1,2026-12-23,phone,,,,,legal proceedings have started,Code 2.2(b),"))
            #expect(lines[3] == "")
        }
    }

    @Test func jsonIsAnArrayOfObjectsWithNulls() throws {
        try withCases { store in
            var text = ""
            try store.exportCases(format: .json) { text += $0 }
            let parsed = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [[String: Any]])
            #expect(parsed.count == 2)
            #expect(parsed[0]["summary"] as? String == "Boiler broken, \"again\"\nsecond line")
            #expect(parsed[0]["next_due"] as? String == "2026-12-31")
            #expect(parsed[1]["status"] as? String == "excluded")
            #expect(parsed[1]["category"] is NSNull)
            #expect(parsed[0]["tenure"] as? String == "lcho")
            #expect(parsed[1]["tenure"] is NSNull)
        }
    }

    @Test func anEmptyStoreExportsAHeaderOrAnEmptyArray() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("redress-export-\(UUID()).sqlite").path
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        let store = try CaseStore(path: path)
        var csv = "", json = ""
        try store.exportCases(format: .csv) { csv += $0 }
        try store.exportCases(format: .json) { json += $0 }
        #expect(csv.hasPrefix("ref,kind,") && csv.hasSuffix("next_due\r\n"))
        #expect(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [Any] != nil)
    }
}
