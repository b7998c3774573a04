import GRDB

extension Schema {
    /// v10: the tenure of a case, for the Regulator's TSM returns, which count CH01 and CH02
    /// separately for low-cost rental accommodation (`lcra`) and low-cost home ownership
    /// (`lcho`) where a landlord has both. NULL where intake did not record it: such a case
    /// counts in the totals only, and the TSM report says how many there are.
    static func v10(_ db: Database) throws {
        try db.execute(sql: """
            ALTER TABLE cases ADD COLUMN tenure TEXT CHECK (tenure IS NULL OR tenure = 'lcra' OR tenure = 'lcho');
            """)
    }
}
