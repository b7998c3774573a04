import Testing
import RedressCore
@testable import RedressLua

@Suite struct PolicyLoaderTests {
    func hosCode() throws -> (PolicyPack, LuaState) {
        let state = try TestSupport.state()
        let pack = try PolicyLoader.load(path: TestSupport.scripts + "/policies/hos-code.lua", in: state)
        return (pack, state)
    }

    @Test func theReferencePackDeclaresTheCodesTimescales() throws {
        // Complaint Handling Code 2024: 6.2, 6.3, 6.4, 6.11, 6.14, 6.15 and 2.3 (domain.md 1.6).
        let (pack, _) = try hosCode()
        #expect(pack.name == "hos-code")
        #expect(pack.region == .englandAndWales)
        #expect(pack.acceptanceWindow == Duration(12, .months))
        #expect(pack.stages.map(\.name) == ["1", "2"])
        let stage1 = try #require(pack.stage("1")), stage2 = try #require(pack.stage("2"))
        #expect(stage1.clocks == [
            ClockRule(name: "acknowledge", duration: Duration(5, .workingDays), anchor: .received, clause: "Code 6.2"),
            ClockRule(name: "respond", duration: Duration(10, .workingDays), anchor: .acknowledged,
                      extensionRule: ExtensionRule(cap: Duration(10, .workingDays), beyondCapWithAgreement: true, clause: "Code 6.4"),
                      clause: "Code 6.3"),
        ])
        #expect(stage2.clocks == [
            ClockRule(name: "acknowledge", duration: Duration(5, .workingDays), anchor: .escalated, clause: "Code 6.11"),
            ClockRule(name: "respond", duration: Duration(20, .workingDays), anchor: .acknowledged,
                      extensionRule: ExtensionRule(cap: Duration(20, .workingDays), beyondCapWithAgreement: true, clause: "Code 6.15"),
                      clause: "Code 6.14"),
        ])
        #expect(pack.acceptanceClause == "Code 2.3")
        #expect(stage2.clause == "Code 5.2, 5.3, 6.10")
        #expect(pack.hash.count == 64)
    }

    @Test(arguments: [
        ("{ received = '2026-12-22', category = 'repairs' }", "complaint" as String?, nil as String?),
        ("{ received = '2026-12-22', event_date = '2025-12-22' }", "complaint", nil),
        ("{ received = '2026-12-22', event_date = '2025-12-21' }", nil as String?, "Code 2.2(a), 2.3" as String?),
        ("{ received = '2026-12-22', event_date = '2025-01-10', aware_date = '2026-03-01' }", "complaint", nil),
        ("{ received = '2026-12-22', legal_proceedings = true }", nil as String?, "Code 2.2(b)" as String?),
        ("{ received = '2026-12-22', previously_considered = true }", nil as String?, "Code 2.2(c)" as String?),
        ("{ received = '2026-12-22', service_request = true }", "service_request", nil),
        ("{ received = '2026-12-22', service_request = true, dissatisfied = true }", "complaint", nil),
        ("{ received = '2026-12-22', service_request = true, asked_for_complaint = true }", "complaint", nil),
        ("{ received = '2026-12-22', compliment = true }", "compliment", nil),
    ])
    func triageFollowsTheCode(intake: String, kind: String?, clause: String?) throws {
        let state = try TestSupport.state()
        let result = try state.run("""
            local pack = dofile(...)
            local r = pack.triage(\(intake))
            return r.kind, r.clause, r.exclude and r.signpost ~= nil
            """, name: "=t", arguments: [.string(TestSupport.scripts + "/policies/hos-code.lua")])
        #expect(result[0] == (kind.map { LuaValue.string($0) } ?? .nil))
        #expect(result[1] == (clause.map { LuaValue.string($0) } ?? .nil))
        if clause != nil { #expect(result[2] == .boolean(true)) }
    }

    @Test func theLandlordsPacksDeclareTheirReferralsNoticesClosingsAndAcceptance() throws {
        let state = try TestSupport.state()
        // WDH (shared/seeds/002): "refer the complaint back to Stage 1"; the four grounds of 2.15;
        // "eight weeks to return the form".
        let wdh = try PolicyLoader.load(path: TestSupport.scripts + "/policies/wdh.lua", in: state)
        #expect(wdh.stage("2")?.referBack?.to == "1")
        #expect(wdh.stage("2")?.decline?.grounds.keys.sorted() == ["disproportionate", "excluded", "resolved", "unacceptable_behaviour"])
        #expect(wdh.stage("2")?.decline?.grounds["resolved"]
                == "the complaint was upheld at Stage 1 and an appropriate and proportionate resolution was offered to the customer")
        #expect(wdh.stage("1")?.referBack == nil)
        #expect(wdh.remedyAcceptance == RemedyAcceptanceRule(window: Duration(8, .weeks), late: .needsReason, clause: "Putting things right"))
        // Halton (shared/seeds/004): "within 10 working days of receipt of the request ... at
        // least 10 working days notice"; the 'fast track' to the Housing Ombudsman Service.
        let halton = try PolicyLoader.load(path: TestSupport.scripts + "/policies/halton.lua", in: state)
        let notify = try #require(halton.stage("review")?.clocks.first { $0.name == "notify" })
        #expect(notify.duration == Duration(10, .workingDays))
        #expect(notify.anchor == .escalated)
        #expect(notify.notice == Duration(10, .workingDays))
        #expect(halton.closings.map(\.name) == ["ombudsman_fast_track"])
        #expect(halton.remedyAcceptance == RemedyAcceptanceRule())
        // Acceptance windows. WDH: "Complaints made six months after a problem occurred or the
        // customer became aware of it", unless the HOS instructs WDH to enter it. Halton: time-
        // barred after 12 months "where no contact has been made with the Trust". The Code 2.3:
        // "within 12 months of the issue occurring or the resident becoming aware of the issue".
        let wdhWindow = try #require(wdh.acceptance)
        #expect(wdhWindow.window == Duration(6, .months))
        #expect(wdhWindow.from == ["event_date", "aware_date"])
        #expect(wdhWindow.onTheDay == .excluded)
        #expect(wdhWindow.exceptions.map(\.fact) == ["ombudsman_instruction"])
        #expect(wdhWindow.clause == "Exclusions")
        let haltonWindow = try #require(halton.acceptance)
        #expect(haltonWindow.window == Duration(12, .months))
        #expect(haltonWindow.onTheDay == .accepted)
        #expect(haltonWindow.exceptions.map(\.fact) == ["contacted_before"])
        let code = try #require(try PolicyLoader.load(path: TestSupport.scripts + "/policies/hos-code.lua", in: state).acceptance)
        #expect(code.window == Duration(12, .months))
        #expect(code.from == ["event_date", "aware_date"])
        #expect(code.onTheDay == .accepted)
        #expect(code.exceptions.isEmpty)
        #expect(code.signpost?.contains("Housing Ombudsman") == true)
        let winchester = try PolicyLoader.load(path: TestSupport.scripts + "/policies/winchester.lua", in: state)
        #expect(winchester.acceptance == nil)  // "The policy sets no time limit for raising a complaint"
    }

    @Test func wdhAllowsFiveWorkingDaysToLogAStageOneComplaintAndSetsNoTimeForStageTwo() throws {
        // seeds/002, Customer Relations team: "On receiving a Stage 1 complaint form, they will log
        // and acknowledge the complaint and allocate it to an appropriate officer, within five
        // working days." Nothing says when a stage 2 complaint is logged.
        let wdh = try PolicyLoader.load(path: TestSupport.scripts + "/policies/wdh.lua", in: TestSupport.state())
        #expect(wdh.stage("1")?.anchorLimits == [AnchorLimit(anchor: .logged, duration: Duration(5, .workingDays), from: .received,
                                                             clause: "Customer Relations team")])
        #expect(wdh.stage("2")?.anchorLimits == [])
        #expect(wdh.stage("2")?.awaitingClocks().map(\.name) == ["respond"])
        // The other landlords' waits are all for an event a clock of the stage owes (an
        // acknowledgement, a decision), or for one their policy sets no time for: none declares a limit.
        for name in ["halton", "hos-code", "southern-charity", "willow-tree", "winchester"] {
            let pack = try PolicyLoader.load(path: TestSupport.scripts + "/policies/\(name).lua", in: TestSupport.state())
            #expect((pack.stages + pack.tracks).allSatisfy { $0.anchorLimits.isEmpty }, "\(name)")
        }
    }

    @Test func aTrackMayLimitTheWaitForAnEventItsClocksRunFrom() throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("pack.lua", """
            return { name = 'x', stages = { { name = '1' } }, kinds = { service_request = {
              clocks = { fix = { working_days = 10, from = 'logged' } },
              anchors = { logged = { working_days = 2, from = 'received', clause = 'Service standards' } } } } }
            """)
        let pack = try PolicyLoader.load(path: path, in: TestSupport.state())
        #expect(pack.stage("service_request")?.anchorLimits == [AnchorLimit(anchor: .logged, duration: Duration(2, .workingDays),
                                                                            from: .received, clause: "Service standards")])
    }

    @Test(arguments: [
        ("return 42", "pack: expected a table (the pack must `return { name = ..., stages = {...} }`), got 42"),
        ("return { stages = {} }", "name: expected text, got nothing"),
        ("return { name = 'x', stagse = {} }", "stagse: unknown key (expected one of: acceptance, calendar, closings, confidentiality, jobs, kinds, name, remedy, remedy_acceptance, restrictions, retention, scenarios, stages, title, triage)"),
        ("return { name = 'x' }", "stages: expected an array of stages, got nothing"),
        ("return { name = 'x', stages = {} }", "stages: a pack needs at least one stage"),
        ("return { name = 'x', calendar = { region = 'wales' }, stages = { { name = '1' } } }",
         "calendar.region: unknown region 'wales' (expected one of: england-and-wales, scotland, northern-ireland)"),
        ("return { name = 'x', calendar = { closures = { '2026-12-32' } }, stages = { { name = '1' } } }",
         "calendar.closures[1]: invalid date '2026-12-32': December 2026 has 31 days"),
        ("return { name = 'x', stages = { { name = '1', clocks = { ack = { working_days = 5, days = 2, from = 'received' } } } } }",
         "stages[1].clocks.ack: give exactly one of working_days, days, weeks, months (got working_days and days)"),
        ("return { name = 'x', stages = { { name = '1', clocks = { ack = { working_days = -1, from = 'received' } } } } }",
         "stages[1].clocks.ack.working_days: expected a whole number of 0 or more, got -1"),
        ("return { name = 'x', stages = { { name = '1', clocks = { ack = { working_days = 5, from = 'recieved' } } } } }",
         "stages[1].clocks.ack.from: unknown anchor 'recieved' (expected one of: received, logged, acknowledged, escalated, decision_sent, referred)"),
        ("return { name = 'x', stages = { { name = '1', clocks = { allocate = { working_days = 5, from = 'received', met_by = 'assign' } } } } }",
         "stages[1].clocks.allocate.met_by: expected \"assignment\" (c:assign meets the clock), got 'assign'"),
        ("return { name = 'x', stages = { { name = '1', clocks = { ack = { working_days = 5, from = 'received', extension = { days = 5, beyond = 'yes' } } } } } }",
         "stages[1].clocks.ack.extension.beyond: expected 'customer_agreement' (or leave it out: no extension past the cap), got 'yes'"),
        ("return { name = 'x', triage = 'no', stages = { { name = '1' } } }", "triage: expected a function, got 'no'"),
        ("return { name = 'x', stages = { { name = '1', clocks = { ack = { working_days = 5, from = 'received', clause = 6.2 } } } } }",
         "stages[1].clocks.ack.clause: expected text, got 6.2"),
        ("return { name = 'x', stages = { { name = '1' } }, kinds = { grumble = {} } }",
         "kinds.grumble: unknown kind (expected one of: service_request, enquiry, compliment)"),
        ("return { name = 'x', stages = { { name = '1' } }, kinds = { compliment = { clocks = { relay = { working_days = 3, from = 'recieved' } } } } }",
         "kinds.compliment.clocks.relay.from: unknown anchor 'recieved' (expected one of: received, logged, acknowledged, escalated, decision_sent, referred)"),
        ("return { name = 'x', stages = { { name = '1' } }, kinds = { compliment = { stages = {} } } }",
         "kinds.compliment.stages: unknown key (expected one of: anchors, clause, clocks)"),
        ("return { name = 'x', stages = { { name = 'enquiry' } }, kinds = { enquiry = {} } }",
         "kinds.enquiry: a stage has the same name as this kind's track"),
        ("return { name = 'x', stages = { { name = '1', clocks = { w = { days = 14, from = 'decision_sent', late = 'closed' } } } } }",
         "stages[1].clocks.w.late: expected 'refused' or 'needs_reason' (or leave it out: a late event is recorded as late), got 'closed'"),
        ("return { name = 'x', stages = { { name = '1', clocks = { r = { days = 14, from = 'received', extension = { unlimited = 'yes' } } } } } }",
         "stages[1].clocks.r.extension.unlimited: expected true (or leave it out and give a cap), got 'yes'"),
        ("return { name = 'x', stages = { { name = '1', clocks = { r = { days = 14, from = 'received', extension = { unlimited = true, days = 3 } } } } } }",
         "stages[1].clocks.r.extension.days: unknown key (expected one of: clause, unlimited)"),
        ("return { name = 'x', stages = { { name = '1' } }, restrictions = { kinds = {} } }",
         "restrictions.kinds: declare at least one kind of restriction"),
        ("return { name = 'x', stages = { { name = '1' } }, restrictions = { kinds = { warning = {} } } }",
         "restrictions.kinds.warning: a kind's name is text other than 'warning' (a warning is not a restriction)"),
        ("return { name = 'x', stages = { { name = '1' } }, restrictions = { kinds = { one = { details = 'x' } } } }",
         "restrictions.kinds.one.details: unknown key (expected one of: clause, detail, says)"),
        ("return { name = 'x', stages = { { name = '1' } }, restrictions = { kinds = { one = {} }, review = { months = 12, decide = 'lift' } } }",
         "restrictions.review.decide: expected a function, got 'lift'"),
        ("return { name = 'x', stages = { { name = '1' } }, restrictions = { kinds = { one = {} }, challenge = { times = 1, role = 'boss' } } }",
         "restrictions.challenge.role: unknown role 'boss' (expected one of: complaints_officer, investigating_officer, resolution_team, manager, head_of_customer_feedback, analyst, auditor)"),
        ("return { name = 'x', stages = { { name = '1' } }, restrictions = { kinds = { one = {} }, challenge = { times = 'once' } } }",
         "restrictions.challenge.times: expected a whole number, got 'once'"),
        ("return { name = 'x', stages = { { name = '1' } }, restrictions = { kinds = { one = {} }, flag = true } }",
         "restrictions.flag: expected a function, got true"),
        ("return { name = 'x', stages = { { name = '1' }, { name = '2', refer_back = { to = '3' } }, { name = '3' } } }",
         "stages[2].refer_back.to: '3' is not a stage before stage 2 (a complaint is referred back to an earlier stage)"),
        ("return { name = 'x', stages = { { name = '1' }, { name = '2', refer_back = { stage = '1' } } } }",
         "stages[2].refer_back.stage: unknown key (expected one of: clause, to)"),
        ("return { name = 'x', stages = { { name = '1' }, { name = '2', refer_back = '1' } } }",
         "stages[2].refer_back: expected a table { to = stage, clause = }, got '1'"),
        ("return { name = 'x', stages = { { name = '1' }, { name = '2', decline = { grounds = {} } } } }",
         "stages[2].decline.grounds: give at least one ground"),
        ("return { name = 'x', stages = { { name = '1' }, { name = '2', decline = { grounds = { vexatious = true } } } } }",
         "stages[2].decline.grounds.vexatious: expected text, got true"),
        ("return { name = 'x', stages = { { name = '1', decline = { grounds = { vexatious = 'vexatious' } } } } }",
         "stages[1].decline: the first stage is not entered by a request to escalate, so none can be declined"),
        ("return { name = 'x', stages = { { name = 'review', clocks = { notify = { working_days = 10, from = 'escalated', notice = { working_days = 10, clause = 'x' } } } } } }",
         "stages[1].clocks.notify.notice.clause: unknown key (expected one of: days, months, weeks, working_days)"),
        ("return { name = 'x', stages = { { name = 'review', clocks = { notify = { working_days = 10, from = 'escalated', notice = 10 } } } } }",
         "stages[1].clocks.notify.notice: expected a table, got 10"),
        ("return { name = 'x', stages = { { name = '1' } }, closings = { fast_track = { clase = 'x' } } }",
         "closings.fast_track.clase: unknown key (expected one of: clause, text)"),
        ("return { name = 'x', stages = { { name = '1' } }, remedy_acceptance = { weeks = 8, late = 'lapsed' } }",
         "remedy_acceptance.late: expected 'refused' or 'needs_reason' (or leave it out: a late acceptance is recorded as late), got 'lapsed'"),
        ("return { name = 'x', stages = { { name = '1' } }, remedy_acceptance = { weeks = 8, days = 2 } }",
         "remedy_acceptance: give exactly one of working_days, days, weeks, months (got days and weeks)"),
        ("return { name = 'x', stages = { { name = '1', clocks = { respond = { working_days = 10, from = 'logged' } }, anchors = 5 } } }",
         "stages[1].anchors: expected a table { logged = { working_days = 5, from = \"received\" } }, got 5"),
        ("return { name = 'x', stages = { { name = '1', clocks = { respond = { working_days = 10, from = 'logged' } }, anchors = { loged = { working_days = 5, from = 'received' } } } } }",
         "stages[1].anchors.loged: unknown event (expected one of: logged, acknowledged, decision_sent)"),
        ("return { name = 'x', stages = { { name = '1', clocks = { respond = { working_days = 10, from = 'logged' } }, anchors = { received = { working_days = 5, from = 'received' } } } } }",
         "stages[1].anchors.received: received starts the stage, so no clock waits for it (expected one of: logged, acknowledged, decision_sent)"),
        ("return { name = 'x', stages = { { name = '1', clocks = { respond = { working_days = 10, from = 'logged' } }, anchors = { acknowledged = { working_days = 5, from = 'received' } } } } }",
         "stages[1].anchors.acknowledged: no clock here runs from acknowledged, so nothing waits for it"),
        ("return { name = 'x', stages = { { name = '1', clocks = { acknowledge = { working_days = 5, from = 'received' }, respond = { working_days = 10, from = 'acknowledged' } }, anchors = { acknowledged = { working_days = 5, from = 'received' } } } } }",
         "stages[1].anchors.acknowledged: acknowledged meets the acknowledge clock, which already says when it is owed"),
        ("return { name = 'x', stages = { { name = '1', clocks = { respond = { working_days = 10, from = 'logged' } }, anchors = { logged = { working_days = 5 } } } } }",
         "stages[1].anchors.logged.from: expected text, got nothing"),
        ("return { name = 'x', stages = { { name = '1', clocks = { respond = { working_days = 10, from = 'logged' } }, anchors = { logged = { working_days = 5, from = 'acknowledged' } } } } }",
         "stages[1].anchors.logged.from: expected the event that starts the stage (one of: received, escalated, referred), got 'acknowledged'"),
        ("return { name = 'x', stages = { { name = '1', clocks = { respond = { working_days = 10, from = 'logged' } }, anchors = { logged = { from = 'received' } } } } }",
         "stages[1].anchors.logged: give exactly one of working_days, days, weeks, months (got none)"),
        ("return { name = 'x', stages = { { name = '1', clocks = { respond = { working_days = 10, from = 'logged' } }, anchors = { logged = { working_days = 5, from = 'received', claus = 'x' } } } } }",
         "stages[1].anchors.logged.claus: unknown key (expected one of: clause, days, from, months, weeks, working_days)"),
        ("return { name = 'x', stages = { { name = '1', clocks = { respond = { working_days = 10, from = 'logged' } }, anchors = { logged = { working_days = 9999, from = 'received' } } } } }",
         "stages[1].anchors.logged.working_days: expected at most 2600 working days (about ten years), got 9999"),
        ("return { name = 'x', stages = { { name = '1' } }, acceptance = { months = 6, form = 'event_date' } }",
         "acceptance.form: unknown key (expected one of: clause, days, exceptions, from, months, on_the_day, signpost, weeks, working_days)"),
        ("return { name = 'x', stages = { { name = '1' } }, acceptance = { months = 6, from = 'noticed_on' } }",
         "acceptance.from: unknown date fact 'noticed_on' (expected one of: event_date, aware_date)"),
        ("return { name = 'x', stages = { { name = '1' } }, acceptance = { months = 6, from = { 'aware_date', 'aware_date' } } }",
         "acceptance.from[2]: 'aware_date' is named twice"),
        ("return { name = 'x', stages = { { name = '1' } }, acceptance = { months = 6, from = { 'event_date', 'received' } } }",
         "acceptance.from[2]: unknown date fact 'received' (expected one of: event_date, aware_date)"),
        ("return { name = 'x', stages = { { name = '1' } }, acceptance = { months = 6, on_the_day = 'out' } }",
         "acceptance.on_the_day: expected one of: accepted, excluded (what a complaint made on the day the window's count reaches is), got 'out'"),
        ("return { name = 'x', stages = { { name = '1' } }, acceptance = { months = 6, exceptions = { ombudsman_instruction = { clase = 'x' } } } }",
         "acceptance.exceptions.ombudsman_instruction.clase: unknown key (expected one of: clause, text)"),
        ("return { name = 'x', stages = { { name = '1' } }, acceptance = { months = 6, exceptions = { ombudsman_instruction = true } } }",
         "acceptance.exceptions.ombudsman_instruction: expected a table { text =, clause = }, got true"),
        ("return { name = 'x', stages = { { name = '1' } }, acceptance = { months = 6, exceptions = { channel = {} } } }",
         "acceptance.exceptions.channel: 'channel' cannot be an exception (every intake gives it, or the window runs from it); name the fact that lets a complaint in"),
        ("return { name = 'x', stages = { { name = '1' } }, acceptance = { months = 121 } }",
         "acceptance.months: expected at most 120 months (about ten years), got 121"),
    ])
    func badPacksAreRefusedNamingTheField(source: String, message: String) throws {
        let folder = try TemporaryFolder()
        let path = try folder.write("pack.lua", source)
        do {
            _ = try PolicyLoader.load(path: path, in: TestSupport.state())
            Issue.record("accepted: \(source)")
        } catch let error as PolicyError {
            #expect(error.description == "\(path): \(message)")
        }
    }
}
