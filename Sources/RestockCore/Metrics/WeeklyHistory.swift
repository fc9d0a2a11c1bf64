/// A SKU's demand as daily and weekly series over the window (README, "The figures",
/// first paragraph: weeks and history).
///
/// Weeks are 7-day blocks ending on as-of: week 0 is [as-of - 6, as-of], week 1 the 7 days
/// before, and so on. Only whole weeks inside the window count: `settings.weekCount` =
/// floor(window-days / 7) of them, the oldest starting on `settings.firstWeekStart`. The
/// leftover days between `windowStart` and `firstWeekStart` (window-days mod 7 of them: one
/// for 365) count in the window's figures but fall in no week.
///
/// Series here are indexed **oldest first**: index 0 is the oldest whole week (it starts on
/// `firstWeekStart`), index `weekCount - 1` is week 0 (it ends on as-of).
///
/// A SKU's **history** starts with the first whole week that ends on or after the day of its
/// first non-cancelled order line in the window; a first order in the leftover days makes the
/// history start with the oldest whole week.
///
/// Every function ignores order days outside [windowStart, asOf] of the settings it is given
/// (rows dated after as-of are ignored by every number). The window's figures pass the run's
/// settings; the class, forecast and reorder point pass `settings.demandWindow`, whose window
/// is the demand history (the last 730 days, or the run's window where longer).
public enum WeeklyHistory {
    /// Days of order lines a run's class, forecast and reorder point read at least, ending at
    /// as-of (`RunSettings.demandDays`: the window where that is longer), so they pass
    /// `settings.demandWindow` here. Two years: the rate of a SKU's demand is estimated from
    /// twice the weeks, and the methods' out-of-sample race runs over twice the origins;
    /// measured on the calibration's two-year worlds (README, "How the reorder point is
    /// reached"). The methods that follow a changed level still follow it (README, "How the
    /// forecast is chosen"), and the mean is kept only where its errors show no drift.
    public static let evidenceDays = 730

    /// Units ordered per history week, oldest first, ending with the week that ends on as-of.
    ///
    /// Empty when the SKU has no order line in the window, or when the window holds no whole
    /// week (window-days < 7). Weeks of the history without demand are 0.
    public static func weekly(orderDays: [OrderDay], settings: RunSettings) -> [Double] {
        guard let start = historyStartIndex(orderDays: orderDays, settings: settings) else {
            return []
        }
        return Array(allWeeks(orderDays: orderDays, settings: settings)[start...])
    }

    /// First day of the SKU's first history week; nil when `weekly` is empty.
    public static func historyStart(orderDays: [OrderDay], settings: RunSettings) -> Day? {
        guard let index = historyStartIndex(orderDays: orderDays, settings: settings) else {
            return nil
        }
        return weekStart(index: index, settings: settings)
    }

    /// Units ordered in each of the window's whole weeks, oldest first (`settings.weekCount`
    /// values; for charts, which show the whole window whatever the SKU's history).
    public static func allWeeks(orderDays: [OrderDay], settings: RunSettings) -> [Double] {
        var totals = [Double](repeating: 0, count: max(settings.weekCount, 0))
        for orderDay in orderDays {
            if let index = weekIndex(of: orderDay.day, settings: settings) {
                totals[index] += orderDay.units
            }
        }
        return totals
    }

    /// Units ordered on each day of [from, through], oldest first (through - from + 1 values,
    /// 0 on days without orders; empty when through < from). Order days outside the range are
    /// ignored; several entries for one day are added up.
    public static func daily(orderDays: [OrderDay], from: Day, through: Day) -> [Double] {
        guard through >= from else { return [] }
        var totals = [Double](repeating: 0, count: through - from + 1)
        for orderDay in orderDays where orderDay.day >= from && orderDay.day <= through {
            totals[orderDay.day - from] += orderDay.units
        }
        return totals
    }

    /// The oldest-first index (0 ..< weekCount) of the whole week holding `day`; nil for a
    /// day after as-of or before `firstWeekStart` (a leftover day or outside the window).
    public static func weekIndex(of day: Day, settings: RunSettings) -> Int? {
        guard settings.weekCount > 0, day >= settings.firstWeekStart, day <= settings.asOf else {
            return nil
        }
        return (day - settings.firstWeekStart) / 7
    }

    /// First day of the whole week with oldest-first index `index`.
    public static func weekStart(index: Int, settings: RunSettings) -> Day {
        settings.firstWeekStart + 7 * index
    }

    /// Oldest-first index of the SKU's first history week, nil without history.
    static func historyStartIndex(orderDays: [OrderDay], settings: RunSettings) -> Int? {
        guard settings.weekCount > 0 else { return nil }
        // The first day with lines in the window, without building the list of them (this runs
        // twice for every SKU of a run).
        var firstOrder: Day?
        for d in orderDays where d.lines > 0 && d.day >= settings.windowStart && d.day <= settings.asOf {
            firstOrder = min(firstOrder ?? d.day, d.day)
        }
        guard let firstOrder else { return nil }
        // A first order in the leftover days: the oldest whole week is the first to end after it.
        return weekIndex(of: firstOrder, settings: settings) ?? 0
    }
}
