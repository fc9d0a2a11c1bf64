/// What one policy did over a replayed period, for one SKU (README, "Replay").
public struct ReplayOutcome: Sendable, Hashable {
    /// Order lines that found too little stock (some or all of their units waited).
    public var backorderLines = 0
    /// Units that could not ship when ordered (they waited for a receipt).
    public var unitsShort = 0.0
    /// Units ordered by customers over the period.
    public var unitsDemanded = 0.0
    /// Whole replenishment cycles (from one receipt to the next) inside the period.
    public var cycles = 0
    /// Of those, cycles in which no order line waited.
    public var cyclesWithoutBackorder = 0
    /// Purchase orders placed.
    public var purchaseOrders = 0
    /// Sum over the period's days of the stock on hand at the end of the day, units x days.
    public var onHandDays = 0.0
    /// Days played.
    public var days = 0
    /// Stock on hand at the end of each week of the period (the last day of each 7-day block
    /// from the first day), for the SKU's chart.
    public var weeklyOnHand: [Double] = []
    /// Backorder lines per 7-day block from the first day.
    public var weeklyBackorderLines: [Int] = []

    public init() {}

    /// Share of whole replenishment cycles that passed without a backorder; nil without a
    /// whole cycle.
    public var cycleServiceLevel: Double? {
        cycles > 0 ? Double(cyclesWithoutBackorder) / Double(cycles) : nil
    }

    /// Share of demanded units that shipped when ordered; nil without demand.
    public var fillRate: Double? {
        unitsDemanded > 0 ? 1 - unitsShort / unitsDemanded : nil
    }

    /// Mean stock on hand at the end of a day, units; nil before any day was played.
    public var meanOnHand: Double? {
        days > 0 ? onHandDays / Double(days) : nil
    }

    /// Adds another SKU's outcome (for totals by class); the weekly paths are not summed.
    public mutating func add(_ other: ReplayOutcome) {
        backorderLines += other.backorderLines
        unitsShort += other.unitsShort
        unitsDemanded += other.unitsDemanded
        cycles += other.cycles
        cyclesWithoutBackorder += other.cyclesWithoutBackorder
        purchaseOrders += other.purchaseOrders
        onHandDays += other.onHandDays
        days += other.days
    }
}
