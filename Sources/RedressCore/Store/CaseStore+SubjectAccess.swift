import GRDB

/// Everything the store holds about one person, for a subject access request: each section a
/// table's rows that concern them, other people's identities replaced by `[third party]`.
public struct SubjectAccessReport: Sendable {
    /// One table's rows: column names, and each row's values as text (nil for NULL).
    public struct Section: Sendable {
        public let title: String
        public let table: String
        public let columns: [String]
        public let rows: [[String?]]
        /// Which columns hold numbers (written unquoted in JSON), per row.
        let numeric: [[Bool]]
    }

    public let partyID: Int64
    public let name: String?
    public let generated: String
    public let requestedBy: String?
    public let sections: [Section]

    /// The report as JSON: `{ "party_id": ..., "sections": { "cases": [ { column: value } ] } }`.
    public var json: String {
        func value(_ text: String?, number: Bool = false) -> String { text.map { number ? $0 : JSON.quote($0) } ?? "null" }
        var out = "{\n  \"subject_access_request\": {\"party_id\": \(partyID), \"name\": \(value(name)), "
            + "\"generated\": \(value(generated)), \"requested_by\": \(value(requestedBy))},\n  \"sections\": {"
        for (index, section) in sections.enumerated() {
            out += (index == 0 ? "\n" : ",\n") + "    \(JSON.quote(section.table)): ["
            out += zip(section.rows, section.numeric).map { row, numeric in
                "\n      {" + section.columns.indices.map { "\(JSON.quote(section.columns[$0])): \(value(row[$0], number: numeric[$0]))" }
                    .joined(separator: ", ") + "}"
            }.joined(separator: ",")
            out += section.rows.isEmpty ? "]" : "\n    ]"
        }
        return out + "\n  }\n}\n"
    }

    /// The report as a page a person can read: one table per section.
    public var html: String {
        let escape = HTML.escape
        var out = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Subject access request: \(escape(name ?? "party \(partyID)"))</title>
            <style>body{font-family:sans-serif;margin:2em;max-width:75em}table{border-collapse:collapse;margin-bottom:1.5em}
            td,th{border:1px solid #bbb;padding:.25em .5em;text-align:left;vertical-align:top}th{background:#eee}
            .none{color:#777}</style></head><body>
            <h1>Subject access request</h1>
            <p>Everything the complaints case store holds about <strong>\(escape(name ?? "party \(partyID)"))</strong>
            (party \(partyID)), produced \(escape(generated))\(requestedBy.map { " by " + escape($0) } ?? "").
            Other people's identities are shown as [third party]. Free text is shown as recorded:
            review it for other people's personal data before release.</p>

            """
        for section in sections {
            out += "<h2>\(escape(section.title))</h2>\n"
            if section.rows.isEmpty {
                out += "<p class=\"none\">None.</p>\n"
                continue
            }
            out += "<table><tr>" + section.columns.map { "<th>\(escape($0))</th>" }.joined() + "</tr>\n"
            for row in section.rows {
                out += "<tr>" + row.map { "<td>\($0.map(escape) ?? "")</td>" }.joined() + "</tr>\n"
            }
            out += "</table>\n"
        }
        return out + "</body></html>\n"
    }
}

extension CaseStore {
    /// The roles that may produce a subject access report, once a store has users.
    public static let subjectAccessRoles = ["manager", "auditor"]

    /// Everything held about party `id` (or the party with that email address), recorded in
    /// the audit trail as a subject access request made by `actor`.
    public func subjectAccess(_ party: String, by actor: String?) throws(StoreError) -> SubjectAccessReport {
        try write { db in
            if try Int.fetchOne(db, sql: "SELECT count(*) FROM users") ?? 0 > 0 {
                let role = try String.fetchOne(db, sql: "SELECT role FROM temp.redress_viewer")
                guard let role, Self.subjectAccessRoles.contains(role) else {
                    throw StoreError(message: "--user: a subject access report is for a \(Self.subjectAccessRoles.joined(separator: " or ")) (role \(role.map { "'\($0)'" } ?? "(none)"))")
                }
            }
            // Read as the viewer may see them (`Redaction`): a withheld person is found by their
            // id, not by an address the viewer could only be guessing.
            let found = Int64(party) != nil
                ? try Row.fetchOne(db, sql: "SELECT id, name FROM parties WHERE id = ?", arguments: [Int64(party)])
                : try Row.fetchOne(db, sql: """
                    SELECT p.id, v.name FROM main.parties p JOIN parties v ON v.id = p.id
                    WHERE lower(p.email) = lower(?) AND NOT \(Redaction.withheld(.identity, "p.id")) ORDER BY p.id LIMIT 1
                    """, arguments: [party])
            guard let found else { throw StoreError(message: "party: no party '\(party)' (give its id or email address)") }
            let id: Int64 = found["id"]
            // Another person's name or id in these rows. The rows are read through the redacting
            // views, as every other read is: what is withheld from the viewer stays withheld.
            func mask(_ column: String, by idColumn: String, as name: String) -> String {
                "CASE WHEN \(idColumn) IS NULL OR \(idColumn) = \(id) THEN \(column) ELSE '[third party]' END AS \(name)"
            }
            let theirCases = "SELECT id FROM main.cases WHERE complainant_id = \(id) OR representative_id = \(id)"
            let queries: [(String, String, String)] = [
                ("About you", "parties", "SELECT * FROM parties WHERE id = \(id)"),
                ("Your complaints and other cases", "cases", """
                    SELECT c.ref, c.kind, c.status, c.stage, c.received, c.channel, c.category, c.summary, c.desired_outcome,
                           c.event_date, \(mask("p.name", by: "c.complainant_id", as: "complainant")),
                           \(mask("r.name", by: "c.representative_id", as: "representative")),
                           c.anonymous, c.confidential, c.exclusion_reason, c.exclusion_clause
                    FROM main.cases c LEFT JOIN parties p ON p.id = c.complainant_id
                    LEFT JOIN parties r ON r.id = c.representative_id
                    WHERE c.id IN (\(theirCases)) ORDER BY c.id
                    """),
                ("Stages", "stage_history", "SELECT c.ref, s.stage, s.entered, s.left, s.reason FROM main.stage_history s JOIN main.cases c ON c.id = s.case_id WHERE s.case_id IN (\(theirCases)) ORDER BY s.id"),
                ("Deadlines", "clocks", "SELECT c.ref, k.stage, k.name, k.anchor_date, k.due, k.extended_due, k.met, k.met_late FROM main.clocks k JOIN main.cases c ON c.id = k.case_id WHERE k.case_id IN (\(theirCases)) ORDER BY k.id"),
                ("Contacts", "contacts", "SELECT c.ref, t.at, t.channel, t.direction, t.staff, t.summary FROM main.contacts t JOIN main.cases c ON c.id = t.case_id WHERE t.case_id IN (\(theirCases)) ORDER BY t.id"),
                ("Decisions", "decisions", "SELECT c.ref, d.stage, d.outcome, d.findings, d.reasons, d.decided FROM decisions d JOIN main.cases c ON c.id = d.case_id WHERE d.case_id IN (\(theirCases)) ORDER BY d.id"),
                ("Actions promised", "actions", "SELECT c.ref, a.description, a.owner, a.due, a.done FROM actions a JOIN decisions d ON d.id = a.decision_id JOIN main.cases c ON c.id = d.case_id WHERE d.case_id IN (\(theirCases)) ORDER BY a.id"),
                ("Remedies offered", "remedies", "SELECT c.ref, m.offered, m.accept_by, m.accepted, m.declined, m.payment_route, m.arrears_offset_pence FROM remedies m JOIN main.cases c ON c.id = m.case_id WHERE m.case_id IN (\(theirCases)) ORDER BY m.id"),
                ("Remedy items", "remedy_items", "SELECT c.ref, i.kind, i.amount_pence, i.reason FROM remedy_items i JOIN remedies m ON m.id = i.remedy_id JOIN main.cases c ON c.id = m.case_id WHERE m.case_id IN (\(theirCases)) ORDER BY i.id"),
                ("Contact restrictions", "restrictions", "SELECT id, kind, detail, reasons, starts, review_due, lifted, challenged, challenge_outcome FROM main.restrictions WHERE party_id = \(id) ORDER BY id"),
                ("Restriction reviews", "restriction_reviews", "SELECT v.restriction_id, v.reviewed, v.outcome, v.reasons, v.reviewer FROM main.restriction_reviews v JOIN main.restrictions r ON r.id = v.restriction_id WHERE r.party_id = \(id) ORDER BY v.id"),
                ("Audit trail", "events", """
                    SELECT e.at, e.type, e.on_date, c.ref, \(mask("e.party_id", by: "e.party_id", as: "party")), e.actor, e.script, e.data
                    FROM events e LEFT JOIN main.cases c ON c.id = e.case_id
                    WHERE e.party_id = \(id) OR e.case_id IN (\(theirCases)) ORDER BY e.id
                    """),
            ]
            var sections: [SubjectAccessReport.Section] = []
            for (title, table, sql) in queries {
                let statement = try db.makeStatement(sql: sql)
                var rows: [[String?]] = []
                var numeric: [[Bool]] = []
                for row in try Row.fetchAll(statement) {
                    var texts: [String?] = []
                    var numbers: [Bool] = []
                    for index in 0..<row.count {
                        let value: DatabaseValue = row[index]
                        switch value.storage {
                        case .null: texts.append(nil); numbers.append(false)
                        case .int64(let number): texts.append(String(number)); numbers.append(true)
                        case .double(let number): texts.append(String(number)); numbers.append(true)
                        case .string(let text): texts.append(text); numbers.append(false)
                        case .blob(let data): texts.append("<\(data.count) bytes>"); numbers.append(false)
                        }
                    }
                    rows.append(texts)
                    numeric.append(numbers)
                }
                sections.append(.init(title: title, table: table, columns: statement.columnNames, rows: rows, numeric: numeric))
            }
            let now = Timestamp.nowUTC()
            try Self.audit("subject_access", [:], partyID: id, by: actor, at: now, in: db)
            return SubjectAccessReport(partyID: id, name: found["name"], generated: now, requestedBy: actor, sections: sections)
        }
    }
}
