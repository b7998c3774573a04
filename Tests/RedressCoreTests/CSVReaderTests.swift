import Foundation
import Testing
@testable import RedressCore

@Suite struct CSVReaderTests {
    func records(_ text: String) throws -> [[String]] {
        let path = "/tmp/redress-csv-\(UUID()).csv"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try CSVReader(path: path)
        var rows: [[String]] = []
        while try reader.next() { rows.append((0..<reader.count).map(reader.field)) }
        return rows
    }

    @Test func readsRFC4180() throws {
        #expect(try records("a,b,c\n1,\"x, y\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",,\n") ==
                [["a", "b", "c"], ["1", "x, y", "say \"hi\""], ["two\nlines", "", ""]])
        // A byte-order mark, a missing final newline, blank lines, UTF-8.
        #expect(try records("\u{FEFF}name\n\nCaf\u{E9}\n\n\nÅse") == [["name"], ["Caf\u{E9}"], ["Åse"]])
    }

    @Test func numbersRowsAsASpreadsheetDoes() throws {
        let path = "/tmp/redress-csv-\(UUID()).csv"
        try "h\n\"a\nb\"\nc\n".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try CSVReader(path: path)
        var rows: [Int] = []
        while try reader.next() { rows.append(reader.row) }
        #expect(rows == [1, 2, 3])
    }

    @Test func anUnclosedQuoteNamesItsRow() throws {
        #expect(throws: CSVError.self) { try records("h\nok\n\"never closed\n") }
        do {
            _ = try records("h\nok\n\"never closed\n")
        } catch let error as CSVError {
            #expect(error.row == 3)
        }
    }

    @Test func fieldsLongerThanTheReadBufferSurvive() throws {
        let long = String(repeating: "x", count: 3_000_000)
        #expect(try records("a,b\n\"\(long)\",1\n") == [["a", "b"], [long, "1"]])
    }
}
