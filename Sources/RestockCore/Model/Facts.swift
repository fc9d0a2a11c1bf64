/// The loaded input rows, reduced to what the figures (README, "The figures") need, per SKU.
///
/// These are the values the store hands to the pure per-SKU computations. All days are
/// `Day` numbers in the configured time zone.

/// Non-cancelled order lines of one SKU on one day (README, "The figures": the demand).
public struct OrderDay: Sendable, Hashable {
    /// The day the lines were ordered.
    public var day: Day
    /// Number of non-cancelled order lines that day.
    public var lines: Int
    /// Units ordered on those lines (backordered units included), units.
    public var units: Double
    /// Of those lines, how many have a backorder (any date up to as-of) with the same
    /// order_id and sku (the numerator of backorder_rate).
    public var backorderedLines: Int
    /// Sum of unit_price over the lines that carry a price (for the mean price).
    public var priceSum: Double
    /// Number of lines that carry a unit_price.
    public var pricedLines: Int

    public init(day: Day, lines: Int, units: Double, backorderedLines: Int = 0,
                priceSum: Double = 0, pricedLines: Int = 0) {
        self.day = day
        self.lines = lines
        self.units = units
        self.backorderedLines = backorderedLines
        self.priceSum = priceSum
        self.pricedLines = pricedLines
    }
}

/// One backorder row of a SKU (README, "backorders").
public struct BackorderFact: Sendable, Hashable {
    public var orderId: String
    /// Units backordered (> 0).
    public var quantity: Double
    /// Day of backordered_at.
    public var backorderedDay: Day
    /// Day of fulfilled_at, nil while not fulfilled.
    public var fulfilledDay: Day?
    /// Day of cancelled_at, nil unless the customer gave up.
    public var cancelledDay: Day?
    /// Whether an order line with the same (order_id, sku) is in the store.
    public var matched: Bool

    public init(orderId: String, quantity: Double, backorderedDay: Day,
                fulfilledDay: Day? = nil, cancelledDay: Day? = nil, matched: Bool = true) {
        self.orderId = orderId
        self.quantity = quantity
        self.backorderedDay = backorderedDay
        self.fulfilledDay = fulfilledDay
        self.cancelledDay = cancelledDay
        self.matched = matched
    }

    /// The day the backorder stopped being open (fulfilled or cancelled), nil while open.
    public var closedDay: Day? { fulfilledDay ?? cancelledDay }
}

/// One purchase-order receipt of a SKU (README, "receipts").
public struct ReceiptFact: Sendable, Hashable {
    public var supplier: String?
    public var orderedDay: Day
    public var receivedDay: Day
    public var quantity: Double?

    public init(supplier: String?, orderedDay: Day, receivedDay: Day, quantity: Double? = nil) {
        self.supplier = supplier
        self.orderedDay = orderedDay
        self.receivedDay = receivedDay
        self.quantity = quantity
    }

    /// Observed lead time in whole days: day(received_at) - day(ordered_at).
    public var leadTimeDays: Int { receivedDay - orderedDay }
}

/// One SKU's master data and current stock settings (README, "products").
public struct ProductFact: Sendable, Hashable {
    public var sku: String
    public var name: String?
    public var category: String?
    public var supplier: String?
    public var unitCost: Double?
    public var unitPrice: Double?
    public var onHand: Double?
    public var onOrder: Double?
    public var reorderPoint: Double?
    public var orderQuantity: Double?
    public var leadTimeDays: Double?
    /// 0.5...0.999, overrides the run's service level.
    public var serviceLevel: Double?
    /// Integer >= 1.
    public var casePack: Int?
    /// The `stocked` column: false for no, true for any other value, nil when empty
    /// (README, "Non-stock lines").
    public var stocked: Bool?

    public init(sku: String, name: String? = nil, category: String? = nil, supplier: String? = nil,
                unitCost: Double? = nil, unitPrice: Double? = nil, onHand: Double? = nil,
                onOrder: Double? = nil, reorderPoint: Double? = nil, orderQuantity: Double? = nil,
                leadTimeDays: Double? = nil, serviceLevel: Double? = nil, casePack: Int? = nil) {
        self.sku = sku
        self.name = name
        self.category = category
        self.supplier = supplier
        self.unitCost = unitCost
        self.unitPrice = unitPrice
        self.onHand = onHand
        self.onOrder = onOrder
        self.reorderPoint = reorderPoint
        self.orderQuantity = orderQuantity
        self.leadTimeDays = leadTimeDays
        self.serviceLevel = serviceLevel
        self.casePack = casePack
    }
}
