/// One stocking policy as a replay plays it: a continuous-review (s, nQ) policy in force from a
/// day on (README, "Replay").
///
/// Whenever the inventory position (on hand + on order - units owed to waiting customers)
/// falls to or below `reorderPoint`, the smallest whole number of `orderQuantity` lots that
/// lifts it above the reorder point is ordered at once.
public struct ReplayPolicy: Sendable, Hashable {
    /// The first day the policy is in force (a decision day).
    public var from: Day
    /// s, units.
    public var reorderPoint: Double
    /// Q, units (> 0).
    public var orderQuantity: Double

    public init(from: Day, reorderPoint: Double, orderQuantity: Double) {
        self.from = from
        self.reorderPoint = reorderPoint
        self.orderQuantity = orderQuantity
    }
}

/// One day of real demand for a replay: the SKU's non-cancelled order lines of that day.
///
/// The store keeps order lines as daily totals, so a day's lines are played as equal lines of
/// the day's mean size, in one go (README, "Replay": what a replay can and cannot tell).
public struct ReplayDemandDay: Sendable, Hashable {
    public var day: Day
    /// Order lines that day (>= 1 for a day with demand).
    public var lines: Int
    /// Units ordered on them.
    public var units: Double

    public init(day: Day, lines: Int, units: Double) {
        self.day = day
        self.lines = lines
        self.units = units
    }
}
