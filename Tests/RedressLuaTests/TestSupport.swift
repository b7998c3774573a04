import RedressCore
@testable import RedressLua

enum TestSupport {
    static let repository: String = {
        var path = #filePath
        for _ in 0..<3 { path = String(path[..<path.lastIndex(of: "/")!]) }
        return path
    }()
    static let scripts = repository + "/Scripts"

    /// A state like the command line makes: the repository's Scripts, the bundled holidays.
    static func state(_ configure: (inout LuaState.Options) -> Void = { _ in }) throws -> LuaState {
        var options = LuaState.Options()
        options.scripts = scripts
        options.holidayFiles = [scripts + "/calendar/uk-bank-holiday-changes.txt"]
        configure(&options)
        return try LuaState(options: options)
    }

    /// Runs a chunk and returns its first result.
    static func eval(_ code: String, in state: LuaState? = nil) throws -> LuaValue {
        let state = try state ?? self.state()
        return try state.run(code, name: "=test").first ?? .nil
    }

    /// Runs a chunk expected to fail and returns the error.
    static func failure(_ code: String, in state: LuaState? = nil) throws -> LuaError {
        let state = try state ?? self.state()
        do {
            try state.run(code, name: "=test")
        } catch {
            return error
        }
        throw LuaError(kind: .other, message: "expected `\(code)` to fail")
    }
}
