import GRDB
import RedressCalendar
import RedressCore

/// Loads a policy pack: runs its file in the sandbox (the load phase: it only returns its
/// declarations and hooks) and translates the declarations into a `PolicyPack`. Every problem
/// names the field, e.g. `stages[2].clocks.respond.from: unknown anchor 'acknowledgd' (...)`.
public enum PolicyLoader {
    /// The file of a pack given by name (`hos-code` → Scripts/policies/hos-code.lua) or path.
    public static func resolve(_ nameOrPath: String, scripts: String) -> String {
        nameOrPath.contains("/") || nameOrPath.hasSuffix(".lua") ? nameOrPath : "\(scripts)/policies/\(nameOrPath).lua"
    }

    /// Loads and validates the pack at `path` in `state`.
    public static func load(path: String, in state: LuaState) throws -> PolicyPack {
        let source: [UInt8]
        do {
            source = try TextFile.bytes(path)
        } catch {
            throw PolicyError(field: "pack", message: "\(error)")
        }
        return try load(path: path, source: source, in: state)
    }

    /// The file and text of the pack `store` is bound to, checked in Swift before any of it runs:
    /// its content hash (of the pack file's bytes) must be the one bound at `redress init` or
    /// the last `redress policy rebind`, else the error names both hashes and the rebind command.
    public static func boundSource(in db: Database, storePath: String, scripts: String?) throws -> (path: String, source: [UInt8], hash: String) {
        guard let bound = try CaseStore.boundPolicy(in: db) else {
            throw StoreError(message: "the store '\(storePath)' is not bound to a policy pack (run `redress init --db \(storePath)`)")
        }
        guard let scripts else {
            throw StoreError(message: "cannot find Redress's Scripts folder to load policy '\(bound.source)'")
        }
        let path = resolve(bound.source, scripts: scripts)
        let source = try TextFile.bytes(path)
        let hash = packHash(source, like: bound.hash)
        try CaseStore.checkBinding(hash: hash, libraries: libraries(of: source, scripts: scripts), path: path, scripts: scripts,
                                   storePath: storePath, in: db)
        return (path, source, hash)
    }

    /// The hash of a pack file's bytes as the store keeps it: SHA-256 (64 hex digits); for a
    /// store bound before Redress used SHA-256, `ContentHash`'s 16-digit FNV-1a, until its next
    /// rebind.
    public static func packHash(_ source: [UInt8], like bound: String) -> String {
        bound.count == 16 ? ContentHash.of(bytes: source) : SHA256.hex(source)
    }

    /// The Scripts/ modules a pack requires by name (`require "lib.compensation"`, `require("x")`),
    /// and in turn those modules require, each with its file's content hash. Found by reading
    /// the text, not by running it: the pack file is itself hashed, so every literal name it
    /// can reach is covered. A name that is no file in `scripts` (a `redress.*` module) is left out.
    public static func libraries(of source: [UInt8], scripts: String) -> [String: String] {
        var found: [String: String] = [:]
        var pending = requiredNames(in: source)
        while let name = pending.popLast() {
            guard found[name] == nil else { continue }
            let relative = name.split(separator: ".", omittingEmptySubsequences: false).joined(separator: "/")
            for candidate in ["\(scripts)/\(relative).lua", "\(scripts)/\(relative)/init.lua"] where TextFile.exists(candidate) {
                guard let text = try? TextFile.bytes(candidate) else { continue }
                found[name] = SHA256.hex(text)
                pending += requiredNames(in: text)
                break
            }
        }
        return found
    }

    /// The names in `require "name"`, `require 'name'` and `require("name")` in a Lua text.
    static func requiredNames(in bytes: [UInt8]) -> [String] {
        let word = Array("require".utf8)
        func isIdentifier(_ byte: UInt8) -> Bool { byte == 95 || (byte | 32) >= 97 && (byte | 32) <= 122 || (48...57).contains(byte) }
        var names: [String] = []
        var index = 0
        while index + word.count < bytes.count {
            defer { index += 1 }
            guard bytes[index] == word[0], Array(bytes[index..<index + word.count]) == word,
                  index == 0 || !isIdentifier(bytes[index - 1]) else { continue }
            var cursor = index + word.count
            while cursor < bytes.count, bytes[cursor] == 32 || bytes[cursor] == 9 || bytes[cursor] == 40 { cursor += 1 }
            guard cursor < bytes.count, bytes[cursor] == 34 || bytes[cursor] == 39 else { continue }
            let quote = bytes[cursor]
            var end = cursor + 1
            while end < bytes.count, bytes[end] != quote, isIdentifier(bytes[end]) || bytes[end] == 46 || bytes[end] == 45 { end += 1 }
            guard end < bytes.count, bytes[end] == quote, end > cursor + 1 else { continue }
            names.append(String(decoding: bytes[(cursor + 1)..<end], as: UTF8.self))
        }
        return names
    }

    /// Loads the pack `store` is bound to, once its hash is checked (`boundSource`).
    public static func loadBound(_ store: CaseStore, scripts: String?, in state: LuaState) throws -> PolicyPack {
        let bound = try store.read { db in try boundSource(in: db, storePath: store.path, scripts: scripts) }
        return try load(path: bound.path, source: bound.source, in: state)
    }

    /// Loads and validates the pack whose file `path` holds `source`.
    static func load(path: String, source: [UInt8], in state: LuaState) throws -> PolicyPack {
        let results: [LuaValue]
        do {
            results = try state.run(bytes: source, name: "@" + path)
        } catch {
            // Not from the pack's own code (a value the host refused to copy): name the pack.
            guard error.kind == .other else { throw error }
            throw LuaError(kind: .other, message: "\(path): \(error.message)")
        }
        var loaded: PolicyPack
        do {
            loaded = try pack(from: results.first ?? .nil, hash: SHA256.hex(source))
        } catch var error {
            error.source = path
            throw error
        }
        if let scripts = state.options.scripts { loaded.libraries = libraries(of: source, scripts: scripts) }
        return loaded
    }

    /// `jobs`: what the pack declares for scheduled jobs, by job name (read by the jobs in
    /// Scripts/jobs, which check their own fields).
    static let topLevelKeys: Set<String> = ["name", "title", "calendar", "acceptance", "stages", "kinds", "triage", "remedy",
                                            "restrictions", "scenarios", "confidentiality", "retention", "jobs", "closings",
                                            "remedy_acceptance"]

    /// Translates a pack's returned table.
    static func pack(from value: LuaValue, hash: String) throws(PolicyError) -> PolicyPack {
        let table = try map(value, "pack", expected: "a table (the pack must `return { name = ..., stages = {...} }`)")
        try refuseUnknownKeys(table, allowed: topLevelKeys, at: "")
        let name = try string(table["name"], "name")
        let title = try optionalString(table["title"], "title")
        var region = Region.englandAndWales
        var closures: [Holiday] = []
        if let calendarValue = table["calendar"] {
            let calendar = try map(calendarValue, "calendar")
            try refuseUnknownKeys(calendar, allowed: ["region", "closures"], at: "calendar.")
            if let regionValue = calendar["region"] {
                let regionName = try string(regionValue, "calendar.region")
                guard let parsed = Region(rawValue: regionName) else {
                    throw PolicyError(field: "calendar.region", message: "unknown region '\(regionName)' (expected one of: \(Region.validNames))")
                }
                region = parsed
            }
            if let closureValue = calendar["closures"] {
                closures = try self.closures(closureValue)
            }
        }
        let acceptance = try table["acceptance"].map { value throws(PolicyError) in try self.acceptance(value) }
        guard let stagesValue = table["stages"], case .array(let stageValues) = stagesValue else {
            throw PolicyError(field: "stages", message: "expected an array of stages, got \(describe(table["stages"]))")
        }
        var stages: [StageRule] = []
        for (index, stageValue) in stageValues.enumerated() {
            stages.append(try stage(stageValue, "stages[\(index + 1)]"))
        }
        var tracks: [StageRule] = []
        if let kindsValue = table["kinds"] {
            let kinds = try map(kindsValue, "kinds", expected: "a table { compliment = { clocks = {...} }, ... }")
            for (key, value) in kinds.sorted(by: { $0.key.description < $1.key.description }) {
                guard case .string(let kind) = key, PolicyPack.trackKinds.contains(kind) else {
                    throw PolicyError(field: "kinds.\(key)", message: "unknown kind (expected one of: \(PolicyPack.trackKinds.joined(separator: ", ")))")
                }
                let track = try map(value, "kinds.\(kind)")
                try refuseUnknownKeys(track, allowed: ["clocks", "anchors", "clause"], at: "kinds.\(kind).")
                tracks.append(try stage(.map(track.merging([.string("name"): .string(kind)]) { $1 }), "kinds.\(kind)"))
            }
        }
        let restrictions = try table["restrictions"].map { value throws(PolicyError) in try self.restrictions(value) }
        for hook in ["triage", "remedy"] {
            if let value = table[hook], value != .opaque("function") {
                throw PolicyError(field: hook, message: "expected a function, got \(describe(value))")
            }
        }
        var pack = try PolicyPack(name: name, title: title, region: region, closures: closures,
                                  acceptanceWindow: nil, stages: stages, hash: hash, tracks: tracks, restrictions: restrictions)
        pack.acceptance = acceptance
        if let value = table["confidentiality"] { pack.confidentiality = try confidentiality(value) }
        if let value = table["retention"] { pack.retentionMonths = try retentionMonths(value) }
        if let value = table["closings"] { pack.closings = try closings(value) }
        if let value = table["remedy_acceptance"] { pack.remedyAcceptance = try remedyAcceptance(value) }
        return pack
    }

    /// `acceptance = { months = 12, from = { "event_date", "aware_date" }, on_the_day = "accepted",
    /// exceptions = { fact = { text =, clause = } }, signpost =, clause = }`: the window the
    /// lifecycle applies at intake. `from` (a fact or a list; default both) names the date facts
    /// it runs from, the later of those given; `on_the_day` what a complaint made on the day the
    /// count reaches is (default accepted); each exception is an intake fact that, given as
    /// anything but false, lets a complaint outside the window in.
    static func acceptance(_ value: LuaValue) throws(PolicyError) -> AcceptanceRule {
        let table = try map(value, "acceptance")
        let window = try duration(value, "acceptance", extraKeys: ["from", "on_the_day", "exceptions", "signpost", "clause"])
        var rule = AcceptanceRule(window: window, clause: try optionalString(table["clause"], "acceptance.clause"))
        rule.signpost = try optionalString(table["signpost"], "acceptance.signpost")
        let facts = AcceptanceRule.dateFacts.joined(separator: ", ")
        switch table["from"] {
        case nil: break
        case .string(let fact)?: rule.from = [fact]
        case .array(let items)? where !items.isEmpty:
            rule.from = []
            for (index, item) in items.enumerated() {
                guard case .string(let fact) = item else {
                    throw PolicyError(field: "acceptance.from[\(index + 1)]", message: "expected a fact's name (one of: \(facts)), got \(describe(item))")
                }
                guard !rule.from.contains(fact) else {
                    throw PolicyError(field: "acceptance.from[\(index + 1)]", message: "'\(fact)' is named twice")
                }
                rule.from.append(fact)
            }
        case let other?:
            throw PolicyError(field: "acceptance.from", message: "expected a fact's name or a list of them (of: \(facts)), got \(describe(other))")
        }
        let listed = if case .array? = table["from"] { true } else { false }
        for (index, fact) in rule.from.enumerated() where !AcceptanceRule.dateFacts.contains(fact) {
            throw PolicyError(field: listed ? "acceptance.from[\(index + 1)]" : "acceptance.from",
                              message: "unknown date fact '\(fact)' (expected one of: \(facts))")
        }
        if let day = table["on_the_day"] {
            guard case .string(let text) = day, let parsed = AcceptanceRule.Day(rawValue: text) else {
                throw PolicyError(field: "acceptance.on_the_day",
                                  message: "expected one of: \(AcceptanceRule.Day.validNames) (what a complaint made on the day the window's count reaches is), got \(describe(day))")
            }
            rule.onTheDay = parsed
        }
        if let value = table["exceptions"] {
            let list = try map(value, "acceptance.exceptions", expected: "a table { fact_name = { text =, clause = } }")
            for (key, entry) in list.sorted(by: { $0.key.description < $1.key.description }) {
                guard case .string(let fact) = key, !fact.isEmpty else {
                    throw PolicyError(field: "acceptance.exceptions.\(key)", message: "an exception is named by the intake fact that makes it, as text")
                }
                let path = "acceptance.exceptions.\(fact)"
                guard !AcceptanceRule.reservedFacts.contains(fact) else {
                    throw PolicyError(field: path, message: "'\(fact)' cannot be an exception (every intake gives it, or the window runs from it); name the fact that lets a complaint in")
                }
                let fields = try map(entry, path, expected: "a table { text =, clause = }")
                try refuseUnknownKeys(fields, allowed: ["text", "clause"], at: path + ".")
                rule.exceptions.append(AcceptanceRule.Exception(fact: fact, text: try optionalString(fields["text"], path + ".text"),
                                                                clause: try optionalString(fields["clause"], path + ".clause")))
            }
        }
        return rule
    }

    /// `closings = { fast_track = { text = "...", clause = "..." } }`: the ways of closing a
    /// case the policy names, for `c:close{ outcome = }`.
    static func closings(_ value: LuaValue) throws(PolicyError) -> [ClosingOutcome] {
        let table = try map(value, "closings", expected: "a table { outcome_name = { text =, clause = } }")
        var outcomes: [ClosingOutcome] = []
        for (key, entry) in table.sorted(by: { $0.key.description < $1.key.description }) {
            guard case .string(let name) = key, !name.isEmpty else {
                throw PolicyError(field: "closings.\(key)", message: "an outcome's name is text")
            }
            let path = "closings.\(name)"
            let fields = try map(entry, path)
            try refuseUnknownKeys(fields, allowed: ["text", "clause"], at: path + ".")
            outcomes.append(ClosingOutcome(name: name, text: try optionalString(fields["text"], path + ".text"),
                                           clause: try optionalString(fields["clause"], path + ".clause")))
        }
        return outcomes
    }

    /// `remedy_acceptance = { weeks = 8, late = "refused"|"needs_reason", clause = }`: the window
    /// to accept an offer that sets no `accept_by` (optional), and what an acceptance after the
    /// offer's date meets (left out: it is recorded as late).
    static func remedyAcceptance(_ value: LuaValue) throws(PolicyError) -> RemedyAcceptanceRule {
        let table = try map(value, "remedy_acceptance")
        let units = Duration.Unit.allCases.map(\.rawValue)
        try refuseUnknownKeys(table, allowed: Set(units).union(["late", "clause"]), at: "remedy_acceptance.")
        var rule = RemedyAcceptanceRule(clause: try optionalString(table["clause"], "remedy_acceptance.clause"))
        if units.contains(where: { table[$0] != nil }) {
            rule.window = try duration(value, "remedy_acceptance", extraKeys: ["late", "clause"])
        }
        if let late = table["late"] {
            guard case .string(let text) = late, let parsed = ClockRule.Lateness(rawValue: text), parsed != .recorded else {
                throw PolicyError(field: "remedy_acceptance.late",
                                  message: "expected 'refused' or 'needs_reason' (or leave it out: a late acceptance is recorded as late), got \(describe(late))")
            }
            rule.late = parsed
        }
        return rule
    }

    /// The longest retention period a pack may declare: a hundred years.
    static let maximumRetentionYears = 100

    /// `retention = { years = 6 }` or `{ months = 18 }`: personal data kept that long after
    /// closure, at most `maximumRetentionYears`.
    static func retentionMonths(_ value: LuaValue) throws(PolicyError) -> Int {
        let table = try map(value, "retention")
        try refuseUnknownKeys(table, allowed: ["years", "months"], at: "retention.")
        guard table.count == 1, let (key, amount) = table.first, case .string(let unit) = key else {
            throw PolicyError(field: "retention", message: "give one of years =, months = (how long after closure personal data is kept)")
        }
        let perUnit = unit == "years" ? 12 : 1
        let most = maximumRetentionYears * 12 / perUnit
        guard case .integer(let number) = amount, number > 0 else {
            throw PolicyError(field: "retention.\(unit)", message: "expected a whole number above 0, got \(describe(amount))")
        }
        guard number <= most else {
            throw PolicyError(field: "retention.\(unit)", message: "expected at most \(most) \(unit), got \(number)")
        }
        return Int(number) * perUnit
    }

    /// `confidentiality = { identity_roles = {...}, outcome_roles = {...}, reveal_roles = {...},
    /// reveal_reason = true|false }`: roles are the store's (`CaseStore.roles`).
    static func confidentiality(_ value: LuaValue) throws(PolicyError) -> Confidentiality {
        let table = try map(value, "confidentiality")
        try refuseUnknownKeys(table, allowed: ["identity_roles", "outcome_roles", "reveal_roles", "reveal_reason"],
                              at: "confidentiality.")
        func roles(_ key: String) throws(PolicyError) -> [String] {
            guard let list = table[key] else { return [] }
            guard case .array(let items) = list else {
                throw PolicyError(field: "confidentiality.\(key)", message: "expected an array of roles, got \(describe(list))")
            }
            var names: [String] = []
            for (index, item) in items.enumerated() {
                let name = try string(item, "confidentiality.\(key)[\(index + 1)]")
                guard CaseStore.roles.contains(name) else {
                    throw PolicyError(field: "confidentiality.\(key)[\(index + 1)]",
                                      message: "unknown role '\(name)' (expected one of: \(CaseStore.roles.joined(separator: ", ")))")
                }
                names.append(name)
            }
            return names
        }
        var result = Confidentiality(identityRoles: try roles("identity_roles"), outcomeRoles: try roles("outcome_roles"),
                                     revealRoles: try roles("reveal_roles"))
        switch table["reveal_reason"] {
        case nil, .nil?: break
        case .boolean(let flag)?: result.revealNeedsReason = flag
        case let other: throw PolicyError(field: "confidentiality.reveal_reason", message: "expected true or false, got \(describe(other))")
        }
        return result
    }

    static func stage(_ value: LuaValue, _ path: String) throws(PolicyError) -> StageRule {
        let table = try map(value, path)
        try refuseUnknownKeys(table, allowed: ["name", "clocks", "anchors", "title", "clause", "refer_back", "decline"], at: path + ".")
        let name: String
        switch table["name"] {
        case .string(let text): name = text
        case .integer(let number): name = String(number)
        default: throw PolicyError(field: path + ".name", message: "expected a stage name, got \(describe(table["name"]))")
        }
        // `refer_back = { to = "1", clause = }`: the stage may send a complaint back to stage `to`
        // for a review of its decision, by a response date agreed with the customer.
        var referBack: ReferBackRule?
        if let value = table["refer_back"] {
            let referral = try map(value, path + ".refer_back", expected: "a table { to = stage, clause = }")
            try refuseUnknownKeys(referral, allowed: ["to", "clause"], at: path + ".refer_back.")
            let to: String
            switch referral["to"] {
            case .string(let text)?: to = text
            case .integer(let number)?: to = String(number)
            default: throw PolicyError(field: path + ".refer_back.to", message: "expected the earlier stage's name, got \(describe(referral["to"]))")
            }
            referBack = ReferBackRule(to: to, clause: try optionalString(referral["clause"], path + ".refer_back.clause"))
        }
        // `decline = { grounds = { name = "the policy's words", ... }, clause = }`: the grounds on
        // which a request to enter this stage may be declined.
        var decline: DeclineRule?
        if let value = table["decline"] {
            let rule = try map(value, path + ".decline", expected: "a table { grounds = { name = text }, clause = }")
            try refuseUnknownKeys(rule, allowed: ["grounds", "clause"], at: path + ".decline.")
            let groundTable = try map(rule["grounds"], path + ".decline.grounds", expected: "a table { name = \"the policy's words\" }")
            var grounds: [String: String] = [:]
            for (key, text) in groundTable {
                guard case .string(let ground) = key else {
                    throw PolicyError(field: path + ".decline.grounds", message: "a ground's name is text, got \(describe(key))")
                }
                grounds[ground] = try string(text, path + ".decline.grounds." + ground)
            }
            guard !grounds.isEmpty else { throw PolicyError(field: path + ".decline.grounds", message: "give at least one ground") }
            decline = DeclineRule(grounds: grounds, clause: try optionalString(rule["clause"], path + ".decline.clause"))
        }
        var clocks: [ClockRule] = []
        if let clocksValue = table["clocks"] {
            let clockTable = try map(clocksValue, path + ".clocks")
            for (key, rule) in clockTable.sorted(by: { $0.key.description < $1.key.description }) {
                guard case .string(let clockName) = key else {
                    throw PolicyError(field: "\(path).clocks", message: "clock names must be text, got \(describe(key))")
                }
                clocks.append(try clock(clockName, rule, "\(path).clocks.\(clockName)"))
            }
        }
        var stage = StageRule(name: name, clocks: clocks, clause: try optionalString(table["clause"], path + ".clause"),
                              referBack: referBack, decline: decline)
        if let value = table["anchors"] { stage.anchorLimits = try anchorLimits(value, of: stage, path + ".anchors") }
        return stage
    }

    /// `anchors = { logged = { working_days = 5, from = "received", clause = } }`: how long the
    /// stage allows for an event its clocks wait for, counted from the event that starts the
    /// stage's round. Only for an event a clock of the stage runs from, and not for one whose
    /// event meets a clock of the stage (`acknowledged` meets `acknowledge`, `decision_sent`
    /// meets `respond`: that clock already says when it is owed).
    static func anchorLimits(_ value: LuaValue, of stage: StageRule, _ path: String) throws(PolicyError) -> [AnchorLimit] {
        let table = try map(value, path, expected: "a table { logged = { working_days = 5, from = \"received\" } }")
        let awaitable = Anchor.awaitable.map(\.rawValue).joined(separator: ", ")
        let starts = Anchor.allCases.filter(\.startsRound).map(\.rawValue).joined(separator: ", ")
        var limits: [AnchorLimit] = []
        for (key, entry) in table.sorted(by: { $0.key.description < $1.key.description }) {
            guard case .string(let name) = key, let anchor = Anchor(rawValue: name) else {
                throw PolicyError(field: "\(path).\(key)", message: "unknown event (expected one of: \(awaitable))")
            }
            let field = "\(path).\(name)"
            guard !anchor.startsRound else {
                throw PolicyError(field: field, message: "\(name) starts the stage, so no clock waits for it (expected one of: \(awaitable))")
            }
            guard !stage.awaitingClocks(for: anchor).isEmpty else {
                throw PolicyError(field: field, message: "no clock here runs from \(name), so nothing waits for it")
            }
            if let owner = anchor.meets, stage.clocks.contains(where: { $0.name == owner }) {
                throw PolicyError(field: field, message: "\(name) meets the \(owner) clock, which already says when it is owed")
            }
            let duration = try self.duration(entry, field, extraKeys: ["from", "clause"])
            let fields = try map(entry, field)
            let fromName = try string(fields["from"], field + ".from")
            guard let from = Anchor(rawValue: fromName), from.startsRound else {
                throw PolicyError(field: field + ".from", message: "expected the event that starts the stage (one of: \(starts)), got '\(fromName)'")
            }
            limits.append(AnchorLimit(anchor: anchor, duration: duration, from: from, clause: try optionalString(fields["clause"], field + ".clause")))
        }
        return limits
    }

    static func clock(_ name: String, _ value: LuaValue, _ path: String) throws(PolicyError) -> ClockRule {
        let table = try map(value, path)
        let duration = try self.duration(value, path, extraKeys: ["from", "extension", "late", "notice", "met_by", "clause"])
        // `met_by = "assignment"`: c:assign meets the clock (the Lua half of the cases API reads it).
        if let metBy = table["met_by"], metBy != .string("assignment") {
            throw PolicyError(field: path + ".met_by", message: "expected \"assignment\" (c:assign meets the clock), got \(describe(metBy))")
        }
        let anchorName = try string(table["from"], path + ".from")
        guard let anchor = Anchor(rawValue: anchorName) else {
            throw PolicyError(field: path + ".from", message: "unknown anchor '\(anchorName)' (expected one of: \(Anchor.validNames))")
        }
        var extensionRule: ExtensionRule?
        if let extensionValue = table["extension"] {
            let extensionTable = try map(extensionValue, path + ".extension")
            // `unlimited = true`: the policy sets no cap (the customer is told the new date).
            var cap: Duration?
            if let unlimited = extensionTable["unlimited"] {
                guard unlimited == .boolean(true) else {
                    throw PolicyError(field: path + ".extension.unlimited", message: "expected true (or leave it out and give a cap), got \(describe(unlimited))")
                }
                try refuseUnknownKeys(extensionTable, allowed: ["unlimited", "clause"], at: path + ".extension.")
            } else {
                cap = try self.duration(extensionValue, path + ".extension", extraKeys: ["beyond", "clause"])
            }
            var agreement = false
            if let beyond = extensionTable["beyond"] {
                guard beyond == .string("customer_agreement") else {
                    throw PolicyError(field: path + ".extension.beyond",
                                      message: "expected 'customer_agreement' (or leave it out: no extension past the cap), got \(describe(beyond))")
                }
                agreement = true
            }
            extensionRule = ExtensionRule(cap: cap, beyondCapWithAgreement: agreement,
                                          clause: try optionalString(extensionTable["clause"], path + ".extension.clause"))
        }
        var late = ClockRule.Lateness.recorded
        if let value = table["late"] {
            guard case .string(let text) = value, let parsed = ClockRule.Lateness(rawValue: text), parsed != .recorded else {
                throw PolicyError(field: path + ".late",
                                  message: "expected 'refused' or 'needs_reason' (or leave it out: a late event is recorded as late), got \(describe(value))")
            }
            late = parsed
        }
        // `notice = { working_days = 10 }`: the event that meets the clock gives notice of a date
        // at least this far ahead (c:meet{ clock =, date = }).
        let notice = try table["notice"].map { value throws(PolicyError) in try self.duration(value, path + ".notice", extraKeys: []) }
        return ClockRule(name: name, duration: duration, anchor: anchor, extensionRule: extensionRule, late: late, notice: notice,
                         clause: try optionalString(table["clause"], path + ".clause"))
    }

    /// `restrictions = { kinds = { name = { detail =, says =, clause = } }, warning = true,
    /// review = { months = 12, decide = function(restriction, activity) end },
    /// challenge = { times = 1, reviewer =, role = }, flag = function(restriction, contact) end, clause = }`.
    static func restrictions(_ value: LuaValue) throws(PolicyError) -> RestrictionRules {
        let table = try map(value, "restrictions")
        try refuseUnknownKeys(table, allowed: ["kinds", "warning", "review", "challenge", "flag", "clause"], at: "restrictions.")
        let kindTable = try map(table["kinds"], "restrictions.kinds", expected: "a table { acknowledge_only = {}, single_contact = { detail = ... } }")
        var kinds: [RestrictionRules.Kind] = []
        for (key, value) in kindTable.sorted(by: { $0.key.description < $1.key.description }) {
            guard case .string(let name) = key, name != "warning" else {
                throw PolicyError(field: "restrictions.kinds.\(key)", message: "a kind's name is text other than 'warning' (a warning is not a restriction)")
            }
            let path = "restrictions.kinds.\(name)"
            let kind = try map(value, path)
            try refuseUnknownKeys(kind, allowed: ["detail", "says", "clause"], at: path + ".")
            kinds.append(RestrictionRules.Kind(name: name, detail: try optionalString(kind["detail"], path + ".detail"),
                                               says: try optionalString(kind["says"], path + ".says"),
                                               clause: try optionalString(kind["clause"], path + ".clause")))
        }
        var warning = false
        if let flag = table["warning"] {
            guard case .boolean(let value) = flag else {
                throw PolicyError(field: "restrictions.warning", message: "expected true or false, got \(describe(flag))")
            }
            warning = value
        }
        let review = try table["review"].map { value throws(PolicyError) in
            try duration(value, "restrictions.review", extraKeys: ["clause", "decide"])
        }
        var decides = false
        if case .map(let reviewTable)? = table["review"], let hook = reviewTable[.string("decide")] {
            guard hook == .opaque("function") else {
                throw PolicyError(field: "restrictions.review.decide", message: "expected a function, got \(describe(hook))")
            }
            decides = true
        }
        var times = 0
        var reviewer: String?
        var role: String?
        if let challengeValue = table["challenge"] {
            let challenge = try map(challengeValue, "restrictions.challenge")
            try refuseUnknownKeys(challenge, allowed: ["times", "reviewer", "role", "clause"], at: "restrictions.challenge.")
            guard case .integer(let count)? = challenge["times"] else {
                throw PolicyError(field: "restrictions.challenge.times", message: "expected a whole number, got \(describe(challenge["times"]))")
            }
            times = Int(count)
            reviewer = try optionalString(challenge["reviewer"], "restrictions.challenge.reviewer")
            role = try optionalString(challenge["role"], "restrictions.challenge.role")
            if let role, !CaseStore.roles.contains(role) {
                throw PolicyError(field: "restrictions.challenge.role",
                                  message: "unknown role '\(role)' (expected one of: \(CaseStore.roles.joined(separator: ", ")))")
            }
        }
        if let hook = table["flag"], hook != .opaque("function") {
            throw PolicyError(field: "restrictions.flag", message: "expected a function, got \(describe(hook))")
        }
        return try RestrictionRules(kinds: kinds, warningFirst: warning, review: review, challenges: times, challengeReviewer: reviewer,
                                    challengeRole: role, decidesReviews: decides, clause: try optionalString(table["clause"], "restrictions.clause"))
    }

    /// Exactly one of working_days, days, weeks, months, a whole number from 0 to
    /// `Duration.maximum` of its unit (about ten years).
    static func duration(_ value: LuaValue, _ path: String, extraKeys: Set<String>) throws(PolicyError) -> Duration {
        let table = try map(value, path)
        let units = Duration.Unit.allCases.map(\.rawValue)
        try refuseUnknownKeys(table, allowed: Set(units).union(extraKeys), at: path + ".")
        let given = Duration.Unit.allCases.filter { table[.string($0.rawValue)] != nil }
        guard given.count == 1, let unit = given.first else {
            throw PolicyError(field: path, message: "give exactly one of \(units.joined(separator: ", ")) (got \(given.isEmpty ? "none" : given.map(\.rawValue).joined(separator: " and ")))")
        }
        let value = table[.string(unit.rawValue)]!
        guard case .integer(let amount) = value, let duration = Duration(checked: Int(amount), unit) else {
            let whole: Int? = if case .integer(let amount) = value { Int(amount) } else { nil }
            throw PolicyError(field: "\(path).\(unit.rawValue)", message: Duration.refusal(whole, given: describe(value), unit))
        }
        return duration
    }

    static func closures(_ value: LuaValue) throws(PolicyError) -> [Holiday] {
        guard case .array(let entries) = value else {
            throw PolicyError(field: "calendar.closures", message: "expected an array of dates, got \(describe(value))")
        }
        var closures: [Holiday] = []
        for (index, entry) in entries.enumerated() {
            let path = "calendar.closures[\(index + 1)]"
            var name = "Closed"
            let day: LuaValue
            if case .map(let table) = entry {
                day = table[.string("date")] ?? .nil
                name = try optionalString(table[.string("name")], path + ".name") ?? name
            } else {
                day = entry
            }
            let date: LocalDate
            switch day {
            case .date(let value): date = value
            case .string(let text):
                do { date = try LocalDate(iso: text) } catch {
                    throw PolicyError(field: path, message: "\(error): \(error.reason)")
                }
            default: throw PolicyError(field: path, message: "expected a date, got \(describe(day))")
            }
            closures.append(Holiday(date: date, name: name, kind: .closure))
        }
        return closures
    }

    // MARK: Reading helpers

    static func map(_ value: LuaValue?, _ path: String, expected: String = "a table") throws(PolicyError) -> [LuaValue: LuaValue] {
        switch value {
        case .map(let table): return table
        case .array(let items) where items.isEmpty: return [:]
        default: throw PolicyError(field: path, message: "expected \(expected), got \(describe(value))")
        }
    }

    static func string(_ value: LuaValue?, _ path: String) throws(PolicyError) -> String {
        guard case .string(let text) = value, !text.isEmpty else {
            throw PolicyError(field: path, message: "expected text, got \(describe(value))")
        }
        return text
    }

    static func optionalString(_ value: LuaValue?, _ path: String) throws(PolicyError) -> String? {
        guard let value, value != .nil else { return nil }
        return try string(value, path)
    }

    /// Misspelled keys are errors, not silently ignored.
    static func refuseUnknownKeys(_ table: [LuaValue: LuaValue], allowed: Set<String>, at path: String) throws(PolicyError) {
        for key in table.keys {
            guard case .string(let name) = key, allowed.contains(name) else {
                throw PolicyError(field: path + "\(key)", message: "unknown key (expected one of: \(allowed.sorted().joined(separator: ", ")))")
            }
        }
    }

    static func describe(_ value: LuaValue?) -> String {
        switch value {
        case nil, .nil?: "nothing"
        case .string(let text)?: "'\(text)'"
        case .integer(let number)?: String(number)
        case .number(let number)?: LuaValue.format(number)
        case .boolean(let flag)?: String(flag)
        case .date(let date)?: "date \(date)"
        case .array?, .map?: "a table"
        case .opaque(let text)?: text
        }
    }
}

extension Dictionary where Key == LuaValue {
    subscript(_ name: String) -> Value? { self[.string(name)] }
}
