// Redress's benchmarks: programs the project keeps, run on a release build by `make bench`,
// beside the comparators in ../shared/bench (absolute times drift on these machines, ratios don't).
//
//   redress-bench calendar [PAIRS]           add_working_days over (date, n) pairs, dates 2000–2030
//   redress-bench lua-calls [PAIRS]          the same pairs from Lua: Swift function vs pure Lua vs Swift
//   redress-bench startup [RUNS] [BINARY]    wall time of `redress -e ''` and `redress calendar add`
//   redress-bench boundary [ROUNDS]          failing calls through the Swift–Lua boundary (for valgrind)
//   redress-bench intake CSV [FOLDER]        import an intake CSV through hos-code, phase by phase; overdue query; raw SQLite
import CLua
import RedressCalendar
import RedressCore
import RedressLua

#if canImport(Glibc)
import Glibc
#endif

/// Monotonic time in seconds.
func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

/// A benchmark that could not run or got a wrong answer.
struct BenchmarkFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Times `body` `rounds` times and returns the fastest and the median, in seconds. `prepare`
/// runs before each round, untimed.
func measure(rounds: Int, prepare: () throws -> Void = {}, _ body: () throws -> Void) rethrows
    -> (best: Double, median: Double) {
    var times: [Double] = []
    for _ in 0..<rounds {
        try prepare()
        let start = now()
        try body()
        times.append(now() - start)
    }
    times.sort()
    return (times[0], times[times.count / 2])
}

/// The value at percentile `p` (0–100) of sorted `values`, by nearest rank.
func percentile(_ p: Double, of values: [Double]) -> Double {
    let rank = Int((p / 100 * Double(values.count)).rounded(.up))
    return values[max(rank, 1) - 1]
}

// MARK: calendar

func calendarBenchmark(pairs count: Int) throws {
    let installation = try Installation.locate()
    let data = try HolidayData.load(files: [installation.bankHolidayChanges])
    let buildTime = try measure(rounds: 5) { _ = try data.calendar(.englandAndWales) }
    let calendar = try data.calendar(.englandAndWales)

    var random = SplitMix64(seed: 1)
    let base = try LocalDate(iso: "2000-01-01")
    let dates = try (0..<count).map { _ throws(DateRangeError) in try base.adding(days: Int(random.next() % UInt64(365 * 31))) }
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

// MARK: lua-calls

/// Sets up the `lua-calls` loops in a state. Arguments: the pairs' dates (days after 2000-01-01)
/// and counts. Defines the global `bench` with
/// - `swift()`: `calendar:add_working_days(d, n)` over date values made beforehand (a Swift function);
/// - `lua()`: the same through a pure-Lua calendar (the same method-call shape) over the same
///   working-day index, built here from `calendar:is_working_day`, returning a fresh small table
///   with a metatable as the Swift function returns a fresh date userdata;
/// - `loop()`: the loop alone, reading both arrays (what both loops above also pay);
/// - `check()`: both answers for every pair, raising at the first that differs; returns the sum
///   of the answers' day offsets from 1999-01-01, for Swift to check its own answers against.
let luaCallsSetup = #"""
local offsets, counts = ...
local cal, setmetatable = calendar, setmetatable

-- The index starts in 1999: from early January 2000, n = -40 counts back into November 1999.
local origin, first = date(1999, 1, 1), date(2000, 1, 1)
local span = date(2032, 1, 1) - origin
-- rank[i]: working days before origin + i; workdays[k]: the offset of the k-th working day.
local rank, workdays = {}, {}
local worked = 0
for i = 0, span - 1 do
  rank[i] = worked
  if cal:is_working_day(origin + i) then
    workdays[worked] = i
    worked = worked + 1
  end
end
rank[span] = worked

-- A pure-Lua date: a table holding the offset from origin.
local Day = { __name = "bench day" }
local function day(offset) return setmetatable({ offset = offset }, Day) end

-- The calendar's convention: roll forward for n >= 0, backward for n < 0, then count n.
local methods = {}
function methods.add_working_days(_, d, n)
  local offset = d.offset
  local position = offset < span and rank[offset]
  if not position then error("date outside the index", 2) end
  if n < 0 and rank[offset + 1] == position then
    position = position - 1
  end
  local result = workdays[position + n]
  if not result then error("result outside the index", 2) end
  return day(result)
end
local lua_calendar = setmetatable({}, { __index = methods })

local dates, days, count, skip = {}, {}, #counts, first - origin
for i = 1, count do
  dates[i] = first + offsets[i]
  days[i] = day(skip + offsets[i])
end

bench = {}
function bench.swift()
  local r
  for i = 1, count do r = cal:add_working_days(dates[i], counts[i]) end
  return r
end
function bench.lua()
  local r
  for i = 1, count do r = lua_calendar:add_working_days(days[i], counts[i]) end
  return r
end
function bench.loop()
  for i = 1, count do local d, n = days[i], counts[i] end
end
function bench.check()
  local sum = 0
  for i = 1, count do
    local swift = cal:add_working_days(dates[i], counts[i]) - origin
    local lua = lua_calendar:add_working_days(days[i], counts[i]).offset
    if swift ~= lua then
      error(("pair %d (%s, %d): calendar:add_working_days gives %s, pure Lua gives %s")
        :format(i, tostring(dates[i]), counts[i], tostring(origin + swift), tostring(origin + lua)))
    end
    sum = sum + lua
  end
  return sum
end
"""#

/// Lua calling Swift's `calendar:add_working_days` against Lua calling the same work written in
/// Lua, and Swift calling the calendar directly, over the same pairs. Budget: (a) ≤ 3 × (b).
func luaCallsBenchmark(pairs count: Int) throws {
    let installation = try Installation.locate()
    var options = LuaState.Options()
    options.scripts = installation.scripts
    options.holidayFiles = [installation.bankHolidayChanges]
    options.maxInstructions = 0   // no budget (the hook still looks for Ctrl-C every 1000 instructions)
    let state = try LuaState(options: options)

    // The pairs of `calendar` (same seed): dates 2000–2030, n in -40..40.
    var random = SplitMix64(seed: 1)
    let offsets = (0..<count).map { _ in Int(random.next() % UInt64(365 * 31)) }
    let counts = (0..<count).map { _ in Int(random.next() % 81) - 40 }
    try state.run(luaCallsSetup, name: "=lua-calls", arguments: [
        .array(offsets.map { .integer(Int64($0)) }), .array(counts.map { .integer(Int64($0)) }),
    ])

    // (c) Swift, and the check that all three agree.
    let calendar = try HolidayData.load(files: [installation.bankHolidayChanges]).calendar(.englandAndWales)
    let first = try LocalDate(iso: "2000-01-01"), origin = try LocalDate(iso: "1999-01-01")
    let dates = try offsets.map { offset throws(DateRangeError) in try first.adding(days: offset) }
    var swiftSum = 0
    let swiftTime = try measure(rounds: 5) {
        swiftSum = 0
        for index in 0..<count {
            swiftSum &+= try calendar.addWorkingDays(dates[index], counts[index]).dayNumber - origin.dayNumber
        }
    }
    let luaSum = try state.run("return bench.check()", name: "=lua-calls")
    guard luaSum == [.integer(Int64(swiftSum))] else {
        throw BenchmarkFailure("lua-calls: Lua's answers sum to \(luaSum) days after \(origin), Swift's to \(swiftSum)")
    }

    /// Median ns per pair of `bench.<loop>()`, timed from Swift around `state.run`, each round
    /// after a full collection.
    func timeLua(_ loop: String) throws -> Double {
        let time = try measure(rounds: 5, prepare: { try state.run("collectgarbage()", name: "=lua-calls") }) {
            try state.run("bench.\(loop)()", name: "=lua-calls")
        }
        return time.median / Double(count) * 1e9
    }
    let swiftFunction = try timeLua("swift")
    let pureLua = try timeLua("lua")
    let loop = try timeLua("loop")
    let direct = swiftTime.median / Double(count) * 1e9
    let ratio = swiftFunction / pureLua

    print("lua-calls: \(count) (date, n) pairs, dates 2000–2030, n in -40..40, england-and-wales; "
          + "answers agree (a = b pair by pair, c by checksum); median of 5, timed from Swift around state.run")
    print("(a) Lua -> calendar:add_working_days (Swift, date userdata in and out): \(format(swiftFunction)) ns/call")
    print("(b) Lua -> pure-Lua add_working_days (Lua index, table in and out): \(format(pureLua)) ns/call")
    print("(c) Swift -> WorkingDayCalendar.addWorkingDays: \(format(direct)) ns/call")
    print("    (the Lua loop alone, reading both arrays, in (a) and (b): \(format(loop)) ns/pair)")
    print("ratio (a)/(b) = \(format(ratio)) (budget: <= 3): \(ratio <= 3 ? "within budget" : "OVER BUDGET")")
}

// MARK: startup

/// Runs `binary arguments...` to completion with its stdout discarded; returns the wall time in
/// seconds from `posix_spawn` to `waitpid`. Fails unless the program exits with 0.
func spawnAndWait(_ binary: String, _ arguments: [String]) throws -> Double {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    let argv = ([binary] + arguments).map { strdup($0) } + [nil]
    defer { argv.forEach { free($0) } }

    var pid = pid_t()
    let start = now()
    let spawned = posix_spawn(&pid, binary, &actions, nil, argv, environ)
    guard spawned == 0 else {
        throw BenchmarkFailure("cannot start \(binary): \(String(cString: strerror(spawned)))")
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
        guard errno == EINTR else { throw BenchmarkFailure("waitpid: \(String(cString: strerror(errno)))") }
    }
    let elapsed = now() - start
    guard status == 0 else {
        throw BenchmarkFailure("`\(([binary] + arguments).joined(separator: " "))` failed (wait status \(status))")
    }
    return elapsed
}

/// Start-up cost as a user sees it: `runs` runs of each command after one untimed warm-up run.
/// Budget: `redress -e ''` median under 15 ms.
func startupBenchmark(runs: Int, binary: String) throws {
    for (arguments, budget) in [(["-e", ""], 15.0), (["calendar", "add", "2026-12-22", "5"], nil)] {
        _ = try spawnAndWait(binary, arguments)
        let times = try (0..<runs).map { _ in try spawnAndWait(binary, arguments) * 1000 }.sorted()
        let median = percentile(50, of: times), p90 = percentile(90, of: times)
        let shown = arguments.map { $0.isEmpty ? "''" : $0 }.joined(separator: " ")
        var line = "startup: redress \(shown), \(runs) runs (posix_spawn to waitpid): "
            + "median \(format(median)) ms, p90 \(format(p90)) ms"
        if let budget {
            line += " (budget: median < \(format(budget)) ms): \(median < budget ? "within budget" : "OVER BUDGET")"
        }
        print(line)
    }
}

/// The `redress` built beside this program.
func siblingRedress() throws -> String {
    guard let executable = Installation.executablePath(), let slash = executable.lastIndex(of: "/") else {
        throw BenchmarkFailure("cannot find redress-bench's own path; pass the redress binary")
    }
    return String(executable[..<slash]) + "/redress"
}

// MARK: boundary

/// Defines `boundary(rounds)`: each round makes three failing calls into Swift, each caught by
/// `pcall` (the first two of `failing`, then the others in turn), and succeeding ones whose
/// answers it checks; `boundary_messages()` returns every failing call's message.
let boundarySetup = #"""
local cal, date, pcall, tostring, unpack = calendar, date, pcall, tostring, table.unpack
local christmas = date("2026-12-22")

-- Failing calls: every kind of fault a Swift function records (bad argument type, bad value,
-- out of range, plain error) and a Swift function reached from the sandbox's dofile.
-- (Called as pcall(f, ...), so Lua names the function '?' and counts self as argument 1.)
local failing = {
  { cal.add_working_days, cal, "2026-12-22", "x" },   -- integer expected, got string
  { date, "2026-02-30" },                             -- invalid date text
  { date, 2026, 13, 1 },                              -- invalid date parts (plain error)
  { cal.add_working_days, cal, "1990-01-01", 1 },     -- before the calendar's range
  { cal.add_working_days, cal, "2100-12-30", 5 },     -- result after the calendar's range
  { cal.is_working_day, cal, {} },                    -- date expected, got table
  { cal.holidays, cal, 1800 },                        -- year out of range
  { calendar.region, "mars" },                        -- unknown region
  { dofile, "/etc/hostname" },                        -- outside the script folders
}

function boundary(rounds)
  for round = 1, rounds do
    local third = 3 + round % (#failing - 2)
    if pcall(unpack(failing[1])) or pcall(unpack(failing[2])) or pcall(unpack(failing[third])) then
      error(("round %d: a failing call succeeded"):format(round))
    end
    -- Succeeding calls into Swift, eight: add_working_days, __concat, __sub, __lt, __index,
    -- __add, next_working_day, __tostring (and holidays, pushing a table of tables, every 100th).
    local due = cal:add_working_days(christmas, 5)
    local text = "due " .. due
    if text ~= "due 2026-12-31" or due - christmas ~= 9 or not (christmas < due) or due.year ~= 2026
        or tostring(cal:next_working_day(christmas + 2)) ~= "2026-12-29" then
      error(("round %d: wrong answer %s"):format(round, text))
    end
    if round % 100 == 0 and #cal:holidays(2026) ~= 8 then
      error(("round %d: wrong holidays"):format(round))
    end
  end
end

function boundary_messages()
  local messages = {}
  for i = 1, #failing do
    messages[i] = select(2, pcall(unpack(failing[i])))
  end
  return messages
end
"""#

/// Runs `code` and fails unless it raises a Lua error of `kind`.
func expectFailure(_ state: LuaState, _ code: String, _ kind: LuaError.Kind) throws {
    do {
        try state.run(code, name: "=boundary")
    } catch {
        guard error.kind == kind else { throw BenchmarkFailure("`\(code)`: expected \(kind), got \(error)") }
        return
    }
    throw BenchmarkFailure("`\(code)` did not fail")
}

/// A stress program for valgrind and AddressSanitizer: `rounds` rounds of failing and
/// succeeding Lua → Swift calls inside `pcall`, in batches run from Swift, between which Swift
/// → Lua calls fail (runtime error, syntax error, instruction and memory limits on a second
/// state). The Lua stack must end where it began and Lua's memory must return after a collection.
func boundaryStress(rounds: Int) throws {
    let installation = try Installation.locate()
    var options = LuaState.Options()
    options.scripts = installation.scripts
    options.holidayFiles = [installation.bankHolidayChanges]
    let state = try LuaState(options: options)
    options.maxInstructions = 100_000
    options.maxMemoryMB = 4
    let limited = try LuaState(options: options)

    let top = lua_gettop(state.L), limitedTop = lua_gettop(limited.L)
    try state.run(boundarySetup, name: "=boundary")
    let messages = try state.run("return boundary_messages()", name: "=boundary")
    guard case .array(let list) = messages.first else {
        throw BenchmarkFailure("boundary_messages() returned \(messages)")
    }
    print("boundary: each round makes 3 failing calls into Swift inside pcall (the first two, then "
          + "one of the others in turn) and 8 succeeding (9 every 100th); the failures:")
    for message in list { print("  \(message)") }

    try state.run("collectgarbage()", name: "=boundary")
    let before = state.memoryUsed.current
    var done = 0
    while done < rounds {
        let batch = min(10_000, rounds - done)
        try state.run("boundary(...)", name: "=boundary", arguments: [.integer(Int64(batch))])
        try expectFailure(state, "error('expected')", .runtime)
        try expectFailure(state, "return = 1", .syntax)
        guard try state.global("calendar") == .opaque("calendar") else {
            throw BenchmarkFailure("the calendar global has gone")
        }
        try expectFailure(limited, "while true do pcall(function() while true do end end) end", .instructionLimit)
        try expectFailure(limited, "local t = {} for i = 1, 64 do t[i] = ('x'):rep(1 << 20) end", .memoryLimit)
        done += batch
    }
    let after = state.memoryUsed.current
    try state.run("collectgarbage()", name: "=boundary")
    let collected = state.memoryUsed.current

    print("boundary: \(rounds) rounds, \(rounds * 3) failing calls; Lua memory in use: "
          + "\(before) bytes before, \(after) after the loop, \(collected) after collectgarbage() "
          + "(\(collected - before >= 0 ? "+" : "")\(collected - before) bytes); peak \(state.memoryUsed.peak)")
    guard lua_gettop(state.L) == top, lua_gettop(limited.L) == limitedTop else {
        throw BenchmarkFailure("Lua stack not balanced: top \(lua_gettop(state.L)) (was \(top)), "
                               + "limited state \(lua_gettop(limited.L)) (was \(limitedTop))")
    }
    print("boundary: Lua stack balanced (top \(top) before and after)")
}

func format(_ value: Double) -> String {
    let scaled = Int((value * 10).rounded())
    return "\(scaled / 10).\(abs(scaled % 10))"
}

let arguments = CommandLine.arguments.dropFirst()
/// The number after the subcommand, or `fallback`.
func number(or fallback: Int) -> Int {
    arguments.dropFirst().first.flatMap { Int($0) } ?? fallback
}
do {
    switch arguments.first {
    case "calendar":
        try calendarBenchmark(pairs: number(or: 1_000_000))
    case "lua-calls":
        try luaCallsBenchmark(pairs: number(or: 1_000_000))
    case "startup":
        try startupBenchmark(runs: number(or: 50), binary: arguments.dropFirst(2).first ?? siblingRedress())
    case "boundary":
        try boundaryStress(rounds: number(or: 1_000_000))
    case "intake":
        guard let csv = arguments.dropFirst().first else { throw BenchmarkFailure("usage: redress-bench intake CSV [FOLDER]") }
        try intakeBenchmark(csv: csv, folder: arguments.dropFirst(2).first ?? "/tmp")
    default:
        Console.error("usage: redress-bench calendar [PAIRS] | lua-calls [PAIRS] | startup [RUNS] [BINARY] | boundary [ROUNDS] | intake CSV [FOLDER]")
        exit(2)
    }
} catch {
    Console.error("redress-bench: \(error)")
    exit(1)
}
