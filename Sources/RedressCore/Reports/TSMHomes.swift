/// The homes CH01 counts complaints per 1,000 of: the landlord's, and each tenure's where the
/// store has a setting for it (`homes_lcra`, `homes_lcho`), since CH01 for low-cost rental and
/// for low-cost home ownership is over that tenure's homes.
///
/// The regulator reports CH01 and CH02 for LCRA and LCHO apart where a landlord has both
/// (research/domain.md section 3 [V]; GOV.UK, "Tenant Satisfaction Measures: Technical
/// requirements", sections 4 "Level of reporting" and 5 "Relevant social housing stock",
/// https://www.gov.uk/government/publications/tenant-satisfaction-measures-standard, whose
/// paragraphs could not be read; landlords' published returns show the two figures side by
/// side, e.g. https://www.chp.org.uk/tenant-satisfaction-measures). So the total is over both
/// tenures' homes, and settings that disagree about it are refused rather than reported.
public struct TSMHomes: Sendable, Equatable {
    /// The tenures, in the order reports show them, with the setting that holds each one's homes.
    public static let tenures: [(tenure: String, name: String, setting: String)] = [
        ("lcra", "LCRA", "homes_lcra"),
        ("lcho", "LCHO", "homes_lcho"),
    ]

    /// Homes of both tenures: CH01's total denominator.
    public let total: Int
    /// Where the total comes from: "the store's `homes` setting", or the two tenures' sum.
    public let source: String
    /// Homes of each tenure the store has a setting for, by tenure (`lcra`, `lcho`).
    public let byTenure: [String: Int]

    public init(total: Int, source: String, byTenure: [String: Int] = [:]) {
        self.total = total
        self.source = source
        self.byTenure = byTenure
    }

    /// The homes the store's settings give, or nil when they give no total (no `homes`
    /// setting, and not both tenures'). A value out of range (set before it was checked), or
    /// tenures' homes that do not fit the total, are refused naming the settings and the values.
    public static func from(settings: [String: String]) throws(InputError) -> TSMHomes? {
        func number(_ key: String) throws(InputError) -> Int? {
            guard let text = settings[key] else { return nil }
            if let refusal = StoreSettings.homesRefusal(text) {
                throw InputError(field: key, message: "\(refusal), got '\(text)' (set it with `redress settings set \(key) N`)")
            }
            return Int(text)
        }
        let homes = try number("homes")
        var byTenure: [String: Int] = [:]
        for tenure in tenures {
            if let value = try number(tenure.setting) { byTenure[tenure.tenure] = value }
        }
        let both = tenures.allSatisfy { byTenure[$0.tenure] != nil }
        let sum = byTenure.values.reduce(0, +)
        guard let homes else {
            guard both else { return nil }
            return TSMHomes(total: sum, source: tenures.map { "\($0.setting) \(Figure.grouped(byTenure[$0.tenure]!))" }.joined(separator: " + "),
                            byTenure: byTenure)
        }
        let named = tenures.compactMap { t in byTenure[t.tenure].map { "\(t.setting) (\(Figure.grouped($0)))" } }
        if both && sum != homes {
            throw InputError(field: "homes", message: "\(Figure.grouped(homes)), but \(named.joined(separator: " and ")) add up to "
                             + "\(Figure.grouped(sum)): CH01's total is over both tenures' homes; make them agree "
                             + "(`redress settings set homes \(sum)`, or `redress settings unset homes`)")
        }
        if !both && sum > homes {
            throw InputError(field: "homes", message: "\(Figure.grouped(homes)), fewer than \(named.joined(separator: " and ")): "
                             + "a tenure's homes are part of the landlord's; make them agree (`redress settings set homes N`)")
        }
        return TSMHomes(total: homes, source: "the store's `homes` setting", byTenure: byTenure)
    }
}
