import CReadline
import RedressCore

#if canImport(Glibc)
import Glibc
#endif

/// Lines from a person at a terminal, through GNU readline: Emacs keys (and the user's
/// ~/.inputrc, under `$if redress`), history kept across sessions, Tab completion.
///
/// readline's callback interface is used, so that the REPL, not readline, owns Ctrl-C: the
/// prompt polls standard input beside the interrupt pipe, and Ctrl-C drops the line and returns
/// `.interrupted`. readline calls back into C function pointers, which reach this object through
/// `TerminalInput.active` (one terminal, one session per process).
final class TerminalInput: LineInput {
    let completer: Completer
    let history: History?
    private var last: String?

    /// The input readline's callbacks serve.
    nonisolated(unsafe) static var active: TerminalInput?
    /// What the line handler received (nil while a line is being edited).
    nonisolated(unsafe) fileprivate static var received: LineEvent?
    /// The matches of the completion in progress, handed out by `nextMatch`.
    nonisolated(unsafe) fileprivate static var matches: [String] = []
    nonisolated(unsafe) fileprivate static var nextIndex = 0
    /// Break-character sets for readline, as C strings that live as long as the process.
    nonisolated(unsafe) fileprivate static let breakSets: [String: UnsafeMutablePointer<CChar>] = Dictionary(uniqueKeysWithValues:
        [Completer.luaBreaks, Completer.wordBreaks, Completer.referenceBreaks].map { (set: String) in (set, strdup(set)!) })

    var isInteractive: Bool { true }

    init(completer: Completer, history: History?) {
        self.completer = completer
        self.history = history
        creadline_set_name("redress")
        creadline_set_catch_signals(0)
        creadline_set_completion_function(attemptCompletion)
        creadline_set_word_break_hook(wordBreaks)
        for entry in history?.load() ?? [] { add_history(entry) }
        TerminalInput.active = self
    }

    func read(prompt: String) -> LineEvent {
        TerminalInput.received = nil
        InterruptSignal.take()
        rl_callback_handler_install(prompt, lineHandler)
        while true {
            var descriptors = [pollfd(fd: 0, events: Int16(POLLIN), revents: 0),
                               pollfd(fd: InterruptSignal.pipe.read, events: Int16(POLLIN), revents: 0)]
            let ready = poll(&descriptors, nfds_t(descriptors.count), -1)
            if InterruptSignal.take() {
                rl_free_line_state()
                rl_callback_sigcleanup()
                rl_echo_signal_char(SIGINT)
                rl_callback_handler_remove()
                Console.write(1, "\n")
                return .interrupted
            }
            if ready < 0 {
                if errno == EINTR { continue }
                rl_callback_handler_remove()
                return .end
            }
            if descriptors[0].revents != 0 {
                rl_callback_read_char()
                if let event = TerminalInput.received {
                    if event == .end { Console.write(1, "\n") }
                    return event
                }
            }
        }
    }

    func remember(_ entry: String) {
        guard entry != last, !entry.allSatisfy(\.isWhitespace) else { return }
        last = entry
        add_history(entry)
        history?.append(entry)
    }

    /// The text of the line from its start to the cursor.
    fileprivate static func textBeforeCursor() -> String {
        guard let buffer = creadline_line_buffer() else { return "" }
        let length = Int(creadline_point())
        return buffer.withMemoryRebound(to: UInt8.self, capacity: length) {
            String(decoding: UnsafeBufferPointer(start: $0, count: length), as: UTF8.self)
        }
    }
}

/// readline's line handler: keeps the line (nil at end of input) and stops reading.
private func lineHandler(_ line: UnsafeMutablePointer<CChar>?) {
    rl_callback_handler_remove()
    if let line {
        TerminalInput.received = .line(Line(bytes: UnsafeRawBufferPointer(start: line, count: strlen(line)).map { $0 }))
        free(line)
    } else {
        TerminalInput.received = .end
    }
}

/// readline's word-break hook: the break characters of the cursor's context.
private func wordBreaks() -> UnsafeMutablePointer<CChar>? {
    let context = Completer.context(of: TerminalInput.textBeforeCursor())
    return TerminalInput.breakSets[Completer.breakCharacters(context)]
}

/// readline's completion function: this REPL's matches, or none (no fallback to file names).
private func attemptCompletion(_ text: UnsafePointer<CChar>?, _ start: Int32, _ end: Int32)
    -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? {
    creadline_set_completion_over(1)
    creadline_set_completion_append_character(0)
    guard let input = TerminalInput.active else { return nil }
    let completion = input.completer.complete(TerminalInput.textBeforeCursor())
    guard !completion.matches.isEmpty else { return nil }
    creadline_set_filename_completion_desired(completion.files ? 1 : 0)
    TerminalInput.matches = completion.matches
    return rl_completion_matches(text, nextMatch)
}

/// Hands readline the matches one at a time (`state` 0 starts again), as malloc'd copies.
private func nextMatch(_ text: UnsafePointer<CChar>?, _ state: Int32) -> UnsafeMutablePointer<CChar>? {
    if state == 0 { TerminalInput.nextIndex = 0 }
    guard TerminalInput.nextIndex < TerminalInput.matches.count else { return nil }
    defer { TerminalInput.nextIndex += 1 }
    return strdup(TerminalInput.matches[TerminalInput.nextIndex])
}
