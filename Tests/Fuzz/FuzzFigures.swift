// libFuzzer entry point for the number-to-figure path: cells parsed by RowParser (with the
// input bounds of README "Limits") through the whole per-SKU computation (SKUAnalyzer).
// Build and run with Tests/Fuzz/run-fuzz.sh; not part of any SwiftPM target.
//
// The input is text, one CSV row a line:
// - line 1: a products row: unit_price,on_hand,on_order,reorder_point,order_quantity,
//   case_pack,lead_time_days,service_level (any may be empty);
// - every further line: days before as-of (0...999),quantity,unit_price of an order line.
// A first line starting with "!" bypasses the input bounds (numbers go through
// NumberParser alone), as a store written before the bounds would hold them.
//
// Invariants checked for every input:
// - the computation never traps and never hangs (libFuzzer's -timeout);
// - with the input bounds in force, every figure is finite (so never NaN).
// Without the bounds a sum can overflow to infinity and a forecast be NaN (inf - inf): such
// a figure is written as an empty cell; only "no trap, no hang" is asserted (the findings
// that led here: an infinite mean price and an infinite shortage times no cycles made
// revenue_at_risk NaN; both give 0 now; then a week of 1e308 lines made the forecast NaN).

import Foundation

private let asOf = CivilDate.day(year: 2026, month: 12, day: 1)
private let settings = RunSettings(asOf: asOf)
private let products = try! RowParser(
    kind: .products, fileName: "products.csv",
    header: ["sku", "unit_price", "on_hand", "on_order", "reorder_point", "order_quantity", "case_pack",
             "lead_time_days", "service_level"],
    headerLine: 1, dates: DateTimeParser(timeZone: TimeZone(identifier: "UTC")!))
private let orders = try! RowParser(
    kind: .orders, fileName: "orders.csv", header: ["order_id", "ordered_at", "sku", "quantity", "unit_price"],
    headerLine: 1, dates: DateTimeParser(timeZone: TimeZone(identifier: "UTC")!))

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzFigures(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
    let text = String(decoding: UnsafeRawBufferPointer(start: start, count: count), as: UTF8.self)
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard !lines.isEmpty else { return 0 }
    let bounded = !lines[0].hasPrefix("!")
    if !bounded { lines[0].removeFirst() }
    let product = bounded ? boundedProduct(lines[0]) : rawProduct(lines[0])
    var byDay: [Day: OrderDay] = [:]
    for (i, line) in lines.dropFirst().prefix(400).enumerated() {
        let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard cells.count == 3, let back = Int(cells[0]), (0...999).contains(back) else { continue }
        let day = asOf - back
        guard let (units, price) = bounded ? boundedLine(cells, day: day, line: i + 2) : rawLine(cells) else { continue }
        var d = byDay[day] ?? OrderDay(day: day, lines: 0, units: 0)
        d.lines += 1
        d.units += units
        if let price {
            d.priceSum += price
            d.pricedLines += 1
        }
        byDay[day] = d
    }
    let input = SKUFacts(sku: "F", product: product, orderDays: byDay.values.sorted { $0.day < $1.day },
                         backorders: [], receipts: [], supplier: nil)
    let f = SKUAnalyzer.analyze(input, supplierOthers: [], settings: settings).figures
    let figures = [f.orderedUnits, f.forecastDaily, f.leadTimeDays, f.leadTimeSDDays, f.safetyStock, f.reorderPoint,
                   f.reorderPointIncrease, f.orderQuantity, f.revenueAtRisk]
        + [f.adi, f.cv2, f.forecastMAE, f.orderNowUnits, f.inventoryPosition, f.unitPrice].compactMap { $0 }
    if bounded { require(figures.allSatisfy(\.isFinite), "a figure that is not finite: \(figures)") }
    _ = SKUAnalyzer.words(f.reorderPoint)
    return 0
}

/// The products row through RowParser: nil when it is rejected.
private func boundedProduct(_ line: String) -> ProductFact? {
    let cells = ["F"] + line.split(separator: ",", omittingEmptySubsequences: false).prefix(8).map(String.init)
    guard case .success(.product(let row)) = products.parse(cells, line: 1) else { return nil }
    return row.product
}

/// The products row with NumberParser alone (no range or bound).
private func rawProduct(_ line: String) -> ProductFact? {
    let v = line.split(separator: ",", omittingEmptySubsequences: false).map { NumberParser.parse(String($0)) }
    func at(_ i: Int) -> Double? { i < v.count ? v[i] : nil }
    var p = ProductFact(sku: "F")
    p.unitPrice = at(0); p.onHand = at(1); p.onOrder = at(2); p.reorderPoint = at(3)
    p.orderQuantity = at(4)
    p.casePack = at(5).map { Int(saturating: $0) }
    p.leadTimeDays = at(6)
    p.serviceLevel = at(7).map { min(0.999, max(0.5, $0)) }
    return p
}

private func boundedLine(_ cells: [String], day: Day, line: Int) -> (Double, Double?)? {
    let row = ["O\(line)", CivilDate.string(day), "F", cells[1], cells[2]]
    guard case .success(.order(let order)) = orders.parse(row, line: line) else { return nil }
    return (order.quantity, order.unitPrice)
}

private func rawLine(_ cells: [String]) -> (Double, Double?)? {
    guard let units = NumberParser.parse(cells[1]), units > 0 else { return nil }
    return (units, NumberParser.parse(cells[2]).flatMap { $0 >= 0 ? $0 : nil })
}

/// `precondition` that also prints its message in an optimized build, then aborts.
private func require(_ condition: Bool, _ message: @autoclosure () -> String) {
    if condition { return }
    print("fuzz invariant failed: \(message())")
    fatalError(message())
}
