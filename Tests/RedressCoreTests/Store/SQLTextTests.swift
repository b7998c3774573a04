import Testing
@testable import RedressCore

@Suite struct SQLTextTests {
    @Test(arguments: [
        "select name from main.parties",
        "select name from MAIN.parties",
        "select name from \"main\".parties",
        "select name from [main] . parties",
        "select name from `temp`.x",
        "select name from main /* a comment */ . parties",
        "select * from temporary.parties",
        "select data from sqlite_dbpage",
        "select data from \"SQLITE_DBPAGE\"('main')",
    ])
    func refusesWhatReadsPastTheRedaction(sql: String) {
        #expect(SQLText.refusal(sql) != nil, "\(sql)")
    }

    @Test(arguments: [
        "select name from parties",
        "select 'main.parties' as text from parties",
        "select name from parties -- not main.parties",
        "select name from parties /* main.parties */",
        "select p.name, c.ref from parties p join cases c on c.complainant_id = p.id",
        "select domain.x from (select 1 as x) domain",
        "select \"it's\" from parties",
    ])
    func letsPlainQueriesThrough(sql: String) {
        #expect(SQLText.refusal(sql) == nil, "\(sql)")
    }
}
