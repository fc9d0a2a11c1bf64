/// Which of a SKU's stored facts a run counts, and which SKUs get a row in `skus.csv`
/// (README, The figures): the window is [as-of - window-days + 1, as-of], both ends
/// included, and nothing dated after as-of counts.
///
/// The store reads every stored fact; these rules decide what of it reaches the per-SKU
/// computation. They are pure, so they are tested without a database.
public struct WindowRules: Sendable, Hashable {
    /// First day of the window.
    public let start: Day
    /// Last day of the window (the run's as-of).
    public let asOf: Day
    /// First day of the receipts that count for the lead time (`RunSettings.receiptsStart`):
    /// the window's start, or earlier where the window is shorter than the lead time's
    /// evidence (730 days).
    public let receiptsStart: Day
    /// First day of the order lines (and credits) that count for the demand class, the
    /// forecast and the reorder point (`RunSettings.demandStart`): the window's start, or
    /// earlier where the window is shorter than the demand's evidence (730 days).
    public let demandStart: Day
    /// Days a line may take to ship before it counts as backordered (`BackorderInference`).
    public let handlingDays: Int

    public init(settings: RunSettings) {
        start = settings.windowStart
        asOf = settings.asOf
        receiptsStart = settings.receiptsStart
        demandStart = settings.demandStart
        handlingDays = settings.handlingDays
    }

    /// Whether `day` is in the window.
    @inlinable
    public func contains(_ day: Day) -> Bool { day >= start && day <= asOf }

    /// Whether a backorder matters to any figure of the run: opened by as-of and not closed
    /// (fulfilled or cancelled) before the window began. One opened before the window still
    /// counts for the days it stayed open in it.
    @inlinable
    public func counts(_ backorder: BackorderFact) -> Bool {
        backorder.backorderedDay <= asOf && (backorder.closedDay.map { $0 >= start } ?? true)
    }

    /// Whether a backorder was opened in the window (it then gives its SKU a row).
    @inlinable
    public func opensInWindow(_ backorder: BackorderFact) -> Bool {
        backorder.backorderedDay >= start && backorder.backorderedDay <= asOf
    }

    /// Whether a receipt counts for the lead time: received by as-of and on or after
    /// `receiptsStart`, which reaches back before the window where the window is short: a
    /// supplier's lead time is learnt from few receipts, and recent ones weigh more anyway
    /// (README, "How the lead time is forecast").
    @inlinable
    public func counts(_ receipt: ReceiptFact) -> Bool { receipt.receivedDay >= receiptsStart && receipt.receivedDay <= asOf }

    /// Whether an order line with a backorder counts in backorder_rate's numerator: ordered
    /// in the window, and its order's first backorder of the SKU opened by as-of.
    @inlinable
    public func counts(_ line: SKUEvents.BackorderedLine) -> Bool {
        contains(line.day) && line.firstBackorderDay <= asOf
    }

    /// Whether a day's order-line total counts: dated from `demandStart` to as-of. The
    /// window's figures read the window's days of it; the class, forecast and reorder point
    /// read all of it (README, "The figures").
    @inlinable
    public func counts(_ total: DailyTotal) -> Bool { inDemandHistory(total.day) }

    /// Whether a credit counts: dated from `demandStart` to as-of, so that it is netted out of
    /// the demand the forecast reads; returned_units counts those of the window.
    @inlinable
    public func counts(_ credit: CreditLine) -> Bool { inDemandHistory(credit.day) }

    /// Whether `day` is in the demand history, [demandStart, as-of].
    @inlinable
    public func inDemandHistory(_ day: Day) -> Bool { day >= demandStart && day <= asOf }

    /// Whether a SKU gets a row in `skus.csv`: it has a products row, a day of order lines in
    /// the window (credited back or not), a backorder opened in the window or a receipt
    /// received in it (an older receipt that counts for the lead time, or an older order line
    /// that counts for the forecast, gives no row).
    ///
    /// - Parameters:
    ///   - dailyTotals: the SKU's daily totals before credits, those outside the window too.
    ///   - backorders, receipts: the SKU's facts that count (see `counts`).
    public func lists(product: ProductFact?, dailyTotals: [DailyTotal], backorders: [BackorderFact],
                      receipts: [ReceiptFact]) -> Bool {
        product != nil || dailyTotals.contains(where: { contains($0.day) }) || receipts.contains(where: { contains($0.receivedDay) }) || backorders.contains(where: opensInWindow)
    }

    /// `totals` (in day order) less the credits that count (`CreditNetting`): a credit of the
    /// window out of the window's days only, an older one out of the days before the window.
    /// Most SKUs have no credit: their totals pass unchanged, uncopied.
    func net(_ totals: [DailyTotal], credits: [CreditLine]) -> [DailyTotal] {
        guard !credits.isEmpty else { return totals }
        let split = totals.firstIndex { $0.day >= start } ?? totals.count
        return CreditNetting.net(Array(totals[..<split]), credits: credits.filter { counts($0) && $0.day < start })
            + CreditNetting.net(Array(totals[split...]), credits: credits.filter { contains($0.day) })
    }

    /// A SKU's order days: one per day of its daily totals with at least one order line, with
    /// the number of that day's lines that have a backorder.
    ///
    /// - Parameters:
    ///   - dailyTotals: the SKU's totals that count, in day order.
    ///   - backorderedLineDays: the day of each of its order lines with a backorder that
    ///     counts (`counts(_: SKUEvents.BackorderedLine)`), one entry per line.
    public static func orderDays(dailyTotals: [DailyTotal], backorderedLineDays: [Day]) -> [OrderDay] {
        var backordered: [Day: Int] = [:]
        for day in backorderedLineDays { backordered[day, default: 0] += 1 }
        var days: [OrderDay] = []
        days.reserveCapacity(dailyTotals.count)
        for t in dailyTotals where t.lines > 0 {
            days.append(OrderDay(day: t.day, lines: Int(t.lines), units: t.units, backorderedLines: backordered[t.day] ?? 0,
                                 priceSum: t.priceSum, pricedLines: Int(t.pricedLines)))
        }
        return days
    }

    /// The SKU's facts for the run, nil when it gets no row (`lists`). Every argument holds
    /// only facts that count (see `counts`), but `credits`: those that count are taken out of
    /// the demand (`CreditNetting`) before anything else reads it, a credit dated in the
    /// window out of the window's days only (so ordered_units is the window's lines less the
    /// window's credits, as the README defines it) and an older one out of the days before
    /// the window; those dated in the window are its returned_units; and
    /// `lines`: the SKU's order lines that may have gone on backorder, read only when
    /// `hasFileBackorders` is false and the SKU is stock (README, "Backorders inferred from
    /// orders"): a postage code or a gift card never ships, and its lines are no backorders.
    ///
    /// - Parameters:
    ///   - hasFileBackorders: whether the store holds any backorders-file row of the SKU, of
    ///     any date; its backorders are then those rows alone.
    ///   - nonStock: why the SKU is not stock (`NonStockRule`), nil for a stock SKU.
    public func facts(sku: String, product: ProductFact?, dailyTotals: [DailyTotal], backorderedLineDays: [Day],
                      backorders: [BackorderFact], receipts: [ReceiptFact], credits: [CreditLine] = [],
                      hasFileBackorders: Bool = false, lines: [FulfilmentLine] = [], nonStock: NonStock? = nil) -> SKUFacts? {
        let netted = net(dailyTotals, credits: credits)
        var backorders = backorders, lineDays = backorderedLineDays
        var source = BackorderSource.file
        if !hasFileBackorders && nonStock != nil {
            source = .none
        } else if !hasFileBackorders {
            let inferred = lines.compactMap { line in
                BackorderInference.backorder(of: line, handlingDays: handlingDays, asOf: asOf).map { (line, $0) }
            }.filter { counts($0.1) }
            backorders = inferred.map(\.1)
            // A cancelled line is no demand, so it is in no day's order lines either.
            lineDays += inferred.filter { !$0.0.cancelled && contains($0.0.day) }.map(\.0.day)
            source = backorders.isEmpty ? .none : .inferred
        }
        // Listed by its order lines before credits: a SKU whose sales all came back still has
        // a row, with its returned_units (README, "Returns and cancellations").
        guard lists(product: product, dailyTotals: dailyTotals, backorders: backorders, receipts: receipts) else { return nil }
        var facts = SKUFacts(sku: sku, product: product,
                             orderDays: Self.orderDays(dailyTotals: netted, backorderedLineDays: lineDays),
                             backorders: backorders, receipts: receipts,
                             supplier: SKUFacts.supplier(product: product, receipts: receipts))
        facts.returnedUnits = CreditNetting.returnedUnits(credits.filter { contains($0.day) })
        facts.backorderSource = source
        facts.nonStock = nonStock
        return facts
    }
}
