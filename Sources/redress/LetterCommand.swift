import ArgumentParser
import RedressCalendar
import RedressCore
import RedressLua

/// `redress letter KIND REF` (or `--restriction ID`): a letter to the customer from the case's
/// data, or from a restriction on their contact, as text and HTML.
struct LetterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter",
        abstract: "Write a letter about a case (acknowledgement, extension, decision, exclusion) or a restriction on contact (restriction, restriction-review) as text and HTML.",
        discussion: reflowed("""
            The template is the first KIND.txt found in the store's letters folder (NAME-letters/
            beside the store NAME.sqlite, or the letters_folder setting), Scripts/letters/<pack>/, then
            Scripts/letters/default/ (the Housing Ombudsman Code's letters). A template names
            the parts it requires; a letter that lacks one (a decision with no reasons, no
            outstanding actions recorded, no remedy for an upheld complaint) is refused, naming
            the part, and nothing is issued.

            An issued letter is written to NAME-reports/letters/<REF>/<date>-<KIND>.txt and .html
            (NAME-reports/letters/restriction-<ID>/ for a restriction's letters; or --output
            FOLDER) and recorded in the store's letters table and event log.

            A letter goes to the customer, so it reads the store as an outsider would: nothing
            withheld or confidential reaches it. Its addressee is the customer as you may see
            them: a confidential complainant's letter is issued by someone who may see who they
            are (the pack's confidentiality roles, or whoever took the complaint).

            Examples:
              redress letter acknowledgement C-2026-000123
              redress letter decision C-2026-000123 --preview
              redress letter exclusion C-2026-000124 --output /srv/post/outgoing
              redress letter restriction --restriction 4
              redress letter restriction-review --restriction 4
            """)
    )

    @Argument(help: ArgumentHelp("The kind of letter: acknowledgement, extension, decision, exclusion, or a template of your own.",
                                 valueName: "kind"))
    var kind: String

    @Argument(help: ArgumentHelp("The case reference (not with --restriction).", valueName: "ref"))
    var ref: String?

    @Option(help: ArgumentHelp("Write a letter about this restriction on contact (its id) instead of a case.", valueName: "id"))
    var restriction: Int64?

    @Flag(help: "Print the letter's text and issue nothing.")
    var preview = false

    @Option(help: ArgumentHelp("Write the letter's files into this folder.", valueName: "folder"))
    var output: String?

    @OptionGroup var options: GlobalOptions
    @OptionGroup var lua: LuaOptions
    @OptionGroup var store: StoreOptions

    func validate() throws {
        guard let first = kind.first, first.isLetter, kind.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            throw ValidationError("kind: '\(kind)' is not a template name (letters, digits, '-' and '_')")
        }
        switch (ref, restriction) {
        case (nil, nil): throw ValidationError("ref: give the case reference, or --restriction ID for a letter about a restriction")
        case (.some(let ref), .some(let id)): throw ValidationError("ref: '\(ref)' and --restriction \(id) together: a letter is about one or the other")
        default: break
        }
    }

    /// What the letter is about, as the letters library takes it and as the files are named.
    var subject: (lua: LuaValue, folder: String, title: String) {
        if let restriction { return (.map([.string("restriction"): .integer(restriction)]), "restriction-\(restriction)", "restriction \(restriction)") }
        return (.string(ref ?? ""), ref ?? "", ref ?? "")
    }

    func run() throws {
        let caseStore = try store.existingStore()
        let installation = try Installation.locate()
        let state = try lua.makeState(options, installation: installation, folder: ".", script: "redress letter \(kind) \(subject.title)")
        let pack = try PolicyLoader.loadBound(caseStore, scripts: installation.scripts, in: state)
        let today = try options.asOfDate() ?? LocalDate.today()
        let folders = try caseStore.letterFolders(scripts: installation.scripts, pack: pack.name)
        let settings = try caseStore.settings()
        let subject = self.subject
        let folder = try output ?? "\(caseStore.reportsFolder)/letters/\(subject.folder)"
        state.recorder.actor = store.userName
        try state.withTransaction(on: caseStore, lockingAtStart: true) {
            let db = state.database!
            if let restriction {
                guard let found = try CaseStore.restriction(restriction, in: db), found.kind != "warning" else {
                    throw UsageError("--restriction: no restriction with id \(restriction)\(try CaseStore.restriction(restriction, in: db) != nil ? " (it is a warning)" : "")")
                }
            } else if let ref, try !CaseStore.hasCase(ref, in: db) {
                throw UsageError("ref: no case '\(ref)' in \(caseStore.path)")
            }
            // The addressee as the user running the command may see them; everything else as an
            // outsider would read it, so nothing withheld or confidential reaches the letter.
            let addressee = try restriction.map { try CaseStore.addressee(ofRestriction: $0, in: db) }
                ?? CaseStore.addressee(ofCase: ref ?? "", in: db)
            let results = try CaseStore.asOutsider(in: db) {
                try state.run("return require('lib.letters').render(...)", name: "=[redress letter]", arguments: [
                    .string(kind), subject.lua, .array(folders.map { .string($0) }), LetterCommand.describe(pack),
                    .map(Dictionary(uniqueKeysWithValues: settings.map { (LuaValue.string($0.key), LuaValue.string($0.value)) })),
                    .date(today), addressee.map(LetterCommand.describe) ?? .nil,
                ])
            }
            guard case .map(let letter)? = results.first, case .string(let text)? = letter[.string("text")],
                  case .string(let html)? = letter[.string("html")], case .string(let template)? = letter[.string("template")] else {
                throw UsageError("letter: the letters library returned no letter")
            }
            if case .array(let missing)? = letter[.string("missing")], !missing.isEmpty {
                let parts = missing.compactMap { entry -> String? in
                    guard case .map(let fields) = entry, case .string(let part)? = fields[.string("part")], case .string(let why)? = fields[.string("why")] else { return nil }
                    return "\(part): \(why)"
                }
                throw UsageError("\(kind) letter for \(subject.title) lacks a required part (nothing issued):\n  " + parts.joined(separator: "\n  "))
            }
            if preview {
                Console.write(1, text)
                return
            }
            try Folder.create(folder)
            var files: [String] = []
            for (suffix, content) in [("txt", text), ("html", html)] {
                let path = "\(folder)/\(today)-\(kind).\(suffix)"
                let file = try OutputFile(path: path)
                file.write(content)
                file.close()
                files.append(path)
            }
            var stage: String?
            if case .string(let name)? = letter[.string("stage")] { stage = name }
            let issued = CaseStore.IssuedLetter(kind: kind, stage: stage, issued: today, template: template,
                                                templateHash: ContentHash.of(try TextFile.read(template)), text: text, files: files)
            if let restriction {
                try CaseStore.recordLetter(issued, aboutRestriction: restriction, by: state.recorder, in: db)
            } else {
                try CaseStore.recordLetter(issued, on: ref ?? "", by: state.recorder, in: db)
            }
            for path in files { print("Wrote \(path)") }
        }
    }

    /// An addressee as the letters library reads it.
    static func describe(_ addressee: CaseStore.Addressee) -> LuaValue {
        var fields: [LuaValue: LuaValue] = [:]
        for (key, value) in [("name", addressee.name), ("address", addressee.address), ("email", addressee.email)] {
            if let value { fields[.string(key)] = .string(value) }
        }
        return .map(fields)
    }

    /// The pack as the letters library reads it: name, title, stages in order with their clocks,
    /// and its restrictions (kinds, with what each asks, and the challenge).
    static func describe(_ pack: PolicyPack) -> LuaValue {
        let stages: [LuaValue] = pack.stages.map { stage in
            var clocks: [LuaValue: LuaValue] = [:]
            for clock in stage.clocks {
                clocks[.string(clock.name)] = .map([.string(clock.duration.unit.rawValue): .integer(Int64(clock.duration.amount)),
                                                    .string("from"): .string(clock.anchor.rawValue)])
            }
            return .map([.string("name"): .string(stage.name), .string("clocks"): .map(clocks)])
        }
        var description: [LuaValue: LuaValue] = [.string("name"): .string(pack.name), .string("title"): .string(pack.title),
                                                 .string("stages"): .array(stages)]
        if let rules = pack.restrictions {
            var kinds: [LuaValue: LuaValue] = [:]
            for kind in rules.kinds {
                var fields: [LuaValue: LuaValue] = [:]
                if let detail = kind.detail { fields[.string("detail")] = .string(detail) }
                if let says = kind.says { fields[.string("says")] = .string(says) }
                if let clause = kind.clause { fields[.string("clause")] = .string(clause) }
                kinds[.string(kind.name)] = .map(fields)
            }
            var challenge: [LuaValue: LuaValue] = [.string("times"): .integer(Int64(rules.challenges))]
            if let reviewer = rules.challengeReviewer { challenge[.string("reviewer")] = .string(reviewer) }
            var restrictions: [LuaValue: LuaValue] = [.string("kinds"): .map(kinds), .string("challenge"): .map(challenge)]
            if let clause = rules.clause { restrictions[.string("clause")] = .string(clause) }
            description[.string("restrictions")] = .map(restrictions)
        }
        return .map(description)
    }
}
