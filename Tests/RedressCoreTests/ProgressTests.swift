import Testing
@testable import RedressCore

@Suite struct ProgressTests {
    @Test func theBarShowsTheCountAndTheRate() {
        let progress = Progress("jobs", total: 40, shown: false)
        progress.advance(by: 10)
        #expect(progress.done == 10)
        let line = progress.line(now: Progress.now())
        #expect(line.hasPrefix("jobs [######..................] 10/40 "))
        #expect(line.hasSuffix("/s"))
        progress.advance(by: 30)
        #expect(progress.line(now: Progress.now()).hasPrefix("jobs [########################] 40/40 "))
    }
}
