import RestockCore

/// Synthetic report models for the rendering tests: deterministic, with hostile text where
/// it matters (markup in a SKU, quotes and ampersands in a name).
enum SampleReport {
    /// A SKU whose text would run a script if it were not escaped.
    static let scriptSKU = "<script>alert(1)</script>"
    /// A product name with both quotes and an ampersand.
    static let quotedName = "Tom's \"Best\" Nuts & Bolts"

    /// A model with `skuCount` SKUs of which `recommended` are recommendations (all with
    /// series), the first two of them hostile; as of 2026-11-30, 365-day window.
    static func model(skuCount: Int = 240, recommended: Int = 60, topN: Int = 50, withChanges: Bool = true) -> ReportModel {
        var rng = SplitMix64(state: 42)
        let asOf = CivilDate.day(year: 2026, month: 11, day: 30)
        let settings = RunSettings(asOf: asOf)
        let weeks = settings.weekCount
        var all: [SKUFigures] = []
        var recs: [ReportModel.Recommendation] = []
        var classCounts: [DemandClass: Int] = [:]
        for i in 0..<skuCount {
            var f = SKUFigures(sku: String(format6(i)))
            f.name = "Widget \(i)"
            f.category = ["Hardware", "Garden", "Kitchen"][i % 3]
            f.supplier = ["Acme", "Globex", "Initech"][i % 3]
            f.orderLines = 20 + Int(rng.unit() * 400)
            f.orderedUnits = Double(f.orderLines) * 1.7
            f.backorderLines = Int(rng.unit() * 30)
            f.backorderRate = Double(f.backorderLines) / Double(f.orderLines)
            f.demandClass = DemandClass.allCases[i % DemandClass.allCases.count]
            classCounts[f.demandClass, default: 0] += 1
            f.forecastDaily = 0.5 + rng.unit() * 6
            f.forecastMethod = ["ses", "croston", "sba", "naive"][i % 4]
            f.leadTimeDays = 7 + Double(Int(rng.unit() * 30))
            f.leadTimeSDDays = 2.5
            f.leadTimeSource = LeadTimeSource.allCases[i % LeadTimeSource.allCases.count]
            f.reorderPointInForce = i % 7 == 0 ? nil : Double(10 + i % 40)
            f.reorderPoint = (f.reorderPointInForce ?? 0) + 5 + Double(i % 23)
            f.reorderPointIncrease = f.reorderPoint - (f.reorderPointInForce ?? 0)
            f.orderQuantity = 24
            f.onHand = i % 11 == 0 ? nil : Double(i % 30)
            f.onOrder = f.onHand == nil ? nil : 0
            f.openBackorderUnits = Double(i % 5)
            f.inventoryPosition = f.onHand.map { $0 - f.openBackorderUnits }
            f.orderNowUnits = f.onHand == nil ? nil : (i % 2 == 0 ? 48 : 0)
            f.unitPrice = 3.5 + Double(i % 50)
            f.backorderETA = f.openBackorderUnits > 0 ? asOf + 9 : nil
            f.isRecommended = i < recommended
            f.revenueAtRisk = f.isRecommended ? Double(recommended - i) * 137.25 : 0
            f.reason = "backordered on \(i % 52) of 52 weeks; lead time \(Int(f.leadTimeDays)) days from \(i % 9) receipts; reorder point \(ReportFormatProbe.units(f.reorderPointInForce)) -> \(Int(f.reorderPoint))"
            if i == 0 {
                f.sku = scriptSKU
                f.name = quotedName
                f.reason = "reason with <b>markup</b> & 'quotes'"
            }
            if i == 1 { f.name = "Ünïcödé ✓ — \u{1}control" }
            all.append(f)
            if f.isRecommended {
                var demand: [Double] = []
                var backorders: [Int] = []
                for w in 0..<weeks {
                    let seasonal = 1 + 0.4 * Double((w + i) % 13) / 13
                    demand.append(i % 4 == 1 && rng.unit() < 0.6 ? 0 : (f.forecastDaily * 7 * seasonal * (0.5 + rng.unit())).rounded())
                    backorders.append(rng.unit() < 0.15 ? 1 + Int(rng.unit() * 3) : 0)
                }
                recs.append(ReportModel.Recommendation(figures: f, weeklyDemand: demand, weeklyBackorderLines: backorders))
            }
        }
        let weekly = (0..<weeks).map { w in 20 + (w * 7) % 31 + (w > 40 ? 25 : 0) }
        let orderLines = (0..<weeks).map { w in 900 + (w * 13) % 200 }
        var changes: ReportModel.Changes?
        if withChanges {
            var previous: [String: ReportModel.Changes.Previous] = [:]
            for f in all.prefix(skuCount) { previous[f.sku] = .init(reorderPoint: f.reorderPoint * 0.6, recommended: f.isRecommended) }
            previous[all[recommended - 1].sku]?.recommended = false
            previous["OLD-1"] = .init(reorderPoint: 5, recommended: true)
            changes = .comparing(previousAsOf: "2026-11-23", previous: previous, current: all)
        }
        let rejects: [(file: String, line: Int, reason: String)] = [
            ("orders-2026-11-29.csv", 17, "quantity is not a number (expected a whole number > 0)"),
            ("orders-2026-11-29.csv", 42, "quantity is not a number (expected a whole number > 0)"),
            ("backorders.csv", 3, "backordered_at is not a date (expected YYYY-MM-DD or an ISO date-time)"),
        ]
        return ReportModel(
            settings: settings, topN: topN,
            dataRange: (asOf - 400)...asOf,
            headline: .summing(all),
            weeklyBackorderLines: weekly, weeklyOrderLines: orderLines,
            demandClassCounts: classCounts,
            recommendations: recs,
            dataQuality: .init(
                files: [
                    .init(file: "orders-2026-11-29.csv", kind: "orders", rowsRead: 120_412, rowsNew: 1_210, rowsReplaced: 3,
                          duplicates: 119_197, rowsRejected: 2),
                    .init(file: "backorders.csv", kind: "backorders", rowsRead: 4_021, rowsNew: 17, rowsReplaced: 0,
                          duplicates: 4_003, rowsRejected: 1),
                    .init(file: "products & <prices>.csv", kind: "products", rowsRead: 240, unchanged: true),
                ],
                rejectReasons: ReportModel.RejectReason.grouping(rejects),
                unmatchedBackorders: 3),
            changes: changes,
            run: .init(runId: 12, startedAt: "2026-12-01T06:00:02Z",
                       stages: [.init(name: "ingest", seconds: 1.234, rows: 124_673), .init(name: "analysis", seconds: 0.8, rows: skuCount)],
                       version: "1.0.0"))
    }

    static func format6(_ i: Int) -> String {
        let s = String(i)
        return "SKU-" + String(repeating: "0", count: max(0, 6 - s.count)) + s
    }
}

/// The tests' own copy of "units or none" for building reason strings.
enum ReportFormatProbe {
    static func units(_ v: Double?) -> String { v.map { String(Int($0)) } ?? "none" }
}

extension SplitMix64 {
    /// Uniform in 0..<1 (for the sample report's figures).
    mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
