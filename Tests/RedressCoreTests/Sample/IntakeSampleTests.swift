import RedressCalendar
import Testing
@testable import RedressCore

@Suite struct IntakeSampleTests {
    static let from = try! LocalDate(iso: "2024-01-01")
    static let to = try! LocalDate(iso: "2025-11-30")

    static func sample(_ contacts: Int, seed: UInt64 = 1, from: LocalDate = from, to: LocalDate = to) -> IntakeSample {
        IntakeSample(contacts: contacts, seed: seed, from: from, to: to)
    }

    /// 20,000 rows, parsed once and shared by the tests below.
    static let text = sample(20_000, seed: 11).text()
    static let records: [[String]] = try! TinyCSV.parse(text)
    static let rows: [[String: String]] = records.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(IntakeSample.columns, $0)) }

    static func share(_ isCounted: ([String: String]) -> Bool) -> Double {
        Double(rows.count(where: isCounted)) / Double(rows.count)
    }

    static func date(_ text: String?) -> LocalDate? {
        guard let text, !text.isEmpty else { return nil }
        return try! LocalDate(iso: text)
    }

    @Test func theGeneratorIsSplitMix64() {
        // The published reference outputs for seed 0, so a seed means the same on every machine.
        var random = IntakeSample.Random(seed: 0)
        #expect(random.next() == 0xE220_A839_7B1D_CDAF)
        #expect(random.next() == 0x6E78_9E6A_A1B9_65F4)
        #expect(random.next() == 0x06C4_5D18_8009_454F)
    }

    @Test func theSameSeedGivesTheSameBytesAndAnotherSeedOthers() {
        let first = IntakeSampleTests.sample(2_000, seed: 7).text()
        #expect(first == IntakeSampleTests.sample(2_000, seed: 7).text())
        #expect(first != IntakeSampleTests.sample(2_000, seed: 8).text())
        // Pinned: a change here changes every sample users have made; make it on purpose.
        #expect(ContentHash.of(IntakeSampleTests.sample(1_000, seed: 1).text()) == "988ea40599daeb23")
    }

    @Test func theHeaderNamesTheColumnsInOrder() {
        #expect(IntakeSample.header == "received,channel,category,summary,event_date,aware_date,complainant,"
            + "complainant_email,complainant_phone,service_request,dissatisfied,asked_for_complaint,"
            + "legal_proceedings,previously_considered,compliment,enquiry,anonymous,safeguarding\n")
        #expect(IntakeSampleTests.text.hasPrefix(IntakeSample.header))
        #expect(IntakeSample.columns.count == 18)
    }

    @Test func everyRowParsesWithTheHeadersColumnCount() {
        let text = IntakeSampleTests.text
        #expect(text.hasSuffix("\n"))
        #expect(!text.contains("\r"))
        #expect(IntakeSampleTests.records.count == 20_001)
        #expect(IntakeSampleTests.records.allSatisfy { $0.count == 18 })
        // Without line breaks inside fields, every line is one row.
        #expect(text.split(separator: "\n").count == 20_001)
        // Quoting is exercised: some summaries hold a comma, some a quote.
        let summaries = IntakeSampleTests.rows.map { $0["summary"]! }
        #expect(summaries.contains { $0.contains(",") })
        #expect(summaries.contains { $0.contains("\"") })
        #expect(summaries.allSatisfy { !$0.isEmpty })
        // Flags are `yes` or empty.
        for column in IntakeSample.columns[9...] {
            #expect(IntakeSampleTests.rows.allSatisfy { $0[column] == "" || $0[column] == "yes" }, "\(column)")
        }
    }

    @Test func datesAreInRangeAndInOrder() {
        for row in IntakeSampleTests.rows {
            let received = IntakeSampleTests.date(row["received"])!
            #expect(received >= IntakeSampleTests.from && received <= IntakeSampleTests.to)
            if let event = IntakeSampleTests.date(row["event_date"]) {
                #expect(event <= received)
                if let aware = IntakeSampleTests.date(row["aware_date"]) {
                    #expect(aware > event && aware <= received)
                }
            } else {
                #expect(row["aware_date"] == "")
            }
        }
    }

    @Test func channelsAndCategoriesHaveTheirShares() {
        let expected: [String: Double] = [
            "email": 0.35, "phone": 0.25, "web": 0.15, "letter": 0.08,
            "in_person": 0.05, "social_media": 0.05, "text": 0.04, "mp_or_councillor": 0.03,
        ]
        for (channel, target) in expected {
            let share = IntakeSampleTests.share { $0["channel"] == channel }
            #expect(abs(share - target) < 0.015, "\(channel): \(share)")
        }
        #expect(IntakeSampleTests.rows.allSatisfy { expected[$0["channel"]!] != nil })

        var counts: [String: Int] = [:]
        for row in IntakeSampleTests.rows { counts[row["category"]!, default: 0] += 1 }
        #expect(Set(counts.keys) == ["repairs", "damp_and_mould", "anti_social_behaviour", "staff_conduct",
                                     "rent_and_charges", "communication", "estate_services", "lettings"])
        let commonest = counts.sorted { $0.value > $1.value }.prefix(2).map(\.key)
        #expect(commonest == ["repairs", "damp_and_mould"])
    }

    @Test func datesAndContactDetailsHaveTheirShares() {
        func near(_ share: Double, _ target: Double, _ tolerance: Double, _ what: String) {
            #expect(abs(share - target) < tolerance, "\(what): \(share)")
        }
        near(IntakeSampleTests.share { $0["event_date"] == "" }, 0.10, 0.015, "no event date")
        near(IntakeSampleTests.share { row in
            guard let event = IntakeSampleTests.date(row["event_date"]) else { return false }
            guard let yearBefore = try? IntakeSampleTests.date(row["received"])?.adding(months: -12) else { return false }
            return event < yearBefore
        }, 0.07, 0.012, "event over 12 months before")
        near(IntakeSampleTests.share { row in
            guard let event = IntakeSampleTests.date(row["event_date"]) else { return false }
            return event.days(to: IntakeSampleTests.date(row["received"])!) <= 60
        }, 0.75, 0.02, "event within 60 days")
        near(IntakeSampleTests.share { $0["aware_date"] != "" }, 0.03, 0.008, "aware date")
        near(IntakeSampleTests.share { $0["complainant_email"] == "" }, 0.10, 0.015, "no email")
        near(IntakeSampleTests.share { $0["complainant_phone"] == "" }, 0.30, 0.02, "no phone")
    }

    @Test func flagsHaveTheirShares() {
        let targets: [(String, Double, Double)] = [
            ("service_request", 0.12, 0.01), ("asked_for_complaint", 0.05, 0.008),
            ("legal_proceedings", 0.015, 0.004), ("previously_considered", 0.02, 0.005),
            ("compliment", 0.03, 0.006), ("enquiry", 0.05, 0.008), ("safeguarding", 0.02, 0.005),
            ("anonymous", 0.01, 0.004),
        ]
        for (column, target, tolerance) in targets {
            let share = IntakeSampleTests.share { $0[column] == "yes" }
            #expect(abs(share - target) < tolerance, "\(column): \(share)")
        }
        let serviceRequests = IntakeSampleTests.rows.filter { $0["service_request"] == "yes" }
        let dissatisfied = Double(serviceRequests.count { $0["dissatisfied"] == "yes" }) / Double(serviceRequests.count)
        #expect(abs(dissatisfied - 0.30) < 0.04, "dissatisfied of service requests: \(dissatisfied)")
        #expect(IntakeSampleTests.rows.allSatisfy { $0["dissatisfied"] == "" || $0["service_request"] == "yes" })
    }

    @Test func weekendsAreQuieterAndOnlyOnlineChannelsUseThem() {
        var weekdays = 0, weekends = 0
        for row in IntakeSampleTests.rows {
            let received = IntakeSampleTests.date(row["received"])!
            if received.isWeekend {
                weekends += 1
                #expect(["email", "web", "social_media", "text"].contains(row["channel"]!), "\(row)")
            } else {
                weekdays += 1
            }
        }
        // Per day (2024-01-01 to 2025-11-30 is 100 weeks: 500 weekdays, 200 weekend days).
        let weekdayRate = Double(weekdays) / 500, weekendRate = Double(weekends) / 200
        #expect(weekendRate < weekdayRate)
        #expect(abs(weekendRate / weekdayRate - 1.0 / 3) < 0.05, "weekend/weekday: \(weekendRate / weekdayRate)")
    }

    @Test func residentsRecurWithTheSameDetails() {
        var seen: [String: (String, String)] = [:]
        for row in IntakeSampleTests.rows where row["anonymous"] == "yes" {
            #expect(row["complainant"] == "" && row["complainant_email"] == "" && row["complainant_phone"] == "")
        }
        for row in IntakeSampleTests.rows where row["anonymous"] == "" {
            let name = row["complainant"]!, email = row["complainant_email"]!, phone = row["complainant_phone"]!
            #expect(name.split(separator: " ").count == 2)
            if !phone.isEmpty {
                #expect(phone.hasPrefix("07700 900") && phone.count == 12 && phone.dropFirst(9).allSatisfy(\.isNumber))
            }
            guard !email.isEmpty else { continue }
            // first.last.<resident>@example.org, from the name.
            let stem = name.lowercased().filter { $0.isLetter || $0 == " " }.replacing(" ", with: ".")
            #expect(email.hasPrefix(stem + ".") && email.hasSuffix("@example.org"), "\(email) for \(name)")
            if let (knownName, knownPhone) = seen[email] {
                #expect(knownName == name)
                if !phone.isEmpty, !knownPhone.isEmpty { #expect(knownPhone == phone) }
            }
            seen[email] = (name, phone.isEmpty ? seen[email]?.1 ?? "" : phone)
        }
        // About 6,667 residents for 20,000 contacts: most recur.
        #expect(seen.count > 5_000 && seen.count < 7_000, "\(seen.count) residents")
    }

    @Test func rowsAreStreamedInChunksEndingAtARow() {
        var chunks = 0, total = 0
        var allEndAtARow = true
        IntakeSampleTests.sample(20_000, seed: 11).write { bytes in
            chunks += 1
            total += bytes.count
            allEndAtARow = allEndAtARow && bytes.last == UInt8(ascii: "\n") && bytes.count <= IntakeSample.ByteWriter.capacity
        }
        #expect(chunks > 20)
        #expect(allEndAtARow)
        #expect(total == IntakeSampleTests.text.utf8.count)
    }

    @Test func shortRangesStillWork() throws {
        // One Saturday: every contact lands on it, phone calls included (there is no weekday).
        let saturday = try LocalDate(iso: "2026-01-03")
        let weekend = try TinyCSV.parse(IntakeSampleTests.sample(300, from: saturday, to: saturday).text())
        #expect(weekend.count == 301)
        #expect(weekend.dropFirst().allSatisfy { $0[0] == "2026-01-03" })
        // Friday to Sunday: phone calls all on the Friday.
        let friday = try LocalDate(iso: "2026-01-02"), sunday = try LocalDate(iso: "2026-01-04")
        let records = try TinyCSV.parse(IntakeSampleTests.sample(500, from: friday, to: sunday).text())
        #expect(records.dropFirst().filter { $0[1] == "phone" }.allSatisfy { $0[0] == "2026-01-02" })
        #expect(records.dropFirst().contains { $0[0] == "2026-01-04" })
        // A date near the start of the calendar: event dates stop at 0001-01-01.
        let early = try TinyCSV.parse(IntakeSampleTests.sample(200, from: LocalDate.earliest, to: LocalDate.earliest.adding(days: 30)).text())
        #expect(early.dropFirst().allSatisfy { $0[4].isEmpty || $0[4] >= "0001-01-01" })
        #expect(IntakeSampleTests.sample(0).text() == IntakeSample.header)
    }
}

extension IntakeSampleTests {
    /// A strict RFC 4180 reader for the tests: LF line ends, fields quoted with `"` and quotes
    /// doubled inside. A stray quote in an unquoted field, or text after a closing quote, is an error.
    enum TinyCSV {
        struct Malformed: Error { let record: Int }

        static func parse(_ text: String) throws -> [[String]] {
            var records: [[String]] = [], record: [String] = [], field = ""
            var quoted = false, afterQuote = false, atFieldStart = true
            var iterator = text.makeIterator()
            while let character = iterator.next() {
                if quoted {
                    if character == "\"" { quoted = false; afterQuote = true } else { field.append(character) }
                    continue
                }
                switch character {
                case "\"" where atFieldStart:
                    quoted = true
                    atFieldStart = false
                case "\"" where afterQuote:  // a doubled quote inside a quoted field
                    field.append("\"")
                    quoted = true
                    afterQuote = false
                case "\"":
                    throw Malformed(record: records.count + 1)
                case ",":
                    record.append(field)
                    field = ""
                    atFieldStart = true
                    afterQuote = false
                case "\n":
                    record.append(field)
                    records.append(record)
                    record = []
                    field = ""
                    atFieldStart = true
                    afterQuote = false
                default:
                    if afterQuote { throw Malformed(record: records.count + 1) }
                    field.append(character)
                    atFieldStart = false
                }
            }
            guard !quoted, record.isEmpty, field.isEmpty else { throw Malformed(record: records.count + 1) }
            return records
        }
    }
}
