import Testing
import RedressCore
@testable import RedressLua

/// The Scripts/ modules a pack is bound with: found by their literal names in its text.
@Suite struct PackLibrariesTests {
    @Test func requireIsFoundInEachOfItsForms() {
        let text = """
            local a = require "lib.a"
            local b = require('lib.b')
            local c = require ( "policies.hos-code" ).x
            -- these are not: required, myrequire "x", require(name), require ""
            local d = myrequire "lib.no"
            local e = require(name)
            local f = require ""
            """
        #expect(PolicyLoader.requiredNames(in: Array(text.utf8)) == ["lib.a", "lib.b", "policies.hos-code"])
    }

    @Test func aPackIsBoundWithWhatItRequiresInTurn() throws {
        // willow-tree requires hos-code, which requires lib.ombudsman.
        let state = try TestSupport.state()
        let pack = try PolicyLoader.load(path: TestSupport.scripts + "/policies/willow-tree.lua", in: state)
        #expect(Set(pack.libraries.keys) == ["policies.hos-code", "lib.ombudsman"])
        let hosCode = try TextFile.read(TestSupport.scripts + "/policies/hos-code.lua")
        #expect(pack.libraries["policies.hos-code"] == SHA256.hex(hosCode))
    }
}
