/// A dot-command that cannot be parsed or run; the message names the command and the value.
struct DotCommandError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
