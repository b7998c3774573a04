/// A job file that does not declare what the runner needs: the file, the field
/// (`schedule.weekly`) and what is wrong with its value.
public struct JobError: Error, Equatable, Sendable, CustomStringConvertible {
    public let source: String
    public let field: String
    public let message: String

    public init(source: String, field: String, message: String) {
        self.source = source
        self.field = field
        self.message = message
    }

    public var description: String { "\(source): \(field): \(message)" }
}
