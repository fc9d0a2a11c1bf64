/// The small policy figures of README, "The figures" around the reorder point: order quantity,
/// reorder-point increase, inventory position, units to order now and revenue at risk (the
/// expected shipping days of open backorders are `BackorderQueue`'s).
public enum PolicyFigures {
    /// Slack for floating-point noise when a quotient is rounded up or down to a whole
    /// number (30 x 0.1 is 3.0000000000000004, which must stay 3).
    static let tolerance = 1e-9

    /// `order_quantity`, units > 0: products' order_quantity as given; else `coverDays` of
    /// forecast, rounded up to a whole unit and then to whole case packs; at least one unit
    /// (one pack), so that a SKU with a zero forecast still has a lot to order.
    ///
    /// Example: forecast 2.35/day, 30 days, case pack 12: ceil(70.5) = 71 -> 72.
    public static func orderQuantity(productQty: Double?, forecastDaily: Double,
                                     coverDays: Double, casePack: Int?) -> Double {
        if let given = productQty, given > 0, given.isFinite { return given }
        let cover = max(0, coverDays * forecastDaily)
        let units = max(1, roundUp(cover.isFinite ? cover : 0))
        return roundUpToPacks(units, casePack: casePack)
    }

    /// `reorder_point_increase`, units >= 0: recommended - in force, rounded up to a whole
    /// number of case packs, 0 when not positive; when none is in force, the recommended
    /// point itself (README, "The figures": not rounded to packs, since the reorder point is
    /// a level of the position, not a quantity that is ordered).
    ///
    /// Example: recommended 63, in force 40, pack 6: 23 -> 24.
    public static func reorderPointIncrease(recommended: Int, inForce: Double?,
                                            casePack: Int?) -> Double {
        guard let current = inForce else { return Double(recommended) }
        let rise = Double(recommended) - current
        guard rise > tolerance else { return 0 }
        return roundUpToPacks(rise, casePack: casePack)
    }

    /// `inventory_position` = on_hand + on_order - open_backorder_units, units; nil without
    /// on_hand; a missing on_order counts as 0.
    ///
    /// A negative on_hand is a shop system's count of units sold without stock (README,
    /// "products"): the shelf holds 0 and -on_hand units are owed to waiting customers, the
    /// same customers restock's open backorders count where it knows them. The units owed
    /// are then the larger of the two, never their sum: on_order - max(-on_hand,
    /// open_backorder_units).
    ///
    /// Example: on_hand -5, on_order 12, 3 units on open backorders: 12 - max(5, 3) = 7;
    /// with 8 units on open backorders, 12 - 8 = 4.
    public static func inventoryPosition(onHand: Double?, onOrder: Double?,
                                         openBackorderUnits: Double) -> Double? {
        guard let onHand else { return nil }
        let owed = max(openBackorderUnits, -onHand)
        return max(0, onHand) + (onOrder ?? 0) - owed
    }

    /// `order_now_units`: the smallest whole number of `orderQuantity` lots that lifts the
    /// position above the reorder point, units: `(floor((s - IP) / Q) + 1) x Q` when
    /// IP <= s, 0 when IP > s; nil without a position (no on_hand) or with Q <= 0.
    ///
    /// Example: IP 10, s 40, Q 12: floor(30/12) + 1 = 3 lots = 36 units (10 + 36 = 46 > 40).
    public static func orderNowUnits(inventoryPosition: Double?, reorderPoint: Int,
                                     orderQuantity: Double) -> Double? {
        guard let position = inventoryPosition, orderQuantity > 0 else { return nil }
        let gap = Double(reorderPoint) - position
        guard gap >= -tolerance else { return 0 }
        let lots = (gap / orderQuantity + tolerance).rounded(.down) + 1
        return lots * orderQuantity
    }

    /// `revenue_at_risk`, currency per year: expected shortage per cycle (units) x order
    /// cycles per year (365 x forecast_daily / order_quantity) x unit_price. 0 without a
    /// price, a forecast or a positive order quantity.
    ///
    /// Example: 2.5 units short per cycle, 4/day, Q 73: 20 cycles a year -> 50 units x 9.90
    /// = 495. Capped at a year's demand (365 x forecastDaily units): 100 units short per
    /// cycle at 1/day, Q 10 is 36.5 cycles x 100 = 3,650 units, capped at 365.
    public static func revenueAtRisk(expectedShortagePerCycle: Double, forecastDaily: Double,
                                     orderQuantity: Double, unitPrice: Double?) -> Double {
        guard let price = unitPrice, price > 0, price.isFinite, orderQuantity > 0, forecastDaily > 0, forecastDaily.isFinite else { return 0 }
        // Units short in a year can never exceed a year's demand: with order lines much larger
        // than the lot, shortage per cycle x cycles per year would count a unit twice.
        // No shortage is no revenue at risk, even where cycles a year overflow (0 x inf is NaN).
        let perCycle = max(0, expectedShortagePerCycle)
        let shortYearly = perCycle == 0 ? 0 : min(perCycle * (365 * forecastDaily / orderQuantity), 365 * forecastDaily)
        // An infinite shortage times no cycles (values of a store from before the input bounds).
        guard !shortYearly.isNaN else { return 0 }
        return shortYearly * price
    }

    /// x rounded up to a whole number, ignoring floating-point noise below `tolerance`.
    static func roundUp(_ x: Double) -> Double { (x - tolerance).rounded(.up) }

    /// Units rounded up to whole case packs (a missing or non-positive pack is 1 unit).
    ///
    /// The units are rounded up to whole units first (with the tolerance), and the whole
    /// units then to whole packs exactly: the tolerance is for noise in units, so a rise of
    /// 1 unit with packs of 1,000,000,000 is one pack, not 0 (1 / 10^9 is within 10^-9 of 0).
    static func roundUpToPacks(_ units: Double, casePack: Int?) -> Double {
        let pack = Double(max(1, casePack ?? 1))
        return (roundUp(units) / pack).rounded(.up) * pack
    }
}
