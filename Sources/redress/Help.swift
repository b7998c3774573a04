/// A command's discussion as argument-parser should get it: each paragraph of prose on one line,
/// so that argument-parser wraps it once, at the terminal's width (wrapped by hand as well, it
/// came out wrapped twice at 80 columns). Lines that start with a space (examples) or a list
/// marker (`- `) are kept as written, and blank lines still part paragraphs.
func reflowed(_ text: String) -> String {
    var lines: [String] = []
    var paragraph: [Substring] = []
    func flush() {
        if !paragraph.isEmpty { lines.append(paragraph.joined(separator: " ")) }
        paragraph = []
    }
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        if line.isEmpty || line.first == " " {
            flush()
            lines.append(String(line))
        } else {
            if line.hasPrefix("- ") { flush() }
            paragraph.append(line)
        }
    }
    flush()
    return lines.joined(separator: "\n")
}
