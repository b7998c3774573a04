/// A Lua table as read for display: its array part (`t[1]` … `t[n]` with no gap) and its other
/// fields, sorted (string keys alphabetically, then numbers, then the rest).
struct ShownTable: Equatable, Sendable {
    /// One field outside the array part.
    struct Field: Equatable, Sendable {
        var key: Shown
        var value: Shown

        init(key: Shown, value: Shown) {
            self.key = key
            self.value = value
        }
    }

    var array: [Shown]
    var fields: [Field]
    /// The metatable's `__name`, if any (`case`).
    var name: String?
    /// The column order `sql()` recorded for a rows table.
    var columns: [String]?

    init(array: [Shown] = [], fields: [Field] = [], name: String? = nil, columns: [String]? = nil) {
        self.array = array
        self.fields = fields
        self.name = name
        self.columns = columns
    }

    /// The field with string key `key`.
    subscript(key: String) -> Shown? {
        fields.first { $0.key == .string(key) }?.value
    }

    /// True when the table has no entries at all.
    var isEmpty: Bool { array.isEmpty && fields.isEmpty }

    /// True for a record: named fields only (a row of `sql()`, a party).
    var isRecord: Bool {
        array.isEmpty && !fields.isEmpty && fields.allSatisfy { if case .string = $0.key { true } else { false } }
    }

    /// The string keys of the fields, in order.
    var fieldNames: [String] {
        fields.compactMap { if case .string(let name) = $0.key { name } else { nil } }
    }
}
