import RedressCalendar
import RedressCore

/// A result of a chunk as read for display: a copy of the Lua value that keeps what printing
/// needs and `LuaValue` drops (a table's metatable name, the column order of `sql()` rows, where
/// a table refers back to one that contains it, a case's complainant's name).
indirect enum Shown: Equatable, Sendable {
    case `nil`
    case boolean(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case date(LocalDate)
    case table(ShownTable)
    /// A case (a table under the cases API's metatable), with what its card shows.
    case caseRecord(CaseSummary, ShownTable)
    /// A table that contains itself: a reference back to one of its ancestors.
    case cycle
    /// A function, thread or userdata, or a table with `__tostring`: what `tostring` gives.
    case other(String)

    /// True for values that print on one line without structure.
    var isScalar: Bool {
        switch self {
        case .table, .caseRecord: false
        default: true
        }
    }

    /// The table, for a table or a case.
    var table: ShownTable? {
        switch self {
        case .table(let table), .caseRecord(_, let table): table
        default: nil
        }
    }
}
