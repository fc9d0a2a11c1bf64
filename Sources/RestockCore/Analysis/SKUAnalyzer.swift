/// One SKU's figures and the evidence behind them: what `skus.csv`, the report and
/// `restock sku` show.
public struct SKUAnalysis: Sendable {
    public var figures: SKUFigures
    /// Units per history week, oldest first (the SKU's history, README, "The figures").
    public var weeklyHistory: [Double]
    /// Units per whole week of the window, oldest first (for charts).
    public var windowWeeks: [Double]
    /// Non-cancelled order lines per whole week of the window, oldest first
    /// (`ServiceMetrics.weeklyOrderLines`; the report's chart adds them up over SKUs).
    public var weeklyOrderLines: [Int]
    /// Backorder lines opened per whole week of the window, oldest first.
    public var weeklyBackorderLines: [Int]
    /// The forecast choice with every candidate's out-of-sample error.
    public var forecast: ForecastChoice
    public var leadTime: LeadTimeForecast
    public var reorderPoint: ReorderPointResult
    /// Backorders in the window with no order line in the store.
    public var unmatchedBackorders: Int
    /// Weeks of the window with at least one backorder opened.
    public var backorderedWeeks: Int
    /// Days of the demand history holding a bulk line (`OneOffBulkRule`), oldest first.
    public var oneOffDays: [OneOffDay] = []
    /// The SKU's open backorders, first in first out, with the days each is expected to ship
    /// (`BackorderQueue`; open_backorders.csv).
    public var openBackorders: [OpenBackorderDates] = []
}

/// The pure per-SKU pipeline: metrics, demand class, forecast, lead time, reorder point and
/// policy figures (README, "The figures"), from the SKU's facts and the run's settings.
public enum SKUAnalyzer {
    /// Computes every figure of one SKU, reading its supplier's pool only where the lead-time
    /// estimate uses it (`LeadTimeEstimator.readsSupplierReceipts`).
    public static func analyze(_ facts: SKUFacts, pools: SupplierPools, settings: RunSettings) -> SKUAnalysis {
        let others = LeadTimeEstimator.readsSupplierReceipts(own: facts.receipts, asOf: settings.asOf,
                                                             receiptDays: settings.receiptDays)
            ? pools.others(of: facts.sku, supplier: facts.supplier) : []
        return analyze(facts, supplierOthers: others, settings: settings)
    }

    /// Computes every figure of one SKU.
    ///
    /// - Parameter supplierOthers: recent receipts of the supplier's other SKUs, for pooling
    ///   thin lead-time evidence (`SupplierPools.others`).
    public static func analyze(_ facts: SKUFacts, supplierOthers: [ReceiptFact], settings: RunSettings) -> SKUAnalysis {
        let product = facts.product
        var f = SKUFigures(sku: facts.sku)
        f.name = product?.name
        f.category = product?.category
        f.supplier = facts.supplier

        // Backorders and service.
        let metrics = ServiceMetrics.compute(orderDays: facts.orderDays, backorders: facts.backorders, settings: settings)
        f.apply(metrics)
        f.returnedUnits = facts.returnedUnits
        f.backorderSource = facts.backorderSource

        // Demand class and forecast on the weekly history (the last two years, or the window
        // where it is longer: `RunSettings.demandWindow`), one-off bulk lines at the usual size.
        let bulk = OneOffBulkRule.apply(facts.orderDays, recurring: facts.recurringBulk)
        f.oneOffUnits = bulk.flagged.reduce(0) { $0 + $1.setAsideUnits }
        let weekly = WeeklyHistory.weekly(orderDays: bulk.seen, settings: settings.demandWindow)
        let forecast = demandAndForecast(&f, weekly: weekly)

        let leadTime = leadTime(facts, supplierOthers: supplierOthers, settings: settings)
        f.leadTimeDays = leadTime.days
        f.leadTimeSDDays = leadTime.sdDays
        f.leadTimeSource = leadTime.source
        // The rate the reorder point is fed: the forecast's mean over the lead time.
        f.forecastDaily = forecast.path.dailyRate(overDays: leadTime.days)

        let rop = applyPolicy(&f, facts: facts, history: bulk.seen, leadTime: leadTime, settings: settings)
        let open = openBackorders(facts, leadTime: leadTime, settings: settings)
        f.backorderETA = BackorderQueue.eta(open)
        decide(&f, nonStock: facts.nonStock)
        f.reason = f.isRecommended || f.isToSetUp
            ? reason(f, backorderedWeeks: metrics.backorderedWeeks, weeks: settings.weekCount,
                     historyWeeks: weekly.count, demandWeeks: settings.demandWindow.weekCount,
                     leadTime: leadTime, bulkDays: bulk.flagged) : ""

        return SKUAnalysis(figures: f, weeklyHistory: weekly,
                           windowWeeks: WeeklyHistory.allWeeks(orderDays: facts.orderDays, settings: settings),
                           weeklyOrderLines: metrics.weeklyOrderLines,
                           weeklyBackorderLines: metrics.weeklyBackorderLines, forecast: forecast, leadTime: leadTime,
                           reorderPoint: rop, unmatchedBackorders: metrics.unmatchedBackorders,
                           backorderedWeeks: metrics.backorderedWeeks, oneOffDays: bulk.flagged, openBackorders: open)
    }

    /// What the SKU's figures lead to: a recommendation (its reorder point should rise or it
    /// should be ordered now), a reorder point to set up (its stock settings are not known:
    /// neither on_hand nor a reorder point in force; README, "Advice without stock levels"),
    /// or neither. A SKU that is not stock is neither, and its reorder-point figures are 0
    /// (README, "Non-stock lines").
    static func decide(_ f: inout SKUFigures, nonStock: NonStock?) {
        f.stockKnown = f.onHand != nil || f.reorderPointInForce != nil
        if let nonStock {
            f.leftOut = nonStock
            f.reorderPoint = 0
            f.safetyStock = 0
            f.reorderPointIncrease = 0
            f.orderNowUnits = f.orderNowUnits.map { _ in 0 }
            f.revenueAtRisk = 0
        } else if !f.stockKnown {
            f.revenueAtRisk = 0
            f.isToSetUp = f.reorderPoint > 0
        } else {
            f.isRecommended = f.reorderPointIncrease > 0 || (f.orderNowUnits ?? 0) > 0
        }
    }

    /// The SKU's backorders open at the end of as-of, dated by `BackorderQueue` with the
    /// lead-time model's values (`LeadTimeDistribution`); none for a SKU that is not stock,
    /// which restock never restocks (README, "Non-stock lines").
    static func openBackorders(_ facts: SKUFacts, leadTime: LeadTimeForecast, settings: RunSettings) -> [OpenBackorderDates] {
        guard facts.nonStock == nil else { return [] }
        let asOf = settings.asOf
        let open = facts.backorders.filter { $0.backorderedDay <= asOf && ($0.closedDay.map { $0 > asOf } ?? true) }
        guard !open.isEmpty else { return [] }
        return BackorderQueue.dates(open: open, onHand: facts.product?.onHand, onOrder: facts.product?.onOrder,
                                    leadTimes: LeadTimeDistribution(leadTime).values, meanLeadTime: leadTime.days, asOf: asOf)
    }

    /// The demand class and the chosen forecast of a weekly history, written into `f`
    /// (but for forecast_daily, the forecast's rate over the lead time, set once that is known).
    static func demandAndForecast(_ f: inout SKUFigures, weekly: [Double]) -> ForecastChoice {
        let classification = DemandClassifier.classify(weekly: weekly)
        f.adi = classification.adi
        f.cv2 = classification.cv2
        f.demandClass = classification.demandClass
        let forecast = ForecastSelector.select(weekly: weekly, demandClass: classification.demandClass)
        f.forecastMethod = forecast.method
        f.forecastMAE = forecast.mae
        f.forecastBias = forecast.bias
        return forecast
    }

    /// The lead-time forecast from the SKU's receipts, its supplier's, its quote, the fill
    /// days of its backorders fulfilled in the window, or the run's default.
    static func leadTime(_ facts: SKUFacts, supplierOthers: [ReceiptFact], settings: RunSettings) -> LeadTimeForecast {
        let window = settings.windowStart...settings.asOf
        let fillDays = facts.backorders.compactMap { b -> Int? in
            guard let d = b.fulfilledDay, window.contains(d) else { return nil }
            return d - b.backorderedDay
        }
        return LeadTimeEstimator.estimate(
            own: facts.receipts, supplierOthers: supplierOthers, quotedDays: facts.product?.leadTimeDays,
            fillDays: fillDays, defaultDays: settings.leadTimeDays, asOf: settings.asOf, receiptDays: settings.receiptDays)
    }

    /// The policy figures (order quantity, reorder point and its increase, stock position,
    /// order now, price, revenue at risk), written into `f`, which holds the
    /// service and forecast figures already; returns the reorder point model's result.
    ///
    /// - Parameter history: the order days the reorder point model sees (one-off bulk lines
    ///   at the usual size, `OneOffBulkRule`).
    static func applyPolicy(_ f: inout SKUFigures, facts: SKUFacts, history: [OrderDay], leadTime: LeadTimeForecast,
                            settings: RunSettings) -> ReorderPointResult {
        let product = facts.product
        f.serviceLevel = product?.serviceLevel ?? settings.serviceLevel
        let casePack = product?.casePack
        f.orderQuantity = PolicyFigures.orderQuantity(productQty: product?.orderQuantity, forecastDaily: f.forecastDaily,
                                                      coverDays: settings.orderCoverDays, casePack: casePack)
        let historyStart = WeeklyHistory.historyStart(orderDays: facts.orderDays, settings: settings.demandWindow)
            ?? settings.asOf + 1
        let model = ReorderPointModel(history: history, historyStart: historyStart, asOf: settings.asOf,
                                      forecastDaily: f.forecastDaily, leadTime: leadTime,
                                      orderQuantity: f.orderQuantity, serviceLevel: f.serviceLevel)
        let rop = model.result
        f.reorderPoint = Double(rop.reorderPoint)
        f.safetyStock = rop.safetyStock
        f.reorderPointInForce = product?.reorderPoint
        f.reorderPointIncrease = PolicyFigures.reorderPointIncrease(recommended: rop.reorderPoint, inForce: f.reorderPointInForce,
                                                                    casePack: casePack)
        f.onHand = product?.onHand
        f.onOrder = product?.onOrder
        f.inventoryPosition = PolicyFigures.inventoryPosition(onHand: f.onHand, onOrder: f.onOrder,
                                                              openBackorderUnits: f.openBackorderUnits)
        f.orderNowUnits = PolicyFigures.orderNowUnits(inventoryPosition: f.inventoryPosition, reorderPoint: rop.reorderPoint,
                                                      orderQuantity: f.orderQuantity)
        f.unitPrice = product?.unitPrice ?? meanPrice(facts.orderDays, window: settings.windowStart...settings.asOf)
        let shortage = model.expectedShortagePerCycle(reorderPoint: f.reorderPointInForce ?? 0)
        f.revenueAtRisk = PolicyFigures.revenueAtRisk(expectedShortagePerCycle: shortage, forecastDaily: f.forecastDaily,
                                                      orderQuantity: f.orderQuantity, unitPrice: f.unitPrice)
        return rop
    }

    /// The mean unit_price of the SKU's priced order lines in the window, nil without any.
    static func meanPrice(_ days: [OrderDay], window: ClosedRange<Day>) -> Double? {
        var sum = 0.0, count = 0
        for d in days where window.contains(d.day) {
            sum += d.priceSum
            count += d.pricedLines
        }
        return count > 0 ? sum / Double(count) : nil
    }

    /// A figure for a sentence: whole numbers as they are, others to one decimal below 100
    /// and to the unit above ("17.9 units a week", "354").
    static func words(_ x: Double) -> String {
        guard x.isFinite else { return CSVWriter.format(x) }
        if x == x.rounded() || abs(x) >= 100 {
            // CSVWriter.format of a whole number below 10^15 is its digits ("-0" as "0").
            let whole = x.rounded()
            if abs(whole) < 1e15 { return String(Int(whole)) }
            return CSVWriter.format(whole)
        }
        // Below 100: CSVWriter.format of a whole number of tenths, trailing ".0" dropped.
        let tenths = Int((x * 10).rounded())
        if tenths % 10 == 0 { return String(tenths / 10) }
        return DecimalText.fixed(Int64(tenths), places: 1)
    }

    /// The demand history's bulk days in a clause of the reason (README, "One-off bulk orders"): the
    /// largest one, and whether it counts as ordered or was left at the usual size; nil
    /// without any. A point driven by a few large orders says so.
    static func bulkWords(_ days: [OneOffDay]) -> String? {
        guard let largest = days.max(by: { ($0.units, $1.day) < ($1.units, $0.day) }) else { return nil }
        let n = words
        let day = "\(n(largest.units)) units on \(CivilDate.string(largest.day))"
        if largest.isOneOff { return "a one-off bulk line (\(day)) counted at the usual size" }
        return days.count == 1 ? "a bulk line (\(day)) counted as ordered"
            : "\(days.count) days of bulk lines counted as ordered, the largest \(day)"
    }

    /// Fewer history weeks than this, and the reason says the rate rests on only so many.
    static let shortHistoryWeeks = 13

    /// Why the SKU is recommended, in words, with the figures behind it (README, "The figures":
    /// recommendations.csv's reason).
    ///
    /// - Parameters:
    ///   - weeks: the window's whole weeks (for "backordered on N of `weeks` weeks").
    ///   - historyWeeks: the SKU's history weeks; `demandWeeks`: the most it could have
    ///     (the demand history's whole weeks). Fewer than 13, and fewer than it could have,
    ///     is "from only N weeks of sales".
    static func reason(_ f: SKUFigures, backorderedWeeks: Int, weeks: Int, historyWeeks: Int, demandWeeks: Int,
                       leadTime: LeadTimeForecast,
                       bulkDays: [OneOffDay] = []) -> String {
        let n = words
        var parts: [String] = []
        if backorderedWeeks > 0 {
            parts.append("backordered on \(backorderedWeeks) of \(weeks) weeks")
        } else {
            parts.append("no backorders in the window")
        }
        if f.openBackorderUnits > 0 { parts.append("\(n(f.openBackorderUnits)) units waiting") }
        let short = historyWeeks > 0 && historyWeeks < min(demandWeeks, shortHistoryWeeks)
            ? " from only \(ReportFormat.plural(historyWeeks, "week")) of sales" : ""
        parts.append("\(f.demandClass.rawValue) demand of \(n(f.forecastDaily * 7)) units a week\(short)")
        if let bulk = bulkWords(bulkDays) { parts.append(bulk) }
        parts.append("lead time \(leadTime.explanation)")
        if let inForce = f.reorderPointInForce {
            if f.reorderPointIncrease > 0 {
                parts.append("reorder point \(n(inForce)) -> \(n(f.reorderPoint)) for \(n(f.serviceLevel * 100))% of cycles without a backorder")
            }
        } else {
            parts.append("no reorder point set: use \(n(f.reorderPoint)) for \(n(f.serviceLevel * 100))% of cycles without a backorder")
        }
        if let now = f.orderNowUnits, now > 0, let position = f.inventoryPosition {
            parts.append("order \(n(now)) units now (stock position \(n(position)) is not above \(n(f.reorderPoint)))")
        }
        return parts.joined(separator: "; ")
    }
}
