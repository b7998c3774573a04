/// The homes CH01 counts complaints per 1,000 of: the landlord's, and each tenure's where the
/// store has a setting for it (`homes_lcra`, `homes_lcho`), since CH01 for low-cost rental and
/// for low-cost home ownership is over that tenure's homes.
///
/// Sources. The Regulator's "Tenant Satisfaction Measures: Technical requirements" (GOV.UK,
/// https://www.gov.uk/government/publications/tenant-satisfaction-measures-technical-requirements,
/// updated 15 March 2024 for CH01 and CH02 under the 2024 Code, restated as Part A of the Draft
/// TSM Direction of 9 December 2025) has sections "Level of reporting" and "Relevant social
/// housing stock", whose paragraphs could not be read here. That CH01 and CH02 are reported for
/// low-cost rental accommodation (LCRA) and low-cost home ownership (LCHO) apart is checked
/// against landlords' published returns (research/domain.md section 3 [V]); what each tenure
/// holds (LCRA: general needs, supported housing, intermediate rent, temporary social housing;
/// LCHO: shared ownership not fully staircased) is from one landlord's key to its return,
/// https://www.chp.org.uk/tenant-satisfaction-measures [V2]. CH01 is "per 1,000 homes", so each
/// tenure's CH01 is over that tenure's homes [V2], and the total over both: settings that
/// disagree about it are refused rather than reported.
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
