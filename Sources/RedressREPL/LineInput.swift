/// Where the REPL's lines come from: the terminal (readline) or a file or pipe.
protocol LineInput: AnyObject {
    /// True when lines come from a person at a terminal (prompts, banner, Ctrl-C).
    var isInteractive: Bool { get }
    /// Reads the next line after showing `prompt` (at a terminal).
    func read(prompt: String) -> LineEvent
    /// Keeps a complete entry (a whole chunk, however many lines) in the history.
    func remember(_ entry: String)
}
