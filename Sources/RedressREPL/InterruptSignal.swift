import LuaShim

#if canImport(Glibc)
import Glibc
#endif

/// Ctrl-C in the interactive REPL. The handler does only what is safe in a signal handler: it
/// asks the running chunk to stop (`lshim_interrupt` sets a flag the count hook polls, and calls
/// `sqlite3_interrupt` on the run's connection, as the sqlite3 shell does, so a long SQL
/// statement stops too), and it writes a byte to a pipe, which wakes the prompt's `poll`
/// whichever thread the signal was delivered to. Nothing touches the Lua state itself.
enum InterruptSignal {
    /// The state of the chunk now running, if any (set and cleared by the evaluator).
    nonisolated(unsafe) static var running: OpaquePointer?
    /// The pipe the handler writes to; its read end is polled beside standard input.
    nonisolated(unsafe) static var pipe: (read: Int32, write: Int32) = (-1, -1)

    /// Installs the handler (once). False when the pipe cannot be made.
    static func install() -> Bool {
        if pipe.read >= 0 { return true }
        var ends: [Int32] = [-1, -1]
        guard Glibc.pipe(&ends) == 0 else { return false }
        for end in ends {
            _ = fcntl(end, F_SETFL, O_NONBLOCK)
            _ = fcntl(end, F_SETFD, FD_CLOEXEC)
        }
        running = nil
        pipe = (ends[0], ends[1])
        var action = sigaction()
        action.__sigaction_handler.sa_handler = interruptHandler
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0   // no SA_RESTART: the prompt's poll returns early
        return sigaction(SIGINT, &action, nil) == 0
    }

    /// Empties the pipe; true when Ctrl-C was pressed since the last call.
    @discardableResult
    static func take() -> Bool {
        guard pipe.read >= 0 else { return false }
        var pressed = false
        var byte: UInt8 = 0
        while Glibc.read(pipe.read, &byte, 1) == 1 { pressed = true }
        return pressed
    }
}

/// The SIGINT handler: async-signal-safe calls only.
private func interruptHandler(_ signal: Int32) {
    if let L = InterruptSignal.running { lshim_interrupt(L) }
    var byte: UInt8 = 3
    _ = Glibc.write(InterruptSignal.pipe.write, &byte, 1)
}
