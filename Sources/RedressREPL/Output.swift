import RedressCore

#if canImport(Glibc)
import Glibc
#endif

/// Where results go: the screen (standard output), or a file after `.output FILE`. What Lua's
/// `print` writes goes through C's buffered stdout, so that is flushed before each write here,
/// keeping the two in order.
final class Output {
    private var file: OutputFile?
    /// The file `.once` named, for the next result only.
    private var onceFile: OutputFile?
    /// Writes text to a file descriptor (1 or 2); tests collect it instead.
    private let send: (Int32, String) -> Void
    /// True when standard output is a terminal.
    private let toTerminal: Bool

    init(send: @escaping (Int32, String) -> Void = { Console.write($0, $1) }, toTerminal: Bool = isatty(1) != 0) {
        self.send = send
        self.toTerminal = toTerminal
    }

    /// Sends results to `path` (created owner-only, replacing what it held), or back to standard
    /// output for nil.
    func redirect(to path: String?) throws(FileError) {
        let opened = try path.map { path throws(FileError) in try OutputFile(path: path) }
        file?.close()
        file = opened
    }

    /// Sends the next results only to `path` (created owner-only, replacing what it held);
    /// `endOnce` closes it and results go where they went before.
    func once(to path: String) throws(FileError) {
        let opened = try OutputFile(path: path)
        onceFile?.close()
        onceFile = opened
    }

    /// Ends a `.once`: called after each chunk and each dot-command other than `.once`.
    func endOnce() {
        onceFile?.close()
        onceFile = nil
    }

    /// Writes results.
    func write(_ text: String) {
        guard !text.isEmpty else { return }
        fflush(nil)
        if let onceFile { onceFile.write(text) } else if let file { file.write(text) } else { send(1, text) }
    }

    /// Writes to the screen whatever `.output` says (messages, the timer).
    func say(_ text: String) {
        fflush(nil)
        send(1, text)
    }

    /// Writes an error message to standard error.
    func error(_ text: String) {
        fflush(nil)
        send(2, text.hasSuffix("\n") ? text : text + "\n")
    }

    /// The terminal's width when results go to a terminal; nil otherwise (no fitting).
    var width: Int? {
        guard file == nil, onceFile == nil, toTerminal else { return nil }
        var size = winsize()
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }

    deinit {
        onceFile?.close()
        file?.close()
    }
}
