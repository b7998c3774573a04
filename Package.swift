// swift-tools-version: 6.0
import PackageDescription

// Dependencies point one way: redress → RedressREPL → RedressLua → RedressCore → RedressCalendar.
// SQLite and readline come from Debian's -dev packages as system libraries. Lua 5.4 is compiled
// into the binary from Debian's source package with a fix of Redress's own (Sources/CLua).
let package = Package(
    name: "Redress",
    products: [
        .executable(name: "redress", targets: ["redress"]),
        .library(name: "RedressCore", targets: ["RedressCore"]),
        // The UK working-day calendar on its own, for any Swift program: no dependencies at all.
        .library(name: "RedressCalendar", targets: ["RedressCalendar"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
    ],
    targets: [
        // Lua 5.4 from source, linked statically: `make lua` (Sources/CLua/fetch-lua.sh) fetches
        // Debian's lua5.4 source package and applies patches/, because bookworm's liblua5.4 has a
        // use-after-free in luaV_concat. The API-checking build adds -DLUA_USE_APICHECK.
        .target(
            name: "CLua",
            exclude: ["fetch-lua.sh", "patches"],
            cSettings: [.define("LUA_USE_POSIX")]
        ),
        // System libraries (Debian: libsqlite3-dev, libreadline-dev).
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite"),
        .systemLibrary(name: "CReadline", path: "Sources/CReadline"),

        // Dates, UK bank holidays and working-day arithmetic. It imports nothing (not even
        // Foundation), so that other programs can depend on it; RedressCalendarTests checks that.
        .target(name: "RedressCalendar"),

        // Pure Swift, no Lua: the case store, policies' contract, reports.
        .target(name: "RedressCore", dependencies: [
            "RedressCalendar",
            .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift"),
        ]),

        // C: Lua's macros as functions, the error trampoline, the capped allocator, the hook.
        .target(name: "LuaShim", dependencies: ["CLua"]),

        // The Lua host: LuaState, value bridging, sandbox, limits, one file per Lua module.
        .target(name: "RedressLua", dependencies: ["CLua", "LuaShim", "RedressCalendar", "RedressCore", .product(name: "GRDB", package: "GRDB.swift")]),

        // The readline workbench: line editing, history, completion, continuation lines, result
        // rendering, dot-commands.
        .target(name: "RedressREPL", dependencies: ["CLua", "LuaShim", "CReadline", "RedressCalendar", "RedressCore", "RedressLua",
                                                    .product(name: "GRDB", package: "GRDB.swift")]),

        // The command line: parsing only, calling the libraries.
        .executableTarget(
            name: "redress",
            dependencies: [
                "RedressCalendar",
                "RedressCore",
                "RedressLua",
                "RedressREPL",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // Benchmarks are programs the project keeps (run with `make bench`, release build).
        .executableTarget(
            name: "redress-bench",
            dependencies: ["CLua", "LuaShim", "RedressCalendar", "RedressCore", "RedressLua",
                           .product(name: "GRDB", package: "GRDB.swift"), .product(name: "GRDBSQLite", package: "GRDB.swift")],
            path: "Benchmarks/redress-bench"
        ),

        // The calendar's tests depend on the calendar alone, as any other program would.
        .testTarget(name: "RedressCalendarTests", dependencies: ["RedressCalendar"], exclude: ["Fixtures"]),
        .testTarget(name: "RedressCoreTests", dependencies: ["RedressCore", "RedressCalendar"]),
        .testTarget(name: "RedressLuaTests", dependencies: ["RedressLua", "RedressCore", "RedressCalendar"]),
        // The REPL's end-to-end tests drive the built `redress` through a pseudo-terminal.
        .testTarget(name: "RedressREPLTests", dependencies: ["RedressREPL", "RedressLua", "RedressCore", "RedressCalendar", "redress",
                                                             .product(name: "GRDB", package: "GRDB.swift")]),
        .testTarget(name: "redressTests", dependencies: ["redress", "RedressCore", "RedressCalendar", .product(name: "GRDB", package: "GRDB.swift")]),
    ]
)
