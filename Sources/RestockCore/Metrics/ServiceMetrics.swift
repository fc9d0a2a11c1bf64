/// One SKU's backorder and service figures over the window (CONTRACT.md §3, "Backorders and
/// service"), plus the weekly backorder counts the recommendation's reason quotes.
///
/// The window is [as-of - window-days + 1, as-of], both ends included; "in the window" below
/// always means a day in that range. Backorders dated after as-of (backordered day > as-of)
/// are ignored by every figure; a fulfilled or cancelled day after as-of is treated as not
/// yet happened (the backorder is open through as-of).
public struct ServiceMetrics: Sendable, Hashable {
    /// Non-cancelled order lines dated in the window.
    public var orderLines: Int
    /// Of those, the lines dated in each whole week of the window, oldest first (`weekCount`
    /// values, same weeks as `WeeklyHistory.allWeeks`); lines on the leftover days before the
    /// oldest week count in `orderLines` but in no week.
    public var weeklyOrderLines: [Int]
    /// Units on those lines (backordered units included), units.
    public var orderedUnits: Double
    /// Backorders whose backordered day is in the window (matched to an order line or not).
    public var backorderLines: Int
    /// Units of those backorders, units.
    public var backorderedUnits: Double
    /// Share 0...1 of the window's order lines that have a backorder (any date up to as-of)
    /// with the same order_id and sku; nil when there are no order lines.
    public var backorderRate: Double?
    /// Days 0...window-days of the window on which at least one backorder was open at the end
    /// of the day.
    public var stockoutDays: Int
    /// Units of backorders opened by as-of and neither fulfilled nor cancelled by the end of
    /// as-of, units.
    public var openBackorderUnits: Double
    /// Units of backorders cancelled (a lost sale) on a day in the window, units.
    public var lostUnits: Double
    /// Median fill time in days of backorders fulfilled in the window; nil when none.
    public var fillDaysP50: Double?
    /// 90th percentile fill time in days of backorders fulfilled in the window; nil when none.
    public var fillDaysP90: Double?
    /// Backorders counted in `backorderLines` (backordered day in the window) whose
    /// (order_id, sku) matches no order line in the store; the run summary adds them up.
    public var unmatchedBackorders: Int
    /// Whole weeks of the window (0...weekCount) in which at least one backorder was opened
    /// ("backordered on 14 of 52 weeks").
    public var backorderedWeeks: Int
    /// Backorders opened in each whole week of the window, oldest first (`weekCount` values,
    /// same weeks as `WeeklyHistory.allWeeks`); backorders opened on the leftover days before
    /// the oldest week count in `backorderLines` but in no week.
    public var weeklyBackorderLines: [Int]

    public init(orderLines: Int = 0, orderedUnits: Double = 0, backorderLines: Int = 0,
                backorderedUnits: Double = 0, backorderRate: Double? = nil, stockoutDays: Int = 0,
                openBackorderUnits: Double = 0, lostUnits: Double = 0, fillDaysP50: Double? = nil,
                fillDaysP90: Double? = nil, unmatchedBackorders: Int = 0, backorderedWeeks: Int = 0,
                weeklyOrderLines: [Int] = [], weeklyBackorderLines: [Int] = []) {
        self.orderLines = orderLines
        self.weeklyOrderLines = weeklyOrderLines
        self.orderedUnits = orderedUnits
        self.backorderLines = backorderLines
        self.backorderedUnits = backorderedUnits
        self.backorderRate = backorderRate
        self.stockoutDays = stockoutDays
        self.openBackorderUnits = openBackorderUnits
        self.lostUnits = lostUnits
        self.fillDaysP50 = fillDaysP50
        self.fillDaysP90 = fillDaysP90
        self.unmatchedBackorders = unmatchedBackorders
        self.backorderedWeeks = backorderedWeeks
        self.weeklyBackorderLines = weeklyBackorderLines
    }

    /// Computes the figures of one SKU.
    ///
    /// - Parameters:
    ///   - orderDays: the SKU's non-cancelled order lines aggregated per day, any dates (days
    ///     outside the window are ignored). `backorderedLines` is the store's match of each
    ///     line to a backorder; it is only summed here.
    ///   - backorders: every backorder of the SKU in the store, any dates.
    ///   - settings: as-of and window-days decide the window and the weeks.
    public static func compute(orderDays: [OrderDay], backorders: [BackorderFact],
                               settings: RunSettings) -> ServiceMetrics {
        let start = settings.windowStart
        let asOf = settings.asOf
        func inWindow(_ day: Day?) -> Bool {
            guard let day else { return false }
            return day >= start && day <= asOf
        }

        let weeks = max(settings.weekCount, 0)
        var result = ServiceMetrics(weeklyOrderLines: [Int](repeating: 0, count: weeks),
                                    weeklyBackorderLines: [Int](repeating: 0, count: weeks))

        result.countOrderLines(orderDays, settings: settings)

        var fillDays: [Double] = []
        var openIntervals: [(first: Day, last: Day)] = []
        for backorder in backorders where backorder.backorderedDay <= asOf {
            // A close dated after as-of has not happened yet for this run.
            let closed = backorder.closedDay.flatMap { $0 <= asOf ? $0 : nil }

            if inWindow(backorder.backorderedDay) {
                result.backorderLines += 1
                result.backorderedUnits += backorder.quantity
                if !backorder.matched { result.unmatchedBackorders += 1 }
                if let week = WeeklyHistory.weekIndex(of: backorder.backorderedDay,
                                                      settings: settings) {
                    result.weeklyBackorderLines[week] += 1
                }
            }
            if closed == nil {
                result.openBackorderUnits += backorder.quantity
            }
            if inWindow(backorder.cancelledDay) {
                result.lostUnits += backorder.quantity
            }
            if let fulfilled = backorder.fulfilledDay, inWindow(fulfilled) {
                fillDays.append(Double(fulfilled - backorder.backorderedDay))
            }
            // Open at the end of day X for backordered <= X < closed (through as-of if open),
            // clipped to the window.
            let first = max(backorder.backorderedDay, start)
            let last = min((closed ?? asOf + 1) - 1, asOf)
            if first <= last { openIntervals.append((first, last)) }
        }

        result.stockoutDays = unionLength(openIntervals)
        result.fillDaysP50 = Percentile.inclusive(fillDays, 0.5)
        result.fillDaysP90 = Percentile.inclusive(fillDays, 0.9)
        result.backorderedWeeks = result.weeklyBackorderLines.count(where: { $0 > 0 })
        return result
    }

    /// Adds the window's order lines (in total and per week) and sets the backorder rate.
    private mutating func countOrderLines(_ orderDays: [OrderDay], settings: RunSettings) {
        var backorderedOrderLines = 0
        for orderDay in orderDays where orderDay.day >= settings.windowStart && orderDay.day <= settings.asOf {
            orderLines += orderDay.lines
            orderedUnits += orderDay.units
            backorderedOrderLines += orderDay.backorderedLines
            if let week = WeeklyHistory.weekIndex(of: orderDay.day, settings: settings) {
                weeklyOrderLines[week] += orderDay.lines
            }
        }
        if orderLines > 0 {
            backorderRate = Double(backorderedOrderLines) / Double(orderLines)
        }
    }

    /// Number of days covered by the union of closed day intervals [first, last].
    static func unionLength(_ intervals: [(first: Day, last: Day)]) -> Int {
        var total = 0
        var coveredThrough: Day?
        for interval in intervals.sorted(by: { $0.first < $1.first }) {
            let first = coveredThrough.map { max(interval.first, $0 + 1) } ?? interval.first
            if interval.last >= first {
                total += interval.last - first + 1
                coveredThrough = interval.last
            }
        }
        return total
    }
}

extension SKUFigures {
    /// Copies the backorder and service figures into this `skus.csv` row.
    public mutating func apply(_ metrics: ServiceMetrics) {
        orderLines = metrics.orderLines
        orderedUnits = metrics.orderedUnits
        backorderLines = metrics.backorderLines
        backorderedUnits = metrics.backorderedUnits
        backorderRate = metrics.backorderRate
        stockoutDays = metrics.stockoutDays
        openBackorderUnits = metrics.openBackorderUnits
        lostUnits = metrics.lostUnits
        fillDaysP50 = metrics.fillDaysP50
        fillDaysP90 = metrics.fillDaysP90
    }
}
