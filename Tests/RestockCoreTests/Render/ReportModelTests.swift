import Testing
import RestockCore

@Suite struct ReportModelTests {
    @Test func headlineSumsEverySKUAndWeighsTheBackorderRateByOrderLines() {
        var a = SKUFigures(sku: "A")
        a.orderLines = 100; a.backorderRate = 0.10; a.backorderLines = 12; a.openBackorderUnits = 3
        a.revenueAtRisk = 50; a.isRecommended = true; a.orderNowUnits = 24
        var b = SKUFigures(sku: "B")
        b.orderLines = 300; b.backorderRate = 0.02; b.backorderLines = 6; b.revenueAtRisk = 25.5
        b.isRecommended = true; b.orderNowUnits = 0
        let c = SKUFigures(sku: "C")  // no order lines: rate nil, adds nothing
        let h = ReportModel.Headline.summing([a, b, c])
        #expect(h.skuCount == 3)
        #expect(h.orderLines == 400)
        #expect(h.backorderLines == 18)
        // (0.10 x 100 + 0.02 x 300) / 400 = (10 + 6) / 400 = 0.04
        #expect(abs(h.backorderRate! - 0.04) < 1e-12)
        #expect(h.openBackorderUnits == 3)
        #expect(h.revenueAtRisk == 75.5)
        #expect(h.skusToActOn == 2)
        #expect(h.orderNowSKUs == 1)
    }

    @Test func openBackorderUnitsOfASKULeftOutAsNotStockAreNotInTheHeadline() {
        var stock = SKUFigures(sku: "MUG")
        stock.openBackorderUnits = 4
        var voucher = SKUFigures(sku: "GIFT-25")
        voucher.openBackorderUnits = 2
        voucher.leftOut = NonStock(source: .excludeList, why: "restock-exclude.txt line 1")
        // 4 + 0: the voucher's 2 waiting units are not stock, and get no open_backorders.csv row.
        #expect(ReportModel.Headline.summing([stock, voucher]).openBackorderUnits == 4)
    }

    @Test func headlineHasNoBackorderRateWithoutOrderLines() {
        #expect(ReportModel.Headline.summing([SKUFigures(sku: "A")]).backorderRate == nil)
    }

    @Test func groupsRejectsByReasonMostFrequentFirstWithTheFirstRowAsExample() {
        let groups = ReportModel.RejectReason.grouping([
            ("b.csv", 9, "bad date"),
            ("a.csv", 3, "bad quantity"),
            ("a.csv", 5, "bad quantity"),
            ("a.csv", 7, "bad date"),
            ("c.csv", 2, "bad date"),
            ("c.csv", 4, "unknown status"),
        ])
        #expect(groups == [
            .init(reason: "bad date", count: 3, exampleFile: "b.csv", exampleLine: 9),
            .init(reason: "bad quantity", count: 2, exampleFile: "a.csv", exampleLine: 3),
            .init(reason: "unknown status", count: 1, exampleFile: "c.csv", exampleLine: 4),
        ])
    }

    @Test func countsAMoveAsBigAtTwoUnitsAndAQuarter() {
        #expect(ReportModel.Changes.isBigMove(from: 8, to: 10))      // +2 = 25% of 8
        #expect(!ReportModel.Changes.isBigMove(from: 9, to: 11))     // +2 < 25% of 9 (2.25)
        #expect(!ReportModel.Changes.isBigMove(from: 1, to: 2))      // +1 < 2 units
        #expect(ReportModel.Changes.isBigMove(from: 0, to: 2))
        #expect(ReportModel.Changes.isBigMove(from: 100, to: 70))    // -30 >= 25
    }

    @Test func comparesWithThePreviousRun() {
        func sku(_ id: String, rop: Double, recommended: Bool) -> SKUFigures {
            var f = SKUFigures(sku: id)
            f.reorderPoint = rop
            f.isRecommended = recommended
            f.name = "n" + id
            return f
        }
        let current = [sku("NEW", rop: 30, recommended: true),     // not in previous run
                       sku("UP", rop: 40, recommended: true),      // was not recommended; 20 -> 40
                       sku("SAME", rop: 11, recommended: true),    // recommended both times; 10 -> 11
                       sku("OFF", rop: 5, recommended: false)]     // was recommended
        let previous: [String: ReportModel.Changes.Previous] = [
            "UP": .init(reorderPoint: 20, recommended: false),
            "SAME": .init(reorderPoint: 10, recommended: true),
            "OFF": .init(reorderPoint: 5, recommended: true),
            "GONE": .init(reorderPoint: 3, recommended: true),     // no longer in the store
        ]
        let c = ReportModel.Changes.comparing(previousAsOf: "2026-11-23", previous: previous, current: current)
        #expect(c.newlyRecommended.map(\.sku) == ["NEW", "UP"])
        #expect(c.dropped.map(\.sku) == ["GONE", "OFF"])
        #expect(c.bigMoves == [.init(sku: "UP", name: "nUP", oldReorderPoint: 20, newReorderPoint: 40)])
        // The same run's figures in skus.csv order (OFF, UP, NEW, SAME), the recommendations
        // ranked by position (NEW at 2, UP at 1, SAME at 3): the same changes.
        let all = [current[3], current[1], current[0], current[2]]
        #expect(ReportModel.Changes.comparing(previousAsOf: "2026-11-23", previous: previous, all: all, rankedPositions: [2, 1, 3]) == c)
        // Ranked the other way round, the newly recommended follow the rank.
        #expect(ReportModel.Changes.comparing(previousAsOf: "2026-11-23", previous: previous, all: all,
                                              rankedPositions: [1, 3, 2]).newlyRecommended.map(\.sku) == ["UP", "NEW"])
    }

    @Test func takesTheWeeklyForecastFromTheDailyOneByDefault() {
        var f = SKUFigures(sku: "A")
        f.forecastDaily = 1.5
        #expect(ReportModel.Recommendation(figures: f, weeklyDemand: []).forecastWeekly == 10.5)
        #expect(ReportModel.Recommendation(figures: f, weeklyDemand: [], forecastWeekly: 9).forecastWeekly == 9)
    }
}
