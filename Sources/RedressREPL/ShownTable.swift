/// A Lua table as read for display: its array part (`t[1]` … `t[n]` with no gap) and its other
/// fields, sorted (string keys alphabetically, then numbers, then the rest).
public struct ShownTable: Equatable, Sendable {
    /// One field outside the array part.
    public struct Field: Equatable, Sendable {
        public var key: Shown
        public var value: Shown

        public init(key: Shown, value: Shown) {
            self.key = key
            self.value = value
        }
    }

    public var array: [Shown]
    public var fields: [Field]
    /// The metatable's `__name`, if any (`case`).
    public var name: String?
    /// The column order `sql()` recorded for a rows table.
    public var columns: [String]?

    public init(array: [Shown] = [], fields: [Field] = [], name: String? = nil, columns: [String]? = nil) {
        self.array = array
        self.fields = fields
        self.name = name
        self.columns = columns
    }

    /// The field with string key `key`.
    public subscript(key: String) -> Shown? {
        fields.first { $0.key == .string(key) }?.value
    }

    /// True when the table has no entries at all.
    public var isEmpty: Bool { array.isEmpty && fields.isEmpty }

    /// True for a record: named fields only (a row of `sql()`, a party).
    public var isRecord: Bool {
        array.isEmpty && !fields.isEmpty && fields.allSatisfy { if case .string = $0.key { true } else { false } }
    }

    /// The string keys of the fields, in order.
    public var fieldNames: [String] {
        fields.compactMap { if case .string(let name) = $0.key { name } else { nil } }
    }
}
