import GRDB
import RedressCalendar

/// A sample drawn for a purpose in a period.
public struct SampleDraw: Sendable, Equatable {
    /// Drawn now.
    public var drawn: [Sampling.Subject]
    /// People of the population drawn before for the same purpose and period (they count
    /// towards the target and are not drawn again).
    public var earlier: Int
    /// How many of the population make up the share asked for.
    public var target: Int
    /// People in the population.
    public var population: Int
    /// The seed used, as 16 hex digits.
    public var seed: String
}

extension CaseStore {
    // MARK: Officers

    /// Assigns case `ref` to `officer` from `on`; the latest assignment is the case's officer.
    public static func assign(_ ref: String, to officer: String, on: LocalDate, by recorder: Recorder, in db: Database) throws {
        let name = officer.trimmingSpaces()
        guard !name.isEmpty else { throw InputError(field: "officer", message: "must not be empty") }
        let caseID = try caseID(of: ref, in: db)
        let now = Timestamp.nowUTC()
        try DirectStatement.savepoint(db) {
            try db.execute(sql: "INSERT INTO assignments(case_id, officer, assigned, at, actor) VALUES (?, ?, ?, ?, ?)",
                           arguments: [caseID, name, on.description, now, recorder.actor])
            try db.execute(sql: "INSERT INTO main.events(case_id, type, on_date, at, actor, script, data) VALUES (?, 'assigned', ?, ?, ?, ?, ?)",
                           arguments: [caseID, on.description, now, recorder.actor, recorder.script, JSON.object(["officer": name])])
        }
    }

    /// The officer handling case `ref`, or nil.
    public static func officer(of ref: String, in db: Database) throws -> String? {
        try String.fetchOne(db, sql: "SELECT officer FROM case_officers WHERE ref = ?", arguments: [ref])
    }

    // MARK: Outstanding actions

    /// An action a decision leaves outstanding, with its owner and due date.
    public struct Action: Sendable, Equatable {
        public var description: String
        public var owner: String?
        public var due: LocalDate?

        public init(description: String, owner: String? = nil, due: LocalDate? = nil) {
            self.description = description
            self.owner = owner
            self.due = due
        }
    }

    /// Records the actions the latest decision on case `ref` leaves outstanding; an empty list
    /// records that it leaves none (a decision letter must say which).
    public static func recordActions(_ actions: [Action], on ref: String, by recorder: Recorder, in db: Database) throws {
        for (index, action) in actions.enumerated() where action.description.trimmingSpaces().isEmpty {
            throw InputError(field: "actions[\(index + 1)].description", message: "must not be empty")
        }
        let caseID = try caseID(of: ref, in: db)
        guard let decisionID = try Int64.fetchOne(db, sql: "SELECT max(id) FROM decisions WHERE case_id = ?", arguments: [caseID]) else {
            throw StoreError(message: "case \(ref) has no decision yet: record the response first")
        }
        try DirectStatement.savepoint(db) {
            for action in actions {
                try db.execute(sql: "INSERT INTO main.actions(decision_id, description, owner, due) VALUES (?, ?, ?, ?)",
                               arguments: [decisionID, action.description, action.owner, action.due?.description])
            }
            try db.execute(sql: """
                INSERT INTO main.events(case_id, type, at, actor, script, data)
                VALUES (?, 'actions_recorded', ?, ?, ?, json_object('decision_id', ?, 'count', ?))
                """, arguments: [caseID, Timestamp.nowUTC(), recorder.actor, recorder.script, decisionID, actions.count])
        }
    }

    // MARK: Learning

    /// A service improvement from a complaint (Code 9.1).
    public struct LearningAction: Sendable, Equatable {
        public var action: String
        public var area: String?
        public var owner: String?
        public var due: LocalDate?
        public var done: LocalDate?

        public init(action: String, area: String? = nil, owner: String? = nil, due: LocalDate? = nil, done: LocalDate? = nil) {
            self.action = action
            self.area = area
            self.owner = owner
            self.due = due
            self.done = done
        }
    }

    /// Records a learning action from case `ref` (or from no one case when nil); returns its id.
    @discardableResult
    public static func recordLearning(_ learning: LearningAction, from ref: String?, on: LocalDate, by recorder: Recorder,
                                      in db: Database) throws -> Int64 {
        guard !learning.action.trimmingSpaces().isEmpty else { throw InputError(field: "action", message: "must not be empty") }
        var caseID: Int64?
        if let ref { caseID = try Self.caseID(of: ref, in: db) }
        return try DirectStatement.savepoint(db) {
            try db.execute(sql: "INSERT INTO main.learning_actions(case_id, recorded, action, area, owner, due, done) VALUES (?, ?, ?, ?, ?, ?, ?)",
                           arguments: [caseID, on.description, learning.action, learning.area, learning.owner,
                                       learning.due?.description, learning.done?.description])
            let id = db.lastInsertedRowID
            try db.execute(sql: "INSERT INTO main.events(case_id, type, on_date, at, actor, script, data) VALUES (?, 'learning_recorded', ?, ?, ?, ?, ?)",
                           arguments: [caseID, on.description, Timestamp.nowUTC(), recorder.actor, recorder.script,
                                       JSON.object(["learning_id": String(id)])])
            return id
        }
    }

    /// Marks learning action `id` done on `date`.
    public static func completeLearning(_ id: Int64, on date: LocalDate, by recorder: Recorder, in db: Database) throws {
        guard let row = try Row.fetchOne(db, sql: "SELECT case_id, done FROM learning_actions WHERE id = ?", arguments: [id]) else {
            throw InputError(field: "id", message: "no learning action \(id)")
        }
        if let done: String = row["done"] {
            throw InputError(field: "id", message: "learning action \(id) was already done on \(done)")
        }
        try DirectStatement.savepoint(db) {
            try db.execute(sql: "UPDATE main.learning_actions SET done = ? WHERE id = ?", arguments: [date.description, id])
            try db.execute(sql: "INSERT INTO main.events(case_id, type, on_date, at, actor, script, data) VALUES (?, 'learning_done', ?, ?, ?, ?, ?)",
                           arguments: [row["case_id"] as Int64?, date.description, Timestamp.nowUTC(), recorder.actor, recorder.script,
                                       JSON.object(["learning_id": String(id)])])
        }
    }

    // MARK: Samples

    /// Draws at least `perMillion` parts in a million of `population` for `purpose` in `period`
    /// (people drawn for it before count towards that share and are never drawn again), records
    /// the new draws, and returns them.
    public static func drawSample(purpose: String, period: String, perMillion: Int, baseSeed: UInt64,
                                  population: [Sampling.Subject], on: LocalDate, by recorder: Recorder,
                                  in db: Database) throws -> SampleDraw {
        guard !purpose.isEmpty else { throw InputError(field: "purpose", message: "must not be empty") }
        guard !period.isEmpty else { throw InputError(field: "period", message: "must not be empty") }
        guard (0...1_000_000).contains(perMillion) else {
            throw InputError(field: "share", message: "expected a share from 0 to 1, got \(Double(perMillion) / 1_000_000)")
        }
        var earlierPeople: Set<String> = []
        for row in try Row.fetchAll(db, sql: "SELECT party_id, case_id FROM sample_draws WHERE purpose = ? AND period = ?",
                                    arguments: [purpose, period]) {
            earlierPeople.insert(Sampling.Subject(partyID: row["party_id"], caseID: row["case_id"]).person)
        }
        let people = Set(population.map(\.person))
        let earlier = people.intersection(earlierPeople).count
        let target = Sampling.target(perMillion: perMillion, of: people.count)
        let seed = Sampling.seed(base: baseSeed, purpose: purpose, period: period)
        let drawn = Sampling.draw(population, count: target - earlier, excluding: earlierPeople, seed: seed)
        let seedText = String(seed, radix: 16)
        let now = Timestamp.nowUTC()
        try DirectStatement.savepoint(db) {
            for subject in drawn {
                try db.execute(sql: """
                    INSERT INTO sample_draws(purpose, period, party_id, case_id, seed, drawn, at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                    """, arguments: [purpose, period, subject.partyID, subject.caseID, seedText, on.description, now, recorder.actor])
            }
        }
        return SampleDraw(drawn: drawn, earlier: earlier, target: target, population: people.count, seed: seedText)
    }

    // MARK: Letters

    /// A letter issued on a case: kind, template and the hash of what it said.
    public struct IssuedLetter: Sendable, Equatable {
        public var kind: String
        public var stage: String?
        public var issued: LocalDate
        public var template: String
        public var templateHash: String
        public var text: String
        public var files: [String]

        public init(kind: String, stage: String?, issued: LocalDate, template: String, templateHash: String, text: String,
                    files: [String]) {
            self.kind = kind
            self.stage = stage
            self.issued = issued
            self.template = template
            self.templateHash = templateHash
            self.text = text
            self.files = files
        }
    }

    /// Records that `letter` was issued on case `ref`, in the letters table and the event log.
    public static func recordLetter(_ letter: IssuedLetter, on ref: String, by recorder: Recorder, in db: Database) throws {
        try recordLetter(letter, caseID: try caseID(of: ref, in: db), restrictionID: nil, partyID: nil, by: recorder, in: db)
    }

    /// Records that `letter` about restriction `id` was issued to its party.
    public static func recordLetter(_ letter: IssuedLetter, aboutRestriction id: Int64, by recorder: Recorder, in db: Database) throws {
        guard let restriction = try restriction(id, in: db), restriction.kind != "warning" else {
            throw InputError(field: "restriction", message: "no restriction with id \(id)")
        }
        try recordLetter(letter, caseID: nil, restrictionID: id, partyID: restriction.partyID, by: recorder, in: db)
    }

    static func recordLetter(_ letter: IssuedLetter, caseID: Int64?, restrictionID: Int64?, partyID: Int64?, by recorder: Recorder,
                             in db: Database) throws {
        let now = Timestamp.nowUTC()
        let files = "[" + letter.files.map(JSON.quote).joined(separator: ",") + "]"
        try DirectStatement.savepoint(db) {
            try db.execute(sql: """
                INSERT INTO main.letters(case_id, restriction_id, kind, stage, issued, template, template_hash, text_hash, files, at, actor)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [caseID, restrictionID, letter.kind, letter.stage, letter.issued.description, letter.template,
                                 letter.templateHash, ContentHash.of(letter.text), files, now, recorder.actor])
            var data = ["kind": letter.kind, "letter_id": String(db.lastInsertedRowID)]
            if let restrictionID { data["restriction_id"] = String(restrictionID) }
            try db.execute(sql: "INSERT INTO main.events(case_id, party_id, type, on_date, at, actor, script, data) VALUES (?, ?, 'letter_issued', ?, ?, ?, ?, ?)",
                           arguments: [caseID, partyID, letter.issued.description, now, recorder.actor, recorder.script, JSON.object(data)])
        }
    }

    // MARK: Helpers

    static func caseID(of ref: String, in db: Database) throws -> Int64 {
        guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM cases WHERE ref = ?", arguments: [ref]) else {
            throw InputError(field: "ref", message: "no case '\(ref)'")
        }
        return id
    }
}

extension String {
    func trimmingSpaces() -> String {
        var text = Substring(self)
        while let first = text.first, first.isWhitespace { text.removeFirst() }
        while let last = text.last, last.isWhitespace { text.removeLast() }
        return String(text)
    }
}

extension CaseStore {
    /// Who a letter goes to, as the connection's viewer may see them (`[withheld]` when they
    /// may not).
    public struct Addressee: Sendable, Equatable {
        public var name: String?
        public var address: String?
        public var email: String?
    }

    /// True when the store holds case `ref`.
    public static func hasCase(_ ref: String, in db: Database) throws -> Bool {
        try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM main.cases WHERE ref = ?)", arguments: [ref]) ?? false
    }

    /// The complainant of case `ref` as the viewer sees them: nil when the case has none (an
    /// anonymous complaint) or there is no such case.
    public static func addressee(ofCase ref: String, in db: Database) throws -> Addressee? {
        try Row.fetchOne(db, sql: """
            SELECT p.name, p.address, p.email FROM main.cases c JOIN parties p ON p.id = c.complainant_id
            WHERE c.ref = ? AND c.anonymous = 0
            """, arguments: [ref]).map { Addressee(name: $0["name"], address: $0["address"], email: $0["email"]) }
    }

    /// The party restriction `id` restricts, as the viewer sees them; nil when there is no such
    /// restriction.
    public static func addressee(ofRestriction id: Int64, in db: Database) throws -> Addressee? {
        try Row.fetchOne(db, sql: """
            SELECT p.name, p.address, p.email FROM main.restrictions r JOIN parties p ON p.id = r.party_id WHERE r.id = ?
            """, arguments: [id]).map { Addressee(name: $0["name"], address: $0["address"], email: $0["email"]) }
    }
}
