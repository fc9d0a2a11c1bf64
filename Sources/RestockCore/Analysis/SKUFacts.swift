/// One SKU's facts for a run: what the read stage hands to the per-SKU computation
/// (`SKUAnalyzer.analyze`), already cut by `WindowRules` to what the run reads: the window,
/// and for the order lines and receipts the last 730 days where the window is shorter.
public struct SKUFacts: Sendable, Hashable {
    public var sku: String
    /// The SKU's products row, nil when products do not list it.
    public var product: ProductFact?
    /// Non-cancelled order lines per day of the demand history (`RunSettings.demandDays`: the
    /// last 730 days, or the window where longer), by day, credits taken out. The window's
    /// figures read only the window's days of it; the class, forecast, one-off bulk rule and
    /// reorder point read all of it.
    public var orderDays: [OrderDay]
    /// Backorders opened by as-of that were still open at the window's start or later
    /// (`WindowRules.counts(_:)`).
    public var backorders: [BackorderFact]
    /// The SKU's receipts that count for the lead time (`WindowRules.counts(_:)`: received
    /// in the last 730 days up to as-of, or in a longer window), oldest first.
    public var receipts: [ReceiptFact]
    /// The SKU's supplier (`SKUFacts.supplier(product:receipts:)`).
    public var supplier: String?
    /// Units returned in the window (README, "Returns and cancellations").
    public var returnedUnits: Double = 0
    /// Why the SKU is not stock, nil for a stock SKU (`NonStockRule`; README, "Non-stock lines").
    public var nonStock: NonStock?
    /// Whether the user marks the SKU's bulk lines as recurring demand (`restock-recurring.txt`;
    /// README, "One-off bulk orders").
    public var recurringBulk: Bool = false
    /// Where `backorders` came from (README, "Backorders inferred from orders").
    public var backorderSource: BackorderSource = .none

    public init(sku: String, product: ProductFact? = nil, orderDays: [OrderDay] = [], backorders: [BackorderFact] = [],
                receipts: [ReceiptFact] = [], supplier: String? = nil) {
        self.sku = sku
        self.product = product
        self.orderDays = orderDays
        self.backorders = backorders
        self.receipts = receipts
        self.supplier = supplier
    }

    /// A SKU's supplier: its products row's, else that of its latest receipt (of `receipts`,
    /// oldest first) that names one; nil when neither does (README, The figures: "supplier
    /// falls back to the SKU's latest receipt").
    public static func supplier(product: ProductFact?, receipts: [ReceiptFact]) -> String? {
        product?.supplier ?? receipts.last(where: { $0.supplier != nil })?.supplier
    }
}
