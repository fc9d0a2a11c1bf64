/// One order line with a negative quantity: a credit (README, "Returns and cancellations").
public struct CreditLine: Sendable, Hashable {
    public var day: Day
    /// Units credited (the line's quantity without its sign).
    public var units: Double
    /// Whether it cancels units rather than returns them: its line is cancelled, or its order
    /// has a sale of the same SKU.
    public var isCancellation: Bool

    public init(day: Day, units: Double, isCancellation: Bool) {
        self.day = day
        self.units = units
        self.isCancellation = isCancellation
    }
}

/// Takes credits out of a SKU's demand (README, "Returns and cancellations").
public enum CreditNetting {
    /// `totals` (one per day, in day order) with each credit's units taken out of the demand
    /// it most likely credits: all from the latest day at or before the credit's day with at
    /// least that many units; else from the days at or before it, latest first, never below 0
    /// units a day. A day left with no units is dropped (its lines were all credited back).
    /// Units a credit finds no demand for are not taken out of anything.
    public static func net(_ totals: [DailyTotal], credits: [CreditLine]) -> [DailyTotal] {
        guard !credits.isEmpty else { return totals }
        var result = totals
        for credit in credits {
            var left = credit.units
            let last = result.lastIndex(where: { $0.day <= credit.day }) ?? -1
            var i = (0 ..< last + 1).last(where: { result[$0].units >= left }) ?? last
            while left > 0 && i >= 0 {
                let taken = min(left, result[i].units)
                result[i].units -= taken
                left -= taken
                i -= 1
            }
        }
        return result.filter { $0.units > 0 }
    }

    /// Units returned: the units of the credits that are not cancellations.
    public static func returnedUnits(_ credits: [CreditLine]) -> Double {
        credits.reduce(0) { $1.isCancellation ? $0 : $0 + $1.units }
    }
}
