/// A policy pack's own code failing inside one of its hooks: not a refusal the policy made (a
/// hook refuses with `refuse(reason)`), nor a fault of the script or the input that called it.
/// Made by the cases module's hook runner where the error was raised, and carried to Swift in
/// the `LuaError` it becomes.
public struct PackFault: Sendable, Equatable {
    /// The pack's name (`halton`), when it has one.
    public let pack: String?
    /// The hook that failed: `triage`, `remedy`, `restrictions.review.decide`, `restrictions.flag`.
    public let hook: String
    /// The file the hook is written in, and the innermost line of it on the stack when it failed
    /// (nil when none of its lines was running: the error came from deeper than the host looks).
    public let file: String
    public let line: Int?
    /// Lua's own message, without the position `file` and `line` already give.
    public let error: String
    /// What the host was doing: `while answering C-2026-000001`.
    public let during: String

    public init(pack: String?, hook: String, file: String, line: Int?, error: String, during: String) {
        self.pack = pack
        self.hook = hook
        self.file = file
        self.line = line
        self.error = error
        self.during = during
    }
}
