/// What reading a line gave.
enum LineEvent: Equatable {
    /// A line (at a terminal, perhaps a recalled entry of several lines).
    case line(String)
    /// Ctrl-C at the prompt: the line, and any unfinished chunk, are dropped.
    case interrupted
    /// End of input (Ctrl-D at an empty prompt).
    case end
}
