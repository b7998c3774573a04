import Foundation
import Testing

/// The LuaLS annotations in Scripts/types (what a pack author's editor completes and checks)
/// against what the real `redress` exports, so the two cannot drift apart. Nothing here lists the
/// host's names: they are read from the running host, and the annotations are parsed from their
/// files; each class must equal what the host gives, name for name.
///
/// - Globals, module tables (`date`, `cases`, `parties`, `restrictions`), the date and calendar
///   methods (from the registry and the calendar's metatable), the case object's fields over
///   cases that between them have every optional field, its clocks, remedy, closure, exclusion,
///   waiting clocks, history, explanation, restrictions and their activity, a party, the
///   `job` object of a scheduled job and the modules in Scripts/lib: walked by a chunk run
///   through the binary with `--unsafe` (for `debug.getregistry`), printing what it finds.
/// - Every options table a documented function takes (`---@param t redress.ExtendOptions`), the
///   answers of the pack's hooks (triage's verdict, a remedy offer and its items, a review
///   decision) and the enumerations (`redress.Channel`...): called with an unknown field or value,
///   and the host's refusal lists what it accepts.
/// - The pack's own shape (`redress.Pack`, its stages, clocks, extensions...): a pack with an
///   unknown key at each place, loaded by `redress check`, whose refusal lists the keys the loader
///   accepts there; scenarios likewise through the scenario runner.
/// - `redress.Intake`: each field is refused, naming it, when given a wrong value (so the host
///   reads it), and every intake field the host reads after triage is declared.
///
/// A declared class that no probe checks fails the test too, unless listed in `unchecked` with
/// the reason.
@Suite struct AnnotationDriftTests {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let types = root.appendingPathComponent("Scripts/types")

    /// Declared classes no probe can check against the host, and why.
    static let unchecked: [String: String] = [
        "redress.Step": "a scenario step is an array { method, options, refused = }; its methods are redress.StepMethod, checked",
        "redress.Letter": "what lib/letters.lua's render returns: a Lua library's table, which LuaLS reads from the file itself",
        "redress.RentShare": "lib/compensation.lua's rent_share argument, which that library reads without refusing other fields",
        "redress.Schedule": "an alias of text and redress.ScheduleTable, which is checked",
        "redress.dateish": "an alias of a date value or ISO text",
    ]

    // MARK: The annotations

    /// What Scripts/types declares.
    struct Annotations {
        /// Class → its fields (`---@field`) and functions (`function Var.f` / `function Var:f`),
        /// with those of the classes it extends.
        var members: [String: Set<String>] = [:]
        /// Class → its `---@field` names only (not functions).
        var fields: [String: Set<String>] = [:]
        var parents: [String: [String]] = [:]
        /// Alias → its literal text values (`---| "email"`).
        var aliases: [String: Set<String>] = [:]
        var globals: Set<String> = []
        /// Functions with a parameter documented as a declared class (an options table):
        /// (the owner class, the function, called with `:`, the parameter's class, an array of it).
        var options: [(owner: String, function: String, method: Bool, type: String, array: Bool)] = []

        /// Every member of `name`, its parents' included.
        func all(_ name: String) -> Set<String> {
            var result = members[name] ?? []
            for parent in parents[name] ?? [] { result.formUnion(all(parent)) }
            return result
        }

        var declared: Set<String> { Set(members.keys).union(aliases.keys) }
    }

    static func annotations() throws -> Annotations {
        var found = Annotations()
        let files = try FileManager.default.contentsOfDirectory(atPath: types.path).filter { $0.hasSuffix(".lua") }.sorted()
        #expect(!files.isEmpty, "no annotation files in \(types.path)")
        for file in files {
            let text = try String(contentsOf: types.appendingPathComponent(file), encoding: .utf8)
            #expect(text.hasPrefix("---@meta"), "\(file) does not start with ---@meta")
            parse(text, into: &found)
        }
        return found
    }

    static func parse(_ text: String, into found: inout Annotations) {
        var variables: [String: String] = [:]   // Lua variable → the class it is
        var current: String?                    // the class whose ---@field lines these are
        var alias: String?
        var params: [(name: String, type: String)] = []
        func word(_ text: Substring) -> String { String(text.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "." }) }
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("---@class ") {
                let rest = line.dropFirst("---@class ".count)
                let name = word(rest)
                current = name
                alias = nil
                found.members[name, default: []].formUnion([])
                if let colon = rest.firstIndex(of: ":") {
                    found.parents[name] = rest[rest.index(after: colon)...].split(separator: ",")
                        .map { word(Substring($0.trimmingCharacters(in: .whitespaces))) }
                }
            } else if line.hasPrefix("---@field "), let name = current {
                let field = word(line.dropFirst("---@field ".count))
                guard !field.isEmpty else { continue }   // [string] and [1]: not names
                found.members[name, default: []].insert(field)
                found.fields[name, default: []].insert(field)
            } else if line.hasPrefix("---@alias ") {
                let rest = line.dropFirst("---@alias ".count)
                let name = word(rest)
                current = nil
                alias = name
                found.aliases[name, default: []].formUnion(literals(rest.dropFirst(name.count)))
            } else if line.hasPrefix("---|"), let name = alias {
                found.aliases[name, default: []].formUnion(literals(line.dropFirst(4).prefix { $0 != "#" }))
            } else if line.hasPrefix("---@param ") {
                let parts = line.dropFirst("---@param ".count).split(separator: " ", maxSplits: 2)
                if parts.count >= 2 { params.append((String(parts[0]).replacingOccurrences(of: "?", with: ""), String(parts[1]))) }
            } else if line.hasPrefix("---") {
                continue
            } else {
                if let name = current, line.hasSuffix("= {}") {
                    let variable = line.replacingOccurrences(of: "local ", with: "").replacingOccurrences(of: " = {}", with: "")
                    variables[variable] = name
                    if !line.hasPrefix("local ") { found.globals.insert(variable) }
                } else if line.hasPrefix("function ") {
                    let signature = line.dropFirst("function ".count)
                    let path = signature.prefix { $0 != "(" }
                    if let separator = path.firstIndex(where: { $0 == "." || $0 == ":" }) {
                        let owner = String(path[..<separator]), function = String(path[path.index(after: separator)...])
                        if let name = variables[owner] {
                            found.members[name, default: []].insert(function)
                            for (_, type) in params {
                                let array = type.hasSuffix("[]")
                                let base = array ? String(type.dropLast(2)) : type
                                if base.hasPrefix("redress."), !base.contains("|") {
                                    found.options.append((name, function, path[separator] == ":", base, array))
                                }
                            }
                        }
                    } else {
                        found.globals.insert(String(path))
                    }
                }
                current = nil
                alias = nil
                params = []
            }
        }
    }

    /// The quoted strings of an alias's text: `"a"|"b"`.
    static func literals(_ text: Substring) -> [String] {
        text.split(separator: "\"", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
    }

    // MARK: The host

    /// The names a refusal says it accepts: `(expected: a, b)`, `(expected one of: a, b)`,
    /// `(expected a, b)`, or `give exactly one of a, b (got ...)`.
    static func accepted(in message: String) -> Set<String>? {
        var list: Substring
        if let range = message.range(of: "(expected") {
            list = message[range.upperBound...]
            guard let close = list.firstIndex(of: ")") else { return nil }
            list = list[..<close]
            for prefix in [" one of:", ":", " one of"] where list.hasPrefix(prefix) { list = list.dropFirst(prefix.count); break }
        } else if let range = message.range(of: "give exactly one of ") {
            list = message[range.upperBound...]
            guard let open = list.range(of: " (got") else { return nil }
            list = list[..<open.lowerBound]
        } else {
            return nil
        }
        let names = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return names.isEmpty ? nil : Set(names)
    }

    /// What the walks and probes found: class → names, and what went wrong on the way.
    struct Host {
        var names: [String: Set<String>] = [:]
        var problems: [String] = []
        /// Intake fields the host read from the intake after triage.
        var intakeReads: Set<String> = []
        /// Intake field → the refusal when given a wrong value.
        var intakeRefusals: [String: String] = [:]

        mutating func read(_ output: String) {
            for line in output.split(separator: "\n") {
                let parts = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false).map(String.init)
                guard parts.count >= 2, let kind = parts[0].first else { continue }
                let name = String(parts[0].dropFirst())
                switch kind {
                case "=": names[name, default: []].insert(parts[1])
                case "?":
                    if let list = AnnotationDriftTests.accepted(in: parts[1]) {
                        names[name, default: []].formUnion(list)
                    } else {
                        problems.append("\(name): the probe with an unknown field or value was not refused with a list: \(parts[1])")
                    }
                case "<": intakeReads.insert(parts[1])
                case "~" where parts.count == 3: intakeRefusals[parts[1]] = parts[2]
                default: continue
                }
            }
        }

        mutating func refusal(_ name: String, in output: String, after marker: String) {
            guard let line = output.split(separator: "\n").first(where: { $0.contains(marker) }),
                  let list = AnnotationDriftTests.accepted(in: String(line)) else {
                problems.append("\(name): no refusal listing what is accepted in: \(output)")
                return
            }
            names[name, default: []].formUnion(list)
        }
    }

    /// A pack with every part the walk needs: two stages, closings, a remedy hook, retention,
    /// restrictions with a review hook and a flag hook. Its hooks answer wrongly on request
    /// (`probe_verdict`, `probe_kind`, the global `probe_decision`), and record what the host
    /// reads from an intake (`probe_reads`) and what a contact given to the flag hook holds.
    static let probePack = """
        return {
          name = "probe",
          acceptance = { months = 12, clause = "Code 2.3",
                         exceptions = { probe_instruction = { text = "the Ombudsman's instruction", clause = "HOS" } } },
          stages = {
            { name = "1", anchors = { logged = { working_days = 5, from = "received", clause = "log in 5" } }, clocks = {
                acknowledge = { working_days = 5, from = "received", clause = "Code 6.2" },
                contact = { working_days = 2, from = "logged" },
                respond = { working_days = 10, from = "acknowledged", clause = "Code 6.3",
                            extension = { working_days = 10, beyond = "customer_agreement" } } } },
            { name = "2", clocks = {
                acknowledge = { working_days = 5, from = "escalated" },
                respond = { working_days = 20, from = "acknowledged" } } },
          },
          closings = { fast_track = { text = "referred to the Ombudsman" } },
          remedy_acceptance = { weeks = 8 },
          retention = { years = 6 },
          triage = function(intake)
            if intake.probe_verdict then return { kind = "complaint", zz_probe = true } end
            if intake.probe_kind then return { kind = "zz_probe" } end
            if intake.legal then return { exclude = "legal proceedings have started", clause = "Code 2.2(b)" } end
            if intake.probe_reads then
              setmetatable(intake, { __index = function(_, key) probe_intake_reads[#probe_intake_reads + 1] = key end })
            end
            return { kind = "complaint", stage = "1" }
          end,
          remedy = function(case, findings, decided)
            return { items = { { kind = "apology", reason = "for the delay" } }, payment_route = "rent account", arrears_offset = 0 }
          end,
          restrictions = {
            kinds = { single_channel = { detail = "the channel" } },
            review = { months = 12, decide = function(restriction, activity)
              if probe_decision then return { outcome = "continue", reasons = "r", zz_probe = true } end
              return { outcome = "continue", reasons = "no change" }
            end },
            challenge = { times = 1 },
            flag = function(restriction, contact)
              for key in pairs(contact) do probe_contact_keys[key] = true end
              if contact.direction == "in" then return "contact while restricted" end
            end,
          },
        }
        """

    /// Lua 5.4's own globals (the reference manual, section 6, and `arg`, which lua.c sets).
    static let standardGlobals = ["_G", "_VERSION", "arg", "assert", "collectgarbage", "coroutine", "debug", "dofile", "error",
                                  "getmetatable", "io", "ipairs", "load", "loadfile", "math", "next", "os", "package", "pairs",
                                  "pcall", "print", "rawequal", "rawget", "rawlen", "rawset", "require", "select", "setmetatable",
                                  "string", "table", "tonumber", "tostring", "type", "utf8", "warn", "xpcall"]

    /// The walk: run with --unsafe on a store bound to `probePack`, as of 2027-01-04.
    static func walk(_ annotations: Annotations) -> String {
        let quoted = { (names: [String]) in names.sorted().map { "\"\($0)\"" }.joined(separator: ", ") }
        let dateFields = quoted(Array(annotations.fields["redress.date"] ?? []))
        let intakeFields = quoted(Array(annotations.fields["redress.Intake"] ?? []))
        let receivers = ["redress.Case": "probe_case", "redress.cases": "cases", "redress.parties": "parties",
                         "redress.restrictions": "restrictions", "redress.calendar": "calendar", "redress.datelib": "date"]
        var probes: [String] = []
        for option in annotations.options where option.type != "redress.Intake" && annotations.members[option.type] != nil {
            guard let receiver = receivers[option.owner] else { continue }
            let table = option.array ? "{ { zz_probe = true } }" : "{ zz_probe = true }"
            probes.append("probe(\"\(option.type)\", function() return \(receiver)\(option.method ? ":" : ".")\(option.function)\(table) end)")
        }
        return """
            local STANDARD = {}
            for _, name in ipairs { \(quoted(standardGlobals)) } do STANDARD[name] = true end
            local function emit(class, name) print("=" .. class .. "\\t" .. tostring(name)) end
            local function keys(class, t)
              for k, v in pairs(t) do if type(k) == "string" and k:sub(1, 2) ~= "__" then emit(class, k) end end
            end
            local function probe(class, f)
              local ok, e = pcall(f)
              print("?" .. class .. "\\t" .. (ok and "accepted" or (tostring(e):gsub("\\n.*", ""))))
            end

            -- globals and modules
            for name in pairs(_G) do if not STANDARD[name] then emit("_G", name) end end
            keys("redress.datelib", date)
            local d = date("2026-12-22")
            for k, v in pairs(debug.getregistry()) do
              if type(k) == "userdata" and type(v) == "table" and rawget(v, "__name") == nil and next(v) ~= nil then
                local methods = true
                for name, f in pairs(v) do
                  if type(name) ~= "string" or type(f) ~= "function" or not rawequal(d[name], f) then methods = false end
                end
                if methods then keys("redress.date", v) end
              end
            end
            for _, name in ipairs { \(dateFields) } do
              local value = d[name]
              if value ~= nil and type(value) ~= "function" then emit("redress.date", name) end
            end
            keys("redress.calendar", debug.getmetatable(calendar).__index)
            keys("redress.Holiday", calendar:holidays(2026)[1])
            local _ = cases.get, parties.get, restrictions.get
            keys("redress.cases", cases)
            keys("redress.parties", parties)
            keys("redress.restrictions", restrictions)
            local compensation = require "lib.compensation"
            keys("redress.compensation", compensation)
            keys("redress.OmbudsmanSums", compensation.ombudsman_2026)
            keys("redress.letters", require "lib.letters")

            -- cases that between them have every optional field
            probe_intake_reads, probe_contact_keys = {}, {}
            local p = parties.add { name = "Ann Example", role = "tenant", email = "ann@example.org", phone = "0100 000000",
              address = "1 High Street", preferred_contact = "email", language = "English", vulnerability = "none known",
              reasonable_adjustments = "large print" }
            keys("redress.Party", parties.get(p))
            restrictions.warn { party = p, reasons = "shouting", on = "2026-11-20" }
            local r = restrictions.add { party = p, kind = "single_channel", detail = "email", reasons = "daily calls", on = "2026-11-21" }
            local c1 = cases.intake { received = "2026-11-28", channel = "email", category = "repairs", summary = "Boiler",
              desired_outcome = "Fix it", event_date = "2026-11-20", aware_date = "2026-11-21", complainant = p,
              representative = "Rob Representative", anonymous = false, confidential = true, safeguarding = true,
              tenure = "lcra" }
            c1:acknowledge { on = "2026-12-01" }
            c1:assign { officer = "JB", on = "2026-12-01" }
            c1:log { channel = "phone", direction = "in", summary = "rang", at = "2026-12-02", staff = "JB" }
            c1:extend { clock = "respond", working_days = 2, reason = "survey", on = "2026-12-10" }
            c1:respond { on = "2026-12-14", outcome = "upheld", findings = { note = "late repair" } }
            c1:accept_remedy { on = "2026-12-15" }
            local c2 = cases.intake { received = "2026-12-01", channel = "letter" }
            local c3 = cases.intake { received = "2026-12-01", channel = "letter", legal = true }
            local c4 = cases.intake { received = "2026-12-01", channel = "web" }
            c4:acknowledge { on = "2026-12-02" }
            c4:close { on = "2026-12-05", outcome = "fast_track", reason = "to the Ombudsman" }
            local c5 = cases.intake { received = "2027-01-04", channel = "phone" }
            local c6 = cases.intake { received = "2026-12-01", channel = "email" }
            c6:acknowledge { on = "2026-12-02" }
            c6:respond { on = "2026-12-03", outcome = "upheld", findings = "x" }
            c6:decline_remedy { on = "2026-12-04", reason = "wants more" }
            local c7 = cases.intake { received = "2026-12-01", channel = "email", event_date = "2025-01-01", probe_instruction = true }
            local c8 = cases.intake { received = "2026-12-01", channel = "email", event_date = "2025-01-01" }
            for _, c in ipairs { c1, c2, c3, c4, c5, c6, c7, c8 } do
              c = c:refresh()
              for k, v in pairs(c) do if type(v) ~= "function" then emit("redress.Case", k) end end
              for _, k in ipairs(c.clocks) do keys("redress.CaseClock", k) end
              for _, w in ipairs(c.waiting) do keys("redress.Waiting", w) end
              if c.remedy then keys("redress.CaseRemedy", c.remedy) end
              if c.closure then keys("redress.Closure", c.closure) end
              if c.exclusion then keys("redress.Exclusion", c.exclusion) end
              if c.intake_window then keys("redress.WindowFinding", c.intake_window) end
              local again = c:retriage()
              keys("redress.Retriage", again)
              if again.window then keys("redress.WindowFinding", again.window) end
            end
            keys("redress.Case", getmetatable(c1).__index)
            for _, e in ipairs(c1:history()) do keys("redress.HistoryEntry", e) end
            for _, clock in ipairs { "acknowledge", "respond" } do
              local e = c1:explain(clock, "1")
              keys("redress.Explanation", e)
              for _, x in ipairs(e.extensions) do keys("redress.ExplainedExtension", x) end
              for _, list in ipairs { e.rolled_over, e.skipped } do
                for _, s in ipairs(list) do keys("redress.SkippedDay", s) end
              end
              for _, x in ipairs(e.extensions) do for _, s in ipairs(x.skipped) do keys("redress.SkippedDay", s) end end
            end
            keys("redress.RetentionReport", cases.apply_retention { dry_run = true })

            -- restrictions
            keys("redress.RestrictionActivity", restrictions.activity(r.id, "2027-01-04"))
            probe_decision = true
            probe("redress.ReviewDecision", function() return restrictions.assess(r.id, "2027-01-04") end)
            probe_decision = nil
            for _, x in ipairs(restrictions.of(p, "2027-01-04")) do keys("redress.Restriction", x) end
            restrictions.challenge { id = r.id, outcome = "continue", reasons = "fair", on = "2026-12-10" }
            restrictions.review { id = r.id, outcome = "lift", reasons = "calmer", on = "2026-12-20" }
            keys("redress.Restriction", restrictions.get(r.id))
            for key in pairs(probe_contact_keys) do emit("redress.Contact", key) end

            -- hooks' answers and enumerations: each refusal lists what the host accepts
            probe_case = cases.intake { received = "2026-12-01", channel = "email" }
            probe_case:acknowledge { on = "2026-12-02" }
            probe("redress.Verdict", function() return cases.intake { received = "2026-12-22", channel = "email", probe_verdict = true } end)
            probe("redress.Kind", function() return cases.intake { received = "2026-12-22", channel = "email", probe_kind = true } end)
            probe("redress.Channel", function() return cases.intake { received = "2026-12-22", channel = "zz_probe" } end)
            probe("redress.Status", function() return cases.find { status = "zz_probe" } end)
            probe("redress.Tenure", function() return cases.intake { received = "2026-12-22", channel = "email", tenure = "zz_probe" } end)
            probe("redress.Outcome", function() return probe_case:respond { on = "2026-12-03", outcome = "zz_probe" } end)
            probe("redress.RemedyKind", function()
              return probe_case:respond { on = "2026-12-03", outcome = "upheld", remedy = { { kind = "zz_probe", reason = "r" } } }
            end)
            probe("redress.RemedyOffer", function()
              return probe_case:respond { on = "2026-12-03", outcome = "upheld", remedy = { items = {}, zz_probe = true } }
            end)
            probe("redress.RemedyItem", function()
              return probe_case:respond { on = "2026-12-03", outcome = "upheld", remedy = { { kind = "apology", reason = "r", zz_probe = true } } }
            end)
            \(probes.joined(separator: "\n"))

            -- the intake: each declared field refused when wrong, and what the host reads after triage
            for _, field in ipairs { \(intakeFields) } do
              local t = { received = "2026-12-22", channel = "email", complainant = "Probe Person" }
              t[field] = { zz_probe = true }
              local ok, e = pcall(cases.intake, t)
              print("~redress.Intake\\t" .. field .. "\\t" .. (ok and "accepted" or (tostring(e):gsub("\\n.*", ""))))
            end
            cases.intake { received = "2026-12-22", channel = "email", probe_reads = true }
            for _, key in ipairs(probe_intake_reads) do print("<redress.Intake\\t" .. key) end
            """
    }

    /// A job that prints its `job` object's names and the refusal of an unknown sample field.
    static let probeJob = """
        return { title = "probe", schedule = "daily", run = function(job)
          local out = { "" }
          for k in pairs(job) do out[#out + 1] = "=redress.Job\\t" .. k end
          local ok, e = pcall(job.sample, job, { zz_probe = true })
          out[#out + 1] = "?redress.SampleOptions\\t" .. (ok and "accepted" or tostring(e))
          local s = job:sample { purpose = "probe", period = tostring(job.date), share = 1, population = { { party = 1 } } }
          for k in pairs(s) do out[#out + 1] = "=redress.Sample\\t" .. k end
          return table.concat(out, "\\n")
        end }
        """

    /// Where the loader's refusal of an unknown key lists what a pack may say: class → the line
    /// that puts the unknown key (or value) there, in a pack `p` that is otherwise whole.
    static let packProbes: [(type: String, change: String)] = [
        ("redress.Pack", "p.zz_probe = true"),
        ("redress.PackCalendar", "p.calendar = { zz_probe = true }"),
        ("redress.Region", "p.calendar = { region = 'zz_probe' }"),
        ("redress.Acceptance", "p.acceptance = { months = 12, zz_probe = true }"),
        ("redress.AcceptanceException", "p.acceptance = { months = 12, exceptions = { instructed = { zz_probe = true } } }"),
        ("redress.DateFact", "p.acceptance = { months = 12, from = 'zz_probe' }"),
        ("redress.StageAnchors", "p.stages[1].anchors = { zz_probe = {} }"),
        ("redress.AnchorLimit", "p.stages[1].clocks.contact = { days = 2, from = 'logged' }; "
            + "p.stages[1].anchors = { logged = { working_days = 5, from = 'received', zz_probe = true } }"),
        ("redress.Stage", "p.stages[1].zz_probe = true"),
        ("redress.Clock", "p.stages[1].clocks.respond.zz_probe = true"),
        ("redress.Anchor", "p.stages[1].clocks.respond.from = 'zz_probe'"),
        ("redress.Unit", "p.stages[1].clocks.respond.working_days = nil"),
        ("redress.Extension", "p.stages[1].clocks.respond.extension.zz_probe = true"),
        ("redress.Extension", "p.stages[1].clocks.respond.extension = { unlimited = true, zz_probe = true }"),
        ("redress.Duration", "p.stages[1].clocks.respond.notice = { working_days = 1, zz_probe = true }"),
        ("redress.ReferBack", "p.stages[2].refer_back = { to = '1', zz_probe = true }"),
        ("redress.Decline", "p.stages[2].decline = { grounds = { late = 'too late' }, zz_probe = true }"),
        ("redress.Tracks", "p.kinds = { zz_probe = {} }"),
        ("redress.Track", "p.kinds = { compliment = { zz_probe = true } }"),
        ("redress.PackRestrictions", "p.restrictions = { kinds = {}, zz_probe = true }"),
        ("redress.RestrictionKind", "p.restrictions = { kinds = { k = { zz_probe = true } } }"),
        ("redress.RestrictionReview", "p.restrictions = { kinds = {}, review = { months = 12, zz_probe = true } }"),
        ("redress.Challenge", "p.restrictions = { kinds = {}, challenge = { times = 1, zz_probe = true } }"),
        ("redress.Confidentiality", "p.confidentiality = { zz_probe = true }"),
        ("redress.Retention", "p.retention = { zz_probe = 1 }"),
        ("redress.Closing", "p.closings = { fast = { zz_probe = true } }"),
        ("redress.RemedyAcceptance", "p.remedy_acceptance = { weeks = 8, zz_probe = true }"),
    ]

    /// Scenarios each with an unknown field (or step method) in one place; the runner's
    /// refusal lists what it accepts there.
    static let scenarioProbes: [(type: String, scenario: String)] = [
        ("redress.Scenario", "intake = I, expect = {}, zz_probe = true"),
        ("redress.Expect", "intake = I, expect = { zz_probe = true }"),
        ("redress.ExpectRemedy", "intake = I, expect = { remedy = { zz_probe = 1 } }"),
        ("redress.ExpectRestriction", "intake = I, expect = { restriction = { zz_probe = 1 } }"),
        ("redress.ExpectClosure", "intake = I, expect = { closure = { zz_probe = 1 } }"),
        ("redress.StepMethod", "intake = I, steps = { { 'zz_probe', { on = '2026-12-23' } } }, expect = {}"),
    ]

    final class Folder {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("rad-\(UUID().uuidString.prefix(8))")
        init() throws { try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
        func write(_ name: String, _ text: String) throws -> String {
            let file = url.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: file, atomically: true, encoding: .utf8)
            return file.path
        }
        deinit { try? FileManager.default.removeItem(at: url) }
    }

    /// Everything the host exports, found by running it.
    static func host(_ annotations: Annotations) throws -> Host {
        var host = Host()
        let folder = try Folder()
        let pack = try folder.write("probe.lua", probePack)
        let db = folder.url.appendingPathComponent("probe.sqlite").path
        let made = try Redress.run(["init", "--db", db, "--policy", pack])
        #expect(made.status == 0, "\(made.stderr)")

        let walked = try Redress.run(["--db", db, "--unsafe", "--as-of", "2027-01-04", "-e", walk(annotations)])
        #expect(walked.status == 0, "the walk failed: \(walked.stderr)")
        host.read(walked.stdout)

        _ = try folder.write("probe-jobs/probe.lua", probeJob)
        _ = try folder.write("probe-jobs/zz-definition.lua", "return { schedule = 'daily', run = function() end, zz_probe = true }")
        _ = try folder.write("probe-jobs/zz-schedule.lua", "return { schedule = { zz_probe = 1 }, run = function() end }")
        for day in ["2027-01-04", "2027-01-05"] {   // the second run has a last_run
            let jobs = try Redress.run(["--db", db, "jobs", "run", "probe", "--as-of", day])
            #expect(jobs.stdout.contains("probe: ok"), "the probe job did not run: \(jobs.stdout) \(jobs.stderr)")
            host.read(jobs.stdout)
            host.refusal("redress.JobDefinition", in: jobs.stderr, after: "zz-definition.lua: zz_probe")
            host.refusal("redress.ScheduleTable", in: jobs.stderr, after: "zz-schedule.lua: schedule.zz_probe")
        }

        for (index, probe) in packProbes.enumerated() {
            let file = try folder.write("pack\(index).lua", """
                local p = { name = "probe", stages = {
                  { name = "1", clocks = { respond = { working_days = 10, from = "received", extension = { working_days = 5 } } } },
                  { name = "2", clocks = { respond = { working_days = 20, from = "escalated" } } } } }
                \(probe.change)
                return p
                """)
            let checked = try Redress.run(["check", file])
            host.refusal(probe.type, in: checked.stdout, after: "the pack does not load")
        }

        let scenarios = scenarioProbes.enumerated().map { index, probe in
            "{ name = \"probe \(index)\", \(probe.scenario) },"
        }.joined(separator: "\n")
        let file = try folder.write("scenarios.lua", """
            local I = { received = "2026-12-22", channel = "email" }
            return { name = "scenarios", stages = { { name = "1", clocks = { acknowledge = { working_days = 5, from = "received" } } } },
              scenarios = {
                \(scenarios)
              } }
            """)
        let checked = try Redress.run(["check", file])
        for (index, probe) in scenarioProbes.enumerated() {
            host.refusal(probe.type, in: checked.stdout, after: "scenarios: probe \(index): ")
        }
        return host
    }

    // MARK: Tests

    @Test func theAnnotationsDeclareExactlyWhatTheHostExports() throws {
        let annotations = try Self.annotations()
        let host = try Self.host(annotations)
        for problem in host.problems { Issue.record("\(problem)") }

        let globals = host.names["_G"] ?? []
        #expect(globals == annotations.globals,
                "globals: the host has \(globals.subtracting(annotations.globals).sorted()) undeclared; declared but absent: \(annotations.globals.subtracting(globals).sorted())")

        var checked: Set<String> = []
        for (name, exported) in host.names.sorted(by: { $0.key < $1.key }) where name != "_G" {
            checked.insert(name)
            guard let declared = annotations.members[name] != nil ? annotations.all(name) : annotations.aliases[name] else {
                Issue.record("\(name): the host has \(exported.sorted()), but Scripts/types declares no class or alias \(name)")
                continue
            }
            let missing = exported.subtracting(declared), extra = declared.subtracting(exported)
            #expect(missing.isEmpty && extra.isEmpty,
                    "\(name): the host has \(missing.sorted()) that Scripts/types does not declare; Scripts/types declares \(extra.sorted()) that the host does not have")
        }

        // The intake: every declared field is read (a wrong value is refused naming it), and
        // every field the host reads after triage is declared.
        checked.insert("redress.Intake")
        let intake = annotations.fields["redress.Intake"] ?? []
        #expect(intake.contains("received") && intake.contains("channel"))
        for field in intake.sorted() {
            let refusal = host.intakeRefusals[field] ?? "no probe ran"
            let dotted = field.replacingOccurrences(of: "complainant_", with: "complainant.")
            #expect(refusal.contains(field + ":") || refusal.contains(dotted + ":"),
                    "redress.Intake.\(field): a wrong value was not refused naming it, so the host may not read it: \(refusal)")
        }
        let undeclared = host.intakeReads.subtracting(intake).filter { !$0.hasPrefix("probe_") }
        #expect(undeclared.isEmpty, "redress.Intake: the host reads \(undeclared.sorted()) from an intake, undeclared")

        let unchecked = annotations.declared.subtracting(checked).subtracting(Self.unchecked.keys)
        #expect(unchecked.isEmpty, "Scripts/types declares \(unchecked.sorted()), which no probe checks against the host")
        let stale = Set(Self.unchecked.keys).subtracting(annotations.declared).union(Set(Self.unchecked.keys).intersection(checked))
        #expect(stale.isEmpty, "listed as unchecked but undeclared or checked after all: \(stale.sorted())")
    }

    @Test func theParserFindsTheAnnotations() throws {
        let annotations = try Self.annotations()
        // A few declarations spelled out, so a parser that finds nothing cannot pass the test above.
        #expect(annotations.globals.isSuperset(of: ["date", "calendar", "sql", "cases", "parties", "restrictions"]))
        #expect(annotations.all("redress.Case").isSuperset(of: ["ref", "clocks", "acknowledge", "respond", "explain"]))
        #expect(annotations.all("redress.Clock").isSuperset(of: ["working_days", "from", "extension"]))
        #expect(annotations.aliases["redress.Anchor"]?.contains("acknowledged") == true)
        #expect(annotations.options.contains { $0.owner == "redress.Case" && $0.function == "extend" && $0.type == "redress.ExtendOptions" })
        #expect(Self.accepted(in: "stages[1].x: unknown key (expected one of: clause, name)") == ["clause", "name"])
        #expect(Self.accepted(in: "case:log: unknown field 'x' (expected: at, channel)") == ["at", "channel"])
        #expect(Self.accepted(in: "remedy.x: unknown key (expected items, accept_by)") == ["items", "accept_by"])
        #expect(Self.accepted(in: "respond: give exactly one of working_days, days (got none)") == ["working_days", "days"])
    }

    /// The `.luarc.json` at the top of the repository points LuaLS at the annotations, for
    /// Scripts/ and Samples/ alike (both are in the workspace it describes).
    @Test func theLuaLanguageServerIsPointedAtTheAnnotations() throws {
        let data = try Data(contentsOf: Self.root.appendingPathComponent(".luarc.json"))
        let settings = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(settings["runtime.version"] as? String == "Lua 5.4")
        let library = try #require(settings["workspace.library"] as? [String])
        #expect(library == ["Scripts/types"])
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent(library[0]).path, isDirectory: &isFolder) && isFolder.boolValue)
        let ignored = try #require(settings["workspace.ignoreDir"] as? [String])
        for folder in ["Scripts", "Samples"] { #expect(!ignored.contains(folder)) }
    }
}
