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

    @Test func writesTheContractColumnsInOrderThenForecastBias() {
        let text = String(decoding: SKUTables.skusCSV([]), as: UTF8.self)
        #expect(text == """
            sku,name,category,supplier,order_lines,ordered_units,backorder_lines,backordered_units,backorder_rate,\
            stockout_days,open_backorder_units,lost_units,fill_days_p50,fill_days_p90,adi,cv2,demand_class,\
            forecast_method,forecast_daily,forecast_mae,lead_time_days,lead_time_sd_days,lead_time_source,\
            service_level,safety_stock,reorder_point,reorder_point_in_force,reorder_point_increase,order_quantity,\
            on_hand,on_order,inventory_position,order_now_units,unit_price,revenue_at_risk,backorder_eta,forecast_bias

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
        #expect(line.hasSuffix(",2026-12-01,"))  // then forecast_bias, empty
    }
}
