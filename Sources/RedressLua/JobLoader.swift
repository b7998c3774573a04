import RedressCalendar
import RedressCore

/// A scheduled job as its file declares it.
public struct JobDefinition: Sendable, Equatable {
    /// The file's name without `.lua`: how runs are recorded and how `jobs run NAME` picks it.
    public let name: String
    public let title: String
    public let schedule: Schedule
    public let path: String
    /// The content hash of the file: which version of the job made a run.
    public let hash: String
    /// The file's bytes, as Lua loads them.
    public let source: [UInt8]
}

/// Finds and loads scheduled jobs. A job is a Lua file returning
/// `{ title = "...", schedule = ..., run = function(job) ... end }`; loading runs the file in the
/// sandbox (it should only declare) and reads the declarations.
public enum JobLoader {
    /// The job files of `folders` by name; a later folder's job replaces an earlier one's of
    /// the same name (a store's own job replaces Redress's).
    public static func discover(in folders: [String]) -> [(name: String, path: String)] {
        var found: [String: String] = [:]
        for folder in folders {
            for file in Folder.files(in: folder, endingWith: ".lua") {
                found[String(file.dropLast(4))] = folder + "/" + file
            }
        }
        return found.sorted { $0.key < $1.key }.map { (name: $0.key, path: $0.value) }
    }

    /// Loads the job at `path` in `state`.
    public static func load(name: String, path: String, in state: LuaState) throws -> JobDefinition {
        guard let first = name.unicodeScalars.first, first.properties.isLowercase || ("0"..."9").contains(first),
              name.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }) else {
            throw JobError(source: path, field: "name", message: "a job's file name must be lower-case letters, digits, '-' and '_' (got '\(name)')")
        }
        let source: [UInt8]
        do {
            source = try TextFile.bytes(path)
        } catch {
            throw JobError(source: path, field: "file", message: error.reason)
        }
        let results = try state.run(bytes: source, name: "@" + path)
        guard case .map(let table)? = results.first else {
            throw JobError(source: path, field: "job", message: "expected the file to return { title = ..., schedule = ..., run = function(job) ... end }")
        }
        for key in table.keys {
            guard case .string(let field) = key, ["title", "schedule", "run"].contains(field) else {
                throw JobError(source: path, field: "\(key)", message: "unknown key (expected one of: run, schedule, title)")
            }
        }
        guard table["run"] == .opaque("function") else {
            throw JobError(source: path, field: "run", message: "expected a function run(job), got \(PolicyLoader.describe(table["run"]))")
        }
        var title = name
        if let value = table["title"] {
            guard case .string(let text) = value, !text.isEmpty else {
                throw JobError(source: path, field: "title", message: "expected text, got \(PolicyLoader.describe(value))")
            }
            title = text
        }
        guard let value = table["schedule"] else {
            throw JobError(source: path, field: "schedule", message: "required: \"daily\", { weekly = \"monday\" }, { monthly = 1 }, { quarterly = 1 }, { yearly = \"04-01\" } or { every_working_days = 5, from = \"2026-01-05\" }")
        }
        let schedule = try self.schedule(value, source: path)
        return JobDefinition(name: name, title: title, schedule: schedule, path: path, hash: ContentHash.of(bytes: source), source: source)
    }

    static let weekdays: [String: Weekday] = Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0.description.lowercased(), $0) })

    /// Reads a schedule declaration; each problem names the field and the value.
    static func schedule(_ value: LuaValue, source: String) throws(JobError) -> Schedule {
        func refuse(_ field: String, _ message: String) -> JobError { JobError(source: source, field: field, message: message) }
        let forms = "daily, quarterly, weekly, monthly, yearly, every_working_days"
        switch value {
        case .string("daily"): return .daily
        case .string("quarterly"): return .quarterly(day: 1)
        case .string(let text): throw refuse("schedule", "unknown schedule '\(text)' (as text: daily or quarterly; or a table with one of: \(forms))")
        case .map(let table):
            let given = table.keys.compactMap { key -> String? in
                guard case .string(let name) = key, name != "from" else { return nil }
                return name
            }.sorted()
            for key in table.keys {
                guard case .string(let name) = key, ["weekly", "monthly", "quarterly", "yearly", "every_working_days", "from", "daily"].contains(name) else {
                    throw refuse("schedule.\(key)", "unknown key (expected one of: \(forms), from)")
                }
            }
            guard given.count == 1, let form = given.first else {
                throw refuse("schedule", "give exactly one of \(forms) (got \(given.isEmpty ? "none" : given.joined(separator: " and ")))")
            }
            if table["from"] != nil && form != "every_working_days" {
                throw refuse("schedule.from", "only every_working_days counts from a date")
            }
            let field = "schedule.\(form)"
            let entry = table[.string(form)]!
            func day(_ value: LuaValue) throws(JobError) -> Int {
                guard case .integer(let number) = value, (1...31).contains(number) else {
                    throw refuse(field, "expected a day of the month from 1 to 31, got \(PolicyLoader.describe(value))")
                }
                return Int(number)
            }
            switch form {
            case "daily":
                guard entry == .boolean(true) else { throw refuse(field, "expected true, got \(PolicyLoader.describe(entry))") }
                return .daily
            case "weekly":
                guard case .string(let name) = entry, let weekday = weekdays[name.lowercased()] else {
                    throw refuse(field, "unknown weekday \(PolicyLoader.describe(entry)) (expected one of: \(Weekday.allCases.map { $0.description.lowercased() }.joined(separator: ", ")))")
                }
                return .weekly(weekday)
            case "monthly":
                return .monthly(day: try day(entry))
            case "quarterly":
                return .quarterly(day: try day(entry))
            case "yearly":
                guard case .string(let text) = entry, text.count == 5, text.dropFirst(2).first == "-",
                      let month = Int(text.prefix(2)), let dayNumber = Int(text.suffix(2)), (1...12).contains(month),
                      (1...LocalDate.daysInMonth(year: 2000, month: month)).contains(dayNumber) else {
                    throw refuse(field, "expected a month and day as \"MM-DD\" (\"04-01\" for 1 April), got \(PolicyLoader.describe(entry))")
                }
                return .yearly(month: month, day: dayNumber)
            default:
                guard case .integer(let count) = entry, (1...260).contains(count) else {
                    throw refuse(field, "expected a whole number of working days from 1 to 260, got \(PolicyLoader.describe(entry))")
                }
                var from = LocalDate(dayNumber: LocalDate.dayNumber(year: 1995, month: 1, day: 2))
                switch table["from"] {
                case nil:
                    guard count == 1 else { throw refuse("schedule.from", "required with every_working_days = \(count): the first due date (\"2026-01-05\")") }
                case .date(let date)?: from = date
                case .string(let text)?:
                    do { from = try LocalDate(iso: text) } catch { throw refuse("schedule.from", "\(error): \(error.reason)") }
                case let other?: throw refuse("schedule.from", "expected a date, got \(PolicyLoader.describe(other))")
                }
                return .everyWorkingDays(Int(count), from: from)
            }
        default:
            throw refuse("schedule", "expected \"daily\", \"quarterly\" or a table such as { weekly = \"monday\" }, got \(PolicyLoader.describe(value))")
        }
    }
}
