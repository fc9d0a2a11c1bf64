import Testing
@testable import RestockCore

/// Backorders inferred from order lines (README, "Backorders inferred from orders"), worked by
/// hand: as-of = day 100, handling days 3 unless a test says otherwise.
@Suite struct BackorderInferenceTests {
    let asOf = 100

    func infer(_ line: FulfilmentLine, handlingDays: Int = 3) -> BackorderFact? {
        BackorderInference.backorder(of: line, handlingDays: handlingDays, asOf: asOf)
    }

    @Test func aLineFulfilledAfterTheHandlingDaysWentOnBackorderAndWasFilledThatDay() {
        // Ordered on 90, shipped on 96: 6 days > 3, a backorder from 90, filled on 96.
        let b = infer(FulfilmentLine(orderId: "#1", day: 90, quantity: 2, fulfilledDay: 96, shipped: true))
        #expect(b == BackorderFact(orderId: "#1", quantity: 2, backorderedDay: 90, fulfilledDay: 96))
        // The statuses need not say so: a fulfilled day alone is a shipment.
        #expect(infer(FulfilmentLine(orderId: "#1", day: 90, quantity: 2, fulfilledDay: 96))?.fulfilledDay == 96)
    }

    @Test func aLineFulfilledWithinTheHandlingDaysWasNoBackorder() {
        // Ordered on 90, shipped on 93: 3 days, not more than 3.
        let line = FulfilmentLine(orderId: "#2", day: 90, quantity: 1, fulfilledDay: 93, shipped: true)
        #expect(infer(line) == nil)
        // With --handling-days 2 the same stored line is a backorder of 3 days: re-runs recount.
        #expect(infer(line, handlingDays: 2) == BackorderFact(orderId: "#2", quantity: 1, backorderedDay: 90, fulfilledDay: 93))
    }

    @Test func aLineStillOpenAfterTheHandlingDaysIsAnOpenBackorderAndNotBefore() {
        // Ordered on 95, not shipped by as-of 100: 5 days > 3, open.
        #expect(infer(FulfilmentLine(orderId: "#3", day: 95, quantity: 4, shipped: false))
                == BackorderFact(orderId: "#3", quantity: 4, backorderedDay: 95))
        // Ordered on 98: 2 days, still within the handling days: not (yet) a backorder.
        #expect(infer(FulfilmentLine(orderId: "#4", day: 98, quantity: 4, shipped: false)) == nil)
        // Shipped on 103, after as-of: on as-of it was still waiting (5 days), open through as-of.
        #expect(infer(FulfilmentLine(orderId: "#5", day: 95, quantity: 1, fulfilledDay: 103, shipped: true))
                == BackorderFact(orderId: "#5", quantity: 1, backorderedDay: 95, fulfilledDay: 103))
    }

    @Test func aCancelledOpenLineIsLostWhenCancelledAfterTheHandlingDays() {
        // Ordered on 90, never shipped, cancelled on 97: 7 days > 3, lost on 97.
        #expect(infer(FulfilmentLine(orderId: "#6", day: 90, quantity: 3, cancelled: true, cancelledDay: 97, shipped: false))
                == BackorderFact(orderId: "#6", quantity: 3, backorderedDay: 90, cancelledDay: 97))
        // Cancelled on 92, within the handling days: an ordinary cancellation, no backorder.
        #expect(infer(FulfilmentLine(orderId: "#7", day: 90, quantity: 3, cancelled: true, cancelledDay: 92, shipped: false)) == nil)
        // Cancelled on a day the export does not give: cannot tell.
        #expect(infer(FulfilmentLine(orderId: "#8", day: 90, quantity: 3, cancelled: true, shipped: false)) == nil)
        // Shipped on 96 and cancelled on 98 (a refund after shipping): filled, not lost.
        #expect(infer(FulfilmentLine(orderId: "#9", day: 90, quantity: 3, cancelled: true, fulfilledDay: 96, cancelledDay: 98))
                == BackorderFact(orderId: "#9", quantity: 3, backorderedDay: 90, fulfilledDay: 96))
    }

    @Test func unitsPutOnBackorderWithoutAStatusOrDayAreOpenOrLostNotIgnored() {
        // Ordered on 90, 2 of 2 units on backorder, no status, no fulfilled day: still waiting.
        #expect(infer(FulfilmentLine(orderId: "E6", day: 90, quantity: 2, backorderedUnits: 2))
                == BackorderFact(orderId: "E6", quantity: 2, backorderedDay: 90))
        // The same line cancelled on 95: lost on 95.
        #expect(infer(FulfilmentLine(orderId: "E8", day: 90, quantity: 2, cancelledDay: 95, backorderedUnits: 2))
                == BackorderFact(orderId: "E8", quantity: 2, backorderedDay: 90, cancelledDay: 95))
        // A status that says shipped, on a day not given: when it was filled cannot be told.
        #expect(infer(FulfilmentLine(orderId: "E9", day: 90, quantity: 2, shipped: true, backorderedUnits: 2)) == nil)
        // Without backordered units and without a record nothing is inferred, as before.
        #expect(infer(FulfilmentLine(orderId: "E7", day: 90, quantity: 2)) == nil)
    }

    @Test func theUnitsThePlatformRecordsAreUsed() {
        // WooCommerce: 2 of 5 units on backorder, order processing, ordered yesterday: a
        // backorder of 2 at once, whatever the handling days.
        #expect(infer(FulfilmentLine(orderId: "W1", day: 99, quantity: 5, shipped: false, backorderedUnits: 2))
                == BackorderFact(orderId: "W1", quantity: 2, backorderedDay: 99))
        // Backordered 0: the platform says it was not, even though it shipped late.
        #expect(infer(FulfilmentLine(orderId: "W2", day: 80, quantity: 5, fulfilledDay: 95, shipped: true, backorderedUnits: 0)) == nil)
        // BigCommerce: 2 of 5 shipped on 91, ordered on 90: the other 3 are still waiting.
        #expect(infer(FulfilmentLine(orderId: "B1", day: 90, quantity: 5, fulfilledDay: 91, shippedUnits: 2))
                == BackorderFact(orderId: "B1", quantity: 3, backorderedDay: 90))
        // All 5 shipped on 97: the whole line waited 7 days.
        #expect(infer(FulfilmentLine(orderId: "B2", day: 90, quantity: 5, fulfilledDay: 97, shipped: true, shippedUnits: 5))
                == BackorderFact(orderId: "B2", quantity: 5, backorderedDay: 90, fulfilledDay: 97))
    }

    @Test func aLineWhoseRecordCannotTellIsNoBackorder() {
        // Nothing recorded (a plain orders file), or shipped on a day not given.
        #expect(infer(FulfilmentLine(orderId: "X", day: 50, quantity: 1)) == nil)
        #expect(infer(FulfilmentLine(orderId: "X", day: 50, quantity: 1, shipped: true)) == nil)
        // Ordered after as-of: not yet.
        #expect(infer(FulfilmentLine(orderId: "X", day: 101, quantity: 1, shipped: false)) == nil)
    }

    @Test func theStatusWordsOfTheShopSystemsAreRead() {
        #expect(ShippingStatus.shipped(lineStatus: "fulfilled", orderStatus: "partial") == true)
        #expect(ShippingStatus.shipped(lineStatus: "pending", orderStatus: "partial") == false)
        #expect(ShippingStatus.shipped(lineStatus: nil, orderStatus: "unfulfilled") == false)
        #expect(ShippingStatus.shipped(lineStatus: nil, orderStatus: "Awaiting Shipment") == false)
        #expect(ShippingStatus.shipped(lineStatus: nil, orderStatus: "on-hold") == false)
        #expect(ShippingStatus.shipped(lineStatus: nil, orderStatus: "Completed") == true)
        // An order partly shipped, pending payment, or refunded says nothing of one line.
        #expect(ShippingStatus.shipped(lineStatus: nil, orderStatus: "partial") == nil)
        #expect(ShippingStatus.shipped(lineStatus: nil, orderStatus: "pending") == nil)
        #expect(ShippingStatus.shipped(lineStatus: nil, orderStatus: "refunded") == nil)
    }

    @Test func aSKUsFiguresCountInferredBackordersAndAFileWins() {
        // Window [71, 100]. Lines: #1 (90, 2 units, shipped 96: filled after 6 days), #2 (90,
        // 1 unit, shipped 92: no backorder), #3 (95, 4 units, open), #6 (90, 3 units, cancelled
        // on 97 unshipped: lost). Day 90 holds #1 and #2, day 95 holds #3; #6 is cancelled, so
        // no demand. backorder_lines 3 (#1, #3, #6), backorder rate 2 of 3 lines (#1, #3),
        // open 4 units, lost 3, fill days 6.
        let rules = WindowRules(settings: RunSettings(asOf: 100, windowDays: 30))
        let totals = [DailyTotal(day: 90, lines: 2, units: 3), DailyTotal(day: 95, lines: 1, units: 4)]
        let lines = [
            FulfilmentLine(orderId: "#1", day: 90, quantity: 2, fulfilledDay: 96, shipped: true),
            FulfilmentLine(orderId: "#2", day: 90, quantity: 1, fulfilledDay: 92, shipped: true),
            FulfilmentLine(orderId: "#3", day: 95, quantity: 4, shipped: false),
            FulfilmentLine(orderId: "#6", day: 90, quantity: 3, cancelled: true, cancelledDay: 97, shipped: false),
        ]
        let facts = try! #require(rules.facts(sku: "A", product: nil, dailyTotals: totals, backorderedLineDays: [],
                                              backorders: [], receipts: [], lines: lines))
        #expect(facts.backorderSource == .inferred)
        let m = ServiceMetrics.compute(orderDays: facts.orderDays, backorders: facts.backorders, settings: RunSettings(asOf: 100, windowDays: 30))
        #expect(m.orderLines == 3 && m.backorderLines == 3 && m.backorderedUnits == 9)
        #expect(m.backorderRate == 2.0 / 3.0)
        #expect(m.openBackorderUnits == 4 && m.lostUnits == 3 && m.fillDaysP50 == 6)
        // With a backorders-file row of the SKU (of any date), the lines are not read.
        let filed = BackorderFact(orderId: "#1", quantity: 1, backorderedDay: 91, fulfilledDay: 94)
        let fromFile = try! #require(rules.facts(sku: "A", product: nil, dailyTotals: totals, backorderedLineDays: [90],
                                                 backorders: [filed], receipts: [], hasFileBackorders: true, lines: lines))
        #expect(fromFile.backorderSource == .file && fromFile.backorders == [filed])
        // Neither: none.
        #expect(rules.facts(sku: "A", product: nil, dailyTotals: totals, backorderedLineDays: [], backorders: [],
                            receipts: [])?.backorderSource == BackorderSource.none)
    }

    @Test func aSKUThatIsNotStockHasNoInferredBackordersAndNoOpenOnes() {
        // A gift card line ordered on day 90 and never shipped: 10 days by as-of 100, an open
        // backorder of 1 unit were the SKU stock.
        let settings = RunSettings(asOf: 100, windowDays: 30)
        let rules = WindowRules(settings: settings)
        let totals = [DailyTotal(day: 90, lines: 1, units: 1)]
        let lines = [FulfilmentLine(orderId: "#1", day: 90, quantity: 1, shipped: false)]
        let stock = try! #require(rules.facts(sku: "GIFTCARD", product: nil, dailyTotals: totals, backorderedLineDays: [],
                                              backorders: [], receipts: [], lines: lines))
        #expect(stock.backorderSource == .inferred && stock.backorders.count == 1)
        let giftCard = NonStock(source: .builtIn, why: "built in: gift card")
        let left = try! #require(rules.facts(sku: "GIFTCARD", product: nil, dailyTotals: totals, backorderedLineDays: [],
                                             backorders: [], receipts: [], lines: lines, nonStock: giftCard))
        #expect(left.backorderSource == BackorderSource.none && left.backorders.isEmpty && left.nonStock == giftCard)
        let a = SKUAnalyzer.analyze(left, supplierOthers: [], settings: settings)
        #expect(a.figures.backorderLines == 0 && a.figures.openBackorderUnits == 0)
        #expect(a.openBackorders.isEmpty && a.figures.backorderETA == nil && a.figures.leftOut == giftCard)
        // Backorders a file lists for a SKU left out: counted as the file says, but no
        // customer is told a ship date for what is never restocked.
        var filed = stock
        filed.backorders = [BackorderFact(orderId: "#1", quantity: 1, backorderedDay: 90)]
        filed.backorderSource = .file
        #expect(!SKUAnalyzer.analyze(filed, supplierOthers: [], settings: settings).openBackorders.isEmpty)
        filed.nonStock = giftCard
        let leftFiled = SKUAnalyzer.analyze(filed, supplierOthers: [], settings: settings)
        #expect(leftFiled.figures.openBackorderUnits == 1 && leftFiled.openBackorders.isEmpty && leftFiled.figures.backorderETA == nil)
    }
}

/// BigCommerce's default orders export packs an order's lines into one cell and gives shipped
/// units only for the whole order: a line's shipped units are read where the totals tell them.
@Suite struct BigCommerceShippedUnitsTests {
    @Test func aLinesShippedUnitsComeFromTheOrderTotalsOnlyWhereTheyTellThem() {
        // Nothing shipped: every line 0. All 5 of 5 shipped: each line its own quantity.
        #expect(BigCommerceOrdersAdapter.shippedUnits(line: "3", lines: 2, orderUnits: "5", orderShipped: "0") == "0")
        #expect(BigCommerceOrdersAdapter.shippedUnits(line: "3", lines: 2, orderUnits: "5", orderShipped: "5") == "3")
        // One line: the order's total is the line's.
        #expect(BigCommerceOrdersAdapter.shippedUnits(line: "5", lines: 1, orderUnits: "5", orderShipped: "2") == "2")
        // 2 of 5 shipped over two lines: which ones is not in the export.
        #expect(BigCommerceOrdersAdapter.shippedUnits(line: "3", lines: 2, orderUnits: "5", orderShipped: "2") == nil)
        #expect(BigCommerceOrdersAdapter.shippedUnits(line: "3", lines: 2, orderUnits: "5", orderShipped: nil) == nil)
    }
}
