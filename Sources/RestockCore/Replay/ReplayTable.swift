/// One row of `replay.csv`: one SKU under one policy (README, "Replay").
public struct ReplayRow: Sendable {
    public var sku: String
    public var demandClass: DemandClass
    /// `restock`, `in_force`, `normal_formula`, or `actual` (the backorders the store holds).
    public var policy: String
    /// The target cycle service level (at the last decision day).
    public var serviceLevel: Double
    public var startOnHand: Double?
    /// What the policy did; nil for `actual`, which has only backorder lines and units.
    public var outcome: ReplayOutcome?
    public var actualBackorderLines = 0
    public var actualBackorderedUnits = 0.0
    public var unitCost: Double?
    public var leadTimeSource: ReplayLeadTimes.Source?

    public init(sku: String, demandClass: DemandClass, policy: String, serviceLevel: Double) {
        self.sku = sku
        self.demandClass = demandClass
        self.policy = policy
        self.serviceLevel = serviceLevel
    }

    /// Backorder lines: the policy's, or the store's for `actual`.
    public var backorderLines: Int { outcome?.backorderLines ?? actualBackorderLines }
    /// Units short: the policy's, or the store's backordered units for `actual`.
    public var unitsShort: Double { outcome?.unitsShort ?? actualBackorderedUnits }
    /// Mean stock on hand valued at unit_cost; nil without a unit cost.
    public var meanStockValue: Double? {
        guard let cost = unitCost, let mean = outcome?.meanOnHand else { return nil }
        return cost * mean
    }
}

/// `replay.csv` and the summary by demand class: each column declared once, with its meaning.
public enum ReplayTable {
    /// A column of replay.csv: its name, what it means, and its cell for a row.
    public struct Column: Sendable {
        public var name: String
        public var meaning: String
        public var cell: @Sendable (ReplayRow) -> CSVCell
    }

    public static let columns: [Column] = [
        Column(name: "sku", meaning: "the product") { .text($0.sku) },
        Column(name: "demand_class", meaning: "its demand class at the last decision day") { .text($0.demandClass.rawValue) },
        Column(name: "policy", meaning: "restock, in_force, normal_formula or actual") { .text($0.policy) },
        Column(name: "service_level", meaning: "the target share of cycles without a backorder") { .number($0.serviceLevel) },
        Column(name: "start_on_hand", meaning: "units on hand on the first day, the same for every policy") { .number($0.startOnHand) },
        Column(name: "units_demanded", meaning: "units ordered over the period") { .number($0.outcome?.unitsDemanded) },
        Column(name: "backorder_lines", meaning: "order lines that had to wait") { .integer($0.backorderLines) },
        Column(name: "units_short", meaning: "units that could not ship when ordered") { .number($0.unitsShort) },
        Column(name: "cycles", meaning: "whole replenishment cycles (receipt to receipt)") { .integer($0.outcome?.cycles) },
        Column(name: "cycle_service_level", meaning: "share of those cycles without a backorder") { .number($0.outcome?.cycleServiceLevel) },
        Column(name: "fill_rate", meaning: "share of units shipped when ordered") { .number($0.outcome?.fillRate) },
        Column(name: "mean_on_hand", meaning: "mean stock on hand at the end of a day, units") { .number($0.outcome?.meanOnHand) },
        Column(name: "mean_stock_value", meaning: "mean_on_hand x unit_cost") { .number($0.meanStockValue) },
        Column(name: "purchase_orders", meaning: "purchase orders placed") { .integer($0.outcome?.purchaseOrders) },
        Column(name: "lead_time_source", meaning: "receipts (nearby real receipts) or model") { .text($0.leadTimeSource?.rawValue) },
    ]

    /// `replay.csv` for `rows`, in their order.
    public static func csv(_ rows: [ReplayRow]) -> [UInt8] {
        var w = CSVWriter(header: columns.map(\.name))
        for row in rows { w.append(columns.map { $0.cell(row) }) }
        return w.bytes
    }
}

/// The replay's totals for one demand class under one policy.
public struct ReplayClassTotal: Sendable {
    public var demandClass: DemandClass
    public var policy: String
    public var skus = 0
    /// The SKUs' outcomes summed (cycles, units, lines, stock-days).
    public var outcome = ReplayOutcome()
    public var actualBackorderLines = 0
    public var actualBackorderedUnits = 0.0
    /// Sum of the SKUs' targets, for their mean.
    public var serviceLevelSum = 0.0
    /// Sum over SKUs of mean stock on hand, units, and of its value where unit_cost is known.
    public var meanOnHand = 0.0
    public var meanStockValue = 0.0

    /// The mean target of the class's SKUs.
    public var meanServiceLevel: Double? { skus > 0 ? serviceLevelSum / Double(skus) : nil }

    /// Totals by class and policy, classes in `DemandClass` order, policies in the order met.
    public static func summarize(_ rows: [ReplayRow]) -> [ReplayClassTotal] {
        var totals: [String: ReplayClassTotal] = [:]
        var policies: [String] = []
        for row in rows {
            if !policies.contains(row.policy) { policies.append(row.policy) }
            let key = row.demandClass.rawValue + "\u{0}" + row.policy
            var t = totals[key] ?? ReplayClassTotal(demandClass: row.demandClass, policy: row.policy)
            t.skus += 1
            t.serviceLevelSum += row.serviceLevel
            if let o = row.outcome {
                t.outcome.add(o)
                t.meanOnHand += o.meanOnHand ?? 0
            }
            t.meanStockValue += row.meanStockValue ?? 0
            t.actualBackorderLines += row.actualBackorderLines
            t.actualBackorderedUnits += row.actualBackorderedUnits
            totals[key] = t
        }
        return DemandClass.allCases.flatMap { c in
            policies.compactMap { totals[c.rawValue + "\u{0}" + $0] }
        }
    }
}
