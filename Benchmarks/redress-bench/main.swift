// Redress's benchmarks: programs the project keeps, run on a release build by `make bench`,
// beside the comparators in ../shared/bench (absolute times drift on these machines, ratios don't).
//
//   redress-bench calendar [PAIRS]   add_working_days over (date, n) pairs, dates 2000–2030
import RedressCore

#if canImport(Glibc)
import Glibc
#endif

/// Monotonic time in seconds.
func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// SplitMix64: a small seeded generator, so every run times the same pairs.
struct SplitMix64 {
    var state: UInt64
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Times `body` `rounds` times and returns the fastest and the median, in seconds.
func measure(rounds: Int, _ body: () throws -> Void) rethrows -> (best: Double, median: Double) {
    var times: [Double] = []
    for _ in 0..<rounds {
        let start = now()
        try body()
        times.append(now() - start)
    }
    times.sort()
    return (times[0], times[times.count / 2])
}

func calendarBenchmark(pairs count: Int) throws {
    let installation = try Installation.locate()
    let data = try HolidayData.load(files: [installation.bankHolidayChanges])
    let buildTime = try measure(rounds: 5) { _ = try data.calendar(.englandAndWales) }
    let calendar = try data.calendar(.englandAndWales)

    var random = SplitMix64(state: 1)
    let base = try LocalDate(iso: "2000-01-01")
    let dates = (0..<count).map { _ in base.adding(days: Int(random.next() % UInt64(365 * 31))) }
    let signed = (0..<count).map { _ in Int(random.next() % 81) - 40 }     // the issue's -40..40
    let forward = (0..<count).map { _ in Int(random.next() % 41) }         // numpy_baseline.py's 0..40

    for (label, offsets) in [("n in -40..40", signed), ("n in 0..40 (as numpy_baseline.py)", forward)] {
        var checksum = 0
        let time = try measure(rounds: 7) {
            checksum = 0
            for index in 0..<count {
                checksum &+= try calendar.addWorkingDays(dates[index], offsets[index]).dayNumber
            }
        }
        let perPair = time.median / Double(count) * 1e9
        print("redress add_working_days, \(count) pairs, \(label): median \(format(time.median * 1000)) ms "
              + "(\(format(perPair)) ns/pair; best \(format(time.best / Double(count) * 1e9)) ns) [checksum \(checksum)]")
    }
    print("redress calendar build (england-and-wales, 1995–2100 index): median \(format(buildTime.median * 1e6)) µs")
}

func format(_ value: Double) -> String {
    let scaled = Int((value * 10).rounded())
    return "\(scaled / 10).\(abs(scaled % 10))"
}

let arguments = CommandLine.arguments.dropFirst()
do {
    switch arguments.first {
    case "calendar":
        try calendarBenchmark(pairs: arguments.dropFirst().first.flatMap { Int($0) } ?? 1_000_000)
    default:
        Console.error("usage: redress-bench calendar [PAIRS]")
        exit(2)
    }
} catch {
    Console.error("redress-bench: \(error)")
    exit(1)
}
