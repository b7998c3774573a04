import Foundation
import Testing

/// RedressCalendar is a library other programs can depend on because it depends on nothing: no
/// file under Sources/RedressCalendar imports a module (not Foundation, not Glibc, not GRDB).
/// Reading files and the clock stays in RedressCore (`HolidayData.load`, `LocalDate.today`).
@Suite struct NoDependencyTests {
    static let sources = TestData.repository.appendingPathComponent("Sources/RedressCalendar")

    /// The import declarations in Swift source text, as `line: text`. An import may carry
    /// attributes and an access level (`@_exported import GRDB`, `public import Glibc`,
    /// `@preconcurrency import Foundation`), name a declaration (`import struct Foundation.Date`),
    /// or sit inside `#if canImport(...)`; comments are not imports.
    static func imports(in text: String) -> [String] {
        let prefixes: Set<Substring> = ["public", "package", "internal", "fileprivate", "private"]
        var found: [String] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for statement in line.split(separator: ";") {
                var words = statement.split(whereSeparator: { $0 == " " || $0 == "\t" })[...]
                if words.first?.hasPrefix("//") ?? true { continue }
                while let word = words.first, word.hasPrefix("@") || prefixes.contains(word) {
                    words = words.dropFirst()
                }
                if words.first == "import" {
                    found.append("\(number + 1): \(line.trimmingCharacters(in: .whitespaces))")
                }
            }
        }
        return found
    }

    @Test func theDetectorFindsEveryFormOfImport() {
        let text = """
            import Foundation
                @_exported import GRDB
            public import Glibc
            @preconcurrency internal import Dispatch
            import struct Foundation.Date
            #if canImport(Darwin)
            import Darwin
            #endif
            let a = 1; import Foo
            // import NotAnImport
            /// A doc comment that says import Nothing.
            let important = "importance"
            """
        #expect(NoDependencyTests.imports(in: text).map { $0.prefix(while: { $0 != ":" }) }
            == ["1", "2", "3", "4", "5", "7", "9"])
    }

    @Test func noFileUnderSourcesRedressCalendarImportsAModule() throws {
        let names = try FileManager.default.subpathsOfDirectory(atPath: NoDependencyTests.sources.path)
            .filter { $0.hasSuffix(".swift") }.sorted()
        // The calendar's own files are there, so an empty or misplaced folder cannot pass.
        for expected in ["LocalDate.swift", "WorkingDayCalendar.swift", "HolidayChange.swift", "Region.swift"] {
            #expect(names.contains(expected), "Sources/RedressCalendar/\(expected) not found")
        }
        for name in names {
            let text = try String(contentsOf: NoDependencyTests.sources.appendingPathComponent(name), encoding: .utf8)
            #expect(NoDependencyTests.imports(in: text).isEmpty,
                    "Sources/RedressCalendar/\(name) imports \(NoDependencyTests.imports(in: text)): the calendar library must import nothing")
        }
    }
}
