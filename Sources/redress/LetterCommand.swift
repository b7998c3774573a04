import ArgumentParser
import RedressCore
import RedressLua

/// `redress letter KIND REF`: a letter to the customer from the case's data, as text and HTML.
struct LetterCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "letter",
        abstract: "Write a letter about a case (acknowledgement, extension, decision, exclusion) as text and HTML.",
        discussion: """
            The template is the first KIND.txt found in the store's letters folder (NAME-letters/
            beside the store NAME.sqlite, or the letters_folder setting), Scripts/letters/<pack>/, then
            Scripts/letters/default/ (the Housing Ombudsman Code's letters). A template names
            the parts it requires; a letter that lacks one (a decision with no reasons, no
            outstanding actions recorded, no remedy for an upheld complaint) is refused, naming
            the part, and nothing is issued.

            An issued letter is written to NAME-reports/letters/<REF>/<date>-<KIND>.txt and .html
            (or --output FOLDER) and recorded in the store's letters table and event log.

            Examples:
              redress letter acknowledgement C-2026-000123
              redress letter decision C-2026-000123 --preview
              redress letter exclusion C-2026-000124 --output /srv/post/outgoing
            """
    )

    @Argument(help: ArgumentHelp("The kind of letter: acknowledgement, extension, decision, exclusion, or a template of your own.",
                                 valueName: "kind"))
    var kind: String

    @Argument(help: ArgumentHelp("The case reference.", valueName: "ref"))
    var ref: String

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
    }

    func run() throws {
        let caseStore = try store.existingStore()
        let installation = try Installation.locate()
        guard let bound = try caseStore.boundPolicy else {
            throw UsageError("--db: the store '\(caseStore.path)' is not bound to a policy pack (run `redress init`)")
        }
        let state = try lua.makeState(options, installation: installation, folder: ".", script: "redress letter \(kind) \(ref)")
        let pack = try PolicyLoader.load(path: PolicyLoader.resolve(bound.source, scripts: installation.scripts), in: state)
        let today = try options.asOfDate() ?? LocalDate.today()
        let folders = [try caseStore.lettersFolder, "\(installation.scripts)/letters/\(pack.name)", "\(installation.scripts)/letters/default"]
        let settings = try caseStore.settings()
        let folder = try output ?? "\(caseStore.reportsFolder)/letters/\(ref)"
        state.recorder.actor = store.userName
        try state.withTransaction(on: caseStore) {
            // A letter goes to the customer: it reads as an outsider would, so nothing withheld
            // or confidential reaches it, whoever runs the command.
            let results = try CaseStore.asOutsider(in: state.database!) {
                try state.run("return require('lib.letters').render(...)", name: "=[redress letter]", arguments: [
                    .string(kind), .string(ref), .array(folders.map { .string($0) }), LetterCommand.describe(pack),
                    .map(Dictionary(uniqueKeysWithValues: settings.map { (LuaValue.string($0.key), LuaValue.string($0.value)) })),
                    .date(today),
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
                throw UsageError("\(kind) letter for \(ref) lacks a required part (nothing issued):\n  " + parts.joined(separator: "\n  "))
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
            try CaseStore.recordLetter(CaseStore.IssuedLetter(kind: kind, stage: stage, issued: today, template: template,
                                                              templateHash: ContentHash.of(try TextFile.read(template)), text: text,
                                                              files: files),
                                       on: ref, by: state.recorder, in: state.database!)
            for path in files { print("Wrote \(path)") }
        }
    }

    /// The pack as the letters library reads it: name, title, stages in order with their clocks.
    static func describe(_ pack: PolicyPack) -> LuaValue {
        let stages: [LuaValue] = pack.stages.map { stage in
            var clocks: [LuaValue: LuaValue] = [:]
            for clock in stage.clocks {
                clocks[.string(clock.name)] = .map([.string(clock.duration.unit.rawValue): .integer(Int64(clock.duration.amount)),
                                                    .string("from"): .string(clock.anchor.rawValue)])
            }
            return .map([.string("name"): .string(stage.name), .string("clocks"): .map(clocks)])
        }
        return .map([.string("name"): .string(pack.name), .string("title"): .string(pack.title), .string("stages"): .array(stages)])
    }
}
