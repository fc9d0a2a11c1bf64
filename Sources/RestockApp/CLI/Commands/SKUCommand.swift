import Foundation
import RestockCore
import SQLite

/// `restock sku SKU`: one SKU explained for an analyst (README, "Ad-hoc questions").
enum SKUCommand: Command {
    static let name = "sku"
    static let help = """
    usage: restock sku SKU [--db FILE] [--as-of DATE] [--service-level P] [--window-days N] [...]

    Explains one SKU from the store: its backorder figures, its weekly demand as a small
    text chart, each forecasting method's out-of-sample error and why one was chosen, the
    lead-time evidence, and how the reorder point was reached. Takes the settings options of
    'restock run' (--service-level, --window-days, --lead-time-days, --order-cover-days,
    --time-zone, --handling-days) to ask "what if". Shows where the backorders came from and,
    for each open one, the days it is expected to ship.

      --replay                also replay the SKU's past year under restock's points, the
                              points in force and the normal formula (see 'restock replay')
      --from DATE, --to DATE, --every DAYS   the replay's period and decision interval
    """

    static func run(_ a: inout ArgumentList) throws -> Int32 {
        let replay = a.flag("replay")
        let replayOptions = replay ? try ReplayCommand.parsePlanOptions(&a) : nil
        try a.refuse(["from", "to", "every"], because: "is the replay's: use it with --replay")
        try a.refuse(["data", "out", "top", "email", "subject", "json", "reload"], because: "has no effect on restock sku, which reads the store and writes no report")
        let options = try RunOptions.parse(&a, command: name)
        let positionals = a.positionals()
        try a.finish()
        guard positionals.count == 1, let sku = positionals.first else {
            throw UsageError("name exactly one SKU, e.g. 'restock sku SKU-000123'")
        }
        do {
            try explain(sku, options: options, replayOptions: replay ? replayOptions : nil)
        } catch let error as SQLiteError where error.isBusy {
            throw RunError.store(options.common.db, error)
        }
        return 0
    }

    /// The SKU's figures (and replay) on stdout.
    private static func explain(_ sku: String, options: RunOptions, replayOptions: ReplayCommand.PlanOptions?) throws {
        let store = try Store(path: options.common.db, readOnly: true)
        try store.requireReadable(newestSchema: true)
        if let zone = try store.storedTimeZone(), zone != options.settings.timeZone {
            throw UsageError("the store was loaded with --time-zone \(zone); pass --time-zone \(zone)")
        }
        let settings = options.settings
        let reader = try FactsReader(store.db, settings: settings, sku: sku)
        let loading = RunLock.holder(storePath: options.common.db)
        guard let facts = try reader.next(1)?.first else {
            if let loading {
                throw RunError("SKU '\(sku)' is not in the store as last committed, and another restock command is loading the store now (\(loading)): ask again when it has finished")
            }
            throw RunError("SKU '\(sku)' has no product row and no order line, backorder or receipt in the window \(CivilDate.string(settings.windowStart)) .. \(CivilDate.string(settings.asOf)) (SKUs are case-sensitive)")
        }
        if let loading {
            FileHandle.standardError.write(Data("note: another restock command is loading the store now (\(loading)); these figures are from the data committed before it\n".utf8))
        }
        let analysis = SKUAnalyzer.analyze(facts, pools: reader.pools, settings: settings)
        print(SKUExplanation.text(analysis, settings: settings))
        if let replayOptions {
            let replayPlan = ReplayPlan(asOf: settings.asOf, from: replayOptions.from, to: replayOptions.to, every: replayOptions.every)
            try ReplayCommand.check(replayPlan)
            let output = try ReplayStage(plan: replayPlan, settings: settings, sku: sku).run(store: store, progress: Progress(quiet: true))
            if let one = output.replays.first {
                print(SKUReplayText.text(one, rows: output.rows, plan: replayPlan))
            }
        }
    }
}

/// The text `restock sku` prints.
enum SKUExplanation {
    static func text(_ a: SKUAnalysis, settings: RunSettings) -> String {
        let f = a.figures
        let n = CSVWriter.format
        func opt(_ x: Double?) -> String { x.map(n) ?? "-" }
        var out: [String] = []
        var title = f.sku
        if let name = f.name { title += "  \(name)" }
        let extra = [f.category, f.supplier.map { "supplier \($0)" }].compactMap { $0 }
        if !extra.isEmpty { title += " (\(extra.joined(separator: ", ")))" }
        out.append(title)
        out.append("as of \(CivilDate.string(settings.asOf)); window \(settings.windowDays) days (\(CivilDate.string(settings.windowStart)) .. \(CivilDate.string(settings.asOf))); \(settings.weekCount) whole weeks ending on as-of")
        out.append("")
        out.append("Backorders and service")
        out.append("  order lines \(f.orderLines) (\(n(f.orderedUnits)) units); backorder lines \(f.backorderLines) (\(n(f.backorderedUnits)) units); backorder rate \(f.backorderRate.map { n($0 * 100) + "%" } ?? "-")")
        out.append("  stockout days \(f.stockoutDays); open backorder units \(n(f.openBackorderUnits)); lost units \(n(f.lostUnits)); returned units \(n(f.returnedUnits)); fill days p50 \(opt(f.fillDaysP50)), p90 \(opt(f.fillDaysP90))")
        out.append("  backordered on \(a.backorderedWeeks) of \(settings.weekCount) weeks; \(a.unmatchedBackorders) backorders without their order line")
        out.append("  backorder source \(f.backorderSource.rawValue): \(sourceWords(f, settings: settings))")
        for b in a.openBackorders {
            out.append("  waiting: order \(b.orderId), \(n(b.units)) units since \(CivilDate.string(b.waitingSince)); from \(b.supply.rawValue), expected \(CivilDate.string(b.expected)), 50% by \(CivilDate.string(b.shipsByP50)), 90% by \(CivilDate.string(b.shipsByP90))")
        }
        out.append("")
        out.append("Weekly demand over the window (oldest left, one character a week); the class, forecast and reorder point read \(ReportFormat.plural(a.weeklyHistory.count, "week")) of history (at most \(settings.demandWindow.weekCount): the last \(settings.demandDays) days, from the first week with an order line)")
        out.append("  " + sparkline(a.windowWeeks) + "  max \(n(a.windowWeeks.max() ?? 0))/week")
        out.append("  backorders: " + sparkline(a.weeklyBackorderLines.map(Double.init)))
        out.append("  demand class \(f.demandClass.rawValue): adi \(opt(f.adi)), cv2 \(opt(f.cv2)) (smooth: adi < 1.32 and cv2 < 0.49)")
        out += oneOffLines(a, settings: settings)
        out.append("")
        out.append("Forecast (units per week; one-week-ahead errors out of sample: the selection score is the root mean square error plus the absolute mean error; then mean absolute and mean signed (forecast - actual) errors over the last 8 weeks)")
        out.append("  " + "method".padding(toLength: 16, withPad: " ", startingAt: 0) + " selection-score  last-8-mae  last-8-bias  forecast")
        for c in a.forecast.candidates {
            let mark = c.method == a.forecast.method ? "*" : " "
            out.append(" \(mark)" + c.method.padding(toLength: 16, withPad: " ", startingAt: 0)
                       + " " + opt(c.selectionScore).leftPad(15) + " " + opt(c.mae).leftPad(11) + " " + opt(c.bias).leftPad(12) + " " + n(c.weekly).leftPad(9))
        }
        out.append("  chosen: \(a.forecast.method): \(a.forecast.why)")
        out.append("  forecast_daily \(n(f.forecastDaily)) units/day (the forecast's mean over the lead time of \(n(f.leadTimeDays)) days; the coming week alone \(n(a.forecast.weekly)) units); forecast_mae \(opt(f.forecastMAE)) units/week; forecast_bias \(opt(f.forecastBias)) units/week")
        out.append("")
        out.append("Lead time")
        out.append("  \(n(f.leadTimeDays)) days, sd \(n(f.leadTimeSDDays)), source \(f.leadTimeSource.rawValue): \(a.leadTime.explanation)")
        out.append("")
        out.append("Reorder point at service level \(n(f.serviceLevel)) (share of replenishment cycles with no backorder)")
        out.append("  \(a.reorderPoint.explanation)")
        out.append("  safety stock \(n(f.safetyStock)); in force \(opt(f.reorderPointInForce)); increase \(n(f.reorderPointIncrease))")
        out.append("  order quantity \(n(f.orderQuantity)); on hand \(opt(f.onHand)), on order \(opt(f.onOrder)); inventory position \(opt(f.inventoryPosition)); order now \(opt(f.orderNowUnits))")
        out.append("  unit price \(opt(f.unitPrice)); revenue at risk \(f.stockKnown ? n(f.revenueAtRisk) + " a year" : "not known (no stock levels)"); backorder ETA \(f.backorderETA.map(CivilDate.string) ?? "-")")
        out.append("")
        out.append(verdict(f))
        return out.joined(separator: "\n")
    }

    /// The last line: a recommendation, a reorder point to set up, left out, or no action.
    static func verdict(_ f: SKUFigures) -> String {
        if let leftOut = f.leftOut {
            return "Left out: not stock (\(leftOut.why)); never recommended. To bring it back, add the line !\(f.sku) to restock-exclude.txt in the data folder."
        }
        if f.isRecommended { return "Recommendation: \(f.reason)" }
        if !f.stockKnown {
            return f.isToSetUp
                ? "Reorder point to set up (no on_hand and no reorder point known, so nothing to order today can be said): \(f.reason). A products export with on_hand and reorder_point sharpens this."
                : "No reorder point needed yet; no on_hand and no reorder point known."
        }
        return "No action recommended: the reorder point in force is high enough and the stock position is above it."
    }

    /// The bulk days of the demand history (`OneOffBulkRule`), one line a day, each saying
    /// whether it is a one-off set aside or counted as ordered, and why; none when there are none.
    static func oneOffLines(_ a: SKUAnalysis, settings: RunSettings) -> [String] {
        let n = CSVWriter.format
        let bulkDays = a.oneOffDays.count
        return a.oneOffDays.map { d in
            let what = "on \(CivilDate.string(d.day)): \(n(d.units)) units on \(d.lines) line\(d.lines == 1 ? "" : "s"), usual line \(n(d.usualLineUnits)) units"
            if d.isOneOff {
                return "  one-off bulk line \(what); the forecast and the reorder point count \(n(d.countedUnits)) (list the SKU in restock-recurring.txt if such orders recur)"
            }
            let why = bulkDays > OneOffBulkRule.maxOneOffDays
                ? "the SKU has \(bulkDays) such days in its demand history (the last \(settings.demandDays) days), so its bulk orders recur"
                : "its line is not more than \(n(OneOffBulkRule.apart)) times the SKU's largest line of any other day"
            return "  bulk line \(what); counted as ordered: \(why)"
        }
    }

    /// What a backorder source means, in words (README, "Backorders inferred from orders").
    static func sourceWords(_ f: SKUFigures, settings: RunSettings) -> String {
        if f.backorderSource == .none && f.leftOut != nil { return "not stock, so nothing is inferred from its order lines" }
        return switch f.backorderSource {
        case .file: "from the backorders file (nothing is inferred for a SKU it lists)"
        case .inferred: "inferred from the orders: lines not shipped within \(settings.handlingDays) days of ordering (--handling-days)"
        case .none: "no backorders file rows, and no order line shows one"
        }
    }

    /// One block character per value, scaled to the maximum.
    static func sparkline(_ values: [Double]) -> String {
        let blocks = Array(" ▁▂▃▄▅▆▇█")
        let top = values.max() ?? 0
        guard top > 0 else { return String(repeating: "·", count: values.count) }
        return String(values.map { v in v <= 0 ? "·" : blocks[max(1, min(8, Int(saturating: (v / top * 8).rounded(.up))))] })
    }
}

extension String {
    func leftPad(_ width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
