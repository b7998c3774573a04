/// Lines from standard input when it is not a terminal (`redress < session.lua`, a pipe): no
/// prompts, no history. readline is not used here: on a pipe it would echo prompts and input.
final class StreamInput: LineInput {
    var isInteractive: Bool { false }

    func read(prompt: String) -> LineEvent {
        readLine(strippingNewline: true).map(LineEvent.line) ?? .end
    }

    func remember(_ entry: String) {}
}
