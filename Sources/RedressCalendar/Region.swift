/// The three UK bank-holiday divisions, named as GOV.UK names them. Wales uses England's.
public enum Region: String, CaseIterable, Sendable, CustomStringConvertible {
    case englandAndWales = "england-and-wales"
    case scotland = "scotland"
    case northernIreland = "northern-ireland"

    /// Parses a region name, or fails with a message that lists the valid ones.
    public init(name: String) throws(CalendarError) {
        guard let region = Region(rawValue: name) else { throw .unknownRegion(name) }
        self = region
    }

    public var description: String { rawValue }

    /// The valid names, comma separated, for messages.
    public static var validNames: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
