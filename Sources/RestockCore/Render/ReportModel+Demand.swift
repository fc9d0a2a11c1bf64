/// What the report says about demand it does not believe as it stands: SKUs left out as not
/// stock, one-off bulk lines, and SKUs whose stock settings are not known (README, "Non-stock
/// lines", "One-off bulk orders", "Advice without stock levels").
extension ReportModel {
    /// One SKU left out of the advice as not stock.
    public struct LeftOutSKU: Sendable, Hashable {
        public var sku: String
        public var name: String?
        /// Why, and who said so (`NonStock.why`).
        public var why: String
        public var source: NonStock.Source
        /// The window's order lines and units of the SKU.
        public var orderLines: Int
        public var units: Double
        /// units x unit_price (0 without a price).
        public var revenue: Double

        /// The entry for a SKU's figures; nil for a stock SKU.
        public init?(_ f: SKUFigures) {
            guard let leftOut = f.leftOut else { return nil }
            sku = f.sku
            name = f.name
            why = leftOut.why
            source = leftOut.source
            orderLines = f.orderLines
            units = f.orderedUnits
            revenue = f.orderedUnits * (f.unitPrice ?? 0)
        }
    }

    /// One day of a SKU that holds a one-off bulk line.
    public struct OneOffLine: Sendable, Hashable {
        public var sku: String
        public var name: String?
        public var day: OneOffDay

        public init(sku: String, name: String?, day: OneOffDay) {
            self.sku = sku
            self.name = name
            self.day = day
        }
    }

    /// What restock can say about SKUs whose stock settings it does not know.
    public struct StockAdvice: Sendable, Hashable {
        /// SKUs (not left out) whose on_hand or reorder point in force is known.
        public var knownSKUs: Int = 0
        /// SKUs (not left out) whose stock settings are not known.
        public var unknownSKUs: Int = 0
        /// Of those, every one that needs a reorder point (reorder_points_to_set_up.csv).
        public var toSetUpCount: Int = 0
        /// The first of them, ranked (`SKUTables.rankedToSetUp`), with their figures.
        public var toSetUp: [SKUFigures] = []

        public init() {}

        /// Whether restock knows no SKU's stock level at all: then revenue at risk is not
        /// known and what to set up leads (README, "Advice without stock levels").
        public var knowsNoStockLevel: Bool { unknownSKUs > 0 && knownSKUs == 0 }

        /// Counts `all` and keeps the first `top` SKUs of `ranked`.
        public init(all: [SKUFigures], ranked: [SKUFigures], top: Int) {
            for f in all where f.leftOut == nil {
                if f.stockKnown { knownSKUs += 1 } else { unknownSKUs += 1 }
            }
            toSetUpCount = ranked.count
            toSetUp = Array(ranked.prefix(top))
        }
    }
}

extension ReportModel {
    /// Revenue at risk as the headline gives it, in the report and the e-mail alike: "not
    /// known" where restock knows no stock level, else the money a year.
    var revenueAtRiskFigure: (value: String, key: String) {
        stockAdvice.knowsNoStockLevel ? ("not known", "revenue at risk (no stock levels)")
            : (ReportFormat.money(headline.revenueAtRisk), "revenue at risk a year")
    }
}
