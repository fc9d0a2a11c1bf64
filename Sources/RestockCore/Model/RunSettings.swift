/// The settings of one run that change the numbers (README, "Commands").
public struct RunSettings: Sendable, Hashable, Codable {
    /// Last day of history the run uses.
    public var asOf: Day
    /// Days in the window ending at as-of, both ends included (default 365).
    public var windowDays: Int
    /// Target cycle service level, 0.5...0.999 (default 0.95).
    public var serviceLevel: Double
    /// Lead time used when nothing better is known, days (default 14).
    public var leadTimeDays: Double
    /// Days of forecast one order covers when products give no order_quantity (default 30).
    public var orderCoverDays: Double
    /// IANA time zone name that decides which day a date-time falls on (default "UTC").
    public var timeZone: String
    /// Days an order line may take to ship before it counts as backordered, where
    /// backorders are inferred from orders (default 3; README, "Backorders inferred from orders").
    public var handlingDays: Int = BackorderInference.defaultHandlingDays
    /// Days of receipts the lead time reads at least, ending at as-of, where the window is
    /// shorter (default `LeadTimeEstimator.evidenceDays`, 730; README, "How the lead time is
    /// forecast"). The replay's play sets 0 to keep its own look-back.
    public var leadTimeEvidenceDays: Int = LeadTimeEstimator.evidenceDays
    /// Days of order lines the demand class, the forecast and the reorder point read at least,
    /// ending at as-of, where the window is shorter (default `WeeklyHistory.evidenceDays`,
    /// 730; README, "The figures"). The window's own figures (backorders, service, charts,
    /// returns, price) read the window alone. The replay's play sets 0: it reads its period.
    public var demandEvidenceDays: Int = WeeklyHistory.evidenceDays

    public init(asOf: Day, windowDays: Int = 365, serviceLevel: Double = 0.95,
                leadTimeDays: Double = 14, orderCoverDays: Double = 30, timeZone: String = "UTC") {
        self.asOf = asOf
        self.windowDays = windowDays
        self.serviceLevel = serviceLevel
        self.leadTimeDays = leadTimeDays
        self.orderCoverDays = orderCoverDays
        self.timeZone = timeZone
    }

    /// First day of the window: as-of - window-days + 1.
    public var windowStart: Day { asOf - windowDays + 1 }
    /// Days of receipts the lead time reads, ending at as-of: the window, or
    /// `leadTimeEvidenceDays` where that is longer.
    public var receiptDays: Int { max(windowDays, leadTimeEvidenceDays) }
    /// First day of the receipts the lead time reads: as-of - receiptDays + 1.
    public var receiptsStart: Day { asOf - receiptDays + 1 }
    /// Days of order lines the class, forecast and reorder point read, ending at as-of: the
    /// window, or `demandEvidenceDays` where that is longer.
    public var demandDays: Int { max(windowDays, demandEvidenceDays) }
    /// First day of the order lines the class, forecast and reorder point read.
    public var demandStart: Day { asOf - demandDays + 1 }
    /// These settings with the window widened to the demand history (`demandDays`): what
    /// `WeeklyHistory` takes for the weeks the class, forecast and reorder point read.
    public var demandWindow: RunSettings {
        var s = self
        s.windowDays = demandDays
        return s
    }
    /// Number of whole 7-day weeks ending on as-of inside the window (365 days: 52).
    public var weekCount: Int { windowDays / 7 }
    /// First day of the oldest whole week.
    public var firstWeekStart: Day { asOf - weekCount * 7 + 1 }
}

/// The Syntetos-Boylan-Croston demand class of a SKU (README, "The figures").
public enum DemandClass: String, Sendable, Codable, CaseIterable {
    case smooth, erratic, intermittent, lumpy, new
}

/// Where a SKU's lead-time forecast came from (README, "How the lead time is forecast").
public enum LeadTimeSource: String, Sendable, Codable, CaseIterable {
    case receipts, supplier, quoted
    case fillTimes = "fill_times"
    case `default`
}
