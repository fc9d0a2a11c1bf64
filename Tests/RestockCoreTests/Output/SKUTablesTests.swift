import Testing
@testable import RestockCore

@Suite struct SKUTablesTests {
    func figures(_ sku: String, risk: Double, lines: Int, recommended: Bool = true) -> SKUFigures {
        var f = SKUFigures(sku: sku)
        f.revenueAtRisk = risk
        f.backorderLines = lines
        f.isRecommended = recommended
        return f
    }

    @Test func ranksByRevenueAtRiskThenBackorderLinesThenSKU() {
        let ranked = SKUTables.ranked([
            figures("B", risk: 10, lines: 1), figures("A", risk: 10, lines: 1), figures("C", risk: 10, lines: 5),
            figures("D", risk: 50, lines: 0), figures("E", risk: 99, lines: 9, recommended: false),
        ])
        #expect(ranked.map(\.sku) == ["D", "C", "A", "B"])
    }

    @Test func ranksByPositionInTheFiguresWithoutCopyingThem() {
        // Recommended: A (5, pos 0), B (4, pos 1), D (9, pos 3); C (pos 2) is not.
        let all = [figures("A", risk: 5, lines: 1), figures("B", risk: 4, lines: 2), figures("C", risk: 99, lines: 0, recommended: false),
                   figures("D", risk: 9, lines: 3)]
        #expect(SKUTables.rankedPositions(all) == [3, 0, 1])
        // recommendations.csv read at those positions, in pieces of two rows, is the file of
        // the ranked copies: ranks 1, 2 in the first piece (D, A), 3 in the second (B).
        var pieces: [[UInt8]] = []
        SKUTables.recommendationsCSV(all, positions: [3, 0, 1], rowsPerPiece: 2) { pieces.append($0) }
        #expect(pieces.count == 2)
        #expect(pieces.joined().elementsEqual(SKUTables.recommendationsCSV(SKUTables.ranked(all))))
        #expect(String(decoding: pieces[1], as: UTF8.self).hasPrefix("3,B,"))
    }

    @Test func filesWrittenInPiecesAreTheWholeFilesByteForByte() {
        // Five SKUs in pieces of two rows: three pieces, the header with the first, ranks 1..4
        // of recommendations.csv running on across pieces.
        let all = [figures("A", risk: 5, lines: 1), figures("B", risk: 4, lines: 2), figures("C", risk: 3, lines: 0, recommended: false),
                   figures("D", risk: 2, lines: 3), figures("E", risk: 1, lines: 4)]
        var pieces: [[UInt8]] = []
        SKUTables.skusCSV(all, rowsPerPiece: 2) { pieces.append($0) }
        #expect(pieces.count == 3)
        #expect(pieces.joined().elementsEqual(SKUTables.skusCSV(all)))
        let ranked = SKUTables.ranked(all)
        pieces = []
        SKUTables.recommendationsCSV(ranked, rowsPerPiece: 2) { pieces.append($0) }
        #expect(pieces.count == 2)
        #expect(pieces.joined().elementsEqual(SKUTables.recommendationsCSV(ranked)))
        #expect(String(decoding: pieces[1], as: UTF8.self).hasPrefix("3,D,"))
        // No SKU: the header alone, in one piece.
        pieces = []
        SKUTables.skusCSV([], rowsPerPiece: 2) { pieces.append($0) }
        #expect(pieces == [SKUTables.skusCSV([])])
    }

    @Test func writesTheContractColumnsInOrderThenForecastBias() {
        let text = String(decoding: SKUTables.skusCSV([]), as: UTF8.self)
        #expect(text == """
            sku,name,category,supplier,order_lines,ordered_units,backorder_lines,backordered_units,backorder_rate,\
            stockout_days,open_backorder_units,lost_units,fill_days_p50,fill_days_p90,adi,cv2,demand_class,\
            forecast_method,forecast_daily,forecast_mae,lead_time_days,lead_time_sd_days,lead_time_source,\
            service_level,safety_stock,reorder_point,reorder_point_in_force,reorder_point_increase,order_quantity,\
            on_hand,on_order,inventory_position,order_now_units,unit_price,revenue_at_risk,backorder_eta,forecast_bias,returned_units,\
            backorder_source,one_off_units,left_out

            """)
    }

    @Test func guardsFormulasInTextButNotInNumbersAndLeavesMissingValuesEmpty() {
        var f = SKUFigures(sku: "=HYPERLINK(\"x\")")
        f.name = "-minus, \"quoted\""
        f.safetyStock = -3.25
        f.backorderETA = CivilDate.day(year: 2026, month: 12, day: 1)
        let line = String(decoding: SKUTables.skusCSV([f]), as: UTF8.self).split(separator: "\n")[1]
        #expect(line.hasPrefix("\"'=HYPERLINK(\"\"x\"\")\",\"'-minus, \"\"quoted\"\"\",,,0,0,0,0,,0,0,0,,,,,new,"))
        #expect(line.contains(",-3.25,"))
        #expect(line.hasSuffix(",2026-12-01,,0,none,0,"))  // then forecast_bias (empty), returned_units, backorder_source, one_off_units, left_out (empty)
    }

    @Test func aRecommendationsCellIsTheSKUsCellOfItsColumnBetweenRankAndReason() {
        var f = figures("A", risk: 120.5, lines: 3)
        f.reorderPoint = 148
        f.reorderPointInForce = 36
        f.reorderPointIncrease = 112
        f.orderQuantity = 120
        f.leadTimeDays = 7.2
        f.serviceLevel = 0.95
        f.backorderETA = CivilDate.day(year: 2026, month: 12, day: 1)
        f.reason = "backordered on 3 of 52 weeks"
        let skus = String(decoding: SKUTables.skusCSV([f]), as: UTF8.self).split(separator: "\n")[1]
        let skuCells = Dictionary(uniqueKeysWithValues: zip(SKUTables.skuColumns, skus.split(separator: ",", omittingEmptySubsequences: false)))
        let line = String(decoding: SKUTables.recommendationsCSV([f]), as: UTF8.self).split(separator: "\n")[1]
        let cells = line.split(separator: ",", omittingEmptySubsequences: false)
        #expect(cells.first == "1")
        #expect(cells.last == "backordered on 3 of 52 weeks")
        for (name, cell) in zip(SKUTables.recommendationColumns, cells).dropFirst().dropLast() {
            #expect(skuCells[name] == cell, "\(name)")
        }
        // Reorder point 36 -> 148 (+112), lots of 120, no stock figures (two empty cells),
        // 120.5 at risk, 3 backorder lines, ETA 2026-12-01, 7.2 days, no forecast, 95%.
        #expect(line == "1,A,,,36,148,112,120,,,120.5,3,0,2026-12-01,7.2,0,0.95,new,backordered on 3 of 52 weeks")
    }

    @Test func theGuideExplainsEveryColumnOnceAndInFileOrder() {
        let terms = ReportGuide.skuColumns.map(\.term)
        #expect(terms.flatMap { $0.components(separatedBy: ", ") } == SKUTables.skuColumns)
        #expect(terms.prefix(2) == ["sku", "name, category, supplier"])
        #expect(terms.contains("on_hand, on_order"))
        #expect(SKUColumn.all.first?.meaning != nil)
    }
}
