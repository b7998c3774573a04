import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A program run on a pseudo-terminal, as a person at a terminal runs it: keys go in, the screen's
/// bytes come out. The child gets the terminal as its controlling terminal (a new session), so
/// Ctrl-C typed into it is SIGINT, as at a real terminal.
final class PseudoTerminal {
    private let master: Int32
    private let pid: pid_t
    /// Everything the program wrote so far, with terminal escape sequences and carriage returns
    /// removed.
    private(set) var screen = ""
    private var raw = Data()

    /// glibc's forkpty (in libc since 2.34), found at run time: Swift's Glibc module does not
    /// declare <pty.h>.
    private typealias ForkPTY = @convention(c) (UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<CChar>?,
                                                UnsafeRawPointer?, UnsafeRawPointer?) -> pid_t

    init(_ program: String, _ arguments: [String], environment: [String: String], columns: UInt16 = 120) throws {
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "forkpty") else { throw POSIXError(.ENOSYS) }
        let forkpty = unsafeBitCast(symbol, to: ForkPTY.self)
        // Everything the child needs is made before the fork: it only execs.
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var size = winsize(ws_row: 40, ws_col: columns, ws_xpixel: 0, ws_ypixel: 0)
        var empty = sigset_t()
        sigemptyset(&empty)
        var descriptor: Int32 = -1
        let child = withUnsafePointer(to: &size) { forkpty(&descriptor, nil, nil, $0) }
        if child == 0 {
            // The child: a new session whose controlling terminal is the pty, so Ctrl-C is SIGINT.
            signal(SIGINT, SIG_DFL)
            sigprocmask(SIG_SETMASK, &empty, nil)
            execve(program, argv, envp)
            _exit(127)
        }
        guard child > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        master = descriptor
        pid = child
    }

    /// Types `keys` (`\t` is Tab, `\r` Enter, `\u{3}` Ctrl-C, `\u{4}` Ctrl-D).
    func type(_ keys: String) {
        var bytes = Array(keys.utf8)
        _ = write(master, &bytes, bytes.count)
    }

    /// Reads until the screen's text after `from` contains `text`; false after `timeout` seconds.
    @discardableResult
    func wait(for text: String, after from: String.Index? = nil, timeout: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            if screen[(from ?? screen.startIndex)...].contains(text) { return true }
            let left = deadline.timeIntervalSinceNow
            if left <= 0 { return false }
            var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, Int32(min(left, 1) * 1000)) > 0 else { continue }
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = read(master, &buffer, buffer.count)
            if count <= 0 { return screen[(from ?? screen.startIndex)...].contains(text) }
            raw.append(contentsOf: buffer[..<count])
            screen = PseudoTerminal.plain(String(decoding: raw, as: UTF8.self))
        }
    }

    /// The end of what has been read: wait for text after it to see only what comes next.
    var mark: String.Index { screen.endIndex }

    /// Waits for the program to exit; its status, or nil if it is still running after `timeout`.
    func exitStatus(timeout: Double = 20) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while Date() < deadline {
            wait(for: "\u{0}", timeout: 0.1)
            if waitpid(pid, &status, WNOHANG) == pid { return (status >> 8) & 0xFF }
        }
        return nil
    }

    deinit {
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        close(master)
    }

    /// Text without terminal control sequences and carriage returns.
    static func plain(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{1B}\\[[0-9;?]*[A-Za-z]", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\u{1B}[=>]", with: "", options: .regularExpression)
            .replacingOccurrences(of: "\r", with: "")
            .replacingOccurrences(of: "\u{7}", with: "")
    }
}
