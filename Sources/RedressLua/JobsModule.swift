import CLua
import GRDB
import LuaShim
import RedressCalendar
import RedressCore

/// The Swift half of a job run's `job` object (the Lua half is `JobCall.source`): the store's
/// pack and its calendar, sample draws, and issuing letters. Each answers its result, or `nil` and a message
/// naming the field and the value, which the Lua half raises at the job's line.
enum JobsModule {
    static let functions: [(String, lshim_fn)] = [
        ("bound_pack", boundPack), ("pack_calendar", packCalendar), ("sample", sample), ("addressee", addressee),
        ("outsider", outsider), ("record_letter", recordLetter), ("report_name", reportName),
    ]

    /// `report_name(name)` → nil when `name` is a plain relative file name a job may write, else
    /// why not. The check is Swift's (`ReportFile`), so a job that changes `string` cannot pass it
    /// a path that climbs out of the reports folder; the runner checks again as it writes.
    static let reportName: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            let name = try lua.string(1)
            if let problem = ReportFile.problem(with: name) { try lua.return(.string(problem)) } else { lua.returnNil() }
        }
    }

    /// `addressee(about)` → who a letter about `about` (a case reference, or a restriction's id)
    /// goes to, as the job's user may see them ({ name =, address =, email = }), or nil.
    static let addressee: lshim_fn = { L, call in
        CasesModule.answer(L, call) { lua in
            let (_, db) = try CasesModule.session(lua)
            let found: CaseStore.Addressee?
            switch try lua.value(1, field: "about") {
            case .integer(let id): found = try CaseStore.addressee(ofRestriction: id, in: db)
            case .string(let ref): found = try CaseStore.addressee(ofCase: ref, in: db)
            default: throw InputError(field: "about", message: "expected a case reference or a restriction's id, got \(lua.describeArgument(1))")
            }
            guard let found else { return [.nil] }
            var fields: [String: LuaValue] = [:]
            if let name = found.name { fields["name"] = .string(name) }
            if let address = found.address { fields["address"] = .string(address) }
            if let email = found.email { fields["email"] = .string(email) }
            return [.map(fields.keyedByString)]
        }
    }

    /// `outsider(true)` makes the run read the store as an outsider would (a letter's view);
    /// `outsider(false)` gives it back its own viewer. It can only ever take privileges away.
    static let outsider: lshim_fn = { L, call in
        CasesModule.answer(L, call) { lua in
            let (_, db) = try CasesModule.session(lua)
            guard case .boolean(let on) = try lua.value(1, field: "on") else { throw InputError(field: "on", message: "expected true or false") }
            if on {
                guard lua.state.stashedViewer == nil else { throw StoreError(message: "already reading as an outsider") }
                lua.state.stashedViewer = try CaseStore.becomeOutsider(in: db)
            } else if let viewer = lua.state.stashedViewer {
                try CaseStore.restore(viewer, in: db)
                lua.state.stashedViewer = nil
            }
            return [.boolean(true)]
        }
    }

    /// `record_letter(kind, about, stage, template, text, files)` → true: records a letter the
    /// job issued about `about` (a case reference or a restriction's id), with its files' paths.
    static let recordLetter: lshim_fn = { L, call in
        CasesModule.answer(L, call) { lua in
            let (_, db) = try CasesModule.session(lua)
            guard let kind = try lua.textArgument(1, "kind"), let template = try lua.textArgument(4, "template"),
                  let text = try lua.textArgument(5, "text") else {
                throw InputError(field: "kind", message: "required, with the template and the text")
            }
            guard case .array(let entries) = try lua.value(6, field: "files") else { throw InputError(field: "files", message: "expected a list of paths") }
            let files = entries.compactMap { entry -> String? in if case .string(let path) = entry { return path } else { return nil } }
            let letter = CaseStore.IssuedLetter(kind: kind, stage: try lua.textArgument(3, "stage"), issued: lua.state.today,
                                                template: template, templateHash: ContentHash.of(try TextFile.read(template)),
                                                text: text, files: files)
            switch try lua.value(2, field: "about") {
            case .integer(let id): try CaseStore.recordLetter(letter, aboutRestriction: id, by: lua.state.recorder, in: db)
            case .string(let ref): try CaseStore.recordLetter(letter, on: ref, by: lua.state.recorder, in: db)
            default: throw InputError(field: "about", message: "expected a case reference or a restriction's id, got \(lua.describeArgument(2))")
            }
            return [.boolean(true)]
        }
    }

    /// `bound_pack()` → the path and source of the pack the store is bound to, its hash checked.
    static let boundPack: lshim_fn = { L, call in
        CasesModule.answerSource(L, call) { lua in
            let (store, db) = try CasesModule.session(lua)
            let bound = try PolicyLoader.boundSource(in: db, storePath: store.path, scripts: lua.state.options.scripts)
            return (bound.path, bound.source)
        }
    }

    /// `pack_calendar(pack)` → the pack's working-day calendar: its region's bank holidays and
    /// its closure days.
    static let packCalendar: lshim_fn = { L, call in
        LuaCall.perform(L, call) { lua throws(LuaFault) in
            let pack: PolicyPack
            let declared = try lua.value(1)
            do throws(PolicyError) {
                pack = try PolicyLoader.pack(from: declared, hash: "")
            } catch {
                try lua.return(.nil)
                try lua.return(.string("the store's pack: \(error)"))
                return
            }
            let handle = lua.state.calendarHandle(region: pack.region, closures: pack.closures)
            guard lshim_pushpointer_p(lua.L, Unmanaged.passUnretained(handle).toOpaque(), CalendarModule.classKey) == LUA_OK else {
                throw .propagate
            }
            lua.returnTop()
        }
    }

    /// `sample(purpose, period, share, population)` → { drawn = { { party =, case = }, ... },
    /// earlier =, target =, population =, seed = }.
    static let sample: lshim_fn = { L, call in
        CasesModule.answer(L, call) { lua in
            let (_, db) = try CasesModule.session(lua)
            guard let purpose = try lua.textArgument(1, "purpose") else {
                throw InputError(field: "purpose", message: "required (e.g. 'feedback')")
            }
            guard let period = try lua.textArgument(2, "period") else {
                throw InputError(field: "period", message: "required (e.g. '2026-Q1')")
            }
            let share: Double
            switch try lua.value(3, field: "share") {
            case .integer(let whole): share = Double(whole)
            case .number(let fraction): share = fraction
            default: throw InputError(field: "share", message: "expected a share from 0 to 1 (0.1 for 10%), got \(lua.describeArgument(3))")
            }
            guard share >= 0, share <= 1 else {
                throw InputError(field: "share", message: "expected a share from 0 to 1 (0.1 for 10%), got \(lua.describeArgument(3))")
            }
            guard case .array(let entries) = try lua.value(4, field: "population") else {
                throw InputError(field: "population", message: "expected an array of { party =, case = }")
            }
            var subjects: [Sampling.Subject] = []
            var refs: [Int64: String] = [:]
            for (index, entry) in entries.enumerated() {
                let field = "population[\(index + 1)]"
                guard case .map(let fields) = entry else { throw InputError(field: field, message: "expected { party =, case = }, got \(entry)") }
                for key in fields.keys where key != .string("party") && key != .string("case") {
                    throw InputError(field: "\(field).\(key)", message: "unknown field (expected party, case)")
                }
                var partyID: Int64?
                switch fields["party"] {
                case nil, .nil?: break
                case .integer(let id)?: partyID = id
                case let other?: throw InputError(field: field + ".party", message: "expected a party id, got \(other)")
                }
                var caseID: Int64?
                switch fields["case"] {
                case nil, .nil?: break
                case .string(let ref)?:
                    guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM cases WHERE ref = ?", arguments: [ref]) else {
                        throw InputError(field: field + ".case", message: "no case '\(ref)'")
                    }
                    caseID = id
                    refs[id] = ref
                case let other?: throw InputError(field: field + ".case", message: "expected a case reference, got \(other)")
                }
                guard partyID != nil || caseID != nil else { throw InputError(field: field, message: "give a party, a case or both") }
                subjects.append(Sampling.Subject(partyID: partyID, caseID: caseID))
            }
            let base = try String.fetchOne(db, sql: "SELECT value FROM settings WHERE key = 'sample_seed'").flatMap { UInt64($0) } ?? 0
            let draw = try CaseStore.drawSample(purpose: purpose, period: period, perMillion: Int((share * 1_000_000).rounded()),
                                                baseSeed: base, population: subjects, on: lua.state.today,
                                                by: lua.state.recorder, in: db)
            let drawn: [LuaValue] = draw.drawn.map { subject in
                var fields: [LuaValue: LuaValue] = [:]
                if let party = subject.partyID { fields[.string("party")] = .integer(party) }
                if let id = subject.caseID, let ref = refs[id] { fields[.string("case")] = .string(ref) }
                return .map(fields)
            }
            return [.map(["drawn": .array(drawn), "earlier": .integer(Int64(draw.earlier)), "target": .integer(Int64(draw.target)),
                          "population": .integer(Int64(draw.population)), "seed": .string(draw.seed)].keyedByString)]
        }
    }
}
